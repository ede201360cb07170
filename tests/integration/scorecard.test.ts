// The team scorecard (/teams/<slug>/scorecard) and its drill-down lists, on a small data set whose
// every number was worked out by hand (below, beside each request). The organisation is in New
// York, so periods and weeks start at midnight there and summer time begins inside the period.
//
// Period: 1–30 March 2025 (custom), against 30 January – 28 February 2025.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as scorecardRoute from "~/routes/teams.$slug_.scorecard";
import * as requestsRoute from "~/routes/teams.$slug_.scorecard_.requests";
import { resetEnvCache } from "~/utils/env.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createRequestType, createTeam, createUser } from "../support/factories";
import { insertRequests } from "../support/request-factories";
import { servedRequest, wallClock } from "../support/scorecard-fixtures";
import { callLoader, getRequest, readJson, signInAs } from "../support/http";

const ZONE = "America/New_York";
const previousZone = process.env.UPSTREAM_TIME_ZONE;
process.env.UPSTREAM_TIME_ZONE = ZONE;
resetEnvCache();
afterAll(() => {
  if (previousZone === undefined) delete process.env.UPSTREAM_TIME_ZONE;
  else process.env.UPSTREAM_TIME_ZONE = previousZone;
  resetEnvCache();
});

const MARCH = "period=custom&from=2025-03-01&to=2025-03-30";
const ny = (text: string) => wallClock(text, ZONE);

interface Card {
  key: string;
  value: number | null;
  text: string;
  ratio: { numerator: number; denominator: number } | null;
  previousRatio: { numerator: number; denominator: number } | null;
  population: number;
  previousPopulation: number;
  previous: number | null;
  previousText: string;
  change: { trend: string; verdict: string; words: string } | null;
  links: { value: string; population: string; previous: string };
}

interface ScorecardData {
  period: { preset: string; from: string; to: string; days: number };
  errors: Record<string, string>;
  form: { period: string; from: string; to: string };
  periodLabel: string;
  previousLabel: string;
  cards: Card[];
  dimensions: Array<{ key: string; text: string; count: number; previousText: string; link: string }>;
  trend: Array<{ week: string; volume: number; ratings: number; csat: number | null; links: Record<string, string> }>;
  comments: Array<{ kind: string; overall: number; comment: string; number: number; requesterName: string }>;
  commentsTotal: number;
}

interface DrillDownData {
  heading: string;
  count: number;
  transfers: number;
  rows: Array<{ number: number; title: string; firstOverall: number | null }>;
  notices: string[];
  pages: { next: string | null; prev: string | null; first: string | null };
}

let provider: Team;
let busy: Team;
let quiet: Team;
let member: User;
let managerAbove: User;
let admin: User;
let otherMember: User;
let employee: User;
let quietMember: User;
const numbers: Record<string, number> = {};

beforeAll(async () => {
  const operations = await createTeam({ name: "Operations" });
  provider = await createTeam({ name: "Facilities", slug: "facilities", acceptsRequests: true, parentId: operations.id });
  const other = await createTeam({ name: "Payroll", slug: "payroll", acceptsRequests: true });
  busy = await createTeam({ name: "Helpdesk", slug: "helpdesk", acceptsRequests: true });
  quiet = await createTeam({ name: "Archive", slug: "archive", acceptsRequests: false });
  [member, managerAbove, admin, otherMember, employee, quietMember] = await Promise.all([
    createUser({ name: "Mia Member" }),
    createUser({ name: "Olga Operations" }),
    createUser({ name: "Ada Admin", role: "ADMIN" }),
    createUser({ name: "Paul Payroll" }),
    createUser({ name: "Eve Employee" }),
    createUser({ name: "Quinn Quiet" }),
  ]);
  await addMember(member.id, provider.id);
  await addMember(managerAbove.id, operations.id, "MANAGER");
  await addMember(otherMember.id, other.id);
  await addMember(quietMember.id, quiet.id);
  await addMember(member.id, busy.id);

  // First response within 4 hours, resolution within 72 hours.
  const type = await createRequestType(provider.id, {
    name: "Desk move",
    firstResponseTargetMinutes: 240,
    resolutionTargetMinutes: 72 * 60,
  });
  const requester = await createUser({ name: "Rita Requester" });
  const base = { providerTeamId: provider.id, typeId: type.id, requesterId: requester.id };
  const make = async (name: string, spec: Omit<Parameters<typeof servedRequest>[0], keyof typeof base>) => {
    const request = await servedRequest({ ...base, title: name, ...spec });
    numbers[name] = request.number;
    return request;
  };

  // --- Created in March (volume 8: A B C D E F G I) ---
  // A: answered in 60 min, resolved in 24 h; rated 5, delighted, availability 5, responsiveness 4.
  await make("A", {
    status: "RESOLVED",
    createdAt: ny("2025-03-03 09:00"),
    firstResponseAt: ny("2025-03-03 10:00"),
    resolvedAt: ny("2025-03-04 09:00"),
    first: { overall: 5, exceeded: true, availability: 5, responsiveness: 4, at: ny("2025-03-05 10:00"), comment: "Quick and friendly" },
  });
  // B: answered late (6 h), resolved late (143 h, across the clock change), promise of 7 March
  // broken; rated 2 with availability 2; recovery closed 20 March, re-rated 4 (delighted, but a
  // re-rating counts for recovery only).
  await make("B", {
    status: "RESOLVED",
    createdAt: ny("2025-03-04 09:00"),
    firstResponseAt: ny("2025-03-04 15:00"),
    resolvedAt: ny("2025-03-10 09:00"),
    promisedAt: "2025-03-07",
    first: { overall: 2, availability: 2, at: ny("2025-03-11 10:00"), comment: "Took a week" },
    recovery: {
      closedAt: ny("2025-03-20 10:00"),
      rerating: { overall: 4, exceeded: true, availability: 5, at: ny("2025-03-21 10:00"), comment: "Fixed properly in the end" },
    },
  });
  // C: answered in 30 min, resolved in 36 h at 21:00 on the promised day (already 7 March in
  // UTC: kept all the same), transferred twice; rated 4, a blank comment.
  await make("C", {
    status: "RESOLVED",
    createdAt: ny("2025-03-05 09:00"),
    firstResponseAt: ny("2025-03-05 09:30"),
    resolvedAt: ny("2025-03-06 21:00"),
    promisedAt: "2025-03-06",
    transferCount: 2,
    first: { overall: 4, at: ny("2025-03-07 10:00"), comment: "   " },
  });
  // D: answered in 60 min, transferred once, reopened once, finally resolved after 96 h; not rated.
  await make("D", {
    status: "RESOLVED",
    createdAt: ny("2025-03-10 09:00"),
    firstResponseAt: ny("2025-03-10 10:00"),
    resolvedAt: ny("2025-03-14 09:00"),
    transferCount: 1,
    reopenCount: 1,
  });
  // E: answered in 120 min, still open past its resolution target (15 March) and its promise (14 March).
  await make("E", {
    status: "IN_PROGRESS",
    createdAt: ny("2025-03-12 09:00"),
    firstResponseAt: ny("2025-03-12 11:00"),
    promisedAt: "2025-03-14",
  });
  // F: never answered, never resolved: misses both targets.
  await make("F", { status: "NEW", createdAt: ny("2025-03-20 09:00") });
  // G: cancelled an hour after it was raised, before any target or its promise: judged on nothing.
  await make("G", {
    status: "CANCELLED",
    createdAt: ny("2025-03-25 09:00"),
    cancelledAt: ny("2025-03-25 10:00"),
    promisedAt: "2025-03-26",
  });
  // I: 23:30 on the last day in New York (31 March in UTC): in the period, unanswered.
  await make("I", { status: "NEW", createdAt: ny("2025-03-30 23:30") });
  // J: half an hour after the period: in nothing.
  await make("J", { status: "NEW", createdAt: ny("2025-03-31 00:30") });

  // H: raised in February (answered in 60 min), resolved 2 March after 96 h, rated 3 on 3 March.
  await make("H", {
    status: "RESOLVED",
    createdAt: ny("2025-02-26 09:00"),
    firstResponseAt: ny("2025-02-26 10:00"),
    resolvedAt: ny("2025-03-02 09:00"),
    first: { overall: 3, availability: 3, responsiveness: 3, at: ny("2025-03-03 09:00"), comment: "OK in the end" },
  });

  // --- The previous period (volume 4: P1 P2 P3 H) ---
  await make("P1", {
    status: "RESOLVED",
    createdAt: ny("2025-02-03 09:00"),
    firstResponseAt: ny("2025-02-03 09:30"),
    resolvedAt: ny("2025-02-04 09:00"),
    first: { overall: 4, exceeded: true, availability: 4, at: ny("2025-02-05 10:00") },
  });
  await make("P2", {
    status: "RESOLVED",
    createdAt: ny("2025-02-10 09:00"),
    firstResponseAt: ny("2025-02-10 10:00"),
    resolvedAt: ny("2025-02-11 09:00"),
    first: { overall: 1, at: ny("2025-02-12 10:00") },
    recovery: { closedAt: ny("2025-02-20 10:00"), rerating: { overall: 2, at: ny("2025-02-21 10:00") } },
  });
  await make("P3", {
    status: "RESOLVED",
    createdAt: ny("2025-02-17 09:00"),
    firstResponseAt: ny("2025-02-17 09:10"),
    resolvedAt: ny("2025-02-18 09:00"),
    promisedAt: "2025-02-18",
    first: { overall: 5, exceeded: true, at: ny("2025-02-19 10:00") },
  });

  // Another team's request, rated in March: in none of Facilities' numbers.
  const payrollType = await createRequestType(other.id);
  await servedRequest({
    providerTeamId: other.id,
    typeId: payrollType.id,
    requesterId: requester.id,
    status: "RESOLVED",
    createdAt: ny("2025-03-05 09:00"),
    resolvedAt: ny("2025-03-06 09:00"),
    first: { overall: 1, at: ny("2025-03-07 09:00"), comment: "Payroll comment" },
  });

  // 55 requests for the paging test.
  const helpdeskType = await createRequestType(busy.id);
  await insertRequests(55, (i) => ({
    providerTeamId: busy.id,
    typeId: helpdeskType.id,
    requesterId: requester.id,
    createdAt: new Date(ny("2025-03-02 08:00").getTime() + (i % 20) * 3_600_000),
  }));
});

async function open(user: User, slug: string, query = MARCH) {
  return callLoader(scorecardRoute, getRequest(`/teams/${slug}/scorecard?${query}`, { cookie: await signInAs(user.id) }), { slug });
}

async function scorecard(user: User, slug = "facilities", query = MARCH): Promise<ScorecardData> {
  const response = await open(user, slug, query);
  expect(response.status).toBe(200);
  return readJson<ScorecardData>(response);
}

async function drillDown(user: User, href: string): Promise<DrillDownData> {
  const url = new URL(href, "http://localhost");
  const slug = url.pathname.split("/")[2]!;
  const response = await callLoader(requestsRoute, getRequest(`${url.pathname}${url.search}`, { cookie: await signInAs(user.id) }), {
    slug,
  });
  expect(response.status).toBe(200);
  return readJson<DrillDownData>(response);
}

function card(data: ScorecardData, key: string) {
  const found = data.cards.find((c) => c.key === key);
  if (!found) throw new Error(`no card ${key}`);
  return found;
}

describe("the numbers", () => {
  let data: ScorecardData;
  beforeAll(async () => {
    data = await scorecard(member);
  });

  test("the period and the one it is compared with", () => {
    expect(data.errors).toEqual({});
    expect(data.periodLabel).toBe("1 Mar 2025 – 30 Mar 2025");
    expect(data.previousLabel).toBe("30 Jan 2025 – 28 Feb 2025");
  });

  test.each([
    // key, shown, numerator, population, previous shown, change in words, verdict
    ["csat", "50%", 2, 4, "66.7%", "down 16.7 points from 66.7%", "worse"],
    ["delight", "25%", 1, 4, "66.7%", "down 41.7 points from 66.7%", "worse"],
    ["responseRate", "80%", 4, 5, "100%", "down 20 points from 100%", "worse"],
    ["firstResponseSla", "57.1%", 4, 7, "100%", "down 42.9 points from 100%", "worse"],
    ["resolutionSla", "28.6%", 2, 7, "100%", "down 71.4 points from 100%", "worse"],
    ["promisesKept", "33.3%", 1, 3, "100%", "down 66.7 points from 100%", "worse"],
    ["transfers", "0.38", 3, 8, "0.00", "up 0.38 from 0.00", "worse"],
    ["bounce", "25%", 2, 8, "0%", "up 25 points from 0%", "worse"],
    ["reopen", "25%", 1, 4, "0%", "up 25 points from 0%", "worse"],
    ["recovery", "100%", 1, 1, "0%", "up 100 points from 0%", "better"],
  ])("%s is %s (%i of %i), against %s before", (key, shown, numerator, population, previous, words, verdict) => {
    const c = card(data, key);
    expect(c.text).toBe(shown);
    expect(c.ratio).toEqual({ numerator, denominator: population });
    expect(c.previousText).toBe(previous);
    expect(c.change).toMatchObject({ words, verdict });
  });

  test("volume and the medians", () => {
    expect(card(data, "volume")).toMatchObject({ text: "8", previousText: "4", change: { words: "up 4 from 4", verdict: "neutral" } });
    // First responses 30, 60, 60, 120, 360 min; before 10, 30, 60, 60 (median 45).
    expect(card(data, "medianFirstResponse")).toMatchObject({
      text: "1 h",
      population: 5,
      previousText: "45 min",
      change: { words: "up 15 min from 45 min", verdict: "worse" },
    });
    // Resolutions 24, 36, 96, 96, 143 h; before 24 h three times.
    expect(card(data, "medianResolution")).toMatchObject({ text: "4 days", population: 5, previousText: "24 h" });
  });

  test("the expectations average first ratings only", () => {
    const rows = Object.fromEntries(data.dimensions.map((d) => [d.key, d]));
    // Availability 5, 2, 3 (the re-rating's 5 left out); before: 4.
    expect(rows.availability).toMatchObject({ text: "3.3", count: 3, previousText: "4.0" });
    expect(rows.responsiveness).toMatchObject({ text: "3.5", count: 2, previousText: "Not scored yet" });
    expect(rows.timeliness).toMatchObject({ text: "Not scored yet", count: 0 });
  });

  test("weekly trend: New York weeks, gaps where nobody rated", () => {
    expect(data.trend.map((w) => [w.week, w.volume, w.ratings, w.csat === null ? null : Math.round(w.csat)])).toEqual([
      ["2025-02-24", 0, 0, null],
      ["2025-03-03", 3, 3, 67],
      ["2025-03-10", 2, 1, 0],
      ["2025-03-17", 1, 0, null],
      // I, raised 23:30 on Sunday 30 March in New York, is in this week, not the next.
      ["2025-03-24", 2, 0, null],
    ]);
  });

  test("comments with a rating, latest first, re-ratings included, blank ones left out", () => {
    expect(data.comments.map((c) => [c.number, c.kind, c.overall, c.comment])).toEqual([
      [numbers.B, "RERATING", 4, "Fixed properly in the end"],
      [numbers.B, "FIRST", 2, "Took a week"],
      [numbers.A, "FIRST", 5, "Quick and friendly"],
      [numbers.H, "FIRST", 3, "OK in the end"],
    ]);
    expect(data.comments[0]!.requesterName).toBe("Rita Requester");
    expect(data.commentsTotal).toBe(4);
  });
});

describe("drill-down", () => {
  test("every card's numbers link to exactly that many requests", async () => {
    const data = await scorecard(member);
    for (const c of data.cards) {
      const population = await drillDown(member, c.links.population);
      expect(population.count, `${c.key} population`).toBe(c.population);
      const behindValue = await drillDown(member, c.links.value);
      if (c.key === "transfers") {
        expect(behindValue.transfers).toBe(c.ratio!.numerator);
        expect(behindValue.heading).toBe("2 requests received in this period and transferred, 3 transfers in all");
      } else {
        expect(behindValue.count, `${c.key} value`).toBe(c.ratio ? c.ratio.numerator : c.population);
      }
      expect(behindValue.rows.length).toBe(Math.min(behindValue.count, 50));
      const previous = await drillDown(member, c.links.previous);
      if (c.key === "transfers") expect(previous.transfers).toBe(c.previousRatio!.numerator);
      else expect(previous.count, `${c.key} previous`).toBe(c.previousRatio ? c.previousRatio.numerator : c.previousPopulation);
    }
  });

  test("the CSAT list shows the satisfied first ratings, the re-rated request not among them", async () => {
    const data = await scorecard(member);
    const list = await drillDown(member, card(data, "csat").links.value);
    expect(list.heading).toBe("2 requests first rated 4 or 5 in this period");
    expect(list.rows.map((r) => [r.number, r.firstOverall])).toEqual([
      [numbers.C, 4],
      [numbers.A, 5],
    ]);
  });

  test("each expectation's count links to the ratings that scored it", async () => {
    const data = await scorecard(member);
    for (const row of data.dimensions) expect((await drillDown(member, row.link)).count, row.key).toBe(row.count);
    const availability = await drillDown(member, data.dimensions.find((d) => d.key === "availability")!.link);
    expect(availability.heading).toBe("3 requests first rated in this period, scoring availability");
  });

  test("weekly numbers link to their week's requests", async () => {
    const data = await scorecard(member);
    const week = data.trend.find((w) => w.week === "2025-03-24")!;
    const list = await drillDown(member, week.links.volume!);
    expect(list.rows.map((r) => r.title).sort()).toEqual(["G", "I"]);
  });

  test("pages of 50, without repeats, and back again", async () => {
    const first = await drillDown(member, `/teams/helpdesk/scorecard/requests?measure=volume&part=population&${MARCH}`);
    expect(first.heading).toBe("55 requests received in this period");
    expect(first.rows).toHaveLength(50);
    expect(first.pages.prev).toBeNull();
    const second = await drillDown(member, `/teams/helpdesk/scorecard/requests${first.pages.next}`);
    expect(second.rows).toHaveLength(5);
    expect(second.pages.next).toBeNull();
    const seen = new Set([...first.rows, ...second.rows].map((r) => r.number));
    expect(seen.size).toBe(55);
    const back = await drillDown(member, `/teams/helpdesk/scorecard/requests${second.pages.prev}`);
    expect(back.rows.map((r) => r.number)).toEqual(first.rows.map((r) => r.number));
  });

  test("an unknown measure is not found", async () => {
    const response = await callLoader(
      requestsRoute,
      getRequest(`/teams/facilities/scorecard/requests?measure=happiness&${MARCH}`, { cookie: await signInAs(member.id) }),
      { slug: "facilities" },
    );
    expect(response.status).toBe(404);
  });
});

describe("who sees it", () => {
  test.each([
    ["a member of the team", () => member],
    ["a manager of the team above", () => managerAbove],
    ["an admin", () => admin],
  ])("%s sees the scorecard and its lists", async (_who, user) => {
    expect((await open(user(), "facilities")).status).toBe(200);
    const list = await callLoader(
      requestsRoute,
      getRequest(`/teams/facilities/scorecard/requests?measure=csat&part=population&${MARCH}`, { cookie: await signInAs(user().id) }),
      { slug: "facilities" },
    );
    expect(list.status).toBe(200);
  });

  test.each([
    ["a member of another team", () => otherMember],
    ["an employee in no team", () => employee],
  ])("%s gets 404 for the scorecard and its lists", async (_who, user) => {
    expect((await open(user(), "facilities")).status).toBe(404);
    const list = await callLoader(
      requestsRoute,
      getRequest(`/teams/facilities/scorecard/requests?measure=csat&part=population&${MARCH}`, { cookie: await signInAs(user().id) }),
      { slug: "facilities" },
    );
    expect(list.status).toBe(404);
  });

  test("an unknown team is not found, even for an admin", async () => {
    expect((await open(admin, "no-such-team")).status).toBe(404);
  });
});

describe("empty periods and bad input", () => {
  test("a team with nothing in the period says so instead of 0% or NaN", async () => {
    const data = await scorecard(quietMember, "archive");
    expect(card(data, "csat")).toMatchObject({ value: null, text: "No ratings yet", change: null, previousText: "No ratings yet" });
    expect(card(data, "promisesKept").text).toBe("No promises due yet");
    expect(card(data, "medianResolution").text).toBe("Nothing resolved yet");
    expect(card(data, "volume").text).toBe("0");
    expect(JSON.stringify(data)).not.toMatch(/NaN|"0%"/);
    expect(data.trend.every((w) => w.csat === null && w.volume === 0)).toBe(true);
    expect(data.comments).toEqual([]);
  });

  test("a period ending before it starts: the error beside the field, the typed dates kept, the default view", async () => {
    const data = await scorecard(member, "facilities", "period=custom&from=2025-03-10&to=2025-03-01");
    expect(data.errors).toEqual({ to: "The last day must be on or after the first day." });
    expect(data.form).toEqual({ period: "custom", from: "2025-03-10", to: "2025-03-01" });
    expect(data.period).toMatchObject({ preset: "90", days: 90 });
  });

  test("a made-up date and an unknown preset are refused the same way", async () => {
    expect((await scorecard(member, "facilities", "period=custom&from=2025-02-30&to=2025-03-01")).errors.from).toMatch(/date/);
    expect((await scorecard(member, "facilities", "period=7")).errors.period).toBe("Choose one of the periods offered.");
  });
});
