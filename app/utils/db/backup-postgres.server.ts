// Backups of a real PostgreSQL server (DATABASE_URL): pg_dump's custom format, restored with
// pg_restore --clean --if-exists --no-owner in one transaction (a failed restore changes nothing).
// The password never reaches a command line or a message: see postgres-tools.server.ts.
import fs from "node:fs";
import pg from "pg";
import { appliedMigrations, BackupError, countRows, number, totalRows, type Query, type TableCount } from "./backup-common.server";
import { describeDatabaseUrl, findPostgresTool, runTool, toolConnection, ToolNotFoundError, type FoundTool } from "./postgres-tools.server";

async function connect(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 15_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    const missing = (error as { code?: string }).code === "3D000" ? " Create it first (e.g. `createdb`), empty, then run this again." : "";
    throw new BackupError(
      `Could not connect to the PostgreSQL database ${describeDatabaseUrl(databaseUrl)}: ${(error as Error).message}.${missing}`,
    );
  }
  return client;
}

function queryOf(client: pg.Client): Query {
  return async (sql) => (await client.query<Record<string, unknown>>(sql)).rows;
}

async function serverMajor(client: pg.Client) {
  const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
  return Math.floor(Number(rows[0]!.server_version_num) / 10000);
}

function findTool(tool: "pg_dump" | "pg_restore", major: number): FoundTool {
  try {
    return findPostgresTool(tool, major);
  } catch (error) {
    if (error instanceof ToolNotFoundError) throw new BackupError(error.message);
    throw error;
  }
}

export interface PostgresBackupResult {
  database: string;
  counts: TableCount[];
  tool: FoundTool;
  warnings: string[];
}

export async function backupPostgres(databaseUrl: string, file: string): Promise<PostgresBackupResult> {
  const database = describeDatabaseUrl(databaseUrl);
  const connection = toolConnection(databaseUrl);
  const warnings: string[] = [];
  const client = await connect(databaseUrl);
  try {
    const major = await serverMajor(client);
    const tool = findTool("pg_dump", major);
    if (tool.major < major) {
      warnings.push(
        `Warning: ${tool.path} is version ${tool.major}, older than the server (${major}); pg_dump refuses to dump a newer server. ` +
          `Install PostgreSQL ${major}'s client programs (e.g. \`apt-get install postgresql-client-${major}\`).`,
      );
    }
    // The counts printed are those of the very snapshot pg_dump copies: this transaction exports
    // it and stays open until pg_dump is done.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    let snapshot: string | undefined;
    try {
      snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    } catch {
      // A server that cannot export snapshots (some poolers, hot standbys before 10): counts are
      // then taken just before the dump instead.
      await client.query("ROLLBACK");
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    const counts = await countRows(queryOf(client));
    const partial = `${file}.partial`;
    const result = await runTool(
      tool,
      [
        "--format=custom",
        "--no-password",
        `--file=${partial}`,
        ...(snapshot ? [`--snapshot=${snapshot}`] : []),
        `--dbname=${connection.uri}`,
      ],
      connection,
    );
    await client.query("COMMIT");
    if (result.code !== 0) {
      fs.rmSync(partial, { force: true });
      throw new BackupError(`pg_dump failed (exit code ${result.code}); no backup was written:\n${result.stderr}`);
    }
    fs.renameSync(partial, file);
    return { database, counts, tool, warnings };
  } finally {
    await client.end().catch(() => {});
  }
}

/** `schema.table` of every table in an archive's table of contents (`pg_restore --list`). */
function archiveTables(list: string) {
  const tables = new Set<string>();
  for (const line of list.split("\n")) {
    const match = /^\d+; \d+ \d+ TABLE (\S+) (\S+) /.exec(line);
    if (match) tables.add(`${match[1]}.${match[2]}`);
  }
  return tables;
}

function qualified(table: string) {
  return table.includes(".") ? table : `public.${table}`;
}

export interface PostgresRestoreResult {
  database: string;
  counts: TableCount[];
  migrations: string[];
  tool: FoundTool;
  warnings: string[];
}

export async function restorePostgres(databaseUrl: string, file: string, { yes }: { yes: boolean }): Promise<PostgresRestoreResult> {
  const database = describeDatabaseUrl(databaseUrl);
  const connection = toolConnection(databaseUrl);
  const warnings: string[] = [];
  const client = await connect(databaseUrl);
  let tool: FoundTool;
  let inArchive: Set<string>;
  try {
    const major = await serverMajor(client);
    tool = findTool("pg_restore", major);

    // Read the archive before touching anything: it must be readable and an Upstream database.
    const list = await runTool(tool, ["--list", file], connection);
    if (list.code !== 0) {
      throw new BackupError(
        `${tool.path} (version ${tool.major}) cannot read ${file}:\n${list.stderr}\n` +
          `An archive made by a newer pg_dump needs a pg_restore at least as new.`,
      );
    }
    inArchive = archiveTables(list.stdout);
    if (!inArchive.has("public._prisma_migrations")) {
      throw new BackupError(
        `${file} is a pg_dump archive but not of an Upstream database (it has no _prisma_migrations table): nothing was changed.`,
      );
    }

    const before = await countRows(queryOf(client));
    if (totalRows(before) > 0 && !yes) {
      const largest = [...before]
        .sort((a, b) => b.rows - a.rows)
        .slice(0, 3)
        .map((t) => `${t.table} ${number.format(t.rows)}`)
        .join(", ");
      throw new BackupError(
        `The database ${database} already has data (${before.length} tables, ${number.format(totalRows(before))} rows: ${largest}, …). ` +
          `Restoring replaces it with the backup's. Nothing was changed. If that is what you want, run again with --yes:\n` +
          `  npm run db:restore -- ${file} --yes`,
      );
    }
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    const others = Number(rows[0]!.n);
    if (others > 0) {
      warnings.push(
        `Warning: ${others} other connection(s) to ${database} are open. If the app is running, stop it: ` +
          `the restore waits for their locks and the app would see the data change under it.`,
      );
    }
  } finally {
    await client.end().catch(() => {});
  }

  const result = await runTool(
    tool,
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      "--exit-on-error",
      "--no-password",
      `--dbname=${connection.uri}`,
      file,
    ],
    connection,
  );
  if (result.code !== 0) {
    throw new BackupError(
      `pg_restore failed (exit code ${result.code}); it ran in one transaction, so nothing was changed:\n${result.stderr}`,
    );
  }

  const after = await connect(databaseUrl);
  try {
    const counts = await countRows(queryOf(after));
    const migrations = (await appliedMigrations(queryOf(after))) ?? [];
    // --clean drops and recreates what the archive has; tables it does not have stay as they were.
    const leftovers = counts.map((t) => qualified(t.table)).filter((table) => !inArchive.has(table));
    if (leftovers.length) {
      warnings.push(
        `Warning: these tables are not in the backup and were left as they were: ${leftovers.join(", ")}. ` +
          `If a newer migration made them, the app's next start will try to create them again and fail: ` +
          `drop them, or restore into an empty database.`,
      );
    }
    return { database, counts, migrations, tool, warnings };
  } finally {
    await after.end().catch(() => {});
  }
}
