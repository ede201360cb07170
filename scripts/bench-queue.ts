// npm run bench:queue — how fast the team queue and the request page are at company size.
//
// Seeds a real PostgreSQL database with 50 teams, 1,000 people, 200 request types and 200,000
// requests (bulk INSERT … SELECT generate_series, secondary indexes built after the load), runs
// ANALYZE, starts the production server (build/index.js) on a free loopback port and measures,
// with autocannon, signed in as a member of one team:
//   - the team queue page, default filters            GET /teams/bench-team-1/queue
//   - the team queue page, filtered and searched      …/queue?status=all&priority=…&q=printer&sort=due
//   - a request page                                  GET /requests/REQ-n
//   - the bare route, signed out                      GET /login (the layout, no database work)
// and prints p50 / p95 latency (ms) over one connection (the server's own time per request), the
// requests per second over several connections, each page's throughput as a ratio of the bare
// route's, and p95 at that concurrency. The server is stopped at the end, whatever happens.
//
// Environment:
//   BENCH_DATABASE_URL   a PostgreSQL database the benchmark may WIPE (its public schema is dropped
//                        and recreated); the role must own it. Or, instead:
//   BENCH_ADMIN_URL      a connection to any database on a server, as a role with CREATEDB; the
//                        benchmark drops and recreates the database BENCH_DATABASE_NAME there
//                        (default upstream_bench) and leaves it behind for inspection.
//   BENCH_REQUESTS       requests to seed (default 200000)
//   BENCH_REUSE=1        keep the data already seeded by an earlier run (same request count)
//   BENCH_BUILD=1        always run `remix build` first (otherwise: when build/ is missing or older
//                        than app/ and server/)
//   BENCH_LATENCY_AMOUNT requests over one connection, for p50/p95 (default 300)
//   BENCH_CONNECTIONS    concurrent connections for the throughput run (default 10)
//   BENCH_AMOUNT         requests in the throughput run (default 2000); BENCH_WARMUP (default 200)
//   BENCH_MAX_SECONDS    cap on each measurement's duration (default 30)
//
// Example (PostgreSQL on this machine):
//   BENCH_ADMIN_URL=postgresql://upstream_test:upstream_test@127.0.0.1:5432/postgres npm run bench:queue
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "../app/utils/auth.server";
import { migrate } from "../app/utils/db/migrator.server";

const TEAMS = 50;
const USERS = 1000;
const TYPES_PER_TEAM = 4;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200_000);
const BATCH = 50_000;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const LATENCY_AMOUNT = Number(process.env.BENCH_LATENCY_AMOUNT ?? 300);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 30);
const PASSWORD = "bench password, not secret";
// User 51 is a plain member of team 1 (user n belongs to team ((n - 1) % 50) + 1; users 1–50 manage).
const MEMBER_EMAIL = "bench-user-51@example.com";
const TEAM_SLUG = "bench-team-1";

const ROOT = path.resolve(import.meta.dirname, "..");
let server: ChildProcess | undefined;

function quoteIdentifier(name: string) {
  return `"${name.replaceAll('"', '""')}"`;
}

function seconds(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The database to use, emptied (unless reusing a seeded one). */
async function prepareDatabase(): Promise<{ url: string; reuse: boolean }> {
  let url = process.env.BENCH_DATABASE_URL;
  const adminUrl = process.env.BENCH_ADMIN_URL;
  if (!url && !adminUrl) {
    console.error(
      "Set BENCH_DATABASE_URL (a database this may wipe) or BENCH_ADMIN_URL (to create upstream_bench). See the top of scripts/bench-queue.ts.",
    );
    process.exit(2);
  }
  if (!url) {
    const name = process.env.BENCH_DATABASE_NAME ?? "upstream_bench";
    const target = new URL(adminUrl!);
    target.pathname = `/${encodeURIComponent(name)}`;
    url = target.toString();
    if (process.env.BENCH_REUSE === "1" && (await isSeeded(url).catch(() => false))) return { url, reuse: true };
    await withClient(adminUrl!, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    });
    return { url, reuse: false };
  }
  if (process.env.BENCH_REUSE === "1" && (await isSeeded(url).catch(() => false))) return { url, reuse: true };
  await withClient(url, async (client) => {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  });
  return { url, reuse: false };
}

async function isSeeded(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM requests WHERE id LIKE 'bench-req-%'");
    return Number(rows[0]!.n) === REQUESTS;
  });
}

const TITLE_SUBJECTS = [
  "Printer",
  "Laptop",
  "VPN",
  "Payroll",
  "Invoice",
  "Desk",
  "Badge",
  "Monitor",
  "Email",
  "Contract",
  "Expense claim",
  "Password",
  "Chair",
  "Projector",
  "Parking",
  "Software licence",
];
const TITLE_PROBLEMS = [
  "not working",
  "request",
  "question",
  "broken",
  "access needed",
  "upgrade",
  "replacement",
  "error",
  "set-up",
  "renewal",
];
const BODY_OPENINGS = [
  "Hello team, since this morning",
  "Hi, could you help: after the last update",
  "Good afternoon. As discussed on the phone,",
  "Urgent for the quarter close:",
  "Not urgent, but",
];
const BODY_DETAILS = [
  "it stops halfway and shows an error message about permissions.",
  "the new starter on our team cannot sign in or see the shared folder.",
  "we need it before the client visit next week, on the third floor.",
  "the numbers in the report do not match what finance sent us.",
  "the device makes a loud noise and then switches itself off.",
  "several people in the office are affected, not only me.",
];

function sqlArray(values: string[]) {
  return `(ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}])`;
}

async function seed(url: string) {
  const started = performance.now();
  const passwordHash = await hashPassword(PASSWORD);
  await withClient(url, async (client) => {
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("SELECT setseed(0.42)");
    await client.query(
      `INSERT INTO teams (id, name, slug, description, accepts_requests, created_at, updated_at)
       SELECT 'bench-team-' || g, 'Bench team ' || g, 'bench-team-' || g, 'A team of the benchmark', true, now(), now()
         FROM generate_series(1, ${TEAMS}) g`,
    );
    // Teams 11–50 report to teams 1–10.
    await client.query(`UPDATE teams SET parent_id = 'bench-team-' || ((substr(id, 12)::int % 10) + 1) WHERE substr(id, 12)::int > 10`);
    await client.query(
      `INSERT INTO users (id, email, name, title, "createdAt", "updatedAt")
       SELECT 'bench-user-' || g, 'bench-user-' || g || '@example.com', 'Bench Person ' || g, 'Analyst', now(), now()
         FROM generate_series(1, ${USERS}) g`,
    );
    await client.query(`INSERT INTO passwords (user_id, hash, "updatedAt") SELECT id, $1, now() FROM users`, [passwordHash]);
    await client.query(
      `INSERT INTO memberships (user_id, team_id, role, created_at)
       SELECT 'bench-user-' || g, 'bench-team-' || (((g - 1) % ${TEAMS}) + 1),
              (CASE WHEN g <= ${TEAMS} THEN 'MANAGER' ELSE 'MEMBER' END)::"MembershipRole", now()
         FROM generate_series(1, ${USERS}) g`,
    );
    await client.query(
      `INSERT INTO request_types (id, team_id, name, description, default_priority, first_response_target_minutes,
                                  resolution_target_minutes, active, created_at, updated_at)
       SELECT 'bench-type-' || t || '-' || k, 'bench-team-' || t,
              (ARRAY['Access request', 'Something is broken', 'Question', 'Change request'])[k], '', 'NORMAL',
              (ARRAY[60, 240, 480, 1440])[k], (ARRAY[480, 1440, 4320, 10080])[k], true, now(), now()
         FROM generate_series(1, ${TEAMS}) t, generate_series(1, ${TYPES_PER_TEAM}) k`,
    );
    console.log(`  teams, people, request types: ${seconds(started)}`);

    // Secondary indexes are built once after the load: much faster than maintaining them per row.
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = 'requests'
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'requests'::regclass)`,
    );
    for (const index of indexes) await client.query(`DROP INDEX ${quoteIdentifier(index.indexname)}`);

    const loadStarted = performance.now();
    for (let from = 1; from <= REQUESTS; from += BATCH) {
      const to = Math.min(REQUESTS, from + BATCH - 1);
      await client.query(
        `INSERT INTO requests (id, title, body, requester_id, requesting_team_id, provider_team_id, type_id, assignee_id,
                               priority, status, first_response_due_at, resolution_due_at, first_response_at,
                               resolved_at, closed_at, cancelled_at, created_at, updated_at)
         SELECT 'bench-req-' || g,
                ${sqlArray(TITLE_SUBJECTS)}[1 + floor(w1 * ${TITLE_SUBJECTS.length})::int] || ' '
                  || ${sqlArray(TITLE_PROBLEMS)}[1 + floor(w2 * ${TITLE_PROBLEMS.length})::int],
                ${sqlArray(BODY_OPENINGS)}[1 + floor(w3 * ${BODY_OPENINGS.length})::int] || ' '
                  || ${sqlArray(BODY_DETAILS)}[1 + floor(w4 * ${BODY_DETAILS.length})::int] || ' Reference ' || g || '.',
                'bench-user-' || u, 'bench-team-' || (((u - 1) % ${TEAMS}) + 1), 'bench-team-' || t, 'bench-type-' || t || '-' || k,
                CASE WHEN a < 0.3 THEN NULL ELSE 'bench-user-' || (t + ${TEAMS} * (floor(a * 1000)::int % ${USERS / TEAMS})) END,
                priority, status,
                created + frt * interval '1 minute', created + rt * interval '1 minute',
                CASE WHEN status <> 'NEW' THEN created + x * frt * 1.3 * interval '1 minute' END,
                CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN LEAST(now(), created + x * rt * 1.5 * interval '1 minute') END,
                CASE WHEN status = 'CLOSED' THEN LEAST(now(), created + x * rt * 1.5 * interval '1 minute' + interval '7 days') END,
                CASE WHEN status = 'CANCELLED' THEN created + interval '1 hour' END,
                created, created
           FROM (SELECT g, (g % ${TEAMS}) + 1 AS t, ((g / ${TEAMS}) % ${TYPES_PER_TEAM}) + 1 AS k, 1 + floor(random() * ${USERS})::int AS u,
                        random() AS a, random() AS x, random() AS p, random() AS s,
                        random() AS w1, random() AS w2, random() AS w3, random() AS w4,
                        now() - (random() ^ 1.5) * interval '365 days' AS created
                   FROM generate_series(${from}, ${to}) g OFFSET 0) base
           CROSS JOIN LATERAL (SELECT (ARRAY[60, 240, 480, 1440])[k] AS frt, (ARRAY[480, 1440, 4320, 10080])[k] AS rt) targets
           CROSS JOIN LATERAL (
             SELECT (CASE WHEN p < 0.2 THEN 'LOW' WHEN p < 0.7 THEN 'NORMAL' WHEN p < 0.92 THEN 'HIGH' ELSE 'URGENT' END)::"Priority" AS priority,
                    (CASE WHEN s < 0.10 AND created < now() - interval '60 days' THEN 'CLOSED'
                          WHEN s < 0.03 THEN 'NEW' WHEN s < 0.08 THEN 'IN_PROGRESS' WHEN s < 0.10 THEN 'WAITING_ON_REQUESTER'
                          WHEN s < 0.15 THEN 'RESOLVED' WHEN s < 0.95 THEN 'CLOSED' ELSE 'CANCELLED' END)::"RequestStatus" AS status
           ) choice`,
      );
      console.log(`  requests ${from.toLocaleString("en")}–${to.toLocaleString("en")}: ${seconds(loadStarted)}`);
    }
    const indexStarted = performance.now();
    for (const index of indexes) await client.query(index.indexdef);
    console.log(`  ${indexes.length} indexes on requests rebuilt: ${seconds(indexStarted)}`);
    await client.query("ANALYZE");
  });
  console.log(`Seeded in ${seconds(started)}.`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const built = path.join(ROOT, "build", "index.js");
  const stale =
    process.env.BENCH_BUILD === "1" ||
    !fs.existsSync(built) ||
    fs.statSync(built).mtimeMs < Math.max(newestMtime(path.join(ROOT, "app")), newestMtime(path.join(ROOT, "server")));
  if (!stale) return;
  console.log("Building (remix build)…");
  const result = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("remix build failed");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(databaseUrl: string) {
  const port = await freePort();
  server = spawn(process.execPath, ["build/index.js"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      UPSTREAM_JOBS: "off",
      UPSTREAM_DEMO_DATA: "off",
      LOG_LEVEL: "warn",
      SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
    },
  });
  const exited = new Promise<never>((_, reject) => server!.once("exit", (code) => reject(new Error(`The server exited (code ${code})`))));
  const origin = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${origin}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("The server did not start within 30 s");
  })();
  await Promise.race([ready, exited]);
  return origin;
}

async function stopServer() {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await gone;
  clearTimeout(timer);
}

async function signIn(origin: string) {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email: MEMBER_EMAIL, password: PASSWORD, redirectTo: "/" }),
  });
  const session = response.headers.getSetCookie().find((c) => /^(__Host-)?upstream_session=/.test(c));
  if (response.status !== 302 || !session) throw new Error(`Sign-in failed (status ${response.status})`);
  return session.split(";", 1)[0]!;
}

interface Measurement {
  label: string;
  path: string;
  statuses: Map<number, number>;
  /** One connection: the time the server takes for one request, without queueing behind others. */
  p50: number;
  p95: number;
  /** CONNECTIONS at once: throughput, and the latency people see when the server is busy. */
  rps: number;
  busyP95: number;
  count: number;
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `amount` requests over `connections`, stopped after MAX_SECONDS; every response's latency. */
function run(url: string, connections: number, amount: number, headers: Record<string, string>) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  return new Promise<{ latencies: number[]; statuses: Map<number, number>; seconds: number }>((resolve, reject) => {
    const instance = autocannon({ url, connections: Math.min(connections, amount), amount, headers, timeout: 30 }, (error, result) =>
      error ? reject(error) : resolve({ latencies: latencies.sort((a, b) => a - b), statuses, seconds: result.duration }),
    );
    const cap = setTimeout(() => instance.stop(), MAX_SECONDS * 1000);
    instance.on("done", () => clearTimeout(cap));
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

async function measure(label: string, origin: string, target: string, cookie?: string): Promise<Measurement> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const url = `${origin}${target}`;
  await run(url, CONNECTIONS, WARMUP, headers);
  const single = await run(url, 1, LATENCY_AMOUNT, headers);
  const busy = await run(url, CONNECTIONS, AMOUNT, headers);
  for (const [status, n] of single.statuses) busy.statuses.set(status, (busy.statuses.get(status) ?? 0) + n);
  return {
    label,
    path: target,
    statuses: busy.statuses,
    p50: percentile(single.latencies, 50),
    p95: percentile(single.latencies, 95),
    rps: busy.latencies.length / busy.seconds,
    busyP95: percentile(busy.latencies, 95),
    count: single.latencies.length + busy.latencies.length,
  };
}

function report(results: Measurement[], bare: Measurement) {
  const rows = results.map((m) => [
    m.label,
    [...m.statuses].map(([status, n]) => (m.statuses.size > 1 ? `${status}×${n}` : String(status))).join(" "),
    m.p50.toFixed(1),
    m.p95.toFixed(1),
    m.rps.toFixed(0),
    `${((m.rps / bare.rps) * 100).toFixed(0)}%`,
    m.busyP95.toFixed(1),
  ]);
  const header = ["page", "status", "p50 ms", "p95 ms", "req/s", "vs bare", `p95 ms @${CONNECTIONS}`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  console.log(
    `\np50/p95: one connection (${LATENCY_AMOUNT} requests). req/s, "vs bare" and the last column: ${CONNECTIONS} connections (up to ${AMOUNT} requests or ${MAX_SECONDS} s).`,
  );
  for (const m of results) console.log(`  ${m.label}: GET ${m.path} (${m.count} requests)`);
}

async function main() {
  console.log(
    `Upstream queue benchmark: ${REQUESTS.toLocaleString("en")} requests, ${CONNECTIONS} connections, ${AMOUNT} requests per page.`,
  );
  const { url, reuse } = await prepareDatabase();
  console.log(`Database: ${new URL(url).host}${new URL(url).pathname}`);
  if (reuse) {
    console.log("Reusing the data already seeded (BENCH_REUSE=1).");
  } else {
    const migrated = await migrate(url);
    console.log(`Migrated (${migrated.applied.length} migrations). Seeding…`);
    await seed(url);
  }
  const { requestNumber, queueSize } = await withClient(url, async (client) => {
    const latest = await client.query<{ number: number }>(
      `SELECT number FROM requests WHERE provider_team_id = 'bench-team-1' ORDER BY created_at DESC LIMIT 1`,
    );
    const open = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM requests WHERE provider_team_id = 'bench-team-1' AND status IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_REQUESTER')`,
    );
    return { requestNumber: latest.rows[0]!.number, queueSize: Number(open.rows[0]!.n) };
  });

  ensureBuild();
  const origin = await startServer(url);
  try {
    const cookie = await signIn(origin);
    const queuePath = `/teams/${TEAM_SLUG}/queue`;
    console.log(`Server at ${origin}; signed in as ${MEMBER_EMAIL}; ${TEAM_SLUG} has ${queueSize} open requests of ${REQUESTS / TEAMS}.`);
    const bare = await measure("bare route (signed out)", origin, "/login");
    const results = [
      bare,
      await measure("team queue, default", origin, queuePath, cookie),
      await measure(
        "team queue, filtered + search",
        origin,
        `${queuePath}?status=all&priority=HIGH&priority=URGENT&q=printer&sort=due`,
        cookie,
      ),
      await measure("team queue, page 2", origin, await secondPage(origin, queuePath, cookie), cookie),
      await measure("request page", origin, `/requests/REQ-${requestNumber}`, cookie),
    ];
    report(results, bare);
    const request = results.at(-1)!;
    if (request.statuses.has(404)) console.log("\nNote: the request page answered 404 — it is not in this build yet.");
  } finally {
    await stopServer();
  }
}

/** The queue's "Next page" link, read from the first page's HTML. */
async function secondPage(origin: string, queuePath: string, cookie: string) {
  const html = await (await fetch(`${origin}${queuePath}`, { headers: { cookie } })).text();
  const match = /href="([^"]*[?&]after=[^"]*)"/.exec(html);
  return match ? match[1]!.replaceAll("&amp;", "&") : queuePath;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void stopServer().finally(() => process.exit(130));
  });
}

main().catch(async (error: unknown) => {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopServer();
  process.exit(1);
});
