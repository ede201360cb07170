// The manager inbox (issue 5): complaints routed to my teams and the teams below them (all for
// admins), open and most severe first, then newest; filters in the URL; bulk acknowledge and bulk
// tag with a flash saying what happened to each; never the customer's contact details.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { orgDateIso } from "~/utils/org-time";
import * as inboxRoute from "~/routes/complaints.inbox";
import type { Complaint, ComplaintCategory, Team, Theme, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { flashOf } from "../support/replies";
import { addSighting, createCategory, createComplaint } from "../support/complaint-factories";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let company: Team, north: Team, northDesk: Team, south: Team;
let northManager: User, deskManager: User, southManager: User, admin: User, employee: User, rep: User;
let delivery: ComplaintCategory, billing: ComplaintCategory;
let packaging: Theme;
/** North desk's complaints, in the order the inbox must show them with status=all. */
let ordered: Complaint[];
let southComplaint: Complaint, northComplaint: Complaint;

interface InboxJson {
  rows: Array<{
    id: string;
    number: number;
    summary: string;
    status: string;
    severity: string;
    waitingOn: string;
    routedTeam: string;
    sightings: number;
    themes: string[];
  }>;
  notices: string[];
  nextHref: string | null;
  filters: { teamId: string | null };
  options: { teams: Array<{ id: string; name: string }> };
}

beforeAll(async () => {
  company = await createTeam({ name: "Company" });
  north = await createTeam({ name: "North", parentId: company.id });
  northDesk = await createTeam({ name: "North desk", parentId: north.id });
  south = await createTeam({ name: "South", parentId: company.id });
  [northManager, deskManager, southManager, admin, employee, rep] = await Promise.all([
    createUser({ name: "Nora North" }),
    createUser({ name: "Dan Desk" }),
    createUser({ name: "Sam South" }),
    createUser({ name: "Ada Admin", role: "ADMIN" }),
    createUser({ name: "Eve Employee" }),
    createUser({ name: "Rae Rep" }),
  ]);
  await addMember(northManager.id, north.id, "MANAGER");
  await addMember(deskManager.id, northDesk.id, "MANAGER");
  await addMember(southManager.id, south.id, "MANAGER");
  await addMember(employee.id, northDesk.id, "MEMBER");
  delivery = await createCategory({ name: "Delivery", ownerTeamId: northDesk.id });
  billing = await createCategory({ name: "Billing", ownerTeamId: northDesk.id });
  packaging = await prisma.theme.create({ data: { id: crypto.randomUUID(), name: "Packaging" } });

  const now = Date.now();
  const make = (summary: string, options: Parameters<typeof createComplaint>[0]) =>
    createComplaint({
      reporterId: rep.id,
      categoryId: delivery.id,
      summary,
      customerEmail: "secret-customer@example.com",
      customerPhone: "+44 7700 900123",
      ...options,
    });
  const oldCritical = await make("Old critical", { severity: "CRITICAL", createdAt: new Date(now - 5 * DAY), channel: "EMAIL" });
  const newCritical = await make("New critical", { severity: "CRITICAL", createdAt: new Date(now - 1 * HOUR), categoryId: billing.id });
  const newLow = await make("New low", { severity: "LOW", createdAt: new Date(now - 10 * 60_000) });
  const highAck = await make("High acknowledged", { severity: "HIGH", status: "ACKNOWLEDGED", createdAt: new Date(now - 2 * DAY) });
  const closedCritical = await make("Closed critical", {
    severity: "CRITICAL",
    status: "CLOSED",
    response: "Done",
    createdAt: new Date(now - HOUR),
  });
  ordered = [newCritical, oldCritical, highAck, newLow, closedCritical];
  await addSighting(oldCritical.id);
  await addSighting(oldCritical.id);
  await prisma.complaintTheme.create({ data: { complaintId: newLow.id, themeId: packaging.id } });
  northComplaint = await make("Routed to North itself", { routedTeamId: north.id, severity: "MEDIUM", createdAt: new Date(now - 3 * DAY) });
  southComplaint = await make("South problem", { routedTeamId: south.id, severity: "HIGH" });
});

async function inbox(user: User, query = ""): Promise<InboxJson> {
  const response = await callLoader(inboxRoute, getRequest(`/complaints/inbox${query}`, { cookie: await signInAs(user.id) }));
  expect(response.status).toBe(200);
  return readJson<InboxJson>(response);
}

const summaries = (data: InboxJson) => data.rows.map((r) => r.summary);

describe("the manager inbox", () => {
  test("shows complaints routed to my teams and the teams below, open first, most severe then newest", async () => {
    expect(summaries(await inbox(deskManager))).toEqual(["New critical", "Old critical", "High acknowledged", "New low"]);
    expect(summaries(await inbox(deskManager, "?status=all"))).toEqual(ordered.map((c) => c.summary));
    expect(summaries(await inbox(northManager))).toEqual([
      "New critical",
      "Old critical",
      "High acknowledged",
      "Routed to North itself",
      "New low",
    ]);
    expect(summaries(await inbox(southManager))).toEqual(["South problem"]);
    expect(summaries(await inbox(admin))).toContain("South problem");
  });

  test("people who manage no team get 404 from the page and the bulk actions", async () => {
    const cookie = await signInAs(employee.id);
    expect((await callLoader(inboxRoute, getRequest("/complaints/inbox", { cookie }))).status).toBe(404);
    const post = await callAction(
      inboxRoute,
      formRequest("/complaints/inbox", { intent: "acknowledge", complaint: ordered[0]!.id }, { cookie }),
    );
    expect(post.status).toBe(404);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: ordered[0]!.id } })).status).toBe("ESCALATED");
  });

  test("each filter narrows the list", async () => {
    expect(summaries(await inbox(deskManager, "?status=CLOSED"))).toEqual(["Closed critical"]);
    expect(summaries(await inbox(deskManager, `?category=${billing.id}`))).toEqual(["New critical"]);
    expect(summaries(await inbox(deskManager, "?severity=LOW&severity=HIGH"))).toEqual(["High acknowledged", "New low"]);
    expect(summaries(await inbox(deskManager, "?channel=EMAIL"))).toEqual(["Old critical"]);
    expect(summaries(await inbox(deskManager, `?theme=${packaging.id}`))).toEqual(["New low"]);
    expect(summaries(await inbox(northManager, `?team=${northDesk.id}`))).toEqual([
      "New critical",
      "Old critical",
      "High acknowledged",
      "New low",
    ]);
    // Days in the organisation's calendar, from the first to the last inclusive.
    const day = (daysAgo: number) => orgDateIso(new Date(Date.now() - daysAgo * DAY), env().UPSTREAM_TIME_ZONE);
    expect(summaries(await inbox(deskManager, `?from=${day(2)}`))).toEqual(["New critical", "High acknowledged", "New low"]);
    expect(summaries(await inbox(deskManager, `?to=${day(4)}`))).toEqual(["Old critical"]);
    expect(summaries(await inbox(deskManager, `?from=${day(5)}&to=${day(5)}`))).toEqual(["Old critical"]);
  });

  test("a team outside my scope, or nonsense in the URL, is ignored with a clear notice", async () => {
    const data = await inbox(northManager, `?team=${south.id}&status=bogus&severity=HUGE&from=yesterday`);
    expect(data.filters.teamId).toBeNull();
    expect(data.notices).toEqual([
      'Ignored the unknown status "bogus".',
      'Ignored the unknown severity "HUGE".',
      'Ignored the from date "yesterday": enter a date like 2026-03-31.',
      "Ignored the team filter: that team's complaints aren't yours to manage. Showing all your teams.",
    ]);
    expect(summaries(data)).not.toContain("South problem");
    expect(data.options.teams.map((t) => t.name)).toEqual(["North", "North desk"]);
    // SQL in a filter is just an unknown value.
    expect((await inbox(northManager, "?category=x'%20OR%201=1--")).notices[0]).toContain("Ignored the category filter");
  });

  test("rows carry routing, sightings and themes, and never the customer's contact details", async () => {
    const response = await callLoader(inboxRoute, getRequest("/complaints/inbox", { cookie: await signInAs(northManager.id) }));
    const text = await response.text();
    expect(text).not.toContain("secret-customer@example.com");
    expect(text).not.toContain("7700 900123");
    const rows = (JSON.parse(text) as InboxJson).rows;
    expect(rows.find((r) => r.summary === "Old critical")).toMatchObject({
      sightings: 2,
      routedTeam: "North desk",
      waitingOn: "North desk",
      themes: [],
    });
    expect(rows.find((r) => r.summary === "New low")).toMatchObject({ themes: ["Packaging"] });
  });

  test("pages of 50, following on without repeats", async () => {
    const pager = await createUser({ name: "Pat Pager" });
    const many = await createTeam({ name: "Busy desk" });
    await addMember(pager.id, many.id, "MANAGER");
    const category = await createCategory({ ownerTeamId: many.id });
    for (let i = 0; i < 53; i++)
      await createComplaint({ reporterId: rep.id, categoryId: category.id, createdAt: new Date(Date.now() - i * 60_000) });
    const first = await inbox(pager);
    expect(first.rows).toHaveLength(50);
    expect(first.nextHref).toMatch(/^\/complaints\/inbox\?after=/);
    const second = await inbox(pager, first.nextHref!.slice("/complaints/inbox".length));
    expect(second.rows).toHaveLength(3);
    expect(second.nextHref).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(53);
  });
});

describe("bulk actions", () => {
  async function bulk(user: User, fields: Record<string, string | string[]>, query = "") {
    return callAction(inboxRoute, formRequest(`/complaints/inbox${query}`, fields, { cookie: await signInAs(user.id) }));
  }

  test("acknowledge selected: acts on the ones waiting, reports the rest, keeps the filters", async () => {
    const [a, b] = await Promise.all([
      createComplaint({ reporterId: rep.id, categoryId: delivery.id }),
      createComplaint({ reporterId: rep.id, categoryId: delivery.id }),
    ]);
    const already = await createComplaint({ reporterId: rep.id, categoryId: delivery.id, status: "ACKNOWLEDGED" });
    const closed = await createComplaint({ reporterId: rep.id, categoryId: delivery.id, status: "CLOSED", response: "Done" });
    const response = await bulk(
      deskManager,
      { intent: "acknowledge", complaint: [a.id, b.id, already.id, closed.id, southComplaint.id] },
      "?severity=MEDIUM",
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/complaints/inbox?severity=MEDIUM");
    expect((await flashOf(response))?.message).toBe(
      "2 acknowledged, 1 was already acknowledged, 1 is closed and was left as it was, 1 was not found among your teams' complaints.",
    );
    for (const c of [a, b]) {
      expect(await prisma.complaint.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
        status: "ACKNOWLEDGED",
        acknowledgedById: deskManager.id,
        acknowledgeDueAt: null,
        version: 2,
      });
      expect(await prisma.complaintEvent.count({ where: { complaintId: c.id, kind: "ACKNOWLEDGED" } })).toBe(1);
      expect(
        await prisma.notification.count({ where: { userId: rep.id, link: `/complaints/CMP-${c.number}`, kind: "COMPLAINT_UPDATED" } }),
      ).toBe(1);
    }
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: southComplaint.id } })).status).toBe("ESCALATED");
    expect(await prisma.complaintEvent.count({ where: { complaintId: { in: [already.id, closed.id] }, kind: "ACKNOWLEDGED" } })).toBe(0);
  });

  test("tag selected with a theme: no duplicate tags, closed ones left alone", async () => {
    const theme = await prisma.theme.create({ data: { id: crypto.randomUUID(), name: "Courier" } });
    const [a, b, tagged] = await Promise.all([
      createComplaint({ reporterId: rep.id, categoryId: delivery.id }),
      createComplaint({ reporterId: rep.id, categoryId: delivery.id, status: "ACKNOWLEDGED" }),
      createComplaint({ reporterId: rep.id, categoryId: delivery.id }),
    ]);
    await prisma.complaintTheme.create({ data: { complaintId: tagged.id, themeId: theme.id } });
    const closed = await createComplaint({ reporterId: rep.id, categoryId: delivery.id, status: "CLOSED", response: "Done" });
    const response = await bulk(northManager, {
      intent: "tag",
      themeId: theme.id,
      complaint: [a.id, b.id, tagged.id, closed.id, northComplaint.id],
    });
    expect((await flashOf(response))?.message).toBe("3 tagged with Courier, 1 already had that theme, 1 is closed and was left as it was.");
    expect(await prisma.complaintTheme.count({ where: { themeId: theme.id } })).toBe(4);
    const events = await prisma.complaintEvent.findMany({
      where: { kind: "THEMES_CHANGED", complaintId: { in: [a.id, b.id, tagged.id, closed.id] } },
    });
    expect(events.map((e) => e.complaintId).sort()).toEqual([a.id, b.id].sort());
    expect(events.every((e) => e.note === "Added Courier.")).toBe(true);
  });

  test("nothing selected, or no theme chosen, is refused beside the controls", async () => {
    const none = await bulk(deskManager, { intent: "acknowledge" });
    expect(none.status).toBe(400);
    expect(await readJson(none)).toEqual({ errors: { complaint: ["Tick the complaints to act on first."] } });
    const noTheme = await bulk(deskManager, { intent: "tag", themeId: "", complaint: ordered[0]!.id });
    expect(await readJson(noTheme)).toEqual({ errors: { themeId: ["Choose the theme to tag them with."] } });
  });
});
