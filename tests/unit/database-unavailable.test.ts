// Which errors mean "the database can't be reached" (answered 503, and a quiet warning from the
// job runner) and which are ordinary faults. The shapes below are the ones Prisma 6 with the pg
// driver adapter and node-postgres 8 actually produce when the server is stopped, restarting or
// full (recorded against a real PostgreSQL 15), plus the loader/action wrapper that turns them
// into a 503 response.
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "~/utils/database-unavailable";
import { answerDatabaseOutages } from "../../server/database-outage";

function prismaError(code: string, message: string, cause?: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError(message, {
    code,
    clientVersion: "6.19.3",
    meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : undefined,
  });
}

function socketError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
    code,
    errno: -111,
    syscall: "connect",
    address: "127.0.0.1",
    port: 5432,
  });
}

/** What a model query (create, update…) rejects with when the adapter has no Prisma code for the failure. */
function driverAdapterError(cause: Record<string, unknown>) {
  return Object.assign(new Error(String(cause.message ?? cause.kind)), { name: "DriverAdapterError", cause, clientVersion: "6.19.3" });
}

function postgresError(code: string, message: string) {
  return Object.assign(new Error(message), { code, severity: "FATAL" });
}

describe("isDatabaseUnavailable", () => {
  test.each([
    ["Prisma P1001, server down", prismaError("P1001", "Can't reach database server at 127.0.0.1:5432", { kind: "DatabaseNotReachable" })],
    ["Prisma P1017, connection closed", prismaError("P1017", "Server has closed the connection.")],
    ["Prisma P2024, no pool connection in time", prismaError("P2024", "Timed out fetching a new connection from the connection pool.")],
    [
      "a raw query (P2010) that could not connect",
      prismaError("P2010", "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5432`", {
        kind: "DatabaseNotReachable",
        host: "127.0.0.1",
        port: 5432,
      }),
    ],
    [
      "a raw query (P2010) cut off by a shutdown (57P01)",
      prismaError("P2010", "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", {
        kind: "postgres",
        originalCode: "57P01",
        code: "57P01",
        severity: "FATAL",
      }),
    ],
    ["the adapter's ConnectionClosed", prismaError("P2010", "Raw query failed", { kind: "ConnectionClosed" })],
    [
      "a model query cut off by a shutdown (a bare DriverAdapterError, 57P01)",
      driverAdapterError({
        kind: "postgres",
        code: "57P01",
        originalCode: "57P01",
        severity: "FATAL",
        message: "terminating connection due to administrator command",
      }),
    ],
    ["node-postgres: connection refused", socketError("ECONNREFUSED")],
    ["node-postgres: connection reset", socketError("ECONNRESET")],
    ["node-postgres: a broken client in a transaction", new Error("Client has encountered a connection error and is not queryable")],
    ["node-postgres: connection terminated", new Error("Connection terminated unexpectedly")],
    ["pg-pool: no connection in time", new Error("timeout exceeded when trying to connect")],
    ["PostgreSQL starting up (57P03)", postgresError("57P03", "the database system is starting up")],
    ["PostgreSQL shutting down (57P01)", postgresError("57P01", "terminating connection due to administrator command")],
    ["too many connections (53300)", postgresError("53300", "sorry, too many clients already")],
    ["a connection exception (class 08)", postgresError("08006", "connection failure")],
  ])("yes: %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    [
      "a unique violation (P2002)",
      prismaError("P2002", "Unique constraint failed on the fields: (`email`)", { kind: "UniqueConstraintViolation" }),
    ],
    ["a missing row (P2025)", prismaError("P2025", "No record was found for an update.")],
    [
      "a raw query's syntax error",
      prismaError("P2010", "Raw query failed. Code: `42601`. Message: `syntax error`", {
        kind: "postgres",
        originalCode: "42601",
        code: "42601",
      }),
    ],
    ["a serialization failure (40001): retry, not an outage", postgresError("40001", "could not serialize access")],
    [
      "a model query's own fault (a bare DriverAdapterError, 23514)",
      driverAdapterError({ kind: "postgres", code: "23514", message: "check violation" }),
    ],
    [
      "an error that merely wraps a socket error as its cause (causes are not followed)",
      Object.assign(new Error("x"), { cause: socketError("ECONNREFUSED") }),
    ],
    ["a plain bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a failed fetch to another server", Object.assign(new TypeError("fetch failed"), { cause: socketError("ECONNREFUSED") })],
    ["a thrown Response", new Response("Not found", { status: 404 })],
    ["nothing", undefined],
    ["a string", "ECONNREFUSED"],
  ])("no: %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("databaseUnavailableResponse", () => {
  test("is a 503 that says why, is not cached and says when to retry", async () => {
    const response = databaseUnavailableResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.text()).toMatch(/can't reach its database/);
  });
});

describe("answerDatabaseOutages", () => {
  const down = prismaError("P1001", "Can't reach database server at 127.0.0.1:5432", { kind: "DatabaseNotReachable" });
  const bug = new TypeError("a bug");
  const ok = new Response("fine");
  const module = Object.freeze({
    loader: async ({ request }: { request: Request }) => {
      if (request.url.endsWith("/down")) throw down;
      if (request.url.endsWith("/bug")) throw bug;
      return ok;
    },
    action: async () => {
      throw socketError("ECONNREFUSED");
    },
    default: () => null,
  });
  const build = {
    mode: "production",
    routes: {
      root: { id: "root", path: "", module },
      "routes/healthz": { id: "routes/healthz", parentId: "root", path: "healthz", module: { default: undefined } },
    },
    assets: { version: "1" },
  } as unknown as ServerBuild;
  const wrapped = answerDatabaseOutages(build);
  type Run = (args: { request: Request; params: object; context: object }) => Promise<unknown>;
  const args = (url: string) => ({ request: new Request(url), params: {}, context: { requestId: "r1" } });
  const loader = wrapped.routes.root!.module.loader as Run;
  const action = wrapped.routes.root!.module.action as Run;

  test("a loader or action that can't reach the database throws a 503 response", async () => {
    const fromLoader = await loader(args("http://x/down")).catch((thrown: unknown) => thrown);
    expect(fromLoader).toBeInstanceOf(Response);
    expect((fromLoader as Response).status).toBe(503);
    const fromAction = await action(args("http://x/post")).catch((thrown: unknown) => thrown);
    expect((fromAction as Response).status).toBe(503);
  });

  test("other errors and results pass through untouched", async () => {
    await expect(loader(args("http://x/bug"))).rejects.toBe(bug);
    await expect(loader(args("http://x/"))).resolves.toBe(ok);
  });

  test("everything else in the build is kept, and the original build is not changed", () => {
    expect(wrapped.assets).toBe(build.assets);
    expect(wrapped.routes.root!.module.default).toBe(module.default);
    expect(wrapped.routes["routes/healthz"]!.module.loader).toBeUndefined();
    expect(build.routes.root!.module.loader).toBe(module.loader);
  });
});
