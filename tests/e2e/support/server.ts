// Starts the production build (build/index.js) with a fresh data directory (embedded database,
// demo organisation, emails written to mailbox/), and stops it again. The embedded database
// belongs to that process alone, so tests reach the app only over HTTP and through the files it
// writes (the mailbox).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppProcess } from "../../../scripts/lib/app-process";

export interface RunningServer {
  baseURL: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-e2e-"));
  try {
    const instance = await startAppProcess({
      env: {
        UPSTREAM_DATA_DIR: dataDir,
        UPSTREAM_DEMO_DATA: undefined,
        UPSTREAM_JOBS: undefined,
        LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? "warn",
        // Jobs tick every 2 s, so a complaint's 1-minute acknowledgement target escalates in time.
        UPSTREAM_JOB_INTERVAL_SECONDS: "2",
      },
      readySeconds: 120,
      echoOutput: Boolean(process.env.E2E_SERVER_LOG),
    });
    return {
      baseURL: instance.origin,
      dataDir,
      async stop() {
        await instance.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
