// Two app servers (the production build) on one real PostgreSQL, as behind a load balancer
// (DESIGN.md, Qualities; docs/decisions/004): a session made on one is good on the other, sign-in
// throttling counts across both, every background job does its work once although both run all
// of them every second, and request numbers stay unique under concurrent creates on both.
// Everything listens on loopback only; the database is a private cluster of this file's own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signIn, startAppProcess, type AppProcess } from "../../scripts/lib/app-process";
import { MAX_FAILURES_PER_ACCOUNT } from "~/models/sign-in-throttle.server";
import { AUTO_CLOSE_AFTER_DAYS } from "~/utils/request-lifecycle";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import {
  DEMO,
  DEMO_PASSWORD,
  NO_POSTGRES,
  appEnv,
  get,
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
} from "./support/cluster";

describe.skipIf(!postgresBinaries)(`two app instances on one PostgreSQL${postgresBinaries ? "" : ` (${NO_POSTGRES})`}`, () => {
  let database: AppDatabase;
  let dataDir: string;
  let a: AppProcess;
  let b: AppProcess;
  let smtp: TestSmtpServer;
  const db = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(database.url, text, values);

  beforeAll(async () => {
    database = await startAppDatabase();
    smtp = await startSmtpServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-instances-"));
    const env = appEnv(database.url, {
      UPSTREAM_JOBS: "on",
      UPSTREAM_JOB_INTERVAL_SECONDS: "1",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      UPSTREAM_DATA_DIR: dataDir,
      LOG_LEVEL: "info",
    });
    // Started together, as a deployment would: migrations and the first-run demo seed are
    // serialised by advisory locks, so one instance seeds and the other finds it done.
    [a, b] = await Promise.all([startAppProcess({ env, readySeconds: 150 }), startAppProcess({ env, readySeconds: 150 })]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    database?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("both instances came up on the one database, both running the background jobs", async () => {
    const [users] = await db<{ n: number }>("SELECT count(*)::int AS n FROM users");
    expect(users!.n).toBeGreaterThan(30);
    for (const instance of [a, b]) {
      expect((await get(instance.origin, "/readyz")).status).toBe(200);
      // The job runner logs where mail goes as it starts (app/jobs/job-runner.server.ts).
      expect(instance.output()).toContain('"msg":"email delivery"');
    }
  });

  test("a session made on one instance is good on the other, and signing out on either ends it", async () => {
    const cookie = await signIn(a.origin, DEMO.manager.email, DEMO_PASSWORD);
    const home = await get(b.origin, "/", cookie);
    expect(home.status).toBe(200);
    expect(pageText(await home.text())).toContain(DEMO.manager.name);

    const signOut = await post(b.origin, "/logout", {}, cookie);
    expect(signOut.status).toBe(302);
    const afterwards = await get(a.origin, "/", cookie);
    expect(afterwards.status).toBe(302);
    expect(afterwards.headers.get("location")).toMatch(/^\/login/);
  });

  test(`failed sign-ins count across both: attempt ${MAX_FAILURES_PER_ACCOUNT + 1} is refused on either, forged X-Forwarded-For or not`, async () => {
    const attempt = (origin: string, password: string, headers: Record<string, string> = {}) =>
      post(origin, "/login", { email: DEMO.employee.email, password }, undefined, headers);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const response = await attempt(i % 2 === 0 ? a.origin : b.origin, `wrong password ${i}`);
      expect(response.status, `failure ${i + 1}`).toBe(401);
    }
    // The next attempt is refused whichever instance gets it — even with the right password.
    const refusedOnB = await attempt(b.origin, DEMO_PASSWORD);
    expect(refusedOnB.status).toBe(429);
    expect(pageText(await refusedOnB.text())).toContain("Too many failed sign-in attempts");
    expect(refusedOnB.headers.getSetCookie().some((c) => c.includes("upstream_session="))).toBe(false);
    // A client claiming another address (no proxy is trusted here: TRUST_PROXY=0) changes nothing.
    const forged = await attempt(a.origin, DEMO_PASSWORD, { "X-Forwarded-For": "203.0.113.77" });
    expect(forged.status).toBe(429);
    const forgedOnB = await attempt(b.origin, "wrong again", { "X-Forwarded-For": "198.51.100.9, 203.0.113.78" });
    expect(forgedOnB.status).toBe(429);
  });

  test("40 requests created at once, half on each instance, get 40 different numbers", async () => {
    const cookie = await signIn(b.origin, DEMO.rep.email, DEMO_PASSWORD);
    const fields = await newRequestFields(a.origin, cookie, "it-service-desk");
    const batch = crypto.randomUUID().slice(0, 8);
    const titles = Array.from({ length: 40 }, (_, i) => `Concurrent ${batch} #${i}`);
    const responses = await Promise.all(titles.map((title, i) => raiseRequest(i % 2 ? b.origin : a.origin, cookie, fields, title)));

    for (const [i, response] of responses.entries()) expect(response.status, `${titles[i]}: ${response.status}`).toBe(302);
    const numbers = responses.map(requestNumberFrom);
    expect(numbers.every((n) => Number.isInteger(n))).toBe(true);
    expect(new Set(numbers).size).toBe(40);

    const rows = await db<{ number: number; title: string }>("SELECT number, title FROM requests WHERE title LIKE $1", [
      `Concurrent ${batch} #%`,
    ]);
    expect(rows).toHaveLength(40);
    // Each redirect names the request that post created.
    const byTitle = new Map(rows.map((r) => [r.title, r.number]));
    titles.forEach((title, i) => expect(byTitle.get(title), title).toBe(numbers[i]));
    const [created] = await db<{ n: number }>(
      "SELECT count(*)::int AS n FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.title LIKE $1 AND e.kind = 'CREATED'",
      [`Concurrent ${batch} #%`],
    );
    expect(created!.n).toBe(40);
  });

  // Every job claims its work in SQL (docs/decisions/004). To make the two instances really
  // compete, a whole batch of each kind of work becomes due at once: both instances tick every
  // second and each run takes several transactions, so their runs overlap.
  describe("background jobs on both instances do each piece of work once", () => {
    let arrangedAt: Date;
    const EMAILS = 30;
    const batch = crypto.randomUUID().slice(0, 8);
    let slaClocks: Array<{ id: string; clock: string }>;
    let escalations: Array<{ id: string; number: number; level: number; team: string }>;
    let resolved: Array<{ id: string; number: number }>;
    let purgeable: string[];

    beforeAll(async () => {
      // A request of this test's own, raised through the form, besides the demo organisation's.
      const cookie = await signIn(a.origin, DEMO.rep.email, DEMO_PASSWORD);
      const raised = await raiseRequest(b.origin, cookie, await newRequestFields(b.origin, cookie, "facilities"), `SLA drill ${batch}`);
      expect(raised.status).toBe(302);

      // The work to make due: the SLA clocks still running on every open request; every escalated
      // complaint waiting on a team that has one above it; every resolved request; every closed
      // complaint that still holds a customer's contact details; and a batch of queued emails.
      slaClocks = await db<{ id: string; clock: string }>(
        `SELECT id, 'FIRST_RESPONSE' AS clock FROM requests
          WHERE status IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_REQUESTER') AND first_response_at IS NULL
         UNION ALL
         SELECT id, 'RESOLUTION' FROM requests WHERE status IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_REQUESTER') AND resolved_at IS NULL`,
      );
      escalations = (
        await db<{ id: string; number: number; escalation_level: number; team: string }>(
          `SELECT c.id, c.number, c.escalation_level, c.waiting_on_team_id AS team
             FROM complaints c JOIN teams t ON t.id = c.waiting_on_team_id
            WHERE c.status = 'ESCALATED' AND t.parent_id IS NOT NULL`,
        )
      ).map((c) => ({ id: c.id, number: c.number, level: c.escalation_level, team: c.team }));
      resolved = await db<{ id: string; number: number }>("SELECT id, number FROM requests WHERE status = 'RESOLVED'");
      purgeable = (
        await db<{ id: string }>(
          `SELECT id FROM complaints WHERE status = 'CLOSED'
              AND (customer_name IS NOT NULL OR customer_email IS NOT NULL OR customer_phone IS NOT NULL OR customer_reference IS NOT NULL)`,
        )
      ).map((c) => c.id);
      expect(slaClocks.length, "open requests with running SLA clocks").toBeGreaterThan(20);
      expect(escalations.length, "escalated complaints").toBeGreaterThan(3);
      expect(resolved.length, "resolved requests").toBeGreaterThan(10);
      expect(purgeable.length, "closed complaints with contact details").toBeGreaterThan(10);

      // All of it becomes due in one transaction, so both instances' next ticks find it together.
      const [arranged] = await db<{ now: Date }>(
        `WITH sla AS (
           UPDATE requests SET first_response_due_at = now() - interval '2 minutes', resolution_due_at = now() - interval '1 minute'
            WHERE status IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_REQUESTER')),
         escalation AS (UPDATE complaints SET acknowledge_due_at = now() - interval '1 minute' WHERE id = ANY($1)),
         auto_close AS (UPDATE requests SET resolved_at = now() - make_interval(days => $2 + 1) WHERE id = ANY($3)),
         purge AS (UPDATE complaints SET closed_at = now() - interval '5 years' WHERE id = ANY($4)),
         email AS (
           INSERT INTO outbound_emails (id, "to", subject, text)
           SELECT gen_random_uuid()::text, 'drill-' || i || '@example.com', $5 || ' #' || i, 'Sent once, please.'
             FROM generate_series(1, $6::int) AS i)
         SELECT now() AS now`,
        [escalations.map((c) => c.id), AUTO_CLOSE_AFTER_DAYS, resolved.map((r) => r.id), purgeable, `Outbox drill ${batch}`, EMAILS],
      );
      arrangedAt = arranged!.now;

      await waitFor(
        "both instances' jobs to finish the work made due",
        async () => {
          const [state] = await db<{ alerts: number; escalated: number; closed: number; purged: number; sent: number }>(
            `SELECT (SELECT count(*)::int FROM sla_alerts WHERE at >= $1) AS alerts,
                    (SELECT count(*)::int FROM complaints WHERE id = ANY($2) AND acknowledge_due_at > $1) AS escalated,
                    (SELECT count(*)::int FROM requests WHERE id = ANY($3) AND status = 'CLOSED') AS closed,
                    (SELECT count(*)::int FROM complaints WHERE id = ANY($4) AND contact_purged_at IS NOT NULL) AS purged,
                    (SELECT count(*)::int FROM outbound_emails WHERE subject LIKE $5 AND status = 'SENT') AS sent`,
            [arrangedAt, escalations.map((c) => c.id), resolved.map((r) => r.id), purgeable, `Outbox drill ${batch} #%`],
          );
          return (
            state!.alerts >= slaClocks.length &&
            state!.escalated === escalations.length &&
            state!.closed === resolved.length &&
            state!.purged === purgeable.length &&
            state!.sent === EMAILS
          );
        },
        90_000,
      );
      // Several more ticks of every job on both instances: anything that would run twice has now.
      await sleep(3_500);
    });

    test("SLA alerts: each breached clock is announced once — one alert, one timeline event, one notice per person", async () => {
      const alerts = await db<{ id: string; clock: string; level: string }>(
        "SELECT request_id AS id, clock, level FROM sla_alerts WHERE at >= $1",
        [arrangedAt],
      );
      const key = (r: { id: string; clock: string }) => `${r.id}/${r.clock}`;
      expect(alerts.map(key).sort()).toEqual(slaClocks.map(key).sort());
      expect(alerts.every((r) => r.level === "BREACHED")).toBe(true);

      const events = await db<{ id: string; clock: string; n: number }>(
        `SELECT request_id AS id, sla_clock AS clock, count(*)::int AS n FROM request_events
          WHERE kind IN ('SLA_WARNING', 'SLA_BREACHED') AND at >= $1 GROUP BY request_id, sla_clock`,
        [arrangedAt],
      );
      expect(events.map(key).sort()).toEqual(slaClocks.map(key).sort());
      expect(events.filter((e) => e.n !== 1)).toEqual([]);

      const notices = await db<{ user_id: string; title: string; n: number }>(
        `SELECT user_id, title, count(*)::int AS n FROM notifications
          WHERE kind = 'SLA_BREACHED' AND created_at >= $1 GROUP BY user_id, title`,
        [arrangedAt],
      );
      expect(notices.length, "people are told").toBeGreaterThanOrEqual(slaClocks.length);
      expect(notices.filter((n) => n.n !== 1)).toEqual([]);
    });

    test("complaint escalation: one step up the hierarchy each, one timeline entry, one notice per person", async () => {
      const now = await db<{ id: string; escalation_level: number; waiting_on_team_id: string }>(
        "SELECT id, escalation_level, waiting_on_team_id FROM complaints WHERE id = ANY($1)",
        [escalations.map((c) => c.id)],
      );
      for (const before of escalations) {
        const after = now.find((c) => c.id === before.id)!;
        expect(after.escalation_level, `CMP-${before.number}`).toBe(before.level + 1);
        expect(after.waiting_on_team_id, `CMP-${before.number}`).not.toBe(before.team);
      }
      const steps = await db<{ id: string; n: number }>(
        "SELECT complaint_id AS id, count(*)::int AS n FROM complaint_events WHERE kind = 'ESCALATED' AND at >= $1 GROUP BY complaint_id",
        [arrangedAt],
      );
      expect(steps.map((s) => s.id).sort()).toEqual(escalations.map((c) => c.id).sort());
      expect(steps.filter((s) => s.n !== 1)).toEqual([]);

      const notices = await db<{ kind: string; n: number }>(
        `SELECT kind, count(*)::int AS n FROM notifications
          WHERE kind IN ('COMPLAINT_ESCALATED', 'COMPLAINT_UPDATED') AND created_at >= $1
          GROUP BY user_id, kind, title`,
        [arrangedAt],
      );
      // One notice per complaint to its rep (none for a rep who has since left).
      const repNotices = notices.filter((n) => n.kind === "COMPLAINT_UPDATED").length;
      expect(repNotices, "the reps are told").toBeGreaterThan(0);
      expect(repNotices).toBeLessThanOrEqual(escalations.length);
      expect(
        notices.some((n) => n.kind === "COMPLAINT_ESCALATED"),
        "the managers above are told",
      ).toBe(true);
      expect(notices.filter((n) => n.n !== 1)).toEqual([]);
    });

    test("auto-close: each resolved request is closed once — one status change, one notice", async () => {
      const closes = await db<{ id: string; n: number }>(
        `SELECT request_id AS id, count(*)::int AS n FROM request_events
          WHERE kind = 'STATUS_CHANGED' AND to_status = 'CLOSED' AND at >= $1 GROUP BY request_id`,
        [arrangedAt],
      );
      expect(closes.map((c) => c.id).sort()).toEqual(resolved.map((r) => r.id).sort());
      expect(closes.filter((c) => c.n !== 1)).toEqual([]);
      const notices = await db<{ id: string; n: number }>(
        `SELECT request_id AS id, count(*)::int AS n FROM notifications
          WHERE kind = 'STATUS_CHANGED' AND title LIKE 'REQ-% is closed:%' AND created_at >= $1 GROUP BY request_id`,
        [arrangedAt],
      );
      expect(notices.map((c) => c.id).sort()).toEqual(resolved.map((r) => r.id).sort());
      expect(notices.filter((c) => c.n !== 1)).toEqual([]);
    });

    test("outbound email: each queued message reaches the SMTP server once, and nobody gets more mail than was queued for them", async () => {
      const rows = await db<{ subject: string; status: string; attempts: number }>(
        "SELECT subject, status, attempts FROM outbound_emails WHERE subject LIKE $1",
        [`Outbox drill ${batch} #%`],
      );
      expect(rows).toHaveLength(EMAILS);
      expect(rows.filter((r) => r.status !== "SENT" || r.attempts !== 1)).toEqual([]);
      for (let i = 1; i <= EMAILS; i++) {
        const copies = smtp.received.filter((m) => m.to.includes(`drill-${i}@example.com`));
        expect(copies, `drill-${i}@example.com`).toHaveLength(1);
        expect(copies[0]!.raw).toContain(`Outbox drill ${batch} #${i}`);
      }

      // Everything else the jobs mailed meanwhile (SLA and escalation notices): never more
      // deliveries to a person than messages queued for them.
      const queued = await db<{ to: string; n: number }>('SELECT "to", count(*)::int AS n FROM outbound_emails GROUP BY "to"');
      const queuedFor = new Map(queued.map((q) => [q.to.toLowerCase(), q.n]));
      const deliveredTo = new Map<string, number>();
      for (const message of smtp.received)
        for (const to of message.to) deliveredTo.set(to.toLowerCase(), (deliveredTo.get(to.toLowerCase()) ?? 0) + 1);
      expect(smtp.received.length).toBeGreaterThan(EMAILS);
      for (const [to, n] of deliveredTo) expect(n, to).toBeLessThanOrEqual(queuedFor.get(to) ?? 0);
    });

    test("contact purge: each customer's details are erased once — one timeline entry each, audit rows counting them once", async () => {
      const left = await db(
        `SELECT 1 FROM complaints WHERE id = ANY($1)
            AND (customer_name IS NOT NULL OR customer_email IS NOT NULL OR customer_phone IS NOT NULL OR customer_reference IS NOT NULL)`,
        [purgeable],
      );
      expect(left).toEqual([]);
      const events = await db<{ id: string; n: number }>(
        "SELECT complaint_id AS id, count(*)::int AS n FROM complaint_events WHERE kind = 'CONTACT_PURGED' AND at >= $1 GROUP BY complaint_id",
        [arrangedAt],
      );
      expect(events.map((e) => e.id).sort()).toEqual([...purgeable].sort());
      expect(events.filter((e) => e.n !== 1)).toEqual([]);
      const [audited] = await db<{ total: number }>(
        "SELECT coalesce(sum((details->>'count')::int), 0)::int AS total FROM audit_log WHERE action = 'complaint.contacts_purged' AND at >= $1",
        [arrangedAt],
      );
      expect(audited!.total).toBe(purgeable.length);
    });
  });
});
