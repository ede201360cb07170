// The production build (build/index.js) as a child process: built when stale, started on a free
// loopback port in its own process group, waited for, and stopped — several at once if asked
// (two instances on one PostgreSQL). Shared by the benchmarks, the browser tests' server and the
// integration tests that need whole app servers.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `remix build` when `force`, or when build/ is missing or older than app/ and server/. */
export function ensureBuild({ force = false, quiet = false } = {}) {
  const built = path.join(ROOT, "build", "index.js");
  const stale =
    force ||
    !fs.existsSync(built) ||
    fs.statSync(built).mtimeMs < Math.max(newestMtime(path.join(ROOT, "app")), newestMtime(path.join(ROOT, "server")));
  if (!stale) return;
  if (!quiet) console.log("Building (remix build)…");
  const result = spawnSync("npx", ["remix", "build"], {
    cwd: ROOT,
    stdio: quiet ? "pipe" : "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`remix build failed:\n${result.stderr?.toString() ?? ""}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// Settings a developer's shell may carry for their own runs; a started instance gets only what
// its caller asks for.
const INHERITED_SETTINGS_REMOVED = [
  "DATABASE_URL",
  "UPSTREAM_EMBEDDED_DATABASE",
  "UPSTREAM_DATA_DIR",
  "SMTP_HOST",
  "SMTP_URL",
  "APP_URL",
  "TRUST_PROXY",
  "UPSTREAM_DEMO_DATA",
  "UPSTREAM_JOBS",
  "UPSTREAM_JOB_INTERVAL_SECONDS",
  "SESSION_SECRET",
  "LOG_LEVEL",
];

export interface AppProcessOptions {
  /** The instance's environment on top of the inherited one (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  /** A fixed port (e.g. to start an instance again where it was); default a free one. */
  port?: number;
  /** The path polled until it answers 200: /readyz (database too) or /healthz (process only). */
  readyPath?: "/readyz" | "/healthz";
  /** How long starting may take (a first start seeding demo data takes longer). */
  readySeconds?: number;
  /** Echo the server's output live (else it is kept for error messages). */
  echoOutput?: boolean;
  /** Options for node itself, before the script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

export interface AppProcess {
  origin: string;
  port: number;
  child: ChildProcess;
  /** The last 20 kB the server wrote. */
  output(): string;
  /** SIGTERM to the process group, SIGKILL after a grace period. */
  stop(): Promise<void>;
}

function hasExited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

const running = new Set<AppProcess>();

/** Starts build/index.js on 127.0.0.1 (production mode, jobs and demo data off unless `env` says). */
export async function startAppProcess(options: AppProcessOptions = {}): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_SETTINGS_REMOVED) delete env[name];
  Object.assign(env, {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    UPSTREAM_JOBS: "off",
    UPSTREAM_DEMO_DATA: "off",
    LOG_LEVEL: "warn",
    ...options.env,
  });
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "build/index.js"], {
    cwd: ROOT,
    // Its own process group, so stopping it can't miss a child and can't touch the caller.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (options.echoOutput) process.stderr.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  // If the caller dies, don't leave the server behind.
  const killOnExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const origin = `http://127.0.0.1:${port}`;
  const instance: AppProcess = {
    origin,
    port,
    child,
    output: () => output,
    async stop() {
      running.delete(instance);
      process.off("exit", killOnExit);
      if (!hasExited(child)) {
        signalGroup(child, "SIGTERM");
        if (!(await waitForExit(child, 15_000))) {
          signalGroup(child, "SIGKILL");
          await waitForExit(child, 5_000);
        }
      }
      signalGroup(child, "SIGKILL");
    },
  };
  running.add(instance);

  const deadline = Date.now() + (options.readySeconds ?? 60) * 1000;
  const readyUrl = `${origin}${options.readyPath ?? "/readyz"}`;
  try {
    for (;;) {
      if (hasExited(child)) throw new Error(`The server exited before it was ready:\n${output}`);
      if (Date.now() > deadline) throw new Error(`The server was not ready within ${options.readySeconds ?? 60} s:\n${output}`);
      try {
        if ((await fetch(readyUrl, { signal: AbortSignal.timeout(5_000) })).ok) break;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return instance;
}

/** Stops every instance this process started. */
export async function stopAllAppProcesses() {
  await Promise.all([...running].map((instance) => instance.stop()));
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
