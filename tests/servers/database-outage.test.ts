// A database outage as an app server meets it (DESIGN.md, Qualities: "a database outage gives a
// friendly 503 and the app recovers by itself"): the private PostgreSQL under one running app
// instance (the production build, background jobs on) is stopped for real and started again.
// While it is down, pages and form posts answer a friendly 503 (not a 500, no stack trace),
// /readyz says 503 and /healthz 200, and the process and its jobs keep running; once it is back
// the same process serves normally with no restart, and nothing confirmed before is lost.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signIn, startAppProcess, type AppProcess } from "../../scripts/lib/app-process";
import {
  DEMO,
  DEMO_PASSWORD,
  NO_POSTGRES,
  appEnv,
  get,
  logComplaint,
  newRequestFields,
  pageText,
  post,
  postgresBinaries,
  raiseRequest,
  requestNumberFrom,
  sleep,
  sql,
  startAppDatabase,
  waitFor,
  type AppDatabase,
  type NewRequestFields,
} from "./support/cluster";

const FRIENDLY = "Upstream can't reach its database right now";

/** A small pool, so that connections lost for good in an outage would soon show. */
const POOL_SIZE = 4;

/** Signs of an error's insides on a page meant for people. */
const INTERNALS = [/\bat \S+ \(.*:\d+:\d+\)/, /node_modules/, /ECONNREFUSED/, /Prisma/i, /\bP1001\b/, /Unexpected Server Error/];

async function expectFriendly503(response: Response, what: string) {
  const html = await response.text();
  expect(response.status, `${what}: ${pageText(html).slice(0, 300)}`).toBe(503);
  expect(response.headers.get("content-type"), what).toMatch(/^text\/html/);
  const text = pageText(html);
  expect(text, what).toContain("Upstream is temporarily unavailable");
  expect(text, what).toContain(FRIENDLY);
  for (const pattern of INTERNALS) expect(html, `${what} shows ${pattern}`).not.toMatch(pattern);
}

describe.skipIf(!postgresBinaries)(`a database outage under a running app${postgresBinaries ? "" : ` (${NO_POSTGRES})`}`, () => {
  let database: AppDatabase;
  let dataDir: string;
  let app: AppProcess;
  let cookie: string;
  let fields: NewRequestFields;
  const db = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(database.url, text, values);
  const run = crypto.randomUUID().slice(0, 8);
  const confirmed: { request?: { number: number; title: string }; complaint?: { path: string; summary: string } } = {};
  const refusedTitle = `Posted during the outage ${run}`;

  beforeAll(async () => {
    database = await startAppDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-outage-"));
    app = await startAppProcess({
      env: appEnv(database.url, {
        UPSTREAM_JOBS: "on",
        UPSTREAM_JOB_INTERVAL_SECONDS: "1",
        UPSTREAM_DATA_DIR: dataDir,
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        LOG_LEVEL: "info",
      }),
      readySeconds: 150,
    });
    cookie = await signIn(app.origin, DEMO.rep.email, DEMO_PASSWORD);
    fields = await newRequestFields(app.origin, cookie, "facilities");
  });

  afterAll(async () => {
    await app?.stop();
    database?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("before the outage: a request and a complaint are saved and confirmed", async () => {
    const title = `Saved before the outage ${run}`;
    const raised = await raiseRequest(app.origin, cookie, fields, title);
    expect(raised.status).toBe(302);
    confirmed.request = { number: requestNumberFrom(raised)!, title };
    expect(confirmed.request.number).toBeGreaterThan(0);

    const summary = `Heard before the outage ${run}`;
    const logged = await logComplaint(app.origin, cookie, summary);
    expect(logged.status, pageText(await logged.clone().text()).slice(0, 1000)).toBe(302);
    confirmed.complaint = { path: logged.headers.get("location")!, summary };
    expect(confirmed.complaint.path).toMatch(/^\/complaints\/CMP-\d+$/);
  });

  describe("while PostgreSQL is stopped", () => {
    beforeAll(() => {
      database.server.stop();
    });

    test("pages answer a friendly 503: HTML, a human message, no stack trace", async () => {
      await expectFriendly503(await get(app.origin, "/", cookie), "the home page");
      await expectFriendly503(await get(app.origin, `/requests/REQ-${confirmed.request!.number}`, cookie), "a request's page");
      await expectFriendly503(await get(app.origin, "/complaints/new", cookie), "the complaint form");
    });

    test("a navigation made by the page's JavaScript (a ?_data request) gets the 503 as well", async () => {
      const response = await get(app.origin, "/requests?_data=root", cookie);
      expect(response.status).toBe(503);
      expect(response.headers.get("x-remix-catch")).toBe("yes");
    });

    test("/readyz answers 503 and /healthz 200, so a load balancer takes the instance out, not down", async () => {
      const ready = await get(app.origin, "/readyz");
      expect(ready.status).toBe(503);
      expect(await ready.text()).toBe("database unreachable");
      expect((await get(app.origin, "/healthz")).status).toBe(200);
    });

    test("a form post answers the friendly 503, not a 500", async () => {
      await expectFriendly503(await raiseRequest(app.origin, cookie, fields, refusedTitle), "the new-request form");
      await expectFriendly503(await post(app.origin, "/login", { email: DEMO.employee.email, password: DEMO_PASSWORD }), "signing in");
    });

    test("the process keeps running; its background jobs wait and say why", async () => {
      // Every job ticks each second: give them a few ticks against the stopped server.
      await sleep(2_500);
      expect(app.child.exitCode).toBeNull();
      expect(app.output()).toContain("job waiting: the database is unavailable");
      // Every failure went the way of a 503 (a warning), none as an unexplained fault.
      expect(app.output()).not.toContain('"msg":"unhandled error"');
      expect(app.output()).not.toContain('"msg":"job failed"');
    });
  });

  describe("after PostgreSQL starts again", () => {
    let pid: number | undefined;

    beforeAll(() => {
      pid = app.child.pid;
      database.server.start();
    });

    test("the same process serves normally again by itself", async () => {
      await waitFor("/readyz to answer 200", async () => (await get(app.origin, "/readyz")).status === 200, 60_000);
      const home = await get(app.origin, "/", cookie);
      expect(home.status).toBe(200);
      expect(pageText(await home.text())).toContain(DEMO.rep.name);
      expect(app.child.pid).toBe(pid);
      expect(app.child.exitCode).toBeNull();
      await waitFor("the jobs to say they run again", async () => app.output().includes("job running again: the database is back"), 30_000);
    });

    test("nothing confirmed before the outage is lost", async () => {
      const request = await get(app.origin, `/requests/REQ-${confirmed.request!.number}`, cookie);
      expect(request.status).toBe(200);
      expect(pageText(await request.text())).toContain(confirmed.request!.title);
      const complaint = await get(app.origin, confirmed.complaint!.path, cookie);
      expect(complaint.status).toBe(200);
      expect(pageText(await complaint.text())).toContain(confirmed.complaint!.summary);
    });

    test("the post refused during the outage left nothing behind, and the same form works again", async () => {
      expect(await db("SELECT 1 FROM requests WHERE title = $1", [refusedTitle])).toEqual([]);
      const again = await raiseRequest(app.origin, cookie, fields, `${refusedTitle}, sent again`);
      expect(again.status).toBe(302);
    });
  });

  // Three times over: PostgreSQL stops under a burst of posts (some done, some half way through
  // their transaction, some arriving during the outage) and starts again. The app runs with a
  // pool of POOL_SIZE connections, so a connection lost for good in each outage would soon leave
  // it unable to serve; and any "error" event nobody listens to would stop the process.
  test("outages in the middle of bursts of posts: every confirmed request is kept, none is half-written, the app keeps serving", async () => {
    const prefix = `Burst ${run} #`;
    const posts: Array<{ title: string; response: Response }> = [];
    for (let round = 0; round < 3; round++) {
      const raise = async (i: number) => {
        const title = `${prefix}${round}.${i}`;
        const response = await raiseRequest(app.origin, cookie, fields, title).catch((error: Error) => {
          throw new Error(
            `${title} got no answer (${String(error.cause ?? error)}); server exit code ${app.child.exitCode}:\n${app.output().slice(-4000)}`,
          );
        });
        posts.push({ title, response });
        return response;
      };
      // A post every 10 ms; as soon as the first is confirmed, the database goes.
      const during = Array.from({ length: 12 }, (_, i) => sleep(i * 10).then(() => raise(i)));
      const first = await during[0]!;
      database.server.stop();
      const after = [12, 13, 14].map(raise);
      const answered = await Promise.all([...during, ...after]);
      database.server.start();
      expect(first.status, "the first post, made with the database up").toBe(302);
      for (const response of answered.slice(12)) expect(response.status, "a post made with the database down").toBe(503);
      await waitFor("/readyz to answer 200", async () => (await get(app.origin, "/readyz")).status === 200, 60_000);
    }

    const statuses = posts.map((p) => p.response.status);
    expect(
      statuses.filter((s) => s !== 302 && s !== 503),
      `statuses: ${statuses.join(" ")}`,
    ).toEqual([]);
    const saved = await db<{ title: string; number: number; created_events: number }>(
      `SELECT r.title, r.number, (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id AND e.kind = 'CREATED') AS created_events
         FROM requests r WHERE r.title LIKE $1`,
      [`${prefix}%`],
    );
    // Confirmed (a redirect to the new request) means saved, under the number the redirect named.
    for (const { title, response } of posts) {
      if (response.status !== 302) continue;
      expect(saved.find((r) => r.title === title)?.number, title).toBe(requestNumberFrom(response));
    }
    // A request is saved whole (with its timeline's first entry) or not at all.
    expect(saved.filter((r) => r.created_events !== 1)).toEqual([]);

    // Still the same process, and with its whole pool: more pages at once than it has connections.
    expect(app.child.exitCode).toBeNull();
    const pages = await Promise.all(Array.from({ length: 3 * POOL_SIZE }, () => get(app.origin, "/requests", cookie)));
    expect(pages.map((p) => p.status)).toEqual(pages.map(() => 200));
    const posted = await raiseRequest(app.origin, cookie, fields, `${prefix}after`);
    expect(posted.status).toBe(302);
  });
});
