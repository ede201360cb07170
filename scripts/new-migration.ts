// npm run db:migration -- <name> [--from=<git ref>]
// Authors prisma/migrations/<timestamp>_<name>/migration.sql from the edit to schema.prisma:
// Prisma's datamodel-to-datamodel diff between the schema as last committed (git HEAD, or the
// given ref when redoing a not-yet-shipped migration) and the working copy. No database is changed. (Prisma's engine-free CLI still wants a reachable
// PostgreSQL for the diff, so a throwaway in-memory PGlite is served for it.)
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "../app/utils/db/embedded-postgres.server";

const EMPTY = "-- This is an empty migration.";

function committedSchema(ref: string): string | null {
  try {
    return execFileSync("git", ["show", `${ref}:prisma/schema.prisma`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function main() {
  const fromRef = process.argv.find((a) => a.startsWith("--from="))?.slice("--from=".length) ?? "HEAD";
  const name = (process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) {
    console.error("Usage: npm run db:migration -- <name>   (e.g. add_request_types)");
    process.exit(2);
  }
  const migrationsDir = path.resolve("prisma/migrations");
  const hasMigrations = fs.existsSync(migrationsDir) && fs.readdirSync(migrationsDir).some((d) => /^\d{14}_/.test(d));
  const previous = hasMigrations ? committedSchema(fromRef) : null;
  if (hasMigrations && previous === null) {
    console.error(`Could not read prisma/schema.prisma at ${fromRef}. Commit the schema your last migration was made from.`);
    process.exit(1);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-migration-"));
  const from = previous === null ? ["--from-empty"] : ["--from-schema-datamodel", path.join(tmp, "previous.prisma")];
  if (previous !== null) fs.writeFileSync(path.join(tmp, "previous.prisma"), previous);

  const db = await PGlite.create();
  const served = await servePglite(db);
  try {
    // Asynchronous on purpose: the PGlite server answering the CLI runs in this process's event loop.
    const result = await run("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
      ...process.env,
      DATABASE_URL: served.connectionString,
    });
    if (result.code !== 0) {
      console.error(result.stderr || result.stdout);
      process.exit(1);
    }
    const sql = result.stdout;
    if (!sql.trim() || sql.trim() === EMPTY) {
      console.log("schema.prisma has no changes since the last commit: no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — read it, then run npm run db:migrate.`);
  } finally {
    await served.stop();
    await db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
