// npm run db:backup -- [file]: backs up the database the app uses — the embedded one in
// UPSTREAM_DATA_DIR (stop the app first) as PGlite's .tar.gz, or DATABASE_URL's with pg_dump as a
// .dump — to `file`, by default backups/upstream-<UTC time>.<tar.gz|dump>. See backup.server.ts.
import { env } from "../app/utils/env.server";
import { BackupError, backupDatabase, callerPath, formatBackupReport } from "../app/utils/db/backup.server";

const USAGE = `Usage: npm run db:backup -- [file]

Backs up the embedded database in UPSTREAM_DATA_DIR (stop the app first), or the PostgreSQL
database at DATABASE_URL with pg_dump. Default file: backups/upstream-<UTC time>.tar.gz (embedded)
or .dump (PostgreSQL). Restore with npm run db:restore -- <file>.`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
if (args.length > 1 || args.some((arg) => arg.startsWith("-"))) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const result = await backupDatabase(env(), args[0] === undefined ? undefined : callerPath(args[0]));
  for (const warning of result.warnings) console.warn(warning);
  console.log(formatBackupReport(result));
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `Backup failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
