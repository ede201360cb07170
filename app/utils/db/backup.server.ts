// `npm run db:backup` and `npm run db:restore`: one command for both kinds of database.
// - Embedded (no DATABASE_URL): PGlite's own tarball of the data directory (backup-embedded).
// - PostgreSQL (DATABASE_URL): pg_dump's custom format and pg_restore (backup-postgres).
// A backup is restored only into the kind of database it came from; the file's first bytes say
// which kind it is (gzip'd tar, or pg_dump's "PGDMP").
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Env } from "../env.server";
import {
  BackupError,
  defaultBackupFile,
  describeMigrations,
  formatBytes,
  formatCounts,
  type DatabaseKind,
  type TableCount,
} from "./backup-common.server";
import { backupEmbedded, restoreEmbedded } from "./backup-embedded.server";
import { backupPostgres, restorePostgres } from "./backup-postgres.server";

export { BackupError, type DatabaseKind } from "./backup-common.server";

type Config = Pick<Env, "DATABASE_URL" | "UPSTREAM_DATA_DIR">;

function readHead(file: string, bytes: number) {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** The first `bytes` of a gzip file's content (a truncated stream's error is fine: we read a prefix). */
function gunzipHead(file: string, bytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const input = fs.createReadStream(file, { end: 1024 * 1024 });
    const gunzip = zlib.createGunzip();
    const finish = () => {
      input.destroy();
      gunzip.destroy();
      resolve(Buffer.concat(chunks).subarray(0, bytes));
    };
    gunzip.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= bytes) finish();
    });
    gunzip.once("end", finish);
    gunzip.once("error", finish);
    input.pipe(gunzip);
  });
}

/** A tar header's first entry name, or undefined if the block is not a tar header. */
function tarFirstEntry(block: Buffer) {
  if (block.length < 512 || !block.subarray(257, 262).equals(Buffer.from("ustar"))) return undefined;
  const name = block.subarray(0, 100);
  const end = name.indexOf(0);
  return name.subarray(0, end === -1 ? 100 : end).toString("utf8");
}

function describeTar(file: string, firstEntry: string): DatabaseKind {
  // PGlite's tarballs hold the cluster's files with absolute names, PG_VERSION first.
  if (/^\/?PG_VERSION$/.test(firstEntry)) return "embedded";
  if (/^(\.\/)?(pgdata\/?|$)/.test(firstEntry)) {
    throw new BackupError(
      `${file} is a tar archive of a whole data directory (the manual copy), not a db:backup file. ` +
        `Restore it by stopping the app and unpacking it into an empty UPSTREAM_DATA_DIR (\`tar xzf ${file} -C <dir>\`).`,
    );
  }
  throw new BackupError(`${file} is a tar archive but not a backup of the embedded database (it does not start with PG_VERSION).`);
}

/** Which kind of database a backup file is of, from its first bytes; a BackupError otherwise. */
export async function detectBackupKind(file: string): Promise<DatabaseKind> {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  if (fs.statSync(file).isDirectory()) {
    throw new BackupError(`${file} is a directory. db:restore takes one file made by db:backup (a .tar.gz or a .dump).`);
  }
  const head = readHead(file, 512);
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const entry = tarFirstEntry(await gunzipHead(file, 512));
    if (entry === undefined) throw new BackupError(`${file} is gzip-compressed but not a tar archive: not a db:backup file.`);
    return describeTar(file, entry);
  }
  const plainEntry = tarFirstEntry(head);
  if (plainEntry !== undefined) return describeTar(file, plainEntry);
  if (/^(--|SET |CREATE |\\)/m.test(head.toString("utf8")) || head.includes("PostgreSQL database dump")) {
    throw new BackupError(
      `${file} looks like a plain SQL dump. db:restore takes pg_dump's custom format (what db:backup writes); ` +
        `restore a plain SQL dump with psql into an empty database.`,
    );
  }
  throw new BackupError(`${file} is not a backup made by db:backup: neither a PGlite tarball (gzip) nor a pg_dump archive (PGDMP).`);
}

/**
 * A file name given on the command line: `npm run` runs scripts in the project's directory, so a
 * relative name is taken from where the command was typed (npm's INIT_CWD).
 */
export function callerPath(file: string) {
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const relative = path.relative(process.cwd(), resolved);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : resolved;
}

function targetKind(config: Config): DatabaseKind {
  return config.DATABASE_URL ? "postgres" : "embedded";
}

export interface BackupResult {
  kind: DatabaseKind;
  file: string;
  bytes: number;
  /** What was backed up, e.g. "the embedded database in /srv/upstream/data". */
  source: string;
  counts: TableCount[];
  warnings: string[];
}

export async function backupDatabase(config: Config, file?: string): Promise<BackupResult> {
  const kind = targetKind(config);
  const target = file ?? defaultBackupFile(kind);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new BackupError(`${target} is a directory: give a file name.`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  if (kind === "embedded") {
    const result = await backupEmbedded(config.UPSTREAM_DATA_DIR, target);
    const bytes = fs.statSync(target).size;
    return { kind, file: target, bytes, source: `the embedded database in ${result.dataDir}`, counts: result.counts, warnings: [] };
  }
  const result = await backupPostgres(config.DATABASE_URL!, target);
  const bytes = fs.statSync(target).size;
  return {
    kind,
    file: target,
    bytes,
    source: `the PostgreSQL database ${result.database}`,
    counts: result.counts,
    warnings: result.warnings,
  };
}

export function formatBackupReport(result: BackupResult) {
  return [`Backed up ${result.source}`, `to ${result.file} (${formatBytes(result.bytes)}):`, formatCounts(result.counts)].join("\n");
}

export interface RestoreResult {
  kind: DatabaseKind;
  file: string;
  /** What was restored into. */
  target: string;
  counts: TableCount[];
  migrations: string[];
  keptAside?: string;
  warnings: string[];
}

function mismatch(file: string, backupKind: DatabaseKind): BackupError {
  if (backupKind === "embedded") {
    return new BackupError(
      `${file} is a backup of the embedded database (PGlite's data directory, made without DATABASE_URL), ` +
        `but DATABASE_URL is set, so the target is a PostgreSQL server. Only PGlite can load such a backup: ` +
        `restore it into the embedded database (unset DATABASE_URL; UPSTREAM_DATA_DIR says where). Nothing was changed.`,
    );
  }
  return new BackupError(
    `${file} is a pg_dump archive of a PostgreSQL server (made with DATABASE_URL set), ` +
      `but DATABASE_URL is not set, so the target is the embedded database, which cannot load pg_dump archives. ` +
      `Set DATABASE_URL to the PostgreSQL database to restore into. Nothing was changed.`,
  );
}

export async function restoreDatabase(config: Config, file: string, { yes = false } = {}): Promise<RestoreResult> {
  const kind = await detectBackupKind(file);
  if (kind !== targetKind(config)) throw mismatch(file, kind);
  if (kind === "embedded") {
    const result = await restoreEmbedded(config.UPSTREAM_DATA_DIR, file);
    return { kind, file, target: `the embedded database in ${result.dataDir}`, warnings: [], ...result };
  }
  const result = await restorePostgres(config.DATABASE_URL!, file, { yes });
  return { kind, file, target: `the PostgreSQL database ${result.database}`, ...result };
}

export function formatRestoreReport(result: RestoreResult) {
  const migrations = describeMigrations(result.migrations);
  const lines = [`Restored ${result.file} into ${result.target}:`, formatCounts(result.counts)];
  if (result.keptAside) {
    lines.push(
      `The database that was there before is kept in ${result.keptAside}: to undo this restore, stop the app ` +
        `and put that directory back as pgdata. Delete it once you are satisfied.`,
    );
  }
  lines.push(migrations.text);
  if (migrations.warning) lines.push(migrations.warning);
  return lines.join("\n");
}
