// Prisma CLI configuration.
//
// Prisma's native engines are downloaded from Prisma's own servers, which many build machines
// (ours included) cannot reach. In "js" engine mode with a driver adapter the CLI needs no native
// engine for `generate` and for datamodel-to-datamodel `migrate diff`, which is all we use it for:
// migrations are applied by our own applier (app/utils/db/migrator.server.ts).
// The connection string must be present when the config loads, or the CLI falls back to
// downloading the native engine; no command we run actually connects with it.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// schema.prisma reads env("DATABASE_URL") too, so set the placeholder in the environment.
process.env.DATABASE_URL ??= "postgresql://upstream@127.0.0.1:5432/upstream-cli-placeholder";
const connectionString = process.env.DATABASE_URL;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  // A short idle timeout lets the CLI exit as soon as it is done instead of waiting for pg's
  // default 10 s idle pool timeout.
  adapter: async () => new PrismaPg({ connectionString, idleTimeoutMillis: 50 }),
});
