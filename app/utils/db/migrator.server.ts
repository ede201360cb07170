// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, and records
// it in `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, columns and
// SHA-256 checksum), so Prisma's own tooling agrees with us wherever its native engine runs.
// We need our own applier because Prisma's engine-free mode cannot apply migrations to
// PostgreSQL (see docs/decisions/002-migration-applier.md).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationFailedError extends Error {
  constructor(
    public migration: string,
    cause: unknown,
  ) {
    super(
      `Migration ${migration} failed and was rolled back; the database is as it was before it. ` +
        `Cause: ${(cause as Error)?.message ?? String(cause)}`,
    );
    this.name = "MigrationFailedError";
  }
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Several app instances may start at once against one server: one applies, the others wait.
const ADVISORY_LOCK_KEY = 72707369; // arbitrary constant, "upstream migrations"

export function defaultMigrationsDir() {
  return path.resolve(process.env.UPSTREAM_MIGRATIONS_DIR ?? "prisma/migrations");
}

export function readMigrations(dir = defaultMigrationsDir()): MigrationFile[] {
  if (!fs.existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma hashes the file's bytes as they are on disk.
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      return { name, sql, checksum };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(connectionString: string, migrations: MigrationFile[] = readMigrations()): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded) {
        if (recorded !== migration.checksum) {
          // Prisma warns about this too; an edited migration is a mistake worth stopping for.
          throw new Error(
            `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
              `Restore the original file and put the change in a new migration.`,
          );
        }
        continue;
      }
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: MigrationFile) {
  const id = crypto.randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, NULL, now(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationFailedError(migration.name, error);
  }
}
