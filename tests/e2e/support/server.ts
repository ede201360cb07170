// Starts the production build (build/index.js) as its own process group, on a free loopback
// port, with a fresh data directory, and stops it again. The embedded database belongs to that
// process alone, so tests reach the app only over HTTP and through the files it writes
// (the mailbox).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  baseURL: string;
  dataDir: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
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

/** Signals the whole process group (the server and anything it started). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function waitUntilReady(baseURL: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`The server exited before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function serverEnvironment({ port, dataDir }: { port: number; dataDir: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    UPSTREAM_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? "warn",
    // Jobs tick every 2 s, so a complaint's 1-minute acknowledgement target escalates in time.
    UPSTREAM_JOB_INTERVAL_SECONDS: "2",
  };
  // The embedded database, the mailbox directory (not a mail server) and links built from the
  // request's own address: whatever the developer's shell has configured for their own runs.
  for (const name of ["DATABASE_URL", "SMTP_HOST", "APP_URL", "TRUST_PROXY", "UPSTREAM_DEMO_DATA", "UPSTREAM_JOBS"]) delete env[name];
  return env;
}

export async function startServer({ projectRoot }: { projectRoot: string }): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-e2e-"));
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["./build/index.js"], {
    cwd: projectRoot,
    // Its own process group, so stopping it can't miss a child and can't touch the test runner.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: serverEnvironment({ port, dataDir }),
  });

  // Kept for error messages; echoed live when E2E_SERVER_LOG is set.
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  // If the runner itself dies, don't leave the server behind.
  const killOnExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (!hasExited(child)) {
      signalGroup(child, "SIGTERM");
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        signalGroup(child, "SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
    // Anything else left in the group (there should be nothing) goes too.
    signalGroup(child, "SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(baseURL, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, dataDir, stop };
}
