// The request background jobs against a real database, with the clock in the test's hands:
// SLA warnings (at 80% of a target) and breaches, each announced once on the timeline and to the
// right people however often and however concurrently the job runs; and RESOLVED requests
// closing themselves after 7 days, once, and never after a reopen.
import crypto from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { slaDueDates } from "~/utils/sla";
import { announceSlaAlerts } from "~/jobs/sla-alerts.server";
import { AUTO_CLOSE_REASON, autoCloseResolvedRequests } from "~/jobs/auto-close-resolved.server";
import type { RequestStatus, Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every request in this file is created at T0; jobs run at T0 + whatever the test needs. */
const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

interface ProviderTeam {
  team: Team;
  manager: User;
  alice: User;
  bob: User;
  requester: User;
  typeId: string;
}

/** A provider team (a manager and two members) with one request type: 1 h first response, 8 h resolution. */
async function providerTeam(): Promise<ProviderTeam> {
  const team = await createTeam({ acceptsRequests: true });
  const [manager, alice, bob, requester] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  await addMember(manager.id, team.id, "MANAGER");
  await addMember(alice.id, team.id);
  await addMember(bob.id, team.id);
  const type = await prisma.requestType.create({
    data: {
      id: crypto.randomUUID(),
      teamId: team.id,
      name: "Laptop repair",
      firstResponseTargetMinutes: 60,
      resolutionTargetMinutes: 8 * 60,
    },
  });
  return { team, manager, alice, bob, requester, typeId: type.id };
}

interface RequestOptions {
  status?: RequestStatus;
  assigneeId?: string | null;
  firstResponseAt?: Date | null;
  resolvedAt?: Date | null;
  createdAt?: Date;
}

async function raise(p: ProviderTeam, options: RequestOptions = {}) {
  const createdAt = options.createdAt ?? T0;
  return prisma.request.create({
    data: {
      id: crypto.randomUUID(),
      title: "My laptop won't start",
      body: "It beeps three times.",
      requesterId: p.requester.id,
      providerTeamId: p.team.id,
      typeId: p.typeId,
      assigneeId: options.assigneeId ?? null,
      status: options.status ?? "NEW",
      firstResponseAt: options.firstResponseAt ?? null,
      resolvedAt: options.resolvedAt ?? null,
      createdAt,
      ...slaDueDates(createdAt, { firstResponseTargetMinutes: 60, resolutionTargetMinutes: 8 * 60 }),
    },
  });
}

async function slaEvents(requestId: string) {
  return prisma.requestEvent.findMany({
    where: { requestId, kind: { in: ["SLA_WARNING", "SLA_BREACHED"] } },
    orderBy: { id: "asc" },
    select: { kind: true, slaClock: true, actorId: true, at: true },
  });
}

/** Who was told what about a request, as sorted "kind user" lines. */
async function told(requestId: string) {
  const rows = await prisma.notification.findMany({ where: { requestId }, select: { kind: true, userId: true } });
  return rows.map((r) => `${r.kind} ${r.userId}`).sort();
}

const lines = (kind: string, users: User[]) => users.map((u) => `${kind} ${u.id}`);

beforeEach(async () => {
  // The jobs look at every request in the database: each test starts from none.
  await prisma.request.deleteMany();
  await prisma.notification.deleteMany();
});

describe("SLA alerts", () => {
  test("a warning at 80% of the first-response target goes to the assignee only, once however often the job runs", async () => {
    const p = await providerTeam();
    const request = await raise(p, { assigneeId: p.alice.id, status: "IN_PROGRESS" });

    // 80% of one hour is 48 minutes.
    expect(await announceSlaAlerts(at(47 * MINUTE))).toBe(0);
    expect(await slaEvents(request.id)).toEqual([]);

    expect(await announceSlaAlerts(at(48 * MINUTE))).toBe(1);
    expect(await slaEvents(request.id)).toEqual([{ kind: "SLA_WARNING", slaClock: "FIRST_RESPONSE", actorId: null, at: at(48 * MINUTE) }]);
    expect(await told(request.id)).toEqual(lines("SLA_WARNING", [p.alice]));
    const notification = await prisma.notification.findFirstOrThrow({ where: { requestId: request.id } });
    expect(notification.title).toBe(`REQ-${request.number} first response due in 12 min: My laptop won't start`);
    expect(notification.link).toBe(`/requests/REQ-${request.number}`);

    // Again at once, and again a little later: nothing new.
    expect(await announceSlaAlerts(at(48 * MINUTE))).toBe(0);
    expect(await announceSlaAlerts(at(55 * MINUTE))).toBe(0);
    expect(await slaEvents(request.id)).toHaveLength(1);
    expect(await told(request.id)).toHaveLength(1);
  });

  test("while nobody is assigned, the warning goes to the whole provider team", async () => {
    const p = await providerTeam();
    const request = await raise(p);

    expect(await announceSlaAlerts(at(50 * MINUTE))).toBe(1);

    expect(await told(request.id)).toEqual(lines("SLA_WARNING", [p.alice, p.bob, p.manager]).sort());
  });

  test("a breach goes to the assignee and the team's managers, once; teammates who don't hold it are not told", async () => {
    const p = await providerTeam();
    const request = await raise(p, { assigneeId: p.alice.id, status: "IN_PROGRESS" });
    await announceSlaAlerts(at(50 * MINUTE));

    expect(await announceSlaAlerts(at(60 * MINUTE))).toBe(1);
    expect(await announceSlaAlerts(at(61 * MINUTE))).toBe(0);

    expect(await slaEvents(request.id)).toMatchObject([
      { kind: "SLA_WARNING", slaClock: "FIRST_RESPONSE" },
      { kind: "SLA_BREACHED", slaClock: "FIRST_RESPONSE", actorId: null, at: at(60 * MINUTE) },
    ]);
    expect(await told(request.id)).toEqual([...lines("SLA_BREACHED", [p.alice, p.manager]), ...lines("SLA_WARNING", [p.alice])].sort());
    const breach = await prisma.notification.findFirstOrThrow({ where: { requestId: request.id, kind: "SLA_BREACHED" } });
    expect(breach.title).toBe(`REQ-${request.number} missed its first response target: My laptop won't start`);
  });

  test("an unassigned breach reaches the managers", async () => {
    const p = await providerTeam();
    const request = await raise(p);

    expect(await announceSlaAlerts(at(2 * HOUR))).toBe(1);

    expect(await told(request.id)).toEqual(lines("SLA_BREACHED", [p.manager]));
  });

  test("a clock found already past its due date gets the breach only, not a late warning", async () => {
    const p = await providerTeam();
    const request = await raise(p, { assigneeId: p.bob.id, status: "IN_PROGRESS" });

    expect(await announceSlaAlerts(at(3 * HOUR))).toBe(1);

    expect(await slaEvents(request.id)).toMatchObject([{ kind: "SLA_BREACHED", slaClock: "FIRST_RESPONSE" }]);
  });

  test("the resolution clock warns at 80% and breaches at its due date, independently of the first response", async () => {
    const p = await providerTeam();
    const request = await raise(p, { assigneeId: p.alice.id, status: "IN_PROGRESS", firstResponseAt: at(10 * MINUTE) });

    // The first response came in time: that clock says nothing, even hours later.
    expect(await announceSlaAlerts(at(6 * HOUR))).toBe(0);
    // 80% of 8 hours is 6 h 24 min.
    expect(await announceSlaAlerts(at(6 * HOUR + 24 * MINUTE))).toBe(1);
    expect(await announceSlaAlerts(at(8 * HOUR))).toBe(1);
    expect(await announceSlaAlerts(at(9 * HOUR))).toBe(0);

    expect(await slaEvents(request.id)).toMatchObject([
      { kind: "SLA_WARNING", slaClock: "RESOLUTION" },
      { kind: "SLA_BREACHED", slaClock: "RESOLUTION" },
    ]);
    const alerts = await prisma.slaAlert.findMany({ where: { requestId: request.id }, orderBy: { at: "asc" } });
    expect(alerts.map((a) => [a.clock, a.level, a.dueAt.toISOString()])).toEqual([
      ["RESOLUTION", "WARNING", request.resolutionDueAt.toISOString()],
      ["RESOLUTION", "BREACHED", request.resolutionDueAt.toISOString()],
    ]);
  });

  test("two runs racing announce each warning and breach once", async () => {
    const p = await providerTeam();
    const requests = await Promise.all([
      raise(p, { assigneeId: p.alice.id, status: "IN_PROGRESS" }),
      raise(p, { assigneeId: p.bob.id, status: "IN_PROGRESS" }),
      raise(p, { status: "NEW", createdAt: at(-2 * HOUR) }),
    ]);

    // At 50 minutes: two first-response warnings, and a breach for the request raised two hours earlier.
    const [first, second] = await Promise.all([announceSlaAlerts(at(50 * MINUTE)), announceSlaAlerts(at(50 * MINUTE))]);
    expect(first + second).toBe(3);
    // At 70 minutes: the two warned requests breach.
    const [third, fourth] = await Promise.all([announceSlaAlerts(at(70 * MINUTE)), announceSlaAlerts(at(70 * MINUTE))]);
    expect(third + fourth).toBe(2);

    for (const request of requests) {
      const events = await slaEvents(request.id);
      const kinds = events.map((e) => `${e.kind} ${e.slaClock}`);
      expect(new Set(kinds).size, `REQ-${request.number}`).toBe(kinds.length);
    }
    expect(await prisma.requestEvent.count({ where: { kind: { in: ["SLA_WARNING", "SLA_BREACHED"] } } })).toBe(5);
    expect(await prisma.slaAlert.count()).toBe(5);
    // alice and bob: a warning and a breach each; the manager: three breaches.
    expect(await prisma.notification.count({ where: { userId: p.alice.id } })).toBe(2);
    expect(await prisma.notification.count({ where: { userId: p.manager.id, kind: "SLA_BREACHED" } })).toBe(3);
  });

  test("a request resolved before its due date never breaches, nor does a cancelled or closed one", async () => {
    const p = await providerTeam();
    const resolved = await raise(p, {
      assigneeId: p.alice.id,
      status: "RESOLVED",
      firstResponseAt: at(5 * MINUTE),
      resolvedAt: at(30 * MINUTE),
    });
    const cancelled = await raise(p, { status: "CANCELLED" });
    const closed = await raise(p, { status: "CLOSED", firstResponseAt: at(5 * MINUTE), resolvedAt: at(20 * MINUTE) });

    for (const when of [50 * MINUTE, 2 * HOUR, 7 * HOUR, 9 * HOUR, 30 * DAY]) {
      expect(await announceSlaAlerts(at(when))).toBe(0);
    }
    for (const request of [resolved, cancelled, closed]) expect(await slaEvents(request.id)).toEqual([]);
    expect(await prisma.notification.count()).toBe(0);
  });

  test("a request waiting on its requester keeps its clocks running", async () => {
    const p = await providerTeam();
    const request = await raise(p, { assigneeId: p.alice.id, status: "WAITING_ON_REQUESTER", firstResponseAt: at(5 * MINUTE) });

    expect(await announceSlaAlerts(at(8 * HOUR))).toBe(1);

    expect(await slaEvents(request.id)).toMatchObject([{ kind: "SLA_BREACHED", slaClock: "RESOLUTION" }]);
  });

  test("only active people are told", async () => {
    const p = await providerTeam();
    const request = await raise(p);
    await prisma.user.update({ where: { id: p.bob.id }, data: { active: false } });

    await announceSlaAlerts(at(50 * MINUTE));

    expect(await told(request.id)).toEqual(lines("SLA_WARNING", [p.alice, p.manager]).sort());
  });
});

describe("auto-close of resolved requests", () => {
  async function resolvedRequest(p: ProviderTeam, resolvedAt: Date, status: RequestStatus = "RESOLVED") {
    return raise(p, { assigneeId: p.alice.id, status, firstResponseAt: at(5 * MINUTE), resolvedAt });
  }

  test("closes a request 7 days after it was resolved, not a minute before", async () => {
    const p = await providerTeam();
    const resolvedAt = at(HOUR);
    const request = await resolvedRequest(p, resolvedAt);
    const sevenDaysLater = new Date(resolvedAt.getTime() + 7 * DAY);

    expect(await autoCloseResolvedRequests(new Date(sevenDaysLater.getTime() - MINUTE))).toBe(0);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("RESOLVED");

    expect(await autoCloseResolvedRequests(sevenDaysLater)).toBe(1);

    const after = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(after).toMatchObject({ status: "CLOSED", closedAt: sevenDaysLater, version: request.version + 1 });
    const events = await prisma.requestEvent.findMany({ where: { requestId: request.id } });
    expect(events).toEqual([
      expect.objectContaining({
        kind: "STATUS_CHANGED",
        actorId: null,
        fromStatus: "RESOLVED",
        toStatus: "CLOSED",
        at: sevenDaysLater,
        reason: AUTO_CLOSE_REASON,
      }),
    ]);
    const notifications = await prisma.notification.findMany({ where: { requestId: request.id } });
    expect(notifications).toEqual([
      expect.objectContaining({ userId: p.requester.id, kind: "STATUS_CHANGED", link: `/requests/REQ-${request.number}` }),
    ]);

    // Running again changes nothing.
    expect(await autoCloseResolvedRequests(new Date(sevenDaysLater.getTime() + DAY))).toBe(0);
    expect(await prisma.requestEvent.count({ where: { requestId: request.id } })).toBe(1);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).version).toBe(request.version + 1);
  });

  test("a reopened request (back in progress) is not closed, whenever it was first resolved", async () => {
    const p = await providerTeam();
    const reopened = await resolvedRequest(p, at(HOUR), "IN_PROGRESS");
    const waiting = await resolvedRequest(p, at(HOUR), "WAITING_ON_REQUESTER");

    expect(await autoCloseResolvedRequests(at(30 * DAY))).toBe(0);

    for (const request of [reopened, waiting]) {
      const after = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
      expect(after.status).toBe(request.status);
      expect(after.closedAt).toBeNull();
      expect(after.version).toBe(request.version);
    }
    expect(await prisma.requestEvent.count()).toBe(0);
  });

  test("two runs racing close each request once, with one event and one notification", async () => {
    const p = await providerTeam();
    const requests = await Promise.all([resolvedRequest(p, at(HOUR)), resolvedRequest(p, at(2 * HOUR)), resolvedRequest(p, at(3 * HOUR))]);
    const recent = await resolvedRequest(p, at(7 * DAY));

    const [first, second] = await Promise.all([autoCloseResolvedRequests(at(8 * DAY)), autoCloseResolvedRequests(at(8 * DAY))]);

    expect(first + second).toBe(3);
    for (const request of requests) {
      const after = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
      expect(after).toMatchObject({ status: "CLOSED", version: request.version + 1 });
      expect(await prisma.requestEvent.count({ where: { requestId: request.id } })).toBe(1);
    }
    expect(await prisma.notification.count({ where: { userId: p.requester.id } })).toBe(3);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: recent.id } })).status).toBe("RESOLVED");
  });
});
