// npm run db:restore -- <file> [--yes]: restores a db:backup file into the database the app uses
// — the embedded one in UPSTREAM_DATA_DIR (stop the app first; the previous database is kept
// aside) or DATABASE_URL's with pg_restore (--yes to overwrite a database that has data). The
// file's kind must match the target's. See backup.server.ts.
import { env } from "../app/utils/env.server";
import { BackupError, callerPath, formatRestoreReport, restoreDatabase } from "../app/utils/db/backup.server";

const USAGE = `Usage: npm run db:restore -- <file> [--yes]

Restores a file made by npm run db:backup into the embedded database in UPSTREAM_DATA_DIR (stop
the app first; the database there now is kept aside), or into the PostgreSQL database at
DATABASE_URL with pg_restore (--yes is needed when that database already has data). An embedded
backup restores only into the embedded database, a pg_dump one only into PostgreSQL.`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const yes = args.includes("--yes");
const files = args.filter((arg) => arg !== "--yes");
if (files.length !== 1 || files[0]!.startsWith("-")) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const result = await restoreDatabase(env(), callerPath(files[0]!), { yes });
  for (const warning of result.warnings) console.warn(warning);
  console.log(formatRestoreReport(result));
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `Restore failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
