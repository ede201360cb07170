// A tiny round-robin TCP load balancer on a free loopback port, for the load benchmark's run
// over several app instances. Each NEW connection is handed to the next instance and its bytes
// piped both ways, untouched (layer 4: no HTTP parsing, no X-Forwarded-* headers). A keep-alive
// connection therefore stays with the instance it was given for all its requests: with N
// long-lived connections each instance gets about N / instances of them. It runs in the calling
// process, so its work shares the load generator's event loop.
import net from "node:net";

export interface Balancer {
  /** http://127.0.0.1:<port> — what clients connect to (and send as Origin). */
  origin: string;
  /** Connections handed to each target so far, in the order of `targets`. */
  connectionsPerTarget: number[];
  /** Stops accepting and cuts every open connection. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 and shares connections out over `targets` (origins such as http://127.0.0.1:3001). */
export async function startBalancer(targets: string[]): Promise<Balancer> {
  const addresses = targets.map((origin) => {
    const url = new URL(origin);
    return { host: url.hostname, port: Number(url.port) };
  });
  const connectionsPerTarget = addresses.map(() => 0);
  const open = new Set<net.Socket>();
  let next = 0;

  const server = net.createServer((client) => {
    const index = next++ % addresses.length;
    connectionsPerTarget[index]! += 1;
    const upstream = net.connect(addresses[index]!);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      open.add(socket);
      socket.once("close", () => {
        open.delete(socket);
        closeBoth();
      });
      socket.once("error", closeBoth);
    }
    client.pipe(upstream).pipe(client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    connectionsPerTarget,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}
