// A company-sized data set for the dashboard benchmark, written into an empty migrated PostgreSQL
// database entirely with server-side bulk SQL (INSERT … SELECT generate_series): 10,000 people in
// ~400 teams (company → 8 divisions → 40 departments → teams), ~120 provider teams with 3–5
// request types each, 1,000,000 requests over three years, 500,000 first ratings with their
// recovery cases and re-ratings, and 300,000 complaints with 600,000 sightings and theme tags.
//
// Two connections work side by side (this machine has two cores): one loads the requests and
// everything hanging off them, the other the complaints. The dashboard triggers are off during
// the load; foreign keys are dropped and added back after it (one join checks every row) and
// secondary indexes built once after it. The figures are then counted in one go by the caller
// (refreshDashboardFigures with rebuild).
//
// Run alone: BENCH_ADMIN_URL=postgresql://…/postgres tsx scripts/bench/generate-company.ts
// (creates upstream_bench_dashboards, or set BENCH_DATABASE_URL), with sizes from BENCH_USERS,
// BENCH_TEAMS, BENCH_REQUESTS, BENCH_RATINGS, BENCH_COMPLAINTS, BENCH_SIGHTINGS.
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { hashPassword } from "../../app/utils/auth.server";
import { migrate } from "../../app/utils/db/migrator.server";
import { quoteIdentifier } from "../../app/utils/db/sql-identifiers.server";
import {
  createIndexes,
  dropForeignKeys,
  dropSecondaryIndexes,
  prepareDatabase,
  runSpread,
  seconds,
  withClient,
  type IndexDefinition,
} from "./database";
import { BODY_DETAILS, BODY_OPENINGS, FIRST_NAMES, LAST_NAMES, TITLE_PROBLEMS, TITLE_SUBJECTS, sqlArray, sqlPick } from "./words";

export interface Sizes {
  users: number;
  teams: number;
  requests: number;
  ratings: number;
  complaints: number;
  sightings: number;
}

export const DEFAULT_SIZES: Sizes = {
  users: 10_000,
  teams: 400,
  requests: 1_000_000,
  ratings: 500_000,
  complaints: 300_000,
  sightings: 600_000,
};

const SIZE_ENV: Record<keyof Sizes, string> = {
  users: "BENCH_USERS",
  teams: "BENCH_TEAMS",
  requests: "BENCH_REQUESTS",
  ratings: "BENCH_RATINGS",
  complaints: "BENCH_COMPLAINTS",
  sightings: "BENCH_SIGHTINGS",
};

/** The defaults, overridden by the BENCH_* variables, overridden by `overrides`. */
export function companySizes(overrides: Partial<Sizes> = {}): Sizes {
  const sizes = { ...DEFAULT_SIZES };
  for (const key of Object.keys(SIZE_ENV) as Array<keyof Sizes>) {
    const raw = overrides[key] ?? process.env[SIZE_ENV[key]];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${SIZE_ENV[key]} must be a whole number ≥ 0 (got ${raw})`);
    sizes[key] = value;
  }
  // Company, 8 divisions and 40 departments, then at least a few teams under the departments.
  if (sizes.teams < 60) throw new Error("BENCH_TEAMS must be at least 60");
  if (sizes.users < sizes.teams * 2) throw new Error("BENCH_USERS must be at least twice BENCH_TEAMS (a manager and a member each)");
  return sizes;
}

/** What the benchmark needs to sign in and find its pages. */
export interface Company {
  sizes: Sizes;
  password: string;
  adminEmail: string;
  /** The manager of the division that holds the busiest provider team. */
  managerEmail: string;
  /** That division: a team with departments and teams below it. */
  managerTeamSlug: string;
  /** The provider team with the most requests. */
  providerTeamSlug: string;
}

export const BENCH_PASSWORD = "bench password, not secret";
const MARKER_KEY = "bench_company";
const DAYS = 3 * 365;
const REQUEST_BATCH = 250_000;
const COMPLAINT_BATCH = 150_000;
/** Tables whose dashboard triggers are off during the load, and whose indexes are built after it. */
const LOADED_TABLES = ["requests", "ratings", "recovery_cases", "complaints", "complaint_sightings", "complaint_themes"];
const HELPER_TABLES = [
  "_bench_teams",
  "_bench_users",
  "_bench_members",
  "_bench_providers",
  "_bench_types",
  "_bench_ancestors",
  "_bench_categories",
];

// Division k = 2…9 and its five departments (department k = 10…49 belongs to division 2 + (k - 10) % 8).
const DIVISIONS: Array<[division: string, departments: string[]]> = [
  ["Technology", ["IT Service Desk", "Infrastructure", "Information Security", "Business Applications", "Data and Analytics"]],
  ["Operations", ["Field Service", "Logistics", "Facilities", "Procurement", "Quality Assurance"]],
  ["Customer Experience", ["Customer Care", "Complaints Handling", "Retail Stores", "Digital Channels", "Customer Insights"]],
  ["Finance", ["Accounts Payable", "Accounts Receivable", "Payroll", "Financial Planning", "Tax and Treasury"]],
  ["People", ["Recruitment", "Learning and Development", "HR Operations", "Reward", "Employee Relations"]],
  ["Sales", ["Enterprise Sales", "Small Business Sales", "Partnerships", "Sales Operations", "Account Management"]],
  ["Marketing", ["Brand", "Campaigns", "Communications", "Product Marketing", "Events"]],
  ["Legal and Compliance", ["Contracts", "Regulatory Affairs", "Data Protection", "Internal Audit", "Risk Management"]],
];
const DEPARTMENTS = Array.from({ length: 40 }, (_, j) => DIVISIONS[j % 8]![1][Math.floor(j / 8)]!);

const TYPE_NAMES = ["Access request", "Something is broken", "Question", "Change request", "New equipment"];
const TYPE_PRIORITIES = ["NORMAL", "HIGH", "LOW", "NORMAL", "NORMAL"];
const FIRST_RESPONSE_MINUTES = [60, 240, 480, 1440, 480];
const RESOLUTION_MINUTES = [480, 1440, 4320, 10080, 7200];

const CATEGORIES = [
  "Billing errors",
  "Late delivery",
  "Damaged goods",
  "Staff attitude",
  "Long wait on the phone",
  "Website not working",
  "Mobile app crashes",
  "Wrong order",
  "Missing refund",
  "Poor repair",
  "Missed appointment",
  "Unclear pricing",
  "Contract terms",
  "Cancellation difficulties",
  "Data privacy",
  "Store cleanliness",
  "Parking at the store",
  "Product quality",
  "Warranty refused",
  "Installation problems",
  "Noise from works",
  "Engineer no-show",
  "Account locked",
  "Password reset problems",
  "Marketing emails",
  "Loyalty points missing",
  "Gift card problems",
  "Accessibility",
  "Language support",
  "Complaint not answered",
  "Meter readings",
  "Payment taken twice",
  "Price increase",
  "Out of stock",
  "Click and collect delay",
  "Returns refused",
  "Chat bot unhelpful",
  "Email not answered",
  "Letter not received",
  "Staff knowledge",
];
/** Theme 1 rises sharply in the last three weeks; the others are combinations of these. */
const RISING_THEME = "New price plan confusion";
const THEME_SUBJECTS = [
  "Delivery",
  "Billing",
  "Website",
  "Mobile app",
  "Phone line",
  "Store",
  "Refund",
  "Product",
  "Installation",
  "Contract",
  "Account",
  "Loyalty scheme",
];
const THEME_ASPECTS = ["delays", "errors", "confusion", "quality", "communication"];

const SUMMARY_OPENERS = [
  "Customer says",
  "Caller reports",
  "Customer upset that",
  "Second time this month:",
  "Long-standing customer complains that",
  "Customer in store said",
];
const SUMMARY_ISSUES = [
  "the parcel arrived two days late",
  "the invoice shows the wrong amount",
  "nobody called back as promised",
  "the app logs them out every time",
  "the engineer did not turn up",
  "the refund has still not arrived",
  "the product broke within a week",
  "they were charged twice",
  "the website rejected their card",
  "staff were dismissive on the phone",
  "the store was closed during opening hours",
  "the new price was never explained",
  "the order was incomplete",
  "the wait on the phone was over an hour",
  "the repair did not fix the fault",
  "the chat bot went round in circles",
  "the contract renewed without warning",
  "the letter had someone else's details",
  "the discount code did not work",
  "their complaint last week was ignored",
  "the delivery driver left it in the rain",
  "the installation damaged the wall",
  "the account was locked for no reason",
  "the meter reading was estimated again",
  "loyalty points disappeared",
  "the returns desk refused the item",
  "the email reply did not answer the question",
  "the item in stock online was not in store",
  "the instructions were missing",
  "the gift card balance was wrong",
];
const SUMMARY_ENDINGS = ["", ", again", " and wants a call back"];
const COMPLAINT_DETAILS = [
  "Customer was calm but clear they will leave if it happens again.",
  "They have the order confirmation and photos if needed.",
  "Happened on Saturday afternoon; the store was very busy.",
  "They tried the help pages first and found nothing useful.",
  "They mentioned posting about it on social media.",
  "",
];
const FRONT_LINE_ACTIONS = [
  "Apologised and issued a goodwill credit.",
  "Rebooked the appointment for the next available slot.",
  "Explained the charge and sent the breakdown by email.",
  "Arranged a replacement to be sent today.",
  "Reset the account and walked them through signing in.",
];
const ACTION_PLANS = [
  "Review the process with the team this week and brief everyone on the change.",
  "Raise with the supplier and check the next three deliveries.",
  "Fix the template and re-send the corrected letters.",
  "Add this case to the training session on the 1st.",
];
const RESPONSES = [
  "Thanks for raising this. We have changed the process; please let the customer know.",
  "We refunded the customer and fixed the cause. Closing.",
  "This was a one-off error by a supplier; it has been addressed.",
  "We have added staff at peak times; the wait should be shorter now.",
];
const SIGHTING_NOTES = [
  "Same thing happened to another customer today.",
  "Heard this twice on the phone this morning.",
  "Another one in store.",
];
const POSITIVE_COMMENTS = ["Quick and friendly, thank you!", "Sorted in no time.", "Great help, very clear.", "Exactly what I needed."];
const NEGATIVE_COMMENTS = [
  "Took far too long and nobody kept me updated.",
  "I had to chase three times.",
  "Still not really fixed.",
  "Nobody explained what was happening.",
];

interface Lane {
  name: string;
  client: pg.Client;
  started: number;
}

/** Runs one step on a lane, printing its duration (and rows) when done. */
async function step(lane: Lane, label: string, sql: string, values: unknown[] = []) {
  const started = performance.now();
  // Several statements in one string give one result each.
  const results: pg.QueryResult[] = [await lane.client.query(sql, values)].flat();
  const count = results.reduce((sum, result) => sum + (result.command === "INSERT" ? (result.rowCount ?? 0) : 0), 0);
  const rows = count ? `${count.toLocaleString("en")} rows, ` : "";
  console.log(`  [${lane.name}] ${label}: ${rows}${seconds(started)} (lane at ${seconds(lane.started)})`);
}

async function openLane(url: string, name: string, seed: number): Promise<Lane> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A benchmark database: losing the last commits in a crash is acceptable, and bulk SQL needs memory.
  await client.query("SET synchronous_commit = off");
  await client.query("SET work_mem = '256MB'");
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query("SET TIME ZONE 'UTC'");
  await client.query("SELECT setseed($1)", [seed]);
  return { name, client, started: performance.now() };
}

/** created_at of row g of n: spread over the last three years, a little denser lately, in g's order. */
function createdAt(g: string, n: number, jitterMinutes: number) {
  return `now() - interval '${DAYS} days' * power(1 - (${g} - 0.5)::float8 / ${n}, 1.1) - random() * interval '${jitterMinutes} minutes'`;
}

/** People, teams and their memberships, the request catalogue, complaint categories and themes, and helper tables. */
async function organisation(lane: Lane, sizes: Sizes, passwordHash: string) {
  const { users: N, teams: T } = sizes;
  const leaves = T - 49;
  await step(
    lane,
    "helper: teams",
    `CREATE UNLOGGED TABLE _bench_teams AS
     SELECT k, 'bench-team-' || k AS id, parent_k, depth, 'bench-user-' || (k + 1) AS manager_id,
            (k >= 50 AND (k - 50) % 3 = 0) OR (k BETWEEN 10 AND 49 AND k % 10 = 0) AS provider,
            CASE WHEN k = 1 THEN 'Company'
                 WHEN k <= 9 THEN ${sqlArray(DIVISIONS.map(([d]) => d))}[k - 1]
                 WHEN k <= 49 THEN ${sqlArray(DEPARTMENTS)}[k - 9]
                 ELSE ${sqlArray(DEPARTMENTS)}[1 + (k - 50) % 40] || ' Team ' || (1 + (k - 50) / 40) END AS name
       FROM generate_series(1, ${T}) k
       CROSS JOIN LATERAL (SELECT CASE WHEN k = 1 THEN NULL WHEN k <= 9 THEN 1 WHEN k <= 49 THEN 2 + (k - 10) % 8 ELSE 10 + (k - 50) % 40 END AS parent_k,
                                  CASE WHEN k = 1 THEN 0 WHEN k <= 9 THEN 1 WHEN k <= 49 THEN 2 ELSE 3 END AS depth OFFSET 0) h`,
  );
  // User 1 is the administrator (a member of team 50, the busiest provider); user k + 1 manages team k; the rest
  // are members, one in 25 of a company, division or department team, the others of the teams below.
  await step(
    lane,
    "helper: people",
    `CREATE UNLOGGED TABLE _bench_users AS
     SELECT u, 'bench-user-' || u AS user_id, k, 'bench-team-' || k AS team_id,
            CASE WHEN u BETWEEN 2 AND ${T + 1} THEN 'MANAGER' ELSE 'MEMBER' END AS role
       FROM generate_series(1, ${N}) u
       CROSS JOIN LATERAL (SELECT CASE WHEN u = 1 THEN 50 WHEN u <= ${T + 1} THEN u - 1
                                       WHEN u % 25 = 0 THEN 1 + (u / 25) % 49 ELSE 50 + u % ${leaves} END AS k OFFSET 0) t`,
  );
  await lane.client.query(`ALTER TABLE _bench_users ADD PRIMARY KEY (u)`);
  await step(
    lane,
    "helper: members",
    `CREATE UNLOGGED TABLE _bench_members AS
     SELECT k, row_number() OVER (PARTITION BY k ORDER BY u)::int AS rank, user_id FROM _bench_users`,
  );
  await lane.client.query(`ALTER TABLE _bench_members ADD PRIMARY KEY (k, rank)`);
  // Provider teams in order of volume (the first gets most requests): teams under departments first.
  await step(
    lane,
    "helper: providers and types",
    `CREATE UNLOGGED TABLE _bench_providers AS
     SELECT p::int, k, id AS team_id, (3 + p % 3)::int AS ntypes,
            (SELECT count(*) FROM _bench_members m WHERE m.k = t.k)::int AS members
       FROM (SELECT row_number() OVER (ORDER BY k < 50, k) AS p, k, id FROM _bench_teams WHERE provider) t;
     CREATE UNLOGGED TABLE _bench_types AS
     SELECT p, i, 'bench-type-' || p || '-' || i AS type_id, team_id,
            (ARRAY[${FIRST_RESPONSE_MINUTES}])[i] * (1 + p % 2) AS frt, (ARRAY[${RESOLUTION_MINUTES}])[i] * (1 + p % 2) AS rt
       FROM _bench_providers, generate_series(1, ntypes) i;
     ALTER TABLE _bench_providers ADD PRIMARY KEY (p);
     ALTER TABLE _bench_types ADD PRIMARY KEY (p, i);`,
  );
  await step(
    lane,
    "helper: ancestors",
    `CREATE UNLOGGED TABLE _bench_ancestors AS
     WITH RECURSIVE up(k, level, a) AS (
       SELECT k, 0, k FROM _bench_teams
       UNION ALL
       SELECT up.k, up.level + 1, t.parent_k FROM up JOIN _bench_teams t ON t.k = up.a WHERE t.parent_k IS NOT NULL)
     SELECT up.k, up.level, t.id AS ancestor_id, t.manager_id AS ancestor_manager FROM up JOIN _bench_teams t ON t.k = up.a;
     ALTER TABLE _bench_ancestors ADD PRIMARY KEY (k, level);`,
  );
  // Categories are owned by departments (odd ones) and teams under them (even ones).
  await step(
    lane,
    "helper: categories",
    `CREATE UNLOGGED TABLE _bench_categories AS
     SELECT c, 'bench-category-' || c AS id, ${sqlArray(CATEGORIES)}[c] AS name, t.k AS owner_k, t.id AS owner_id, t.depth AS owner_depth
       FROM generate_series(1, ${CATEGORIES.length}) c
       JOIN _bench_teams t ON t.k = CASE WHEN c % 2 = 1 THEN 10 + (c * 7) % 40 ELSE 50 + (c * 13) % ${leaves} END;
     ALTER TABLE _bench_categories ADD PRIMARY KEY (c);`,
  );

  await step(
    lane,
    "teams",
    `INSERT INTO teams (id, name, slug, description, accepts_requests, parent_id, created_at, updated_at)
     SELECT t.id, t.name, trim(both '-' from regexp_replace(lower(replace(t.name, '&', ' and ')), '[^a-z0-9]+', '-', 'g')),
            CASE WHEN t.provider THEN 'Requests for ' || t.name || ' go here.' ELSE '' END,
            t.provider, p.id, now() - interval '${DAYS + 30} days', now() - interval '${DAYS + 30} days'
       FROM _bench_teams t LEFT JOIN _bench_teams p ON p.k = t.parent_k`,
  );
  await step(
    lane,
    "users",
    `INSERT INTO users (id, email, name, title, active, role, "createdAt", "updatedAt")
     SELECT user_id, 'bench-user-' || u || '@example.com',
            ${sqlArray(FIRST_NAMES)}[1 + u % ${FIRST_NAMES.length}] || ' ' || ${sqlArray(LAST_NAMES)}[1 + (u / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
            CASE WHEN u = 1 THEN 'Systems Administrator' WHEN role = 'MANAGER' THEN 'Manager' ELSE 'Specialist' END,
            true, (CASE WHEN u = 1 THEN 'ADMIN' ELSE 'EMPLOYEE' END)::"GlobalRole",
            now() - interval '${DAYS + 30} days', now() - interval '${DAYS + 30} days'
       FROM _bench_users`,
  );
  await step(lane, "passwords", `INSERT INTO passwords (user_id, hash, "updatedAt") SELECT user_id, $1, now() FROM _bench_users`, [
    passwordHash,
  ]);
  await step(
    lane,
    "memberships",
    `INSERT INTO memberships (user_id, team_id, role, created_at)
     SELECT user_id, team_id, role::"MembershipRole", now() - interval '${DAYS + 30} days' FROM _bench_users`,
  );
  await step(
    lane,
    "request types",
    `INSERT INTO request_types (id, team_id, name, description, default_priority, first_response_target_minutes,
                                resolution_target_minutes, active, created_at, updated_at)
     SELECT type_id, team_id, ${sqlArray(TYPE_NAMES)}[i], '', (${sqlArray(TYPE_PRIORITIES)}[i])::"Priority", frt, rt, true,
            now() - interval '${DAYS + 30} days', now() - interval '${DAYS + 30} days'
       FROM _bench_types`,
  );
  await step(
    lane,
    "complaint categories and themes",
    `INSERT INTO complaint_categories (id, name, description, owner_team_id, active, created_at, updated_at)
     SELECT id, name, '', owner_id, true, now() - interval '${DAYS + 30} days', now() - interval '${DAYS + 30} days' FROM _bench_categories;
     INSERT INTO themes (id, name, created_at, updated_at)
     SELECT 'bench-theme-' || n, CASE WHEN n = 1 THEN '${RISING_THEME}' ELSE
              ${sqlArray(THEME_SUBJECTS)}[1 + (n - 2) / ${THEME_ASPECTS.length}] || ' ' || ${sqlArray(THEME_ASPECTS)}[1 + (n - 2) % ${THEME_ASPECTS.length}] END,
            now() - interval '${DAYS} days', now() - interval '${DAYS} days'
       FROM generate_series(1, ${1 + THEME_SUBJECTS.length * THEME_ASPECTS.length}) n`,
  );
  await lane.client.query(`ANALYZE ${HELPER_TABLES.join(", ")}`);
}

/** Requests, then first ratings, recovery cases and re-ratings. */
async function requestLane(lane: Lane, sizes: Sizes) {
  const { requests: R, users: N } = sizes;
  const { rows } = await lane.client.query<{ n: number }>("SELECT count(*)::int AS n FROM _bench_providers");
  const P = rows[0]!.n;
  for (let from = 1; from <= R; from += REQUEST_BATCH) {
    const to = Math.min(R, from + REQUEST_BATCH - 1);
    // Every random number is drawn in `base`; the laterals derive each request's timeline from
    // them and its type's targets. OFFSET 0 keeps each a step computed once per row: flattened,
    // every reference to a column would repeat the whole expression behind it (6× slower).
    await step(
      lane,
      `requests ${from.toLocaleString("en")}–${to.toLocaleString("en")}`,
      `INSERT INTO requests (id, number, title, body, requester_id, requesting_team_id, provider_team_id, type_id, assignee_id,
                             priority, status, due_at, promised_at, first_response_due_at, resolution_due_at, first_response_at,
                             resolved_at, closed_at, cancelled_at, transfer_count, reopen_count, version, created_at, updated_at)
       SELECT 'bench-req-' || g, g,
              ${sqlPick(TITLE_SUBJECTS, "w1")} || ' ' || ${sqlPick(TITLE_PROBLEMS, "w2")},
              ${sqlPick(BODY_OPENINGS, "w3")} || ' ' || ${sqlPick(BODY_DETAILS, "w4")} || ' Reference ' || g || '.',
              ru.user_id, ru.team_id, pv.team_id, ty.type_id,
              CASE WHEN st.status = 'NEW' OR (st.status = 'CANCELLED' AND t2.fr_c >= t2.cancel_c) THEN NULL ELSE am.user_id END,
              (CASE WHEN pr < 0.2 THEN 'LOW' WHEN pr < 0.7 THEN 'NORMAL' WHEN pr < 0.92 THEN 'HIGH' ELSE 'URGENT' END)::"Priority",
              st.status::"RequestStatus",
              CASE WHEN dux < 0.1 THEN (created + interval '2 days' + dux * interval '140 days')::date END,
              CASE WHEN prx < 0.25 AND st.status <> 'NEW' THEN (created + ty.rt * (0.7 + prx * 3.2) * interval '1 minute')::date END,
              created + ty.frt * interval '1 minute', created + ty.rt * interval '1 minute',
              tl.first_response_at, tl.resolved_at, tl.closed_at, tl.cancelled_at,
              tl.transfers, tl.reopens,
              (CASE st.status WHEN 'NEW' THEN 1 WHEN 'IN_PROGRESS' THEN 3 WHEN 'WAITING_ON_REQUESTER' THEN 4 WHEN 'RESOLVED' THEN 4
                             WHEN 'CLOSED' THEN 5 ELSE 2 END) + tl.transfers + 2 * tl.reopens,
              created, GREATEST(created, tl.first_response_at, tl.resolved_at, tl.closed_at, tl.cancelled_at)
         FROM (SELECT g, ${createdAt("g", R, 45)} AS created,
                      1 + floor(random() * ${N})::int AS u, 1 + floor(${P} * power(random(), 1.5))::int AS p,
                      random() AS ti, random() AS ai, random() AS pr, random() AS sx, random() AS cx, random() AS fx, random() AS rx,
                      random() AS clx, random() AS trx, random() AS rox, random() AS prx, random() AS dux, random() AS wx,
                      random() AS w1, random() AS w2, random() AS w3, random() AS w4
                 FROM generate_series(${from}, ${to}) g OFFSET 0) base
         JOIN _bench_users ru ON ru.u = base.u
         JOIN _bench_providers pv ON pv.p = base.p
         JOIN _bench_types ty ON ty.p = base.p AND ty.i = 1 + floor(base.ti * pv.ntypes)::int
         JOIN _bench_members am ON am.k = pv.k AND am.rank = 1 + floor(base.ai * pv.members)::int
         CROSS JOIN LATERAL (SELECT ty.frt * 1.6 * fx * fx * interval '1 minute' AS fr_delay OFFSET 0) t1
         CROSS JOIN LATERAL (
           SELECT created + t1.fr_delay AS fr_c,
                  created + GREATEST(t1.fr_delay + interval '10 minutes', ty.rt * 1.4 * power(rx, 1.5) * interval '1 minute')
                          + CASE WHEN rox < 0.03 THEN interval '2 days' ELSE interval '0' END AS res_c,
                  LEAST(now(), created + cx / 0.04 * interval '2 days') AS cancel_c OFFSET 0) t2
         CROSS JOIN LATERAL (
           SELECT t2.res_c + CASE WHEN clx < 0.35 THEN clx / 0.35 * interval '2 days' ELSE interval '7 days' END AS closed_c OFFSET 0) t3
         CROSS JOIN LATERAL (
           SELECT CASE WHEN cx < 0.04 THEN 'CANCELLED'
                       WHEN t2.res_c > now() OR sx < 0.003 THEN
                         CASE WHEN t2.fr_c > now() OR (sx < 0.003 AND wx < 0.1) THEN 'NEW' WHEN wx < 0.3 THEN 'WAITING_ON_REQUESTER' ELSE 'IN_PROGRESS' END
                       WHEN t3.closed_c > now() THEN 'RESOLVED'
                       ELSE 'CLOSED' END AS status OFFSET 0) st
         CROSS JOIN LATERAL (
           SELECT CASE WHEN st.status = 'NEW' THEN NULL
                       WHEN st.status = 'CANCELLED' THEN CASE WHEN t2.fr_c < t2.cancel_c THEN t2.fr_c END
                       ELSE t2.fr_c END AS first_response_at,
                  CASE WHEN st.status IN ('RESOLVED', 'CLOSED') THEN t2.res_c END AS resolved_at,
                  CASE WHEN st.status = 'CLOSED' THEN t3.closed_c END AS closed_at,
                  CASE WHEN st.status = 'CANCELLED' THEN t2.cancel_c END AS cancelled_at,
                  CASE WHEN trx < 0.92 THEN 0 WHEN trx < 0.98 THEN 1 ELSE 2 END AS transfers,
                  CASE WHEN st.status IN ('NEW', 'CANCELLED') THEN 0 WHEN rox < 0.027 THEN 1 WHEN rox < 0.03 THEN 2 ELSE 0 END AS reopens OFFSET 0) tl`,
    );
  }
  await step(lane, "analyze requests", "ANALYZE requests");

  // First ratings on resolved requests, given within 28 days of resolution; a late resolution
  // makes a low score more likely.
  const dimension = (n: number) => `CASE WHEN b.f${n} < 0.85 THEN LEAST(5, GREATEST(1, s.overall + floor(b.d${n} * 3)::int - 1)) END`;
  await step(
    lane,
    "first ratings",
    `INSERT INTO ratings (id, request_id, rater_id, kind, overall, exceeded_expectations, availability, responsiveness, timeliness,
                          comprehensiveness, pleasantness, reliability, overall_service, comment, version, created_at, updated_at)
     SELECT 'bench-rating-' || b.number, b.id, b.requester_id, 'FIRST'::"RatingKind", s.overall,
            CASE s.overall WHEN 5 THEN b.e < 0.6 WHEN 4 THEN b.e < 0.1 WHEN 3 THEN b.e < 0.02 ELSE false END,
            ${[1, 2, 3, 4, 5, 6, 7].map(dimension).join(", ")},
            CASE WHEN b.c >= 0.12 THEN '' WHEN s.overall >= 4 THEN ${sqlPick(POSITIVE_COMMENTS, "b.cw")} ELSE ${sqlPick(NEGATIVE_COMMENTS, "b.cw")} END,
            1, s.at, s.at
       FROM (SELECT r.*, random() AS o, random() AS e, random() AS t, random() AS c, random() AS cw,
                    random() AS f1, random() AS d1, random() AS f2, random() AS d2, random() AS f3, random() AS d3, random() AS f4, random() AS d4,
                    random() AS f5, random() AS d5, random() AS f6, random() AS d6, random() AS f7, random() AS d7
               FROM (SELECT id, number, requester_id, resolved_at, resolution_due_at FROM requests
                      WHERE resolved_at IS NOT NULL ORDER BY random() LIMIT ${sizes.ratings}) r OFFSET 0) b
       CROSS JOIN LATERAL (SELECT GREATEST(0, b.o - CASE WHEN b.resolved_at > b.resolution_due_at THEN 0.15 ELSE 0 END) AS q OFFSET 0) q
       CROSS JOIN LATERAL (
         SELECT CASE WHEN q.q < 0.06 THEN 1 WHEN q.q < 0.13 THEN 2 WHEN q.q < 0.25 THEN 3 WHEN q.q < 0.55 THEN 4 ELSE 5 END AS overall,
                LEAST(now(), b.resolved_at + interval '1 minute' + LEAST(now() - b.resolved_at, interval '28 days') * power(b.t, 3)) AS at OFFSET 0) s`,
  );
  await step(lane, "analyze ratings", "ANALYZE ratings");

  // A recovery case for every first rating of 1 or 2, owned by the rated team's manager:
  // acknowledged within two days, then apology, corrective action and closing.
  await step(
    lane,
    "recovery cases",
    `INSERT INTO recovery_cases (id, request_id, rating_id, team_id, status, waiting_on_team_id, escalation_level, acknowledge_due_at,
                                 acknowledged_at, owner_id, apology_sent_at, apology_note, action_recorded_at, corrective_action,
                                 closed_at, closing_note, version, created_at, updated_at)
     SELECT 'bench-recovery-' || b.number, b.request_id, b.rating_id, b.team_id, s.status::"RecoveryStatus", b.team_id, 0,
            b.created + interval '2 days',
            CASE WHEN s.status <> 'OPEN' THEN t1.ack_c END, CASE WHEN s.status <> 'OPEN' THEN b.manager_id END,
            CASE WHEN s.status IN ('APOLOGY_SENT', 'ACTION_RECORDED', 'CLOSED') THEN t2.apo_c END,
            CASE WHEN s.status IN ('APOLOGY_SENT', 'ACTION_RECORDED', 'CLOSED') THEN 'Called the requester and apologised.' END,
            CASE WHEN s.status IN ('ACTION_RECORDED', 'CLOSED') THEN t3.act_c END,
            CASE WHEN s.status IN ('ACTION_RECORDED', 'CLOSED') THEN 'Went through the case with the team; changed the hand-over checklist.' END,
            CASE WHEN s.status = 'CLOSED' THEN t4.clo_c END,
            CASE WHEN s.status = 'CLOSED' THEN 'Requester satisfied with the follow-up.' END,
            CASE s.status WHEN 'OPEN' THEN 1 WHEN 'ACKNOWLEDGED' THEN 2 WHEN 'APOLOGY_SENT' THEN 3 WHEN 'ACTION_RECORDED' THEN 4 ELSE 5 END,
            b.created,
            CASE s.status WHEN 'OPEN' THEN b.created WHEN 'ACKNOWLEDGED' THEN t1.ack_c WHEN 'APOLOGY_SENT' THEN t2.apo_c
                          WHEN 'ACTION_RECORDED' THEN t3.act_c ELSE t4.clo_c END
       FROM (SELECT f.id AS rating_id, f.request_id, f.created_at AS created, r.number, r.provider_team_id AS team_id, t.manager_id,
                    random() AS a, random() AS b, random() AS c, random() AS d, random() AS s
               FROM ratings f JOIN requests r ON r.id = f.request_id JOIN _bench_teams t ON t.id = r.provider_team_id
              WHERE f.kind = 'FIRST' AND f.overall <= 2 OFFSET 0) b
       CROSS JOIN LATERAL (SELECT b.created + interval '10 minutes' + interval '2 days' * b.a * b.a AS ack_c OFFSET 0) t1
       CROSS JOIN LATERAL (SELECT t1.ack_c + interval '10 minutes' + interval '1 day' * b.b * b.b AS apo_c OFFSET 0) t2
       CROSS JOIN LATERAL (SELECT t2.apo_c + interval '1 hour' + interval '4 days' * b.c * b.c AS act_c OFFSET 0) t3
       CROSS JOIN LATERAL (SELECT t3.act_c + interval '1 hour' + interval '3 days' * b.d * b.d AS clo_c OFFSET 0) t4
       CROSS JOIN LATERAL (
         SELECT CASE WHEN t1.ack_c > now() THEN 'OPEN' WHEN t2.apo_c > now() THEN 'ACKNOWLEDGED' WHEN t3.act_c > now() THEN 'APOLOGY_SENT'
                     WHEN t4.clo_c > now() OR b.s < 0.02 THEN 'ACTION_RECORDED' ELSE 'CLOSED' END AS status OFFSET 0) s`,
  );
  // Seven in ten requesters whose case closed rate again, mostly better.
  await step(
    lane,
    "re-ratings",
    `INSERT INTO ratings (id, request_id, rater_id, kind, overall, exceeded_expectations, comment, version, created_at, updated_at)
     SELECT 'bench-rerating-' || b.number, b.request_id, b.requester_id, 'RERATING'::"RatingKind",
            CASE WHEN b.o < 0.35 THEN 5 WHEN b.o < 0.6 THEN 4 WHEN b.o < 0.8 THEN 3 WHEN b.o < 0.9 THEN 2 ELSE 1 END,
            b.o < 0.1, '', 1, b.at, b.at
       FROM (SELECT rc.request_id, r.number, r.requester_id, random() AS o, random() AS k,
                    LEAST(now(), rc.closed_at + interval '1 minute' + interval '3 days' * power(random(), 2)) AS at
               FROM recovery_cases rc JOIN requests r ON r.id = rc.request_id WHERE rc.status = 'CLOSED' OFFSET 0) b
      WHERE b.k < 0.7`,
  );
}

/** Complaints, their sightings and theme tags. */
async function complaintLane(lane: Lane, sizes: Sizes) {
  const { complaints: C, users: N } = sizes;
  for (let from = 1; from <= C; from += COMPLAINT_BATCH) {
    const to = Math.min(C, from + COMPLAINT_BATCH - 1);
    // Not resolved at the front line: escalated to the category's owner team. Most were
    // acknowledged within hours (each full day unacknowledged moved it one team up), planned and
    // closed with a response; the recent ones may still wait, the more likely the newer they are.
    await step(
      lane,
      `complaints ${from.toLocaleString("en")}–${to.toLocaleString("en")}`,
      `INSERT INTO complaints (id, number, reporter_id, channel, category_id, severity, summary, details, action_taken,
                               resolved_at_front_line, occurred_at, status, routed_team_id, waiting_on_team_id, escalation_level,
                               escalated_at, acknowledge_due_at, acknowledged_at, acknowledged_by_id, action_plan, action_planned_at,
                               response, responded_at, responded_by_id, closed_at, customer_name, customer_email, customer_reference,
                               version, created_at, updated_at)
       SELECT 'bench-cmp-' || g, g, ru.user_id,
              (CASE WHEN ch < 0.30 THEN 'PHONE' WHEN ch < 0.50 THEN 'EMAIL' WHEN ch < 0.65 THEN 'WEB' WHEN ch < 0.80 THEN 'CHAT'
                    WHEN ch < 0.88 THEN 'IN_PERSON' WHEN ch < 0.93 THEN 'SOCIAL' WHEN ch < 0.96 THEN 'COMMENT_CARD'
                    WHEN ch < 0.99 THEN 'SURVEY' ELSE 'OTHER' END)::"ComplaintChannel",
              cat.id,
              (CASE WHEN sv < 0.35 THEN 'LOW' WHEN sv < 0.75 THEN 'MEDIUM' WHEN sv < 0.95 THEN 'HIGH' ELSE 'CRITICAL' END)::"Severity",
              ${sqlPick(SUMMARY_OPENERS, "s1")} || ' ' || ${sqlPick(SUMMARY_ISSUES, "s2")} || ${sqlPick(SUMMARY_ENDINGS, "s3")},
              ${sqlPick(COMPLAINT_DETAILS, "dt")},
              CASE WHEN fl < 0.35 THEN ${sqlPick(FRONT_LINE_ACTIONS, "dt")} ELSE '' END,
              fl < 0.35, created - interval '6 hours' * oc * oc, st.status::"ComplaintStatus", cat.owner_id,
              COALESCE(anc.ancestor_id, cat.owner_id), lv.level,
              CASE WHEN st.status <> 'LOGGED' THEN created END,
              CASE WHEN st.status = 'ESCALATED' THEN created + (lv.level + 1) * interval '1 day' END,
              CASE WHEN st.acked THEN tl.ack_c END, CASE WHEN st.acked THEN anc.ancestor_manager END,
              CASE WHEN st.status IN ('ACTION_PLANNED', 'CLOSED') THEN ${sqlPick(ACTION_PLANS, "rb")} END,
              CASE WHEN st.status IN ('ACTION_PLANNED', 'CLOSED') THEN tl.plan_c END,
              CASE WHEN st.status = 'CLOSED' THEN ${sqlPick(RESPONSES, "rc")} END,
              CASE WHEN st.status = 'CLOSED' THEN tl.resp_c END,
              CASE WHEN st.status = 'CLOSED' THEN anc.ancestor_manager END,
              CASE WHEN st.status = 'CLOSED' THEN tl.closed_c END,
              CASE WHEN cu < 0.2 THEN ${sqlPick(FIRST_NAMES, "n1")} || ' ' || ${sqlPick(LAST_NAMES, "n2")} END,
              CASE WHEN cu < 0.2 THEN lower(${sqlPick(FIRST_NAMES, "n1")} || '.' || ${sqlPick(LAST_NAMES, "n2")}) || '@example.net' END,
              CASE WHEN cu < 0.1 THEN 'ACC-' || (100000 + g) END,
              (CASE st.status WHEN 'LOGGED' THEN 1 WHEN 'ESCALATED' THEN 1 WHEN 'ACKNOWLEDGED' THEN 2 WHEN 'ACTION_PLANNED' THEN 3 ELSE 5 END) + lv.level,
              created,
              CASE st.status WHEN 'LOGGED' THEN created WHEN 'ESCALATED' THEN created + lv.level * interval '1 day'
                             WHEN 'ACKNOWLEDGED' THEN tl.ack_c WHEN 'ACTION_PLANNED' THEN tl.plan_c ELSE tl.closed_c END
         FROM (SELECT g, ${createdAt("g", C, 90)} AS created,
                      1 + floor(random() * ${N})::int AS u, 1 + floor(${CATEGORIES.length} * power(random(), 1.6))::int AS cc,
                      random() AS ch, random() AS sv, random() AS fl, random() AS s1, random() AS s2, random() AS s3, random() AS dt,
                      random() AS cu, random() AS n1, random() AS n2, random() AS oc, random() AS ra, random() AS rb, random() AS rc,
                      random() AS rd, random() AS stuck, random() AS esc
                 FROM generate_series(${from}, ${to}) g OFFSET 0) base
         JOIN _bench_users ru ON ru.u = base.u
         JOIN _bench_categories cat ON cat.c = base.cc
         CROSS JOIN LATERAL (
           SELECT created + interval '10 minutes' + interval '3 days' * power(ra, 6) AS ack_c,
                  extract(epoch FROM now() - created)::float8 / 86400 AS age_days OFFSET 0) t0
         CROSS JOIN LATERAL (SELECT t0.ack_c + interval '10 minutes' + interval '2 days' * rb * rb AS plan_c OFFSET 0) t1
         CROSS JOIN LATERAL (SELECT t1.plan_c + interval '10 minutes' + interval '5 days' * rc * rc AS resp_c OFFSET 0) t2
         CROSS JOIN LATERAL (SELECT t0.ack_c, t1.plan_c, t2.resp_c, t2.resp_c + interval '2 hours' * rd AS closed_c OFFSET 0) tl
         CROSS JOIN LATERAL (
           SELECT CASE WHEN fl < 0.35 THEN 'LOGGED'
                       WHEN tl.ack_c > now() OR (t0.age_days < 21 AND esc < 0.95 * power(GREATEST(0, 1 - t0.age_days / 21), 0.7)) THEN 'ESCALATED'
                       WHEN tl.plan_c > now() OR stuck < 0.03 THEN 'ACKNOWLEDGED'
                       WHEN tl.closed_c > now() OR stuck < 0.08 THEN 'ACTION_PLANNED'
                       ELSE 'CLOSED' END AS status OFFSET 0) s0
         CROSS JOIN LATERAL (SELECT s0.status, s0.status NOT IN ('LOGGED', 'ESCALATED') AS acked OFFSET 0) st
         CROSS JOIN LATERAL (
           SELECT CASE WHEN st.status = 'LOGGED' THEN 0
                       ELSE LEAST(3, cat.owner_depth,
                                  floor(CASE WHEN st.acked THEN extract(epoch FROM tl.ack_c - created)::float8 / 86400 ELSE t0.age_days END)::int) END AS level OFFSET 0) lv
         LEFT JOIN _bench_ancestors anc ON anc.k = cat.owner_k AND anc.level = lv.level`,
    );
  }
  await step(lane, "analyze complaints", "ANALYZE complaints");
  await step(
    lane,
    "sightings",
    `INSERT INTO complaint_sightings (id, complaint_id, reporter_id, channel, note, occurred_at, created_at)
     SELECT 'bench-sighting-' || b.g, c.id, ru.user_id,
            (ARRAY['PHONE', 'EMAIL', 'WEB', 'CHAT', 'IN_PERSON', 'SOCIAL', 'COMMENT_CARD', 'SURVEY', 'OTHER'])[1 + floor(b.ch * 9)::int]::"ComplaintChannel",
            CASE WHEN b.nt < 0.15 THEN ${sqlPick(SIGHTING_NOTES, "b.nt / 0.15")} ELSE '' END,
            s.at, LEAST(now(), s.at + interval '2 hours' * b.lag)
       FROM (SELECT g, 1 + floor(random() * ${C})::int AS cn, 1 + floor(random() * ${N})::int AS u,
                    random() AS ch, random() AS nt, random() AS oc, random() AS lag
               FROM generate_series(1, ${sizes.sightings}) g OFFSET 0) b
       JOIN complaints c ON c.id = 'bench-cmp-' || b.cn
       JOIN _bench_users ru ON ru.u = b.u
       CROSS JOIN LATERAL (SELECT LEAST(now(), c.occurred_at + interval '5 minutes' + interval '10 days' * b.oc * b.oc) AS at OFFSET 0) s`,
  );
  // Four in ten complaints carry a theme; the rising theme is rare until three weeks ago, then
  // more and more common. A third of the tagged ones carry a second, different theme.
  const themes = THEME_SUBJECTS.length * THEME_ASPECTS.length;
  await step(
    lane,
    "complaint themes",
    `INSERT INTO complaint_themes (complaint_id, theme_id, tagged_at, tagged_by_id)
     SELECT id, 'bench-theme-' || CASE WHEN x < 0.003 OR (created_at > now() - interval '21 days'
                                        AND x < 0.6 * (1 - extract(epoch FROM now() - created_at)::float8 / (21 * 86400))) THEN 1
                                      ELSE 2 + floor(y * ${themes})::int END,
            COALESCE(acknowledged_at, created_at + interval '1 hour'), acknowledged_by_id
       FROM (SELECT id, created_at, acknowledged_at, acknowledged_by_id, random() AS x, random() AS y, random() AS t FROM complaints OFFSET 0) c
      WHERE t < 0.4;
     INSERT INTO complaint_themes (complaint_id, theme_id, tagged_at, tagged_by_id)
     SELECT complaint_id, 'bench-theme-' || (2 + (substr(theme_id, 13)::int - 1 + floor(y * ${themes - 1})::int) % ${themes}), tagged_at, tagged_by_id
       FROM (SELECT *, random() AS y, random() AS t FROM complaint_themes OFFSET 0) c
      WHERE t < 0.3
     ON CONFLICT DO NOTHING`,
  );
}

/** Reads the marker left by generateCompany: the data set's sizes and sign-ins, or null. */
export async function readCompany(url: string): Promise<Company | null> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ value: Company }>("SELECT value FROM app_settings WHERE key = $1", [MARKER_KEY]);
    return rows[0]?.value ?? null;
  });
}

export function sameSizes(a: Sizes, b: Sizes) {
  return (Object.keys(DEFAULT_SIZES) as Array<keyof Sizes>).every((key) => a[key] === b[key]);
}

/**
 * Fills the empty migrated database at `url` with a company-sized data set and returns what the
 * benchmark needs to sign in. The dashboard figures are not counted: call
 * refreshDashboardFigures(now, { rebuild: true }) afterwards.
 */
export async function generateCompany(url: string, overrides: Partial<Sizes> = {}): Promise<Company> {
  const sizes = companySizes(overrides);
  const started = performance.now();
  console.log(
    `Generating: ${(Object.keys(sizes) as Array<keyof Sizes>).map((key) => `${sizes[key].toLocaleString("en")} ${key}`).join(", ")}.`,
  );
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const a = await openLane(url, "requests", 0.42);
  const b = await openLane(url, "complaints", 0.43);
  try {
    const { rows } = await a.client.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    if (rows[0]!.n > 0) throw new Error("The database is not empty: generateCompany fills a freshly migrated database");
    await a.client.query(`DROP TABLE IF EXISTS ${HELPER_TABLES.join(", ")}`);
    await organisation(a, sizes, passwordHash);

    // Off during the load: the dashboard triggers, secondary indexes and foreign keys (each
    // inserted row would check five of them one lookup at a time: over half the insert's time).
    const indexes: IndexDefinition[] = [];
    const foreignKeys: string[] = [];
    for (const table of LOADED_TABLES) {
      await a.client.query(`ALTER TABLE ${quoteIdentifier(table)} DISABLE TRIGGER USER`);
      indexes.push(...(await dropSecondaryIndexes(a.client, table)));
      foreignKeys.push(...(await dropForeignKeys(a.client, table)));
    }
    const loadStarted = performance.now();
    a.started = b.started = loadStarted;
    await Promise.all([requestLane(a, sizes), complaintLane(b, sizes)]);
    console.log(`  load: ${seconds(loadStarted)}`);

    const keysStarted = performance.now();
    await runSpread([a.client, b.client], foreignKeys);
    console.log(`  ${foreignKeys.length} foreign keys added back (every row checked): ${seconds(keysStarted)}`);

    // The trigram (GIN) indexes take longest: start them first so both connections stay busy.
    const indexStarted = performance.now();
    indexes.sort((x, y) => Number(/\bgin\b/i.test(y.definition)) - Number(/\bgin\b/i.test(x.definition)));
    await createIndexes([a.client, b.client], indexes);
    console.log(`  ${indexes.length} secondary indexes built: ${seconds(indexStarted)}`);

    const finishStarted = performance.now();
    for (const table of LOADED_TABLES) await a.client.query(`ALTER TABLE ${quoteIdentifier(table)} ENABLE TRIGGER USER`);
    await a.client.query("TRUNCATE rollup_dirty");
    await a.client.query(`SELECT setval(pg_get_serial_sequence('requests', 'number'), GREATEST(1, (SELECT max(number) FROM requests)))`);
    await a.client.query(
      `SELECT setval(pg_get_serial_sequence('complaints', 'number'), GREATEST(1, (SELECT max(number) FROM complaints)))`,
    );

    const { rows: picked } = await a.client.query<Omit<Company, "sizes" | "password">>(
      `WITH busiest AS (SELECT provider_team_id, count(*) AS n FROM requests GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1)
       SELECT 'bench-user-1@example.com' AS "adminEmail", provider.slug AS "providerTeamSlug",
              division.slug AS "managerTeamSlug", manager.email AS "managerEmail"
         FROM busiest
         JOIN teams provider ON provider.id = busiest.provider_team_id
         JOIN _bench_teams pt ON pt.id = provider.id
         JOIN _bench_ancestors up ON up.k = pt.k AND up.level = pt.depth - 1
         JOIN teams division ON division.id = up.ancestor_id
         JOIN memberships m ON m.team_id = division.id AND m.role = 'MANAGER'
         JOIN users manager ON manager.id = m.user_id
        LIMIT 1`,
    );
    if (!picked[0]) throw new Error("No provider team received requests: is BENCH_REQUESTS 0?");
    const company: Company = { sizes, password: BENCH_PASSWORD, ...picked[0] };
    await a.client.query(`DROP TABLE ${HELPER_TABLES.join(", ")}`);
    console.log(`  triggers back on, rollup_dirty emptied, sequences set: ${seconds(finishStarted)}`);

    // VACUUM as well as ANALYZE: it sets the visibility map (index-only scans) and hint bits, as
    // autovacuum would have long since done on a database that grew over three years.
    const vacuumStarted = performance.now();
    await Promise.all([
      a.client.query("VACUUM (ANALYZE) requests"),
      (async () => {
        for (const table of LOADED_TABLES.filter((t) => t !== "requests")) await b.client.query(`VACUUM (ANALYZE) ${table}`);
      })(),
    ]);
    await a.client.query("ANALYZE");
    console.log(`  vacuum and analyze: ${seconds(vacuumStarted)}`);
    // Written last: BENCH_REUSE=1 trusts only a database whose generation finished.
    await a.client.query(
      `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [MARKER_KEY, JSON.stringify(company)],
    );
    console.log(`Generated in ${seconds(started)}.`);
    return company;
  } finally {
    await Promise.allSettled([a.client.end(), b.client.end()]);
  }
}

async function main() {
  const sizes = companySizes();
  const { url } = await prepareDatabase({
    defaultName: "upstream_bench_dashboards",
    script: "scripts/bench/generate-company.ts",
    isSeeded: async () => false,
  });
  console.log(`Database: ${new URL(url).host}${new URL(url).pathname}`);
  const migrated = await migrate(url);
  console.log(`Migrated (${migrated.applied.length} migrations).`);
  const company = await generateCompany(url, sizes);
  console.log(JSON.stringify(company, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`Generation failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
