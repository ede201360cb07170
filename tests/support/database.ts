// Databases for integration test files (worker side). setup-integration.ts gives every test file
// its own copy of the migrated template; tests that need more (the migration tests) create
// empty ones here.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions, servePglite } from "~/utils/db/embedded-postgres.server";
import { disconnectDatabase } from "~/utils/db.server";
import { dropDatabase, quoteIdentifier } from "~/utils/db/sql-identifiers.server";
import { databaseUrl } from "./database-template";

export interface TestDatabase {
  connectionString: string;
  /** Stops (embedded) or drops (server) the database. Close every connection to it first. */
  destroy(): Promise<void>;
}

/** Where the current test file's database is; set by setup-integration.ts. */
const FILE_DATABASE_URL = "UPSTREAM_TEST_DATABASE_URL";

async function loadEmbedded(dumpFile: string): Promise<TestDatabase> {
  const loadDataDir = new Blob([fs.readFileSync(dumpFile)]);
  const db = await PGlite.create({ loadDataDir, extensions: pgliteExtensions });
  try {
    const served = await servePglite(db);
    return {
      connectionString: served.connectionString,
      async destroy() {
        await served.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function createOnServer(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `upstream_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`);
  } finally {
    await admin.end();
  }
  return {
    connectionString: databaseUrl(adminUrl, name),
    async destroy() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await dropDatabase(client, name);
      } finally {
        await client.end();
      }
    },
  };
}

/** A new database with every migration applied (a copy of the run's template). */
export function createMigratedDatabase(): Promise<TestDatabase> {
  const config = inject("upstreamTestDatabase");
  return config.mode === "embedded" ? loadEmbedded(config.templateFile) : createOnServer(config.adminUrl, config.templateName);
}

/** A new database with nothing in it: no tables, no `_prisma_migrations`. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  const config = inject("upstreamTestDatabase");
  return config.mode === "embedded" ? loadEmbedded(config.emptyFile) : createOnServer(config.adminUrl, "template0");
}

export function isEmbeddedDatabase() {
  return inject("upstreamTestDatabase").mode === "embedded";
}

/** The connection string of the current test file's database (the one the app's `prisma` uses). */
export function testDatabaseUrl(): string {
  const url = process.env[FILE_DATABASE_URL];
  if (!url) throw new Error("No test database: is tests/support/setup-integration.ts in setupFiles?");
  return url;
}

export function setTestDatabaseUrl(url: string) {
  process.env[FILE_DATABASE_URL] = url;
}

/**
 * Connects a node-postgres client. The embedded server turns away a connection while it still
 * holds the previous one, and a pg pool's end() resolves before its sockets have closed, so a
 * refused first attempt right after disconnectDatabase() is retried briefly.
 */
async function connect(connectionString: string): Promise<pg.Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (!isEmbeddedDatabase() || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * Runs `fn` with a node-postgres client on the test file's database (or `connectionString`).
 * The embedded database serves one connection at a time, so the app's pool is closed first
 * when they would share it; `prisma` reconnects by itself on its next query.
 */
export async function withPgClient<T>(fn: (client: pg.Client) => Promise<T>, connectionString: string = testDatabaseUrl()): Promise<T> {
  if (isEmbeddedDatabase() && connectionString === process.env.DATABASE_URL) await disconnectDatabase();
  const client = await connect(connectionString);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
