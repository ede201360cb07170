// npm run bench:load — how much load Upstream takes, and what a second instance adds.
//
// A load test, not a pass/fail test: bounded in requests and time, loopback only. It loads the
// demo organisation into a real PostgreSQL database (the app's own first start with
// UPSTREAM_DEMO_DATA=on: migrations, demo data, dashboard figures), adds BENCH_USERS people
// (default 200, one shared password hash, members of the demo teams that take requests; every
// fifth one manages their team) and signs each of them in through the login form. Each of
// BENCH_CONNECTIONS people (default 200) then acts with their own session cookie
// (scripts/bench/virtual-users.ts): ~80% page views — home, their team's queue, a request of
// their team, the new-request page, their complaints, notifications, a dashboard (managers) —
// and ~20% form posts as the browser sends them without JavaScript — a reply on a request of
// their team, logging a complaint, raising a request — each success (302) followed by the GET
// of its redirect, as post/redirect/get goes. Two ways, BENCH_SECONDS (default 60) each:
//   At work:      every person pauses between actions (BENCH_THINK_SECONDS on average, default
//                 10: reading the page, typing), on a keep-alive connection of their own
//                 (scripts/bench/paced-users.ts). The latency here is what people feel.
//   At capacity:  autocannon, one connection per person, each sending its next request the
//                 moment it has an answer: how much the instances answer when saturated.
//   Run 1: one app instance.
//   Run 2: two instances on the same database behind a round-robin TCP balancer on loopback
//          (scripts/bench/balancer.ts): each NEW connection goes to the next instance, and a
//          keep-alive connection stays with its instance, so each gets half the connections.
// Each part starts with BENCH_WARMUP_SECONDS of the same load, not counted. The instances run
// the background jobs (UPSTREAM_JOBS=on, as in production) unless BENCH_JOBS=off. For each part
// it prints requests, throughput, p50/p95/p99 latency, counts by status class (2xx/3xx ok, 4xx,
// 5xx errors, no response), how busy the cores were, a table by kind of request and the first
// lines of each kind of error answer; then a summary: p95 at work and throughput at capacity,
// one instance against two. The load generator (this process, with the balancer), PostgreSQL
// and the app instances share the machine's cores: the numbers are this machine's, not a
// capacity figure, and only mean something on an otherwise quiet machine. Everything started
// is stopped at the end, whatever happens (Ctrl-C too).
//
// Environment:
//   BENCH_DATABASE_URL   a PostgreSQL database the benchmark may WIPE (its public schema is dropped
//                        and recreated); the role must own it. Or, instead:
//   BENCH_ADMIN_URL      a connection to any database on a server, as a role with CREATEDB; the
//                        benchmark drops and recreates BENCH_DATABASE_NAME there (default
//                        upstream_bench_load) and leaves it behind for inspection.
//   BENCH_CONNECTIONS    people using Upstream at once, one connection each (default 200)
//   BENCH_THINK_SECONDS  their mean pause between actions at work (default 10)
//   BENCH_SECONDS        length of each measured run (default 60)
//   BENCH_WARMUP_SECONDS load before each run, not counted (default 5)
//   BENCH_USERS          people to add and sign in (default 200; connection i is person i mod n)
//   BENCH_JOBS=off       the instances run without background jobs
//   BENCH_REUSE=1        keep the database of an earlier run (same BENCH_USERS); what earlier runs
//                        posted stays, so the data grows from run to run
//   BENCH_BUILD=1        always run `remix build` first (otherwise: when build/ is missing or older
//                        than app/ and server/)
//   BENCH_CPU_PROFILE    a directory: each instance writes a V8 CPU profile there when it stops
//   DATABASE_POOL_SIZE, UPSTREAM_TIME_ZONE  passed on to the instances (default 10 connections each)
//
// Example (PostgreSQL on this machine; a quick try: BENCH_SECONDS=10 BENCH_CONNECTIONS=50):
//   BENCH_ADMIN_URL=postgresql://upstream_test:upstream_test@127.0.0.1:5432/postgres npm run bench:load
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "../app/demo/demo-organisation";
import { hashPassword } from "../app/utils/auth.server";
import { OPEN_STATUSES } from "../app/utils/request-lifecycle";
import { startBalancer } from "./bench/balancer";
import { prepareDatabase, seconds, withClient } from "./bench/database";
import { envNumber, formatStatuses, percentile, printTable } from "./bench/measure";
import { ensureBuild, signIn, startServer, stopServer, stopServerOnSignals } from "./bench/server";
import { runPaced } from "./bench/paced-users";
import { KINDS, runLoad, type LoadResult, type LoadUser, type LoadWorld } from "./bench/virtual-users";
import { FIRST_NAMES, LAST_NAMES, sqlArray } from "./bench/words";

const CONNECTIONS = Math.max(1, envNumber("BENCH_CONNECTIONS", 200));
const SECONDS = Math.max(1, envNumber("BENCH_SECONDS", 60));
const WARMUP_SECONDS = envNumber("BENCH_WARMUP_SECONDS", 5);
const USERS = Math.max(1, Math.floor(envNumber("BENCH_USERS", 200)));
const THINK_SECONDS = Math.max(0, envNumber("BENCH_THINK_SECONDS", 10));
const JOBS = process.env.BENCH_JOBS !== "off";
const SIGN_IN_CONCURRENCY = 4;
/** Who is who: bench-load-user-<n>@example.com, all with the demo password. */
const EMAIL_PREFIX = "bench-load-user-";
const CORES = os.availableParallelism();

async function isSeeded(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM users WHERE email LIKE '${EMAIL_PREFIX}%'`);
    return Number(rows[0]!.n) === USERS;
  });
}

/** The app's own first start on the empty database (migrations, demo organisation, dashboard figures), then the people. */
async function seed(url: string, dataDir: string) {
  const started = performance.now();
  await startServer({ databaseUrl: url, env: { UPSTREAM_DEMO_DATA: "on", UPSTREAM_DATA_DIR: dataDir }, startSeconds: 180 });
  await stopServer();
  console.log(`Demo organisation loaded by the app's first start: ${seconds(started)}.`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withClient(url, async (client) => {
    const { rows: teams } = await client.query<{ id: string }>(`SELECT id FROM teams WHERE accepts_requests ORDER BY name`);
    if (!teams.length) throw new Error("The demo organisation has no team that takes requests");
    await client.query(
      `INSERT INTO users (id, email, name, title, "createdAt", "updatedAt")
       SELECT '${EMAIL_PREFIX}' || g, '${EMAIL_PREFIX}' || g || '@example.com',
              ${sqlArray(FIRST_NAMES)}[1 + g % ${FIRST_NAMES.length}] || ' ' || ${sqlArray(LAST_NAMES)}[1 + (g / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
              'Load tester', now(), now()
         FROM generate_series(1, ${USERS}) g`,
    );
    await client.query(
      `INSERT INTO passwords (user_id, hash, "updatedAt") SELECT id, $1, now() FROM users WHERE email LIKE '${EMAIL_PREFIX}%'`,
      [passwordHash],
    );
    await client.query(
      `INSERT INTO memberships (user_id, team_id, role, created_at)
       SELECT '${EMAIL_PREFIX}' || g, ($1::text[])[1 + (g - 1) % cardinality($1::text[])],
              (CASE WHEN g % 5 = 1 THEN 'MANAGER' ELSE 'MEMBER' END)::"MembershipRole", now()
         FROM generate_series(1, ${USERS}) g`,
      [teams.map((t) => t.id)],
    );
    await client.query("ANALYZE");
  });
  console.log(`${USERS} people added to the demo teams that take requests (every fifth a manager): ${seconds(started)} in all.`);
}

/** The teams, types, requests and complaint categories the people act on. */
async function readWorld(url: string): Promise<LoadWorld> {
  return withClient(url, async (client) => {
    const types = await client.query<{ team_id: string; slug: string; type_id: string; default_priority: string }>(
      `SELECT t.id AS team_id, t.slug, rt.id AS type_id, rt.default_priority::text
         FROM teams t JOIN request_types rt ON rt.team_id = t.id AND rt.active
        WHERE t.accepts_requests ORDER BY t.name, rt.name`,
    );
    const providerTeams = new Map<string, LoadWorld["providerTeams"][number]>();
    for (const row of types.rows) {
      let team = providerTeams.get(row.team_id);
      if (!team) providerTeams.set(row.team_id, (team = { id: row.team_id, slug: row.slug, types: [] }));
      team.types.push({ id: row.type_id, defaultPriority: row.default_priority });
    }
    const requests = await client.query<{ team_id: string; number: number; open: boolean }>(
      `SELECT provider_team_id AS team_id, number, status::text = ANY($1) AS open
         FROM (SELECT provider_team_id, number, status, row_number() OVER (PARTITION BY provider_team_id ORDER BY created_at DESC) AS n
                 FROM requests) r
        WHERE n <= 500`,
      [OPEN_STATUSES],
    );
    const byTeam = new Map<string, { all: number[]; open: number[] }>();
    for (const row of requests.rows) {
      let lists = byTeam.get(row.team_id);
      if (!lists) byTeam.set(row.team_id, (lists = { all: [], open: [] }));
      lists.all.push(row.number);
      if (row.open) lists.open.push(row.number);
    }
    const categories = await client.query<{ id: string }>(`SELECT id FROM complaint_categories WHERE active`);
    return {
      providerTeams: [...providerTeams.values()],
      requests: byTeam,
      complaintCategoryIds: categories.rows.map((c) => c.id),
      timeZone: process.env.UPSTREAM_TIME_ZONE || "UTC",
    };
  });
}

/** Every person signed in through the login form, a few at a time (each sign-in hashes a password). */
async function signInEveryone(url: string, origin: string): Promise<LoadUser[]> {
  const started = performance.now();
  const { rows } = await withClient(url, (client) =>
    client.query<{ email: string; team_id: string; slug: string; manager: boolean }>(
      `SELECT u.email, t.id AS team_id, t.slug, m.role = 'MANAGER' AS manager
         FROM users u JOIN memberships m ON m.user_id = u.id JOIN teams t ON t.id = m.team_id
        WHERE u.email LIKE '${EMAIL_PREFIX}%' ORDER BY length(u.id), u.id`,
    ),
  );
  const users: LoadUser[] = new Array<LoadUser>(rows.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
      for (let i = next++; i < rows.length; i = next++) {
        const row = rows[i]!;
        const cookie = await signIn(origin, row.email, DEMO_PASSWORD);
        users[i] = { email: row.email, cookie, manager: row.manager, teamId: row.team_id, teamSlug: row.slug };
      }
    }),
  );
  console.log(
    `Signed in ${users.length} people through POST /login (${users.filter((u) => u.manager).length} managers): ${seconds(started)}.`,
  );
  return users;
}

interface Run {
  label: string;
  result: LoadResult;
}

function statusClasses(statuses: Map<number, number>) {
  const classes = { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, other: 0 };
  for (const [status, n] of statuses) {
    const key = status >= 200 && status < 600 ? (`${Math.floor(status / 100)}xx` as keyof typeof classes) : "other";
    classes[key] += n;
  }
  return classes;
}

function throughput(result: LoadResult) {
  return result.stats.latencies.length / result.seconds;
}

function reportRun({ label, result }: Run) {
  const { stats } = result;
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const classes = statusClasses(stats.statuses);
  const n = (x: number) => x.toLocaleString("en");
  console.log(`\n${label}`);
  console.log(`  requests     ${n(sorted.length)} answered in ${result.seconds.toFixed(1)} s`);
  console.log(`  throughput   ${throughput(result).toFixed(1)} req/s`);
  console.log(
    `  latency      p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms`,
  );
  console.log(
    `  statuses     ok: 2xx ${n(classes["2xx"])}, 3xx ${n(classes["3xx"])}; 4xx ${n(classes["4xx"])}; 5xx ${n(classes["5xx"])}` +
      `${classes.other ? `; other ${n(classes.other)}` : ""}; no response: ${n(result.errors)} errors, ${n(result.timeouts)} timeouts`,
  );
  console.log(`  5xx errors   ${n(classes["5xx"])}`);
  console.log(
    `  CPU          all ${CORES} cores ${(result.machineBusy * 100).toFixed(0)}% busy (every process on the machine);` +
      ` the load generator used ${result.generatorCores.toFixed(2)} of them`,
  );
  const kinds = [...KINDS, ...[...stats.byKind.keys()].filter((k) => !KINDS.includes(k))].filter((k) => stats.byKind.has(k));
  printTable(
    ["request", "count", "share", "statuses", "p50 ms", "p95 ms", "p99 ms"],
    kinds.map((kind) => {
      const entry = stats.byKind.get(kind)!;
      const latencies = [...entry.latencies].sort((a, b) => a - b);
      return [
        kind,
        n(latencies.length),
        `${((latencies.length / sorted.length) * 100).toFixed(1)}%`,
        formatStatuses(new Map([...entry.statuses].sort(([a], [b]) => a - b))),
        percentile(latencies, 50).toFixed(0),
        percentile(latencies, 95).toFixed(0),
        percentile(latencies, 99).toFixed(0),
      ];
    }),
  );
  if (stats.toLogin) console.log(`\n  Note: ${n(stats.toLogin)} answers redirected to /login — sessions that stopped working.`);
  if (stats.samples.size) {
    console.log("\n  First answer of each kind of error (status, request: title and start of its text):");
    for (const [key, text] of stats.samples) console.log(`    ${key}: ${text}`);
  }
}

/** Each topology twice: people at work (latency, what they feel), then at capacity (throughput). */
async function measureTopology(label: string, origin: string, users: LoadUser[], world: LoadWorld) {
  const atWork = `${label}, ${CONNECTIONS} people at work (a pause of ${THINK_SECONDS} s on average between actions)`;
  console.log(`${atWork}: ${WARMUP_SECONDS} s of warm-up (not counted) + ${SECONDS} s…`);
  const paced = {
    label: atWork,
    result: await runPaced(origin, users, world, {
      people: CONNECTIONS,
      thinkSeconds: THINK_SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
    }),
  };
  reportRun(paced);
  const atCapacity = `${label}, at capacity (autocannon: ${CONNECTIONS} connections, each sends its next request as soon as it has an answer)`;
  console.log(`\n${atCapacity}: ${WARMUP_SECONDS} s of warm-up (not counted) + ${SECONDS} s…`);
  const saturated = {
    label: atCapacity,
    result: await runLoad(origin, users, world, { connections: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS }),
  };
  reportRun(saturated);
  return { paced, saturated };
}

async function main() {
  console.log(`Upstream load benchmark: ${CONNECTIONS} connections (one signed-in person each) for ${SECONDS} s per run.`);
  console.log(
    `Machine: ${CORES} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), shared by the load generator (this process,` +
      ` with the balancer in run 2), PostgreSQL and the app instances.`,
  );
  const { url, reuse } = await prepareDatabase({ defaultName: "upstream_bench_load", script: "scripts/bench-load.ts", isSeeded });
  const version = await withClient(
    url,
    async (c) => (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v,
  );
  console.log(`Database: PostgreSQL ${version} at ${new URL(url).host}${new URL(url).pathname}`);

  // The instances' data directory: only the mailbox (e-mail written as files, no SMTP), removed at the end.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-bench-load-"));
  process.once("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));

  ensureBuild();
  if (reuse) console.log("Reusing the database of an earlier run (BENCH_REUSE=1).");
  else await seed(url, dataDir);
  const world = await readWorld(url);

  const instanceEnv = {
    UPSTREAM_JOBS: JOBS ? "on" : "off",
    UPSTREAM_DEMO_DATA: "off",
    UPSTREAM_DATA_DIR: dataDir,
    // Never a real mail server: mail goes to files in the data directory.
    SMTP_URL: undefined,
  };
  console.log(
    JOBS
      ? "Jobs: on in every instance (UPSTREAM_JOBS=on, the production default, safe on several instances at once), so" +
          " their work — sending the e-mails the posts cause (to files here), SLA alerts, dashboard figures every minute — is part of the load. BENCH_JOBS=off leaves them out."
      : "Jobs: off in every instance (BENCH_JOBS=off): production runs them, so this measures requests alone.",
  );
  console.log(`Database pool: ${process.env.DATABASE_POOL_SIZE ?? 10} connections per instance (DATABASE_POOL_SIZE).`);

  const runs: Array<{ paced: Run; saturated: Run }> = [];
  try {
    const single = await startServer({ databaseUrl: url, env: instanceEnv });
    const users = await signInEveryone(url, single);
    runs.push(await measureTopology(`Run 1: one instance (${single})`, single, users, world));
    await stopServer();

    const origins = [await startServer({ databaseUrl: url, env: instanceEnv }), await startServer({ databaseUrl: url, env: instanceEnv })];
    const balancer = await startBalancer(origins);
    try {
      runs.push(
        await measureTopology(`Run 2: two instances behind a round-robin TCP balancer (${balancer.origin})`, balancer.origin, users, world),
      );
      console.log(
        `\n  Connections handed to each instance (each keep-alive connection stays where it was sent; reconnections count again): ${origins
          .map((o, i) => `${o} ${balancer.connectionsPerTarget[i]}`)
          .join(", ")}`,
      );
    } finally {
      await balancer.close();
    }
  } finally {
    await stopServer();
  }

  const p95 = (run: Run) =>
    percentile(
      [...run.result.stats.latencies].sort((a, b) => a - b),
      95,
    ).toFixed(0);
  const errors5xx = (run: Run) => statusClasses(run.result.stats.statuses)["5xx"];
  const [one, two] = runs as [(typeof runs)[number], (typeof runs)[number]];
  console.log(`\nSummary (${CORES} cores shared by the load generator, PostgreSQL and the instances):`);
  console.log(
    `  ${CONNECTIONS} people at work: one instance p95 ${p95(one.paced)} ms (${errors5xx(one.paced)} 5xx),` +
      ` two instances p95 ${p95(two.paced)} ms (${errors5xx(two.paced)} 5xx).`,
  );
  const [capacityOne, capacityTwo] = [throughput(one.saturated.result), throughput(two.saturated.result)];
  console.log(
    `  At capacity: one instance ${capacityOne.toFixed(1)} req/s, two instances ${capacityTwo.toFixed(1)} req/s —` +
      ` ${(capacityTwo / capacityOne).toFixed(2)}× the throughput.`,
  );
}

stopServerOnSignals();

main().catch(async (error: unknown) => {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopServer();
  process.exit(1);
});
