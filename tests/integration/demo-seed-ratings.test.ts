// The demo organisation's ratings, recovery cases and kudos (issue 4), as a fresh database gets
// them on first start: there, accepted by the database's own rules, on the timelines, and giving
// the demo accounts something to do when they sign in.
import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedIfEmpty } from "~/utils/first-run.server";
import { RATING_WINDOW_DAYS, ratingOption } from "~/utils/rating-rules";
import { RECOVERY_STATUSES } from "~/utils/recovery-lifecycle";

const DAY = 24 * 60 * 60 * 1000;
let seededAt: Date;

beforeAll(async () => {
  seededAt = new Date();
  const result = await seedIfEmpty({ UPSTREAM_DEMO_DATA: true, UPSTREAM_ADMIN_EMAIL: undefined, UPSTREAM_ADMIN_PASSWORD: undefined });
  expect(result).toMatchObject({ seeded: true, demo: true });
}, 120_000);

test("most resolved requests have one first rating from their requester, after resolution and within the window", async () => {
  const resolved = await prisma.request.findMany({
    where: { resolvedAt: { not: null } },
    select: { id: true, requesterId: true, resolvedAt: true, ratings: { select: { kind: true, raterId: true, createdAt: true } } },
  });
  const rated = resolved.filter((r) => r.ratings.some((x) => x.kind === "FIRST"));
  expect(rated.length / resolved.length).toBeGreaterThan(0.65);
  for (const r of rated) {
    const first = r.ratings.find((x) => x.kind === "FIRST")!;
    expect(first.raterId).toBe(r.requesterId);
    expect(first.createdAt > r.resolvedAt!).toBe(true);
    expect(first.createdAt.getTime() - r.resolvedAt!.getTime()).toBeLessThan(RATING_WINDOW_DAYS * DAY);
    expect(first.createdAt <= new Date()).toBe(true);
  }
  // Nothing rated that was never resolved.
  expect(await prisma.rating.count({ where: { request: { resolvedAt: null } } })).toBe(0);
  expect(await prisma.requestEvent.count({ where: { kind: "RATED" } })).toBe(await prisma.rating.count({ where: { kind: "FIRST" } }));
  expect(await prisma.requestEvent.count({ where: { kind: "RERATED" } })).toBe(await prisma.rating.count({ where: { kind: "RERATING" } }));
});

test("every poor first rating has its recovery case, at every step, with its events", async () => {
  const poor = await prisma.rating.findMany({ where: { kind: "FIRST", overall: { lte: 2 } }, select: { id: true } });
  const cases = await prisma.recoveryCase.findMany({
    include: { request: { select: { providerTeamId: true, events: { select: { kind: true, reason: true, toTeamId: true } } } } },
  });
  expect(cases.length).toBeGreaterThan(0);
  expect(cases.map((c) => c.ratingId).sort()).toEqual(poor.map((r) => r.id).sort());
  expect(new Set(cases.map((c) => c.status))).toEqual(new Set(RECOVERY_STATUSES));
  for (const c of cases) {
    const kinds = c.request.events.map((e) => e.kind);
    expect(c.teamId).toBe(c.request.providerTeamId);
    expect(kinds.filter((k) => k === "RECOVERY_OPENED")).toHaveLength(1);
    if (c.acknowledgedAt) expect(kinds).toContain("RECOVERY_ACKNOWLEDGED");
    // Steps are on the timeline; their notes stay on the case (the requesting team sees the timeline).
    if (c.apologyNote) expect(kinds).toContain("RECOVERY_APOLOGY_SENT");
    if (c.correctiveAction) expect(kinds).toContain("RECOVERY_ACTION_RECORDED");
    for (const e of c.request.events.filter((e) => e.kind.startsWith("RECOVERY_") && e.kind !== "RECOVERY_ESCALATED"))
      expect(e.reason).toBeNull();
    expect(kinds.includes("RECOVERY_CLOSED")).toBe(c.status === "CLOSED");
    expect(kinds.filter((k) => k === "RECOVERY_ESCALATED")).toHaveLength(c.escalationLevel);
    if (c.escalationLevel > 0) expect(c.request.events.findLast((e) => e.kind === "RECOVERY_ESCALATED")!.toTeamId).toBe(c.waitingOnTeamId);
  }
  const escalated = cases.find((c) => c.status === "OPEN" && c.escalationLevel === 1)!;
  const team = await prisma.team.findUniqueOrThrow({ where: { id: escalated.teamId }, select: { parentId: true } });
  expect(escalated.waitingOnTeamId).toBe(team.parentId);
  // Re-ratings only where the case is closed.
  const reratings = await prisma.rating.findMany({ where: { kind: "RERATING" }, select: { request: { select: { recoveryCase: true } } } });
  expect(reratings.length).toBeGreaterThan(0);
  expect(reratings.every((r) => r.request.recoveryCase?.status === "CLOSED")).toBe(true);
});

test("the rating and recovery events sit on the request timeline in time order", async () => {
  const c = await prisma.recoveryCase.findFirstOrThrow({ where: { status: "CLOSED" }, select: { requestId: true } });
  const events = await prisma.requestEvent.findMany({ where: { requestId: c.requestId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const kinds = events.map((e) => e.kind).filter((k) => k === "RATED" || k.startsWith("RECOVERY_"));
  expect(kinds).toEqual([
    "RATED",
    "RECOVERY_OPENED",
    "RECOVERY_ACKNOWLEDGED",
    "RECOVERY_APOLOGY_SENT",
    "RECOVERY_ACTION_RECORDED",
    "RECOVERY_CLOSED",
  ]);
  // Event ids follow time across the whole table, as if the events had happened one by one.
  const all = await prisma.requestEvent.findMany({ orderBy: { id: "asc" }, select: { at: true } });
  for (let i = 1; i < all.length; i++) expect(all[i]!.at >= all[i - 1]!.at).toBe(true);
});

// (The one-recipient CHECK and the score CHECKs vetted every row on the way in.)
test("kudos: about 60, each to one active person or team, never to oneself, a couple hidden by a manager", async () => {
  const kudos = await prisma.kudos.findMany({
    include: { recipientUser: { select: { active: true } }, request: { select: { requesterId: true } } },
  });
  expect(kudos.length).toBeGreaterThanOrEqual(50);
  for (const k of kudos) {
    expect(k.authorId).not.toBe(k.recipientUserId);
    if (k.recipientUser) expect(k.recipientUser.active).toBe(true);
    if (k.request) expect(k.authorId).toBe(k.request.requesterId);
    expect(k.createdAt.getTime()).toBeGreaterThan(seededAt.getTime() - 91 * DAY);
  }
  const hidden = kudos.filter((k) => k.hiddenAt);
  expect(hidden.length).toBeGreaterThanOrEqual(1);
  for (const k of hidden) {
    const teams = await prisma.membership.findMany({ where: { userId: k.recipientUserId! }, select: { teamId: true } });
    const manager = await prisma.membership.findFirst({
      where: { userId: k.hiddenById!, role: "MANAGER", teamId: { in: teams.map((t) => t.teamId) } },
    });
    expect(manager).not.toBeNull();
  }
});

test("Daniel has a request waiting for his rating and one already rated; Marcus has a Customer Care case to act on", async () => {
  const now = new Date();
  const daniel = await prisma.user.findUniqueOrThrow({ where: { email: "daniel.kim@example.com" } });
  const his = await prisma.request.findMany({
    where: { requesterId: daniel.id, resolvedAt: { not: null } },
    select: { status: true, resolvedAt: true, ratings: { select: { kind: true, createdAt: true } } },
  });
  const waiting = his.filter((r) => r.ratings.length === 0 && now.getTime() - r.resolvedAt!.getTime() < 7 * DAY);
  expect(waiting.length).toBeGreaterThan(0);
  const facts = {
    status: waiting[0]!.status,
    resolvedAt: waiting[0]!.resolvedAt,
    requesterId: daniel.id,
    first: null,
    rerating: null,
    recoveryStatus: null,
  };
  expect(ratingOption(facts, daniel.id, now).kind).toBe("rate");
  expect(his.some((r) => r.ratings.some((x) => x.kind === "FIRST"))).toBe(true);

  const marcus = await prisma.user.findUniqueOrThrow({ where: { email: "marcus.bell@example.com" } });
  const care = await prisma.team.findUniqueOrThrow({ where: { name: "Customer Care" } });
  expect(await prisma.membership.count({ where: { userId: marcus.id, teamId: care.id, role: "MANAGER" } })).toBe(1);
  expect(await prisma.recoveryCase.count({ where: { teamId: care.id, ownerId: marcus.id, status: { not: "CLOSED" } } })).toBeGreaterThan(0);
});
