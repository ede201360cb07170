// The service overview (/dashboards/service): a row per provider team with the scorecard's
// measures over the period, the change against the previous equal period, and the total — on a
// small set of requests whose every number was worked out by hand (beside each one below). The
// organisation keeps UTC.
//
// Teams: Operations ─┬─ Facilities (provider)      Payroll (provider)      Archive (provider, idle)
//                    └─ IT (provider)
// Period: 5–18 October 2026, against 21 September – 4 October.
import { beforeAll, describe, expect, test } from "vitest";
import { refreshDashboardFigures } from "~/jobs/refresh-dashboard-figures.server";
import * as serviceRoute from "~/routes/dashboards.service";
import * as scorecardRequestsRoute from "~/routes/teams.$slug_.scorecard_.requests";
import type { RequestType, User } from "~/generated/prisma/client";
import { addMember, createRequestType, createTeam, createUser } from "../support/factories";
import { servedRequest, wallClock } from "../support/scorecard-fixtures";
import { headingCount, openAs, useTimeZone } from "../support/dashboard-fixtures";

useTimeZone("UTC");
const utc = (text: string) => wallClock(text, "UTC");
const OCTOBER = "period=custom&from=2026-10-05&to=2026-10-18";

interface Cell {
  key: string;
  ratio: { numerator: number; denominator: number } | null;
  value: number | null;
  text: string;
  previous: number | null;
  previousText: string;
  change: { verdict: string; words: string } | null;
  href?: string;
}

interface Overview {
  data: {
    empty: boolean;
    periodLabel: string;
    rows: Array<{ name: string; slug: string; scorecardHref: string; cells: Cell[] }>;
    total: Cell[];
  };
  columns: Array<{ key: string; sorted: string | null }>;
  totalLabel: string;
  errors: Record<string, string>;
  notices: string[];
}

let admin: User;
let opsManager: User;
let facilitiesManager: User;
let employee: User;
let desk: RequestType;

beforeAll(async () => {
  const operations = await createTeam({ name: "Operations", slug: "operations" });
  const facilities = await createTeam({ name: "Facilities", slug: "facilities", acceptsRequests: true, parentId: operations.id });
  const it = await createTeam({ name: "IT", slug: "it", acceptsRequests: true, parentId: operations.id });
  const payroll = await createTeam({ name: "Payroll", slug: "payroll", acceptsRequests: true });
  await createTeam({ name: "Archive", slug: "archive", acceptsRequests: true });
  [admin, opsManager, facilitiesManager, employee] = await Promise.all([
    createUser({ name: "Ada Admin", role: "ADMIN" }),
    createUser({ name: "Otto Operations" }),
    createUser({ name: "Fay Facilities" }),
    createUser({ name: "Eve Employee" }),
  ]);
  await addMember(opsManager.id, operations.id, "MANAGER");
  await addMember(facilitiesManager.id, facilities.id, "MANAGER");
  await addMember(employee.id, facilities.id, "MEMBER");

  // First response within 4 h, resolution within 72 h (IT: 1 h and 48 h).
  const targets = { firstResponseTargetMinutes: 240, resolutionTargetMinutes: 72 * 60 };
  desk = await createRequestType(facilities.id, { name: "Desk move", ...targets });
  const keys = await createRequestType(facilities.id, { name: "Keys", ...targets });
  const laptop = await createRequestType(it.id, { name: "Laptop", firstResponseTargetMinutes: 60, resolutionTargetMinutes: 48 * 60 });
  const payslip = await createRequestType(payroll.id, { name: "Payslip", ...targets });
  const requester = await createUser({ name: "Rita Requester" });
  const make = (
    typeId: string,
    providerTeamId: string,
    spec: Omit<Parameters<typeof servedRequest>[0], "typeId" | "providerTeamId" | "requesterId">,
  ) => servedRequest({ typeId, providerTeamId, requesterId: requester.id, ...spec });

  // --- Facilities, this period: volume 5 ---
  // A: on time throughout; rated 5, delighted.
  await make(desk.id, facilities.id, {
    status: "RESOLVED",
    createdAt: utc("2026-10-05 09:00"),
    firstResponseAt: utc("2026-10-05 10:00"),
    resolvedAt: utc("2026-10-06 09:00"),
    first: { overall: 5, exceeded: true, at: utc("2026-10-07 10:00") },
  });
  // B: answered late, resolved late, promise of 8 October broken; rated 2; recovery case closed
  // 14 October and re-rated 5 (delighted — but a re-rating counts for recovery only).
  await make(desk.id, facilities.id, {
    status: "RESOLVED",
    createdAt: utc("2026-10-06 09:00"),
    firstResponseAt: utc("2026-10-06 15:00"),
    resolvedAt: utc("2026-10-12 09:00"),
    promisedAt: "2026-10-08",
    first: { overall: 2, at: utc("2026-10-12 10:00") },
    recovery: { closedAt: utc("2026-10-14 10:00"), rerating: { overall: 5, exceeded: true, at: utc("2026-10-15 10:00") } },
  });
  // C: on time, promise kept, transferred once before it got here; rated 4.
  await make(keys.id, facilities.id, {
    status: "RESOLVED",
    createdAt: utc("2026-10-07 09:00"),
    firstResponseAt: utc("2026-10-07 09:30"),
    resolvedAt: utc("2026-10-08 09:00"),
    promisedAt: "2026-10-08",
    transferCount: 1,
    first: { overall: 4, at: utc("2026-10-09 10:00") },
  });
  // D: on time, reopened once, resolved again; not rated.
  await make(desk.id, facilities.id, {
    status: "RESOLVED",
    createdAt: utc("2026-10-08 09:00"),
    firstResponseAt: utc("2026-10-08 10:00"),
    resolvedAt: utc("2026-10-10 09:00"),
    reopenCount: 1,
  });
  // E: never answered; both targets (13 and 16 October) have passed.
  await make(keys.id, facilities.id, { status: "NEW", createdAt: utc("2026-10-13 09:00") });

  // --- Facilities, the previous period: volume 3 ---
  await make(desk.id, facilities.id, {
    status: "RESOLVED",
    createdAt: utc("2026-09-22 09:00"),
    firstResponseAt: utc("2026-09-22 09:30"),
    resolvedAt: utc("2026-09-23 09:00"),
    first: { overall: 5, exceeded: true, at: utc("2026-09-24 10:00") },
  });
  await make(desk.id, facilities.id, {
    status: "RESOLVED",
    createdAt: utc("2026-09-28 09:00"),
    firstResponseAt: utc("2026-09-28 10:00"),
    resolvedAt: utc("2026-09-29 09:00"),
    first: { overall: 4, at: utc("2026-09-30 10:00") },
  });
  // Rated 1; recovery closed 28 September, re-rated 2: not recovered.
  await make(keys.id, facilities.id, {
    status: "RESOLVED",
    createdAt: utc("2026-09-24 09:00"),
    firstResponseAt: utc("2026-09-24 09:30"),
    resolvedAt: utc("2026-09-25 09:00"),
    first: { overall: 1, at: utc("2026-09-25 12:00") },
    recovery: { closedAt: utc("2026-09-28 10:00"), rerating: { overall: 2, at: utc("2026-09-29 10:00") } },
  });

  // --- IT, this period: volume 3 ---
  await make(laptop.id, it.id, {
    status: "RESOLVED",
    createdAt: utc("2026-10-05 10:00"),
    firstResponseAt: utc("2026-10-05 10:30"),
    resolvedAt: utc("2026-10-06 09:00"),
    first: { overall: 3, at: utc("2026-10-06 12:00") },
  });
  // Late twice, but resolved before the promised day; rated 1, recovery closed, re-rated 2.
  await make(laptop.id, it.id, {
    status: "RESOLVED",
    createdAt: utc("2026-10-09 10:00"),
    firstResponseAt: utc("2026-10-09 12:00"),
    resolvedAt: utc("2026-10-12 10:00"),
    promisedAt: "2026-10-13",
    first: { overall: 1, at: utc("2026-10-12 12:00") },
    recovery: { closedAt: utc("2026-10-15 10:00"), rerating: { overall: 2, at: utc("2026-10-16 10:00") } },
  });
  // Cancelled before its first-response target: judged on nothing but volume.
  await make(laptop.id, it.id, { status: "CANCELLED", createdAt: utc("2026-10-14 10:00"), cancelledAt: utc("2026-10-14 10:30") });

  // --- Payroll, this period: volume 1 ---
  await make(payslip.id, payroll.id, {
    status: "RESOLVED",
    createdAt: utc("2026-10-10 09:00"),
    firstResponseAt: utc("2026-10-10 09:10"),
    resolvedAt: utc("2026-10-10 12:00"),
    first: { overall: 4, exceeded: true, at: utc("2026-10-11 10:00") },
  });

  await refreshDashboardFigures();
});

async function overview(user: User, query = OCTOBER) {
  const { status, data } = await openAs<Overview>(serviceRoute, `/dashboards/service?${query}`, user);
  expect(status).toBe(200);
  expect(JSON.stringify(data)).not.toMatch(/NaN|Infinity/);
  return data;
}

function row(page: Overview, name: string) {
  const found = page.data.rows.find((r) => r.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

/** A row's cells as [key, text, numerator, population] (volume: its count twice). */
function figures(cells: Cell[]) {
  return cells.map((c) => [c.key, c.text, c.ratio?.numerator ?? c.value, c.ratio?.denominator ?? c.value]);
}

async function scorecardList(user: User, href: string) {
  const url = new URL(href, "http://localhost");
  const slug = url.pathname.split("/")[2]!;
  const { status, data } = await openAs<{ heading: string; count: number; notices: string[] }>(
    scorecardRequestsRoute,
    `${url.pathname}${url.search}`,
    user,
    { slug },
  );
  expect(status, href).toBe(200);
  return data;
}

/** Every cell of every row links to a list whose count is the cell's numerator (volume: the count). */
async function expectCellsLinkToTheirRequests(user: User, page: Overview) {
  for (const r of page.data.rows) {
    for (const cell of r.cells) {
      const list = await scorecardList(user, cell.href!);
      const shown = cell.ratio ? cell.ratio.numerator : cell.value;
      expect(headingCount(list.heading), `${r.name} ${cell.key}: "${list.heading}" ${list.notices.join(" ")}`).toBe(shown);
      expect(list.count, `${r.name} ${cell.key}`).toBe(shown);
    }
  }
}

describe("the numbers, for an admin", () => {
  let page: Overview;
  beforeAll(async () => {
    page = await overview(admin);
  });

  test("a row per provider team, A–Z; a team that provides nothing is not listed", () => {
    expect(page.data.rows.map((r) => r.name)).toEqual(["Archive", "Facilities", "IT", "Payroll"]);
    expect(page.data.empty).toBe(false);
    expect(page.totalLabel).toBe("Organisation total");
  });

  test("Facilities: first ratings only, SLAs, promises, bounce, reopen, recovery", () => {
    expect(figures(row(page, "Facilities").cells)).toEqual([
      ["volume", "5", 5, 5],
      ["csat", "66.7%", 2, 3], // A 5, B 2, C 4 (B's re-rating of 5 left out)
      ["delight", "33.3%", 1, 3],
      ["firstResponseSla", "60%", 3, 5], // A, C, D on time; B late; E never answered
      ["resolutionSla", "60%", 3, 5], // A, C, D on time; B late; E open past its target
      ["promisesKept", "50%", 1, 2], // C kept, B broken
      ["bounce", "20%", 1, 5],
      ["reopen", "25%", 1, 4],
      ["recovery", "100%", 1, 1], // B re-rated 5
    ]);
  });

  test("IT, Payroll and a team with nothing to count", () => {
    expect(figures(row(page, "IT").cells)).toEqual([
      ["volume", "3", 3, 3],
      ["csat", "0%", 0, 2],
      ["delight", "0%", 0, 2],
      ["firstResponseSla", "50%", 1, 2], // the cancelled one is not judged
      ["resolutionSla", "50%", 1, 2],
      ["promisesKept", "100%", 1, 1],
      ["bounce", "0%", 0, 3],
      ["reopen", "0%", 0, 2],
      ["recovery", "0%", 0, 1], // re-rated 2
    ]);
    expect(figures(row(page, "Payroll").cells)).toEqual([
      ["volume", "1", 1, 1],
      ["csat", "100%", 1, 1],
      ["delight", "100%", 1, 1],
      ["firstResponseSla", "100%", 1, 1],
      ["resolutionSla", "100%", 1, 1],
      ["promisesKept", "No promises due yet", 0, 0],
      ["bounce", "0%", 0, 1],
      ["reopen", "0%", 0, 1],
      ["recovery", "No recovery cases closed", 0, 0],
    ]);
    const archive = row(page, "Archive").cells;
    expect(archive.find((c) => c.key === "volume")).toMatchObject({ value: 0, text: "0" });
    expect(archive.filter((c) => c.key !== "volume").every((c) => c.value === null && c.change === null)).toBe(true);
  });

  test("the total adds up the teams' counts; it is not an average of their percentages", () => {
    expect(figures(page.data.total)).toEqual([
      ["volume", "9", 9, 9],
      ["csat", "50%", 3, 6], // (66.7% + 0% + 100%) / 3 would be 55.6%
      ["delight", "33.3%", 2, 6],
      ["firstResponseSla", "62.5%", 5, 8],
      ["resolutionSla", "62.5%", 5, 8],
      ["promisesKept", "66.7%", 2, 3],
      ["bounce", "11.1%", 1, 9],
      ["reopen", "14.3%", 1, 7],
      ["recovery", "50%", 1, 2],
    ]);
    expect(page.data.total.find((c) => c.key === "csat")).toMatchObject({ previousText: "66.7%", change: { verdict: "worse" } });
  });

  test("each value against the previous period, better or worse for the team", () => {
    const change = Object.fromEntries(
      row(page, "Facilities").cells.map((c) => [c.key, [c.previousText, c.change?.verdict ?? null, c.change?.words ?? null]]),
    );
    expect(change).toEqual({
      volume: ["3", "neutral", "up 2 from 3"],
      csat: ["66.7%", "same", "no change from 66.7%"],
      delight: ["33.3%", "same", "no change from 33.3%"],
      firstResponseSla: ["100%", "worse", "down 40 points from 100%"],
      resolutionSla: ["100%", "worse", "down 40 points from 100%"],
      promisesKept: ["No promises due yet", null, null],
      bounce: ["0%", "worse", "up 20 points from 0%"],
      reopen: ["0%", "worse", "up 25 points from 0%"],
      recovery: ["0%", "better", "up 100 points from 0%"],
    });
    // Nothing to compare with, except the count of requests (none before).
    expect(
      row(page, "IT")
        .cells.filter((c) => c.change !== null)
        .map((c) => [c.key, c.change!.words]),
    ).toEqual([["volume", "up 3 from 0"]]);
  });

  test("every value links to exactly the requests it counts", async () => {
    await expectCellsLinkToTheirRequests(admin, page);
  });

  test("each team links to its scorecard for the same days", () => {
    expect(row(page, "IT").scorecardHref).toBe("/teams/it/scorecard?period=custom&from=2026-10-05&to=2026-10-18");
  });
});

describe("sorting", () => {
  test.each([
    ["sort=name", ["Archive", "Facilities", "IT", "Payroll"], null],
    ["sort=name&dir=desc", ["Payroll", "IT", "Facilities", "Archive"], null],
    // Teams with no value come last whichever the direction.
    ["sort=csat&dir=desc", ["Payroll", "Facilities", "IT", "Archive"], "descending"],
    ["sort=csat&dir=asc", ["IT", "Facilities", "Payroll", "Archive"], "ascending"],
    ["sort=promisesKept", ["IT", "Facilities", "Archive", "Payroll"], "descending"],
    ["sort=promisesKept&dir=asc", ["Facilities", "IT", "Archive", "Payroll"], "ascending"],
    ["sort=volume&dir=asc", ["Archive", "Payroll", "IT", "Facilities"], "ascending"],
  ])("%s", async (sort, names, marker) => {
    const page = await overview(admin, `${OCTOBER}&${sort}`);
    expect(page.data.rows.map((r) => r.name)).toEqual(names);
    const key = new URLSearchParams(sort).get("sort");
    if (marker) expect(page.columns.find((c) => c.key === key)?.sorted).toBe(marker);
  });
});

describe("the type filter", () => {
  test("counts only requests of that type", async () => {
    const page = await overview(admin, `${OCTOBER}&type=${desk.id}`);
    expect(page.errors).toEqual({});
    // A, B and D.
    expect(figures(row(page, "Facilities").cells)).toEqual([
      ["volume", "3", 3, 3],
      ["csat", "50%", 1, 2],
      ["delight", "50%", 1, 2],
      ["firstResponseSla", "66.7%", 2, 3],
      ["resolutionSla", "66.7%", 2, 3],
      ["promisesKept", "0%", 0, 1],
      ["bounce", "0%", 0, 3],
      ["reopen", "33.3%", 1, 3],
      ["recovery", "100%", 1, 1],
    ]);
    expect(row(page, "Facilities").cells.find((c) => c.key === "csat")).toMatchObject({
      previousText: "100%",
      change: { verdict: "worse" },
    });
    expect(figures(page.data.total)).toEqual(figures(row(page, "Facilities").cells));
    // Facilities' own lists, narrowed to the type.
    for (const cell of row(page, "Facilities").cells) {
      const list = await scorecardList(admin, cell.href!);
      expect(list.count, cell.key).toBe(cell.ratio ? cell.ratio.numerator : cell.value);
    }
  });

  test("every number shown links to exactly that many requests, in every row", async () => {
    const page = await overview(admin, `${OCTOBER}&type=${desk.id}`);
    await expectCellsLinkToTheirRequests(admin, page);
  });

  test("an unknown type: all types, the message beside the field", async () => {
    const page = await overview(admin, `${OCTOBER}&type=no-such-type`);
    expect(page.errors).toEqual({ type: "No such request type: showing all types." });
    expect(row(page, "Facilities").cells[0]).toMatchObject({ key: "volume", value: 5 });
  });
});

describe("teams in view and who sees them", () => {
  test("a team and the teams below it, with their own total", async () => {
    const page = await overview(admin, `${OCTOBER}&team=operations`);
    expect(page.data.rows.map((r) => r.name)).toEqual(["Facilities", "IT"]);
    expect(page.totalLabel).toBe("All teams shown");
    expect(figures(page.data.total).slice(0, 2)).toEqual([
      ["volume", "8", 8, 8],
      ["csat", "40%", 2, 5],
    ]);
  });

  test("a manager sees their teams and those below, and may open the lists behind the numbers", async () => {
    const ops = await overview(opsManager);
    expect(ops.data.rows.map((r) => r.name)).toEqual(["Facilities", "IT"]);
    await expectCellsLinkToTheirRequests(opsManager, await overview(opsManager, OCTOBER));
    const own = await overview(facilitiesManager);
    expect(own.data.rows.map((r) => r.name)).toEqual(["Facilities"]);
  });

  test.each(["payroll", "archive"])("a manager asking for a team outside theirs (%s) gets 404", async (slug) => {
    expect((await openAs(serviceRoute, `/dashboards/service?${OCTOBER}&team=${slug}`, opsManager)).status).toBe(404);
  });

  test("an employee who manages nothing gets 404", async () => {
    expect((await openAs(serviceRoute, `/dashboards/service?${OCTOBER}`, employee)).status).toBe(404);
  });

  test("an admin sees every provider team", async () => {
    expect((await overview(admin, `${OCTOBER}&team=payroll`)).data.rows.map((r) => r.name)).toEqual(["Payroll"]);
  });
});

describe("nothing to show, and bad input", () => {
  test("a period with nothing received, resolved or rated says so, with no NaN anywhere", async () => {
    const page = await overview(admin, "period=custom&from=2026-06-01&to=2026-06-14");
    expect(page.data.empty).toBe(true);
    expect(page.data.total.find((c) => c.key === "csat")).toMatchObject({ value: null, text: "No ratings yet", change: null });
    expect(page.data.rows.every((r) => r.cells.every((c) => c.key === "volume" || c.value === null))).toBe(true);
  });

  test("a period ending before it starts: the default view, the message beside the field", async () => {
    const page = await overview(admin, "period=custom&from=2026-10-18&to=2026-10-05");
    expect(page.errors).toEqual({ to: "The last day must be on or after the first day." });
    expect(page.notices).toContain("The period asked for couldn't be used: showing the last 90 days instead.");
  });
});
