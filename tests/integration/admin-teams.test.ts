// Administering teams: creating them (with an address made from the name), keeping the
// hierarchy a tree, concurrent edits, and choosing members and managers; and the team directory
// every employee sees, which shows no email addresses or password data (SECURITY 15.3.1).
import { beforeAll, describe, expect, test } from "vitest";
import * as newTeam from "~/routes/admin.teams.new";
import * as adminTeam from "~/routes/admin.teams.$slug";
import * as teamsDirectory from "~/routes/teams._index";
import * as teamDirectoryPage from "~/routes/teams.$slug";
import { prisma } from "~/utils/db.server";
import { ackTargetForForm } from "~/validation/teams";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";

let admin: User;
let adminCookie: string;

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
  adminCookie = await signInAs(admin.id);
});

interface AdminTeamPage {
  team: {
    id: string;
    name: string;
    slug: string;
    description: string;
    parentId: string | null;
    acceptsRequests: boolean;
    complaintAckTargetMinutes: number;
    updatedAt: string;
  };
  parents: Array<{ id: string; name: string; depth: number }>;
  candidates: Array<{ id: string; name: string; email: string }>;
}

function submitNewTeam(fields: Record<string, string>) {
  return callAction(newTeam, formRequest("/admin/teams/new", fields, { cookie: adminCookie }));
}

async function openAdminTeam(slug: string, query = "") {
  const url = `/admin/teams/${slug}${query ? `?${new URLSearchParams({ q: query })}` : ""}`;
  const response = await callLoader(adminTeam, getRequest(url, { cookie: adminCookie }), { slug });
  expect(response.status).toBe(200);
  return readJson<AdminTeamPage>(response);
}

function postToTeam(slug: string, fields: Record<string, string>) {
  return callAction(adminTeam, formRequest(`/admin/teams/${slug}`, fields, { cookie: adminCookie }), { slug });
}

/** The details form as the page renders it, from `page`, with `changes` typed over it. */
function teamForm(page: AdminTeamPage, changes: Record<string, string> = {}) {
  const { team } = page;
  return {
    intent: "edit-team",
    name: team.name,
    slug: team.slug,
    description: team.description,
    parentId: team.parentId ?? "",
    ...(team.acceptsRequests ? { acceptsRequests: "on" } : {}),
    complaintAckTarget: ackTargetForForm(team.complaintAckTargetMinutes).value,
    complaintAckTargetUnit: ackTargetForForm(team.complaintAckTargetMinutes).unit,
    version: team.updatedAt,
    ...changes,
  };
}

async function editTeam(slug: string, changes: Record<string, string>) {
  return postToTeam(slug, teamForm(await openAdminTeam(slug), changes));
}

function expectRedirectTo(response: Response, location: string) {
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe(location);
}

async function hierarchy() {
  return prisma.team.findMany({ select: { id: true, parentId: true, name: true, slug: true }, orderBy: { id: "asc" } });
}

async function teamAudit(teamId: string) {
  return prisma.auditLog.findMany({ where: { targetId: teamId }, orderBy: { id: "asc" } });
}

describe("creating a team", () => {
  test("the address is made from the name, the parent is kept, and the new team's page opens", async () => {
    const finance = await createTeam({ name: "Finance Dept", slug: "finance-dept" });
    const response = await submitNewTeam({
      name: "Billing & Refunds",
      description: "Refunds, credit notes and disputed invoices.",
      parentId: finance.id,
      acceptsRequests: "on",
    });

    expectRedirectTo(response, "/admin/teams/billing-and-refunds");
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: expect.stringContaining("Billing & Refunds was created") });
    const team = await prisma.team.findUniqueOrThrow({ where: { slug: "billing-and-refunds" } });
    expect(team).toMatchObject({
      name: "Billing & Refunds",
      parentId: finance.id,
      acceptsRequests: true,
      description: "Refunds, credit notes and disputed invoices.",
    });
    expect((await teamAudit(team.id)).map((e) => [e.action, e.actorId])).toEqual([["team.created", admin.id]]);

    const page = await openAdminTeam("billing-and-refunds");
    expect(page.team.name).toBe("Billing & Refunds");
  });

  test("a name another team has is refused on the name field, and nothing is created", async () => {
    await createTeam({ name: "Payroll Office", slug: "payroll-office" });
    const before = await prisma.team.count();

    const response = await submitNewTeam({ name: "Payroll Office", description: "A second one" });
    expect(response.status).toBe(400);
    const reply = await formReply(response);
    expect(reply.error?.name).toEqual(["Another team already has this name."]);
    expect(reply.initialValue).toMatchObject({ name: "Payroll Office", description: "A second one" });
    expect(await prisma.team.count()).toBe(before);
  });

  test("an address another team uses is refused on the address field", async () => {
    await createTeam({ name: "Travel Desk", slug: "travel" });
    const response = await submitNewTeam({ name: "Travel Bookings", slug: "travel" });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "slug")).toEqual(["Another team already uses this address."]);
    expect(await prisma.team.count({ where: { name: "Travel Bookings" } })).toBe(0);
  });

  test.each(["Not A Slug!", "double--hyphen", "-leading", "trailing-", "spaces in it", "ümlaut"])(
    "the address %j is refused with a hint",
    async (slug) => {
      const before = await prisma.team.count();
      const response = await submitNewTeam({ name: `Slug Test ${slug}`, slug });
      expect(response.status).toBe(400);
      expect(await fieldErrors(response, "slug")).toEqual(["Use lower-case letters, digits and single hyphens, like customer-care."]);
      expect(await prisma.team.count()).toBe(before);
    },
  );

  test("a parent that does not exist is refused on the parent field", async () => {
    const response = await submitNewTeam({ name: "Orphanage", parentId: "00000000-0000-0000-0000-000000000000" });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "parentId")).toEqual(["Choose a parent team from the list."]);
    expect(await prisma.team.count({ where: { name: "Orphanage" } })).toBe(0);
  });
});

describe("the hierarchy stays a tree", () => {
  let root: Team;
  let child: Team;
  let grandchild: Team;

  beforeAll(async () => {
    root = await createTeam({ name: "Tree Root" });
    child = await createTeam({ name: "Tree Child", parentId: root.id });
    grandchild = await createTeam({ name: "Tree Grandchild", parentId: child.id });
  });

  test("the parent list on a team's page leaves out the team and everything below it", async () => {
    const page = await openAdminTeam(root.slug);
    const offered = page.parents.map((p) => p.id);
    expect(offered).not.toContain(root.id);
    expect(offered).not.toContain(child.id);
    expect(offered).not.toContain(grandchild.id);

    const childPage = await openAdminTeam(child.slug);
    expect(childPage.parents.map((p) => p.id)).toContain(root.id);
    expect(childPage.parents.map((p) => p.id)).not.toContain(grandchild.id);
  });

  test.each([
    { what: "itself", parent: () => root },
    { what: "its child", parent: () => child },
    { what: "its grandchild", parent: () => grandchild },
  ])("a team cannot be put below $what: 400 on the parent field, nothing moves", async ({ parent }) => {
    const before = await hierarchy();
    const response = await editTeam(root.slug, { parentId: parent().id });

    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "parentId")).toEqual(["A team can't sit below itself or one of its own sub-teams."]);
    expect(await hierarchy()).toEqual(before);
  });

  test("moving a team somewhere valid works and keeps its sub-teams with it", async () => {
    const elsewhere = await createTeam({ name: "Tree Elsewhere" });
    expectRedirectTo(await editTeam(child.slug, { parentId: elsewhere.id }), `/admin/teams/${child.slug}`);
    expect((await prisma.team.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(elsewhere.id);
    expect((await prisma.team.findUniqueOrThrow({ where: { id: grandchild.id } })).parentId).toBe(child.id);
    // Put it back for the other tests.
    expectRedirectTo(await editTeam(child.slug, { parentId: root.id }), `/admin/teams/${child.slug}`);
  });
});

describe("editing a team", () => {
  test("renaming with a new address redirects to the new address and is audited", async () => {
    const team = await createTeam({ name: "Old Name Team" });
    const response = await editTeam(team.slug, { name: "New Name Team", slug: "new-name-team" });
    expectRedirectTo(response, "/admin/teams/new-name-team");
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: "Team saved." });
    expect((await teamAudit(team.id)).map((e) => e.action)).toEqual(["team.updated"]);
  });

  test("a form opened before someone else's save is refused with 409 and does not overwrite it", async () => {
    const team = await createTeam({ name: "Contested Team" });
    const stalePage = await openAdminTeam(team.slug);
    expectRedirectTo(await editTeam(team.slug, { description: "Their description" }), `/admin/teams/${team.slug}`);

    const response = await postToTeam(team.slug, teamForm(stalePage, { description: "My description" }));
    expect(response.status).toBe(409);
    const reply = await formReply(response);
    expect(reply.error?.[""]?.join(" ")).toMatch(/^Someone else changed this team/);
    expect(reply.initialValue).toMatchObject({ description: "My description" });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).description).toBe("Their description");
  });
});

describe("the complaint acknowledgement target", () => {
  const ackMessage = "Enter a time from 1 minute to 30 days (720 hours), in whole minutes.";

  test("a new team gets 24 hours unless another time is typed; it is stored in minutes", async () => {
    expect((await submitNewTeam({ name: "Default Target Team" })).status).toBe(302);
    expect((await prisma.team.findUniqueOrThrow({ where: { slug: "default-target-team" } })).complaintAckTargetMinutes).toBe(1440);
    expect((await submitNewTeam({ name: "Fast Target Team", complaintAckTarget: "4", complaintAckTargetUnit: "hours" })).status).toBe(302);
    expect((await prisma.team.findUniqueOrThrow({ where: { slug: "fast-target-team" } })).complaintAckTargetMinutes).toBe(240);
    expect((await submitNewTeam({ name: "Minute Target Team", complaintAckTarget: "1", complaintAckTargetUnit: "minutes" })).status).toBe(
      302,
    );
    expect((await prisma.team.findUniqueOrThrow({ where: { slug: "minute-target-team" } })).complaintAckTargetMinutes).toBe(1);
  });

  test("editing shows the target in hours, or in minutes when it isn't whole hours, and saves a new one", async () => {
    const team = await createTeam({ name: "Target Edit Team" });
    const page = await openAdminTeam(team.slug);
    expect(page.team.complaintAckTargetMinutes).toBe(1440);
    expect(ackTargetForForm(page.team.complaintAckTargetMinutes)).toEqual({ value: "24", unit: "hours" });
    expectRedirectTo(
      await editTeam(team.slug, { complaintAckTarget: "720", complaintAckTargetUnit: "hours" }),
      `/admin/teams/${team.slug}`,
    );
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).complaintAckTargetMinutes).toBe(720 * 60);
    expectRedirectTo(
      await editTeam(team.slug, { complaintAckTarget: "2.5", complaintAckTargetUnit: "hours" }),
      `/admin/teams/${team.slug}`,
    );
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).complaintAckTargetMinutes).toBe(150);
    expect(ackTargetForForm(150)).toEqual({ value: "150", unit: "minutes" });
    expectRedirectTo(
      await editTeam(team.slug, { complaintAckTarget: "1", complaintAckTargetUnit: "minutes" }),
      `/admin/teams/${team.slug}`,
    );
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).complaintAckTargetMinutes).toBe(1);
    expect((await teamAudit(team.id)).map((e) => e.action)).toEqual(["team.updated", "team.updated", "team.updated"]);
  });

  test.each([
    ["0", "minutes"],
    ["0", "hours"],
    ["721", "hours"],
    ["43201", "minutes"],
    ["1.5", "minutes"],
    ["", "hours"],
    ["soon", "hours"],
  ])("%j %s is refused beside the field, keeping what was typed", async (amount, unit) => {
    const team = await createTeam({ name: `Bad Target ${amount || "empty"} ${unit}` });
    const response = await editTeam(team.slug, { complaintAckTarget: amount, complaintAckTargetUnit: unit, description: "Typed" });
    expect(response.status).toBe(400);
    const reply = await formReply(response);
    expect(reply.error?.complaintAckTarget).toEqual([ackMessage]);
    expect(reply.initialValue).toMatchObject({ description: "Typed", complaintAckTargetUnit: unit });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).complaintAckTargetMinutes).toBe(1440);
  });

  test("a unit other than minutes or hours is refused", async () => {
    const response = await submitNewTeam({ name: "Days Target Team", complaintAckTarget: "2", complaintAckTargetUnit: "days" });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "complaintAckTargetUnit")).toEqual(["Choose minutes or hours."]);
  });

  test("a new team with 0 minutes is refused", async () => {
    const response = await submitNewTeam({ name: "Zero Target Team", complaintAckTarget: "0", complaintAckTargetUnit: "minutes" });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "complaintAckTarget")).toEqual([ackMessage]);
  });
});

describe("members and managers", () => {
  let team: Team;

  beforeAll(async () => {
    team = await createTeam({ name: "Membership Team" });
  });

  async function membershipOf(userId: string) {
    return prisma.membership.findUnique({ where: { userId_teamId: { userId, teamId: team.id } } });
  }

  test("adding, promoting and removing a person, each audited and shown on the team's page", async () => {
    const person = await createUser({ name: "Mona Member" });
    const employeeCookie = await signInAs((await createUser()).id);
    const directory = async () =>
      readJson<{ managers: Array<{ id: string }>; members: Array<{ id: string }> }>(
        await callLoader(teamDirectoryPage, getRequest(`/teams/${team.slug}`, { cookie: employeeCookie }), { slug: team.slug }),
      );

    const added = await postToTeam(team.slug, { intent: "add-member", userId: person.id, role: "MEMBER" });
    expectRedirectTo(added, `/admin/teams/${team.slug}`);
    expect(await flashOf(added)).toMatchObject({ kind: "success", message: "Mona Member is now a member of Membership Team." });
    expect(await membershipOf(person.id)).toMatchObject({ role: "MEMBER" });
    expect((await directory()).members.map((m) => m.id)).toContain(person.id);

    const promoted = await postToTeam(team.slug, { intent: "change-role", userId: person.id, role: "MANAGER" });
    expectRedirectTo(promoted, `/admin/teams/${team.slug}`);
    expect(await membershipOf(person.id)).toMatchObject({ role: "MANAGER" });
    expect((await directory()).managers.map((m) => m.id)).toEqual([person.id]);

    const removed = await postToTeam(team.slug, { intent: "remove-member", userId: person.id });
    expectRedirectTo(removed, `/admin/teams/${team.slug}`);
    expect(await flashOf(removed)).toMatchObject({ kind: "success", message: "Mona Member was removed from Membership Team." });
    expect(await membershipOf(person.id)).toBeNull();
    const after = await directory();
    expect([...after.managers, ...after.members].map((m) => m.id)).not.toContain(person.id);

    const entries = (await teamAudit(team.id)).filter((e) => (e.details as { userId?: string }).userId === person.id);
    expect(entries.map((e) => [e.action, e.actorId, e.details])).toEqual([
      ["membership.added", admin.id, { userId: person.id, role: "MEMBER" }],
      ["membership.role_changed", admin.id, { userId: person.id, role: "MANAGER", from: "MEMBER" }],
      ["membership.removed", admin.id, { userId: person.id }],
    ]);
  });

  test("a deactivated person is not added: an error message, no membership, nothing audited", async () => {
    const gone = await createUser({ name: "Gone Person", active: false });
    const auditBefore = await prisma.auditLog.count();

    const response = await postToTeam(team.slug, { intent: "add-member", userId: gone.id, role: "MANAGER" });
    expectRedirectTo(response, `/admin/teams/${team.slug}`);
    expect(await flashOf(response)).toMatchObject({ kind: "error", message: expect.stringContaining("deactivated") });
    expect(await membershipOf(gone.id)).toBeNull();
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });

  test("an unknown person or role is refused with an error message", async () => {
    const person = await createUser();
    const attempts: Array<Record<string, string>> = [
      { intent: "add-member", userId: "no-such-user", role: "MEMBER" },
      { intent: "add-member", userId: person.id, role: "OWNER" },
      { intent: "add-member", role: "MEMBER" },
    ];
    for (const fields of attempts) {
      const response = await postToTeam(team.slug, fields);
      expectRedirectTo(response, `/admin/teams/${team.slug}`);
      expect((await flashOf(response))?.kind, JSON.stringify(fields)).toBe("error");
    }
    expect(await membershipOf(person.id)).toBeNull();
  });

  test("the people search lists active people who are not in the team yet", async () => {
    const outsider = await createUser({ name: "Quinlan Outsider" });
    const insider = await createUser({ name: "Quinlan Insider" });
    const deactivated = await createUser({ name: "Quinlan Deactivated", active: false });
    const byEmail = await createUser({ name: "Someone Else", email: "quinlan.mail@example.com" });
    await addMember(insider.id, team.id);

    const page = await openAdminTeam(team.slug, "QUINLAN");
    const found = page.candidates.map((c) => c.id);
    expect(found).toEqual(expect.arrayContaining([outsider.id, byEmail.id]));
    expect(found).not.toContain(insider.id);
    expect(found).not.toContain(deactivated.id);
    expect(found).toHaveLength(2);

    // A one-letter search lists nobody rather than everyone.
    expect((await openAdminTeam(team.slug, "q")).candidates).toEqual([]);
  });
});

describe("the team directory", () => {
  let employeeCookie: string;
  let parent: Team;
  let team: Team;
  let manager: User;
  let member: User;
  let formerMember: User;

  beforeAll(async () => {
    const employee = await createUser();
    employeeCookie = await signInAs(employee.id);
    parent = await createTeam({ name: "Directory Parent" });
    team = await createTeam({ name: "Directory Team", parentId: parent.id, acceptsRequests: true });
    manager = await createUser({ name: "Dana Manager", title: "Head of Directory" });
    member = await createUser({ name: "Milo Member" });
    formerMember = await createUser({ name: "Fred Former", active: false });
    await addMember(manager.id, team.id, "MANAGER");
    await addMember(member.id, team.id, "MEMBER");
    await addMember(formerMember.id, team.id, "MEMBER");
  });

  /** What the serialised loader data must never contain (SECURITY 15.3.1). */
  function expectNoPrivateData(body: string) {
    expect(body).not.toContain("@");
    expect(body.toLowerCase()).not.toContain("hash");
    expect(body).not.toContain("$argon2");
    expect(body.toLowerCase()).not.toContain("password");
  }

  test("any employee sees the list of teams, in hierarchy order, without emails or password data", async () => {
    const response = await callLoader(teamsDirectory, getRequest("/teams", { cookie: employeeCookie }));
    expect(response.status).toBe(200);
    const body = await response.text();
    expectNoPrivateData(body);

    const { teams, mayManage } = JSON.parse(body) as {
      teams: Array<{ id: string; depth: number; _count: { memberships: number } }>;
      mayManage: boolean;
    };
    expect(mayManage).toBe(false);
    const parentIndex = teams.findIndex((t) => t.id === parent.id);
    const teamIndex = teams.findIndex((t) => t.id === team.id);
    expect(parentIndex).toBeGreaterThanOrEqual(0);
    expect(teamIndex).toBe(parentIndex + 1);
    expect(teams[teamIndex]!.depth).toBe(teams[parentIndex]!.depth + 1);
  });

  test("any employee sees a team's managers and members, without emails or password data, and not deactivated people", async () => {
    const response = await callLoader(teamDirectoryPage, getRequest(`/teams/${team.slug}`, { cookie: employeeCookie }), {
      slug: team.slug,
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    expectNoPrivateData(body);

    const data = JSON.parse(body) as {
      team: { name: string; parent: { slug: string } | null; acceptsRequests: boolean };
      managers: Array<{ id: string; name: string; title: string }>;
      members: Array<{ id: string; name: string }>;
    };
    expect(data.team).toMatchObject({ name: "Directory Team", parent: { slug: parent.slug }, acceptsRequests: true });
    expect(data.managers).toEqual([{ id: manager.id, name: "Dana Manager", title: "Head of Directory", role: "MANAGER" }]);
    expect(data.members.map((m) => m.name)).toEqual(["Milo Member"]);
  });

  test("the parent's page lists the team as a sub-team", async () => {
    const response = await callLoader(teamDirectoryPage, getRequest(`/teams/${parent.slug}`, { cookie: employeeCookie }), {
      slug: parent.slug,
    });
    const data = await readJson<{ team: { children: Array<{ slug: string }> } }>(response);
    expect(data.team.children.map((c) => c.slug)).toEqual([team.slug]);
  });

  test("an unknown team answers 404", async () => {
    const response = await callLoader(teamDirectoryPage, getRequest("/teams/no-such-team", { cookie: employeeCookie }), {
      slug: "no-such-team",
    });
    expect(response.status).toBe(404);
  });

  test("someone signed out is sent to sign in", async () => {
    for (const [route, url, params] of [
      [teamsDirectory, "/teams", {}],
      [teamDirectoryPage, `/teams/${team.slug}`, { slug: team.slug }],
    ] as const) {
      const response = await callLoader(route, getRequest(url), params);
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: url })}`);
    }
  });
});
