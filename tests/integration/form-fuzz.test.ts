// Every form action in app/routes, fuzzed with fast-check: right field names with hostile values
// (very long, empty, RTL and zero-width and NUL characters, numbers out of range, NaN, 1e309,
// repeated fields, SQL and HTML injection, CR/LF), wrong intents, missing fields, and fields the
// form does not offer (role, teamId, ownerId...), posted by someone allowed to use the form.
// For every run: no 500 (an action that throws instead of answering fails the run); a body with
// an invalid field is refused with a 4xx; a refused body changes no table at all; a 400 says
// what was wrong; and nobody's role or teams change behind their back.
//
// The routes are read from app/routes when the test runs: a new action fails the first test until
// it has a row in tests/support/form-fuzz-table.ts. A failure prints fast-check's seed and path;
// FORM_FUZZ_SEED and FORM_FUZZ_PATH replay it, FORM_FUZZ_RUNS changes the runs per route.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { callAction, TEST_ORIGIN, type RouteModule } from "../support/http";
import { flashOf } from "../support/replies";
import { buildFuzzWorld, FUZZ_TABLE, type FuzzEntry, type FuzzWorld } from "../support/form-fuzz-table";
import { bodyOf, describeBody, mustBeRefused, paramsOf, planArbitrary, type Plan } from "../support/form-fuzz-plans";
import { changedTables, fingerprintTables } from "../support/form-fuzz-snapshot";

const RUNS = Number(process.env.FORM_FUZZ_RUNS ?? 20);
const REPLAY = process.env.FORM_FUZZ_SEED
  ? { seed: Number(process.env.FORM_FUZZ_SEED), ...(process.env.FORM_FUZZ_PATH ? { path: process.env.FORM_FUZZ_PATH } : {}) }
  : {};

/** FORM_FUZZ_STATS=1 prints, per route, how often each kind of body got each status. */
const STATS = process.env.FORM_FUZZ_STATS ? new Map<string, Map<string, number>>() : null;

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");

/** Route files exporting an action, read from their source (not imported, so nothing runs). */
function routesWithAnAction() {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((name) => /\.tsx?$/.test(name))
    .filter((name) =>
      /export\s+(async\s+)?function\s+action\b|export\s+(const|let)\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/.test(
        fs.readFileSync(path.join(ROUTES_DIR, name), "utf8"),
      ),
    )
    .sort();
}

/** A form POST as a browser sends it; built by hand so a field may be called `__proto__`. */
function formPost(url: string, pairs: Array<[string, string]>, cookie: string | null) {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: TEST_ORIGIN });
  if (cookie) headers.set("Cookie", cookie);
  const body = new URLSearchParams();
  for (const [name, value] of pairs) body.append(name, value);
  return new Request(new URL(url, TEST_ORIGIN), { method: "POST", headers, body });
}

/** Whether a JSON reply carries at least one message under an `error`/`errors` key. */
function hasMessages(value: unknown, underErrorKey = false): boolean {
  if (typeof value === "string") return underErrorKey && value.trim().length > 0;
  if (Array.isArray(value)) return value.some((item) => hasMessages(item, underErrorKey));
  if (value && typeof value === "object") {
    return Object.entries(value).some(([key, item]) => hasMessages(item, underErrorKey || key === "error" || key === "errors"));
  }
  return false;
}

async function actorFacts(actorId: string | null) {
  if (!actorId) return null;
  const user = await prisma.user.findUnique({
    where: { id: actorId },
    select: { role: true, memberships: { select: { teamId: true, role: true }, orderBy: { teamId: "asc" } } },
  });
  return user;
}

async function fuzzOnce(entry: FuzzEntry, route: RouteModule, world: FuzzWorld, plan: Plan) {
  const prepared = await entry.prepare(world, plan.form);
  const pairs = bodyOf(entry, plan, prepared, world);
  const params = paramsOf(plan, prepared);
  const what = `${entry.route} ${JSON.stringify(params)} [${plan.mode}, ${plan.form}] ${describeBody(pairs)}`;
  // Sessions are renewed as they are used; other tables only where the row says so.
  const ignore = ["sessions", ...(entry.refusalMayWrite ?? [])];
  const before = await fingerprintTables(ignore);
  const adminsBefore = await prisma.user.count({ where: { role: "ADMIN" } });
  const actorBefore = await actorFacts(prepared.actorId);

  let response: Response;
  try {
    response = await callAction(route, formPost(prepared.url, pairs, prepared.cookie), params);
  } catch (error) {
    throw new Error(`${what}\nthrew instead of answering: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const status = response.status;
  const text = await response.clone().text();
  expect(status, `${what}\nanswered ${status}: ${text.slice(0, 300)}`).toBeLessThan(500);

  if (STATS) {
    const counts = STATS.get(entry.route) ?? new Map<string, number>();
    const key = `${plan.mode}/${plan.form} → ${status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    STATS.set(entry.route, counts);
  }

  const flash = status >= 300 && status < 400 ? await flashOf(response) : null;
  const refused = (status >= 400 && status < 500) || (!!entry.refusedByFlash?.includes(plan.form) && flash?.kind === "error");
  if (mustBeRefused(plan, entry)) {
    expect(refused, `${what}\nshould have been refused, got ${status} ${flash ? JSON.stringify(flash) : text.slice(0, 300)}`).toBe(true);
  }
  if (refused) {
    const after = await fingerprintTables(ignore);
    expect(changedTables(before, after), `${what}\nwas refused (${status}) but wrote to`).toEqual([]);
  }
  if (status === 400 && /json/.test(response.headers.get("Content-Type") ?? "")) {
    expect(hasMessages(JSON.parse(text)), `${what}\nanswered 400 without saying what was wrong: ${text.slice(0, 300)}`).toBe(true);
  }

  if (!entry.mayGrantAdmin)
    expect(await prisma.user.count({ where: { role: "ADMIN" } }), `${what}\nmade an administrator`).toBe(adminsBefore);
  const actorAfter = await actorFacts(prepared.actorId);
  if (actorBefore && actorAfter) {
    expect(actorAfter.role, `${what}\nchanged the poster's role`).toBe(actorBefore.role);
    if (!entry.mayChangeOwnTeams) expect(actorAfter.memberships, `${what}\nchanged the poster's teams`).toEqual(actorBefore.memberships);
  }
}

let world: FuzzWorld;

beforeAll(async () => {
  world = await buildFuzzWorld();
});

afterAll(() => {
  if (!STATS) return;
  for (const [route, counts] of STATS) {
    console.log(
      `${route}\n${[...counts]
        .sort()
        .map(([key, n]) => `  ${key}: ${n}`)
        .join("\n")}`,
    );
  }
});

describe("the fuzz table", () => {
  test("has a row for every route with an action, and no row for a route without one", () => {
    const actions = routesWithAnAction();
    const rows = FUZZ_TABLE.map((entry) => entry.route);
    expect(
      actions.filter((route) => !rows.includes(route)),
      "routes with an action but no row in form-fuzz-table.ts",
    ).toEqual([]);
    expect(
      rows.filter((route) => !actions.includes(route)),
      "rows for routes that have no action (any more)",
    ).toEqual([]);
    expect(new Set(rows).size, "a route with two rows").toBe(rows.length);
  });
});

describe.each(FUZZ_TABLE.map((entry) => [entry.route, entry] as const))("fuzzing %s", (_route, entry) => {
  test(`forms ${Object.keys(entry.forms).join(", ")}, posted by ${entry.who}`, { timeout: 180_000 }, async () => {
    const route = await entry.load();
    expect(route.action, `${entry.route} exports no action`).toBeTypeOf("function");
    await fc.assert(
      fc.asyncProperty(planArbitrary(entry), (plan) => fuzzOnce(entry, route, world, plan)),
      { numRuns: RUNS, ...REPLAY },
    );
  });
});
