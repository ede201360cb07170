// PostgreSQL's own client programs (pg_dump, pg_restore) for backups of a real server: where
// they are, which version they are, and how to run them without putting the password on their
// command line (where `ps` would show it) or in anything printed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type PostgresTool = "pg_dump" | "pg_restore";

export interface FoundTool {
  path: string;
  /** Major version, e.g. 15. */
  major: number;
  /** As the program prints it: "pg_dump (PostgreSQL) 15.18 (Debian …)". */
  versionText: string;
}

export class ToolNotFoundError extends Error {
  constructor(tool: PostgresTool, serverMajor?: number) {
    const version = serverMajor ?? "<version>";
    super(
      `${tool} was not found on PATH or in /usr/lib/postgresql/*/bin. Install PostgreSQL's client programs` +
        `${serverMajor ? ` (version ${serverMajor} or newer, like the server)` : ""}, e.g. on Debian or Ubuntu ` +
        `\`apt-get install postgresql-client-${version}\`, or put the directory holding ${tool} on PATH.`,
    );
    this.name = "ToolNotFoundError";
  }
}

function candidates(tool: PostgresTool): string[] {
  const found: string[] = [];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir) found.push(path.join(dir, tool));
  }
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root) : [];
  for (const version of versions) found.push(path.join(root, version, "bin", tool));
  return [...new Set(found)].filter((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

function versionOf(file: string): Omit<FoundTool, "path"> | undefined {
  const result = spawnSync(file, ["--version"], { encoding: "utf8", timeout: 15_000 });
  const text = result.stdout?.trim() ?? "";
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(text);
  if (result.status !== 0 || !match) return undefined;
  return { major: Number(match[1]), versionText: text };
}

/**
 * The newest `tool` among those on PATH and in /usr/lib/postgresql/<version>/bin (on a tie, the
 * one on PATH): an older pg_dump refuses a newer server, while a newer one handles every older
 * server.
 */
export function findPostgresTool(tool: PostgresTool, serverMajor?: number): FoundTool {
  let best: FoundTool | undefined;
  for (const file of candidates(tool)) {
    const version = versionOf(file);
    if (version && (!best || version.major > best.major)) best = { path: file, ...version };
  }
  if (!best) throw new ToolNotFoundError(tool, serverMajor);
  return best;
}

// The parameters libpq understands in a connection URI. node-postgres (the app's driver) ignores
// the ones it does not know, libpq refuses them: Prisma-style `?schema=public` must not reach it.
const LIBPQ_PARAMETERS = new Set([
  "host",
  "hostaddr",
  "port",
  "dbname",
  "user",
  "passfile",
  "channel_binding",
  "connect_timeout",
  "client_encoding",
  "options",
  "application_name",
  "fallback_application_name",
  "keepalives",
  "keepalives_idle",
  "keepalives_interval",
  "keepalives_count",
  "tcp_user_timeout",
  "sslmode",
  "sslcompression",
  "sslcert",
  "sslkey",
  "sslpassword",
  "sslrootcert",
  "sslcrl",
  "sslcrldir",
  "sslsni",
  "requirepeer",
  "ssl_min_protocol_version",
  "ssl_max_protocol_version",
  "gssencmode",
  "krbsrvname",
  "gsslib",
  "service",
  "target_session_attrs",
]);

export interface ToolConnection {
  /** The connection URI without its password, for `--dbname`. */
  uri: string;
  /** Environment for the tool: the password travels in PGPASSWORD. */
  env: NodeJS.ProcessEnv;
  /** Scrubs the password from text the tool printed, just in case. */
  redact(text: string): string;
}

export function toolConnection(databaseUrl: string): ToolConnection {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const name of [...url.searchParams.keys()]) {
    if (!LIBPQ_PARAMETERS.has(name)) url.searchParams.delete(name);
  }
  // node-postgres's own sslmode value; libpq's nearest is "require".
  if (url.searchParams.get("sslmode") === "no-verify") url.searchParams.set("sslmode", "require");
  // Without a password in the URL, a PGPASSWORD (or ~/.pgpass) of the caller's still applies, as
  // it does for the app's own driver.
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return {
    uri: url.toString(),
    env,
    redact: (text) => (password ? text.replaceAll(password, "***").replaceAll(encodeURIComponent(password), "***") : text),
  };
}

/** Where a connection string points, for messages: `user@host:port/database`, never the password. */
export function describeDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "(default database)";
  return `${user}${url.hostname || url.searchParams.get("host") || "localhost"}:${url.port || 5432}/${database}`;
}

export interface ToolResult {
  code: number;
  /** What the tool wrote to stderr, password scrubbed. */
  stderr: string;
  stdout: string;
}

/** Runs a tool to completion; its stderr is collected (pg_dump and pg_restore report there). */
export function runTool(tool: FoundTool, args: string[], connection: ToolConnection): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env: connection.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code, signal) =>
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: connection.redact(stdout),
        stderr: connection.redact(stderr).trim(),
      }),
    );
  });
}
