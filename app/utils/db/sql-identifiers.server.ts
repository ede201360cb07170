// Names in SQL that cannot be bound as parameters (databases, tables, indexes), and dropping a
// database on a server where the tests and benchmarks are not superuser.
import type pg from "pg";

export function quoteIdentifier(name: string) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** PostgreSQL's SQLSTATE for "insufficient privilege". */
const INSUFFICIENT_PRIVILEGE = "42501";

/**
 * Drops a database even if connections to it are still open.
 *
 * `DROP DATABASE … WITH (FORCE)` refuses outright when any session in the database belongs to a
 * role we may not signal — and an autovacuum worker that happens to be analysing the database
 * counts as one for a role without `pg_signal_backend`. A plain DROP DATABASE cancels autovacuum
 * itself and waits up to 5 s for sessions to leave, so when FORCE is refused we end our own
 * role's sessions and drop plainly.
 */
export async function dropDatabase(client: pg.Client, name: string) {
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
    await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
      [name],
    );
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
  }
}
