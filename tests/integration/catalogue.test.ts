// A team's service catalogue (/teams/<slug>/catalogue): everyone reads it, with targets in hours
// and days; the team's managers, managers above it and admins add and edit types; anyone else
// is refused with 404; two people editing one type get a conflict, not a silent overwrite; and bad
// input is refused beside the field with nothing written.
import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import * as catalogue from "~/routes/teams.$slug_.catalogue";
import * as editType from "~/routes/teams.$slug_.catalogue_.$typeId";
import { prisma } from "~/utils/db.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";

interface CataloguePage {
  team: { name: string; slug: string; acceptsRequests: boolean };
  mayManage: boolean;
  types: Array<{
    id: string;
    name: string;
    active: boolean;
    firstResponseTarget: string;
    resolutionTarget: string;
    defaultPriority: string;
  }>;
}

interface EditPage {
  type: { id: string; name: string; description: string; updatedAt: string; active: boolean; defaultPriority: string };
}

let branch: Team; // e.g. Operations
let team: Team; // a team below it that takes requests
let otherBranch: Team;
const cookies: Record<"admin" | "manager" | "branchManager" | "member" | "outsider" | "otherManager", string> = {} as never;
let manager: User;

/** A request type written straight to the database. */
function insertType(teamId: string, fields: { name?: string; active?: boolean; firstResponse?: number; resolution?: number } = {}) {
  return prisma.requestType.create({
    data: {
      id: crypto.randomUUID(),
      teamId,
      name: fields.name ?? `Type ${crypto.randomBytes(3).toString("hex")}`,
      firstResponseTargetMinutes: fields.firstResponse ?? 240,
      resolutionTargetMinutes: fields.resolution ?? 3 * 1440,
      active: fields.active ?? true,
    },
  });
}

beforeAll(async () => {
  branch = await createTeam({ name: "Operations", slug: "operations" });
  team = await createTeam({ name: "Facilities", slug: "facilities", parentId: branch.id, acceptsRequests: true });
  otherBranch = await createTeam({ name: "Finance", slug: "finance", acceptsRequests: true });
  const admin = await createUser({ role: "ADMIN" });
  manager = await createUser({ name: "Samuel Osei" });
  const branchManager = await createUser();
  const member = await createUser();
  const outsider = await createUser();
  const otherManager = await createUser();
  await addMember(manager.id, team.id, "MANAGER");
  await addMember(branchManager.id, branch.id, "MANAGER");
  await addMember(member.id, team.id, "MEMBER");
  await addMember(otherManager.id, otherBranch.id, "MANAGER");
  for (const [key, user] of Object.entries({ admin, manager, branchManager, member, outsider, otherManager })) {
    cookies[key as keyof typeof cookies] = await signInAs(user.id);
  }
});

async function openCatalogue(cookie: string, slug = team.slug) {
  const response = await callLoader(catalogue, getRequest(`/teams/${slug}/catalogue`, { cookie }), { slug });
  expect(response.status).toBe(200);
  return readJson<CataloguePage>(response);
}

function addType(cookie: string, fields: Record<string, string>, slug = team.slug) {
  return callAction(catalogue, formRequest(`/teams/${slug}/catalogue`, fields, { cookie }), { slug });
}

async function openEdit(cookie: string, typeId: string, slug = team.slug) {
  return callLoader(editType, getRequest(`/teams/${slug}/catalogue/${typeId}`, { cookie }), { slug, typeId });
}

function saveType(cookie: string, typeId: string, fields: Record<string, string>, slug = team.slug) {
  return callAction(editType, formRequest(`/teams/${slug}/catalogue/${typeId}`, fields, { cookie }), { slug, typeId });
}

const validType = {
  name: "Desk or chair repair",
  description: "Broken chairs, wobbly desks.",
  defaultPriority: "LOW",
  firstResponseTarget: "4",
  firstResponseUnit: "hours",
  resolutionTarget: "5",
  resolutionUnit: "days",
  active: "on",
};

/** The edit form as the page renders it, with `changes` typed over it. */
async function editForm(cookie: string, typeId: string, changes: Record<string, string> = {}) {
  const { type } = await readJson<EditPage>(await openEdit(cookie, typeId));
  return {
    name: type.name,
    description: type.description,
    defaultPriority: type.defaultPriority,
    firstResponseTarget: "2",
    firstResponseUnit: "hours",
    resolutionTarget: "1",
    resolutionUnit: "days",
    ...(type.active ? { active: "on" } : {}),
    version: type.updatedAt,
    ...changes,
  };
}

describe("reading the catalogue", () => {
  test("anyone signed in sees the team's types with targets in hours and days, inactive ones marked inactive", async () => {
    const slug = "reading-team";
    const readTeam = await createTeam({ name: "Reading team", slug, acceptsRequests: true });
    await insertType(readTeam.id, { name: "Access badge", firstResponse: 4 * 60, resolution: 2 * 1440 });
    await insertType(readTeam.id, { name: "Meeting room problem", firstResponse: 90, resolution: 60 });
    await insertType(readTeam.id, { name: "Desk phone", active: false, firstResponse: 1440, resolution: 5 * 1440 });

    const page = await openCatalogue(cookies.outsider, slug);
    expect(page.mayManage).toBe(false);
    expect(page.types.map((t) => [t.name, t.firstResponseTarget, t.resolutionTarget, t.active])).toEqual([
      ["Access badge", "4 hours", "2 days", true],
      ["Meeting room problem", "1 h 30 min", "1 hour", true],
      ["Desk phone", "1 day", "5 days", false],
    ]);
  });

  test("a member of the team reads it too, but may not change it: 404 on the action and the edit page, nothing written", async () => {
    const type = await insertType(team.id);
    expect((await openCatalogue(cookies.member)).mayManage).toBe(false);
    const before = await prisma.requestType.count();
    expect((await addType(cookies.member, { ...validType, name: "Member's type" })).status).toBe(404);
    expect((await openEdit(cookies.member, type.id)).status).toBe(404);
    expect((await saveType(cookies.member, type.id, { ...validType, version: type.updatedAt.toISOString() })).status).toBe(404);
    expect(await prisma.requestType.count()).toBe(before);
  });

  test("an unknown team answers 404", async () => {
    const response = await callLoader(catalogue, getRequest("/teams/nope/catalogue", { cookie: cookies.admin }), { slug: "nope" });
    expect(response.status).toBe(404);
  });
});

describe("managing the catalogue", () => {
  test("the team's manager adds a type: targets typed as hours and days are stored as minutes, and it is audited", async () => {
    expect((await openCatalogue(cookies.manager)).mayManage).toBe(true);
    const response = await addType(cookies.manager, validType);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/teams/facilities/catalogue");
    expect((await flashOf(response))?.message).toContain("Desk or chair repair");

    const stored = await prisma.requestType.findFirstOrThrow({ where: { teamId: team.id, name: "Desk or chair repair" } });
    expect(stored).toMatchObject({
      description: "Broken chairs, wobbly desks.",
      defaultPriority: "LOW",
      firstResponseTargetMinutes: 240,
      resolutionTargetMinutes: 7200,
      active: true,
    });
    const page = await openCatalogue(cookies.outsider);
    expect(page.types.find((t) => t.name === "Desk or chair repair")).toMatchObject({
      firstResponseTarget: "4 hours",
      resolutionTarget: "5 days",
    });
    const audit = await prisma.auditLog.findFirst({ where: { action: "request_type.created", targetId: stored.id } });
    expect(audit?.actorId).toBe(manager.id);
  });

  test("a manager of the branch above and an admin may add and edit too", async () => {
    for (const who of ["branchManager", "admin"] as const) {
      expect((await openCatalogue(cookies[who])).mayManage).toBe(true);
      const name = `Added by ${who}`;
      expect((await addType(cookies[who], { ...validType, name })).status).toBe(302);
      const type = await prisma.requestType.findFirstOrThrow({ where: { teamId: team.id, name } });
      const saved = await saveType(cookies[who], type.id, await editForm(cookies[who], type.id, { name: `${name}, edited` }));
      expect(saved.status).toBe(302);
      expect((await prisma.requestType.findUniqueOrThrow({ where: { id: type.id } })).name).toBe(`${name}, edited`);
    }
  });

  test("a manager of another branch gets 404 on both actions and on the edit page", async () => {
    const type = await insertType(team.id);
    expect((await openCatalogue(cookies.otherManager)).mayManage).toBe(false);
    expect((await addType(cookies.otherManager, { ...validType, name: "Not theirs" })).status).toBe(404);
    expect((await openEdit(cookies.otherManager, type.id)).status).toBe(404);
    const version = type.updatedAt.toISOString();
    expect((await saveType(cookies.otherManager, type.id, { ...validType, name: "Not theirs", version })).status).toBe(404);
    expect(await prisma.requestType.count({ where: { name: "Not theirs" } })).toBe(0);
    // Their own team's catalogue is theirs to manage.
    expect((await openCatalogue(cookies.otherManager, otherBranch.slug)).mayManage).toBe(true);
  });

  test("a type can only be edited under its own team's address", async () => {
    const financeType = await insertType(otherBranch.id);
    expect((await openEdit(cookies.admin, financeType.id)).status).toBe(404);
    expect((await openEdit(cookies.admin, crypto.randomUUID())).status).toBe(404);
  });

  test("editing saves the targets as minutes; a deactivated type stays listed as inactive", async () => {
    const type = await insertType(team.id, { name: "Heating" });
    const fields = await editForm(cookies.manager, type.id, {
      firstResponseTarget: "1.5",
      firstResponseUnit: "hours",
      resolutionTarget: "2",
      resolutionUnit: "days",
    });
    delete (fields as Record<string, string>).active;
    const response = await saveType(cookies.manager, type.id, fields);
    expect(response.status).toBe(302);
    expect(await prisma.requestType.findUniqueOrThrow({ where: { id: type.id } })).toMatchObject({
      firstResponseTargetMinutes: 90,
      resolutionTargetMinutes: 2880,
      active: false,
    });
    const listed = (await openCatalogue(cookies.member)).types.find((t) => t.id === type.id);
    expect(listed).toMatchObject({ active: false, firstResponseTarget: "1 h 30 min", resolutionTarget: "2 days" });
  });

  test("two people editing the same type: the second gets a conflict message and nothing is overwritten", async () => {
    const type = await insertType(team.id, { name: "Meeting rooms" });
    const first = await editForm(cookies.manager, type.id, { description: "First editor's words." });
    const second = await editForm(cookies.admin, type.id, { description: "Second editor's words." });
    expect((await saveType(cookies.manager, type.id, first)).status).toBe(302);

    const conflict = await saveType(cookies.admin, type.id, second);
    expect(conflict.status).toBe(409);
    const reply = await formReply(conflict);
    expect(reply.error?.[""]?.[0]).toMatch(/changed this request type since you opened it/);
    expect(reply.initialValue).toMatchObject({ description: "Second editor's words." });
    expect((await prisma.requestType.findUniqueOrThrow({ where: { id: type.id } })).description).toBe("First editor's words.");
  });
});

describe("bad input is refused beside the field, keeping what was typed, writing nothing", () => {
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ["a missing name", { name: "" }, "name", /name the request type/i],
    ["a non-positive first-response target", { firstResponseTarget: "0" }, "firstResponseTarget", /above zero/i],
    ["a negative resolution target", { resolutionTarget: "-2" }, "resolutionTarget", /above zero/i],
    ["a target that isn't a number", { firstResponseTarget: "soon" }, "firstResponseTarget", /number/i],
    [
      "a resolution target shorter than the first-response target",
      { firstResponseTarget: "2", firstResponseUnit: "days", resolutionTarget: "4", resolutionUnit: "hours" },
      "resolutionTarget",
      /can't be shorter than the first-response target/,
    ],
  ];
  for (const [label, changes, field, message] of cases) {
    test(`adding: ${label}`, async () => {
      const before = await prisma.requestType.count();
      const response = await addType(cookies.manager, { ...validType, name: `Typed ${label}`, ...changes });
      expect(response.status).toBe(400);
      const reply = await formReply(response);
      expect((reply.error?.[field] ?? []).join(" ")).toMatch(message);
      // What was typed comes back (an empty field comes back empty).
      const typed = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== ""));
      expect(reply.initialValue).toMatchObject({ description: validType.description, ...typed });
      expect(await prisma.requestType.count()).toBe(before);
    });
  }

  test("a name the team already uses, in any case; another team may use it", async () => {
    await insertType(team.id, { name: "Access badge" });
    const before = await prisma.requestType.count();
    const response = await addType(cookies.manager, { ...validType, name: "access BADGE" });
    expect(response.status).toBe(400);
    const reply = await formReply(response);
    expect((reply.error?.name ?? []).join(" ")).toMatch(/already has a request type called "access BADGE"/);
    expect(reply.initialValue).toMatchObject({ name: "access BADGE" });
    expect(await prisma.requestType.count()).toBe(before);

    expect((await addType(cookies.otherManager, { ...validType, name: "Access badge" }, otherBranch.slug)).status).toBe(302);
  });

  test("editing: renaming to another type's name, or a resolution shorter than the response", async () => {
    await insertType(team.id, { name: "Lighting" });
    const type = await insertType(team.id, { name: "Leaks" });
    const renamed = await saveType(cookies.manager, type.id, await editForm(cookies.manager, type.id, { name: "LIGHTING" }));
    expect(renamed.status).toBe(400);
    expect((await fieldErrors(renamed, "name"))[0]).toMatch(/already has a request type/);

    const shorter = await saveType(
      cookies.manager,
      type.id,
      await editForm(cookies.manager, type.id, {
        firstResponseTarget: "3",
        firstResponseUnit: "days",
        resolutionTarget: "1",
        resolutionUnit: "days",
      }),
    );
    expect(shorter.status).toBe(400);
    expect((await fieldErrors(shorter, "resolutionTarget"))[0]).toMatch(/can't be shorter/);
    expect(await prisma.requestType.findUniqueOrThrow({ where: { id: type.id } })).toMatchObject({
      name: "Leaks",
      firstResponseTargetMinutes: 240,
    });
  });
});
