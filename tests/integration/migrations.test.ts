// The migration files and their applier: together they must build exactly the schema that
// schema.prisma describes, record themselves as Prisma would, and fail safely.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { MigrationFailedError, migrate, readMigrations } from "~/utils/db/migrator.server";
import { describeSchema } from "../support/catalog";
import { createEmptyDatabase, testDatabaseUrl, withPgClient, type TestDatabase } from "../support/database";
import { MIGRATIONS_DIR, PROJECT_ROOT } from "../support/database-template";

const PRISMA_CLI = path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The SQL that builds schema.prisma from nothing, as Prisma itself writes it. */
function prismaSqlFromEmpty(databaseUrl: string): Promise<string> {
  const args = ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      {
        cwd: PROJECT_ROOT,
        // In engine-free mode the CLI wants a reachable server in DATABASE_URL, though the diff
        // itself touches no database.
        env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`prisma ${args.join(" ")} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

function migrationFolders() {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A migrations folder in a temp dir: a copy of the real ones, ready to be altered. */
function copyOfMigrations() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-migrations-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

function migrationRows(connectionString: string) {
  return withPgClient(async (client) => {
    const { rows } = await client.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    return rows;
  }, connectionString);
}

// Empty databases made by a test, destroyed after it (each embedded one holds a PGlite in memory).
let databases: TestDatabase[] = [];
async function emptyDatabase() {
  const database = await createEmptyDatabase();
  databases.push(database);
  return database.connectionString;
}

const temporaryDirs: string[] = [];

afterEach(async () => {
  await Promise.all(databases.map((database) => database.destroy()));
  databases = [];
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// The Prisma CLI takes several seconds: start it first and let the other tests run meanwhile.
let cliDatabase: TestDatabase | undefined;
let schemaSql: Promise<string>;
beforeAll(async () => {
  cliDatabase = await createEmptyDatabase();
  schemaSql = prismaSqlFromEmpty(cliDatabase.connectionString);
  schemaSql.catch(() => {}); // reported by the test that awaits it
});

afterAll(async () => {
  await schemaSql?.catch(() => {});
  await cliDatabase?.destroy();
});

describe("migrations", () => {
  test("record each migration in _prisma_migrations as Prisma does", async () => {
    const rows = await migrationRows(testDatabaseUrl());
    const folders = migrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      const file = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(UUID);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }

    // The table itself has the columns Prisma's migrate creates, so Prisma can read it.
    const columns = await withPgClient(async (client) => {
      const { rows } = await client.query<{ column: string }>(
        `SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS column
           FROM pg_attribute a
           LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = 'public._prisma_migrations'::regclass AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY a.attnum`,
      );
      return rows.map((row) => row.column);
    });
    expect(columns).toEqual([
      "id character varying(36) NOT NULL",
      "checksum character varying(64) NOT NULL",
      "finished_at timestamp with time zone",
      "migration_name character varying(255) NOT NULL",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone NOT NULL DEFAULT now()",
      "applied_steps_count integer NOT NULL DEFAULT 0",
    ]);
  });

  test("apply nothing the second time", async () => {
    const url = await emptyDatabase();
    const migrations = readMigrations(MIGRATIONS_DIR);
    expect((await migrate(url, migrations)).applied).toHaveLength(migrations.length);
    const before = await migrationRows(url);

    const second = await migrate(url, migrations);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.length });
    expect(await migrationRows(url)).toEqual(before);
  });

  test("roll a failing migration back completely and keep the earlier ones", async () => {
    const dir = copyOfMigrations();
    temporaryDirs.push(dir);
    const broken = "99999999999999_broken";
    fs.mkdirSync(path.join(dir, broken));
    fs.writeFileSync(path.join(dir, broken, "migration.sql"), `CREATE TABLE "broken_probe" ("id" INTEGER NOT NULL);\nSELEC 1;\n`);
    const url = await emptyDatabase();

    const error = await migrate(url, readMigrations(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).migration).toBe(broken);
    expect((error as Error).message).toContain(broken);

    const probe = await withPgClient(async (client) => {
      const { rows } = await client.query<{ table: string | null }>(`SELECT to_regclass('public.broken_probe')::text AS table`);
      return rows[0]!.table;
    }, url);
    expect(probe).toBeNull();
    const rows = await migrationRows(url);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationFolders());
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  test("refuse to run when an applied migration was edited afterwards", async () => {
    const dir = copyOfMigrations();
    temporaryDirs.push(dir);
    const [first] = migrationFolders();
    fs.appendFileSync(path.join(dir, first!, "migration.sql"), "\n-- an edit after the fact\n");
    const url = testDatabaseUrl();
    const before = await migrationRows(url);

    await expect(migrate(url, readMigrations(dir))).rejects.toThrow(new RegExp(`Migration ${first} was changed after it was applied`));
    expect(await migrationRows(url)).toEqual(before);
  });

  // Last, so the tests above run while the Prisma CLI works.
  test("build exactly the schema that schema.prisma describes", { timeout: 120_000 }, async () => {
    const fromMigrations = await emptyDatabase();
    const fromSchema = await emptyDatabase();

    const result = await migrate(fromMigrations, readMigrations(MIGRATIONS_DIR));
    expect(result.applied).toEqual(migrationFolders());
    const sql = await schemaSql;
    await withPgClient((client) => client.query(sql), fromSchema);

    const expected = await withPgClient(describeSchema, fromSchema);
    const actual = await withPgClient(describeSchema, fromMigrations);
    // The description really lists columns (a comparison of two empty lists proves nothing).
    expect(expected).toContain("column users.email text NOT NULL");
    expect(actual).toEqual(expected);

    // And it notices one missing column.
    await withPgClient((client) => client.query(`ALTER TABLE "users" DROP COLUMN "title"`), fromSchema);
    expect(await withPgClient(describeSchema, fromSchema)).not.toEqual(actual);
  });
});
