// A normalised, order-independent description of what a database's `public` schema contains,
// read from the PostgreSQL catalog. Two databases with equal descriptions have the same tables,
// columns, enums, indexes, constraints, sequences and extensions, whatever order they were
// created in. Object ids and column positions are left out: Prisma does not care about either.
// Views, functions and triggers are left out too: schema.prisma cannot describe them.
import type pg from "pg";

const IGNORED_TABLES = ["_prisma_migrations"];

export async function describeSchema(client: pg.Client): Promise<string[]> {
  const lines: string[] = [];
  const ignored = IGNORED_TABLES;

  const extensions = await client.query<{ extname: string }>(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`);
  for (const row of extensions.rows) lines.push(`extension ${row.extname}`);

  // Enum labels as a set: Prisma appends new labels (ALTER TYPE … ADD VALUE) wherever the
  // schema lists them, so their order legitimately differs between the two paths.
  const enums = await client.query<{ typname: string; labels: string[] }>(
    `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumlabel) AS labels
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public'
      GROUP BY t.typname`,
  );
  for (const row of enums.rows) lines.push(`enum ${row.typname} {${row.labels.join(", ")}}`);

  const relations = await client.query<{ relname: string; relkind: string }>(
    `SELECT c.relname, c.relkind::text AS relkind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND NOT (c.relname = ANY($1))`,
    [ignored],
  );
  for (const row of relations.rows) lines.push(`relation ${row.relname} kind=${row.relkind}`);

  const columns = await client.query<{
    relname: string;
    attname: string;
    type: string;
    attnotnull: boolean;
    default: string | null;
    attidentity: string;
    attgenerated: string;
    collation: string | null;
  }>(
    `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
            pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity::text AS attidentity,
            a.attgenerated::text AS attgenerated,
            CASE WHEN co.collname IS NULL OR co.collname = 'default' THEN NULL ELSE co.collname END AS collation
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       LEFT JOIN pg_collation co ON co.oid = a.attcollation
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND a.attnum > 0 AND NOT a.attisdropped
        AND NOT (c.relname = ANY($1))`,
    [ignored],
  );
  for (const row of columns.rows) {
    const parts = [`column ${row.relname}.${row.attname} ${row.type}`, row.attnotnull ? "NOT NULL" : "NULL"];
    if (row.default !== null) parts.push(`DEFAULT ${row.default}`);
    if (row.attidentity) parts.push(`IDENTITY ${row.attidentity}`);
    if (row.attgenerated) parts.push(`GENERATED ${row.attgenerated}`);
    if (row.collation) parts.push(`COLLATE ${row.collation}`);
    lines.push(parts.join(" "));
  }

  const indexes = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND NOT (tablename = ANY($1))`,
    [ignored],
  );
  for (const row of indexes.rows) lines.push(`index ${row.indexname}: ${row.indexdef}`);

  // CHECK constraints are left out: schema.prisma cannot describe them, so the migrations add
  // them by hand (e.g. ratings_scores_check) and tests of those rules prove they exist.
  const constraints = await client.query<{ relname: string; conname: string; definition: string }>(
    `SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND k.contype <> 'c' AND NOT (c.relname = ANY($1))`,
    [ignored],
  );
  for (const row of constraints.rows) lines.push(`constraint ${row.relname}.${row.conname}: ${row.definition}`);

  const sequences = await client.query<{ relname: string; type: string; owner: string | null }>(
    `SELECT c.relname, format_type(s.seqtypid, NULL) AS type,
            (SELECT t.relname || '.' || a.attname
               FROM pg_depend d
               JOIN pg_class t ON t.oid = d.refobjid
               JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')
              LIMIT 1) AS owner
       FROM pg_sequence s
       JOIN pg_class c ON c.oid = s.seqrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public'`,
  );
  for (const row of sequences.rows) lines.push(`sequence ${row.relname} ${row.type} owned by ${row.owner ?? "nothing"}`);

  return lines.sort();
}
