// Backups of the embedded database (PGlite): the gzip tarball of its data directory that PGlite
// itself writes (dumpDataDir) and reads back (loadDataDir). Only PGlite can load one.
//
// The database belongs to one process at a time and PGlite has no lock of its own (a second
// process opening the directory would simply corrupt it), so both commands take the app's lock
// file first and refuse while the app — or any other process — has the directory open.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { DataDirectoryInUseError, lockDataDirectory, pgliteExtensions } from "./embedded-postgres.server";
import {
  appliedMigrations,
  BackupError,
  countRows,
  fileTimestamp,
  writeFileAtomically,
  type Query,
  type TableCount,
} from "./backup-common.server";

function queryOf(db: PGlite): Query {
  return async (sql) => (await db.query<Record<string, unknown>>(sql)).rows;
}

function lockForCommand(dataDir: string, command: "db:backup" | "db:restore") {
  try {
    return lockDataDirectory(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirectoryInUseError)) throw error;
    throw new BackupError(
      `Cannot open the embedded database in ${error.dataDir}: it is in use by another process (pid ${error.pid}), ` +
        `most likely the running app. The embedded database can be opened by one process only. ` +
        `Stop the app first, then run \`npm run ${command}\` again.`,
    );
  }
}

export interface EmbeddedBackupResult {
  dataDir: string;
  counts: TableCount[];
}

export async function backupEmbedded(dataDir: string, file: string): Promise<EmbeddedBackupResult> {
  const pgDir = path.join(dataDir, "pgdata");
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    throw new BackupError(
      `There is no embedded database in ${path.resolve(dataDir)} (UPSTREAM_DATA_DIR): nothing to back up. ` +
        `Set UPSTREAM_DATA_DIR to the app's data directory, or DATABASE_URL to back up a PostgreSQL server.`,
    );
  }
  const unlock = lockForCommand(dataDir, "db:backup");
  try {
    const db = await PGlite.create({ dataDir: pgDir, extensions: pgliteExtensions });
    try {
      // Everything in the data files, so the copy opens without replaying the write-ahead log.
      await db.exec("CHECKPOINT");
      const counts = await countRows(queryOf(db));
      const tarball = await db.dumpDataDir("gzip");
      writeFileAtomically(file, new Uint8Array(await tarball.arrayBuffer()));
      return { dataDir: path.resolve(dataDir), counts };
    } finally {
      await db.close();
    }
  } finally {
    unlock();
  }
}

export interface EmbeddedRestoreResult {
  dataDir: string;
  counts: TableCount[];
  migrations: string[];
  /** Where the database that was there before now is, if there was one. */
  keptAside?: string;
}

/**
 * Loads the tarball into a new directory beside the current database, checks it opens and is an
 * Upstream database, and only then swaps it in; the previous database is kept (renamed), so a
 * wrong restore can be undone by swapping back.
 */
export async function restoreEmbedded(dataDir: string, file: string): Promise<EmbeddedRestoreResult> {
  const unlock = lockForCommand(dataDir, "db:restore");
  const stamp = fileTimestamp();
  const current = path.join(dataDir, "pgdata");
  const staging = path.join(dataDir, `pgdata.restoring-${stamp}`);
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    let db: PGlite;
    try {
      db = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([fs.readFileSync(file)]), extensions: pgliteExtensions });
    } catch (error) {
      throw new BackupError(`${file} could not be loaded as an embedded database: ${(error as Error).message}`);
    }
    let counts: TableCount[];
    let migrations: string[] | undefined;
    try {
      migrations = await appliedMigrations(queryOf(db));
      counts = await countRows(queryOf(db));
      await db.exec("CHECKPOINT");
    } finally {
      await db.close();
    }
    if (!migrations) {
      throw new BackupError(
        `${file} is a PGlite database but not an Upstream one (it has no _prisma_migrations table): nothing was changed.`,
      );
    }

    let keptAside: string | undefined;
    if (fs.existsSync(current)) {
      keptAside = `${current}.before-restore-${stamp}`;
      fs.renameSync(current, keptAside);
    }
    try {
      fs.renameSync(staging, current);
    } catch (error) {
      if (keptAside) fs.renameSync(keptAside, current);
      throw error;
    }
    return { dataDir: path.resolve(dataDir), counts, migrations, keptAside: keptAside && path.resolve(keptAside) };
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    unlock();
  }
}
