// The one Prisma client of the process. It connects through node-postgres (the Prisma pg
// adapter), whether the server is the embedded PGlite or a real PostgreSQL.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { log } from "./logger.server";

export type { PrismaClient };
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface Connection {
  client: PrismaClient;
  pool: pg.Pool;
}

let current: Connection | undefined;

/** True when the connection string points at the embedded database, which serves one client. */
function isEmbedded() {
  return process.env.UPSTREAM_EMBEDDED_DATABASE === "1";
}

/**
 * Two gaps in node-postgres + Prisma's pg adapter that only show in an outage (both seen in
 * tests/servers/database-outage.test.ts, PostgreSQL stopped under a burst of form posts):
 * - A client also emits "error" while it is lent out, and then only its borrower hears it. But
 *   the pool hands a client over through a promise and the borrower (the adapter starting a
 *   transaction) attaches its listener a microtask later; PostgreSQL's "terminating connection"
 *   message can arrive in the same network read as the reply before it and be emitted inside
 *   that gap with no listener at all: an uncaught exception that stopped the whole server.
 * - When a transaction's connection dies, Prisma sends ROLLBACK, which fails, and never calls the
 *   adapter's rollback(), so the client is never given back: each outage leaked a few of the
 *   pool's connections for good, and after a few outages every query waited for a free one.
 * So every client gets an "error" listener of its own for life, and a client that fails while
 * lent out (every failure node-postgres emits means the connection is gone) is given back to
 * the pool at once, with the error so the pool discards it; the borrower's own release, if it
 * ever comes, does nothing. The borrower still sees the failure in its query.
 */
function releaseDeadClients(pool: pg.Pool) {
  const lent = new Set<pg.PoolClient>();
  pool.on("acquire", (client) => lent.add(client));
  pool.on("release", (_error, client) => lent.delete(client));
  pool.on("remove", (client) => lent.delete(client as pg.PoolClient));
  pool.on("connect", (client) => {
    client.on("error", (error) => {
      log.debug("database client failed", { error: error.message });
      // An idle client: the pool's own listener discards it (and the pool's "error" is logged).
      if (!lent.delete(client)) return;
      const release = client.release;
      client.release = () => {};
      release(error);
    });
  });
}

function connect(connectionString: string): Connection {
  const pool = new pg.Pool({
    connectionString,
    max: isEmbedded() ? 1 : Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // The embedded database serves one connection, so waiting for it behind another transaction
    // (the first-run seed, a job's batch) is normal there, not a sign of an outage.
    connectionTimeoutMillis: isEmbedded() ? 30_000 : 5_000,
    idleTimeoutMillis: 30_000,
  });
  // node-postgres emits errors of idle clients (e.g. the server restarted) on the pool; left
  // unhandled they crash the process. The broken client is discarded and the next query reconnects.
  pool.on("error", (error) => log.warn("database connection lost", { error: error.message }));
  releaseDeadClients(pool);
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { client, pool };
}

export function getPrisma(): PrismaClient {
  if (!current) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the database has not been started");
    current = connect(url);
  }
  return current.client;
}

/**
 * The Prisma client. A proxy so modules can import it at load time while the connection is
 * made later (after the embedded database starts, or per test file).
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * Rows of a read-only query (e.g. `Prisma.sql`…`: `text` with $1… placeholders and `values`),
 * sent straight through the client's pool. For the busiest lists only (docs/decisions/008): there
 * Prisma's own work per query, even for `$queryRaw`, costs several times the query itself.
 */
export async function queryRows<T>(query: { text: string; values: unknown[] }): Promise<T[]> {
  getPrisma();
  const result = await current!.pool.query(query.text, query.values);
  return result.rows as T[];
}

export async function disconnectDatabase() {
  const connection = current;
  current = undefined;
  if (!connection) return;
  await connection.client.$disconnect().catch(() => {});
  await connection.pool.end().catch(() => {});
  // pool.end() resolves before the sockets have finished closing; the embedded server accepts
  // one connection at a time, so wait until they are really gone.
  for (let i = 0; i < 50 && connection.pool.totalCount > 0; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 20));
}

/** A unique constraint refused the write (Prisma's P2002): a duplicate, or a double submit that raced. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/** Used by /readyz and the outage page: can we run a query right now? */
export async function isDatabaseReachable(timeoutMs = 2_000): Promise<boolean> {
  try {
    await Promise.race([prisma.$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs))]);
    return true;
  } catch {
    return false;
  }
}
