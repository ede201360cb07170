// Chooses and starts the database: the PostgreSQL at DATABASE_URL, or the embedded one.
// Migrations are applied here, before the app takes any request.
import type { Env } from "../env.server";
import { log } from "../logger.server";
import { startEmbeddedPostgres } from "./embedded-postgres.server";
import { migrate } from "./migrator.server";

export interface StartedDatabase {
  description: string;
  stop(): Promise<void>;
}

export async function startDatabase(config: Env): Promise<StartedDatabase> {
  let stop = async () => {};
  let description: string;
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    description = `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } else {
    const embedded = await startEmbeddedPostgres(config.UPSTREAM_DATA_DIR);
    // The rest of the app reads the connection string from the environment, like a real server's.
    process.env.DATABASE_URL = embedded.connectionString;
    process.env.UPSTREAM_EMBEDDED_DATABASE = "1";
    description = `embedded PostgreSQL (PGlite) in ${embedded.dataDir}`;
    stop = embedded.stop;
  }
  try {
    const result = await migrate(process.env.DATABASE_URL!);
    if (result.applied.length) log.info("migrations applied", { applied: result.applied });
  } catch (error) {
    await stop();
    throw error;
  }
  return { description, stop };
}
