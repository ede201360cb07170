// Every action on the request page: assign, change status (each transition and each refusal),
// reply and internal note (with double submits), promise, transfer; the conflict when two people
// act on the same version; who is told; and 404 with nothing changed for anyone who may not see
// the request, on every intent.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import type { Request as RequestRow, RequestStatus, RequestType, Team, User } from "~/generated/prisma/client";
import { addMember, createRequest, createRequestType, createTeam, createUser } from "../support/factories";
import { readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";
import { postToRequest, requestPageData } from "../support/request-page";

const DAY = 24 * 60 * 60 * 1000;

let it: Team, facilities: Team, sales: Team;
let laptop: RequestType, desk: RequestType, retiredType: RequestType;
let requester: User, colleague: User, agent: User, agent2: User, itManager: User, opsManager: User, retired: User;
let facilitiesAgent: User, facilitiesManager: User, outsider: User, admin: User;
const cookies = new Map<string, string>();

async function cookieOf(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await signInAs(user.id));
  return cookies.get(user.id)!;
}

async function post(user: User, request: RequestRow, fields: Record<string, string>) {
  return postToRequest(await cookieOf(user), request.number, fields);
}

function reload(request: RequestRow) {
  return prisma.request.findUniqueOrThrow({ where: { id: request.id } });
}

async function version(request: RequestRow) {
  return String((await reload(request)).version);
}

async function eventsOf(request: RequestRow) {
  return prisma.requestEvent.findMany({ where: { requestId: request.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

/** Who was told what about this request, as "name: KIND", sorted. */
async function toldAbout(request: RequestRow) {
  const rows = await prisma.notification.findMany({
    where: { requestId: request.id },
    select: { kind: true, user: { select: { name: true } } },
  });
  return rows.map((n) => `${n.user.name}: ${n.kind}`).sort();
}

/** Everything an action could change about a request. */
async function snapshot(request: RequestRow) {
  const [row, comments, events, notifications, emails] = await Promise.all([
    reload(request),
    prisma.comment.count({ where: { requestId: request.id } }),
    prisma.requestEvent.count({ where: { requestId: request.id } }),
    prisma.notification.count({ where: { requestId: request.id } }),
    prisma.outboundEmail.count(),
  ]);
  return { row, comments, events, notifications, emails };
}

function newItRequest(options: Parameters<typeof createRequest>[0] = {}) {
  return createRequest({ requesterId: requester.id, requestingTeamId: sales.id, providerTeamId: it.id, typeId: laptop.id, ...options });
}

function daysFromNow(days: number) {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

beforeAll(async () => {
  const operations = await createTeam({ name: "Operations", slug: "operations" });
  it = await createTeam({ name: "IT", slug: "it", acceptsRequests: true, parentId: operations.id });
  facilities = await createTeam({ name: "Facilities", slug: "facilities", acceptsRequests: true });
  sales = await createTeam({ name: "Sales", slug: "sales" });
  const marketing = await createTeam({ name: "Marketing", slug: "marketing" });
  laptop = await createRequestType(it.id, { name: "New laptop" });
  desk = await createRequestType(facilities.id, { name: "Desk move" });
  retiredType = await createRequestType(facilities.id, { name: "Fax repair", active: false });

  requester = await createUser({ name: "Rita Requester" });
  colleague = await createUser({ name: "Colin Colleague" });
  agent = await createUser({ name: "Alex Agent" });
  agent2 = await createUser({ name: "Bea Agent" });
  itManager = await createUser({ name: "Mia Manager" });
  opsManager = await createUser({ name: "Otto Ops" });
  retired = await createUser({ name: "Ian Inactive", active: false });
  facilitiesAgent = await createUser({ name: "Fay Facilities" });
  facilitiesManager = await createUser({ name: "Fred Facilities" });
  outsider = await createUser({ name: "Olga Outsider" });
  admin = await createUser({ name: "Ada Admin", role: "ADMIN" });
  await addMember(requester.id, sales.id);
  await addMember(colleague.id, sales.id);
  await addMember(agent.id, it.id);
  await addMember(agent2.id, it.id);
  await addMember(itManager.id, it.id, "MANAGER");
  await addMember(retired.id, it.id);
  await addMember(opsManager.id, operations.id, "MANAGER");
  await addMember(facilitiesAgent.id, facilities.id);
  await addMember(facilitiesManager.id, facilities.id, "MANAGER");
  await addMember(outsider.id, marketing.id);
});

// ---------------------------------------------------------------------------------------------

describe("anyone who may not see the request", () => {
  type Fields = (request: RequestRow, v: string) => Record<string, string>;
  const SUBMISSIONS: Array<[string, Fields]> = [
    ["assign", (_r, v) => ({ intent: "assign", assigneeId: outsider.id, version: v })],
    ["status", (_r, v) => ({ intent: "status", to: "IN_PROGRESS", version: v })],
    ["status (cancel)", (_r, v) => ({ intent: "status", to: "CANCELLED", version: v })],
    ["reply", () => ({ intent: "reply", formToken: crypto.randomUUID(), body: "Let me in." })],
    ["note", () => ({ intent: "note", formToken: crypto.randomUUID(), body: "Psst." })],
    ["promise", (_r, v) => ({ intent: "promise", promisedAt: daysFromNow(3), reason: "Sure.", version: v })],
    ["transfer", (_r, v) => ({ intent: "transfer", toTeamId: facilities.id, typeId: desk.id, reason: "Mine now.", version: v })],
    ["an unknown intent", (_r, v) => ({ intent: "delete", version: v })],
  ];
  const cases = SUBMISSIONS.flatMap(([name, fields]) => [
    { who: "someone in another team", user: () => outsider, name, fields },
    { who: "another provider team", user: () => facilitiesAgent, name, fields },
  ]);

  test.each(cases)("gets 404 from $name as $who, and nothing changes", async ({ user, fields }) => {
    const request = await newItRequest();
    const before = await snapshot(request);
    const response = await post(user(), request, fields(request, String(request.version)));
    expect(response.status).toBe(404);
    expect(await snapshot(request)).toEqual(before);
  });

  test("signed out, is sent to sign in, and nothing changes", async () => {
    const request = await newItRequest();
    const before = await snapshot(request);
    const response = await postToRequest("", request.number, { intent: "reply", formToken: crypto.randomUUID(), body: "Hi" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
    expect(await snapshot(request)).toEqual(before);
  });

  test("gets 404 for a request number that doesn't exist", async () => {
    const response = await postToRequest(await cookieOf(agent), 987_654, { intent: "reply", formToken: crypto.randomUUID(), body: "Hi" });
    expect(response.status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------

describe("assigning", () => {
  test("to a teammate records it, tells them and shows who has it", async () => {
    const request = await newItRequest({ title: "Dock broken" });
    const response = await post(agent, request, { intent: "assign", assigneeId: agent2.id, version: String(request.version) });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/requests/REQ-${request.number}`);
    expect(await flashOf(response)).toEqual({ kind: "success", message: `REQ-${request.number} is assigned to Bea Agent.` });
    expect(await reload(request)).toMatchObject({ assigneeId: agent2.id, version: request.version + 1 });
    expect((await eventsOf(request)).at(-1)).toMatchObject({ kind: "ASSIGNED", actorId: agent.id, assigneeId: agent2.id });
    expect(await toldAbout(request)).toEqual(["Bea Agent: REQUEST_ASSIGNED"]);
    const notification = await prisma.notification.findFirstOrThrow({ where: { requestId: request.id } });
    expect(notification).toMatchObject({ title: `REQ-${request.number} is assigned to you`, link: `/requests/REQ-${request.number}` });
    expect((await requestPageData(await cookieOf(requester), request.number)).request.assignee).toEqual({
      id: agent2.id,
      name: "Bea Agent",
    });
  });

  test("to oneself needs no notification; unassigning clears it", async () => {
    const request = await newItRequest();
    const mine = await post(agent, request, { intent: "assign", assigneeId: agent.id, version: await version(request) });
    expect(await flashOf(mine)).toEqual({ kind: "success", message: `REQ-${request.number} is assigned to you.` });
    const cleared = await post(agent, request, { intent: "assign", assigneeId: "", version: await version(request) });
    expect(await flashOf(cleared)).toEqual({ kind: "success", message: `REQ-${request.number} is unassigned.` });
    expect(await reload(request)).toMatchObject({ assigneeId: null, version: request.version + 2 });
    expect((await eventsOf(request)).map((e) => [e.kind, e.assigneeId])).toEqual([
      ["CREATED", null],
      ["ASSIGNED", agent.id],
      ["ASSIGNED", null],
    ]);
    expect(await toldAbout(request)).toEqual([]);
  });

  test("a manager above the team may take it on themselves", async () => {
    const request = await newItRequest();
    const response = await post(opsManager, request, { intent: "assign", assigneeId: opsManager.id, version: await version(request) });
    expect(response.status).toBe(302);
    expect((await reload(request)).assigneeId).toBe(opsManager.id);
  });

  test.each([
    ["someone outside the team", () => outsider.id],
    ["a deactivated teammate", () => retired.id],
    ["someone who doesn't exist", () => "no-such-person"],
  ])("to %s is refused beside the field", async (_name, assigneeId) => {
    const request = await newItRequest();
    const before = await snapshot(request);
    const response = await post(agent, request, { intent: "assign", assigneeId: assigneeId(), version: String(request.version) });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response.clone(), "assigneeId")).toEqual(["Choose yourself or someone in the team handling the request."]);
    expect((await readJson<{ intent: string }>(response)).intent).toBe("assign");
    expect(await snapshot(request)).toEqual(before);
  });

  test("is only for the team handling the request", async () => {
    const request = await newItRequest();
    const before = await snapshot(request);
    for (const user of [requester, colleague]) {
      const response = await post(user, request, { intent: "assign", assigneeId: user.id, version: String(request.version) });
      expect(response.status).toBe(403);
      expect(await fieldErrors(response, "")).toEqual(["Only the team handling this request can assign it."]);
    }
    expect(await snapshot(request)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("changing the status", () => {
  interface Move {
    from: RequestStatus;
    to: RequestStatus;
    by: "agent" | "requester";
    flash: string;
    /** Who is told, besides nobody else. */
    told: string[];
    check?: (row: RequestRow) => void;
  }
  const MOVES: Move[] = [
    { from: "NEW", to: "IN_PROGRESS", by: "agent", flash: "is now in progress", told: ["Rita Requester: STATUS_CHANGED"] },
    {
      from: "IN_PROGRESS",
      to: "WAITING_ON_REQUESTER",
      by: "agent",
      flash: "is now waiting on requester",
      told: ["Rita Requester: STATUS_CHANGED"],
    },
    { from: "WAITING_ON_REQUESTER", to: "IN_PROGRESS", by: "agent", flash: "is now in progress", told: ["Rita Requester: STATUS_CHANGED"] },
    {
      from: "IN_PROGRESS",
      to: "RESOLVED",
      by: "agent",
      flash: "is now resolved",
      told: ["Rita Requester: RATING_REQUESTED"],
      check: (row) => expect(row.resolvedAt).toBeInstanceOf(Date),
    },
    {
      from: "WAITING_ON_REQUESTER",
      to: "RESOLVED",
      by: "agent",
      flash: "is now resolved",
      told: ["Rita Requester: RATING_REQUESTED"],
      check: (row) => expect(row.resolvedAt).toBeInstanceOf(Date),
    },
    // The requester's changes go to whoever has it (Bea here).
    { from: "WAITING_ON_REQUESTER", to: "IN_PROGRESS", by: "requester", flash: "is now in progress", told: ["Bea Agent: STATUS_CHANGED"] },
    {
      from: "RESOLVED",
      to: "CLOSED",
      by: "requester",
      flash: "is now closed",
      told: ["Bea Agent: STATUS_CHANGED"],
      check: (row) => expect(row.closedAt).toBeInstanceOf(Date),
    },
    {
      from: "NEW",
      to: "CANCELLED",
      by: "requester",
      flash: "is now cancelled",
      told: ["Bea Agent: STATUS_CHANGED"],
      check: (row) => expect(row.cancelledAt).toBeInstanceOf(Date),
    },
    {
      from: "IN_PROGRESS",
      to: "CANCELLED",
      by: "requester",
      flash: "is now cancelled",
      told: ["Bea Agent: STATUS_CHANGED"],
      check: (row) => expect(row.cancelledAt).toBeInstanceOf(Date),
    },
  ];

  test.each(MOVES)("$by moves it from $from to $to", async ({ from, to, by, flash, told, check }) => {
    const request = await newItRequest({ status: from, assigneeId: agent2.id });
    const response = await post(by === "agent" ? agent : requester, request, { intent: "status", to, version: String(request.version) });
    expect(response.status).toBe(302);
    expect(await flashOf(response)).toEqual({ kind: "success", message: `REQ-${request.number} ${flash}.` });
    const row = await reload(request);
    expect(row).toMatchObject({ status: to, version: request.version + 1 });
    check?.(row);
    expect((await eventsOf(request)).at(-1)).toMatchObject({ kind: "STATUS_CHANGED", fromStatus: from, toStatus: to });
    expect(await toldAbout(request)).toEqual(told);
  });

  test("a requester's change goes to the whole team when nobody has it yet", async () => {
    const request = await newItRequest();
    await post(requester, request, { intent: "status", to: "CANCELLED", version: String(request.version) });
    expect(await toldAbout(request)).toEqual([
      "Alex Agent: STATUS_CHANGED",
      "Bea Agent: STATUS_CHANGED",
      "Mia Manager: STATUS_CHANGED",
      // Deactivated people are not told.
    ]);
  });

  test("the team's first status change is its first response, recorded once", async () => {
    const request = await newItRequest();
    await post(agent, request, { intent: "status", to: "IN_PROGRESS", version: await version(request) });
    const first = (await reload(request)).firstResponseAt;
    expect(first).toBeInstanceOf(Date);
    await post(agent, request, { intent: "status", to: "WAITING_ON_REQUESTER", version: await version(request) });
    expect((await reload(request)).firstResponseAt).toEqual(first);
  });

  test("the requester's own changes are not a response", async () => {
    const request = await newItRequest();
    await post(requester, request, { intent: "status", to: "CANCELLED", version: await version(request) });
    expect((await reload(request)).firstResponseAt).toBeNull();
  });

  const REFUSALS: Array<{ from: RequestStatus; to: string; by: "agent" | "requester"; message: string; resolvedDaysAgo?: number }> = [
    { from: "NEW", to: "RESOLVED", by: "agent", message: "A request can't go from new to resolved." },
    { from: "NEW", to: "WAITING_ON_REQUESTER", by: "agent", message: "A request can't go from new to waiting on requester." },
    { from: "IN_PROGRESS", to: "IN_PROGRESS", by: "agent", message: "The request is already in progress." },
    { from: "RESOLVED", to: "CLOSED", by: "agent", message: "Only the person who raised it can do that.", resolvedDaysAgo: 1 },
    { from: "RESOLVED", to: "IN_PROGRESS", by: "agent", message: "Only the person who raised it can do that.", resolvedDaysAgo: 1 },
    { from: "NEW", to: "CANCELLED", by: "agent", message: "Only the person who raised it can do that." },
    { from: "CLOSED", to: "IN_PROGRESS", by: "agent", message: "Only the person who raised it can do that.", resolvedDaysAgo: 8 },
    {
      from: "CLOSED",
      to: "IN_PROGRESS",
      by: "requester",
      message: "A request can be reopened only within 14 days of being resolved. Raise a new request instead.",
      resolvedDaysAgo: 15,
    },
    { from: "NEW", to: "IN_PROGRESS", by: "requester", message: "Only the team handling it can do that." },
    { from: "IN_PROGRESS", to: "RESOLVED", by: "requester", message: "Only the team handling it can do that." },
    {
      from: "WAITING_ON_REQUESTER",
      to: "CANCELLED",
      by: "requester",
      message: "A request can't go from waiting on requester to cancelled.",
    },
    { from: "CANCELLED", to: "IN_PROGRESS", by: "requester", message: "A request can't go from cancelled to in progress." },
    {
      from: "RESOLVED",
      to: "IN_PROGRESS",
      by: "requester",
      resolvedDaysAgo: 15,
      message: "A request can be reopened only within 14 days of being resolved. Raise a new request instead.",
    },
    { from: "NEW", to: "DONE", by: "agent", message: "Choose what should happen to the request." },
  ];

  test.each(REFUSALS)("$by can't move it from $from to $to: 400 with the reason beside the buttons", async (refusal) => {
    const resolvedAt = refusal.resolvedDaysAgo ? new Date(Date.now() - refusal.resolvedDaysAgo * DAY) : undefined;
    const request = await newItRequest({ status: refusal.from, resolvedAt });
    const before = await snapshot(request);
    const user = refusal.by === "agent" ? agent : requester;
    const response = await post(user, request, { intent: "status", to: refusal.to, version: String(request.version) });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "to")).toEqual([refusal.message]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("someone who can only read it (the requester's colleague) can't change it", async () => {
    const request = await newItRequest();
    const before = await snapshot(request);
    const response = await post(colleague, request, { intent: "status", to: "CANCELLED", version: String(request.version) });
    expect(response.status).toBe(403);
    expect(await fieldErrors(response, "")).toEqual(["Only the person who raised it or the team handling it can change its status."]);
    expect(await snapshot(request)).toEqual(before);
  });
});

describe("reopening", () => {
  test("within 14 days of resolution puts it back in progress, counts it and clears the resolution", async () => {
    const request = await newItRequest({ status: "RESOLVED", resolvedAt: new Date(Date.now() - 13 * DAY), assigneeId: agent.id });
    const response = await post(requester, request, { intent: "status", to: "IN_PROGRESS", version: String(request.version) });
    expect(await flashOf(response)).toEqual({ kind: "success", message: `REQ-${request.number} is reopened.` });
    expect(await reload(request)).toMatchObject({ status: "IN_PROGRESS", reopenCount: 1, resolvedAt: null });
    expect((await eventsOf(request)).at(-1)).toMatchObject({
      kind: "REOPENED",
      actorId: requester.id,
      fromStatus: "RESOLVED",
      toStatus: "IN_PROGRESS",
    });
    expect(await toldAbout(request)).toEqual(["Alex Agent: STATUS_CHANGED"]);
    const page = await requestPageData(await cookieOf(requester), request.number);
    expect(page.request.reopenCount).toBe(1);
    expect(page.timeline.at(-1)?.kind).toBe("REOPENED");
  });

  test("still works after the 7-day auto-close, until day 14", async () => {
    const resolvedAt = new Date(Date.now() - 10 * DAY);
    const request = await newItRequest({ status: "CLOSED", resolvedAt, closedAt: new Date(resolvedAt.getTime() + 7 * DAY) });
    const response = await post(requester, request, { intent: "status", to: "IN_PROGRESS", version: String(request.version) });
    expect(await flashOf(response)).toEqual({ kind: "success", message: `REQ-${request.number} is reopened.` });
    expect(await reload(request)).toMatchObject({ status: "IN_PROGRESS", reopenCount: 1, resolvedAt: null, closedAt: null });
  });

  test("is offered only while the window is open", async () => {
    const recent = await newItRequest({ status: "RESOLVED", resolvedAt: new Date(Date.now() - 2 * DAY) });
    const old = await newItRequest({ status: "RESOLVED", resolvedAt: new Date(Date.now() - 20 * DAY) });
    const offered = async (r: RequestRow) => (await requestPageData(await cookieOf(requester), r.number)).transitions.map((t) => t.action);
    expect(await offered(recent)).toEqual(["Confirm and close", "Reopen"]);
    expect(await offered(old)).toEqual(["Confirm and close"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("replying", () => {
  test("by the team: a public reply, the first response, and the requester is told", async () => {
    const request = await newItRequest({ assigneeId: agent.id });
    const response = await post(agent, request, { intent: "reply", formToken: crypto.randomUUID(), body: "Which model do you need?" });
    expect(response.status).toBe(302);
    expect(await flashOf(response)).toEqual({ kind: "success", message: "Reply sent." });
    const comments = await prisma.comment.findMany({ where: { requestId: request.id } });
    expect(comments).toMatchObject([{ authorId: agent.id, body: "Which model do you need?", internal: false }]);
    expect((await eventsOf(request)).at(-1)).toMatchObject({ kind: "COMMENTED", commentId: comments[0]!.id });
    const row = await reload(request);
    expect(row.firstResponseAt).toBeInstanceOf(Date);
    // A reply doesn't change the request itself: forms opened before it still work.
    expect(row.version).toBe(request.version);
    expect(await toldAbout(request)).toEqual(["Rita Requester: REQUEST_REPLY"]);
    const notification = await prisma.notification.findFirstOrThrow({ where: { requestId: request.id } });
    expect(notification.body).toBe("Alex Agent: Which model do you need?");

    const first = row.firstResponseAt;
    await post(agent2, request, { intent: "reply", formToken: crypto.randomUUID(), body: "And which colour?" });
    expect((await reload(request)).firstResponseAt).toEqual(first);
    const started = await post(agent, request, { intent: "status", to: "IN_PROGRESS", version: String(request.version) });
    expect(started.status).toBe(302);
  });

  test("by the requester: goes to the assignee, or to the whole team when nobody has it", async () => {
    const assigned = await newItRequest({ assigneeId: agent2.id });
    await post(requester, assigned, { intent: "reply", formToken: crypto.randomUUID(), body: "Any news?" });
    expect(await toldAbout(assigned)).toEqual(["Bea Agent: REQUEST_REPLY"]);
    expect((await reload(assigned)).firstResponseAt).toBeNull();

    const unassigned = await newItRequest();
    await post(requester, unassigned, { intent: "reply", formToken: crypto.randomUUID(), body: "Any news?" });
    expect(await toldAbout(unassigned)).toEqual(["Alex Agent: REQUEST_REPLY", "Bea Agent: REQUEST_REPLY", "Mia Manager: REQUEST_REPLY"]);
  });

  test("by the requester while the team waits on them puts it back in progress", async () => {
    const request = await newItRequest({ status: "WAITING_ON_REQUESTER", assigneeId: agent.id });
    await post(requester, request, { intent: "reply", formToken: crypto.randomUUID(), body: "The 14-inch one, please." });
    expect(await reload(request)).toMatchObject({ status: "IN_PROGRESS", version: request.version + 1 });
    expect((await eventsOf(request)).slice(-2).map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ["COMMENTED", null, null],
      ["STATUS_CHANGED", "WAITING_ON_REQUESTER", "IN_PROGRESS"],
    ]);
  });

  test("by a colleague of the requester: allowed, and both the requester and the team hear of it", async () => {
    const request = await newItRequest({ assigneeId: agent.id, status: "WAITING_ON_REQUESTER" });
    const response = await post(colleague, request, {
      intent: "reply",
      formToken: crypto.randomUUID(),
      body: "Rita is away; I can answer.",
    });
    expect(response.status).toBe(302);
    expect(await toldAbout(request)).toEqual(["Alex Agent: REQUEST_REPLY", "Rita Requester: REQUEST_REPLY"]);
    // Only the requester's own answer moves it back.
    expect((await reload(request)).status).toBe("WAITING_ON_REQUESTER");
  });

  test.each([
    ["empty", "", "Write your reply before sending it."],
    ["only spaces", "   \n  ", "Write your reply before sending it."],
    ["over 20,000 characters", "x".repeat(20_001), "Keep it under 20,000 characters."],
  ])("that is %s is refused beside the field, keeping what was typed", async (_name, body, message) => {
    const request = await newItRequest();
    const before = await snapshot(request);
    const response = await post(requester, request, { intent: "reply", formToken: crypto.randomUUID(), body });
    expect(response.status).toBe(400);
    const reply = await formReply(response);
    expect(reply.error?.body).toEqual([message]);
    if (body.trim()) expect(reply.initialValue?.body).toBe(body);
    expect(await snapshot(request)).toEqual(before);
  });

  test("exactly 20,000 characters is fine", async () => {
    const request = await newItRequest();
    const response = await post(requester, request, { intent: "reply", formToken: crypto.randomUUID(), body: "y".repeat(20_000) });
    expect(response.status).toBe(302);
  });

  test("submitted twice (the same form) adds one reply", async () => {
    const request = await newItRequest();
    const fields = { intent: "reply", formToken: crypto.randomUUID(), body: "Thanks!" };
    const first = await post(requester, request, fields);
    const second = await post(requester, request, fields);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(await flashOf(second)).toEqual({ kind: "success", message: "Reply sent." });
    expect(await prisma.comment.count({ where: { requestId: request.id } })).toBe(1);
    expect(await prisma.requestEvent.count({ where: { requestId: request.id, kind: "COMMENTED" } })).toBe(1);
    expect(await toldAbout(request)).toHaveLength(3);
  });

  test("submitted twice at the same moment adds one reply", async () => {
    const request = await newItRequest();
    const fields = { intent: "reply", formToken: crypto.randomUUID(), body: "Double click" };
    const responses = await Promise.all([
      post(requester, request, fields),
      post(requester, request, fields),
      post(requester, request, fields),
    ]);
    expect(responses.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(await prisma.comment.count({ where: { requestId: request.id } })).toBe(1);
  });

  test("two people replying at once both get their reply in", async () => {
    const request = await newItRequest();
    const [a, b] = await Promise.all([
      post(agent, request, { intent: "reply", formToken: crypto.randomUUID(), body: "From Alex" }),
      post(requester, request, { intent: "reply", formToken: crypto.randomUUID(), body: "From Rita" }),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await prisma.comment.count({ where: { requestId: request.id } })).toBe(2);
  });
});

describe("internal notes", () => {
  test("are added by the team, seen by nobody else, and are not a response", async () => {
    const request = await newItRequest({ assigneeId: agent.id });
    const response = await post(agent2, request, { intent: "note", formToken: crypto.randomUUID(), body: "Check the asset register." });
    expect(await flashOf(response)).toEqual({ kind: "success", message: "Internal note added." });
    expect(await prisma.comment.findMany({ where: { requestId: request.id } })).toMatchObject([{ internal: true, authorId: agent2.id }]);
    expect((await eventsOf(request)).at(-1)?.kind).toBe("NOTE_ADDED");
    const row = await reload(request);
    expect(row.firstResponseAt).toBeNull();
    expect(await toldAbout(request)).toEqual([]);
  });

  test("can't be added by the requester or their colleagues", async () => {
    const request = await newItRequest();
    const before = await snapshot(request);
    for (const user of [requester, colleague]) {
      const response = await post(user, request, { intent: "note", formToken: crypto.randomUUID(), body: "Sneaky" });
      expect(response.status).toBe(403);
      expect(await fieldErrors(response, "")).toEqual(["Only the team handling this request can add internal notes."]);
    }
    expect(await snapshot(request)).toEqual(before);
  });

  test("submitted twice add one note", async () => {
    const request = await newItRequest();
    const fields = { intent: "note", formToken: crypto.randomUUID(), body: "Once" };
    await post(agent, request, fields);
    await post(agent, request, fields);
    expect(await prisma.comment.count({ where: { requestId: request.id } })).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe("promising a date", () => {
  test("records it with the reason, shows it, and tells the requester; a change does the same", async () => {
    const request = await newItRequest({ status: "IN_PROGRESS" });
    const date = daysFromNow(5);
    const set = await post(agent, request, {
      intent: "promise",
      promisedAt: date,
      reason: "Stock arrives Tuesday.",
      version: await version(request),
    });
    expect(await flashOf(set)).toEqual({ kind: "success", message: "Promise recorded; the requester has been told." });
    expect((await reload(request)).promisedAt?.toISOString().slice(0, 10)).toBe(date);

    const later = daysFromNow(9);
    const changed = await post(agent, request, {
      intent: "promise",
      promisedAt: later,
      reason: "Supplier delayed.",
      version: await version(request),
    });
    expect(await flashOf(changed)).toEqual({ kind: "success", message: "Promise changed; the requester has been told." });

    const promises = (await eventsOf(request)).filter((e) => e.kind === "PROMISE_SET");
    expect(promises.map((e) => [e.promisedAt?.toISOString().slice(0, 10), e.reason])).toEqual([
      [date, "Stock arrives Tuesday."],
      [later, "Supplier delayed."],
    ]);
    expect(await toldAbout(request)).toEqual(["Rita Requester: PROMISE_CHANGED", "Rita Requester: PROMISE_CHANGED"]);
    const titles = (await prisma.notification.findMany({ where: { requestId: request.id }, orderBy: { createdAt: "asc" } })).map(
      (n) => n.title,
    );
    expect(titles[1]).toMatch(new RegExp(`^REQ-${request.number} is now promised by `));
    expect((await requestPageData(await cookieOf(requester), request.number)).request.promisedAt).toBe(later);
  });

  test.each([
    ["a past date", () => ({ promisedAt: daysFromNow(-1), reason: "Oops" }), "promisedAt", "The promised date can't be in the past."],
    ["no date", () => ({ promisedAt: "", reason: "Soon" }), "promisedAt", "Choose the date you promise it by."],
    ["a date that isn't one", () => ({ promisedAt: "next week", reason: "Soon" }), "promisedAt", "Enter a date like 2026-12-24."],
    [
      "no reason",
      () => ({ promisedAt: daysFromNow(2), reason: "  " }),
      "reason",
      "Say briefly why you promise this date (the requester sees it).",
    ],
    [
      "a reason over 500 characters",
      () => ({ promisedAt: daysFromNow(2), reason: "r".repeat(501) }),
      "reason",
      "Keep the reason under 500 characters.",
    ],
  ])("with %s is refused beside the field, keeping what was typed", async (_name, input, field, message) => {
    const request = await newItRequest();
    const before = await snapshot(request);
    const fields = { intent: "promise", version: String(request.version), ...input() };
    const response = await post(agent, request, fields);
    expect(response.status).toBe(400);
    const reply = await formReply(response);
    expect(reply.error?.[field]).toEqual([message]);
    if (fields.reason.trim()) expect(reply.initialValue?.reason).toBe(fields.reason);
    expect(await snapshot(request)).toEqual(before);
  });

  test("is only for the team handling the request", async () => {
    const request = await newItRequest();
    const response = await post(requester, request, {
      intent: "promise",
      promisedAt: daysFromNow(2),
      reason: "Please",
      version: String(request.version),
    });
    expect(response.status).toBe(403);
    expect((await reload(request)).promisedAt).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

describe("transferring", () => {
  test("moves it to the new team with its number, history and clocks, and tells them and the requester", async () => {
    const request = await newItRequest({ status: "IN_PROGRESS", assigneeId: agent.id });
    await post(agent, request, { intent: "reply", formToken: crypto.randomUUID(), body: "Looking." });
    const response = await post(agent, request, {
      intent: "transfer",
      toTeamId: facilities.id,
      typeId: desk.id,
      reason: "It's the desk, not the laptop.",
      version: await version(request),
    });
    // Alex is no longer in the team handling it, so can't see it: home, with the news.
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(await flashOf(response)).toEqual({ kind: "success", message: `REQ-${request.number} is transferred to Facilities.` });

    const row = await reload(request);
    expect(row).toMatchObject({
      number: request.number,
      providerTeamId: facilities.id,
      typeId: desk.id,
      assigneeId: null,
      transferCount: 1,
      status: "IN_PROGRESS",
      firstResponseDueAt: request.firstResponseDueAt,
      resolutionDueAt: request.resolutionDueAt,
    });
    expect((await eventsOf(request)).at(-1)).toMatchObject({
      kind: "TRANSFERRED",
      actorId: agent.id,
      fromTeamId: it.id,
      toTeamId: facilities.id,
      reason: "It's the desk, not the laptop.",
    });
    expect((await toldAbout(request)).filter((t) => t.endsWith("REQUEST_TRANSFERRED"))).toEqual([
      "Fay Facilities: REQUEST_TRANSFERRED",
      "Fred Facilities: REQUEST_TRANSFERRED",
      "Rita Requester: REQUEST_TRANSFERRED",
    ]);
    const page = await requestPageData(await cookieOf(facilitiesAgent), request.number);
    expect(page.timeline.map((e) => e.kind)).toEqual(["CREATED", "COMMENTED", "TRANSFERRED"]);
  });

  test("by someone who can still see it afterwards brings them back to the page", async () => {
    const request = await newItRequest();
    const response = await post(admin, request, {
      intent: "transfer",
      toTeamId: facilities.id,
      typeId: desk.id,
      reason: "Theirs.",
      version: await version(request),
    });
    expect(response.headers.get("Location")).toBe(`/requests/REQ-${request.number}`);
  });

  test.each([
    ["the same team", () => ({ toTeamId: it.id, typeId: laptop.id }), "toTeamId", "It's already with this team."],
    [
      "a team that doesn't exist",
      () => ({ toTeamId: "no-such-team", typeId: desk.id }),
      "toTeamId",
      "Choose a team from the list: that one doesn't take requests.",
    ],
    [
      "a team that takes no requests",
      () => ({ toTeamId: sales.id, typeId: desk.id }),
      "toTeamId",
      "Choose a team from the list: that one doesn't take requests.",
    ],
    [
      "a type of another team",
      () => ({ toTeamId: facilities.id, typeId: laptop.id }),
      "typeId",
      "Choose one of Facilities's request types.",
    ],
    [
      "a type that doesn't exist",
      () => ({ toTeamId: facilities.id, typeId: "nope" }),
      "typeId",
      "Choose one of Facilities's request types.",
    ],
    [
      "a type no longer offered",
      () => ({ toTeamId: facilities.id, typeId: retiredType.id }),
      "typeId",
      'Facilities no longer offers "Fax repair". Choose another type.',
    ],
    ["no team", () => ({ toTeamId: "", typeId: desk.id }), "toTeamId", "Choose the team to transfer it to."],
    ["no type", () => ({ toTeamId: facilities.id, typeId: "" }), "typeId", "Choose one of that team's request types."],
  ])("to %s is refused beside the field", async (_name, target, field, message) => {
    const request = await newItRequest();
    const before = await snapshot(request);
    const response = await post(agent, request, { intent: "transfer", reason: "Because.", version: String(request.version), ...target() });
    expect(response.status).toBe(400);
    const reply = await formReply(response);
    expect(reply.error?.[field]).toEqual([message]);
    expect(reply.initialValue?.reason).toBe("Because.");
    expect(await snapshot(request)).toEqual(before);
  });

  test("needs a reason", async () => {
    const request = await newItRequest();
    const response = await post(agent, request, {
      intent: "transfer",
      toTeamId: facilities.id,
      typeId: desk.id,
      reason: "",
      version: String(request.version),
    });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "reason")).toEqual(["Say why it belongs with that team (the requester sees it)."]);
    expect((await reload(request)).providerTeamId).toBe(it.id);
  });

  test("is only for the team handling the request, and only while it is open", async () => {
    const request = await newItRequest();
    const asRequester = await post(requester, request, {
      intent: "transfer",
      toTeamId: facilities.id,
      typeId: desk.id,
      reason: "Faster?",
      version: String(request.version),
    });
    expect(asRequester.status).toBe(403);
    const done = await newItRequest({ status: "RESOLVED" });
    const late = await post(agent, done, {
      intent: "transfer",
      toTeamId: facilities.id,
      typeId: desk.id,
      reason: "Hmm",
      version: String(done.version),
    });
    expect(late.status).toBe(400);
    expect(await fieldErrors(late, "toTeamId")).toEqual(["The request is resolved: it can't be transferred now."]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("two people acting on the same version", () => {
  test("the second gets a conflict with the current state, not a silent overwrite", async () => {
    const request = await newItRequest();
    const opened = String(request.version);
    const first = await post(agent, request, { intent: "assign", assigneeId: agent.id, version: opened });
    expect(first.status).toBe(302);

    const before = await snapshot(request);
    const stale: Array<Record<string, string>> = [
      { intent: "status", to: "IN_PROGRESS", version: opened },
      { intent: "assign", assigneeId: agent2.id, version: opened },
      { intent: "promise", promisedAt: daysFromNow(3), reason: "Friday", version: opened },
      { intent: "transfer", toTeamId: facilities.id, typeId: desk.id, reason: "Theirs", version: opened },
    ];
    for (const fields of stale) {
      const response = await post(itManager, request, fields);
      expect(response.status, fields.intent).toBe(409);
      const body = await readJson<{ intent: string; result: { error: Record<string, string[]> }; current: Record<string, unknown> }>(
        response,
      );
      expect(body.intent).toBe(fields.intent);
      expect(body.result.error[""]).toEqual([
        "This request changed since you opened it. The page now shows its current state: check it, then try again.",
      ]);
      expect(body.current).toEqual({
        version: request.version + 1,
        status: "NEW",
        assignee: "Alex Agent",
        providerTeam: "IT",
        promisedAt: null,
      });
    }
    expect(await snapshot(request)).toEqual(before);

    // With the current version the same change goes through.
    const retry = await post(itManager, request, { intent: "status", to: "IN_PROGRESS", version: String(request.version + 1) });
    expect(retry.status).toBe(302);
  });

  test("the requester's stale cancel is a conflict too", async () => {
    const request = await newItRequest();
    await post(agent, request, { intent: "status", to: "IN_PROGRESS", version: String(request.version) });
    await post(agent, request, { intent: "status", to: "WAITING_ON_REQUESTER", version: String(request.version + 1) });
    const response = await post(requester, request, { intent: "status", to: "CANCELLED", version: String(request.version) });
    expect(response.status).toBe(409);
    expect((await reload(request)).status).toBe("WAITING_ON_REQUESTER");
  });

  test("submitted at the same moment, exactly one wins", async () => {
    const request = await newItRequest();
    const v = String(request.version);
    const responses = await Promise.all([
      post(agent, request, { intent: "assign", assigneeId: agent.id, version: v }),
      post(agent2, request, { intent: "assign", assigneeId: agent2.id, version: v }),
      post(itManager, request, { intent: "status", to: "IN_PROGRESS", version: v }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([302, 409, 409]);
    expect((await reload(request)).version).toBe(request.version + 1);
    expect((await eventsOf(request)).length).toBe(2);
  });

  test("a stale or missing version is refused rather than guessed", async () => {
    const request = await newItRequest();
    const missing = await post(agent, request, { intent: "assign", assigneeId: agent.id });
    expect(missing.status).toBe(400);
    expect(await fieldErrors(missing, "version")).toEqual(["Reload the page and try again."]);
    const future = await post(agent, request, { intent: "assign", assigneeId: agent.id, version: String(request.version + 5) });
    expect(future.status).toBe(409);
  });
});

describe("extra fields", () => {
  test("that the form doesn't offer are ignored", async () => {
    const request = await newItRequest();
    const response = await post(requester, request, {
      intent: "reply",
      formToken: crypto.randomUUID(),
      body: "Just a reply",
      internal: "true",
      authorId: agent.id,
      status: "CLOSED",
      providerTeamId: facilities.id,
    });
    expect(response.status).toBe(302);
    const comment = await prisma.comment.findFirstOrThrow({ where: { requestId: request.id } });
    expect(comment).toMatchObject({ internal: false, authorId: requester.id });
    expect(await reload(request)).toMatchObject({ status: "NEW", providerTeamId: it.id });
  });

  test("an unknown intent is refused", async () => {
    const request = await newItRequest();
    const response = await post(agent, request, { intent: "delete" });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "")).toEqual(["That form isn't one this page knows. Reload the page and try again."]);
  });
});
