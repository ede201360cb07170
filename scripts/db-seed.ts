// npm run db:seed — seeds the demo organisation into an EMPTY database (never one with data).
import { env } from "../app/utils/env.server";
import { startDatabase } from "../app/utils/db/start-database.server";
import { disconnectDatabase } from "../app/utils/db.server";
import { seedIfEmpty } from "../app/utils/first-run.server";
import { demoBanner } from "../app/demo/seed-demo.server";

const config = env();
const database = await startDatabase(config);
try {
  const result = await seedIfEmpty({ ...config, UPSTREAM_DEMO_DATA: true });
  console.log(result.seeded ? `Seeded the demo organisation.${demoBanner()}` : "The database already has data: nothing was seeded.");
} finally {
  await disconnectDatabase();
  await database.stop();
}
