// Browser journeys against the production build (`npm run test:e2e` builds first). The global
// setup starts one server on a free port with a fresh data directory; both projects share it,
// so tests run one at a time and make their own uniquely named data.
//
// The browser is the system's Chromium (Playwright's own download is not available here); set
// CHROMIUM_PATH to use another.
import { defineConfig } from "@playwright/test";

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

// Checks that don't depend on the browser's scripting run once, with JavaScript on.
const jsOnly = ["**/http-security.spec.ts", "**/keyboard.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./tests/e2e/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  outputDir: "test-results/e2e",
  use: {
    ...chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "no-js", use: { javaScriptEnabled: false }, testIgnore: jsOnly },
  ],
});
