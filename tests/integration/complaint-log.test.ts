// Logging a complaint through /complaints/new: routing (the category's owner team unless the rep
// picks another), CMP numbers, LOGGED vs ESCALATED with the acknowledge-by time, who is told
// (CRITICAL: the routed team's managers and those one level up), a double submit logging one
// complaint, and every kind of bad input refused beside its field with nothing written.
import { beforeAll, describe, expect, test } from "vitest";
import * as logPage from "~/routes/complaints.new";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { toLocalDateTime } from "~/validation/complaints";
import type { ComplaintCategory, Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { createCategory } from "../support/complaint-factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";

interface LogPage {
  categories: Array<{ id: string; name: string; ownerTeam: { id: string; name: string } }>;
  teams: Array<{ id: string; name: string }>;
  formToken: string;
  timeZone: string;
  now: string;
  defaultChannel: string;
}

let operations: Team; // Billing's parent
let billing: Team;
let support: Team;
let refunds: ComplaintCategory; // owned by Billing
let retired: ComplaintCategory;
let rep: User;
let cookie: string;
let billingManager: User;
let billingMember: User;
let opsManager: User;
let supportManager: User;

beforeAll(async () => {
  operations = await createTeam({ name: "Operations" });
  billing = await createTeam({ name: "Billing", parentId: operations.id });
  support = await createTeam({ name: "Customer Support" });
  await prisma.team.update({ where: { id: billing.id }, data: { complaintAckTargetMinutes: 120 } });
  refunds = await createCategory({ name: "Billing & refunds", ownerTeamId: billing.id });
  retired = await createCategory({ name: "Old category", ownerTeamId: billing.id, active: false });
  rep = await createUser({ name: "Rosa Rep" });
  cookie = await signInAs(rep.id);
  billingManager = await createUser({ name: "Bill Manager" });
  billingMember = await createUser({ name: "Bea Member" });
  opsManager = await createUser({ name: "Olga Ops" });
  supportManager = await createUser({ name: "Sam Support" });
  await addMember(billingManager.id, billing.id, "MANAGER");
  await addMember(billingMember.id, billing.id);
  await addMember(opsManager.id, operations.id, "MANAGER");
  await addMember(supportManager.id, support.id, "MANAGER");
});

async function openForm(as = cookie) {
  const response = await callLoader(logPage, getRequest("/complaints/new", { cookie: as }));
  expect(response.status).toBe(200);
  return readJson<LogPage>(response);
}

let summaryCounter = 0;
/** A valid form; each summary is distinct so the submit-time similarity check finds nothing. */
async function formFor(changes: Record<string, string> = {}) {
  const page = await openForm();
  summaryCounter += 1;
  return {
    formToken: page.formToken,
    channel: "PHONE",
    categoryId: refunds.id,
    severity: "MEDIUM",
    summary: `Zq${summaryCounter}x unusual wording ${crypto.randomUUID().slice(0, 8)}`,
    details: "Charged twice for the same order.",
    actionTaken: "Apologised and checked the order.",
    resolvedAtFrontLine: "no",
    occurredAt: page.now,
    routedTeamId: "",
    customerName: "",
    customerEmail: "",
    customerPhone: "",
    customerReference: "",
    choice: "new",
    ...changes,
  };
}

function submit(fields: Record<string, string>, as = cookie) {
  return callAction(logPage, formRequest("/complaints/new", fields, { cookie: as }));
}

function numberOf(response: Response) {
  const location = response.headers.get("Location") ?? "";
  expect(location).toMatch(/^\/complaints\/CMP-\d+$/);
  return Number(location.split("-")[1]);
}

async function notified(complaintNumber: number) {
  const rows = await prisma.notification.findMany({
    where: { link: `/complaints/CMP-${complaintNumber}` },
    select: { userId: true, kind: true, title: true, body: true },
  });
  return rows;
}

describe("the log form", () => {
  test("offers the active categories with their owning teams, every team, a fresh token and now", async () => {
    const first = await openForm();
    const second = await openForm();
    expect(first.categories.map((c) => c.name)).toEqual(["Billing & refunds"]);
    expect(first.categories[0]!.ownerTeam).toEqual({ id: billing.id, name: "Billing" });
    expect(first.teams.map((t) => t.name)).toEqual(expect.arrayContaining(["Billing", "Customer Support", "Operations"]));
    expect(second.formToken).not.toBe(first.formToken);
    expect(first.now).toBe(toLocalDateTime(new Date(), env().UPSTREAM_TIME_ZONE));
    expect(first.defaultChannel).toBe("PHONE");
  });

  test("someone not signed in is sent to sign in, and nothing is logged", async () => {
    const before = await prisma.complaint.count();
    const response = await callAction(logPage, formRequest("/complaints/new", await formFor()));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
    expect(await prisma.complaint.count()).toBe(before);
  });
});

describe("logging", () => {
  test("not resolved at the front line: CMP number, routed to the category's team, ESCALATED with a due time, its managers told", async () => {
    const before = Date.now();
    const fields = await formFor({ customerName: "Pat Customer", customerEmail: "pat@example.com", customerPhone: "+44 20 7946 0958" });
    const response = await submit(fields);
    expect(response.status).toBe(302);
    const number = numberOf(response);
    expect((await flashOf(response))?.message).toBe(`CMP-${number} was logged and sent to Billing's managers.`);

    const c = await prisma.complaint.findUniqueOrThrow({ where: { number }, include: { events: true } });
    expect(c).toMatchObject({
      reporterId: rep.id,
      channel: "PHONE",
      categoryId: refunds.id,
      severity: "MEDIUM",
      summary: fields.summary,
      details: "Charged twice for the same order.",
      actionTaken: "Apologised and checked the order.",
      resolvedAtFrontLine: false,
      status: "ESCALATED",
      routedTeamId: billing.id,
      waitingOnTeamId: billing.id,
      escalationLevel: 0,
      customerName: "Pat Customer",
      customerEmail: "pat@example.com",
      customerPhone: "+44 20 7946 0958",
      customerReference: null,
    });
    expect(c.escalatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(c.acknowledgeDueAt!.getTime() - c.escalatedAt!.getTime()).toBe(120 * 60_000);
    expect(c.events.map((e) => [e.kind, e.actorId, e.toTeamId])).toEqual([["LOGGED", rep.id, billing.id]]);

    const told = await notified(number);
    expect(told.map((n) => n.userId)).toEqual([billingManager.id]);
    expect(told[0]).toMatchObject({ kind: "COMPLAINT_ROUTED", title: expect.stringContaining(`CMP-${number}`) });
    // The customer's details never travel in a notification.
    expect(JSON.stringify(told)).not.toMatch(/Pat Customer|pat@example|7946/);
  });

  test("numbers increase: CMP-n, then CMP-(n+1)", async () => {
    const a = numberOf(await submit(await formFor()));
    const b = numberOf(await submit(await formFor()));
    expect(b).toBeGreaterThan(a);
  });

  test("resolved at the front line: LOGGED, nothing to acknowledge, managers told for information", async () => {
    const response = await submit(await formFor({ resolvedAtFrontLine: "yes" }));
    const number = numberOf(response);
    expect((await flashOf(response))?.message).toBe(`CMP-${number} was logged. Billing's managers see it for information.`);
    const c = await prisma.complaint.findUniqueOrThrow({ where: { number } });
    expect(c).toMatchObject({ status: "LOGGED", resolvedAtFrontLine: true, escalatedAt: null, acknowledgeDueAt: null });
    const told = await notified(number);
    expect(told).toEqual([
      expect.objectContaining({ userId: billingManager.id, kind: "COMPLAINT_ROUTED", title: expect.stringMatching(/^For information/) }),
    ]);
  });

  test("the rep may send it to another team instead of the category's owner", async () => {
    const number = numberOf(await submit(await formFor({ routedTeamId: support.id })));
    const c = await prisma.complaint.findUniqueOrThrow({ where: { number } });
    expect(c).toMatchObject({ routedTeamId: support.id, waitingOnTeamId: support.id });
    expect(c.acknowledgeDueAt!.getTime() - c.escalatedAt!.getTime()).toBe(24 * 60 * 60_000);
    expect((await notified(number)).map((n) => n.userId)).toEqual([supportManager.id]);
  });

  test("CRITICAL alerts the routed team's managers and the managers one level up at once", async () => {
    const number = numberOf(await submit(await formFor({ severity: "CRITICAL" })));
    const c = await prisma.complaint.findUniqueOrThrow({ where: { number }, include: { events: { orderBy: { id: "asc" } } } });
    expect(c.events.map((e) => e.kind)).toEqual(["LOGGED", "CRITICAL_ALERT"]);
    expect(c.events[1]).toMatchObject({ fromTeamId: billing.id, toTeamId: operations.id });
    const told = await notified(number);
    expect(told.map((n) => n.userId).sort()).toEqual([billingManager.id, opsManager.id].sort());
    expect(told.every((n) => n.kind === "COMPLAINT_CRITICAL")).toBe(true);
    // Members who are not managers are not told.
    expect(told.some((n) => n.userId === billingMember.id)).toBe(false);
  });

  test("CRITICAL for a team with no parent alerts that team's managers", async () => {
    const number = numberOf(await submit(await formFor({ severity: "CRITICAL", routedTeamId: support.id })));
    expect((await notified(number)).map((n) => [n.userId, n.kind])).toEqual([[supportManager.id, "COMPLAINT_CRITICAL"]]);
  });

  test("a blank time means now; a time typed is read on the organisation's clock", async () => {
    const blank = numberOf(await submit(await formFor({ occurredAt: "" })));
    const c = await prisma.complaint.findUniqueOrThrow({ where: { number: blank } });
    expect(Math.abs(c.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
    const earlier = new Date(Date.now() - 3 * 3600_000);
    earlier.setSeconds(0, 0);
    const typed = numberOf(await submit(await formFor({ occurredAt: toLocalDateTime(earlier, env().UPSTREAM_TIME_ZONE) })));
    expect((await prisma.complaint.findUniqueOrThrow({ where: { number: typed } })).occurredAt.toISOString()).toBe(earlier.toISOString());
  });

  test("a double submit (the same form token) logs one complaint, and both land on it", async () => {
    const fields = await formFor();
    const [first, second] = await Promise.all([submit(fields), submit(fields)]);
    const third = await submit({ ...fields, choice: "" });
    for (const r of [first, second, third]) expect(r.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(third.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await prisma.complaint.count({ where: { summary: fields.summary } })).toBe(1);
    expect(await notified(numberOf(first))).toHaveLength(1);
  });

  test("extra fields such as reporterId or status are ignored", async () => {
    const other = await createUser();
    const number = numberOf(await submit({ ...(await formFor()), reporterId: other.id, status: "CLOSED", waitingOnTeamId: support.id }));
    expect(await prisma.complaint.findUniqueOrThrow({ where: { number } })).toMatchObject({
      reporterId: rep.id,
      status: "ESCALATED",
      waitingOnTeamId: billing.id,
    });
  });
});

describe("bad input is refused beside its field, the typing kept, nothing written", () => {
  const future = () => toLocalDateTime(new Date(Date.now() + 2 * 3600_000), env().UPSTREAM_TIME_ZONE);
  const cases: Array<[string, () => Record<string, string>, string, RegExp]> = [
    ["missing summary", () => ({ summary: "   " }), "summary", /what the customer complained about/],
    ["over-long summary", () => ({ summary: "x".repeat(201) }), "summary", /200 characters or fewer/],
    ["over-long details", () => ({ details: "x".repeat(5001) }), "details", /5,000 characters or fewer/],
    ["over-long customer name", () => ({ customerName: "x".repeat(201) }), "customerName", /200 characters or fewer/],
    ["no category", () => ({ categoryId: "" }), "categoryId", /Choose a category/],
    ["unknown category", () => ({ categoryId: crypto.randomUUID() }), "categoryId", /Choose a category from the list/],
    ["inactive category", () => ({ categoryId: retired.id }), "categoryId", /Choose a category from the list/],
    ["unknown team", () => ({ routedTeamId: crypto.randomUUID() }), "routedTeamId", /Choose a team from the list/],
    ["severity outside the list", () => ({ severity: "APOCALYPTIC" }), "severity", /low, medium, high or critical/],
    ["channel outside the list", () => ({ channel: "PIGEON" }), "channel", /Choose where you heard it/],
    ["resolved neither yes nor no", () => ({ resolvedAtFrontLine: "maybe" }), "resolvedAtFrontLine", /resolved it yourself/],
    ["invalid email", () => ({ customerEmail: "pat@" }), "customerEmail", /email address like name@example.com/],
    ["invalid phone (letters)", () => ({ customerPhone: "call me maybe" }), "customerPhone", /phone number with 7 to 15 digits/],
    ["invalid phone (too short)", () => ({ customerPhone: "12 34" }), "customerPhone", /phone number with 7 to 15 digits/],
    ["a time in the future", () => ({ occurredAt: future() }), "occurredAt", /can't be in the future/],
    ["not a time", () => ({ occurredAt: "yesterday" }), "occurredAt", /Enter the date and time/],
    ["an impossible date", () => ({ occurredAt: "2026-02-31T10:00" }), "occurredAt", /Enter the date and time/],
  ];

  test.each(cases)("%s", async (_name, change, field, message) => {
    const before = await prisma.complaint.count();
    const notifications = await prisma.notification.count();
    const fields = await formFor({ customerName: "Kept Name", ...change() });
    const response = await submit(fields);
    expect(response.status).toBe(400);
    expect((await fieldErrors(response.clone(), field)).join(" ")).toMatch(message);
    const reply = await formReply(response);
    // What the rep typed comes back to the form.
    expect(reply.initialValue).toMatchObject({ details: fields.details, actionTaken: fields.actionTaken });
    if (field !== "customerName") expect(reply.initialValue).toMatchObject({ customerName: "Kept Name" });
    expect(await prisma.complaint.count()).toBe(before);
    expect(await prisma.notification.count()).toBe(notifications);
  });
});
