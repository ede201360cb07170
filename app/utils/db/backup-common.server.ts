// What backups of both kinds of database share: the refusal every caller shows as it is, row
// counts, file names and sizes, and what a restored database's migrations mean for this version.
import fs from "node:fs";
import path from "node:path";
import { readMigrations } from "./migrator.server";
import { quoteIdentifier } from "./sql-identifiers.server";

export type DatabaseKind = "embedded" | "postgres";

/** A refusal or failure the person running the command should read: printed without a stack. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface TableCount {
  /** `name` for tables in the public schema, `schema.name` otherwise. */
  table: string;
  rows: number;
}

/** Runs one SQL statement and returns its rows (PGlite and node-postgres both fit). */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Exact row counts of every table outside PostgreSQL's own schemas, in name order. */
export async function countRows(query: Query): Promise<TableCount[]> {
  const tables = (await query(
    `SELECT schemaname, tablename FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg\\_%'
      ORDER BY schemaname, tablename`,
  )) as { schemaname: string; tablename: string }[];
  if (tables.length === 0) return [];
  const counts = await query(
    tables
      .map((t, i) => `SELECT ${i} AS i, count(*) AS n FROM ${quoteIdentifier(t.schemaname)}.${quoteIdentifier(t.tablename)}`)
      .join(" UNION ALL "),
  );
  const byIndex = new Map(counts.map((row) => [Number(row.i), Number(row.n)]));
  return tables.map((t, i) => ({
    table: t.schemaname === "public" ? t.tablename : `${t.schemaname}.${t.tablename}`,
    rows: byIndex.get(i) ?? 0,
  }));
}

export function totalRows(counts: TableCount[]) {
  return counts.reduce((sum, t) => sum + t.rows, 0);
}

/** `2026-11-23T11-06-00Z`: UTC, sorts by time, no characters a file system or a shell dislikes. */
export function fileTimestamp(now = new Date()) {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
}

export function defaultBackupFile(kind: DatabaseKind, now = new Date()) {
  return path.join("backups", `upstream-${fileTimestamp(now)}.${kind === "embedded" ? "tar.gz" : "dump"}`);
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export const number = new Intl.NumberFormat("en-GB");

/** "37 tables, 1,234 rows:" and the tables in three columns. */
export function formatCounts(counts: TableCount[]) {
  const lines = [`${counts.length} tables, ${number.format(totalRows(counts))} rows:`];
  const nameWidth = Math.max(...counts.map((t) => t.table.length), 0);
  const countWidth = Math.max(...counts.map((t) => number.format(t.rows).length), 0);
  const cells = counts.map((t) => `${t.table.padEnd(nameWidth)} ${number.format(t.rows).padStart(countWidth)}`);
  for (let i = 0; i < cells.length; i += 3) lines.push(`  ${cells.slice(i, i + 3).join("    ")}`);
  return lines.join("\n");
}

/** A write that leaves either the whole file or none (never a truncated backup under its name). */
export function writeFileAtomically(file: string, data: Uint8Array) {
  const partial = `${file}.partial`;
  try {
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * What a restored database's `_prisma_migrations` means for this version of the app: the
 * migrations it lacks are applied at the next start (or by `npm run db:migrate`) as usual.
 */
export function describeMigrations(appliedInBackup: string[]): { text: string; warning?: string } {
  const known = readMigrations().map((m) => m.name);
  const applied = new Set(appliedInBackup);
  const missing = known.filter((name) => !applied.has(name));
  const unknown = appliedInBackup.filter((name) => !known.includes(name));
  const warning = unknown.length
    ? `Warning: the backup was made by a newer version of Upstream: it has migrations this version does not know (${unknown.join(", ")}). ` +
      `Run the version that made it (or a newer one); this one may not work with its schema.`
    : undefined;
  if (missing.length === 0) {
    return { text: `Its schema is at this version's latest migration (${known.at(-1) ?? "none"}): nothing to migrate.`, warning };
  }
  return {
    text:
      `It predates ${missing.length} of this version's ${known.length} migrations (${missing.join(", ")}). ` +
      `The restored database keeps its _prisma_migrations table, so the app applies only the missing ones when it starts ` +
      `(or run \`npm run db:migrate\` with the app stopped).`,
    warning,
  };
}

/** Names of the migrations recorded as applied, or undefined when there is no migrations table. */
export async function appliedMigrations(query: Query): Promise<string[] | undefined> {
  const [exists] = await query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
  if (!exists?.present) return undefined;
  const rows = await query(
    `SELECT migration_name FROM public."_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => String(r.migration_name));
}
