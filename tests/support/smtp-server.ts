// A real SMTP server on a loopback port for the email tests (smtp-server, plain SMTP: no TLS
// upgrade to a self-signed certificate, no authentication). It keeps every message it accepts,
// and can be told to refuse every recipient (550) to test retries.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** The whole message as sent: headers and body. */
  raw: string;
}

export interface TestSmtpServer {
  /** What was accepted, oldest first (clear with `received.length = 0`). */
  received: ReceivedMail[];
  /** While true, every recipient is refused with 550. */
  refuseRecipients: boolean;
  port: number;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state = { received: [] as ReceivedMail[], refuseRecipients: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuseRecipients) return callback();
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        state.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  return Object.assign(state, {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
