// The team queue (/teams/<slug>/queue): who may see it, each filter, the sort orders, keyset pages
// without duplicates or gaps, the counts per status, bad input, and a fixed number of queries.
import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import * as queueRoute from "~/routes/teams.$slug_.queue";
import { prisma } from "~/utils/db.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { insertRequest, insertRequests, insertRequestType, type RequestFields } from "../support/request-factories";
import { callLoader, getRequest, readJson, signInAs } from "../support/http";

interface QueueRow {
  id: string;
  number: number;
  title: string;
  status: string;
  priority: string;
  assigneeName: string | null;
  requesterName: string;
  typeName: string;
  sla: { kind: string; text: string };
  age: string;
  createdAt: string;
}

interface QueueData {
  rows: QueueRow[];
  counts: Record<string, number>;
  notices: string[];
  filters: { statuses: string[]; assignee: string; q: string; sort: string };
  pages: { next: string | null; prev: string | null; first: string | null };
}

async function openQueue(cookie: string, slug: string, query = "") {
  const url = `/teams/${slug}/queue${query ? `?${query}` : ""}`;
  return callLoader(queueRoute, getRequest(url, { cookie }), { slug });
}

async function queue(cookie: string, slug: string, query = ""): Promise<QueueData> {
  const response = await openQueue(cookie, slug, query);
  expect(response.status).toBe(200);
  return readJson<QueueData>(response);
}

async function followLink(cookie: string, slug: string, href: string): Promise<QueueData> {
  return queue(cookie, slug, new URL(href, "http://localhost").search.slice(1));
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);

let provider: Team;
let parent: Team;
let requesting: Team;
let member: User;
let teammate: User;
let managerAbove: User;
let admin: User;
let outsider: User;
let requester: User;
let memberCookie: string;
let fixtures: Record<string, Awaited<ReturnType<typeof insertRequest>>>;

beforeAll(async () => {
  parent = await createTeam({ name: "Operations" });
  provider = await createTeam({ name: "Facilities", acceptsRequests: true, parentId: parent.id });
  requesting = await createTeam({ name: "Finance" });
  [member, teammate, managerAbove, admin, outsider, requester] = await Promise.all([
    createUser({ name: "Mia Member" }),
    createUser({ name: "Tom Teammate" }),
    createUser({ name: "Olga Operations" }),
    createUser({ name: "Ada Admin", role: "ADMIN" }),
    createUser({ name: "Otto Outsider" }),
    createUser({ name: "Rita Requester" }),
  ]);
  await addMember(member.id, provider.id);
  await addMember(teammate.id, provider.id);
  await addMember(managerAbove.id, parent.id, "MANAGER");
  await addMember(outsider.id, requesting.id);
  await addMember(requester.id, requesting.id);
  memberCookie = await signInAs(member.id);

  const move = await insertRequestType(provider.id, { name: "Desk move" });
  const repair = await insertRequestType(provider.id, { name: "Repair" });
  const base = { providerTeamId: provider.id, requesterId: requester.id, requestingTeamId: requesting.id };
  const make = (fields: Partial<RequestFields>) => insertRequest({ ...base, typeId: move.id, ...fields });
  fixtures = {
    chair: await make({
      title: "Broken chair in room 4",
      status: "NEW",
      priority: "HIGH",
      assigneeId: member.id,
      createdAt: ago(5 * DAY),
      resolutionDueAt: ago(2 * DAY),
    }),
    tap: await make({
      title: "Leaking tap",
      body: "Water under the sink near the KITCHEN door.",
      status: "IN_PROGRESS",
      priority: "URGENT",
      typeId: repair.id,
      createdAt: ago(3 * DAY),
      resolutionDueAt: new Date(now + DAY + 2 * HOUR),
    }),
    projector: await make({
      title: "Projector 100% broken",
      status: "WAITING_ON_REQUESTER",
      priority: "LOW",
      assigneeId: teammate.id,
      createdAt: ago(2 * DAY),
    }),
    door: await make({
      title: "Fix door_handle",
      status: "RESOLVED",
      typeId: repair.id,
      assigneeId: member.id,
      createdAt: ago(10 * DAY),
      resolutionDueAt: ago(7 * DAY),
    }),
    old: await make({ title: "Old ticket", status: "CLOSED", createdAt: ago(20 * DAY) }),
    cancelled: await make({ title: "Never mind", status: "CANCELLED", priority: "LOW", typeId: repair.id, createdAt: ago(DAY) }),
    lookalike: await make({ title: "Fix doorXhandle", status: "NEW", createdAt: ago(HOUR) }),
  };
  // Another team's request with the same words must never show in this queue.
  const other = await createTeam({ name: "IT", acceptsRequests: true });
  const otherType = await insertRequestType(other.id);
  await insertRequest({ ...base, providerTeamId: other.id, typeId: otherType.id, title: "Broken chair in IT", createdAt: ago(HOUR) });
});

const titles = (data: QueueData) => data.rows.map((r) => r.title);

describe("who sees the queue", () => {
  test("a member sees the team's open requests, newest first, with every column", async () => {
    const data = await queue(memberCookie, provider.slug);
    expect(titles(data)).toEqual(["Fix doorXhandle", "Projector 100% broken", "Leaking tap", "Broken chair in room 4"]);
    const chair = data.rows.find((r) => r.title.startsWith("Broken chair"))!;
    expect(chair).toMatchObject({
      number: fixtures.chair!.number,
      requesterName: "Rita Requester",
      typeName: "Desk move",
      priority: "HIGH",
      status: "NEW",
      assigneeName: "Mia Member",
      age: "5 d",
    });
    expect(chair.sla).toMatchObject({ kind: "overdue", text: "Overdue by 2 d" });
    expect(data.rows.find((r) => r.title === "Leaking tap")?.sla.text).toBe("Due in 1 d 1 h");
  });

  test("a manager of the team above and an admin see it too", async () => {
    for (const user of [managerAbove, admin]) {
      const data = await queue(await signInAs(user.id), provider.slug);
      expect(data.rows).toHaveLength(4);
    }
  });

  test("someone outside the team gets 404, as does an unknown team", async () => {
    expect((await openQueue(await signInAs(outsider.id), provider.slug)).status).toBe(404);
    expect((await openQueue(await signInAs(requester.id), provider.slug)).status).toBe(404);
    expect((await openQueue(memberCookie, "no-such-team")).status).toBe(404);
  });

  test("signed out: sent to sign in", async () => {
    const response = await callLoader(queueRoute, getRequest(`/teams/${provider.slug}/queue`), { slug: provider.slug });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("filters", () => {
  test("status: one, several, all", async () => {
    expect(titles(await queue(memberCookie, provider.slug, "status=RESOLVED"))).toEqual(["Fix door_handle"]);
    expect(titles(await queue(memberCookie, provider.slug, "status=CLOSED&status=CANCELLED"))).toEqual(["Never mind", "Old ticket"]);
    expect((await queue(memberCookie, provider.slug, "status=all")).rows).toHaveLength(7);
  });

  test("assignee: me, unassigned, a teammate", async () => {
    const all = "status=all&";
    expect(titles(await queue(memberCookie, provider.slug, `${all}assignee=me`))).toEqual(["Broken chair in room 4", "Fix door_handle"]);
    expect(titles(await queue(memberCookie, provider.slug, `${all}assignee=unassigned`))).toEqual([
      "Fix doorXhandle",
      "Never mind",
      "Leaking tap",
      "Old ticket",
    ]);
    expect(titles(await queue(memberCookie, provider.slug, `${all}assignee=${teammate.id}`))).toEqual(["Projector 100% broken"]);
  });

  test("an assignee who isn't on the team is ignored, with a notice", async () => {
    const data = await queue(memberCookie, provider.slug, `assignee=${outsider.id}`);
    expect(data.rows).toHaveLength(4);
    expect(data.notices).toContain("Ignored the assignee filter: that person isn't on this team.");
  });

  test("priority, one or several", async () => {
    expect(titles(await queue(memberCookie, provider.slug, "priority=URGENT"))).toEqual(["Leaking tap"]);
    expect(titles(await queue(memberCookie, provider.slug, "status=all&priority=LOW&priority=HIGH"))).toEqual([
      "Never mind",
      "Projector 100% broken",
      "Broken chair in room 4",
    ]);
  });

  test("type; another team's type is ignored with a notice", async () => {
    const repair = await prisma.requestType.findFirstOrThrow({ where: { teamId: provider.id, name: "Repair" } });
    expect(titles(await queue(memberCookie, provider.slug, `status=all&type=${repair.id}`))).toEqual([
      "Never mind",
      "Leaking tap",
      "Fix door_handle",
    ]);
    const foreign = await prisma.requestType.findFirstOrThrow({ where: { teamId: { not: provider.id } } });
    const data = await queue(memberCookie, provider.slug, `type=${foreign.id}`);
    expect(data.rows).toHaveLength(4);
    expect(data.notices).toContain("Ignored the request type filter: this team has no such type.");
  });

  test("overdue: past the resolution target and still open", async () => {
    // The resolved door handle is past its date too, but done.
    expect(titles(await queue(memberCookie, provider.slug, "status=all&overdue=1"))).toEqual(["Broken chair in room 4"]);
  });

  test("search: title and body, any case; the team's own requests only", async () => {
    expect(titles(await queue(memberCookie, provider.slug, "q=broken+CHAIR"))).toEqual(["Broken chair in room 4"]);
    expect(titles(await queue(memberCookie, provider.slug, "q=kitchen"))).toEqual(["Leaking tap"]);
    expect(titles(await queue(memberCookie, provider.slug, `q=REQ-${fixtures.tap!.number}`))).toEqual(["Leaking tap"]);
  });

  test("search: % and _ match themselves, not anything", async () => {
    expect(titles(await queue(memberCookie, provider.slug, "q=100%25"))).toEqual(["Projector 100% broken"]);
    expect(titles(await queue(memberCookie, provider.slug, "status=all&q=door_handle"))).toEqual(["Fix door_handle"]);
    expect(await queue(memberCookie, provider.slug, "q=%25")).toMatchObject({
      rows: [expect.objectContaining({ title: "Projector 100% broken" })],
    });
  });

  test("search: SQL in the search box is just text", async () => {
    for (const q of ["'; DROP TABLE requests; --", "' OR '1'='1", "\\", "%' OR 1=1 --"]) {
      const data = await queue(memberCookie, provider.slug, new URLSearchParams({ q, status: "all" }).toString());
      expect(data.rows).toEqual([]);
    }
    expect(await prisma.request.count({ where: { providerTeamId: provider.id } })).toBe(7);
  });

  test("filters combine", async () => {
    expect(titles(await queue(memberCookie, provider.slug, "status=all&assignee=me&priority=NORMAL&q=door"))).toEqual(["Fix door_handle"]);
  });

  test("garbage everywhere: a page with notices, never an error", async () => {
    const data = await queue(
      memberCookie,
      provider.slug,
      "status=NOPE&priority=x&sort=%00&after=%F0%9F%92%A9&assignee=%3Cscript%3E&type=..%2F..",
    );
    expect(data.rows).toHaveLength(4);
    expect(data.notices.length).toBeGreaterThanOrEqual(5);
  });
});

describe("counts per status", () => {
  test("the other filters apply, the status filter doesn't", async () => {
    const expected = { NEW: 1, IN_PROGRESS: 1, WAITING_ON_REQUESTER: 0, RESOLVED: 0, CLOSED: 1, CANCELLED: 1 };
    expect((await queue(memberCookie, provider.slug, "assignee=unassigned")).counts).toEqual(expected);
    const closed = await queue(memberCookie, provider.slug, "assignee=unassigned&status=CLOSED");
    expect(titles(closed)).toEqual(["Old ticket"]);
    expect(closed.counts).toEqual(expected);
    expect((await queue(memberCookie, provider.slug)).counts).toEqual({
      NEW: 2,
      IN_PROGRESS: 1,
      WAITING_ON_REQUESTER: 1,
      RESOLVED: 1,
      CLOSED: 1,
      CANCELLED: 1,
    });
  });
});

describe("sort orders", () => {
  test("newest, oldest, priority, due soonest", async () => {
    const all = Object.values(fixtures);
    const byTitle = (list: typeof all) => list.map((r) => r.title);
    const newest = [...all].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    expect(titles(await queue(memberCookie, provider.slug, "status=all"))).toEqual(byTitle(newest));
    expect(titles(await queue(memberCookie, provider.slug, "status=all&sort=oldest"))).toEqual(byTitle([...newest].reverse()));
    const rank = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };
    const priority = [...newest].sort((a, b) => rank[a.priority] - rank[b.priority]);
    expect(titles(await queue(memberCookie, provider.slug, "status=all&sort=priority"))).toEqual(byTitle(priority));
    const due = [...all].sort((a, b) => a.resolutionDueAt.getTime() - b.resolutionDueAt.getTime());
    expect(titles(await queue(memberCookie, provider.slug, "status=all&sort=due"))).toEqual(byTitle(due));
  });
});

describe("keyset pages", () => {
  let big: Team;
  let bigCookie: string;
  const TOTAL = 61;

  beforeAll(async () => {
    big = await createTeam({ name: "Big Queue", acceptsRequests: true });
    const worker = await createUser();
    await addMember(worker.id, big.id);
    bigCookie = await signInAs(worker.id);
    const type = await insertRequestType(big.id);
    const priorities = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
    const start = Date.now() - 30 * DAY;
    // Four requests share each creation time and due date: ties the id must break.
    await insertRequests(TOTAL, (i) => ({
      providerTeamId: big.id,
      typeId: type.id,
      requesterId: requester.id,
      priority: priorities[i % 4],
      createdAt: new Date(start + Math.floor(i / 4) * HOUR),
      resolutionDueAt: new Date(start + 10 * DAY - Math.floor(i / 4) * HOUR),
    }));
  });

  async function walk(query: string) {
    const pages: QueueData[] = [await queue(bigCookie, big.slug, query)];
    while (pages.at(-1)!.pages.next) pages.push(await followLink(bigCookie, big.slug, pages.at(-1)!.pages.next!));
    return pages;
  }

  test.each(["", "sort=oldest", "sort=priority", "sort=due"])("every request exactly once, forwards and back (%s)", async (query) => {
    const pages = await walk(query);
    expect(pages.map((p) => p.rows.length)).toEqual([25, 25, 11]);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(TOTAL);
    expect(pages[0]!.pages.prev).toBeNull();
    expect(pages[0]!.pages.first).toBeNull();
    expect(pages[1]!.pages.first).not.toBeNull();

    // Back from the last page with "previous": the same pages in reverse.
    const back: QueueData[] = [pages.at(-1)!];
    while (back.at(-1)!.pages.prev) back.push(await followLink(bigCookie, big.slug, back.at(-1)!.pages.prev!));
    expect(back.reverse().map((p) => p.rows.map((r) => r.id))).toEqual(pages.map((p) => p.rows.map((r) => r.id)));
  });

  test("a request created while paging doesn't repeat rows or push them off", async () => {
    const first = await queue(bigCookie, big.slug);
    const type = await prisma.requestType.findFirstOrThrow({ where: { teamId: big.id } });
    const fresh = await insertRequest({ providerTeamId: big.id, typeId: type.id, requesterId: requester.id });
    const second = await followLink(bigCookie, big.slug, first.pages.next!);
    const seen = new Set(first.rows.map((r) => r.id));
    expect(second.rows.some((r) => seen.has(r.id))).toBe(false);
    await prisma.request.delete({ where: { id: fresh.id } });
  });

  test("the list costs the same number of queries for 4 rows as for a full page", async () => {
    const countQueries = async (run: () => Promise<unknown>) => {
      const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
      const original = proto.query;
      let count = 0;
      proto.query = function (this: unknown, ...args: unknown[]) {
        count += 1;
        return original.apply(this, args);
      };
      try {
        await run();
      } finally {
        proto.query = original;
      }
      return count;
    };
    await queue(memberCookie, provider.slug); // warm up connections
    const small = await countQueries(() => queue(memberCookie, provider.slug));
    const full = await countQueries(() => queue(bigCookie, big.slug, "status=all"));
    const deep = await countQueries(async () => {
      const page = await queue(bigCookie, big.slug, "status=all");
      await followLink(bigCookie, big.slug, page.pages.next!);
    });
    expect(small).toBeGreaterThan(0);
    expect(full).toBe(small);
    expect(deep).toBe(2 * small);
    // Today 6: the session (2), the team with the form's choices and saved views, the person's
    // team scope, the rows with their related names, and the counts.
    expect(small).toBeLessThanOrEqual(8);
  });
});
