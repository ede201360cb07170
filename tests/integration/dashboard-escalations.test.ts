// The escalation-trend dashboard (/dashboards/escalations) and its drill-down
// (/dashboards/escalations/complaints) on a small set of complaints and sightings whose every
// number was worked out by hand (beside each one below). The organisation keeps UTC.
//
// Teams: Customer Operations ─┬─ Field Service
//                             └─ Support ── Support North          (and Payroll, elsewhere)
// Period: 5–18 October 2026 (two Monday-to-Sunday weeks), against 21 September – 4 October.
import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { refreshDashboardFigures } from "~/jobs/refresh-dashboard-figures.server";
import * as escalationsRoute from "~/routes/dashboards.escalations";
import * as drillRoute from "~/routes/dashboards.escalations_.complaints";
import * as dashboardsIndex from "~/routes/dashboards._index";
import { addDaysIso, orgDateIso } from "~/utils/org-time";
import { formatPeriod } from "~/utils/report-period";
import type { ComplaintChannel, Severity, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { addSighting, createCategory, createComplaint, type CreateComplaintOptions } from "../support/complaint-factories";
import { wallClock } from "../support/scorecard-fixtures";
import { headingCount, openAs, useTimeZone } from "../support/dashboard-fixtures";

useTimeZone("UTC");
const utc = (day: string, time = "12:00") => wallClock(`${day} ${time}`, "UTC");
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

const OCTOBER = "period=custom&from=2026-10-05&to=2026-10-18";
const CONTACT = {
  customerName: "Carla Customer",
  customerEmail: "carla@customer.test",
  customerPhone: "+1 555 0100",
  customerReference: "ACCT-9931",
};

interface Compared {
  value: number | null;
  text: string;
  previous: number | null;
  previousText: string;
  change: { verdict: string; words: string } | null;
}

interface Dashboard {
  data: {
    periodLabel: string;
    previousLabel: string;
    empty: boolean;
    summary: {
      heard: Compared & { href: string };
      complaints: number;
      sightings: number;
      frontLine: Compared & { numerator: number; denominator: number; href: string; populationHref: string };
      acknowledged: { count: number; median: Compared; p90: Compared; href: string };
    };
    stack: {
      keys: Array<{ key: string; label: string }>;
      weeks: Array<{
        week: string;
        total: number;
        href: string;
        segments: Array<{ key: string; label: string; heard: number; href: string }>;
      }>;
    };
    heat: {
      columns: Array<{ id: string; name: string }>;
      rows: Array<{ team: { name: string }; total: number; href: string; values: Array<{ heard: number; shade: number; href: string }> }>;
    };
    themes: Array<{ name: string; current: number; previous: number; changePercent: number | null; href: string }>;
    open: {
      levels: number[];
      total: number;
      totalHref: string;
      bands: Array<{ key: string; total: number; href: string; cells: Array<{ level: number; count: number; href: string }> }>;
      levelTotals: Array<{ level: number; count: number; href: string }>;
    };
  };
  errors: Record<string, string>;
  notices: string[];
  choices: { teams: Array<{ slug: string }> };
}

interface DrillPage {
  heading: string;
  rows: Array<{ key: string; reference: string; kind: string }>;
  nextHref: string | null;
  notices: string[];
}

let admin: User;
let opsManager: User;
let supportManager: User;
let employee: User;
const themeIds: Record<string, string> = {};

beforeAll(async () => {
  const ops = await createTeam({ name: "Customer Operations", slug: "ops" });
  const field = await createTeam({ name: "Field Service", slug: "field", parentId: ops.id });
  const support = await createTeam({ name: "Support", slug: "support", parentId: ops.id });
  const north = await createTeam({ name: "Support North", slug: "support-north", parentId: support.id });
  await createTeam({ name: "Payroll", slug: "payroll" });
  [admin, opsManager, supportManager, employee] = await Promise.all([
    createUser({ name: "Ada Admin", role: "ADMIN" }),
    createUser({ name: "Otto Ops" }),
    createUser({ name: "Sue Support" }),
    createUser({ name: "Eve Employee" }),
  ]);
  await addMember(opsManager.id, ops.id, "MANAGER");
  await addMember(supportManager.id, support.id, "MANAGER");
  await addMember(employee.id, support.id, "MEMBER");

  const billing = await createCategory({ name: "Billing", ownerTeamId: support.id });
  const delivery = await createCategory({ name: "Delivery", ownerTeamId: field.id });
  const product = await createCategory({ name: "Product", ownerTeamId: north.id });
  for (const name of ["Refunds", "Queues", "App", "Parking"]) {
    themeIds[name] = (await prisma.theme.create({ data: { id: crypto.randomUUID(), name } })).id;
  }
  const rep = await createUser({ name: "Rita Rep" });

  const complaint = async (
    spec: { category: string; channel: ComplaintChannel; severity: Severity; day: string; themes?: string[] } & CreateComplaintOptions,
  ) => {
    const { category, day, themes = [], ...options } = spec;
    const categoryId = { Billing: billing.id, Delivery: delivery.id, Product: product.id }[category]!;
    const created = await createComplaint({
      reporterId: rep.id,
      categoryId,
      occurredAt: utc(day),
      createdAt: options.createdAt ?? utc(day),
      ...CONTACT,
      ...options,
    });
    for (const name of themes) await prisma.complaintTheme.create({ data: { complaintId: created.id, themeId: themeIds[name]! } });
    return created;
  };
  const sighting = (c: { id: string }, day: string, channel: ComplaintChannel) =>
    addSighting(c.id, { reporterId: rep.id, channel, occurredAt: utc(day, "15:00") });
  const acked = (minutes: number, day: string) => ({
    status: "ACKNOWLEDGED" as const,
    acknowledgedAt: new Date(utc(day).getTime() + minutes * 60_000),
  });

  // --- This period: 10 complaints, 7 sightings (s1–s7), heard 17 ---
  // K1 Support, front line; heard again the same day by chat (s1) and on 13 Oct by phone (s2).
  const k1 = await complaint({
    category: "Billing",
    channel: "PHONE",
    severity: "HIGH",
    day: "2026-10-05",
    resolvedAtFrontLine: true,
    themes: ["Refunds"],
  });
  await sighting(k1, "2026-10-05", "CHAT");
  await sighting(k1, "2026-10-13", "PHONE");
  // K2 Support, acknowledged after 60 min; s3 by phone.
  const k2 = await complaint({
    category: "Billing",
    channel: "EMAIL",
    severity: "MEDIUM",
    day: "2026-10-06",
    ...acked(60, "2026-10-06"),
    themes: ["Refunds"],
  });
  await sighting(k2, "2026-10-07", "PHONE");
  // K3 Support North, acknowledged after 120 min; s6 by web.
  const k3 = await complaint({
    category: "Product",
    channel: "CHAT",
    severity: "LOW",
    day: "2026-10-07",
    ...acked(120, "2026-10-07"),
    themes: ["App"],
  });
  await sighting(k3, "2026-10-08", "WEB");
  // K4 Field Service, critical, acknowledged after 240 min; s5 by phone.
  const k4 = await complaint({
    category: "Delivery",
    channel: "PHONE",
    severity: "CRITICAL",
    day: "2026-10-08",
    ...acked(240, "2026-10-08"),
    themes: ["Parking"],
  });
  await sighting(k4, "2026-10-09", "PHONE");
  // K5 Field Service, front line.
  await complaint({
    category: "Delivery",
    channel: "WEB",
    severity: "MEDIUM",
    day: "2026-10-12",
    resolvedAtFrontLine: true,
    themes: ["Parking"],
  });
  // K6 Support, acknowledged after 30 min; s4 by email.
  const k6 = await complaint({
    category: "Billing",
    channel: "PHONE",
    severity: "HIGH",
    day: "2026-10-13",
    ...acked(30, "2026-10-13"),
    themes: ["Refunds", "Queues"],
  });
  await sighting(k6, "2026-10-14", "EMAIL");
  // K7–K10: forwarded and still waiting now, 2 h, 30 h, 100 h and 200 h, at levels 0, 1, 2, 1.
  await complaint({
    category: "Product",
    channel: "SOCIAL",
    severity: "MEDIUM",
    day: "2026-10-14",
    createdAt: hoursAgo(2),
    escalationLevel: 0,
    themes: ["Queues", "App"],
  });
  await complaint({
    category: "Delivery",
    channel: "EMAIL",
    severity: "HIGH",
    day: "2026-10-15",
    createdAt: hoursAgo(30),
    escalationLevel: 1,
    themes: ["Queues", "Parking"],
  });
  await complaint({
    category: "Billing",
    channel: "PHONE",
    severity: "LOW",
    day: "2026-10-16",
    createdAt: hoursAgo(100),
    escalationLevel: 2,
    themes: ["Queues"],
  });
  // K10: a Billing complaint the rep routed to Field Service.
  await complaint({
    category: "Billing",
    routedTeamId: field.id,
    channel: "CHAT",
    severity: "LOW",
    day: "2026-10-17",
    createdAt: hoursAgo(200),
    escalationLevel: 1,
    themes: ["App", "Parking"],
  });

  // --- The previous period: 3 complaints, 5 sightings, heard 8 ---
  await complaint({
    category: "Billing",
    channel: "PHONE",
    severity: "MEDIUM",
    day: "2026-09-22",
    resolvedAtFrontLine: true,
    themes: ["Refunds"],
  });
  const q2 = await complaint({
    category: "Delivery",
    channel: "PHONE",
    severity: "MEDIUM",
    day: "2026-09-23",
    ...acked(600, "2026-09-23"),
    themes: ["Parking"],
  });
  for (const day of ["2026-09-24", "2026-09-25", "2026-09-26", "2026-09-27", "2026-09-29"]) await sighting(q2, day, "PHONE");
  // s7: Q2 heard again in this period, under Q2's team, category and severity.
  await sighting(q2, "2026-10-06", "PHONE");
  await complaint({
    category: "Delivery",
    channel: "EMAIL",
    severity: "LOW",
    day: "2026-09-28",
    ...acked(90, "2026-09-28"),
    themes: ["Parking"],
  });

  // Just outside both periods.
  await complaint({
    category: "Billing",
    channel: "PHONE",
    severity: "MEDIUM",
    day: "2026-10-19",
    resolvedAtFrontLine: true,
    occurredAt: utc("2026-10-19", "00:30"),
  });
  await complaint({
    category: "Billing",
    channel: "PHONE",
    severity: "MEDIUM",
    day: "2026-09-20",
    resolvedAtFrontLine: true,
    occurredAt: utc("2026-09-20", "23:59"),
  });

  // August: 30 complaints and 25 sightings heard at the same moment, for paging.
  const august = [];
  for (let i = 0; i < 30; i++) {
    august.push(await complaint({ category: "Product", channel: "WEB", severity: "LOW", day: "2026-08-05", resolvedAtFrontLine: true }));
  }
  for (let i = 0; i < 25; i++) await addSighting(august[0]!.id, { reporterId: rep.id, channel: "WEB", occurredAt: utc("2026-08-05") });

  await refreshDashboardFigures();
});

async function dashboard(user: User, query = OCTOBER) {
  const { status, data } = await openAs<Dashboard>(escalationsRoute, `/dashboards/escalations?${query}`, user);
  expect(status).toBe(200);
  expect(JSON.stringify(data)).not.toMatch(/NaN|Infinity/);
  return data;
}

/** Every page of a drill-down link: its heading and all its rows (following "next page"). */
async function drillDown(user: User, href: string) {
  const pages: DrillPage[] = [];
  let url: string | null = href;
  while (url) {
    const page: { status: number; data: DrillPage } = await openAs<DrillPage>(drillRoute, url, user);
    const { status, data } = page;
    expect(status, url).toBe(200);
    expect(data.rows.length).toBeLessThanOrEqual(50);
    pages.push(data);
    url = data.nextHref ? `/dashboards/escalations/complaints${data.nextHref}` : null;
  }
  const rows = pages.flatMap((p) => p.rows);
  return { heading: pages[0]!.heading, count: headingCount(pages[0]!.heading), rows, pages };
}

/** Every number on the dashboard that links somewhere, with the link. */
function linkedNumbers(d: Dashboard["data"]): Array<[string, number, string | null]> {
  const out: Array<[string, number, string | null]> = [
    ["heard", d.summary.heard.value ?? 0, d.summary.heard.href],
    ["resolved at the front line", d.summary.frontLine.numerator, d.summary.frontLine.href],
    ["complaints logged", d.summary.frontLine.denominator, d.summary.frontLine.populationHref],
    ["acknowledged", d.summary.acknowledged.count, d.summary.acknowledged.href],
    ["open escalations", d.open.total, d.open.totalHref],
  ];
  for (const w of d.stack.weeks) {
    out.push([`week ${w.week}`, w.total, w.href]);
    for (const s of w.segments) out.push([`week ${w.week} ${s.label}`, s.heard, s.href]);
  }
  for (const t of d.themes) out.push([`theme ${t.name}`, t.current, t.href]);
  for (const b of d.open.bands) {
    out.push([`waited ${b.key}`, b.total, b.href]);
    for (const c of b.cells) out.push([`waited ${b.key} level ${c.level}`, c.count, c.href]);
  }
  for (const l of d.open.levelTotals) out.push([`level ${l.level}`, l.count, l.href]);
  for (const r of d.heat.rows) {
    out.push([`heat ${r.team.name}`, r.total, r.href]);
    r.values.forEach((v, i) => out.push([`heat ${r.team.name} × ${d.heat.columns[i]!.name}`, v.heard, v.href]));
  }
  return out;
}

async function expectDrillDownsMatch(user: User, d: Dashboard["data"]) {
  for (const [what, shown, href] of linkedNumbers(d)) {
    // A zero links nowhere: there is nothing behind it.
    if (href === null) {
      expect(shown, `${what}: a number without a link`).toBe(0);
      continue;
    }
    const list = await drillDown(user, href);
    expect(list.count, `${what}: heading "${list.heading}"`).toBe(shown);
    expect(list.rows.length, `${what}: rows`).toBe(shown);
    expect(new Set(list.rows.map((r) => r.key)).size, `${what}: no row twice`).toBe(shown);
    expect(JSON.stringify(list.pages)).not.toMatch(/Carla|carla@customer\.test|555 0100|ACCT-9931/);
  }
}

describe("the numbers, for an admin", () => {
  let data: Dashboard["data"];
  beforeAll(async () => {
    data = (await dashboard(admin)).data;
  });

  test("heard volume, complaints and sightings, against the previous period", () => {
    expect(data.periodLabel).toBe("5 Oct 2026 – 18 Oct 2026");
    expect(data.previousLabel).toBe(formatPeriod({ from: "2026-09-21", to: "2026-10-04" }));
    expect(data.empty).toBe(false);
    expect(data.summary.complaints).toBe(10);
    expect(data.summary.sightings).toBe(7);
    expect(data.summary.heard).toMatchObject({ value: 17, text: "17", previous: 8, change: { verdict: "neutral", words: "up 9 from 8" } });
  });

  test("front-line resolution: 2 of 10, down from 1 of 3", () => {
    expect(data.summary.frontLine).toMatchObject({
      numerator: 2,
      denominator: 10,
      value: 20,
      text: "20%",
      previousText: "33.3%",
      change: { verdict: "worse", words: "down 13.3 points from 33.3%" },
    });
  });

  test("time to acknowledge: median and 90th percentile, interpolated", () => {
    // 30, 60, 120, 240 min: median (60 + 120) / 2 = 90; p90 at 2.7 of 3 steps = 120 + 0.7 × 120 = 204.
    // Before: 90, 600 min: median 345; p90 = 90 + 0.9 × 510 = 549.
    const { count, median, p90 } = data.summary.acknowledged;
    expect(count).toBe(4);
    expect(median).toMatchObject({ text: "1.5 h", change: { verdict: "better" } });
    expect(median.value).toBeCloseTo(90, 6);
    expect(median.previous).toBeCloseTo(345, 6);
    expect(p90.value).toBeCloseTo(204, 6);
    expect(p90.previous).toBeCloseTo(549, 6);
    expect(p90.text).toBe("3.4 h");
  });

  test("rising themes: heard at least 5 times and more than before; new ones first", () => {
    // Queues 5 (new); Refunds 7 against 1 (+600%); App 4 (too few); Parking 6 against 7 (falling).
    expect(data.themes.map((t) => [t.name, t.current, t.previous, t.changePercent])).toEqual([
      ["Queues", 5, 0, null],
      ["Refunds", 7, 1, 600],
    ]);
  });

  test("open escalations by how long they have waited and the level reached", () => {
    expect(data.open.levels).toEqual([0, 1, 2]);
    expect(data.open.total).toBe(4);
    expect(data.open.bands.map((b) => [b.key, b.total, b.cells.map((c) => c.count)])).toEqual([
      ["under1", 1, [1, 0, 0]],
      ["1to3", 1, [0, 1, 0]],
      ["3to7", 1, [0, 0, 1]],
      ["over7", 1, [0, 1, 0]],
    ]);
    expect(data.open.levelTotals.map((l) => l.count)).toEqual([1, 2, 1]);
  });

  test("heard by team and category, shaded against the busiest cell", () => {
    expect(data.heat.columns.map((c) => c.name)).toEqual(["Billing", "Delivery", "Product"]);
    expect(data.heat.rows.map((r) => [r.team.name, r.total, r.values.map((v) => [v.heard, v.shade])])).toEqual([
      [
        "Field Service",
        6,
        [
          [1, 1],
          [5, 3],
          [0, 0],
        ],
      ],
      [
        "Support",
        8,
        [
          [8, 4],
          [0, 0],
          [0, 0],
        ],
      ],
      [
        "Support North",
        3,
        [
          [0, 0],
          [0, 0],
          [3, 2],
        ],
      ],
    ]);
  });

  test("heard per week, by category", () => {
    expect(data.stack.keys.map((k) => k.label)).toEqual(["Billing", "Delivery", "Product"]);
    expect(data.stack.weeks.map((w) => [w.week, w.total, w.segments.map((s) => s.heard)])).toEqual([
      ["2026-10-05", 9, [4, 3, 2]],
      ["2026-10-12", 8, [5, 2, 1]],
    ]);
  });

  test.each([
    // stack, keys shown, week of 5 Oct, week of 12 Oct
    ["channel", ["PHONE", "EMAIL", "WEB", "CHAT", "SOCIAL"], [5, 1, 1, 2, 0], [3, 2, 1, 1, 1]],
    ["severity", ["CRITICAL", "HIGH", "MEDIUM", "LOW"], [2, 2, 3, 2], [0, 4, 2, 2]],
  ])("heard per week, by %s", async (stack, keys, first, second) => {
    const { data: stacked } = await dashboard(admin, `${OCTOBER}&stack=${stack}`);
    expect(stacked.stack.keys.map((k) => k.key)).toEqual(keys);
    expect(stacked.stack.weeks.map((w) => w.segments.map((s) => s.heard))).toEqual([first, second]);
    expect(stacked.stack.weeks.map((w) => w.total)).toEqual([9, 8]);
  });
});

describe("every number links to exactly that many complaints and sightings", () => {
  test("the default stack, as an admin", async () => {
    await expectDrillDownsMatch(admin, (await dashboard(admin)).data);
  });

  test.each(["channel", "severity"])("stacked by %s", async (stack) => {
    const { data } = await dashboard(admin, `${OCTOBER}&stack=${stack}`);
    const weekly = data.stack.weeks.flatMap((w) => [
      [w.week, w.total, w.href] as [string, number, string | null],
      ...w.segments.map((s) => [s.label, s.heard, s.href] as [string, number, string | null]),
    ]);
    for (const [what, shown, href] of weekly) {
      // A zero links nowhere: there is nothing behind it.
      if (href === null) expect(shown, what).toBe(0);
      else expect((await drillDown(admin, href)).count, what).toBe(shown);
    }
  });

  test("with a team, a category, a channel, a severity and a theme chosen", async () => {
    const categories = await prisma.complaintCategory.findMany({ select: { id: true, name: true } });
    const billing = categories.find((c) => c.name === "Billing")!.id;
    for (const filter of ["team=support", `category=${billing}`, "channel=PHONE", "severity=HIGH", `theme=${themeIds.Refunds}`]) {
      const { data } = await dashboard(admin, `${OCTOBER}&${filter}`);
      await expectDrillDownsMatch(admin, data);
    }
  });

  test("a period that starts and ends mid-week: the weeks' links keep to the period", async () => {
    const { data } = await dashboard(admin, "period=custom&from=2026-10-07&to=2026-10-15");
    // 7–11 Oct: s3, K3, s6, K4, s5 (K1, s1, K2, s7 fall before); 12–15 Oct: K5, K6, s2, K7, s4, K8.
    expect(data.stack.weeks.map((w) => [w.week, w.total])).toEqual([
      ["2026-10-05", 5],
      ["2026-10-12", 6],
    ]);
    await expectDrillDownsMatch(admin, data);
  });

  test("as a manager of one branch", async () => {
    await expectDrillDownsMatch(supportManager, (await dashboard(supportManager)).data);
  });

  test("pages of 50 without repeats, ties in time broken the same way on every page", async () => {
    const { data } = await dashboard(admin, "period=custom&from=2026-08-01&to=2026-08-31");
    expect(data.summary.heard.value).toBe(55);
    const list = await drillDown(admin, data.summary.heard.href);
    expect(list.heading).toBe("55 heard: complaints logged and “heard it too”");
    expect(list.pages.map((p) => p.rows.length)).toEqual([50, 5]);
    expect(new Set(list.rows.map((r) => r.key)).size).toBe(55);
    expect(list.rows.filter((r) => r.kind === "sighting")).toHaveLength(25);
  });

  test("customer contact details are never on the drill-down page", async () => {
    const list = await drillDown(admin, "/dashboards/escalations/complaints?measure=heard&" + OCTOBER);
    expect(list.count).toBe(17);
    expect(JSON.stringify(list.pages)).not.toMatch(/Carla|customer\.test|555 0100|ACCT-9931/);
  });
});

describe("filters", () => {
  test.each([
    // filter, heard, complaints, sightings, front line shown
    ["team=support", 11, 6, 5, "16.7%"],
    ["channel=PHONE", 8, 4, 4, "25%"],
    ["severity=HIGH", 6, 3, 3, "33.3%"],
  ])("%s", async (filter, heard, complaints, sightings, frontLine) => {
    const { data } = await dashboard(admin, `${OCTOBER}&${filter}`);
    expect([data.summary.heard.value, data.summary.complaints, data.summary.sightings, data.summary.frontLine.text]).toEqual([
      heard,
      complaints,
      sightings,
      frontLine,
    ]);
  });

  test("a category", async () => {
    const billing = await prisma.complaintCategory.findFirstOrThrow({ where: { name: "Billing" } });
    const { data } = await dashboard(admin, `${OCTOBER}&category=${billing.id}`);
    expect([data.summary.heard.value, data.summary.complaints, data.summary.sightings]).toEqual([9, 5, 4]);
    expect(data.heat.columns.map((c) => c.name)).toEqual(["Billing"]);
  });

  test("a theme", async () => {
    const { data } = await dashboard(admin, `${OCTOBER}&theme=${themeIds.Refunds}`);
    expect([data.summary.heard.value, data.summary.complaints, data.summary.sightings]).toEqual([7, 3, 4]);
    expect(data.summary.heard.previous).toBe(1);
    expect(data.themes.map((t) => t.name)).toEqual(["Refunds"]);
  });

  test("a team and the teams below it", async () => {
    const { data } = await dashboard(admin, `${OCTOBER}&team=support`);
    // 30, 60 and 120 min: median 60, p90 = 60 + 0.8 × 60 = 108.
    expect(data.summary.acknowledged.count).toBe(3);
    expect(data.summary.acknowledged.median.value).toBeCloseTo(60, 6);
    expect(data.summary.acknowledged.p90.value).toBeCloseTo(108, 6);
    expect(data.open.total).toBe(2);
    expect(data.heat.rows.map((r) => [r.team.name, r.total])).toEqual([
      ["Support", 8],
      ["Support North", 3],
    ]);
    // Queues has 4 here (K8 is Field Service's): only Refunds rises.
    expect(data.themes.map((t) => [t.name, t.current])).toEqual([["Refunds", 7]]);
  });
});

describe("nothing to show, and input that names nothing", () => {
  test("a period with nothing heard says so, with no NaN anywhere", async () => {
    const { data } = await dashboard(admin, "period=custom&from=2026-06-01&to=2026-06-14");
    expect(data.empty).toBe(true);
    expect(data.summary.heard).toMatchObject({ value: 0, text: "0", change: { verdict: "same", words: "no change from 0" } });
    expect(data.summary.frontLine).toMatchObject({ value: null, text: "No complaints logged" });
    expect(data.summary.acknowledged.median).toMatchObject({ value: null, text: "None acknowledged" });
    expect(data.summary.acknowledged.p90.value).toBeNull();
    expect(data.themes).toEqual([]);
    expect(data.heat.rows).toEqual([]);
    expect(data.stack.weeks.every((w) => w.total === 0)).toBe(true);
  });

  const today = () => orgDateIso(new Date(), "UTC");
  const defaultLabel = () => formatPeriod({ from: addDaysIso(today(), -89), to: today() });
  const periodNotice = "The period asked for couldn't be used: showing the last 90 days instead.";

  test.each([
    [
      "a last day before the first",
      "period=custom&from=2026-10-18&to=2026-10-05",
      { to: "The last day must be on or after the first day." },
    ],
    ["more than three years", "period=custom&from=2023-01-01&to=2026-10-18", { to: "Choose a period of at most 3 years." }],
  ])("%s: the default view, the message beside the field", async (_what, query, errors) => {
    const page = await dashboard(admin, query);
    expect(page.errors).toEqual(errors);
    expect(page.notices).toContain(periodNotice);
    expect(page.data.periodLabel).toBe(defaultLabel());
  });

  test.each([
    ["team", "team=no-such-team", "No team has that name: showing all your teams."],
    ["theme", "theme=no-such-theme", "No such theme: showing all themes."],
  ])("an unknown %s: all of them shown, the message beside the field", async (field, filter, message) => {
    const page = await dashboard(admin, `${OCTOBER}&${filter}`);
    expect(page.errors).toEqual({ [field]: message });
    expect(page.notices).toContain(message);
    expect(page.data.summary.heard.value).toBe(17);
  });
});

describe("who sees what", () => {
  test("a manager sees their team and the teams below it, nothing else", async () => {
    const page = await dashboard(supportManager);
    expect(page.choices.teams.map((t) => t.slug)).toEqual(["support", "support-north"]);
    expect([page.data.summary.heard.value, page.data.summary.complaints]).toEqual([11, 6]);
    expect(page.data.open.total).toBe(2);
    expect((await dashboard(supportManager, `${OCTOBER}&team=support-north`)).data.summary.heard.value).toBe(3);
  });

  test("a manager asking for a team outside theirs gets 404, on the dashboard and its drill-down", async () => {
    expect((await openAs(escalationsRoute, `/dashboards/escalations?${OCTOBER}&team=field`, supportManager)).status).toBe(404);
    expect(
      (await openAs(drillRoute, `/dashboards/escalations/complaints?measure=heard&${OCTOBER}&team=field`, supportManager)).status,
    ).toBe(404);
    expect(
      (await openAs(drillRoute, `/dashboards/escalations/complaints?measure=heard&${OCTOBER}&routed=field`, supportManager)).status,
    ).toBe(404);
  });

  test("an employee who manages nothing gets 404 everywhere", async () => {
    expect((await openAs(escalationsRoute, `/dashboards/escalations?${OCTOBER}`, employee)).status).toBe(404);
    expect((await openAs(drillRoute, `/dashboards/escalations/complaints?measure=heard&${OCTOBER}`, employee)).status).toBe(404);
    expect((await openAs(dashboardsIndex, "/dashboards", employee)).status).toBe(404);
  });

  test("a manager higher up sees every team below; an admin sees all teams", async () => {
    const ops = await dashboard(opsManager);
    expect(ops.choices.teams.map((t) => t.slug)).toEqual(["ops", "field", "support", "support-north"]);
    expect(ops.data.summary.heard.value).toBe(17);
    const all = await dashboard(admin);
    expect(all.choices.teams.map((t) => t.slug)).toEqual(["ops", "field", "support", "support-north", "payroll"]);
    expect((await openAs(escalationsRoute, `/dashboards/escalations?${OCTOBER}&team=payroll`, admin)).status).toBe(200);
  });

  test("/dashboards opens the escalation trends for a manager", async () => {
    const response = await openAs(dashboardsIndex, "/dashboards", supportManager);
    expect(response.status).toBe(302);
  });
});
