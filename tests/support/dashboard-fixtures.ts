// Helpers for the dashboard tests: the organisation's time zone for a test file, the daily
// figures (service_days, complaint_days, theme_days) read back in a form a test can compare, the
// live team scorecard's counts in the same shape, and the dashboard pages opened as a signed-in
// person would.
import { afterAll, expect } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { queryRows } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { addDaysIso, orgDateIso } from "~/utils/org-time";
import { periodBounds } from "~/utils/report-period";
import type { ScorecardCounts } from "~/utils/service-measures";
import { countsFromRow, countsQuery, type MeasureWindow } from "~/models/scorecard-sql.server";
import { SERVICE_DAY_COLUMNS, type ServiceDayColumn } from "~/models/service-days-sql.server";
import { refreshDashboardFigures } from "~/jobs/refresh-dashboard-figures.server";
import { callLoader, getRequest, readJson, signInAs, type RouteModule } from "./http";

// ---------------------------------------------------------------------------------------------
// The organisation's time zone

/** Sets UPSTREAM_TIME_ZONE now (call at the top of a test file) and puts it back after the file. */
export function useTimeZone(zone: string) {
  const before = process.env.UPSTREAM_TIME_ZONE;
  setTimeZone(zone);
  afterAll(() => {
    if (before === undefined) delete process.env.UPSTREAM_TIME_ZONE;
    else process.env.UPSTREAM_TIME_ZONE = before;
    resetEnvCache();
  });
}

/** Changes UPSTREAM_TIME_ZONE for what follows, as a restart with a new setting would. */
export function setTimeZone(zone: string) {
  process.env.UPSTREAM_TIME_ZONE = zone;
  resetEnvCache();
}

/** Every calendar day from `from` to `to`, both included (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDaysIso(day, 1)) days.push(day);
  return days;
}

// ---------------------------------------------------------------------------------------------
// Service figures against the live scorecard

export type ServiceFigures = Partial<Record<ServiceDayColumn, number>>;

/** Only the counts that are not zero, so a comparison shows what differs and nothing else. */
function nonZero(figures: Record<ServiceDayColumn, number>): ServiceFigures {
  return Object.fromEntries(Object.entries(figures).filter(([, n]) => n !== 0)) as ServiceFigures;
}

/** The live scorecard's counts as the columns of service_days. */
export function figuresFromCounts(c: ScorecardCounts): ServiceFigures {
  return nonZero({
    volume: c.volume,
    csat_d: c.csat.denominator,
    csat_n: c.csat.numerator,
    delight_n: c.delight.numerator,
    response_d: c.responseRate.denominator,
    response_n: c.responseRate.numerator,
    frs_d: c.firstResponseSla.denominator,
    frs_n: c.firstResponseSla.numerator,
    resolution_d: c.resolutionSla.denominator,
    resolution_n: c.resolutionSla.numerator,
    promises_d: c.promisesKept.denominator,
    promises_n: c.promisesKept.numerator,
    transfers_sum: c.transfers.numerator,
    bounce_n: c.bounce.numerator,
    reopen_d: c.reopen.denominator,
    reopen_n: c.reopen.numerator,
    recovery_d: c.recovery.denominator,
    recovery_n: c.recovery.numerator,
  });
}

/** A team's service_days added up over [from, to]. */
export async function serviceDaySums(teamId: string, from: string, to: string): Promise<ServiceFigures> {
  const sums = SERVICE_DAY_COLUMNS.map((c) => Prisma.sql`COALESCE(sum(${Prisma.raw(c)}), 0)::int AS ${Prisma.raw(c)}`);
  const [row] = await queryRows<Record<ServiceDayColumn, number>>(
    Prisma.sql`SELECT ${Prisma.join(sums)} FROM service_days WHERE team_id = ${teamId} AND day >= ${from}::date AND day <= ${to}::date`,
  );
  return nonZero(row!);
}

export interface Clock {
  now: Date;
  timeZone: string;
}

function measureWindow(teamId: string, days: { from: string; to: string; typeId?: string }, clock: Clock): MeasureWindow {
  return {
    teamId,
    typeId: days.typeId,
    ...periodBounds(days, clock.timeZone),
    from: days.from,
    to: days.to,
    now: clock.now,
    today: orgDateIso(clock.now, clock.timeZone),
    timeZone: clock.timeZone,
  };
}

/** The live scorecard's counts of a team for each of `periods` (of one request type, with typeId), as of `clock`. */
export async function liveServiceFigures(teamId: string, periods: Array<{ from: string; to: string; typeId?: string }>, clock: Clock) {
  const out: ServiceFigures[] = [];
  // About 40 columns a window: 25 windows a query stay well under PostgreSQL's column limit.
  for (let i = 0; i < periods.length; i += 25) {
    const chunk = periods.slice(i, i + 25);
    const windows = Object.fromEntries(chunk.map((p, j) => [`w${j}`, measureWindow(teamId, p, clock)]));
    const [row] = await queryRows<Record<string, number | null>>(countsQuery(teamId, windows));
    chunk.forEach((_p, j) => out.push(figuresFromCounts(countsFromRow(row!, `w${j}`))));
  }
  return out;
}

/**
 * The daily figures and the live scorecard side by side, per team ("<name> <day>") for every day
 * from `from` to `to` and the whole span ("<name> <from>..<to>"), leaving out what is zero on
 * both. Every row of service_days counts, whatever its day: a row outside the span shows up as
 * a difference.
 */
export async function serviceFiguresAgainstLive(teams: Array<{ id: string; name: string }>, from: string, to: string, clock: Clock) {
  const figures: Record<string, ServiceFigures> = {};
  const live: Record<string, ServiceFigures> = {};
  const names = new Map(teams.map((t) => [t.id, t.name]));
  const sums = SERVICE_DAY_COLUMNS.map((c) => Prisma.sql`sum(${Prisma.raw(c)})::int AS ${Prisma.raw(c)}`);
  const rows = await queryRows<{ team_id: string; day: string } & Record<ServiceDayColumn, number>>(
    Prisma.sql`SELECT team_id, to_char(day, 'YYYY-MM-DD') AS day, ${Prisma.join(sums)} FROM service_days GROUP BY team_id, day`,
  );
  for (const { team_id, day, ...counts } of rows) {
    const shown = nonZero(counts);
    if (Object.keys(shown).length) figures[`${names.get(team_id) ?? team_id} ${day}`] = shown;
  }
  const days = daysBetween(from, to);
  for (const team of teams) {
    const span = await serviceDaySums(team.id, from, to);
    if (Object.keys(span).length) figures[`${team.name} ${from}..${to}`] = span;
    const counted = await liveServiceFigures(team.id, [...days.map((d) => ({ from: d, to: d })), { from, to }], clock);
    counted.forEach((c, i) => {
      if (Object.keys(c).length) live[i < days.length ? `${team.name} ${days[i]}` : `${team.name} ${from}..${to}`] = c;
    });
  }
  return { figures, live };
}

/**
 * The same over the whole span for each team and request type ("<team> / <type>"): what the
 * service overview's type filter adds up, against the scorecard narrowed to that type.
 */
export async function serviceFiguresByTypeAgainstLive(
  teams: Array<{ id: string; name: string }>,
  types: Array<{ id: string; name: string }>,
  from: string,
  to: string,
  clock: Clock,
) {
  const figures: Record<string, ServiceFigures> = {};
  const live: Record<string, ServiceFigures> = {};
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const typeNames = new Map(types.map((t) => [t.id, t.name]));
  const sums = SERVICE_DAY_COLUMNS.map((c) => Prisma.sql`sum(${Prisma.raw(c)})::int AS ${Prisma.raw(c)}`);
  const rows = await queryRows<{ team_id: string; type_id: string } & Record<ServiceDayColumn, number>>(
    Prisma.sql`SELECT team_id, type_id, ${Prisma.join(sums)} FROM service_days
                WHERE day >= ${from}::date AND day <= ${to}::date AND team_id = ANY(${teams.map((t) => t.id)}::text[])
                GROUP BY team_id, type_id`,
  );
  for (const { team_id, type_id, ...counts } of rows) {
    const shown = nonZero(counts);
    if (Object.keys(shown).length) figures[`${teamNames.get(team_id)} / ${typeNames.get(type_id) ?? type_id}`] = shown;
  }
  for (const team of teams) {
    const counted = await liveServiceFigures(
      team.id,
      types.map((t) => ({ from, to, typeId: t.id })),
      clock,
    );
    counted.forEach((c, i) => {
      if (Object.keys(c).length) live[`${team.name} / ${types[i]!.name}`] = c;
    });
  }
  return { figures, live };
}

// ---------------------------------------------------------------------------------------------
// Complaint figures

export interface HeardRow {
  day: string;
  theme?: string;
  team: string;
  category: string;
  channel: string;
  severity: string;
  complaints: number;
  sightings: number;
  frontLine: number;
}

/** The rows of complaint_days (or theme_days) with names for ids, in a stable order. */
export async function heardRows(table: "complaint_days" | "theme_days"): Promise<HeardRow[]> {
  const themed = table === "theme_days";
  const rows = await queryRows<HeardRow & { theme: string | null }>(Prisma.sql`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, ${themed ? Prisma.sql`th.name` : Prisma.sql`NULL`} AS theme,
           t.name AS team, k.name AS category, d.channel::text AS channel, d.severity::text AS severity,
           d.complaints, d.sightings, d.front_line AS "frontLine"
      FROM ${Prisma.raw(table)} d
      JOIN teams t ON t.id = d.team_id
      JOIN complaint_categories k ON k.id = d.category_id
      ${themed ? Prisma.sql`LEFT JOIN themes th ON th.id = d.theme_id` : Prisma.empty}
     ORDER BY 1, 2, 3, 4, 5, 6`);
  return rows.map(({ theme, ...row }) => (themed ? { ...row, theme: theme ?? "(deleted theme)" } : row));
}

/** Everything in the three figures tables, in a stable order (to compare two states). */
export async function figureTables() {
  const all = (table: string, order: string) =>
    queryRows<Record<string, unknown>>({ text: `SELECT * FROM ${table} ORDER BY ${order}`, values: [] });
  return {
    service: await all("service_days", "day, team_id, type_id"),
    complaints: await all("complaint_days", "day, team_id, category_id, channel, severity"),
    themes: await all("theme_days", "day, theme_id, team_id, category_id, channel, severity"),
  };
}

/** The figures as they stand equal a count of everything from scratch at the same time. */
export async function expectSameAsRebuild(now: Date) {
  const kept = await figureTables();
  await refreshDashboardFigures(now, { rebuild: true });
  expect(await figureTables()).toEqual(kept);
}

// ---------------------------------------------------------------------------------------------
// Pages

const cookies = new Map<string, Promise<string>>();

/** A signed-in cookie for the user, made once per test file. */
export function cookieFor(user: { id: string }) {
  if (!cookies.has(user.id)) cookies.set(user.id, signInAs(user.id));
  return cookies.get(user.id)!;
}

/** GET `url` from `route`'s loader as `user`: the status, and the JSON when it is 200. */
export async function openAs<T>(route: RouteModule, url: string, user: { id: string }, params: Record<string, string> = {}) {
  const response = await callLoader(route, getRequest(url, { cookie: await cookieFor(user) }), params);
  const data = response.status === 200 ? await readJson<T>(response) : null;
  return { status: response.status, data: data as T };
}

/** The leading number of a heading such as "1,234 heard: …". */
export function headingCount(heading: string) {
  const match = /^([\d,]+)\s/.exec(heading);
  if (!match) throw new Error(`no count in heading "${heading}"`);
  return Number(match[1]!.replace(/,/g, ""));
}
