// Service recovery (issue 4): the provider team's managers (or managers above, or admins) take a
// case through acknowledge → apology → corrective action → close, each step on the timeline and
// told to the requester; members who are not managers see the case but may not act; the notes
// are for the requester and the provider side only. Managers list their teams' cases.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import type { Request as RequestRow, RequestType, Team, User } from "~/generated/prisma/client";
import * as recoveryList from "~/routes/recovery._index";
import * as home from "~/routes/_index";
import { addMember, createRequest, createRequestType, createTeam, createUser } from "../support/factories";
import { callLoader, getRequest, readJson } from "../support/http";
import { fieldErrors, flashOf } from "../support/replies";
import { requestPageData } from "../support/request-page";
import { cookieFor, createPoorlyRatedRequest, createServiceOrg, openRecoveryPage, postRecoveryStep } from "../support/rating-factories";

let it: Team;
let laptop: RequestType;
let requester: User, colleague: User, agent: User, itManager: User, opsManager: User, facilitiesManager: User, outsider: User, admin: User;
const cookieOf = cookieFor;
let itRequest: Awaited<ReturnType<typeof createServiceOrg>>["itRequest"];

function poorItRequest(options: Parameters<typeof createPoorlyRatedRequest>[0] = {}) {
  return createPoorlyRatedRequest({ ...itRequest, ...options });
}

async function step(user: User, request: RequestRow, fields: Record<string, string>) {
  return postRecoveryStep(await cookieOf(user), request.number, fields);
}

async function caseOf(request: RequestRow) {
  return prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: request.id } });
}

async function snapshot(request: RequestRow) {
  const [recoveryCase, events, notifications] = await Promise.all([
    caseOf(request),
    prisma.requestEvent.count({ where: { requestId: request.id } }),
    prisma.notification.count({ where: { requestId: request.id } }),
  ]);
  return { recoveryCase, events, notifications };
}

interface RecoveryPageJson {
  recovery: {
    status: string;
    canAct: boolean;
    next: { step: string } | null;
    steps: Array<{ step: string; done: boolean; by: string | null; note: string | null }>;
  };
}

async function recoveryPage(user: User, request: RequestRow) {
  const response = await openRecoveryPage(await cookieOf(user), request.number);
  expect(response.status).toBe(200);
  return (await readJson<RecoveryPageJson>(response)).recovery;
}

beforeAll(async () => {
  const org = await createServiceOrg();
  ({ requester, colleague, agent, itManager, opsManager, outsider, admin, laptop, itRequest } = org);
  it = org.teams.it;
  const facilities = await createTeam({ name: "Facilities", slug: "facilities", acceptsRequests: true });
  facilitiesManager = await createUser({ name: "Fred Facilities" });
  await addMember(facilitiesManager.id, facilities.id, "MANAGER");
});

// ---------------------------------------------------------------------------------------------

describe("taking a case through its steps", () => {
  test("acknowledge, apologise, correct, close: each recorded, on the timeline and told to the requester", async () => {
    const { request } = await poorItRequest();
    const flow: Array<[string, string | undefined, string, string]> = [
      [
        "acknowledge",
        undefined,
        "Problem acknowledged; the requester has been told.",
        `REQ-${request.number}: IT acknowledged the problem`,
      ],
      [
        "apologise",
        "We're sorry it took three weeks.",
        "Apology recorded; the requester has been told.",
        `REQ-${request.number}: an apology from IT`,
      ],
      [
        "correct",
        "Laptops are now kept in stock.",
        "Corrective action recorded; the requester has been told.",
        `REQ-${request.number}: what IT changed`,
      ],
      [
        "close",
        "",
        "Recovery case closed; the requester may now rate the service again.",
        `REQ-${request.number}: the recovery case is closed. How did we do now?`,
      ],
    ];
    for (const [name, note, flash, title] of flow) {
      const { version } = await caseOf(request);
      const response = await step(itManager, request, { step: name, version: String(version), ...(note === undefined ? {} : { note }) });
      expect(response.status, name).toBe(302);
      expect(response.headers.get("Location")).toBe(`/requests/REQ-${request.number}/recovery`);
      expect(await flashOf(response)).toEqual({ kind: "success", message: flash });
      const notice = await prisma.notification.findFirstOrThrow({
        where: { requestId: request.id, userId: requester.id, kind: "RECOVERY_UPDATED" },
        orderBy: { createdAt: "desc" },
      });
      expect(notice.title).toBe(title);
    }
    expect(await caseOf(request)).toMatchObject({
      status: "CLOSED",
      ownerId: itManager.id,
      apologyNote: "We're sorry it took three weeks.",
      correctiveAction: "Laptops are now kept in stock.",
      closingNote: null,
      version: 5,
    });
    const events = await prisma.requestEvent.findMany({ where: { requestId: request.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([
      ["CREATED", requester.id],
      ["RATED", requester.id],
      ["RECOVERY_OPENED", null],
      ["RECOVERY_ACKNOWLEDGED", itManager.id],
      ["RECOVERY_APOLOGY_SENT", itManager.id],
      ["RECOVERY_ACTION_RECORDED", itManager.id],
      ["RECOVERY_CLOSED", itManager.id],
    ]);
    // The last notice leads the requester to the rate page, where they may rate again.
    const last = await prisma.notification.findFirstOrThrow({
      where: { requestId: request.id, userId: requester.id },
      orderBy: { createdAt: "desc" },
    });
    expect(last.link).toBe(`/requests/REQ-${request.number}/rate`);
    expect((await requestPageData(await cookieOf(requester), request.number)).rating.option.kind).toBe("rerate");

    const seen = await recoveryPage(requester, request);
    expect(seen.steps.map((s) => [s.step, s.done, s.by])).toEqual([
      ["acknowledge", true, "Mia Manager"],
      ["apologise", true, "Mia Manager"],
      ["correct", true, "Mia Manager"],
      ["close", true, "Mia Manager"],
    ]);
    expect(seen.next).toBeNull();
  });

  test.each([
    ["a manager above the team", () => opsManager],
    ["an admin", () => admin],
  ])("%s may take a step", async (_name, who) => {
    const { request, recoveryCase } = await poorItRequest();
    const response = await step(who(), request, { step: "acknowledge", version: String(recoveryCase.version) });
    expect(response.status).toBe(302);
    expect(await caseOf(request)).toMatchObject({ status: "ACKNOWLEDGED", ownerId: who().id });
  });
});

// ---------------------------------------------------------------------------------------------

describe("refusals save nothing", () => {
  test.each([
    ["apologise", "Write the apology you sent (the requester sees it)."],
    ["correct", "Say what was done so it does not happen again."],
  ])("%s without a note is refused beside the note", async (name, message) => {
    const { request } = await poorItRequest({ recovery: { status: name === "apologise" ? "ACKNOWLEDGED" : "APOLOGY_SENT" } });
    const before = await snapshot(request);
    const response = await step(itManager, request, { step: name, version: String(before.recoveryCase.version), note: "   " });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "note")).toEqual([message]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("a step out of order", async () => {
    const { request, recoveryCase } = await poorItRequest();
    const before = await snapshot(request);
    const response = await step(itManager, request, { step: "close", version: String(recoveryCase.version) });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "")).toEqual(['The next step is "acknowledge the problem": the steps go in order.']);
    expect(await snapshot(request)).toEqual(before);
  });

  test("a form from before someone else's step gets a conflict", async () => {
    const { request, recoveryCase } = await poorItRequest();
    await step(opsManager, request, { step: "acknowledge", version: String(recoveryCase.version) });
    const before = await snapshot(request);
    const response = await step(itManager, request, { step: "acknowledge", version: String(recoveryCase.version) });
    expect(response.status).toBe(409);
    expect(await fieldErrors(response, "")).toEqual([
      "Someone else updated this recovery case since you opened it. The page now shows where it stands: check it, then carry on.",
    ]);
    expect(await snapshot(request)).toEqual(before);
  });

  test.each([
    ["a member of the team who is not a manager", () => agent],
    ["the requester", () => requester],
    ["a colleague in the requesting team", () => colleague],
  ])("%s sees the case but may not act (403)", async (_name, who) => {
    const { request, recoveryCase } = await poorItRequest();
    const before = await snapshot(request);
    const response = await step(who(), request, { step: "acknowledge", version: String(recoveryCase.version) });
    expect(response.status).toBe(403);
    expect(await fieldErrors(response, "")).toEqual(["Only managers of IT (or of a team above it) can take the recovery steps."]);
    expect(await snapshot(request)).toEqual(before);
    const page = await recoveryPage(who(), request);
    expect(page).toMatchObject({ status: "OPEN", canAct: false, next: null });
  });

  test.each([
    ["someone in another team", () => outsider],
    ["another team's manager", () => facilitiesManager],
  ])("%s gets 404 from the page and the form", async (_name, who) => {
    const { request, recoveryCase } = await poorItRequest();
    const before = await snapshot(request);
    expect((await openRecoveryPage(await cookieOf(who()), request.number)).status).toBe(404);
    expect((await step(who(), request, { step: "acknowledge", version: String(recoveryCase.version) })).status).toBe(404);
    expect(await snapshot(request)).toEqual(before);
  });

  test("a request without a recovery case has no recovery page", async () => {
    const request = await createRequest({ requesterId: requester.id, providerTeamId: it.id, typeId: laptop.id });
    expect((await openRecoveryPage(await cookieOf(itManager), request.number)).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------

describe("who sees what", () => {
  test("the notes are for the requester and the provider side; the requesting team sees only the steps", async () => {
    const { request } = await poorItRequest({ recovery: { status: "ACTION_RECORDED" } });
    for (const user of [requester, agent, itManager, opsManager, admin]) {
      const page = await recoveryPage(user, request);
      expect(
        page.steps.find((s) => s.step === "apologise"),
        user.name,
      ).toMatchObject({ done: true, note: "We are sorry." });
      expect(page.steps.find((s) => s.step === "correct")?.note).toBe("We changed the checklist.");
    }
    const colleagues = await recoveryPage(colleague, request);
    expect(colleagues.steps.map((s) => [s.step, s.done, s.note])).toEqual([
      ["acknowledge", true, null],
      ["apologise", true, null],
      ["correct", true, null],
      ["close", false, null],
    ]);
    // Nor do the notes reach them through the request page.
    const page = await requestPageData(await cookieOf(colleague), request.number);
    expect(JSON.stringify(page)).not.toContain("We are sorry.");
    expect(page.recovery).toMatchObject({ status: "ACTION_RECORDED", statusLabel: "Corrective action recorded" });
  });

  test("the next step's form is offered to those who may take it", async () => {
    const { request } = await poorItRequest({ recovery: { status: "ACKNOWLEDGED" } });
    expect((await recoveryPage(itManager, request)).next).toEqual({
      step: "apologise",
      action: "Record the apology",
      noteLabel: "The apology sent to the requester",
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe("the list of recovery cases", () => {
  interface ListJson {
    filter: string | null;
    cases: Array<{ ref: string; status: string; team: string }>;
  }
  async function list(user: User, query = "") {
    return callLoader(recoveryList, getRequest(`/recovery${query}`, { cookie: await cookieOf(user) }));
  }

  test("shows managers their teams' cases and those below, open first; admins see all; others get 404", async () => {
    const listed = await createTeam({ name: "Listed", slug: "listed", acceptsRequests: true });
    const listedType = await createRequestType(listed.id);
    const listManager = await createUser({ name: "Lena Lists" });
    await addMember(listManager.id, listed.id, "MANAGER");
    const make = (status: "OPEN" | "CLOSED" | "ACKNOWLEDGED") =>
      createPoorlyRatedRequest({ requesterId: requester.id, providerTeamId: listed.id, typeId: listedType.id, recovery: { status } });
    const closed = await make("CLOSED");
    const open = await make("OPEN");
    const acknowledged = await make("ACKNOWLEDGED");

    const all = await readJson<ListJson>(await list(listManager));
    expect(all.cases.map((c) => c.ref)).toEqual([open, acknowledged, closed].map((c) => `REQ-${c.request.number}`));
    const onlyClosed = await readJson<ListJson>(await list(listManager, "?status=closed"));
    expect(onlyClosed.cases.map((c) => c.ref)).toEqual([`REQ-${closed.request.number}`]);
    const onlyOpen = await readJson<ListJson>(await list(listManager, "?status=open"));
    expect(onlyOpen.cases).toHaveLength(2);

    // Another team's manager doesn't see them; an admin does.
    const theirs = await readJson<ListJson>(await list(itManager));
    expect(theirs.cases.some((c) => c.team === "Listed")).toBe(false);
    const admins = await readJson<ListJson>(await list(admin));
    expect(admins.cases.filter((c) => c.team === "Listed")).toHaveLength(3);

    for (const user of [agent, requester, outsider]) expect((await list(user)).status).toBe(404);
  });

  test("a manager above sees the cases of the teams below", async () => {
    const { request } = await poorItRequest();
    const above = await readJson<ListJson>(await list(opsManager, "?status=open"));
    expect(above.cases.map((c) => c.ref)).toContain(`REQ-${request.number}`);
  });

  test("home shows a manager the open cases to act on", async () => {
    const team = await createTeam({ name: "Homed", acceptsRequests: true });
    const manager = await createUser({ name: "Hal Home" });
    await addMember(manager.id, team.id, "MANAGER");
    const type = await createRequestType(team.id);
    const { request } = await createPoorlyRatedRequest({ requesterId: requester.id, providerTeamId: team.id, typeId: type.id });
    await createPoorlyRatedRequest({ requesterId: requester.id, providerTeamId: team.id, typeId: type.id, recovery: { status: "CLOSED" } });
    const response = await callLoader(home, getRequest("/", { cookie: await cookieOf(manager) }));
    const data = await readJson<{ recoveryCases: Array<{ ref: string; path: string }> }>(response);
    expect(data.recoveryCases).toEqual([
      expect.objectContaining({ ref: `REQ-${request.number}`, path: `/requests/REQ-${request.number}/recovery` }),
    ]);
    const agents = await readJson<{ recoveryCases: unknown[] }>(await callLoader(home, getRequest("/", { cookie: await cookieOf(agent) })));
    expect(agents.recoveryCases).toEqual([]);
  });
});
