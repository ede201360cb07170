// "The database can't be reached right now" told apart from every other failure, so an outage
// answers 503 with the friendly page (and the job runner says so) instead of a 500 and a stack.
// Pure: it only looks at the shape of the error, as each layer reports it —
// - Prisma with the pg driver adapter: P1001 "Can't reach database server", P1017 "Server has
//   closed the connection", …, or P2010 (a raw query failed) whose meta.driverAdapterError.cause
//   names the kind (DatabaseNotReachable, ConnectionClosed, …) or the PostgreSQL SQLSTATE, or a
//   bare DriverAdapterError carrying the same description as its `cause`;
// - node-postgres itself (queryRows, and errors the adapter passes through unconverted):
//   ECONNREFUSED and friends, "Connection terminated unexpectedly", "Client has encountered a
//   connection error and is not queryable", and the pool's "timeout exceeded when trying to connect";
// - PostgreSQL shutting down or starting up: SQLSTATE 57P01/57P02/57P03, class 08, 53300.
// Nothing here matches a query's own fault (a constraint, a syntax error, a missing row).

/** Prisma's connection-level error codes (P2024: no connection from the pool in time). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** The Prisma driver adapter's names for the same conditions. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** Socket errors of the database connection (node-postgres reports them as they come). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections. */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

const MESSAGES = [
  /Connection terminated/i,
  /not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

function isSqlState(code: unknown) {
  // Class 08: connection exception (08000, 08003 connection_does_not_exist, 08006 connection_failure, …).
  return typeof code === "string" && (SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

function describes(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const { code, kind, originalCode, message } = value as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown };
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isSqlState(code))) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (isSqlState(originalCode)) return true;
  return typeof message === "string" && MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * True when `error` says the database is unreachable (down, restarting, refusing connections or
 * out of them) rather than that a query was wrong. Looks at the error itself and at the driver
 * adapter's description of it: in `meta.driverAdapterError.cause` of a Prisma error, or in the
 * `cause` of a bare DriverAdapterError (which is what a model query, e.g. `update`, rejects with
 * when PostgreSQL shuts down under it). Not at arbitrary `cause` chains, so a failed call to some
 * other server (a fetch's ECONNREFUSED) is not mistaken for the database.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (describes(error)) return true;
  if (!error || typeof error !== "object") return false;
  const { name, cause, meta } = error as { name?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  if (name === "DriverAdapterError" && describes(cause)) return true;
  return describes(meta?.driverAdapterError?.cause);
}

/** What the user is told (the error page shows its own wording for status 503; this is the body of the thrown response). */
export const DATABASE_UNAVAILABLE_MESSAGE = "Upstream can't reach its database right now. Please try again in a minute.";

/**
 * The response thrown in place of a database-unavailable error: Remix renders the nearest error
 * boundary with status 503 (its 503 branch), a resource route answers this text. Retry-After
 * tells clients and load balancers that it is temporary.
 */
export function databaseUnavailableResponse() {
  return new Response(DATABASE_UNAVAILABLE_MESSAGE, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "30" },
  });
}
