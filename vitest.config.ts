// Two kinds of tests:
// - unit: pure functions, no database;
// - integration: loaders, actions and models against a fresh migrated PostgreSQL database per
//   test file (tests/support/README.md explains the embedded and TEST_DATABASE_URL modes);
// - servers: whole app processes (the production build) on a PostgreSQL server of the test's
//   own — several instances at once, database outages, backups.
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: "node",
    pool: "forks",
    // The machines that run this have two cores; each integration file also runs its own database.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      LOG_LEVEL: "silent",
      NODE_ENV: "test",
      UPSTREAM_JOBS: "off",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-integration.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "servers",
          include: ["tests/servers/**/*.test.ts"],
          globalSetup: ["tests/servers/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
