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
import { hashPassword } from "../app/utils/auth.server";
import { migrate } from "../app/utils/db/migrator.server";
import { createIndexes, dropSecondaryIndexes, prepareDatabase, seconds, withClient } from "./bench/database";
import { measure, report, settingsFromEnv } from "./bench/measure";
import { ensureBuild, signIn, startServer, stopServer, stopServerOnSignals } from "./bench/server";
import { BODY_DETAILS, BODY_OPENINGS, TITLE_PROBLEMS, TITLE_SUBJECTS, sqlArray } from "./bench/words";

const TEAMS = 50;
const USERS = 1000;
const TYPES_PER_TEAM = 4;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200_000);
const BATCH = 50_000;
const SETTINGS = settingsFromEnv({ connections: 10, amount: 2000, warmup: 200, latencyAmount: 300, maxSeconds: 30 });
const PASSWORD = "bench password, not secret";
// User 51 is a plain member of team 1 (user n belongs to team ((n - 1) % 50) + 1; users 1–50 manage).
const MEMBER_EMAIL = "bench-user-51@example.com";
const TEAM_SLUG = "bench-team-1";

async function isSeeded(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM requests WHERE id LIKE 'bench-req-%'");
    return Number(rows[0]!.n) === REQUESTS;
  });
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
    const indexes = await dropSecondaryIndexes(client, "requests");

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
    await createIndexes([client], indexes);
    console.log(`  ${indexes.length} indexes on requests rebuilt: ${seconds(indexStarted)}`);
    await client.query("ANALYZE");
  });
  console.log(`Seeded in ${seconds(started)}.`);
}

async function main() {
  console.log(
    `Upstream queue benchmark: ${REQUESTS.toLocaleString("en")} requests, ${SETTINGS.connections} connections, ${SETTINGS.amount} requests per page.`,
  );
  const { url, reuse } = await prepareDatabase({ defaultName: "upstream_bench", script: "scripts/bench-queue.ts", isSeeded });
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
  const origin = await startServer({ databaseUrl: url });
  try {
    const cookie = await signIn(origin, MEMBER_EMAIL, PASSWORD);
    const queuePath = `/teams/${TEAM_SLUG}/queue`;
    console.log(`Server at ${origin}; signed in as ${MEMBER_EMAIL}; ${TEAM_SLUG} has ${queueSize} open requests of ${REQUESTS / TEAMS}.`);
    const bare = await measure("bare route (signed out)", origin, "/login", SETTINGS);
    const results = [
      bare,
      await measure("team queue, default", origin, queuePath, SETTINGS, cookie),
      await measure(
        "team queue, filtered + search",
        origin,
        `${queuePath}?status=all&priority=HIGH&priority=URGENT&q=printer&sort=due`,
        SETTINGS,
        cookie,
      ),
      await measure("team queue, page 2", origin, await secondPage(origin, queuePath, cookie), SETTINGS, cookie),
      await measure("request page", origin, `/requests/REQ-${requestNumber}`, SETTINGS, cookie),
    ];
    report(results, bare, SETTINGS);
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

stopServerOnSignals();

main().catch(async (error: unknown) => {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopServer();
  process.exit(1);
});
