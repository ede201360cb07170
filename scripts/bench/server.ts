// The production server for the benchmarks: built if needed (BENCH_BUILD=1 forces it), started
// on a free loopback port with jobs off, and stopped whatever happens (call stopServer in a
// finally and on signals). Several may run at once (the load benchmark's two instances).
import crypto from "node:crypto";
import { ensureBuild as ensureAppBuild, startAppProcess, stopAllAppProcesses } from "../lib/app-process";

export { ROOT, freePort, signIn } from "../lib/app-process";

export function ensureBuild() {
  ensureAppBuild({ force: process.env.BENCH_BUILD === "1" });
}

export interface StartOptions {
  /** A real PostgreSQL; without it the server opens its embedded database in UPSTREAM_DATA_DIR. */
  databaseUrl?: string;
  /** More environment for the server (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  /** How long it may take to answer /healthz (default 30 s; a first start seeding demo data takes longer). */
  startSeconds?: number;
}

/** Starts build/index.js; resolves to its origin once /healthz answers. */
export async function startServer(options: StartOptions = {}) {
  const instance = await startAppProcess({
    env: {
      DATABASE_URL: options.databaseUrl,
      // Every instance of one benchmark shares the secret, as instances behind a load balancer do.
      SESSION_SECRET: benchSecret,
      ...options.env,
    },
    readyPath: "/healthz",
    // BENCH_CPU_PROFILE=<dir>: each instance writes a V8 CPU profile there when it stops
    // (open it in Chrome DevTools or speedscope to see where a slow route spends its time).
    nodeArgs: process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [],
    readySeconds: options.startSeconds ?? 30,
    echoOutput: true,
  });
  return instance.origin;
}

const benchSecret = crypto.randomBytes(32).toString("base64url");

export function stopServer() {
  return stopAllAppProcesses();
}

/** Stops the servers on Ctrl-C or SIGTERM before exiting. */
export function stopServerOnSignals() {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      void stopServer().finally(() => process.exit(130));
    });
  }
}
