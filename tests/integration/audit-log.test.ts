// The admin audit log page: newest first, filtered by kind of event and by who did it,
// paginated with an "older entries" cursor, and not there at all for anyone but admins.
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as auditPage from "~/routes/admin.audit";
import * as newTeam from "~/routes/admin.teams.new";
import * as newPerson from "~/routes/admin.people.new";
import * as adminTeam from "~/routes/admin.teams.$slug";
import { prisma } from "~/utils/db.server";
import { AUDIT_PAGE_SIZE } from "~/models/audit-log.server";
import type { User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { submitSignIn } from "../support/replies";

interface AuditPage {
  entries: Array<{
    id: string;
    at: string;
    action: string;
    actorId: string | null;
    actor: { name: string; email: string } | null;
    details: unknown;
  }>;
  nextCursor?: string;
  action: string;
  actor: string;
}

let alice: User;
let aliceCookie: string;
let bob: User;
let bobCookie: string;

beforeAll(async () => {
  alice = await createUser({ role: "ADMIN", name: "Alice Admin", email: "alice.admin@example.com" });
  bob = await createUser({ role: "ADMIN", name: "Bob Admin", email: "bob.admin@example.com" });
  aliceCookie = await signInAs(alice.id);
  bobCookie = await signInAs(bob.id);
});

beforeEach(async () => {
  await prisma.rateLimitEvent.deleteMany();
});

async function openAuditLog(params: Record<string, string> = {}, cookie = aliceCookie) {
  const query = new URLSearchParams(params).toString();
  const response = await callLoader(auditPage, getRequest(`/admin/audit${query ? `?${query}` : ""}`, { cookie }));
  expect(response.status).toBe(200);
  return readJson<AuditPage>(response);
}

/** Every entry, following the "Older entries" link page by page. */
async function walkAllPages(params: Record<string, string> = {}) {
  const pages: AuditPage[] = [];
  let before: string | undefined;
  do {
    const page = await openAuditLog({ ...params, ...(before ? { before } : {}) });
    pages.push(page);
    before = page.nextCursor;
    expect(pages.length, "pagination should end").toBeLessThan(20);
  } while (before);
  return pages;
}

function createTeamAs(cookie: string, name: string) {
  return callAction(newTeam, formRequest("/admin/teams/new", { name }, { cookie }));
}

function addPersonAs(cookie: string, name: string, email: string) {
  return callAction(newPerson, formRequest("/admin/people/new", { name, email, role: "EMPLOYEE" }, { cookie }));
}

function expectNewestFirst(entries: AuditPage["entries"]) {
  for (let i = 1; i < entries.length; i++) {
    expect(BigInt(entries[i]!.id)).toBeLessThan(BigInt(entries[i - 1]!.id));
    expect(Date.parse(entries[i]!.at)).toBeLessThanOrEqual(Date.parse(entries[i - 1]!.at));
  }
}

describe("the audit log page", () => {
  test("lists what just happened, newest first, with who did it", async () => {
    expect((await submitSignIn(alice.email, "not alice's password")).status).toBe(401);
    expect((await createTeamAs(aliceCookie, "Audited Team")).status).toBe(302);
    expect((await addPersonAs(bobCookie, "Audited Person", "audited.person@example.com")).status).toBe(302);

    const { entries } = await openAuditLog();
    expect(entries.slice(0, 3).map((e) => [e.action, e.actor?.email])).toEqual([
      ["user.created", "bob.admin@example.com"],
      ["team.created", "alice.admin@example.com"],
      ["auth.sign_in_failed", "alice.admin@example.com"],
    ]);
    expectNewestFirst(entries);
  });

  test("is not cached by the browser", async () => {
    const response = await callLoader(auditPage, getRequest("/admin/audit", { cookie: aliceCookie }));
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  describe("filtering by kind", () => {
    // One of each kind, so every filter has something to show and something to hide.
    beforeAll(async () => {
      await submitSignIn("nobody-at-all@example.com", "whatever it is");
      const team = await createTeam();
      const member = await createUser();
      await createTeamAs(aliceCookie, "Filter Team");
      await addPersonAs(aliceCookie, "Filter Person", "filter.person@example.com");
      await callAction(
        adminTeam,
        formRequest(`/admin/teams/${team.slug}`, { intent: "add-member", userId: member.id, role: "MEMBER" }, { cookie: aliceCookie }),
        { slug: team.slug },
      );
    });

    test.each([
      { group: "auth.", label: "sign-ins and passwords" },
      { group: "auth.sign_in_failed", label: "failed sign-ins" },
      { group: "user.", label: "people" },
      { group: "team.", label: "teams" },
      { group: "membership.", label: "memberships" },
    ])("the $label filter shows only those entries", async ({ group }) => {
      const everything = (await walkAllPages()).flatMap((p) => p.entries);
      const expected = everything.filter((e) => e.action.startsWith(group)).map((e) => e.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(everything.length);

      const page = await openAuditLog({ action: group });
      expect(page.action).toBe(group);
      expect(page.entries.map((e) => e.id)).toEqual(expected.slice(0, AUDIT_PAGE_SIZE));
    });
  });

  test("an action value that isn't one of the filters shows everything", async () => {
    const page = await openAuditLog({ action: "'; DROP TABLE audit_log; --" });
    expect(page.action).toBe("");
    expect(page.entries.map((e) => e.id)).toEqual((await openAuditLog()).entries.map((e) => e.id));
  });

  test("the actor filter shows what one person did, whatever the email's case", async () => {
    await createTeamAs(bobCookie, "Bob's Own Team");
    await createTeamAs(aliceCookie, "Alice's Own Team");

    const bobs = await openAuditLog({ actor: "  BOB.Admin@Example.com " });
    expect(bobs.entries.length).toBeGreaterThan(0);
    expect(bobs.entries.every((e) => e.actorId === bob.id && e.actor?.email === bob.email)).toBe(true);
    expect(bobs.entries.length).toBe(await prisma.auditLog.count({ where: { actorId: bob.id } }));

    const bobsTeams = await openAuditLog({ actor: bob.email, action: "team." });
    expect(bobsTeams.entries.length).toBeGreaterThan(0);
    expect(bobsTeams.entries.every((e) => e.actorId === bob.id && e.action.startsWith("team."))).toBe(true);

    expect((await openAuditLog({ actor: "nobody-by-that-name@example.com" })).entries).toEqual([]);
  });

  test("more than a page of entries: the 'older entries' cursor walks through all of them once", async () => {
    const pager = await createUser({ name: "Page Turner", email: "page.turner@example.com" });
    const start = Date.now() - 60 * 60_000;
    const total = 2 * AUDIT_PAGE_SIZE + 7;
    // Two in three are team changes, so that the team filter alone has more than a page too.
    await prisma.auditLog.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        action: i % 3 === 0 ? "user.updated" : "team.updated",
        actorId: pager.id,
        at: new Date(start + i * 1000),
        details: { n: i },
      })),
    });

    const pages = await walkAllPages({ actor: pager.email });
    expect(pages.map((p) => p.entries.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 7]);
    const entries = pages.flatMap((p) => p.entries);
    expect(entries.map((e) => (e.details as { n: number }).n)).toEqual(Array.from({ length: total }, (_, i) => total - 1 - i));
    expectNewestFirst(entries);

    // The cursor keeps the filters: every page of the team filter holds only team entries.
    const teamPages = await walkAllPages({ actor: pager.email, action: "team." });
    const teamEntries = teamPages.flatMap((p) => p.entries);
    const teamCount = Array.from({ length: total }, (_, i) => i).filter((i) => i % 3 !== 0).length;
    expect(teamPages.map((p) => p.entries.length)).toEqual([AUDIT_PAGE_SIZE, teamCount - AUDIT_PAGE_SIZE]);
    expect(teamEntries.every((e) => e.action === "team.updated")).toBe(true);
    expectNewestFirst(teamEntries);

    // The unfiltered log pages through every row once, too.
    const everything = (await walkAllPages()).flatMap((p) => p.entries.map((e) => e.id));
    expect(new Set(everything).size).toBe(everything.length);
    expect(everything.length).toBe(await prisma.auditLog.count());
  });

  test("a cursor that isn't a number is ignored", async () => {
    const page = await openAuditLog({ before: "1 OR 1=1" });
    expect(page.entries.map((e) => e.id)).toEqual((await openAuditLog()).entries.map((e) => e.id));
  });
});

describe("who may read it", () => {
  test("an employee, even a team manager, gets 404", async () => {
    const manager = await createUser();
    await addMember(manager.id, (await createTeam()).id, "MANAGER");
    for (const user of [await createUser(), manager]) {
      const response = await callLoader(auditPage, getRequest("/admin/audit", { cookie: await signInAs(user.id) }));
      expect(response.status).toBe(404);
    }
  });

  test("someone signed out is sent to sign in", async () => {
    const response = await callLoader(auditPage, getRequest("/admin/audit?action=auth."));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/admin/audit?action=auth." })}`);
  });
});
