// The manager's side of a complaint (issue 5): acknowledge, themes, plan, respond to the rep,
// close, reroute, from the manage page (/complaints/CMP-n/manage). Order rules are enforced with
// clear messages (no closing without a response to the rep); a stale form gets a conflict; only
// managers of the routed team or above, and admins, may act: anyone else gets 404. The rep is
// told of every change.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import * as manageRoute from "~/routes/complaints.$number_.manage";
import type { Complaint, Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf } from "../support/replies";
import { addSighting, createCategory, createComplaint } from "../support/complaint-factories";

let company: Team, north: Team, northDesk: Team, south: Team;
let ceo: User, northManager: User, deskManager: User, deskMember: User, southManager: User, admin: User, rep: User, heardToo: User;
let categoryId: string;
const cookies = new Map<string, string>();

beforeAll(async () => {
  company = await createTeam({ name: "Company" });
  north = await createTeam({ name: "North", parentId: company.id });
  northDesk = await createTeam({ name: "North desk", parentId: north.id });
  south = await createTeam({ name: "South", parentId: company.id });
  await prisma.team.update({ where: { id: south.id }, data: { complaintAckTargetMinutes: 180 } });
  [ceo, northManager, deskManager, deskMember, southManager, admin, rep, heardToo] = await Promise.all([
    createUser({ name: "Cleo Chief" }),
    createUser({ name: "Nora North" }),
    createUser({ name: "Dan Desk" }),
    createUser({ name: "Mo Member" }),
    createUser({ name: "Sam South" }),
    createUser({ name: "Ada Admin", role: "ADMIN" }),
    createUser({ name: "Rae Rep" }),
    createUser({ name: "Hal Heard" }),
  ]);
  await addMember(ceo.id, company.id, "MANAGER");
  await addMember(northManager.id, north.id, "MANAGER");
  await addMember(deskManager.id, northDesk.id, "MANAGER");
  await addMember(deskMember.id, northDesk.id, "MEMBER");
  await addMember(southManager.id, south.id, "MANAGER");
  categoryId = (await createCategory({ ownerTeamId: northDesk.id, name: "Delivery" })).id;
});

async function cookieOf(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await signInAs(user.id));
  return cookies.get(user.id)!;
}

function newComplaint(options: Parameters<typeof createComplaint>[0] = {}) {
  return createComplaint({
    reporterId: rep.id,
    categoryId,
    summary: "Parcel arrived crushed",
    customerName: "Carla Customer",
    customerEmail: "carla@example.com",
    ...options,
  });
}

async function act(user: User, complaint: Complaint, fields: Record<string, string | string[]>) {
  const ref = `CMP-${complaint.number}`;
  const current = await prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { version: true } });
  const request = formRequest(
    `/complaints/${ref}/manage`,
    { version: String(current.version), ...fields },
    { cookie: await cookieOf(user) },
  );
  return callAction(manageRoute, request, { number: ref });
}

async function openPage(user: User, complaint: Complaint) {
  const ref = `CMP-${complaint.number}`;
  return callLoader(manageRoute, getRequest(`/complaints/${ref}/manage`, { cookie: await cookieOf(user) }), { number: ref });
}

function reload(complaint: Complaint) {
  return prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
}

async function kinds(complaint: Complaint) {
  const events = await prisma.complaintEvent.findMany({ where: { complaintId: complaint.id }, orderBy: { id: "asc" } });
  return events.map((e) => e.kind);
}

async function noticesTo(user: User, complaint: Complaint) {
  const rows = await prisma.notification.findMany({
    where: { userId: user.id, link: `/complaints/CMP-${complaint.number}`, kind: "COMPLAINT_UPDATED" },
  });
  // Sorted: two notices can share a millisecond.
  return rows.map((r) => r.title).sort();
}

describe("acting on a complaint", () => {
  test("acknowledge: status, who and when, escalation stopped, on the timeline, the rep told, back to the complaint page", async () => {
    const complaint = await newComplaint();
    const response = await act(deskManager, complaint, { intent: "acknowledge" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/complaints/CMP-${complaint.number}`);
    expect((await flashOf(response))?.message).toBe(`CMP-${complaint.number} is acknowledged; the rep has been told.`);
    expect(await reload(complaint)).toMatchObject({
      status: "ACKNOWLEDGED",
      acknowledgedById: deskManager.id,
      acknowledgeDueAt: null,
      version: 2,
    });
    expect(await kinds(complaint)).toEqual(["LOGGED", "ACKNOWLEDGED"]);
    expect(await noticesTo(rep, complaint)).toEqual([`CMP-${complaint.number}: acknowledged by a manager`]);

    const again = await act(deskManager, complaint, { intent: "acknowledge" });
    expect(again.status).toBe(409);
    expect(await fieldErrors(again, "")).toEqual(["It has already been acknowledged."]);
  });

  test("order rules, a response before closing, and the rep told of each step", async () => {
    const complaint = await newComplaint();
    await addSighting(complaint.id, { reporterId: heardToo.id });

    const earlyPlan = await act(northManager, complaint, { intent: "plan", plan: "Replace the courier" });
    expect(earlyPlan.status).toBe(409);
    expect(await fieldErrors(earlyPlan, "plan")).toEqual(["Acknowledge the complaint before planning an action."]);
    expect(await fieldErrors(await act(northManager, complaint, { intent: "close" }), "")).toEqual([
      "Acknowledge the complaint before closing it.",
    ]);

    await act(northManager, complaint, { intent: "acknowledge" });
    const closeWithoutResponse = await act(northManager, complaint, { intent: "close" });
    expect(closeWithoutResponse.status).toBe(409);
    expect(await fieldErrors(closeWithoutResponse, "")).toEqual(["Write a response to the rep before closing: they must hear back."]);
    expect((await reload(complaint)).status).toBe("ACKNOWLEDGED");
    // The page says why the close button is disabled.
    const page = await readJson<{ can: { close: boolean }; closeBlockedBecause: string }>(await openPage(northManager, complaint));
    expect(page).toMatchObject({
      can: { close: false },
      closeBlockedBecause: "Write a response to the rep before closing: they must hear back.",
    });

    const blank = await act(northManager, complaint, { intent: "plan", plan: "   " });
    expect(await fieldErrors(blank, "plan")).toEqual(["Describe the action you plan."]);
    expect((await act(northManager, complaint, { intent: "plan", plan: "Replace the courier on that route" })).status).toBe(302);
    expect(await reload(complaint)).toMatchObject({ status: "ACTION_PLANNED", actionPlan: "Replace the courier on that route" });

    expect((await act(northManager, complaint, { intent: "respond", response: "We are changing couriers." })).status).toBe(302);
    const edited = await act(northManager, complaint, {
      intent: "respond",
      response: "We changed couriers; tell the customer a refund is on its way.",
    });
    expect((await flashOf(edited))?.message).toBe("Response updated; the rep has been told.");
    expect((await reload(complaint)).response).toBe("We changed couriers; tell the customer a refund is on its way.");
    const responses = await prisma.complaintEvent.findMany({
      where: { complaintId: complaint.id, kind: "RESPONDED" },
      orderBy: { id: "asc" },
    });
    expect(responses.map((e) => e.note)).toEqual([
      "We are changing couriers.",
      "We changed couriers; tell the customer a refund is on its way.",
    ]);

    const closed = await act(northManager, complaint, { intent: "close" });
    expect((await flashOf(closed))?.message).toBe(`CMP-${complaint.number} is closed; the rep has been told.`);
    expect(await reload(complaint)).toMatchObject({ status: "CLOSED" });
    expect((await reload(complaint)).closedAt).not.toBeNull();
    expect(await kinds(complaint)).toEqual([
      "LOGGED",
      "SIGHTING_ADDED",
      "ACKNOWLEDGED",
      "ACTION_PLANNED",
      "RESPONDED",
      "RESPONDED",
      "CLOSED",
    ]);

    const ref = `CMP-${complaint.number}`;
    expect(await noticesTo(rep, complaint)).toEqual(
      [
        `${ref}: acknowledged by a manager`,
        `${ref}: an action is planned`,
        `${ref}: a manager responded`,
        `${ref}: the manager's response changed`,
        `${ref}: closed`,
      ].sort(),
    );
    // The plan is the managers' working note: the rep hears that there is one, not what it says.
    const planNotice = await prisma.notification.findFirstOrThrow({ where: { userId: rep.id, title: `${ref}: an action is planned` } });
    expect(planNotice.body).not.toContain("courier");
    // Reps who heard it too hear the response and the closing.
    expect(await noticesTo(heardToo, complaint)).toEqual(
      [`${ref}: a manager responded`, `${ref}: the manager's response changed`, `${ref}: closed`].sort(),
    );

    const afterClose = await act(northManager, complaint, { intent: "respond", response: "One more thing" });
    expect(await fieldErrors(afterClose, "response")).toEqual(["This complaint is closed."]);
  });

  test("responding to a complaint nobody acknowledged acknowledges it too", async () => {
    const complaint = await newComplaint();
    const response = await act(deskManager, complaint, { intent: "respond", response: "On it." });
    expect((await flashOf(response))?.message).toBe("Response sent and the complaint acknowledged; the rep has been told.");
    expect(await reload(complaint)).toMatchObject({
      status: "ACKNOWLEDGED",
      response: "On it.",
      acknowledgeDueAt: null,
      respondedById: deskManager.id,
    });
    expect(await kinds(complaint)).toEqual(["LOGGED", "ACKNOWLEDGED", "RESPONDED"]);
  });

  test("themes: tick existing ones and type a new one; untick to remove; each change on the timeline", async () => {
    const complaint = await newComplaint();
    const existing = await prisma.theme.create({ data: { id: crypto.randomUUID(), name: "Courier damage" } });
    const first = await act(deskManager, complaint, { intent: "themes", themeIds: [existing.id], newTheme: "Packaging" });
    expect((await flashOf(first))?.message).toBe(`Themes of CMP-${complaint.number} saved: added Courier damage, Packaging.`);
    const packaging = await prisma.theme.findFirstOrThrow({ where: { name: "Packaging" } });
    const tags = async () => (await prisma.complaintTheme.findMany({ where: { complaintId: complaint.id } })).map((t) => t.themeId).sort();
    expect(await tags()).toEqual([existing.id, packaging.id].sort());

    // Typing an existing name in other capitals uses that theme.
    const second = await act(deskManager, complaint, { intent: "themes", themeIds: [packaging.id], newTheme: "courier DAMAGE" });
    expect(second.status).toBe(400);
    expect(await fieldErrors(second, "themeIds")).toEqual(["Nothing changed: tick or untick a theme, or type a new one."]);
    expect(await prisma.theme.count({ where: { name: { equals: "courier damage", mode: "insensitive" } } })).toBe(1);

    const removed = await act(deskManager, complaint, { intent: "themes", themeIds: [packaging.id] });
    expect(removed.status).toBe(302);
    expect(await tags()).toEqual([packaging.id]);
    const notes = await prisma.complaintEvent.findMany({
      where: { complaintId: complaint.id, kind: "THEMES_CHANGED" },
      orderBy: { id: "asc" },
    });
    expect(notes.map((n) => n.note)).toEqual(["Added Courier damage, Packaging.", "Removed Courier damage."]);
    expect(await noticesTo(rep, complaint)).toHaveLength(2);
  });

  test("a form rendered from an older version gets a conflict and changes nothing", async () => {
    const complaint = await newComplaint();
    const stale = String(complaint.version);
    await act(deskManager, complaint, { intent: "acknowledge" });
    const request = formRequest(
      `/complaints/CMP-${complaint.number}/manage`,
      { intent: "plan", version: stale, plan: "Something else" },
      { cookie: await cookieOf(northManager) },
    );
    const response = await callAction(manageRoute, request, { number: `CMP-${complaint.number}` });
    expect(response.status).toBe(409);
    const body = await readJson<{ currentVersion: number; result: { error: Record<string, string[]> } }>(response);
    expect(body.currentVersion).toBe(2);
    expect(body.result.error[""]![0]).toContain("Someone else updated this complaint since you opened it.");
    expect(await reload(complaint)).toMatchObject({ status: "ACKNOWLEDGED", actionPlan: null, version: 2 });
  });

  test("reroute: to another team's managers, acknowledged again there, on the timeline", async () => {
    const complaint = await newComplaint();
    await act(deskManager, complaint, { intent: "acknowledge" });
    const missingReason = await act(deskManager, complaint, { intent: "reroute", toTeamId: south.id, reason: "" });
    expect(await fieldErrors(missingReason, "reason")).toEqual(["Say why it belongs with that team."]);

    const before = Date.now();
    const response = await act(deskManager, complaint, { intent: "reroute", toTeamId: south.id, reason: "South runs that depot." });
    expect(response.status).toBe(302);
    // The desk manager no longer manages it: back to the inbox rather than a 404.
    expect(response.headers.get("Location")).toBe("/complaints/inbox");
    const moved = await reload(complaint);
    expect(moved).toMatchObject({
      routedTeamId: south.id,
      waitingOnTeamId: south.id,
      status: "ESCALATED",
      escalationLevel: 0,
      acknowledgedAt: null,
    });
    expect(moved.acknowledgeDueAt!.getTime()).toBeGreaterThanOrEqual(before + 180 * 60_000);
    const event = await prisma.complaintEvent.findFirstOrThrow({ where: { complaintId: complaint.id, kind: "REROUTED" } });
    expect(event).toMatchObject({ fromTeamId: northDesk.id, toTeamId: south.id, note: "South runs that depot.", actorId: deskManager.id });
    expect(await prisma.notification.count({ where: { userId: southManager.id, kind: "COMPLAINT_ROUTED" } })).toBe(1);
    expect((await openPage(deskManager, complaint)).status).toBe(404);
    expect((await openPage(southManager, complaint)).status).toBe(200);
  });
});

describe("who may act", () => {
  test("a manager of another branch, a plain member of the routed team and the rep get 404 and change nothing", async () => {
    const complaint = await newComplaint();
    for (const user of [southManager, deskMember, rep]) {
      expect((await openPage(user, complaint)).status).toBe(404);
      expect((await act(user, complaint, { intent: "acknowledge" })).status).toBe(404);
      expect((await act(user, complaint, { intent: "respond", response: "Hi" })).status).toBe(404);
    }
    expect(await reload(complaint)).toMatchObject({ status: "ESCALATED", version: 1, response: null });
    // A complaint that doesn't exist answers the same.
    const ref = "CMP-999999";
    const missing = await callLoader(manageRoute, getRequest(`/complaints/${ref}/manage`, { cookie: await cookieOf(southManager) }), {
      number: ref,
    });
    expect(missing.status).toBe(404);
  });

  test("managers above the routed team and admins may act; the page never carries the customer's contact details", async () => {
    const complaint = await newComplaint();
    const page = await openPage(ceo, complaint);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("Parcel arrived crushed");
    expect(text).not.toContain("carla@example.com");
    expect(text).not.toContain("Carla Customer");
    expect((await act(admin, complaint, { intent: "acknowledge" })).status).toBe(302);
  });
});
