// Administering people: only admins reach the admin pages (everyone else gets 404, SECURITY 8.2.1),
// adding a person sends an invitation, edits are validated, keep to the fields the form offers
// (8.2.3) and detect concurrent changes, and deactivation ends the person's sessions (7.4.2).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as adminLayout from "~/routes/admin";
import * as adminHome from "~/routes/admin._index";
import * as adminAudit from "~/routes/admin.audit";
import * as peopleList from "~/routes/admin.people._index";
import * as newPerson from "~/routes/admin.people.new";
import * as personPage from "~/routes/admin.people.$id";
import * as teamsList from "~/routes/admin.teams._index";
import * as newTeam from "~/routes/admin.teams.new";
import * as teamPage from "~/routes/admin.teams.$slug";
import * as categoriesList from "~/routes/admin.complaint-categories._index";
import * as newCategory from "~/routes/admin.complaint-categories.new";
import * as categoryPage from "~/routes/admin.complaint-categories.$id";
import * as adminSettings from "~/routes/admin.settings";
import * as home from "~/routes/_index";
import * as account from "~/routes/account";
import { prisma } from "~/utils/db.server";
import { can } from "~/policies/authorize.server";
import { findValidToken } from "~/models/auth-token.server";
import type { ComplaintCategory, Team, User } from "~/generated/prisma/client";
import { PROJECT_ROOT } from "../support/database-template";
import { addMember, createTeam, createUser, DEFAULT_PASSWORD } from "../support/factories";
import { createCategory } from "../support/complaint-factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs, type RouteModule, type RouteParams } from "../support/http";
import { fieldErrors, flashOf, formReply, sessionCookieOf, submitSignIn } from "../support/replies";

// ---------------------------------------------------------------------------------------------
// Who may open the admin pages: one table of every admin route.

interface Fixtures {
  person: User;
  team: Team;
  category: ComplaintCategory;
  /** Unique within the file, for names and emails the submissions create. */
  unique: string;
}

type Fields = Record<string, string>;

interface AdminRoute {
  /** The route file's name, without extension. */
  file: string;
  module: RouteModule;
  url: (f: Fixtures) => string;
  params?: (f: Fixtures) => RouteParams;
  /** For routes with an action: submissions that would change something if an admin sent them. */
  submissions?: (f: Fixtures) => Fields[];
}

const ADMIN_ROUTES: AdminRoute[] = [
  { file: "admin", module: adminLayout, url: () => "/admin/people" },
  { file: "admin._index", module: adminHome, url: () => "/admin" },
  { file: "admin.people._index", module: peopleList, url: () => "/admin/people?status=all&q=e" },
  {
    file: "admin.people.new",
    module: newPerson,
    url: () => "/admin/people/new",
    submissions: (f): Fields[] => [{ name: "Mallory Intruder", email: `mallory-${f.unique}@example.com`, title: "", role: "ADMIN" }],
  },
  {
    file: "admin.people.$id",
    module: personPage,
    url: (f) => `/admin/people/${f.person.id}`,
    params: (f) => ({ id: f.person.id }),
    submissions: (f): Fields[] => [
      { intent: "update", name: "Renamed", email: f.person.email, title: "Boss", role: "ADMIN", version: f.person.updatedAt.toISOString() },
      { intent: "resend-invitation" },
      { intent: "deactivate" },
    ],
  },
  { file: "admin.teams._index", module: teamsList, url: () => "/admin/teams" },
  {
    file: "admin.teams.new",
    module: newTeam,
    url: () => "/admin/teams/new",
    submissions: (f): Fields[] => [{ name: `Shadow Team ${f.unique}` }],
  },
  {
    file: "admin.teams.$slug",
    module: teamPage,
    url: (f) => `/admin/teams/${f.team.slug}?q=te`,
    params: (f) => ({ slug: f.team.slug }),
    submissions: (f): Fields[] => [
      { intent: "add-member", userId: f.person.id, role: "MANAGER" },
      {
        intent: "edit-team",
        name: `Renamed ${f.unique}`,
        slug: `renamed-${f.unique}`,
        complaintAckTarget: "48",
        complaintAckTargetUnit: "hours",
        version: f.team.updatedAt.toISOString(),
      },
    ],
  },
  { file: "admin.audit", module: adminAudit, url: () => "/admin/audit?action=user." },
  { file: "admin.complaint-categories._index", module: categoriesList, url: () => "/admin/complaint-categories" },
  {
    file: "admin.complaint-categories.new",
    module: newCategory,
    url: () => "/admin/complaint-categories/new",
    submissions: (f): Fields[] => [{ name: `Shadow category ${f.unique}`, ownerTeamId: f.team.id, active: "on" }],
  },
  {
    file: "admin.complaint-categories.$id",
    module: categoryPage,
    url: (f) => `/admin/complaint-categories/${f.category.id}`,
    params: (f) => ({ id: f.category.id }),
    submissions: (f): Fields[] => [
      { name: `Renamed category ${f.unique}`, ownerTeamId: f.team.id, version: f.category.updatedAt.toISOString() },
    ],
  },
  {
    file: "admin.settings",
    module: adminSettings,
    url: () => "/admin/settings",
    submissions: (): Fields[] => [
      { contactRetentionDays: String(30 + uniqueCounter), feedbackMinGroupSize: String(3 + (uniqueCounter % 40)) },
    ],
  },
];

let uniqueCounter = 0;
async function createFixtures(): Promise<Fixtures> {
  uniqueCounter += 1;
  // An invited person (no password yet), so that every submission above has something to do.
  const person = await createUser({ password: null });
  const team = await createTeam();
  const category = await createCategory({ ownerTeamId: team.id });
  return { person, team, category, unique: `u${uniqueCounter}` };
}

/** Everything the admin pages could change, in a comparable form. */
async function adminVisibleState() {
  const [users, passwords, teams, memberships, tokens, emails, auditEntries, categories, settings] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: "asc" } }),
    prisma.password.findMany({ orderBy: { userId: "asc" } }),
    prisma.team.findMany({ orderBy: { id: "asc" } }),
    prisma.membership.findMany({ orderBy: [{ userId: "asc" }, { teamId: "asc" }] }),
    prisma.authToken.findMany({ orderBy: { tokenHash: "asc" } }),
    prisma.outboundEmail.count(),
    prisma.auditLog.count(),
    prisma.complaintCategory.findMany({ orderBy: { id: "asc" } }),
    prisma.appSetting.findMany({ orderBy: { key: "asc" } }),
  ]);
  return { users, passwords, teams, memberships, tokens, emails, auditEntries, categories, settings };
}

function routeParams(route: AdminRoute, f: Fixtures) {
  return route.params?.(f) ?? {};
}

const actionCases = ADMIN_ROUTES.flatMap((route) => (route.module.action ? [{ file: route.file, route }] : []));

describe("the admin pages", () => {
  let employee: User;
  let employeeCookie: string;
  let fixtures: Fixtures;

  beforeAll(async () => {
    employee = await createUser();
    employeeCookie = await signInAs(employee.id);
    fixtures = await createFixtures();
  });

  test("the table lists every admin route file, and a submission for every action", () => {
    const files = fs
      .readdirSync(path.join(PROJECT_ROOT, "app", "routes"))
      .filter((name) => /^admin[.]/.test(name))
      .map((name) => name.replace(/\.tsx?$/, ""));
    expect(ADMIN_ROUTES.map((r) => r.file).sort()).toEqual(files.sort());
    for (const route of ADMIN_ROUTES) {
      expect(Boolean(route.submissions), `${route.file}: an action needs submissions in the table`).toBe(Boolean(route.module.action));
    }
  });

  test.each(ADMIN_ROUTES.map((route) => ({ file: route.file, route })))(
    "$file: the loader answers 404 to an employee",
    async ({ route }) => {
      const before = await adminVisibleState();
      const response = await callLoader(
        route.module,
        getRequest(route.url(fixtures), { cookie: employeeCookie }),
        routeParams(route, fixtures),
      );
      expect(response.status).toBe(404);
      expect(await adminVisibleState()).toEqual(before);
    },
  );

  test.each(actionCases)("$file: the action answers 404 to an employee and changes nothing", async ({ route }) => {
    for (const fields of route.submissions!(fixtures)) {
      const before = await adminVisibleState();
      const response = await callAction(
        route.module,
        formRequest(route.url(fixtures), fields, { cookie: employeeCookie }),
        routeParams(route, fixtures),
      );
      expect(response.status, JSON.stringify(fields)).toBe(404);
      expect(await adminVisibleState()).toEqual(before);
    }
  });

  test.each(ADMIN_ROUTES.map((route) => ({ file: route.file, route })))(
    "$file: someone signed out is sent to sign in, with the way back",
    async ({ route }) => {
      const url = route.url(fixtures);
      const expected = `/login?${new URLSearchParams({ redirectTo: url })}`;
      const loaderResponse = await callLoader(route.module, getRequest(url), routeParams(route, fixtures));
      expect(loaderResponse.status).toBe(302);
      expect(loaderResponse.headers.get("Location")).toBe(expected);

      for (const fields of route.submissions?.(fixtures) ?? []) {
        const before = await adminVisibleState();
        const response = await callAction(route.module, formRequest(url, fields), routeParams(route, fixtures));
        expect(response.status).toBe(302);
        expect(response.headers.get("Location")).toBe(expected);
        expect(await adminVisibleState()).toEqual(before);
      }
    },
  );

  test("the same requests work for an admin (so the 404s above are the permission check)", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const cookie = await signInAs(admin.id);
    for (const route of ADMIN_ROUTES) {
      const f = await createFixtures();
      const loaded = await callLoader(route.module, getRequest(route.url(f), { cookie }), routeParams(route, f));
      expect([200, 302], `${route.file} loader`).toContain(loaded.status);
      if (loaded.status === 302) expect(loaded.headers.get("Location")).not.toMatch(/^\/login/);
      for (const fields of route.submissions?.(f) ?? []) {
        const response = await callAction(route.module, formRequest(route.url(f), fields, { cookie }), routeParams(route, f));
        expect(response.status, `${route.file} ${JSON.stringify(fields)}`).toBe(302);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers for the admin's own work.

let admin: User;
let adminCookie: string;

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN", name: "Ada Admin" });
  adminCookie = await signInAs(admin.id);
});

function addPerson(fields: Record<string, string>, cookie = adminCookie) {
  return callAction(newPerson, formRequest("/admin/people/new", fields, { cookie }));
}

async function openPerson(id: string, cookie = adminCookie) {
  const response = await callLoader(personPage, getRequest(`/admin/people/${id}`, { cookie }), { id });
  expect(response.status).toBe(200);
  return readJson<{
    person: { id: string; name: string; email: string; title: string; role: string; updatedAt: string };
    mayChangeAccess: boolean;
  }>(response);
}

function postToPerson(id: string, fields: Record<string, string>, cookie = adminCookie) {
  return callAction(personPage, formRequest(`/admin/people/${id}`, fields, { cookie }), { id });
}

/** The edit form as the page renders it for `id`, with `changes` typed over it. */
async function editPerson(id: string, changes: Record<string, string>, cookie = adminCookie) {
  const { person } = await openPerson(id, cookie);
  const form = {
    intent: "update",
    name: person.name,
    email: person.email,
    title: person.title,
    role: person.role,
    version: person.updatedAt,
  };
  return postToPerson(id, { ...form, ...changes }, cookie);
}

async function expectRedirectTo(response: Response, location: string) {
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe(location);
}

async function auditOf(targetId: string) {
  return prisma.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } });
}

async function openHome(cookie: string) {
  return callLoader(home, getRequest("/", { cookie }));
}

// ---------------------------------------------------------------------------------------------

describe("adding a person", () => {
  test("creates an invited account, emails them a link to choose a password, and says so", async () => {
    const response = await addPerson({ name: "Nora Newcomer", email: "  Nora.Newcomer@Example.COM ", title: "Analyst", role: "ADMIN" });

    const user = await prisma.user.findUnique({ where: { email: "nora.newcomer@example.com" }, include: { password: true } });
    expect(user).not.toBeNull();
    await expectRedirectTo(response, `/admin/people/${user!.id}`);
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: expect.stringContaining("Nora Newcomer was added") });
    expect(user).toMatchObject({ name: "Nora Newcomer", title: "Analyst", role: "ADMIN", active: true, password: null });

    const tokens = await prisma.authToken.findMany({ where: { userId: user!.id } });
    expect(tokens.map((t) => t.purpose)).toEqual(["INVITATION"]);
    const emails = await prisma.outboundEmail.findMany({ where: { to: "nora.newcomer@example.com" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain("/invitation/");
    // The link in the email is the one that lets them in.
    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(emails[0]!.text)![1]!;
    expect((await findValidToken(token, "INVITATION"))?.id).toBe(user!.id);

    const entries = await auditOf(user!.id);
    expect(entries.map((e) => e.action)).toEqual(["user.created"]);
    expect(entries[0]!.actorId).toBe(admin.id);
  });

  test.each([
    {
      problem: "a missing name",
      fields: { name: "", email: "kept-email@example.com", title: "Kept title" },
      field: "name",
      kept: { email: "kept-email@example.com", title: "Kept title" },
    },
    {
      problem: "an invalid email",
      fields: { name: "Kept Name", email: "not-an-email", title: "Kept title" },
      field: "email",
      kept: { name: "Kept Name", email: "not-an-email", title: "Kept title" },
    },
  ])("$problem: 400 with the field's message, the typed values kept, nobody added", async ({ fields, field, kept }) => {
    const usersBefore = await prisma.user.count();
    const emailsBefore = await prisma.outboundEmail.count();
    const response = await addPerson({ ...fields, role: "EMPLOYEE" });

    expect(response.status).toBe(400);
    const reply = await formReply(response);
    expect(reply.error?.[field]?.length).toBeGreaterThan(0);
    expect(reply.initialValue).toMatchObject(kept);
    expect(await prisma.user.count()).toBe(usersBefore);
    expect(await prisma.outboundEmail.count()).toBe(emailsBefore);
  });

  test("an email someone already has, in any case, is refused on the email field", async () => {
    await createUser({ email: "daniel.kim@example.com", name: "Daniel Kim" });
    const usersBefore = await prisma.user.count();

    const response = await addPerson({ name: "Another Daniel", email: "Daniel.Kim@Example.com", role: "EMPLOYEE" });
    expect(response.status).toBe(400);
    const reply = await formReply(response.clone());
    expect(reply.error?.email).toEqual(["Someone already has this email address."]);
    expect(reply.initialValue).toMatchObject({ name: "Another Daniel" });
    expect(await prisma.user.count()).toBe(usersBefore);
    expect(await prisma.outboundEmail.count({ where: { to: "daniel.kim@example.com" } })).toBe(0);
  });

  test("the same form sent twice at once adds one person and sends one invitation", async () => {
    const fields = { name: "Double Clicker", email: "double.clicker@example.com", role: "EMPLOYEE" };
    const responses = await Promise.all([addPerson(fields), addPerson(fields)]);

    expect(responses.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await prisma.user.count({ where: { email: fields.email } })).toBe(1);
    expect(await prisma.outboundEmail.count({ where: { to: fields.email } })).toBe(1);
  });
});

describe("editing a person", () => {
  test("saves the fields the form offers and ignores any others (id, active, password)", async () => {
    const target = await createUser({ name: "Tess Target" });
    const bystander = await createUser({ name: "Bob Bystander" });

    const response = await editPerson(target.id, {
      name: "Tess Renamed",
      title: "Lead",
      id: bystander.id,
      userId: bystander.id,
      active: "false",
      deactivatedAt: new Date().toISOString(),
      password: "an injected password",
    });
    await expectRedirectTo(response, `/admin/people/${target.id}`);
    expect(await flashOf(response)).toMatchObject({ kind: "success" });

    const after = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ name: "Tess Renamed", title: "Lead", active: true, deactivatedAt: null, role: "EMPLOYEE" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: bystander.id } })).toEqual(bystander);
    // The injected password changed nothing: the old one still signs in.
    expect((await submitSignIn(target.email, DEFAULT_PASSWORD)).status).toBe(302);
  });

  test("an email someone else has is refused, whatever its case", async () => {
    const first = await createUser();
    const second = await createUser();
    const response = await editPerson(second.id, { email: first.email.toUpperCase() });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "email")).toEqual(["Someone already has this email address."]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: second.id } })).email).toBe(second.email);
  });

  test("a change of role is audited with from and to, and gives the person the admin pages", async () => {
    const target = await createUser();
    const targetCookie = await signInAs(target.id);
    expect((await callLoader(peopleList, getRequest("/admin/people", { cookie: targetCookie }))).status).toBe(404);

    await expectRedirectTo(await editPerson(target.id, { role: "ADMIN" }), `/admin/people/${target.id}`);

    const roleChanges = (await auditOf(target.id)).filter((e) => e.action === "user.role_changed");
    expect(roleChanges).toHaveLength(1);
    expect(roleChanges[0]).toMatchObject({ actorId: admin.id, details: { from: "EMPLOYEE", to: "ADMIN" } });
    expect((await callLoader(peopleList, getRequest("/admin/people", { cookie: targetCookie }))).status).toBe(200);
  });

  test("a form opened before someone else's edit is refused with 409 and does not overwrite it", async () => {
    const target = await createUser({ name: "Original Name" });
    const otherAdmin = await createUser({ role: "ADMIN" });
    const otherCookie = await signInAs(otherAdmin.id);

    const { person: stale } = await openPerson(target.id);
    await expectRedirectTo(await editPerson(target.id, { name: "Their Edit" }, otherCookie), `/admin/people/${target.id}`);

    const response = await postToPerson(target.id, {
      intent: "update",
      name: "My Edit",
      email: stale.email,
      title: stale.title,
      role: "ADMIN",
      version: stale.updatedAt,
    });
    expect(response.status).toBe(409);
    const reply = await formReply(response);
    expect(reply.error?.[""]?.join(" ")).toMatch(/^Someone else changed this person/);
    expect(reply.initialValue).toMatchObject({ name: "My Edit" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ name: "Their Edit", role: "EMPLOYEE" });
  });
});

describe("an admin's own access", () => {
  test("the policy lets an admin change other people's access, never their own", () => {
    expect(can(admin, "person.change-access", { id: "someone-else" })).toBe(true);
    expect(can(admin, "person.change-access", { id: admin.id })).toBe(false);
    expect(can({ id: "x", role: "EMPLOYEE" }, "person.change-access", { id: "someone-else" })).toBe(false);
  });

  test("their own page locks the role; a hand-made role change is ignored while the other edits are saved", async () => {
    const self = await createUser({ role: "ADMIN", name: "Self Admin" });
    const cookie = await signInAs(self.id);
    expect((await openPerson(self.id, cookie)).mayChangeAccess).toBe(false);

    const response = await editPerson(self.id, { role: "EMPLOYEE", title: "Still in charge" }, cookie);
    await expectRedirectTo(response, `/admin/people/${self.id}`);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: self.id } });
    expect(after).toMatchObject({ role: "ADMIN", title: "Still in charge" });
    expect((await auditOf(self.id)).map((e) => e.action)).not.toContain("user.role_changed");
  });

  test("deactivating themselves is refused with an error message; they stay signed in", async () => {
    const self = await createUser({ role: "ADMIN" });
    const cookie = await signInAs(self.id);

    const response = await postToPerson(self.id, { intent: "deactivate" }, cookie);
    await expectRedirectTo(response, `/admin/people/${self.id}`);
    expect(await flashOf(response)).toMatchObject({ kind: "error", message: expect.stringContaining("can't deactivate your own account") });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: self.id } })).active).toBe(true);
    expect((await openHome(cookie)).status).toBe(200);
    expect((await auditOf(self.id)).map((e) => e.action)).not.toContain("user.deactivated");
  });

  test("an employee who posts role=ADMIN with their password change stays an employee", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    const newPassword = "a brand new passphrase 42";
    const response = await callAction(
      account,
      formRequest(
        "/account",
        { currentPassword: DEFAULT_PASSWORD, password: newPassword, confirmPassword: newPassword, role: "ADMIN", active: "true" },
        { cookie },
      ),
    );
    await expectRedirectTo(response, "/account");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("EMPLOYEE");
    expect((await callLoader(peopleList, getRequest("/admin/people", { cookie }))).status).toBe(404);
  });
});

describe("deactivating and reactivating", () => {
  let person: User;
  let personCookie: string;

  beforeEach(async () => {
    await prisma.rateLimitEvent.deleteMany();
    person = await createUser({ name: "Dee Activated" });
    const team = await createTeam();
    await addMember(person.id, team.id, "MANAGER");
    personCookie = await signInAs(person.id);
    await signInAs(person.id); // a second device
    expect((await openHome(personCookie)).status).toBe(200);
  });

  test("deactivation signs them out everywhere at once and is audited", async () => {
    const response = await postToPerson(person.id, { intent: "deactivate" });
    await expectRedirectTo(response, `/admin/people/${person.id}`);
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: expect.stringContaining("signed out everywhere") });

    const next = await openHome(personCookie);
    expect(next.status).toBe(302);
    expect(next.headers.get("Location")).toBe("/login");
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).deactivatedAt).not.toBeNull();
    expect((await submitSignIn(person.email, DEFAULT_PASSWORD)).status).toBe(401);

    const entries = (await auditOf(person.id)).filter((e) => e.action === "user.deactivated");
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actorId).toBe(admin.id);
    // Their history stays: the membership is kept for when they come back.
    expect(await prisma.membership.count({ where: { userId: person.id } })).toBe(1);
  });

  test("reactivation lets them sign in again with their password, and is audited", async () => {
    await postToPerson(person.id, { intent: "deactivate" });
    const response = await postToPerson(person.id, { intent: "reactivate" });
    await expectRedirectTo(response, `/admin/people/${person.id}`);
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: expect.stringContaining("can sign in again") });

    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ active: true, deactivatedAt: null });
    const signIn = await submitSignIn(person.email, DEFAULT_PASSWORD);
    expect(signIn.status).toBe(302);
    expect((await openHome(sessionCookieOf(signIn))).status).toBe(200);
    expect((await auditOf(person.id)).map((e) => e.action)).toEqual(["user.deactivated", "user.reactivated"]);
  });
});
