// `npm run db:backup` and `npm run db:restore`, run as the real scripts in child processes, on
// the demo organisation, for both kinds of database:
// - embedded: a data directory seeded with the demo data is backed up (refused while the app has
//   it open) and restored into another directory; every table has the same rows, compared by count
//   and by a checksum of all its rows;
// - a PostgreSQL server of the test's own (skipped where PostgreSQL is not installed): the same
//   round trip between two databases, plus the refusal to overwrite data without --yes.
// Either kind refuses the other's backup.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT, startAppProcess } from "../../scripts/lib/app-process";
import { findPostgresBinaries, startPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";
import { pgliteExtensions } from "~/utils/db/embedded-postgres.server";
import { migrate } from "~/utils/db/migrator.server";

const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<name>.ts as `npm run` would, with only the database settings given here. */
function runScript(name: "db-seed" | "db-backup" | "db-restore", args: string[], env: Record<string, string>, cwd = ROOT) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", UPSTREAM_MIGRATIONS_DIR: MIGRATIONS_DIR };
  for (const key of ["DATABASE_URL", "UPSTREAM_DATA_DIR", "UPSTREAM_EMBEDDED_DATABASE", "TEST_DATABASE_URL", "PGPASSWORD"])
    delete childEnv[key];
  Object.assign(childEnv, env);
  return new Promise<ScriptResult>((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(ROOT, "scripts", `${name}.ts`), ...args], {
      cwd,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;
type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Per table: its row count and an md5 of all its rows' text in a fixed order. */
async function fingerprint(query: Query): Promise<Fingerprint> {
  const tables = await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const result: Fingerprint = {};
  for (const { tablename } of tables) {
    const name = `"${String(tablename)}"`;
    const [row] = await query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS md5 FROM ${name} t`,
    );
    result[String(tablename)] = { rows: Number(row!.n), md5: String(row!.md5) };
  }
  return result;
}

async function embeddedFingerprint(dataDir: string) {
  const db = await PGlite.create({ dataDir: path.join(dataDir, "pgdata"), extensions: pgliteExtensions });
  try {
    return await fingerprint(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await db.close();
  }
}

async function serverFingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fingerprint(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await client.end();
  }
}

/** The demo organisation is really there: the comparison is of something. */
function expectDemoData(print: Fingerprint) {
  expect(print.users?.rows).toBeGreaterThanOrEqual(30);
  expect(print.requests?.rows).toBeGreaterThanOrEqual(100);
  expect(print.complaints?.rows).toBeGreaterThanOrEqual(100);
  expect(print._prisma_migrations?.rows).toBe(
    fs.readdirSync(MIGRATIONS_DIR).filter((n) => fs.existsSync(path.join(MIGRATIONS_DIR, n, "migration.sql"))).length,
  );
}

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-backup-"));
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("embedded database", () => {
  let source: string;

  beforeAll(async () => {
    source = path.join(root, "source");
    const seeded = await runScript("db-seed", [], { UPSTREAM_DATA_DIR: source });
    expect(seeded.code, seeded.stderr).toBe(0);
  });

  test("while the app has the database open, backup and restore refuse and say to stop the app first", async () => {
    const placeholder = path.join(root, "placeholder.tar.gz");
    fs.writeFileSync(path.join(root, "PG_VERSION"), "17\n");
    execFileSync("tar", ["czf", placeholder, "-C", root, "PG_VERSION"]);
    const app = await startAppProcess({ env: { UPSTREAM_DATA_DIR: source }, readySeconds: 120 });
    try {
      const backup = await runScript("db-backup", [path.join(root, "while-running.tar.gz")], { UPSTREAM_DATA_DIR: source });
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain(`it is in use by another process (pid ${app.child.pid})`);
      expect(backup.stderr).toContain("Stop the app first, then run `npm run db:backup` again.");
      expect(fs.existsSync(path.join(root, "while-running.tar.gz"))).toBe(false);

      const restore = await runScript("db-restore", [placeholder], { UPSTREAM_DATA_DIR: source });
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain("Stop the app first, then run `npm run db:restore` again.");
    } finally {
      await app.stop();
    }
    expect(fs.readdirSync(source).sort()).toEqual(["pgdata"]);
  });

  test("backup (default file name) → restore into another data directory: every table's rows are the same", async () => {
    const original = await embeddedFingerprint(source);
    expectDemoData(original);

    // Run from another directory so the default backups/ folder lands there, not in the project.
    const backup = await runScript("db-backup", [], { UPSTREAM_DATA_DIR: source }, root);
    expect(backup.code, backup.stderr).toBe(0);
    const [file] = fs.readdirSync(path.join(root, "backups"));
    expect(file).toMatch(/^upstream-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/);
    const tarball = path.join(root, "backups", file!);
    expect(backup.stdout).toContain(`to backups/${file} (`);
    expect(backup.stdout).toMatch(/\d+ tables, [\d,]+ rows:/);
    expect(backup.stdout).toMatch(/ users +40\b/);

    const target = path.join(root, "restored");
    const restore = await runScript("db-restore", [tarball], { UPSTREAM_DATA_DIR: target });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("Its schema is at this version's latest migration");
    expect(fs.readdirSync(target).sort()).toEqual(["pgdata"]);
    expect(await embeddedFingerprint(target)).toEqual(original);

    // Restoring over a database keeps that one aside, whole, to undo the restore.
    const again = await runScript("db-restore", [tarball], { UPSTREAM_DATA_DIR: target });
    expect(again.code, again.stderr).toBe(0);
    const entries = fs.readdirSync(target).sort();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe("pgdata");
    expect(entries[1]).toMatch(/^pgdata\.before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(fs.existsSync(path.join(target, entries[1]!, "PG_VERSION"))).toBe(true);
    expect(again.stdout).toContain(`The database that was there before is kept in ${path.join(target, entries[1]!)}`);
    expect(await embeddedFingerprint(target)).toEqual(original);
  });

  test("a pg_dump archive is refused, with the reason", async () => {
    const archive = path.join(root, "server.dump");
    fs.writeFileSync(archive, Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(200)]));
    const restore = await runScript("db-restore", [archive], { UPSTREAM_DATA_DIR: path.join(root, "restored") });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain("is a pg_dump archive of a PostgreSQL server");
    expect(restore.stderr).toContain("Set DATABASE_URL");
    expect(restore.stderr).toContain("Nothing was changed.");
  });
});

const binaries = findPostgresBinaries();

describe.skipIf(!binaries)(`PostgreSQL server${binaries ? "" : " (skipped: no PostgreSQL binaries on this machine)"}`, () => {
  // The private server trusts loopback connections, so any password is accepted: one is given to
  // check it is never printed.
  const PASSWORD = "backup-test-s3cret";
  let server: PrivatePostgres;
  let sourceUrl: string;
  let copyUrl: string;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE upstream_source");
    await admin.query("CREATE DATABASE upstream_copy");
    await admin.end();
    const withPassword = (database: string) => server.url(database).replace("postgres@", `postgres:${PASSWORD}@`);
    sourceUrl = withPassword("upstream_source");
    copyUrl = withPassword("upstream_copy");
    const seeded = await runScript("db-seed", [], { DATABASE_URL: sourceUrl });
    expect(seeded.code, seeded.stderr).toBe(0);
  });

  afterAll(() => server?.destroy());

  test("backup → restore into another database: every table's rows are the same; the app's migrations still apply", async () => {
    const original = await serverFingerprint(sourceUrl);
    expectDemoData(original);

    const archive = path.join(root, "nightly", "upstream.dump");
    const backup = await runScript("db-backup", [archive], { DATABASE_URL: sourceUrl });
    expect(backup.code, backup.stderr).toBe(0);
    expect(fs.readFileSync(archive).subarray(0, 5).toString()).toBe("PGDMP");
    expect(backup.stdout).toContain(`Backed up the PostgreSQL database postgres@127.0.0.1:${server.port}/upstream_source`);
    expect(backup.stdout).toMatch(/ users +40\b/);

    // An empty database needs no --yes.
    const restore = await runScript("db-restore", [archive], { DATABASE_URL: copyUrl });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("Its schema is at this version's latest migration");
    expect(await serverFingerprint(copyUrl)).toEqual(original);
    expect(await migrate(copyUrl)).toEqual({ applied: [], alreadyApplied: original._prisma_migrations!.rows });

    for (const output of [backup, restore]) expect(output.stdout + output.stderr).not.toContain(PASSWORD);
  });

  test("restoring over a database that has data needs --yes; without it nothing changes", async () => {
    const archive = path.join(root, "nightly", "upstream.dump");
    const client = new pg.Client({ connectionString: copyUrl });
    await client.connect();
    await client.query(`UPDATE teams SET name = name || ' (changed)'`);
    await client.end();
    const changed = await serverFingerprint(copyUrl);

    const refused = await runScript("db-restore", [archive], { DATABASE_URL: copyUrl });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The database postgres@127.0.0.1:${server.port}/upstream_copy already has data`);
    expect(refused.stderr).toContain(`npm run db:restore -- ${archive} --yes`);
    expect(await serverFingerprint(copyUrl)).toEqual(changed);

    const restored = await runScript("db-restore", [archive, "--yes"], { DATABASE_URL: copyUrl });
    expect(restored.code, restored.stderr).toBe(0);
    expect(await serverFingerprint(copyUrl)).toEqual(await serverFingerprint(sourceUrl));
    for (const output of [refused, restored]) expect(output.stdout + output.stderr).not.toContain(PASSWORD);
  });

  test("a backup of the embedded database is refused, with the reason", async () => {
    const tarball = path.join(root, "embedded.tar.gz");
    fs.writeFileSync(path.join(root, "PG_VERSION"), "17\n");
    execFileSync("tar", ["czf", tarball, "-C", root, "PG_VERSION"]);
    const restore = await runScript("db-restore", [tarball, "--yes"], { DATABASE_URL: copyUrl });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain("is a backup of the embedded database");
    expect(restore.stderr).toContain("Only PGlite can load such a backup");
    expect(restore.stderr).toContain("Nothing was changed.");
  });
});
