// The production server for the benchmarks: built if needed, started on a free loopback port,
// signed in to, and stopped whatever happens (call stopServer in a finally and on signals).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
let server: ChildProcess | undefined;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `remix build` when BENCH_BUILD=1, or when build/ is missing or older than app/ and server/. */
export function ensureBuild() {
  const built = path.join(ROOT, "build", "index.js");
  const stale =
    process.env.BENCH_BUILD === "1" ||
    !fs.existsSync(built) ||
    fs.statSync(built).mtimeMs < Math.max(newestMtime(path.join(ROOT, "app")), newestMtime(path.join(ROOT, "server")));
  if (!stale) return;
  console.log("Building (remix build)…");
  const result = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("remix build failed");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** A real PostgreSQL; without it the server opens its embedded database in UPSTREAM_DATA_DIR. */
  databaseUrl?: string;
  /** More environment for the server (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  /** How long it may take to answer /healthz (default 30 s; a first start seeding demo data takes longer). */
  startSeconds?: number;
}

/** Starts build/index.js on 127.0.0.1 with jobs off; resolves to its origin once /healthz answers. */
export async function startServer(options: StartOptions = {}) {
  if (server) throw new Error("A server is already running");
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    UPSTREAM_EMBEDDED_DATABASE: undefined,
    HOST: "127.0.0.1",
    PORT: String(port),
    UPSTREAM_JOBS: "off",
    UPSTREAM_DEMO_DATA: "off",
    LOG_LEVEL: "warn",
    SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(process.execPath, ["build/index.js"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env });
  server = child;
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`The server exited (code ${code})`))));
  exited.catch(() => {}); // a later exit (stopServer) is not an error
  const origin = `http://127.0.0.1:${port}`;
  const limit = options.startSeconds ?? 30;
  const ready = (async () => {
    const deadline = performance.now() + limit * 1000;
    while (performance.now() < deadline && child.exitCode === null && child.signalCode === null) {
      try {
        if ((await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5_000) })).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`The server did not start within ${limit} s`);
  })();
  ready.catch(() => {}); // when the server exits first, `exited` tells why
  await Promise.race([ready, exited]);
  return origin;
}

export async function stopServer() {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await gone;
  clearTimeout(timer);
}

/** Stops the server on Ctrl-C or SIGTERM before exiting. */
export function stopServerOnSignals() {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      void stopServer().finally(() => process.exit(130));
    });
  }
}

/** Signs in through the form; returns the session cookie ("name=value"). */
export async function signIn(origin: string, email: string, password: string) {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    signal: AbortSignal.timeout(30_000),
  });
  const session = response.headers.getSetCookie().find((c) => /^(__Host-)?upstream_session=/.test(c));
  if (response.status !== 302 || !session) throw new Error(`Sign-in as ${email} failed (status ${response.status})`);
  return session.split(";", 1)[0]!;
}
