// The request page (/requests/REQ-n): what each person sees — the facts, SLA clocks, transfers
// and the timeline — and that internal notes never reach anyone outside the team handling the
// request, not even inside the page's data. Anyone who may not see a request gets 404.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { createRequest as raiseRequest } from "~/models/request-create.server";
import { transferSummary, reopenSummary } from "~/components/request-transfer-path";
import type { Request as RequestRow, RequestType, Team, User } from "~/generated/prisma/client";
import { addMember, createRequest, createRequestType, createTeam, createUser } from "../support/factories";
import { readJson, signInAs } from "../support/http";
import { openRequestPage, postToRequest, requestPageData } from "../support/request-page";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let it: Team, facilities: Team, sales: Team;
let laptop: RequestType, desk: RequestType;
let requester: User, colleague: User, agent: User, itManager: User, opsManager: User, facilitiesAgent: User, outsider: User, admin: User;
const cookies = new Map<string, string>();

async function cookieOf(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await signInAs(user.id));
  return cookies.get(user.id)!;
}

async function page(user: User, request: RequestRow) {
  return requestPageData(await cookieOf(user), request.number);
}

async function versionOf(request: RequestRow) {
  return String((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).version);
}

/** Posts a form and insists it went through (a redirect), as the next steps depend on it. */
async function act(user: User, request: RequestRow, fields: Record<string, string>) {
  const response = await postToRequest(await cookieOf(user), request.number, fields);
  if (response.status !== 302) throw new Error(`${fields.intent} answered ${response.status}: ${await response.text()}`);
}

function newItRequest(options: Parameters<typeof createRequest>[0] = {}) {
  return createRequest({ requesterId: requester.id, requestingTeamId: sales.id, providerTeamId: it.id, typeId: laptop.id, ...options });
}

beforeAll(async () => {
  const operations = await createTeam({ name: "Operations", slug: "operations" });
  it = await createTeam({ name: "IT", slug: "it", acceptsRequests: true, parentId: operations.id });
  facilities = await createTeam({ name: "Facilities", slug: "facilities", acceptsRequests: true });
  sales = await createTeam({ name: "Sales", slug: "sales" });
  const marketing = await createTeam({ name: "Marketing", slug: "marketing" });
  laptop = await createRequestType(it.id, { name: "New laptop", firstResponseTargetMinutes: 4 * 60, resolutionTargetMinutes: 8 * 60 });
  desk = await createRequestType(facilities.id, { name: "Desk move" });

  requester = await createUser({ name: "Rita Requester" });
  colleague = await createUser({ name: "Colin Colleague" });
  agent = await createUser({ name: "Alex Agent" });
  itManager = await createUser({ name: "Mia Manager" });
  opsManager = await createUser({ name: "Otto Ops" });
  facilitiesAgent = await createUser({ name: "Fay Facilities" });
  outsider = await createUser({ name: "Olga Outsider" });
  admin = await createUser({ name: "Ada Admin", role: "ADMIN" });
  await addMember(requester.id, sales.id);
  await addMember(colleague.id, sales.id);
  await addMember(agent.id, it.id);
  await addMember(itManager.id, it.id, "MANAGER");
  await addMember(opsManager.id, operations.id, "MANAGER");
  await addMember(facilitiesAgent.id, facilities.id);
  await addMember(outsider.id, marketing.id);
});

describe("the request page", () => {
  test("shows the requester their request: facts, clocks and what they may do", async () => {
    const raised = await raiseRequest(
      requester,
      {
        formToken: "page-test-token-1",
        providerTeamId: it.id,
        typeId: laptop.id,
        title: "Laptop for Sam",
        body: "Sam starts Monday.",
        dueAt: "2099-01-15",
        requestingTeamId: sales.id,
      },
      new Date(Date.now() - 5 * HOUR),
    );
    const data = await requestPageData(await cookieOf(requester), raised.number);

    expect(data.request).toMatchObject({
      ref: `REQ-${raised.number}`,
      title: "Laptop for Sam",
      body: "Sam starts Monday.",
      status: "NEW",
      priority: "NORMAL",
      requester: { name: "Rita Requester" },
      requestingTeam: { name: "Sales" },
      providerTeam: { name: "IT" },
      type: { name: "New laptop" },
      assignee: null,
      dueAt: "2099-01-15",
      promisedAt: null,
      transferCount: 0,
      reopenCount: 0,
    });
    // Created 5 h ago against a 4 h first-response and an 8 h resolution target.
    expect(data.clocks.firstResponse.state).toEqual({ kind: "overdue", text: "Overdue by 1 h" });
    expect(data.clocks.resolution.state).toMatchObject({ kind: "running", text: "Due in 2 h 59 min", warning: false });
    expect(data.timeline.map((e) => [e.kind, e.actor])).toEqual([["CREATED", "Rita Requester"]]);
    expect(data.viewer).toMatchObject({ provider: false, requester: true, seesNotes: false });
    expect(data.transitions).toEqual([{ to: "CANCELLED", action: "Cancel request" }]);
    // The team's tools are not sent to the requester at all.
    expect(data.assignees).toEqual([]);
    expect(data.transferTeams).toEqual([]);
    expect(data.formToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("is found by REQ-n, req-n and the bare number", async () => {
    const request = await newItRequest({ title: "Find me" });
    const cookie = await cookieOf(requester);
    for (const ref of [`REQ-${request.number}`, `req-${request.number}`, String(request.number)]) {
      const response = await openRequestPage(cookie, request.number, ref);
      expect(response.status, ref).toBe(200);
      expect((await readJson<{ request: { title: string } }>(response)).request.title).toBe("Find me");
    }
  });

  test("answers 404 for unknown and malformed numbers, and for anyone who may not see the request", async () => {
    const request = await newItRequest();
    expect((await openRequestPage(await cookieOf(requester), 999_999)).status).toBe(404);
    for (const ref of ["REQ-abc", "REQ-", "12abc", "-1", "REQ-1234567890"]) {
      expect((await openRequestPage(await cookieOf(requester), request.number, ref)).status, ref).toBe(404);
    }
    // Another team, and another provider team, see nothing — not even that it exists.
    expect((await openRequestPage(await cookieOf(outsider), request.number)).status).toBe(404);
    expect((await openRequestPage(await cookieOf(facilitiesAgent), request.number)).status).toBe(404);
  });

  test("sends people who aren't signed in to sign in", async () => {
    const request = await newItRequest();
    const response = await openRequestPage("", request.number);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=%2Frequests%2FREQ-${request.number}`);
  });

  test("opens for the requesting team, the team handling it, its managers (also from above) and admins", async () => {
    const request = await newItRequest();
    const viewers: Array<[User, { provider: boolean; requester: boolean }]> = [
      [colleague, { provider: false, requester: false }],
      [agent, { provider: true, requester: false }],
      [itManager, { provider: true, requester: false }],
      [opsManager, { provider: true, requester: false }],
      [admin, { provider: true, requester: false }],
    ];
    for (const [user, role] of viewers) {
      const data = await page(user, request);
      expect(data.viewer, user.name).toMatchObject({ ...role, seesNotes: role.provider });
    }
    const forAgent = await page(agent, request);
    expect(forAgent.transitions).toEqual([{ to: "IN_PROGRESS", action: "Start work" }]);
    expect(forAgent.assignees.map((a) => a.name)).toEqual(["Alex Agent", "Mia Manager"]);
    expect(forAgent.transferTeams).toEqual([{ id: facilities.id, name: "Facilities", types: [{ id: desk.id, name: "Desk move" }] }]);
    // A manager from above can assign to themselves as well as to the team.
    expect((await page(opsManager, request)).assignees.map((a) => a.name)).toEqual(["Alex Agent", "Mia Manager", "Otto Ops"]);
    // A colleague of the requester may read and reply, nothing more.
    expect((await page(colleague, request)).transitions).toEqual([]);
  });
});

describe("the SLA clocks", () => {
  test("warn once 80% of the target has passed", async () => {
    const request = await newItRequest({ createdAt: new Date(Date.now() - 7 * HOUR), firstResponseAt: new Date(Date.now() - 6 * HOUR) });
    const { clocks } = await page(requester, request);
    expect(clocks.resolution.state).toMatchObject({ kind: "running", text: "Due in 59 min", warning: true });
    expect(clocks.resolution.targetMinutes).toBe(8 * 60);
  });

  test("say met or missed once done, and stop when the request is cancelled", async () => {
    const createdAt = new Date(Date.now() - 2 * DAY);
    const done = await newItRequest({
      createdAt,
      status: "RESOLVED",
      firstResponseAt: new Date(createdAt.getTime() + HOUR),
      resolvedAt: new Date(createdAt.getTime() + 10 * HOUR),
    });
    const { clocks } = await page(requester, done);
    expect(clocks.firstResponse.state).toEqual({ kind: "met", text: "Met (1 h)" });
    expect(clocks.resolution.state).toEqual({ kind: "missed", text: "Missed by 2 h" });

    const cancelled = await newItRequest({ createdAt, status: "CANCELLED", cancelledAt: new Date(createdAt.getTime() + HOUR) });
    const stopped = (await page(requester, cancelled)).clocks;
    expect(stopped.firstResponse.state).toEqual({ kind: "stopped", text: "Stopped" });
    expect(stopped.resolution.state).toEqual({ kind: "stopped", text: "Stopped" });
  });
});

describe("the timeline", () => {
  test("lists every event in order, with replies inline and transfers counted and shown as a path", async () => {
    const request = await newItRequest({ title: "Broken screen" });
    await act(agent, request, { intent: "assign", assigneeId: agent.id, version: await versionOf(request) });
    await act(agent, request, { intent: "status", to: "IN_PROGRESS", version: await versionOf(request) });
    await act(agent, request, { intent: "reply", formToken: "timeline-reply-1", body: "Which floor are you on?" });
    await act(agent, request, { intent: "note", formToken: "timeline-note-1", body: "Probably the docking station again." });
    await act(agent, request, {
      intent: "promise",
      promisedAt: "2099-02-01",
      reason: "Parts arrive next week.",
      version: await versionOf(request),
    });
    await act(agent, request, {
      intent: "transfer",
      toTeamId: facilities.id,
      typeId: desk.id,
      reason: "It's the desk's power socket.",
      version: await versionOf(request),
    });
    await act(facilitiesAgent, request, {
      intent: "transfer",
      toTeamId: it.id,
      typeId: laptop.id,
      reason: "The socket works; it's the laptop.",
      version: await versionOf(request),
    });

    const data = await page(requester, request);
    expect(data.timeline.map((e) => e.kind)).toEqual([
      "CREATED",
      "ASSIGNED",
      "STATUS_CHANGED",
      "COMMENTED",
      "PROMISE_SET",
      "TRANSFERRED",
      "TRANSFERRED",
    ]);
    const [, assigned, started, replied, promised, away, back] = data.timeline;
    expect(assigned).toMatchObject({ actor: "Alex Agent", assignee: "Alex Agent" });
    expect(started).toMatchObject({ fromStatus: "NEW", toStatus: "IN_PROGRESS" });
    expect(replied).toMatchObject({ actor: "Alex Agent", comment: { body: "Which floor are you on?", internal: false } });
    expect(promised).toMatchObject({ promisedAt: "2099-02-01", reason: "Parts arrive next week." });
    expect(away).toMatchObject({ actor: "Alex Agent", fromTeam: "IT", toTeam: "Facilities", reason: "It's the desk's power socket." });
    expect(back).toMatchObject({
      actor: "Fay Facilities",
      fromTeam: "Facilities",
      toTeam: "IT",
      reason: "The socket works; it's the laptop.",
    });
    const times = data.timeline.map((e) => e.at);
    expect([...times].sort()).toEqual(times);

    expect(data.transfers).toEqual({ count: 2, path: ["IT", "Facilities", "IT"] });
    expect(transferSummary(data.transfers.count, data.transfers.path)).toBe("Transferred twice: IT → Facilities → IT");
    expect(data.request).toMatchObject({ promisedAt: "2099-02-01", providerTeam: { name: "IT" }, assignee: null, status: "IN_PROGRESS" });

    // The team handling it sees the same history with its internal note in place.
    const forTeam = await page(agent, request);
    expect(forTeam.timeline.map((e) => e.kind)).toEqual([
      "CREATED",
      "ASSIGNED",
      "STATUS_CHANGED",
      "COMMENTED",
      "NOTE_ADDED",
      "PROMISE_SET",
      "TRANSFERRED",
      "TRANSFERRED",
    ]);
    expect(forTeam.timeline[4]).toMatchObject({ comment: { body: "Probably the docking station again.", internal: true } });
  });

  test("summarises transfers and reopens in words", () => {
    expect(transferSummary(0, [])).toBe("Never transferred");
    expect(transferSummary(1, ["IT", "Facilities"])).toBe("Transferred once: IT → Facilities");
    expect(transferSummary(3, ["IT", "Facilities", "HR", "IT"])).toBe("Transferred 3 times: IT → Facilities → HR → IT");
    expect(reopenSummary(0)).toBe("Never reopened");
    expect(reopenSummary(1)).toBe("Reopened once");
    expect(reopenSummary(2)).toBe("Reopened twice");
  });
});

describe("internal notes", () => {
  const SECRET = "Requester is on the watch list — check with HR first";

  test("never reach the requester or their team, not even as an event in the page's data", async () => {
    const request = await newItRequest();
    await act(agent, request, { intent: "reply", formToken: "privacy-reply-1", body: "On it." });
    await act(agent, request, { intent: "note", formToken: "privacy-note-1", body: SECRET });
    // A note that arrived without an event (e.g. imported) is held back just the same.
    await prisma.comment.create({
      data: { id: crypto.randomUUID(), requestId: request.id, authorId: itManager.id, body: `${SECRET} (imported)`, internal: true },
    });

    for (const user of [requester, colleague]) {
      const response = await openRequestPage(await cookieOf(user), request.number);
      expect(response.status).toBe(200);
      const raw = await response.text();
      expect(raw, user.name).not.toContain("watch list");
      expect(raw, user.name).not.toContain("NOTE_ADDED");
      expect(raw, user.name).not.toContain('"internal":true');
      const data = JSON.parse(raw) as Awaited<ReturnType<typeof page>>;
      expect(data.timeline.map((e) => e.kind)).toEqual(["CREATED", "COMMENTED"]);
    }

    for (const user of [agent, itManager, opsManager, admin]) {
      const notes = (await page(user, request)).timeline.filter((e) => e.comment?.internal).map((e) => e.comment?.body);
      expect(notes, user.name).toEqual([SECRET, `${SECRET} (imported)`]);
    }
  });

  test("travel with the request to the team it is transferred to, and still never reach the requester", async () => {
    const request = await newItRequest();
    await act(agent, request, { intent: "note", formToken: "transfer-note-1", body: SECRET });
    await act(agent, request, {
      intent: "transfer",
      toTeamId: facilities.id,
      typeId: desk.id,
      reason: "Theirs.",
      version: await versionOf(request),
    });
    // The new team works the request, so it reads the notes that came with it.
    const forFacilities = await page(facilitiesAgent, request);
    expect(forFacilities.timeline.some((e) => e.comment?.body === SECRET)).toBe(true);
    // The old team no longer handles it and can no longer open it.
    expect((await openRequestPage(await cookieOf(agent), request.number)).status).toBe(404);
    const raw = await (await openRequestPage(await cookieOf(requester), request.number)).text();
    expect(raw).not.toContain("watch list");
  });
});
