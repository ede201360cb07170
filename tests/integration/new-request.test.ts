// Raising a request through /requests/new: choose a team (searchable), then one of its active
// types, then the details. The request gets the next REQ number, its CREATED event, SLA due dates
// from its type, and the provider team hears about it; a double submit creates one request; and
// bad input is refused beside the field with what was typed kept and nothing written.
import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import * as newRequest from "~/routes/requests.new";
import { createRequest } from "~/models/request-create.server";
import { prisma } from "~/utils/db.server";
import type { RequestType, Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { flashOf, formReply } from "../support/replies";

type Page =
  | { step: 1; query: string; teams: Array<{ name: string; slug: string }>; notice: string | null }
  | {
      step: 2;
      team: { name: string };
      types: Array<{ id: string; name: string; firstResponseTarget: string; resolutionTarget: string }>;
      error: string | null;
    }
  | {
      step: 3;
      team: { id: string; name: string };
      type: { id: string; name: string; defaultPriority: string };
      myTeams: Array<{ id: string; name: string }>;
      formToken: string;
      today: string;
    };

let desk: Team; // IT Service Desk: takes requests
let facilities: Team; // takes requests too
let executive: Team; // doesn't take requests
let finance: Team; // the requester's team
let laptop: RequestType;
let password: RequestType;
let retired: RequestType;
let badge: RequestType;
let requester: User;
let cookie: string;
let deskPeople: User[];

/** A request type written straight to the database. */
function insertType(
  teamId: string,
  fields: Partial<Pick<RequestType, "name" | "active" | "defaultPriority" | "description">> & { fr?: number; res?: number },
) {
  return prisma.requestType.create({
    data: {
      id: crypto.randomUUID(),
      teamId,
      name: fields.name ?? `Type ${crypto.randomBytes(3).toString("hex")}`,
      description: fields.description ?? "",
      defaultPriority: fields.defaultPriority ?? "NORMAL",
      active: fields.active ?? true,
      firstResponseTargetMinutes: fields.fr ?? 240,
      resolutionTargetMinutes: fields.res ?? 3 * 1440,
    },
  });
}

beforeAll(async () => {
  desk = await createTeam({ name: "IT Service Desk", slug: "it-service-desk", acceptsRequests: true });
  facilities = await createTeam({ name: "Facilities", slug: "facilities", acceptsRequests: true });
  executive = await createTeam({ name: "Executive Office", slug: "executive-office", acceptsRequests: false });
  finance = await createTeam({ name: "Finance", slug: "finance" });
  await prisma.team.update({ where: { id: facilities.id }, data: { description: "Desks, badges and meeting rooms." } });
  laptop = await insertType(desk.id, { name: "New laptop", description: "A new or replacement laptop.", fr: 4 * 60, res: 5 * 1440 });
  password = await insertType(desk.id, { name: "Password or MFA problem", defaultPriority: "HIGH", fr: 60, res: 4 * 60 });
  retired = await insertType(desk.id, { name: "Desk phone", active: false });
  badge = await insertType(facilities.id, { name: "Access badge" });

  requester = await createUser({ name: "Daniel Kim" });
  await addMember(requester.id, finance.id);
  cookie = await signInAs(requester.id);
  const manager = await createUser({ name: "Noah Williams" });
  const analyst = await createUser({ name: "Elena Popescu" });
  await addMember(manager.id, desk.id, "MANAGER");
  await addMember(analyst.id, desk.id);
  deskPeople = [manager, analyst];
});

async function open(query: string, as = cookie) {
  const response = await callLoader(newRequest, getRequest(`/requests/new${query}`, { cookie: as }));
  return { status: response.status, page: await readJson<Page>(response) };
}

async function detailsStep(typeId = laptop.id, as = cookie) {
  const { page } = await open(`?team=it-service-desk&type=${typeId}`, as);
  if (page.step !== 3) throw new Error(`Expected the details step, got step ${page.step}`);
  return page;
}

async function formFor(changes: Record<string, string> = {}, typeId = laptop.id) {
  const page = await detailsStep(typeId);
  return {
    formToken: page.formToken,
    providerTeamId: page.team.id,
    typeId: page.type.id,
    title: "Laptop battery lasts 40 minutes",
    body: "My laptop barely lasts a meeting off the charger. I travel to customers twice a week.",
    priority: page.type.defaultPriority,
    dueAt: "",
    requestingTeamId: page.myTeams[0]?.id ?? "",
    ...changes,
  };
}

function submit(fields: Record<string, string>, as = cookie) {
  return callAction(newRequest, formRequest("/requests/new?team=it-service-desk&type=x", fields, { cookie: as }));
}

function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe("choosing the team and the type", () => {
  test("step 1 lists the teams that take requests, searchable by name or description", async () => {
    const all = await open("");
    expect(all.page.step).toBe(1);
    const names = all.page.step === 1 ? all.page.teams.map((t) => t.name) : [];
    expect(names).toEqual(["Facilities", "IT Service Desk"]);

    const byName = await open("?q=service");
    expect(byName.page.step === 1 && byName.page.teams.map((t) => t.name)).toEqual(["IT Service Desk"]);
    const byDescription = await open("?q=BADGES");
    expect(byDescription.page.step === 1 && byDescription.page.teams.map((t) => t.name)).toEqual(["Facilities"]);
    const none = await open("?q=catering");
    expect(none.page.step === 1 && none.page.teams).toEqual([]);
  });

  test("a team that doesn't take requests, or doesn't exist, sends you back to step 1 with a message", async () => {
    for (const slug of [executive.slug, "no-such-team"]) {
      const { status, page } = await open(`?team=${slug}`);
      expect(status).toBe(404);
      expect(page.step).toBe(1);
      expect(page.step === 1 && page.notice).toMatch(/doesn't take requests/);
    }
  });

  test("step 2 offers only the team's active types, with their targets", async () => {
    const { page } = await open("?team=it-service-desk");
    expect(page.step).toBe(2);
    if (page.step !== 2) return;
    expect(page.types.map((t) => [t.name, t.firstResponseTarget, t.resolutionTarget])).toEqual([
      ["New laptop", "4 hours", "5 days"],
      ["Password or MFA problem", "1 hour", "4 hours"],
    ]);
    expect(page.error).toBeNull();
  });

  test("an inactive type, another team's type or no choice at all stays on step 2 with a message", async () => {
    for (const [typeId, message] of [
      [retired.id, /doesn't offer that type/],
      [badge.id, /doesn't offer that type/],
      ["", /Choose what kind of request/],
    ] as const) {
      const { page } = await open(`?team=it-service-desk&type=${typeId}`);
      expect(page.step).toBe(2);
      expect(page.step === 2 && page.error).toMatch(message);
    }
  });

  test("step 3 renders a fresh form token, the type's default priority and my own teams", async () => {
    const first = await detailsStep(password.id);
    const second = await detailsStep(password.id);
    expect(first.formToken.length).toBeGreaterThanOrEqual(16);
    expect(second.formToken).not.toBe(first.formToken);
    expect(first.type).toMatchObject({ name: "Password or MFA problem", defaultPriority: "HIGH" });
    expect(first.myTeams).toEqual([{ id: finance.id, name: "Finance" }]);
  });
});

describe("sending the request", () => {
  test("end to end: the next REQ number, the CREATED event, SLA due dates from the type, and the team is told", async () => {
    const dueAt = isoDay(10);
    const before = Date.now();
    const response = await submit(await formFor({ dueAt, priority: "HIGH" }));
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/requests\/REQ-\d+$/);
    const number = Number(location.split("-")[1]);
    expect((await flashOf(response))?.message).toBe(`REQ-${number} was sent to IT Service Desk.`);

    const request = await prisma.request.findUniqueOrThrow({ where: { number }, include: { events: true } });
    expect(request).toMatchObject({
      title: "Laptop battery lasts 40 minutes",
      requesterId: requester.id,
      requestingTeamId: finance.id,
      providerTeamId: desk.id,
      typeId: laptop.id,
      priority: "HIGH",
      status: "NEW",
      assigneeId: null,
    });
    expect(request.dueAt?.toISOString().slice(0, 10)).toBe(dueAt);
    expect(request.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(request.firstResponseDueAt.getTime() - request.createdAt.getTime()).toBe(4 * 60 * 60_000);
    expect(request.resolutionDueAt.getTime() - request.createdAt.getTime()).toBe(5 * 24 * 60 * 60_000);
    expect(request.events).toHaveLength(1);
    expect(request.events[0]).toMatchObject({ kind: "CREATED", actorId: requester.id, toStatus: "NEW", toTeamId: desk.id });

    const told = await prisma.notification.findMany({
      where: { requestId: request.id },
      select: { userId: true, kind: true, title: true },
    });
    expect(told.map((n) => n.userId).sort()).toEqual(deskPeople.map((p) => p.id).sort());
    expect(told.every((n) => n.kind === "REQUEST_RECEIVED" && n.title.includes(`REQ-${number}`))).toBe(true);
  });

  test("the priority defaults to the type's when none is sent", async () => {
    const fields: Record<string, string> = await formFor({}, password.id);
    delete fields.priority;
    const response = await submit(fields);
    expect(response.status).toBe(302);
    const number = Number(response.headers.get("Location")!.split("-")[1]);
    expect((await prisma.request.findUniqueOrThrow({ where: { number } })).priority).toBe("HIGH");
  });

  test("a double submit (the same form token twice) creates one request, and both land on it", async () => {
    const fields = await formFor({ title: "Submitted twice" });
    const [first, second] = await Promise.all([submit(fields), submit(fields)]);
    const third = await submit(fields);
    for (const response of [first, second, third]) expect(response.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(third.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await prisma.request.count({ where: { title: "Submitted twice" } })).toBe(1);
  });

  test("concurrent creates get distinct, increasing numbers", async () => {
    const { _max } = await prisma.request.aggregate({ _max: { number: true } });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createRequest(requester, {
          formToken: `concurrent-${i}-${crypto.randomUUID()}`,
          providerTeamId: desk.id,
          typeId: laptop.id,
          title: `Concurrent ${i}`,
          body: "Raised at the same moment as five others.",
        }),
      ),
    );
    const numbers = results.map((r) => r.number);
    expect(new Set(numbers).size).toBe(6);
    expect(Math.min(...numbers)).toBeGreaterThan(_max.number ?? 0);
    const stored = await prisma.request.findMany({ where: { title: { startsWith: "Concurrent " } }, orderBy: { number: "asc" } });
    expect(stored.map((r) => r.number)).toEqual([...numbers].sort((a, b) => a - b));
  });

  test("someone in no team can raise a request without saying which team it is for", async () => {
    const loner = await createUser();
    const lonerCookie = await signInAs(loner.id);
    const page = await detailsStep(laptop.id, lonerCookie);
    expect(page.myTeams).toEqual([]);
    const response = await submit(
      { formToken: page.formToken, providerTeamId: desk.id, typeId: laptop.id, title: "From someone in no team", body: "Please." },
      lonerCookie,
    );
    expect(response.status).toBe(302);
    expect((await prisma.request.findFirstOrThrow({ where: { title: "From someone in no team" } })).requestingTeamId).toBeNull();
  });
});

describe("bad input is refused beside the field, keeping what was typed, writing nothing", () => {
  const cases: Array<[string, () => Promise<Record<string, string>>, string, RegExp]> = [
    ["a missing title", () => formFor({ title: "" }), "title", /short title/],
    ["a title over 200 characters", () => formFor({ title: "x".repeat(201) }), "title", /under 200 characters/],
    ["a missing description", () => formFor({ body: "   " }), "body", /Describe what you need/],
    ["a description over 20,000 characters", () => formFor({ body: "y".repeat(20_001) }), "body", /under 20,000 characters/],
    ["an unknown team", () => formFor({ providerTeamId: crypto.randomUUID() }), "providerTeamId", /doesn't take requests/],
    ["a team that doesn't take requests", () => formFor({ providerTeamId: executive.id }), "providerTeamId", /doesn't take requests/],
    ["a type of another team", () => formFor({ typeId: badge.id }), "typeId", /Choose one of IT Service Desk's request types/],
    ["an inactive type", () => formFor({ typeId: retired.id }), "typeId", /no longer offers "Desk phone"/],
    ["a needed-by date in the past", () => formFor({ dueAt: isoDay(-1) }), "dueAt", /can't be in the past/],
    ["a needed-by date that isn't a date", () => formFor({ dueAt: "next week" }), "dueAt", /Enter a date/],
    ["a requesting team I'm not in", () => formFor({ requestingTeamId: facilities.id }), "requestingTeamId", /one of your own teams/],
    ["no requesting team although I have one", () => formFor({ requestingTeamId: "" }), "requestingTeamId", /which of your teams/],
    ["an unknown priority", () => formFor({ priority: "CRITICAL" }), "priority", /Choose a priority/],
  ];
  for (const [label, fields, field, message] of cases) {
    test(label, async () => {
      const form = await fields();
      const before = await prisma.request.count();
      const response = await submit(form);
      expect(response.status).toBe(400);
      const reply = await formReply(response);
      expect((reply.error?.[field] ?? []).join(" ")).toMatch(message);
      // What the person typed comes back to the form.
      if (field !== "title" && field !== "body") expect(reply.initialValue).toMatchObject({ title: form.title, body: form.body });
      else expect(reply.initialValue).toMatchObject({ requestingTeamId: form.requestingTeamId });
      expect(await prisma.request.count()).toBe(before);
    });
  }
});
