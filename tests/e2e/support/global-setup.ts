// Runs once per `playwright test`: starts one production server that every project and test
// shares, and hands its address and data directory to the test workers through the environment
// (workers are started after this and inherit it). The returned function stops the server.
//
// `npm run test:e2e` always builds first; a bare `npx playwright test` builds only when there is
// no build at all, so it may test a stale build.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { startServer } from "./server";
import { E2E_ENV } from "./app";

export default async function globalSetup(config: FullConfig) {
  const projectRoot = path.dirname(config.configFile ?? path.resolve("playwright.config.ts"));
  if (!fs.existsSync(path.join(projectRoot, "build", "index.js"))) {
    execFileSync("npm", ["run", "build"], { cwd: projectRoot, stdio: "inherit" });
  }
  const server = await startServer();
  process.env[E2E_ENV.baseURL] = server.baseURL;
  process.env[E2E_ENV.dataDir] = server.dataDir;
  return () => server.stop();
}
