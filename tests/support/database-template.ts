// Builds the migrated template that every integration test file copies (run once per test run,
// from global-setup.ts). Two modes:
// - embedded (default): an in-memory PGlite, migrated, dumped to a tar file that is cached under
//   node_modules/.cache and reused while the migrations and the PGlite version stay the same;
// - server (TEST_DATABASE_URL set): a template database on that PostgreSQL server.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions, servePglite } from "~/utils/db/embedded-postgres.server";
import { migrate, readMigrations } from "~/utils/db/migrator.server";
import { dropDatabase, quoteIdentifier } from "~/utils/db/sql-identifiers.server";

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Same rule as the app's migrator: UPSTREAM_MIGRATIONS_DIR, else prisma/migrations. */
export const MIGRATIONS_DIR = path.resolve(PROJECT_ROOT, process.env.UPSTREAM_MIGRATIONS_DIR ?? path.join("prisma", "migrations"));
const CACHE_DIR = path.join(PROJECT_ROOT, "node_modules", ".cache", "upstream-tests");

export const SERVER_TEMPLATE_NAME = "upstream_test_template";

export type TestDatabaseConfig =
  { mode: "embedded"; templateFile: string; emptyFile: string } | { mode: "server"; adminUrl: string; templateName: string };

declare module "vitest" {
  export interface ProvidedContext {
    upstreamTestDatabase: TestDatabaseConfig;
  }
}

/** The connection string of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function pgliteVersion() {
  const manifest = path.join(PROJECT_ROOT, "node_modules", "@electric-sql", "pglite", "package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

function writeAtomically(file: string, data: Uint8Array) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}

async function dump(db: PGlite, file: string) {
  // Flush to the data files so a copy starts without WAL replay.
  await db.exec("CHECKPOINT");
  const tar = await db.dumpDataDir("none");
  writeAtomically(file, new Uint8Array(await tar.arrayBuffer()));
}

/**
 * Makes sure the cached dumps exist: one of an empty cluster, one of a migrated one. The key
 * covers every migration's name and checksum, the PGlite version and the extensions loaded.
 */
export async function prepareEmbeddedTemplates(): Promise<TestDatabaseConfig> {
  const migrations = readMigrations(MIGRATIONS_DIR);
  const version = pgliteVersion();
  const extensions = Object.keys(pgliteExtensions).sort().join(",");
  const key = crypto
    .createHash("sha256")
    .update([version, extensions, ...migrations.map((m) => `${m.name} ${m.checksum}`)].join("\n"))
    .digest("hex");
  const templateFile = path.join(CACHE_DIR, `template-${key}.tar`);
  const emptyFile = path.join(CACHE_DIR, `empty-${version}-${extensions}.tar`);
  if (fs.existsSync(templateFile) && fs.existsSync(emptyFile)) return { mode: "embedded", templateFile, emptyFile };

  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // Old templates are 40 MB each: keep only the current one.
  for (const name of fs.readdirSync(CACHE_DIR)) {
    if (name.startsWith("template-") && name !== path.basename(templateFile)) {
      fs.rmSync(path.join(CACHE_DIR, name), { force: true });
    }
  }
  const db = await PGlite.create({ extensions: pgliteExtensions });
  try {
    if (!fs.existsSync(emptyFile)) await dump(db, emptyFile);
    const served = await servePglite(db);
    try {
      await migrate(served.connectionString, migrations);
    } finally {
      await served.stop();
    }
    await dump(db, templateFile);
  } finally {
    await db.close();
  }
  return { mode: "embedded", templateFile, emptyFile };
}

/** (Re)creates the template database on the server and migrates it. */
export async function prepareServerTemplate(adminUrl: string): Promise<TestDatabaseConfig> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (admin.database === SERVER_TEMPLATE_NAME) {
      throw new Error(`TEST_DATABASE_URL must name a database other than ${SERVER_TEMPLATE_NAME}`);
    }
    await dropDatabase(admin, SERVER_TEMPLATE_NAME);
    await admin.query(`CREATE DATABASE ${quoteIdentifier(SERVER_TEMPLATE_NAME)} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  // migrate() closes its connection before returning, so the template has no sessions left
  // when test files copy it (CREATE DATABASE … TEMPLATE refuses a database in use).
  await migrate(databaseUrl(adminUrl, SERVER_TEMPLATE_NAME), readMigrations(MIGRATIONS_DIR));
  return { mode: "server", adminUrl, templateName: SERVER_TEMPLATE_NAME };
}

export async function dropServerTemplate(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await dropDatabase(admin, SERVER_TEMPLATE_NAME);
  } finally {
    await admin.end();
  }
}
