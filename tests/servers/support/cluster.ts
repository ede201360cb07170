// What the multi-instance and outage tests share: a private PostgreSQL with an empty database
// for the app, the environment app instances get (demo organisation, one session secret), SQL
// straight against that database, and the app's own forms driven over HTTP as a browser without
// JavaScript would (the session cookie, the Origin header Remix checks, no redirects followed).
import crypto from "node:crypto";
import pg from "pg";
import { findPostgresBinaries, startPrivatePostgres, type PrivatePostgres } from "../../support/private-postgres";

export { DEMO_PASSWORD } from "~/demo/demo-organisation";

/** Demo accounts (app/demo/demo-organisation.ts; emails are first.last@example.com). */
export const DEMO = {
  manager: { email: "marcus.bell@example.com", name: "Marcus Bell" },
  rep: { email: "sofia.alvarez@example.com", name: "Sofia Alvarez" },
  employee: { email: "daniel.kim@example.com", name: "Daniel Kim" },
};

/** Undefined where the machine has no PostgreSQL server binaries: the file is skipped, saying why. */
export const postgresBinaries = findPostgresBinaries();
export const NO_POSTGRES = "skipped: no PostgreSQL server binaries (initdb, pg_ctl) on this machine";

export interface AppDatabase {
  server: PrivatePostgres;
  url: string;
  destroy(): void;
}

/** A private PostgreSQL cluster with an empty database `upstream` (the app migrates it). */
export async function startAppDatabase(): Promise<AppDatabase> {
  const server = await startPrivatePostgres();
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  try {
    await admin.query("CREATE DATABASE upstream");
  } finally {
    await admin.end();
  }
  return { server, url: server.url("upstream"), destroy: () => server.destroy() };
}

/**
 * One statement on a connection of its own (opened and closed per call), so nothing of the
 * test's is left pooled when the server is stopped on purpose.
 */
export async function sql<T extends Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end().catch(() => {});
  }
}

/** The settings every instance in a test shares; `extra` adds per-file ones. */
export function appEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    // One secret for all instances, as behind a load balancer.
    SESSION_SECRET: "servers-test-secret-0123456789-abcdefghijklmnop",
    UPSTREAM_DEMO_DATA: "on",
    ...extra,
  };
}

export async function get(origin: string, pathname: string, cookie?: string, headers: Record<string, string> = {}) {
  return fetch(new URL(pathname, origin), {
    redirect: "manual",
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    signal: AbortSignal.timeout(30_000),
  });
}

/** A form post from the app's own page (the Origin a browser sends). */
export async function post(
  origin: string,
  pathname: string,
  fields: Record<string, string>,
  cookie?: string,
  headers: Record<string, string> = {},
) {
  return fetch(new URL(pathname, origin), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: new URLSearchParams(fields),
    signal: AbortSignal.timeout(30_000),
  });
}

/** A page's visible text: tags dropped, entities React writes decoded, spaces collapsed. */
export function pageText(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The value of the first input named `name` (a hidden field, or the first of a group of radio buttons). */
function inputValue(html: string, name: string) {
  return new RegExp(`name="${name}"[^>]*value="([^"]+)"`).exec(html)?.[1];
}

function firstOption(html: string, selectName: string) {
  return new RegExp(`<select[^>]*name="${selectName}"[\\s\\S]*?<option[^>]*value="([^"]+)"`).exec(html)?.[1];
}

/** The fields of step 3 of /requests/new for `teamSlug`'s first request type, as the page offers them. */
export async function newRequestFields(origin: string, cookie: string, teamSlug: string) {
  const typePage = await (await get(origin, `/requests/new?team=${teamSlug}`, cookie)).text();
  // Step 2 offers the team's types as radio buttons named "type".
  const typeId = inputValue(typePage, "type");
  if (!typeId) throw new Error(`No request type offered on /requests/new?team=${teamSlug}:\n${pageText(typePage).slice(0, 2000)}`);
  const formPage = await (await get(origin, `/requests/new?team=${teamSlug}&type=${typeId}`, cookie)).text();
  const providerTeamId = inputValue(formPage, "providerTeamId");
  const requestingTeamId = firstOption(formPage, "requestingTeamId");
  if (!providerTeamId || !requestingTeamId) throw new Error(`The new-request form lacks its fields:\n${pageText(formPage).slice(0, 2000)}`);
  return { providerTeamId, typeId, requestingTeamId };
}

export type NewRequestFields = Awaited<ReturnType<typeof newRequestFields>>;

/** Posts the new-request form (a fresh form token, so each post is a new request). */
export function raiseRequest(origin: string, cookie: string, fields: NewRequestFields, title: string) {
  return post(
    origin,
    "/requests/new",
    { ...fields, formToken: crypto.randomUUID(), title, body: `${title}: please see to it.`, priority: "NORMAL" },
    cookie,
  );
}

/** The request number a successful post redirected to (/requests/REQ-123 → 123). */
export function requestNumberFrom(response: Response) {
  const match = /\/requests\/REQ-(\d+)$/.exec(response.headers.get("location") ?? "");
  return match ? Number(match[1]) : undefined;
}

/** Logs a complaint through /complaints/new (as a rep would, without JavaScript). */
export async function logComplaint(origin: string, cookie: string, summary: string) {
  const page = await (await get(origin, "/complaints/new", cookie)).text();
  const formToken = inputValue(page, "formToken");
  const categoryId = firstOption(page, "categoryId");
  if (!formToken || !categoryId) throw new Error(`The complaint form lacks its fields:\n${pageText(page).slice(0, 2000)}`);
  return post(
    origin,
    "/complaints/new",
    {
      formToken,
      channel: "PHONE",
      categoryId,
      severity: "MEDIUM",
      summary,
      details: `${summary}, the customer said on the phone.`,
      resolvedAtFrontLine: "no",
      occurredAt: new Date(Date.now() - 3_600_000).toISOString().slice(0, 16).replace("T", " "),
      choice: "new",
    },
    cookie,
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
    await sleep(everyMs);
  }
}
