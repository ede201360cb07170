// The embedded database (PGlite on disk, served on a loopback port): it serves queries, keeps
// its data across restarts, and refuses a second process on the same data directory.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { DataDirectoryInUseError, lockDataDirectory, startEmbeddedPostgres } from "~/utils/db/embedded-postgres.server";
import { PROJECT_ROOT } from "../support/database-template";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-embedded-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string, values?: unknown[]) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Another Node process that takes the lock on `dataDir` and holds it until killed. */
async function lockFromAnotherProcess(dataDir: string) {
  const module = path.join(PROJECT_ROOT, "app", "utils", "db", "embedded-postgres.server.ts");
  const script = path.join(root, "hold-lock.mts");
  fs.writeFileSync(
    script,
    `import { lockDataDirectory } from ${JSON.stringify(pathToFileURL(module).href)};\n` +
      `lockDataDirectory(process.argv[2]);\n` +
      `process.stdout.write("locked\\n");\n` +
      `setInterval(() => {}, 60_000);\n`,
  );
  // node --import tsx (not the tsx binary, which would run the script in a grandchild process).
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`lock holder exited (${code}): ${stderr}`)));
  });
  return child;
}

describe("embedded database", () => {
  test("serves queries and keeps its data across a stop and a restart", async () => {
    const dataDir = path.join(root, "restart");
    const first = await startEmbeddedPostgres(dataDir);
    try {
      const [row] = await query<{ answer: number }>(first.connectionString, "SELECT 40 + 2 AS answer");
      expect(row!.answer).toBe(42);
      await query(first.connectionString, "CREATE TABLE notes (body text NOT NULL)");
      await query(first.connectionString, "INSERT INTO notes (body) VALUES ($1)", ["still here"]);
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(path.join(dataDir, "upstream.lock"))).toBe(false);

    const second = await startEmbeddedPostgres(dataDir);
    try {
      const rows = await query<{ body: string }>(second.connectionString, "SELECT body FROM notes");
      expect(rows).toEqual([{ body: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  test("refuses a data directory that another live process holds, and reclaims it once that process is gone", async () => {
    const dataDir = path.join(root, "contended");
    const holder = await lockFromAnotherProcess(dataDir);

    const error = await startEmbeddedPostgres(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirectoryInUseError);
    expect((error as Error).message).toContain(path.resolve(dataDir));
    expect((error as Error).message).toContain(`pid ${holder.pid}`);
    expect(() => lockDataDirectory(dataDir)).toThrow(DataDirectoryInUseError);

    // Killed without a chance to clean up: its lock file stays behind, naming a dead process.
    holder.kill("SIGKILL");
    await once(holder, "exit");
    expect(fs.readFileSync(path.join(dataDir, "upstream.lock"), "utf8")).toBe(String(holder.pid));

    const database = await startEmbeddedPostgres(dataDir);
    try {
      const [row] = await query<{ ok: number }>(database.connectionString, "SELECT 1 AS ok");
      expect(row!.ok).toBe(1);
    } finally {
      await database.stop();
    }
  });
});
