// The benchmarks' PostgreSQL database: choosing and emptying it, short-lived clients, and the
// secondary indexes dropped before a bulk load and built again after it.
import pg from "pg";
import { readMigrations } from "../../app/utils/db/migrator.server";
import { dropDatabase, quoteIdentifier } from "../../app/utils/db/sql-identifiers.server";

/** "12.3 s" since `since` (a performance.now() reading). */
export function seconds(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface PrepareOptions {
  /** Database created under BENCH_ADMIN_URL unless BENCH_DATABASE_NAME says otherwise. */
  defaultName: string;
  /** The script, named in the message when neither variable is set. */
  script: string;
  /** With BENCH_REUSE=1: whether the database already holds this benchmark's data. */
  isSeeded(url: string): Promise<boolean>;
}

/**
 * The database to use, emptied (unless BENCH_REUSE=1 and it is already seeded): BENCH_DATABASE_URL
 * has its public schema dropped and recreated; with BENCH_ADMIN_URL the database is dropped and
 * created again (and left behind for inspection).
 */
export async function prepareDatabase(options: PrepareOptions): Promise<{ url: string; reuse: boolean }> {
  let url = process.env.BENCH_DATABASE_URL;
  const adminUrl = process.env.BENCH_ADMIN_URL;
  if (!url && !adminUrl) {
    console.error(
      `Set BENCH_DATABASE_URL (a database this may wipe) or BENCH_ADMIN_URL (to create ${options.defaultName}). See the top of ${options.script}.`,
    );
    process.exit(2);
  }
  const reusable = async (candidate: string) => {
    if (process.env.BENCH_REUSE !== "1") return false;
    if (!(await migrationsCurrent(candidate).catch(() => false))) {
      console.log("BENCH_REUSE=1, but the database is missing or was migrated with other migration files: starting afresh.");
      return false;
    }
    return options.isSeeded(candidate).catch(() => false);
  };
  if (!url) {
    const name = process.env.BENCH_DATABASE_NAME ?? options.defaultName;
    const target = new URL(adminUrl!);
    target.pathname = `/${encodeURIComponent(name)}`;
    url = target.toString();
    if (await reusable(url)) return { url, reuse: true };
    await withClient(adminUrl!, async (admin) => {
      await dropDatabase(admin, name);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    });
    return { url, reuse: false };
  }
  if (await reusable(url)) return { url, reuse: true };
  await withClient(url, async (client) => {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  });
  return { url, reuse: false };
}

/** Whether the database has exactly the migrations in prisma/migrations applied (the server refuses to start otherwise). */
async function migrationsCurrent(url: string) {
  const files = readMigrations();
  const applied = await withClient(url, async (client) => {
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Map(rows.map((row) => [row.migration_name, row.checksum]));
  });
  return applied.size === files.length && files.every((file) => applied.get(file.name) === file.checksum);
}

export interface IndexDefinition {
  table: string;
  name: string;
  definition: string;
}

/**
 * Drops the indexes of `table` that back no constraint (primary keys stay, so foreign keys still
 * find their rows) and returns their definitions. A bulk load followed by one build of each index
 * is much faster than maintaining them row by row.
 */
export async function dropSecondaryIndexes(client: pg.Client, table: string): Promise<IndexDefinition[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = $1
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass)`,
    [table],
  );
  for (const index of rows) await client.query(`DROP INDEX ${quoteIdentifier(index.indexname)}`);
  return rows.map((index) => ({ table, name: index.indexname, definition: index.indexdef }));
}

/**
 * Drops the foreign keys of `table` and returns the statements that add them back. Adding one
 * checks every row in a single join, far cheaper than a lookup per inserted row.
 */
export async function dropForeignKeys(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ conname: string; definition: string }>(
    `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`,
    [table],
  );
  for (const key of rows) await client.query(`ALTER TABLE ${quoteIdentifier(table)} DROP CONSTRAINT ${quoteIdentifier(key.conname)}`);
  return rows.map((key) => `ALTER TABLE ${quoteIdentifier(table)} ADD CONSTRAINT ${quoteIdentifier(key.conname)} ${key.definition}`);
}

/** Runs the statements shared out over the given connections, one at a time on each, in order. */
export async function runSpread(clients: pg.Client[], statements: string[]) {
  const queue = [...statements];
  await Promise.all(
    clients.map(async (client) => {
      for (let statement = queue.shift(); statement; statement = queue.shift()) await client.query(statement);
    }),
  );
}

/** Builds the indexes, shared out over the given connections. */
export async function createIndexes(clients: pg.Client[], indexes: IndexDefinition[]) {
  await runSpread(
    clients,
    indexes.map((index) => index.definition),
  );
}
