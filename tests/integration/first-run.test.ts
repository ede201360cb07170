// The first start on an empty database: the demo organisation and/or a first administrator,
// configured from the environment as the server reads it; and never again once anyone exists.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { env, resetEnvCache } from "~/utils/env.server";
import { prepareFirstRun, seedIfEmpty } from "~/utils/first-run.server";
import { DEMO_PASSWORD } from "~/demo/demo-organisation";
import { announceSlaAlerts } from "~/jobs/sla-alerts.server";
import * as home from "~/routes/_index";
import * as adminPeople from "~/routes/admin.people._index";
import { createUser } from "../support/factories";
import { callLoader, getRequest, readJson } from "../support/http";
import { sessionCookieOf, submitSignIn } from "../support/replies";

/** The sign-ins the start-up banner offers for the demo organisation. */
const DEMO_ACCOUNTS = [
  { email: "priya.raman@example.com", role: "ADMIN", kind: "admin" },
  { email: "marcus.bell@example.com", role: "EMPLOYEE", kind: "manager" },
  { email: "sofia.alvarez@example.com", role: "EMPLOYEE", kind: "front-line rep" },
  { email: "daniel.kim@example.com", role: "EMPLOYEE", kind: "employee" },
] as const;

const FIRST_RUN_VARIABLES = ["UPSTREAM_DEMO_DATA", "UPSTREAM_ADMIN_EMAIL", "UPSTREAM_ADMIN_PASSWORD"] as const;
const savedVariables = Object.fromEntries(FIRST_RUN_VARIABLES.map((name) => [name, process.env[name]]));

/** The configuration the server would read with these environment variables set. */
function configWith(variables: Partial<Record<(typeof FIRST_RUN_VARIABLES)[number], string>>) {
  for (const name of FIRST_RUN_VARIABLES) {
    if (variables[name] === undefined) delete process.env[name];
    else process.env[name] = variables[name];
  }
  resetEnvCache();
  return env();
}

/** Every table but the migrations', emptied: the state of a brand-new installation. */
async function emptyDatabase() {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  const list = tables.map((t) => `"${t.tablename.replace(/"/g, '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

beforeEach(async () => {
  await emptyDatabase();
});

afterEach(() => {
  for (const name of FIRST_RUN_VARIABLES) {
    if (savedVariables[name] === undefined) delete process.env[name];
    else process.env[name] = savedVariables[name];
  }
  resetEnvCache();
});

/** Signs in through the login form; returns the session cookie, failing the test if refused. */
async function signInWorks(email: string, password: string) {
  const response = await submitSignIn(email, password);
  expect(response.status, `${email} should sign in`).toBe(302);
  const cookie = sessionCookieOf(response);
  expect((await callLoader(home, getRequest("/", { cookie }))).status).toBe(200);
  return cookie;
}

async function counts() {
  const [users, teams, memberships] = await Promise.all([prisma.user.count(), prisma.team.count(), prisma.membership.count()]);
  return { users, teams, memberships };
}

describe("with demo data (the default)", () => {
  test("an empty database gets 9 teams in three levels, about 40 people, and a manager on every team", async () => {
    const result = await seedIfEmpty(configWith({}));
    expect(result).toMatchObject({ seeded: true, demo: true });
    expect(result.seeded && result.generatedAdmin).toBeUndefined();

    const teams = await prisma.team.findMany({ select: { id: true, parentId: true, name: true } });
    expect(teams).toHaveLength(9);
    const parentOf = new Map(teams.map((t) => [t.id, t.parentId]));
    const depth = (id: string): number => (parentOf.get(id) ? 1 + depth(parentOf.get(id)!) : 0);
    const perLevel = [0, 1, 2].map((level) => teams.filter((t) => depth(t.id) === level).length);
    expect(perLevel[0]).toBe(1);
    expect(perLevel[1]).toBeGreaterThan(0);
    expect(perLevel[2]).toBeGreaterThan(0);
    expect(perLevel.reduce((a, b) => a + b)).toBe(9);

    const people = await prisma.user.count({ where: { active: true } });
    expect(people).toBeGreaterThanOrEqual(35);
    expect(people).toBeLessThanOrEqual(45);

    const teamsWithoutManager = await prisma.team.findMany({
      where: { memberships: { none: { role: "MANAGER" } } },
      select: { name: true },
    });
    expect(teamsWithoutManager).toEqual([]);
    // Nobody is left outside every team.
    expect(await prisma.user.count({ where: { memberships: { none: {} } } })).toBe(0);
  });

  test("the four demo accounts sign in with the demo password; only the admin one reaches the admin pages", async () => {
    await seedIfEmpty(configWith({ UPSTREAM_DEMO_DATA: "on" }));
    for (const account of DEMO_ACCOUNTS) {
      const cookie = await signInWorks(account.email, DEMO_PASSWORD);
      expect((await prisma.user.findUniqueOrThrow({ where: { email: account.email } })).role).toBe(account.role);
      const adminPage = await callLoader(adminPeople, getRequest("/admin/people", { cookie }));
      expect(adminPage.status, account.email).toBe(account.role === "ADMIN" ? 200 : 404);
    }
    // The manager account manages a team.
    const manager = await prisma.user.findUniqueOrThrow({ where: { email: "marcus.bell@example.com" }, select: { memberships: true } });
    expect(manager.memberships.some((m) => m.role === "MANAGER")).toBe(true);
  });

  test("the start-up banner lists the demo accounts and their password", async () => {
    const { banner } = await prepareFirstRun(configWith({}));
    expect(banner).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) expect(banner).toContain(account.email);
  });

  test("a second start seeds nothing", async () => {
    await seedIfEmpty(configWith({}));
    const before = await counts();
    await prisma.user.update({ where: { email: "daniel.kim@example.com" }, data: { name: "Daniel K. (renamed)" } });

    expect(await seedIfEmpty(configWith({}))).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "daniel.kim@example.com" } })).name).toBe("Daniel K. (renamed)");
  });

  test("a database that already has one person is never seeded", async () => {
    await createUser();
    expect(await seedIfEmpty(configWith({ UPSTREAM_ADMIN_EMAIL: "boss@example.com" }))).toEqual({ seeded: false });
    expect(await counts()).toEqual({ users: 1, teams: 0, memberships: 0 });
  });

  test("two instances starting together seed once", async () => {
    const config = configWith({});
    const results = await Promise.all([seedIfEmpty(config), seedIfEmpty(config)]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect((await counts()).teams).toBe(9);
  });
});

describe("without demo data", () => {
  test("with UPSTREAM_ADMIN_EMAIL and a password, only that administrator is created", async () => {
    const result = await seedIfEmpty(
      configWith({
        UPSTREAM_DEMO_DATA: "off",
        UPSTREAM_ADMIN_EMAIL: "Boss@Example.com",
        UPSTREAM_ADMIN_PASSWORD: "the boss's own password",
      }),
    );
    expect(result).toEqual({ seeded: true, demo: false, generatedAdmin: undefined });

    const users = await prisma.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "boss@example.com", role: "ADMIN", active: true });
    expect(await counts()).toEqual({ users: 1, teams: 0, memberships: 0 });

    const cookie = await signInWorks("boss@example.com", "the boss's own password");
    expect((await callLoader(adminPeople, getRequest("/admin/people", { cookie }))).status).toBe(200);
  });

  test("with UPSTREAM_ADMIN_EMAIL and no password, a generated password is returned and works", async () => {
    const result = await seedIfEmpty(configWith({ UPSTREAM_DEMO_DATA: "false", UPSTREAM_ADMIN_EMAIL: "boss@example.com" }));
    expect(result.seeded && result.generatedAdmin?.email).toBe("boss@example.com");
    const password = result.seeded ? result.generatedAdmin!.password : "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    await signInWorks("boss@example.com", password);
    expect(await prisma.user.count()).toBe(1);
  });

  test("with neither, admin@upstream.local is created with a generated password shown once on the console", async () => {
    const config = configWith({ UPSTREAM_DEMO_DATA: "off" });
    const { banner } = await prepareFirstRun(config);

    const users = await prisma.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "admin@upstream.local", role: "ADMIN" });
    const password = /password:\s+(\S+)/.exec(banner)?.[1];
    expect(banner).toContain("admin@upstream.local");
    expect(password).toBeTruthy();
    const cookie = await signInWorks("admin@upstream.local", password!);
    expect((await callLoader(adminPeople, getRequest("/admin/people", { cookie }))).status).toBe(200);
    // The generated password is stored hashed, never as given.
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: users[0]!.id } });
    expect(stored.hash).toMatch(/^\$argon2id\$/);
    expect(stored.hash).not.toContain(password!);

    // Restarting shows no password again.
    expect((await prepareFirstRun(config)).banner).not.toContain(password!);
  });

  test("seedIfEmpty itself returns the generated administrator when neither is set", async () => {
    const result = await seedIfEmpty(configWith({ UPSTREAM_DEMO_DATA: "no" }));
    expect(result).toMatchObject({ seeded: true, demo: false, generatedAdmin: { email: "admin@upstream.local" } });
    await signInWorks("admin@upstream.local", result.seeded ? result.generatedAdmin!.password : "");
  });
});

describe("demo data and an administrator's email together", () => {
  test("the demo organisation is seeded and that person is an administrator too", async () => {
    const result = await seedIfEmpty(
      configWith({ UPSTREAM_ADMIN_EMAIL: "it.lead@example.org", UPSTREAM_ADMIN_PASSWORD: "a long admin password" }),
    );
    expect(result).toMatchObject({ seeded: true, demo: true });
    expect((await counts()).teams).toBe(9);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "it.lead@example.org" } })).toMatchObject({ role: "ADMIN" });
    await signInWorks("it.lead@example.org", "a long admin password");
  });
});

// What a demo employee sees first.
test("a demo employee's home page shows their open requests and their team's queue", async () => {
  await seedIfEmpty(configWith({}));
  const cookie = await signInWorks("daniel.kim@example.com", DEMO_PASSWORD);
  const data = await readJson<{ name: string; myOpen: unknown[]; queues: Array<{ name: string; open: number }> }>(
    await callLoader(home, getRequest("/", { cookie })),
  );
  expect(data.name).toBe("Daniel Kim");
  expect(data.myOpen.length).toBeGreaterThan(0);
  expect(data.queues.map((q) => q.name)).toEqual(["Finance"]);
});

// The demo's service catalogue and request history (issue 3): enough, and varied enough, that
// queues, request pages and later dashboards look like a real company's.
describe("demo requests", () => {
  const DAY = 24 * 60 * 60 * 1000;

  test("every team that takes requests has 3–6 request types with sensible targets; the others have none", async () => {
    await seedIfEmpty(configWith({}));
    const teams = await prisma.team.findMany({
      select: {
        name: true,
        acceptsRequests: true,
        requestTypes: { select: { firstResponseTargetMinutes: true, resolutionTargetMinutes: true } },
      },
    });
    for (const team of teams) {
      if (!team.acceptsRequests) {
        expect(team.requestTypes, team.name).toEqual([]);
        continue;
      }
      expect(team.requestTypes.length, team.name).toBeGreaterThanOrEqual(3);
      expect(team.requestTypes.length, team.name).toBeLessThanOrEqual(6);
      for (const type of team.requestTypes) {
        expect(type.firstResponseTargetMinutes).toBeGreaterThan(0);
        expect(type.resolutionTargetMinutes).toBeGreaterThanOrEqual(type.firstResponseTargetMinutes);
      }
    }
    const laptop = await prisma.requestType.findFirstOrThrow({ where: { name: "New laptop", team: { name: "IT Service Desk" } } });
    expect(laptop).toMatchObject({ firstResponseTargetMinutes: 4 * 60, resolutionTargetMinutes: 5 * 24 * 60, active: true });
  });

  test("a few hundred requests over the last 120 days, in every status, numbered in the order they were raised", async () => {
    const started = Date.now();
    await seedIfEmpty(configWith({}));
    const requests = await prisma.request.findMany({
      orderBy: { number: "asc" },
      select: { number: true, createdAt: true, status: true, submissionKey: true },
    });
    expect(requests.length).toBeGreaterThanOrEqual(250);
    expect(requests.length).toBeLessThanOrEqual(400);
    for (let i = 1; i < requests.length; i++) {
      expect(requests[i]!.createdAt.getTime(), `REQ-${requests[i]!.number}`).toBeGreaterThanOrEqual(requests[i - 1]!.createdAt.getTime());
    }
    const oldest = requests[0]!.createdAt.getTime();
    expect(started - oldest).toBeLessThanOrEqual(121 * DAY);
    expect(started - oldest).toBeGreaterThan(90 * DAY);
    expect(requests.at(-1)!.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    const statuses = new Set(requests.map((r) => r.status));
    expect([...statuses].sort()).toEqual(["CANCELLED", "CLOSED", "IN_PROGRESS", "NEW", "RESOLVED", "WAITING_ON_REQUESTER"]);
    // Nothing seeded looks like a form submission a real double submit could collide with.
    expect(requests.every((r) => r.submissionKey === null)).toBe(true);
    // The next request anyone raises continues the sequence.
    const [{ next }] = await prisma.$queryRaw<[{ next: bigint }]>`SELECT nextval(pg_get_serial_sequence('requests', 'number')) AS next`;
    expect(Number(next)).toBeGreaterThan(requests.at(-1)!.number);
  });

  test("transfers, reopens, promises kept and broken, and SLA targets met and missed are all there", async () => {
    await seedIfEmpty(configWith({}));
    const requests = await prisma.request.findMany({
      select: {
        id: true,
        transferCount: true,
        reopenCount: true,
        promisedAt: true,
        resolvedAt: true,
        firstResponseAt: true,
        firstResponseDueAt: true,
        resolutionDueAt: true,
        createdAt: true,
        type: { select: { firstResponseTargetMinutes: true, resolutionTargetMinutes: true } },
      },
    });
    const transferred = requests.filter((r) => r.transferCount > 0);
    expect(transferred.length).toBeGreaterThanOrEqual(10);
    expect(transferred.some((r) => r.transferCount >= 2)).toBe(true);
    const transferEvents = await prisma.requestEvent.groupBy({ by: ["requestId"], where: { kind: "TRANSFERRED" }, _count: true });
    expect(new Map(transferEvents.map((e) => [e.requestId, e._count]))).toEqual(new Map(transferred.map((r) => [r.id, r.transferCount])));
    // IT → Facilities → IT: back where it started.
    const bounce = await prisma.requestEvent.findMany({
      where: { kind: "TRANSFERRED", request: { transferCount: 2 } },
      orderBy: [{ requestId: "asc" }, { at: "asc" }],
      select: { requestId: true, fromTeamId: true, toTeamId: true, reason: true },
    });
    expect(bounce.some((e, i) => i > 0 && bounce[i - 1]!.requestId === e.requestId && e.toTeamId === bounce[i - 1]!.fromTeamId)).toBe(true);
    expect(bounce.every((e) => (e.reason ?? "").length > 0)).toBe(true);

    expect(requests.filter((r) => r.reopenCount > 0).length).toBeGreaterThanOrEqual(3);
    const promisedAndResolved = requests.filter((r) => r.promisedAt && r.resolvedAt);
    const kept = promisedAndResolved.filter((r) => r.resolvedAt! < r.promisedAt!);
    const broken = promisedAndResolved.filter((r) => r.resolvedAt!.getTime() >= r.promisedAt!.getTime() + DAY);
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(broken.length).toBeGreaterThanOrEqual(3);
    expect(await prisma.requestEvent.count({ where: { kind: "PROMISE_SET" } })).toBeGreaterThanOrEqual(promisedAndResolved.length);

    const responded = requests.filter((r) => r.firstResponseAt);
    expect(responded.some((r) => r.firstResponseAt! <= r.firstResponseDueAt)).toBe(true);
    expect(responded.some((r) => r.firstResponseAt! > r.firstResponseDueAt)).toBe(true);
    const resolved = requests.filter((r) => r.resolvedAt);
    expect(resolved.some((r) => r.resolvedAt! <= r.resolutionDueAt)).toBe(true);
    expect(resolved.some((r) => r.resolvedAt! > r.resolutionDueAt)).toBe(true);
    // Due dates come from the type's targets (transferred ones keep the clocks of their first type).
    for (const r of requests.filter((r) => r.transferCount === 0)) {
      expect(r.firstResponseDueAt.getTime() - r.createdAt.getTime()).toBe(r.type.firstResponseTargetMinutes * 60_000);
      expect(r.resolutionDueAt.getTime() - r.createdAt.getTime()).toBe(r.type.resolutionTargetMinutes * 60_000);
    }
  });

  test("every request's columns agree with its timeline", async () => {
    await seedIfEmpty(configWith({}));
    const requests = await prisma.request.findMany({
      include: {
        events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
        comments: { select: { id: true, internal: true, authorId: true } },
        providerTeam: { select: { memberships: { select: { userId: true } } } },
      },
    });
    const now = Date.now();
    for (const r of requests) {
      const label = `REQ-${r.number} (${r.status})`;
      const events = r.events;
      expect(events[0]!.kind, label).toBe("CREATED");
      expect(events[0]!.at.getTime(), label).toBe(r.createdAt.getTime());
      expect(events.at(-1)!.at.getTime(), label).toBeLessThanOrEqual(now);
      const lastStatus = events.filter((e) => e.toStatus).at(-1)!.toStatus;
      expect(lastStatus, label).toBe(r.status);
      expect(events.filter((e) => e.kind === "REOPENED").length, label).toBe(r.reopenCount);
      if (r.resolvedAt) expect(r.resolvedAt.getTime(), label).toBeGreaterThanOrEqual(r.createdAt.getTime());
      if (r.firstResponseAt) expect(r.firstResponseAt.getTime(), label).toBeGreaterThanOrEqual(r.createdAt.getTime());
      if (["RESOLVED", "CLOSED"].includes(r.status)) expect(r.resolvedAt, label).not.toBeNull();
      if (r.status === "CLOSED") expect(r.closedAt!.getTime() - r.resolvedAt!.getTime(), label).toBeGreaterThanOrEqual(7 * DAY);
      else expect(r.closedAt, label).toBeNull();
      if (r.status === "RESOLVED") expect(now - r.resolvedAt!.getTime(), label).toBeLessThan(7 * DAY + 60 * 60_000);
      expect(r.cancelledAt !== null, label).toBe(r.status === "CANCELLED");
      if (r.status === "NEW") expect(r.firstResponseAt, label).toBeNull();
      if (r.assigneeId)
        expect(
          r.providerTeam.memberships.map((m) => m.userId),
          label,
        ).toContain(r.assigneeId);
      expect(r.requestingTeamId === null || r.requestingTeamId !== r.providerTeamId, label).toBe(true);
      // Every comment is on the timeline; internal notes are written by the team, never the requester.
      expect(events.filter((e) => e.commentId).length, label).toBe(r.comments.length);
      for (const c of r.comments.filter((c) => c.internal)) expect(c.authorId, label).not.toBe(r.requesterId);
    }
    expect(await prisma.comment.count({ where: { internal: true } })).toBeGreaterThan(20);
    expect(await prisma.comment.count({ where: { internal: false } })).toBeGreaterThan(200);
  });

  test("the demo accounts each find something: Daniel's own requests, Priya's queue, Customer Care's work", async () => {
    await seedIfEmpty(configWith({}));
    const open = ["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER"] as const;
    const daniel = await prisma.user.findUniqueOrThrow({ where: { email: "daniel.kim@example.com" } });
    const his = await prisma.request.findMany({ where: { requesterId: daniel.id }, select: { status: true, requestingTeam: true } });
    expect(his.length).toBeGreaterThanOrEqual(6);
    expect(new Set(his.map((r) => r.status)).size).toBeGreaterThanOrEqual(5);
    expect(his.every((r) => r.requestingTeam?.name === "Finance")).toBe(true);

    const priya = await prisma.user.findUniqueOrThrow({ where: { email: "priya.raman@example.com" } });
    const desk = await prisma.team.findUniqueOrThrow({ where: { name: "IT Service Desk" } });
    const queue = await prisma.request.findMany({
      where: { providerTeamId: desk.id, status: { in: [...open] } },
      select: { assigneeId: true },
    });
    expect(queue.filter((r) => r.assigneeId === null).length).toBeGreaterThanOrEqual(3);
    expect(queue.filter((r) => r.assigneeId === priya.id).length).toBeGreaterThanOrEqual(2);

    const care = await prisma.team.findUniqueOrThrow({ where: { name: "Customer Care" } });
    expect(await prisma.request.count({ where: { providerTeamId: care.id } })).toBeGreaterThan(10);
    const sofia = await prisma.user.findUniqueOrThrow({ where: { email: "sofia.alvarez@example.com" } });
    expect(await prisma.request.count({ where: { requesterId: sofia.id } })).toBeGreaterThanOrEqual(2);
    // The bell has recent news for them, and the demo's history is never emailed.
    expect(await prisma.notification.count({ where: { userId: priya.id, readAt: null } })).toBeGreaterThan(0);
    expect(await prisma.notification.count({ where: { userId: daniel.id } })).toBeGreaterThan(0);
    expect(await prisma.notification.count({ where: { digestedAt: null } })).toBe(0);
    expect(await prisma.outboundEmail.count()).toBe(0);
  });

  test("SLA warnings and breaches are already on the timelines, so the SLA job doesn't announce the history again", async () => {
    const before = new Date();
    await seedIfEmpty(configWith({}));
    const breaches = await prisma.requestEvent.count({ where: { kind: "SLA_BREACHED" } });
    expect(breaches).toBeGreaterThan(10);
    expect(await prisma.slaAlert.count()).toBe(
      await prisma.requestEvent.count({ where: { kind: { in: ["SLA_WARNING", "SLA_BREACHED"] } } }),
    );
    // Everything due before the seed ran has been recorded as announced.
    expect(await announceSlaAlerts(before)).toBe(0);
    expect(await prisma.outboundEmail.count()).toBe(0);
  });
});
