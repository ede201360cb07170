// The dashboards' daily figures (service_days, complaint_days, theme_days) stay right: after the
// first count and after each kind of change people make — each followed by the job's next run —
// a team's figures added up over any day or the whole span equal its live scorecard, and the
// heard volume sits on the organisation's calendar days. The organisation is in New York, so a
// day starts at midnight there. Times below are New York wall-clock times in October 2026; the
// job runs on a clock the test moves forward.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { refreshDashboardFigures } from "~/jobs/refresh-dashboard-figures.server";
import { loadRequestAccess } from "~/models/request-detail.server";
import { changeStatus, setPromise, transferRequest } from "~/models/request-changes.server";
import { submitRating } from "~/models/rating.server";
import { takeRecoveryStep } from "~/models/recovery.server";
import { loadManagedComplaint, rerouteComplaint, setComplaintThemes } from "~/models/complaint-actions.server";
import { createTheme, mergeTheme } from "~/models/theme.server";
import * as escalationsRoute from "~/routes/dashboards.escalations";
import type { Complaint, Request as RequestRow, RequestStatus, RequestType, Team, User } from "~/generated/prisma/client";
import type { RatingInput } from "~/validation/rating";
import { addMember, createRequest, createRequestType, createTeam, createUser } from "../support/factories";
import { addSighting, createCategory, createComplaint } from "../support/complaint-factories";
import { servedRequest, wallClock } from "../support/scorecard-fixtures";
import {
  expectSameAsRebuild,
  heardRows,
  openAs,
  serviceDaySums,
  serviceFiguresAgainstLive,
  serviceFiguresByTypeAgainstLive,
  setTimeZone,
  useTimeZone,
  type HeardRow,
} from "../support/dashboard-fixtures";

const ZONE = "America/New_York";
useTimeZone(ZONE);
const ny = (text: string) => wallClock(text, ZONE);
const utc = (text: string) => wallClock(text, "UTC");

let facilities: Team;
let it: Team;
let payroll: Team;
let desk: RequestType;
let laptop: RequestType;
let payslip: RequestType;
let rita: User;
let fred: User;
let ian: User;
let olga: User;
let admin: User;
const requests: Record<string, RequestRow> = {};
const complaints: Record<string, Complaint> = {};

const actor = (u: User) => ({ id: u.id, role: u.role, name: u.name });
const accessAs = (u: User, r: { number: number }) => loadRequestAccess(actor(u), String(r.number));

async function setStatus(u: User, r: RequestRow, to: RequestStatus, at: Date) {
  const access = await accessAs(u, r);
  await changeStatus(access, access.request.version, to, at);
}

async function transfer(u: User, r: RequestRow, to: Team, type: RequestType, at: Date) {
  const access = await accessAs(u, r);
  await transferRequest(access, access.request.version, { toTeamId: to.id, typeId: type.id, reason: "Theirs, not ours" }, at);
}

async function rate(r: RequestRow, input: Partial<RatingInput> & Pick<RatingInput, "mode" | "overall">, at: Date) {
  await submitRating(await accessAs(rita, r), { exceeded: "no", ...input }, at);
}

async function recoveryStep(r: RequestRow, step: "acknowledge" | "apologise" | "correct" | "close", at: Date) {
  const { version } = await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: r.id } });
  await takeRecoveryStep(await accessAs(olga, r), step, { version, note: `Step ${step}` }, at);
}

/** Runs the job as of `now`, then checks every team's figures against its live scorecard and a count from scratch. */
async function refreshAndCheck(now: Date) {
  const result = await refreshDashboardFigures(now);
  expect(result).not.toBeNull();
  await expectMatchesLive(now);
  await expectSameAsRebuild(now);
  return result!;
}

async function expectMatchesLive(now: Date, timeZone = ZONE) {
  const { figures, live } = await serviceFiguresAgainstLive([facilities, it, payroll], "2026-10-01", "2026-10-20", { now, timeZone });
  expect(Object.keys(live).length).toBeGreaterThan(0);
  expect(figures).toEqual(live);
}

beforeAll(async () => {
  const operations = await createTeam({ name: "Operations" });
  facilities = await createTeam({ name: "Facilities", acceptsRequests: true, parentId: operations.id });
  it = await createTeam({ name: "IT", acceptsRequests: true, parentId: operations.id });
  payroll = await createTeam({ name: "Payroll", acceptsRequests: true });
  const sales = await createTeam({ name: "Sales" });
  [rita, fred, ian, olga, admin] = await Promise.all([
    createUser({ name: "Rita Requester" }),
    createUser({ name: "Fred Facilities" }),
    createUser({ name: "Ian IT" }),
    createUser({ name: "Olga Operations" }),
    createUser({ name: "Ada Admin", role: "ADMIN" }),
  ]);
  await addMember(rita.id, sales.id);
  await addMember(fred.id, facilities.id);
  await addMember(ian.id, it.id);
  await addMember(olga.id, operations.id, "MANAGER");
  // First response within 4 h and resolution within 72 h; IT: 1 h and 48 h.
  desk = await createRequestType(facilities.id, { name: "Desk move", firstResponseTargetMinutes: 240, resolutionTargetMinutes: 72 * 60 });
  laptop = await createRequestType(it.id, { name: "Laptop", firstResponseTargetMinutes: 60, resolutionTargetMinutes: 48 * 60 });
  payslip = await createRequestType(payroll.id, { name: "Payslip", firstResponseTargetMinutes: 240, resolutionTargetMinutes: 72 * 60 });

  const make = async (name: string, spec: Omit<Parameters<typeof servedRequest>[0], "requesterId" | "title">) => {
    requests[name] = await servedRequest({ requesterId: rita.id, requestingTeamId: sales.id, title: name, ...spec });
  };
  const atFacilities = { providerTeamId: facilities.id, typeId: desk.id };
  // F1: answered in 1 h, resolved next day, rated 5 and delighted.
  await make("F1", {
    ...atFacilities,
    status: "RESOLVED",
    createdAt: ny("2026-10-05 09:00"),
    firstResponseAt: ny("2026-10-05 10:00"),
    resolvedAt: ny("2026-10-06 09:00"),
    first: { overall: 5, exceeded: true, at: ny("2026-10-07 10:00") },
  });
  // F2: raised 23:30 on 5 October in New York (already the 6th in UTC); answered and resolved
  // late, promise of 8 October broken; rated 2, recovery closed 10 October, re-rated 4.
  await make("F2", {
    ...atFacilities,
    status: "RESOLVED",
    createdAt: ny("2026-10-05 23:30"),
    firstResponseAt: ny("2026-10-06 08:00"),
    resolvedAt: ny("2026-10-09 09:00"),
    promisedAt: "2026-10-08",
    first: { overall: 2, at: ny("2026-10-09 12:00") },
    recovery: { closedAt: ny("2026-10-10 10:00"), rerating: { overall: 4, at: ny("2026-10-10 23:45") } },
  });
  // F3: transferred in from elsewhere, reopened once, resolved on its promised day, rated 4.
  await make("F3", {
    ...atFacilities,
    status: "RESOLVED",
    createdAt: ny("2026-10-06 09:00"),
    firstResponseAt: ny("2026-10-06 09:30"),
    resolvedAt: ny("2026-10-07 09:00"),
    promisedAt: "2026-10-07",
    transferCount: 1,
    reopenCount: 1,
    first: { overall: 4, at: ny("2026-10-07 12:00") },
  });
  // F4: answered, still open past its promise (9 October) and its resolution target (10 October).
  await make("F4", {
    ...atFacilities,
    status: "IN_PROGRESS",
    createdAt: ny("2026-10-07 09:00"),
    firstResponseAt: ny("2026-10-07 10:00"),
    promisedAt: "2026-10-09",
  });
  // F5: never answered. F6: cancelled before its first-response target.
  await make("F5", { ...atFacilities, status: "NEW", createdAt: ny("2026-10-08 09:00") });
  await make("F6", { ...atFacilities, status: "CANCELLED", createdAt: ny("2026-10-09 09:00"), cancelledAt: ny("2026-10-09 09:30") });
  await make("I1", {
    providerTeamId: it.id,
    typeId: laptop.id,
    status: "RESOLVED",
    createdAt: ny("2026-10-06 09:00"),
    firstResponseAt: ny("2026-10-06 09:30"),
    resolvedAt: ny("2026-10-07 09:00"),
    first: { overall: 3, at: ny("2026-10-08 09:00") },
  });
  await make("I2", {
    providerTeamId: it.id,
    typeId: laptop.id,
    status: "IN_PROGRESS",
    createdAt: ny("2026-10-12 22:30"),
    firstResponseAt: ny("2026-10-12 23:00"),
  });
  await make("Y1", {
    providerTeamId: payroll.id,
    typeId: payslip.id,
    status: "RESOLVED",
    createdAt: ny("2026-10-08 09:00"),
    firstResponseAt: ny("2026-10-08 09:10"),
    resolvedAt: ny("2026-10-08 17:00"),
    first: { overall: 4, exceeded: true, at: ny("2026-10-08 18:00") },
  });
});

describe("service figures", () => {
  test("the first run counts everything: the figures equal the scorecard, worked out by hand", async () => {
    const now = ny("2026-10-13 12:00");
    const result = await refreshDashboardFigures(now);
    expect(result).toMatchObject({ rebuilt: true });
    await expectMatchesLive(now);
    expect(await serviceDaySums(facilities.id, "2026-10-01", "2026-10-13")).toEqual({
      volume: 6,
      csat_d: 3, // F1 5, F2 2, F3 4 (F2's re-rating is not a first rating)
      csat_n: 2,
      delight_n: 1,
      response_d: 3, // resolved: F1, F2, F3, all rated
      response_n: 3,
      frs_d: 5, // F1–F5; F6 was cancelled before its target
      frs_n: 3, // F1, F3, F4
      resolution_d: 5, // resolved F1, F2, F3; open past target F4, F5
      resolution_n: 2, // F1, F3
      promises_d: 3, // F2, F3, F4
      promises_n: 1, // F3
      transfers_sum: 1,
      bounce_n: 1,
      reopen_d: 3,
      reopen_n: 1,
      recovery_d: 1,
      recovery_n: 1,
    });
    // F2 was raised late on 5 October in New York: it is that day's.
    expect(await serviceDaySums(facilities.id, "2026-10-05", "2026-10-05")).toMatchObject({ volume: 2 });
    expect((await serviceDaySums(facilities.id, "2026-10-06", "2026-10-06")).volume).toBe(1);
  });

  test("a new request", async () => {
    requests.N1 = await createRequest({
      requesterId: rita.id,
      providerTeamId: facilities.id,
      typeId: desk.id,
      title: "N1",
      createdAt: ny("2026-10-13 13:00"),
    });
    await refreshAndCheck(ny("2026-10-13 13:05"));
    // Not answered, but its target (17:00) hasn't passed: not judged yet.
    expect(await serviceDaySums(facilities.id, "2026-10-13", "2026-10-13")).toEqual({ volume: 1 });
  });

  test("a first response", async () => {
    await setStatus(fred, requests.N1!, "IN_PROGRESS", ny("2026-10-13 14:00"));
    await refreshAndCheck(ny("2026-10-13 14:05"));
    expect(await serviceDaySums(facilities.id, "2026-10-13", "2026-10-13")).toEqual({ volume: 1, frs_d: 1, frs_n: 1 });
  });

  test("resolving", async () => {
    await setStatus(fred, requests.N1!, "RESOLVED", ny("2026-10-13 15:00"));
    await refreshAndCheck(ny("2026-10-13 15:05"));
    expect(await serviceDaySums(facilities.id, "2026-10-13", "2026-10-13")).toEqual({
      volume: 1,
      frs_d: 1,
      frs_n: 1,
      response_d: 1,
      resolution_d: 1,
      resolution_n: 1,
      reopen_d: 1,
    });
  });

  test("reopening", async () => {
    await setStatus(rita, requests.N1!, "IN_PROGRESS", ny("2026-10-13 16:00"));
    await refreshAndCheck(ny("2026-10-13 16:05"));
    expect(await serviceDaySums(facilities.id, "2026-10-13", "2026-10-13")).toEqual({
      volume: 1,
      frs_d: 1,
      frs_n: 1,
      reopen_d: 1,
      reopen_n: 1,
    });
  });

  test("a transfer to another team takes the request, and its first rating, with it", async () => {
    // F1 (rated 5 on 7 October) is reopened and passed to IT, as is the reopened N1.
    await setStatus(rita, requests.F1!, "IN_PROGRESS", ny("2026-10-13 16:30"));
    await transfer(fred, requests.F1!, it, laptop, ny("2026-10-13 17:00"));
    await transfer(fred, requests.N1!, it, laptop, ny("2026-10-13 17:10"));
    await refreshAndCheck(ny("2026-10-13 17:15"));
    expect(await serviceDaySums(facilities.id, "2026-10-07", "2026-10-07")).toMatchObject({ csat_d: 1, csat_n: 1 });
    expect(await serviceDaySums(it.id, "2026-10-07", "2026-10-07")).toMatchObject({ csat_d: 1, csat_n: 1, delight_n: 1 });
    expect(await serviceDaySums(it.id, "2026-10-13", "2026-10-13")).toMatchObject({ volume: 1, transfers_sum: 1, bounce_n: 1 });
    expect((await serviceDaySums(facilities.id, "2026-10-13", "2026-10-13")).volume).toBeUndefined();
  });

  test("a rating given, then changed", async () => {
    await setStatus(ian, requests.N1!, "RESOLVED", ny("2026-10-13 18:00"));
    await rate(requests.N1!, { mode: "rate", overall: 5, exceeded: "yes" }, ny("2026-10-13 18:30"));
    await refreshAndCheck(ny("2026-10-13 18:35"));
    expect(await serviceDaySums(it.id, "2026-10-13", "2026-10-13")).toMatchObject({ csat_d: 1, csat_n: 1, delight_n: 1 });

    await rate(requests.N1!, { mode: "edit", version: 1, overall: 3, exceeded: "no" }, ny("2026-10-13 19:00"));
    await refreshAndCheck(ny("2026-10-13 19:05"));
    const day = await serviceDaySums(it.id, "2026-10-13", "2026-10-13");
    expect(day).toMatchObject({ csat_d: 1 });
    expect(day.csat_n).toBeUndefined();
    expect(day.delight_n).toBeUndefined();
  });

  test("a recovery case closed, then the request re-rated", async () => {
    const i2 = requests.I2!;
    await setStatus(ian, i2, "RESOLVED", ny("2026-10-14 09:00"));
    await rate(i2, { mode: "rate", overall: 1 }, ny("2026-10-14 09:30"));
    await refreshAndCheck(ny("2026-10-14 09:35"));
    for (const [i, step] of (["acknowledge", "apologise", "correct", "close"] as const).entries()) {
      await recoveryStep(i2, step, new Date(ny("2026-10-14 10:00").getTime() + i * 600_000));
    }
    await refreshAndCheck(ny("2026-10-14 10:35"));
    expect(await serviceDaySums(it.id, "2026-10-14", "2026-10-14")).toMatchObject({ recovery_d: 1 });

    await rate(i2, { mode: "rerate", overall: 5, exceeded: "yes" }, ny("2026-10-14 11:00"));
    await refreshAndCheck(ny("2026-10-14 11:05"));
    expect(await serviceDaySums(it.id, "2026-10-14", "2026-10-14")).toMatchObject({ recovery_d: 1, recovery_n: 1 });
    // The re-rating is not a first rating: IT's CSAT that day is the first rating of 1 alone.
    expect(await serviceDaySums(it.id, "2026-10-14", "2026-10-14")).toMatchObject({ csat_d: 1 });
  });

  test("a promise is judged once its day has passed", async () => {
    const access = await accessAs(fred, requests.F5!);
    await setPromise(
      access,
      access.request.version,
      { promisedAt: "2026-10-14", reason: "Parts arrive Wednesday" },
      ny("2026-10-14 12:00"),
    );
    await refreshAndCheck(ny("2026-10-14 12:05"));
    expect((await serviceDaySums(facilities.id, "2026-10-14", "2026-10-14")).promises_d).toBeUndefined();

    // Half past midnight: 14 October is over and F5 is still open.
    const result = await refreshAndCheck(ny("2026-10-15 00:30"));
    expect(result.servicePairs).toBeGreaterThan(0);
    expect(await serviceDaySums(facilities.id, "2026-10-14", "2026-10-14")).toEqual({ promises_d: 1 });
  });

  test("a first-response target runs out without an answer", async () => {
    requests.N2 = await createRequest({
      requesterId: rita.id,
      providerTeamId: payroll.id,
      typeId: payslip.id,
      title: "N2",
      createdAt: ny("2026-10-15 01:00"),
    });
    await refreshAndCheck(ny("2026-10-15 02:00"));
    expect(await serviceDaySums(payroll.id, "2026-10-15", "2026-10-15")).toEqual({ volume: 1 });
    // Its target was 05:00; nothing was written since, only time passed.
    await refreshAndCheck(ny("2026-10-15 06:00"));
    expect(await serviceDaySums(payroll.id, "2026-10-15", "2026-10-15")).toEqual({ volume: 1, frs_d: 1 });
  });
  test("a request transferred after its recovery case closed: the case stays with the team rated, under the request's new type", async () => {
    // F2 (Facilities, Desk move) was rated 2; its recovery case closed on 10 October and it was
    // re-rated 4. Reopened and passed to IT, it is now a Laptop request; the case is still Facilities'.
    await setStatus(rita, requests.F2!, "IN_PROGRESS", ny("2026-10-15 06:30"));
    await transfer(fred, requests.F2!, it, laptop, ny("2026-10-15 06:40"));
    const now = ny("2026-10-15 06:45");
    expect(await refreshDashboardFigures(now)).not.toBeNull();
    await expectMatchesLive(now);
    expect(await serviceDaySums(facilities.id, "2026-10-10", "2026-10-10")).toMatchObject({ recovery_d: 1, recovery_n: 1 });
    // What the service overview's type filter adds up, against the scorecard of that type.
    const byType = await serviceFiguresByTypeAgainstLive([facilities, it, payroll], [desk, laptop, payslip], "2026-10-01", "2026-10-20", {
      now,
      timeZone: ZONE,
    });
    expect(byType.live["Facilities / Laptop"]).toEqual({ recovery_d: 1, recovery_n: 1 });
    // Soft, so that the count from scratch below runs (and the next tests start from it) either way.
    expect.soft(byType.figures).toEqual(byType.live);
    await expectSameAsRebuild(now);
  });
});

describe("complaint figures", () => {
  let support: Team;
  let field: Team;
  const managed = (c: Complaint) => loadManagedComplaint(actor(admin), String(c.number));
  const row = (day: string, team: string, category: string, channel: string, severity: string, counts: [number, number, number]) => ({
    day,
    team,
    category,
    channel,
    severity,
    complaints: counts[0],
    sightings: counts[1],
    frontLine: counts[2],
  });
  const themed = (theme: string, r: HeardRow): HeardRow => ({ ...r, theme });

  async function heardOn(day: string) {
    const { data } = await openAs<{ data: { summary: { heard: { value: number }; complaints: number; sightings: number } } }>(
      escalationsRoute,
      `/dashboards/escalations?period=custom&from=${day}&to=${day}`,
      admin,
    );
    const { heard, complaints: logged, sightings } = data.data.summary;
    return { heard: heard.value, complaints: logged, sightings };
  }

  beforeAll(async () => {
    support = await createTeam({ name: "Support" });
    field = await createTeam({ name: "Field Service" });
    const billing = await createCategory({ name: "Billing", ownerTeamId: support.id });
    const delivery = await createCategory({ name: "Delivery", ownerTeamId: field.id });
    // C1: heard 23:30 on 5 October in New York (03:30 on the 6th in UTC), resolved at the front line.
    complaints.C1 = await createComplaint({
      categoryId: billing.id,
      channel: "PHONE",
      severity: "HIGH",
      resolvedAtFrontLine: true,
      occurredAt: ny("2026-10-05 23:30"),
      createdAt: ny("2026-10-05 23:40"),
    });
    // Heard again by chat a quarter past midnight (6 October), and by phone earlier that evening.
    await addSighting(complaints.C1.id, { channel: "CHAT", occurredAt: ny("2026-10-06 00:15") });
    await addSighting(complaints.C1.id, { channel: "PHONE", occurredAt: ny("2026-10-05 22:00") });
    // C2: half past midnight on 6 October, a Delivery complaint routed to Support by the rep.
    complaints.C2 = await createComplaint({
      categoryId: delivery.id,
      routedTeamId: support.id,
      channel: "EMAIL",
      severity: "MEDIUM",
      occurredAt: ny("2026-10-06 00:30"),
      createdAt: ny("2026-10-06 00:35"),
    });
    complaints.C3 = await createComplaint({
      categoryId: delivery.id,
      channel: "WEB",
      severity: "LOW",
      occurredAt: ny("2026-10-07 12:00"),
      createdAt: ny("2026-10-07 12:05"),
    });
    await addSighting(complaints.C3.id, { channel: "EMAIL", occurredAt: ny("2026-10-07 23:59") });
  });

  test("heard volume by New York day: a sighting under its own channel and its complaint's team, category and severity", async () => {
    await refreshAndCheck(ny("2026-10-15 07:00"));
    expect(await heardRows("complaint_days")).toEqual([
      row("2026-10-05", "Support", "Billing", "PHONE", "HIGH", [1, 1, 1]),
      row("2026-10-06", "Support", "Billing", "CHAT", "HIGH", [0, 1, 0]),
      row("2026-10-06", "Support", "Delivery", "EMAIL", "MEDIUM", [1, 0, 0]),
      row("2026-10-07", "Field Service", "Delivery", "EMAIL", "LOW", [0, 1, 0]),
      row("2026-10-07", "Field Service", "Delivery", "WEB", "LOW", [1, 0, 0]),
    ]);
    // What a manager sees for one day at a time.
    expect(await heardOn("2026-10-05")).toEqual({ heard: 2, complaints: 1, sightings: 1 });
    expect(await heardOn("2026-10-06")).toEqual({ heard: 2, complaints: 1, sightings: 1 });
    expect(await heardOn("2026-10-07")).toEqual({ heard: 2, complaints: 1, sightings: 1 });
  });

  test("rerouting a complaint moves it and its sightings to the other team", async () => {
    const access = await managed(complaints.C1!);
    await rerouteComplaint(
      access,
      access.complaint.version,
      { toTeamId: field.id, reason: "Field handles refunds" },
      ny("2026-10-15 08:00"),
    );
    await refreshAndCheck(ny("2026-10-15 08:05"));
    expect(await heardRows("complaint_days")).toEqual([
      row("2026-10-05", "Field Service", "Billing", "PHONE", "HIGH", [1, 1, 1]),
      row("2026-10-06", "Field Service", "Billing", "CHAT", "HIGH", [0, 1, 0]),
      row("2026-10-06", "Support", "Delivery", "EMAIL", "MEDIUM", [1, 0, 0]),
      row("2026-10-07", "Field Service", "Delivery", "EMAIL", "LOW", [0, 1, 0]),
      row("2026-10-07", "Field Service", "Delivery", "WEB", "LOW", [1, 0, 0]),
    ]);
  });

  test("a new sighting counts on its own day", async () => {
    await addSighting(complaints.C2!.id, { channel: "SOCIAL", occurredAt: ny("2026-10-08 09:00") });
    await refreshAndCheck(ny("2026-10-15 08:30"));
    expect((await heardRows("complaint_days")).filter((r) => r.day === "2026-10-08")).toEqual([
      row("2026-10-08", "Support", "Delivery", "SOCIAL", "MEDIUM", [0, 1, 0]),
    ]);
  });

  test("tagging, untagging and merging themes move the theme counts", async () => {
    const refunds = await createTheme(actor(admin), "Refunds");
    const late = await createTheme(actor(admin), "Late delivery");
    const moneyBack = await createTheme(actor(admin), "Money back");
    const tag = async (c: Complaint, themeIds: string[], at: string) => {
      const access = await managed(c);
      await setComplaintThemes(access, access.complaint.version, { themeIds }, ny(at));
    };
    await tag(complaints.C1!, [refunds.id], "2026-10-15 09:00");
    await tag(complaints.C2!, [late.id], "2026-10-15 09:01");
    await tag(complaints.C3!, [moneyBack.id], "2026-10-15 09:02");
    await refreshAndCheck(ny("2026-10-15 09:05"));
    expect(await heardRows("theme_days")).toEqual([
      themed("Refunds", row("2026-10-05", "Field Service", "Billing", "PHONE", "HIGH", [1, 1, 1])),
      themed("Late delivery", row("2026-10-06", "Support", "Delivery", "EMAIL", "MEDIUM", [1, 0, 0])),
      themed("Refunds", row("2026-10-06", "Field Service", "Billing", "CHAT", "HIGH", [0, 1, 0])),
      themed("Money back", row("2026-10-07", "Field Service", "Delivery", "EMAIL", "LOW", [0, 1, 0])),
      themed("Money back", row("2026-10-07", "Field Service", "Delivery", "WEB", "LOW", [1, 0, 0])),
      themed("Late delivery", row("2026-10-08", "Support", "Delivery", "SOCIAL", "MEDIUM", [0, 1, 0])),
    ]);

    await tag(complaints.C2!, [], "2026-10-15 09:10");
    await refreshAndCheck(ny("2026-10-15 09:15"));
    expect((await heardRows("theme_days")).map((r) => r.theme)).not.toContain("Late delivery");

    await mergeTheme(actor(admin), refunds.id, moneyBack.id);
    await refreshAndCheck(ny("2026-10-15 09:20"));
    expect(await heardRows("theme_days")).toEqual([
      themed("Money back", row("2026-10-05", "Field Service", "Billing", "PHONE", "HIGH", [1, 1, 1])),
      themed("Money back", row("2026-10-06", "Field Service", "Billing", "CHAT", "HIGH", [0, 1, 0])),
      themed("Money back", row("2026-10-07", "Field Service", "Delivery", "EMAIL", "LOW", [0, 1, 0])),
      themed("Money back", row("2026-10-07", "Field Service", "Delivery", "WEB", "LOW", [1, 0, 0])),
    ]);
  });

  test("a new time zone: the next run counts everything afresh on that zone's days", async () => {
    const nyRows = await heardRows("complaint_days");
    const now = ny("2026-10-15 10:00");
    try {
      setTimeZone("UTC");
      expect(await refreshDashboardFigures(now)).toMatchObject({ rebuilt: true });
      expect(await heardRows("complaint_days")).toEqual([
        row("2026-10-06", "Field Service", "Billing", "CHAT", "HIGH", [0, 1, 0]),
        row("2026-10-06", "Field Service", "Billing", "PHONE", "HIGH", [1, 1, 1]),
        row("2026-10-06", "Support", "Delivery", "EMAIL", "MEDIUM", [1, 0, 0]),
        row("2026-10-07", "Field Service", "Delivery", "WEB", "LOW", [1, 0, 0]),
        row("2026-10-08", "Field Service", "Delivery", "EMAIL", "LOW", [0, 1, 0]),
        row("2026-10-08", "Support", "Delivery", "SOCIAL", "MEDIUM", [0, 1, 0]),
      ]);
      // F2 (now IT's), raised 23:30 on 5 October in New York, is a 6 October request in UTC.
      expect(await serviceDaySums(it.id, "2026-10-05", "2026-10-05")).toMatchObject({ volume: 1 }); // F1
      expect(await serviceDaySums(it.id, "2026-10-06", "2026-10-06")).toMatchObject({ volume: 2 }); // I1, F2
      await expectMatchesLive(now, "UTC");
      expect(await refreshDashboardFigures(utc("2026-10-15 14:05"))).toMatchObject({ rebuilt: false });
    } finally {
      setTimeZone(ZONE);
    }
    expect(await refreshDashboardFigures(ny("2026-10-15 10:10"))).toMatchObject({ rebuilt: true });
    expect(await heardRows("complaint_days")).toEqual(nyRows);
    expect(await serviceDaySums(it.id, "2026-10-05", "2026-10-05")).toMatchObject({ volume: 2 }); // F1, F2
    expect(await serviceDaySums(it.id, "2026-10-06", "2026-10-06")).toMatchObject({ volume: 1 }); // I1
    await expectMatchesLive(ny("2026-10-15 10:10"));
  });
});

describe("two runs at once", () => {
  async function bothAtOnce(now: Date) {
    const results = await Promise.all([refreshDashboardFigures(now), refreshDashboardFigures(now)]);
    // One of them may find the other at work and skip; at least one did the work.
    expect(results.some((r) => r !== null)).toBe(true);
    await expectMatchesLive(now);
    await expectSameAsRebuild(now);
  }

  test("after changes, two runs leave the figures one run would", async () => {
    await createRequest({ requesterId: rita.id, providerTeamId: facilities.id, typeId: desk.id, createdAt: ny("2026-10-15 11:00") });
    await addSighting(complaints.C3!.id, { channel: "OTHER", occurredAt: ny("2026-10-15 11:00") });
    await bothAtOnce(ny("2026-10-15 11:05"));
    expect(await serviceDaySums(facilities.id, "2026-10-15", "2026-10-15")).toEqual({ volume: 1 });
    const heardToday = (await heardRows("complaint_days")).filter((r) => r.day === "2026-10-15");
    expect(heardToday.map((r) => r.sightings)).toEqual([1]);
  });

  test("on a first start, two runs count everything once", async () => {
    await prisma.rollupState.deleteMany();
    await bothAtOnce(ny("2026-10-15 12:00"));
  });
});
