// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database
// in UPSTREAM_DATA_DIR (stop the app first: only one process may open that directory).
import { env } from "../app/utils/env.server";
import { startDatabase } from "../app/utils/db/start-database.server";
import { readMigrations } from "../app/utils/db/migrator.server";

const database = await startDatabase(env()).catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
console.log(`Database is up to date (${readMigrations().length} migrations) — ${database.description}`);
await database.stop();
