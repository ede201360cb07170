// "Nothing was written": a fingerprint of every table (its row count and a hash of its rows,
// which also catches an update that leaves the count alone, such as a bumped updated_at), taken
// before and after a refused form submission. One query, so it costs a few milliseconds.
import { prisma } from "~/utils/db.server";

export type TableFingerprints = Record<string, { rows: number; hash: string }>;

let query: string | undefined;

async function fingerprintQuery() {
  if (query) return query;
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name::text AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
  );
  if (!tables.length) throw new Error("No tables found: is the test database migrated?");
  query = tables
    .map(({ name }) => {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const literal = `'${name.replace(/'/g, "''")}'`;
      return `SELECT ${literal} AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${quoted} t`;
    })
    .join("\nUNION ALL\n");
  return query;
}

/** Every table's fingerprint, leaving out `ignore` (tables a refused submission may rightly write). */
export async function fingerprintTables(ignore: readonly string[] = []): Promise<TableFingerprints> {
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string; rows: number; hash: string }>>(await fingerprintQuery());
  const result: TableFingerprints = {};
  for (const row of rows) if (!ignore.includes(row.name)) result[row.name] = { rows: row.rows, hash: row.hash };
  return result;
}

/** The tables whose fingerprint differs, e.g. ["comments (rows 3 → 4)", "requests (changed)"]. */
export function changedTables(before: TableFingerprints, after: TableFingerprints): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed: string[] = [];
  for (const name of names) {
    const a = before[name];
    const b = after[name];
    if (!a || !b) changed.push(`${name} (appeared or vanished)`);
    else if (a.rows !== b.rows) changed.push(`${name} (rows ${a.rows} → ${b.rows})`);
    else if (a.hash !== b.hash) changed.push(`${name} (rows changed)`);
  }
  return changed;
}
