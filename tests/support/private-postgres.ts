// A PostgreSQL server of the test's own: a fresh cluster in a temporary directory, on a free
// loopback port, that the test may stop and start again (an outage) without disturbing any other
// test. Uses the PostgreSQL binaries installed on the machine (`pg_config --bindir`, or
// /usr/lib/postgresql/<version>/bin); `findPostgresBinaries()` is undefined where there are none,
// so such tests are skipped with a reason rather than failing.
//
// PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user and its
// commands run through `runuser`.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/lib/app-process";

const isRoot = process.getuid?.() === 0;

export function findPostgresBinaries(): string | undefined {
  const candidates: string[] = [];
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const versions = fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  candidates.push(...versions.map((version) => `/usr/lib/postgresql/${version}/bin`));
  const found = candidates.find((dir) => ["initdb", "pg_ctl", "postgres"].every((tool) => fs.existsSync(path.join(dir, tool))));
  if (!found) return undefined;
  if (isRoot && spawnSync("id", ["postgres"]).status !== 0) return undefined;
  return found;
}

export interface PrivatePostgres {
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  port: number;
  binDir: string;
  /** Stops the server at once (clients see their connections dropped). */
  stop(): void;
  start(): void;
  /** Stops it and deletes the cluster. */
  destroy(): void;
}

function run(binDir: string, tool: string, args: string[]) {
  const command = isRoot ? "runuser" : path.join(binDir, tool);
  const fullArgs = isRoot ? ["-u", "postgres", "--", path.join(binDir, tool), ...args] : args;
  return execFileSync(command, fullArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** initdb + start; trust authentication, loopback only (nothing but this test can reach it). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const binDir = findPostgresBinaries();
  if (!binDir) throw new Error("No PostgreSQL binaries on this machine");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-pg-"));
  const dataDir = path.join(root, "data");
  const socketDir = path.join(root, "socket");
  fs.mkdirSync(socketDir);
  if (isRoot) execFileSync("chown", ["-R", "postgres", root]);
  const port = await freePort();
  run(binDir, "initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const logFile = path.join(root, "server.log");

  const start = () => void run(binDir, "pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
  const stop = () => void run(binDir, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
  start();

  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    try {
      stop();
    } catch {
      // Already stopped.
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.once("exit", destroy);

  return {
    port,
    binDir,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    destroy,
  };
}
