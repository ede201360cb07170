// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with its data on disk,
// served on a loopback port by pglite-socket so the app talks to it through exactly the same
// pg / Prisma adapter code as it does to a real PostgreSQL server.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  connectionString: string;
  dataDir: string;
  stop(): Promise<void>;
}

export class DataDirectoryInUseError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is already in use by another Upstream process (pid ${pid}). ` +
        `Stop that process, or start this one with a different UPSTREAM_DATA_DIR.`,
    );
    this.name = "DataDirectoryInUseError";
  }
}

function isProcessAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no locking of its own: two processes writing one directory would corrupt it. A lock
 * file holding our pid is taken atomically (O_EXCL); a lock left by a dead process is reclaimed.
 */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "upstream.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      // Our own pid counts as "in use" too: a second open within one process would corrupt it.
      if (Number.isInteger(holder) && holder > 0 && (holder === process.pid || isProcessAlive(holder))) {
        throw new DataDirectoryInUseError(path.resolve(dataDir), holder);
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

export const pgliteExtensions = { pg_trgm };

/** Serve a PGlite instance on 127.0.0.1 (a free port) and return its connection string. */
export async function servePglite(db: PGlite): Promise<{ connectionString: string; stop(): Promise<void> }> {
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 1 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: () => server.stop(),
  };
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const unlock = lockDataDirectory(dataDir);
  try {
    const pgDir = path.join(dataDir, "pgdata");
    const db = await PGlite.create({ dataDir: pgDir, extensions: pgliteExtensions });
    const served = await servePglite(db);
    return {
      connectionString: served.connectionString,
      dataDir: path.resolve(dataDir),
      async stop() {
        await served.stop();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
