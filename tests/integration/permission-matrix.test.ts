// The permission matrix (SECURITY.md "Access control", DESIGN.md "Permissions (default)"): every
// loader and every action of every route file in app/routes, asked by each role — not signed in,
// a plain employee, the requester, a member and the manager of the team that provides the
// records, the manager of another branch, an admin — gets what tests/support/permission-matrix.ts
// says. Records are asked for by id, number or slug as the URLs carry them; actions are posted as
// real forms with a valid body, and a denied post must leave the record exactly as it was.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { callAction, callLoader, formRequest, getRequest, type RouteModule } from "../support/http";
import { flashOf } from "../support/replies";
import { buildWorld, cookieOf, ROLE_DESCRIPTIONS, ROLES, type Role, type World } from "../support/permission-matrix-world";
import {
  handledIntents,
  PERMISSION_MATRIX,
  type ActionRow,
  type Expectations,
  type LoaderRow,
  type Outcome,
} from "../support/permission-matrix";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");

const MODULE = /\.[jt]sx?$/;

/**
 * The routes as they are on disk now, each with the path of its module: a file
 * ("requests.$number_.rate.tsx") or a folder holding a route.tsx (Remix's flat-folder form).
 */
function routeSources() {
  const sources = new Map<string, string>();
  for (const entry of fs.readdirSync(ROUTES_DIR, { withFileTypes: true })) {
    if (entry.isFile() && MODULE.test(entry.name)) sources.set(entry.name, entry.name);
    if (entry.isDirectory()) {
      const route = fs.readdirSync(path.join(ROUTES_DIR, entry.name)).find((name) => /^route\.[jt]sx?$/.test(name));
      if (route) sources.set(entry.name, `${entry.name}/${route}`);
    }
  }
  return sources;
}

function routeFiles() {
  return [...routeSources().keys()].sort();
}

const modules = new Map<string, RouteModule>();
let world: World;

beforeAll(async () => {
  for (const [file, source] of routeSources()) {
    modules.set(file, (await import(/* @vite-ignore */ `../../app/routes/${source}`)) as RouteModule);
  }
  world = await buildWorld();
});

function moduleOf(file: string) {
  const module = modules.get(file);
  if (!module) throw new Error(`${file} is in the matrix but not in app/routes`);
  return module;
}

// ---------------------------------------------------------------------------------------------
// The table covers every route, every loader and action, every intent.

describe("the matrix covers every route", () => {
  test("every route file in app/routes has an entry", () => {
    const missing = routeFiles().filter((file) => !(file in PERMISSION_MATRIX));
    expect(missing, `Add these route files to PERMISSION_MATRIX in tests/support/permission-matrix.ts: ${missing.join(", ")}`).toEqual([]);
  });

  test("every entry names a route file that exists", () => {
    const files = new Set(routeFiles());
    const stale = Object.keys(PERMISSION_MATRIX).filter((file) => !files.has(file));
    expect(stale, `These entries name no file in app/routes: ${stale.join(", ")}`).toEqual([]);
  });

  test("an entry has loader rows exactly when the route has a loader, action rows exactly when it has an action", () => {
    const problems: string[] = [];
    for (const [file, entry] of Object.entries(PERMISSION_MATRIX)) {
      const module = modules.get(file);
      if (!module) continue;
      if (!!module.loader !== !!entry.loader?.length)
        problems.push(`${file}: loader ${module.loader ? "has no rows" : "rows but no loader"}`);
      if (!!module.action !== !!entry.action?.length)
        problems.push(`${file}: action ${module.action ? "has no rows" : "rows but no action"}`);
    }
    expect(problems).toEqual([]);
  });

  test("every intent an action handles has a row", () => {
    const missing: string[] = [];
    const sources = routeSources();
    for (const [file, entry] of Object.entries(PERMISSION_MATRIX)) {
      if (!sources.has(file)) continue;
      const source = fs.readFileSync(path.join(ROUTES_DIR, sources.get(file)!), "utf8");
      const rows = new Set((entry.action ?? []).map((row) => row.intent));
      for (const intent of handledIntents(file, source)) if (!rows.has(intent)) missing.push(`${file}: intent=${intent}`);
    }
    expect(missing, "Add an action row for each").toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// What an answer is.

function where(response: Response) {
  const location = response.headers.get("Location");
  return `${response.status}${location ? ` → ${location}` : ""}`;
}

const isRedirect = (response: Response) => response.status >= 300 && response.status < 400;
const toSignIn = (response: Response) => isRedirect(response) && /^\/login(\?|$)/.test(response.headers.get("Location") ?? "");

interface Checks {
  /** Text the answer must contain ("ok") or must not (any other outcome, or `hidden`). */
  shows?: string;
  /** The answer is "ok" but must not contain `shows`: a list that is not this role's to see it in. */
  hidden?: boolean;
  signsOut?: boolean;
}

async function expectOutcome(role: Role, expected: Outcome, response: Response, body: string, checks: Checks = {}) {
  const seen = `${role} (${ROLE_DESCRIPTIONS[role]}): expected ${expected}, got ${where(response)}: ${body.slice(0, 300)}`;
  // SECURITY 15.3.1: no answer carries a password hash, whoever asks.
  expect(body).not.toContain("$argon2");
  const flash = isRedirect(response) ? await flashOf(response) : null;
  switch (expected) {
    case "ok":
      expect(response.status < 400, seen).toBe(true);
      if (!checks.signsOut) expect(toSignIn(response), seen).toBe(false);
      if (flash) expect(flash.kind, `${seen} (flash: ${flash.message})`).toBe("success");
      if (checks.shows && checks.hidden) expect(body, "this role's page must not show the record").not.toContain(checks.shows);
      else if (checks.shows) expect(body, "the page shows the record").toContain(checks.shows);
      break;
    case "login":
      expect(toSignIn(response), seen).toBe(true);
      break;
    case "not-found":
      expect(response.status, seen).toBe(404);
      if (checks.shows) expect(body, "a 404 shows nothing of the record").not.toContain(checks.shows);
      break;
    case "forbidden":
      expect(response.status, seen).toBe(403);
      if (checks.shows) expect(body).not.toContain(checks.shows);
      break;
    case "home":
      expect(isRedirect(response) && response.headers.get("Location") === "/", seen).toBe(true);
      break;
    case "ignored":
      expect(response.status < 500 && ![403, 404].includes(response.status) && !toSignIn(response), seen).toBe(true);
      expect(flash?.kind ?? "none", seen).not.toBe("success");
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// The cases: one per row and role.

interface Case<Row> {
  file: string;
  row: Row;
  role: Role;
  expected: Outcome;
}

function casesOf<Row extends { expect: Expectations }>(file: string, rows: Row[] | undefined, label: (row: Row) => string) {
  return (rows ?? []).flatMap((row) =>
    ROLES.map((role) => [`${label(row)} · ${role} → ${row.expect[role]}`, { file, row, role, expected: row.expect[role] }] as const),
  );
}

const loaderLabel = (row: LoaderRow) => `GET ${row.name}`;
const actionLabel = (row: ActionRow) => `POST ${row.intent}${row.variant ? ` (${row.variant})` : ""}`;

async function runLoaderCase({ file, row, role, expected }: Case<LoaderRow>) {
  const cookie = cookieOf(world, role) ?? undefined;
  const response = await callLoader(moduleOf(file), getRequest(row.url(world), { cookie }), row.params?.(world) ?? {});
  // Read every answer to the end: a CSV streams from the database as it is read.
  const body = await response.text();
  const hidden = row.showsTo ? !row.showsTo.includes(role) : false;
  await expectOutcome(role, expected, response, body, { shows: row.shows?.(world), hidden });
}

/**
 * What a person learns from an answer: status, where it sends them, the flash message and the
 * form's messages — with numbers masked, so "REQ-12" and "REQ-999999" read the same.
 */
async function gist(response: Response, body: string) {
  let messages: unknown = null;
  try {
    const json = JSON.parse(body) as { result?: { error?: unknown } };
    messages = json?.result?.error ?? null;
  } catch {
    messages = body;
  }
  const flash = isRedirect(response) ? ((await flashOf(response))?.message ?? null) : null;
  const said = JSON.stringify({ location: response.headers.get("Location"), flash, messages }).replace(/\d+/g, "#");
  return `${response.status} ${said}`;
}

async function runActionCase({ file, row, role, expected }: Case<ActionRow>) {
  const attempt = await row.attempt(world, role);
  const cookie = (attempt.cookie === undefined ? cookieOf(world, role) : attempt.cookie) ?? undefined;
  const post = (fields: Record<string, string | string[]>) =>
    callAction(moduleOf(file), formRequest(attempt.url, fields, { cookie }), attempt.params ?? {});
  const before = await attempt.snapshot?.();
  const response = await post(attempt.fields);
  const body = await response.text();
  await expectOutcome(role, expected, response, body, { signsOut: row.signsOut });
  if (expected === "ignored") {
    expect(attempt.missing, "an ignored post needs a `missing` post to compare with").toBeDefined();
    const unknown = await post(attempt.missing!);
    expect(await gist(response, body), "the same answer as for a record that doesn't exist").toBe(
      await gist(unknown, await unknown.text()),
    );
  }
  if (attempt.snapshot) {
    const after = await attempt.snapshot();
    if (expected === "ok") expect(after, "an allowed post changes the record").not.toEqual(before);
    else expect(after, "a refused post changes nothing").toEqual(before);
  }
  if (expected === "ok") {
    expect(attempt.snapshot ?? attempt.verify, "an allowed post needs a snapshot or a check that it did something").toBeDefined();
    await attempt.verify?.(response, body);
  }
}

const files = Object.keys(PERMISSION_MATRIX).sort();

// Every GET first, against the organisation as built; then the posts, each on records of its own.
describe("loaders", () => {
  describe.each(files.filter((file) => PERMISSION_MATRIX[file]!.loader?.length))("%s", (file) => {
    test.each(casesOf(file, PERMISSION_MATRIX[file]!.loader, loaderLabel))("%s", (_name, c) => runLoaderCase(c));
  });
});

describe("actions", () => {
  describe.each(files.filter((file) => PERMISSION_MATRIX[file]!.action?.length))("%s", (file) => {
    test.each(casesOf(file, PERMISSION_MATRIX[file]!.action, actionLabel))("%s", (_name, c) => runActionCase(c));
  });
});
