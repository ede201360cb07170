// Runs before each integration test file, in its worker: gives the file a fresh migrated
// database and points the app at it before any app module connects (`prisma` connects lazily).
import { afterAll } from "vitest";
import { disconnectDatabase } from "~/utils/db.server";
import { createMigratedDatabase, isEmbeddedDatabase, setTestDatabaseUrl } from "./database";

const database = await createMigratedDatabase();

process.env.DATABASE_URL = database.connectionString;
if (isEmbeddedDatabase()) process.env.UPSTREAM_EMBEDDED_DATABASE = "1";
else delete process.env.UPSTREAM_EMBEDDED_DATABASE;
setTestDatabaseUrl(database.connectionString);

afterAll(async () => {
  await disconnectDatabase();
  await database.destroy();
});
