// The demo complaints and feedback as a fresh database gets them on first start: accepted by the
// database's own rules, in the numbers the generator promises, consistent with the timelines,
// and with the complaint number sequence moved past the demo's numbers.
import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedIfEmpty } from "~/utils/first-run.server";
import { COMPLAINT_STATUSES } from "~/utils/complaint-rules";
import { demoCategories, demoThemes } from "~/demo/demo-complaint-stories";
import { createComplaint } from "../support/complaint-factories";

let seedMs = 0;

beforeAll(async () => {
  const started = performance.now();
  const result = await seedIfEmpty({ UPSTREAM_DEMO_DATA: true, UPSTREAM_ADMIN_EMAIL: undefined, UPSTREAM_ADMIN_PASSWORD: undefined });
  seedMs = performance.now() - started;
  console.info(`demo seed took ${Math.round(seedMs)} ms`);
  expect(result).toMatchObject({ seeded: true, demo: true });
}, 120_000);

test("categories, themes, several hundred complaints with sightings, tags and timelines are there", async () => {
  expect(await prisma.complaintCategory.count()).toBe(demoCategories.length);
  expect(await prisma.complaintCategory.count({ where: { active: false } })).toBe(1);
  expect(await prisma.theme.count()).toBe(Object.keys(demoThemes).length);
  const complaints = await prisma.complaint.count();
  expect(complaints).toBeGreaterThanOrEqual(300);
  expect(await prisma.complaintSighting.count()).toBeGreaterThan(200);
  expect(await prisma.complaintTheme.count()).toBeGreaterThan(100);
  expect(await prisma.complaintEvent.count({ where: { kind: "LOGGED" } })).toBe(complaints);
  const statuses = await prisma.complaint.groupBy({ by: ["status"], _count: true });
  expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(COMPLAINT_STATUSES));
  // Kept quick: the whole demo organisation, requests included, goes in within seconds.
  expect(seedMs).toBeLessThan(60_000);
});

test("event ids follow each timeline's time order", async () => {
  const events = await prisma.complaintEvent.findMany({ select: { id: true, at: true }, orderBy: { id: "asc" } });
  for (let i = 1; i < events.length; i++) expect(events[i]!.at >= events[i - 1]!.at).toBe(true);
});

test("reporters, acknowledgers and the sightings' reps are demo people; the rep's own complaint is theirs", async () => {
  const sofia = await prisma.user.findUniqueOrThrow({ where: { email: "sofia.alvarez@example.com" } });
  expect(await prisma.complaint.count({ where: { reporterId: sofia.id } })).toBeGreaterThan(30);
  const marcus = await prisma.user.findUniqueOrThrow({ where: { email: "marcus.bell@example.com" }, include: { memberships: true } });
  const care = marcus.memberships.find((m) => m.role === "MANAGER")!.teamId;
  expect(await prisma.complaintCategory.count({ where: { ownerTeamId: care, active: true } })).toBeGreaterThanOrEqual(2);
  expect(await prisma.complaint.count({ where: { routedTeamId: care, status: { not: "CLOSED" } } })).toBeGreaterThan(0);
});

test("waiting complaints are not yet due, so the escalation job has nothing to catch up on", async () => {
  const overdue = await prisma.complaint.count({ where: { status: "ESCALATED", acknowledgeDueAt: { lte: new Date() } } });
  expect(overdue).toBe(0);
  expect(await prisma.complaint.count({ where: { status: "ESCALATED", escalationLevel: 2 } })).toBeGreaterThan(0);
});

test("old closed complaints have their contact erased; the purge job has nothing to catch up on", async () => {
  const purged = await prisma.complaint.findMany({ where: { contactPurgedAt: { not: null } } });
  expect(purged.length).toBeGreaterThan(0);
  expect(purged.every((c) => c.customerName === null && c.customerEmail === null && c.status === "CLOSED")).toBe(true);
  const yearAgo = new Date(Date.now() - 365 * 24 * 3600_000);
  expect(await prisma.complaint.count({ where: { status: "CLOSED", closedAt: { lt: yearAgo }, customerName: { not: null } } })).toBe(0);
});

test("feedback: about 40 entries, anonymous ones without author, answered ones with a response", async () => {
  const feedback = await prisma.feedback.findMany({ include: { responses: true } });
  expect(feedback.length).toBeGreaterThanOrEqual(35);
  expect(feedback.filter((f) => f.anonymous).every((f) => f.authorId === null && f.followUpCodeHash === null)).toBe(true);
  expect(feedback.filter((f) => f.status !== "OPEN").every((f) => f.responses.length > 0)).toBe(true);
});

test("a complaint logged after the seed continues the numbering", async () => {
  const last = await prisma.complaint.aggregate({ _max: { number: true } });
  const next = await createComplaint();
  expect(next.number).toBe(last._max.number! + 1);
});
