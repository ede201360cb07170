// The escalation-trend dashboard's SQL. Heard volume, front-line resolution, the team-by-category
// table and rising themes add up the daily figures (complaint_days, theme_days: decision 013);
// time to acknowledge and open escalations read complaints directly (a percentile cannot be
// added up from days, and what is waiting now is a small, indexed set). The drill-down lists
// select the complaints and sightings behind a number with conditions that mirror the figures'
// own, so a list's count is the number it came from.
import { Prisma } from "~/generated/prisma/client";
import { AGE_BANDS, type AgeBand, type Stack } from "~/utils/escalation-measures";
import type { ComplaintChannel, Severity } from "~/utils/complaint-rules";

export interface EscalationFilter {
  /** The routed teams in view; null for every team (an admin's whole organisation). */
  teamIds: string[] | null;
  categoryId: string | null;
  channel: ComplaintChannel | null;
  severity: Severity | null;
  themeId: string | null;
}

export interface DayRange {
  /** First and last day, YYYY-MM-DD (inclusive). */
  from: string;
  to: string;
}

export interface InstantRange {
  start: Date;
  end: Date;
}

// ---------------------------------------------------------------------------------------------
// From the daily figures

/** The WHERE of the daily figures for `days` and the filters (a theme only on theme_days). */
function daysWhere(f: EscalationFilter, days: DayRange) {
  const conditions = [
    Prisma.sql`day >= ${days.from}::date AND day <= ${days.to}::date`,
    ...(f.teamIds ? [Prisma.sql`team_id = ANY(${f.teamIds}::text[])`] : []),
    ...(f.themeId ? [Prisma.sql`theme_id = ${f.themeId}`] : []),
    ...(f.categoryId ? [Prisma.sql`category_id = ${f.categoryId}`] : []),
    ...(f.channel ? [Prisma.sql`channel = ${f.channel}::"ComplaintChannel"`] : []),
    ...(f.severity ? [Prisma.sql`severity = ${f.severity}::"Severity"`] : []),
  ];
  return Prisma.join(conditions, " AND ");
}

/**
 * The figures table to read and its WHERE for `days`: a theme filter reads the theme's own;
 * when neither channel nor severity is filtered or `split` by, the tables without them (a few
 * dozen rows a day instead of every combination heard).
 */
function daysSource(f: EscalationFilter, days: DayRange, options: { split?: Stack; perTheme?: boolean } = {}) {
  const full = Boolean(f.channel || f.severity || options.split === "channel" || options.split === "severity");
  const themed = Boolean(f.themeId || options.perTheme);
  const table = themed ? (full ? "theme_days" : "theme_category_days") : full ? "complaint_days" : "complaint_category_days";
  return Prisma.sql`${Prisma.raw(table)} WHERE ${daysWhere(f, days)}`;
}

const STACK_COLUMN: Record<Stack, Prisma.Sql> = {
  category: Prisma.sql`category_id`,
  channel: Prisma.sql`channel::text`,
  severity: Prisma.sql`severity::text`,
};

export interface HeardRow {
  /** 1: a week's count for one stack key; 2: a team × category cell; 3: the period's total. */
  g: number;
  week: string | null;
  key: string | null;
  team_id: string | null;
  category_id: string | null;
  heard: number;
  complaints: number;
  sightings: number;
  front_line: number;
}

/** In one pass over the period's days: heard per week and stack key, per team × category, and in all. */
export function heardQuery(f: EscalationFilter, days: DayRange, stack: Stack) {
  const week = Prisma.sql`date_trunc('week', day)::date`;
  const key = STACK_COLUMN[stack];
  return Prisma.sql`
    SELECT GROUPING(${week}, team_id)::int AS g, to_char(${week}, 'YYYY-MM-DD') AS week, ${key} AS key, team_id, category_id,
           sum(complaints + sightings)::int AS heard, sum(complaints)::int AS complaints,
           sum(sightings)::int AS sightings, sum(front_line)::int AS front_line
      FROM ${daysSource(f, days, { split: stack })}
     GROUP BY GROUPING SETS ((${week}, ${key}), (team_id, category_id), ())`;
}

/** The totals of a period (the previous one, for the comparison). */
export function heardTotalsQuery(f: EscalationFilter, days: DayRange) {
  return Prisma.sql`SELECT COALESCE(sum(complaints), 0)::int AS complaints, COALESCE(sum(sightings), 0)::int AS sightings,
      COALESCE(sum(front_line), 0)::int AS front_line
    FROM ${daysSource(f, days)}`;
}

/** One count from the figures — heard, complaints logged, or resolved at the front line — for a drill-down's heading. */
export function figureCountQuery(f: EscalationFilter, days: DayRange, count: "heard" | "complaints" | "frontLine") {
  const expression = { heard: Prisma.sql`complaints + sightings`, complaints: Prisma.sql`complaints`, frontLine: Prisma.sql`front_line` }[
    count
  ];
  return Prisma.sql`SELECT COALESCE(sum(${expression}), 0)::int AS count FROM ${daysSource(f, days)}`;
}

/** Heard volume per theme this period and the previous one (the theme filter narrows to one). */
export function themeCountsQuery(f: EscalationFilter, current: DayRange, previous: DayRange) {
  return Prisma.sql`
    SELECT d.theme_id AS "themeId", t.name,
           COALESCE(sum(d.complaints + d.sightings) FILTER (WHERE d.day >= ${current.from}::date), 0)::int AS current,
           COALESCE(sum(d.complaints + d.sightings) FILTER (WHERE d.day <= ${previous.to}::date), 0)::int AS previous
      FROM (SELECT theme_id, day, complaints, sightings FROM ${daysSource(f, { from: previous.from, to: current.to }, { perTheme: true })}) d
      JOIN themes t ON t.id = d.theme_id
     GROUP BY d.theme_id, t.name`;
}

// ---------------------------------------------------------------------------------------------
// From the complaints themselves

/** The filters on a complaint `c` (its channel for complaint-level measures). */
export function complaintConditions(f: EscalationFilter, channelColumn = Prisma.sql`c.channel`) {
  return Prisma.join(
    [
      f.teamIds ? Prisma.sql`c.routed_team_id = ANY(${f.teamIds}::text[])` : Prisma.sql`TRUE`,
      ...(f.categoryId ? [Prisma.sql`c.category_id = ${f.categoryId}`] : []),
      ...(f.channel ? [Prisma.sql`${channelColumn} = ${f.channel}::"ComplaintChannel"`] : []),
      ...(f.severity ? [Prisma.sql`c.severity = ${f.severity}::"Severity"`] : []),
      ...(f.themeId
        ? [Prisma.sql`EXISTS (SELECT 1 FROM complaint_themes ct WHERE ct.complaint_id = c.id AND ct.theme_id = ${f.themeId})`]
        : []),
    ],
    " AND ",
  );
}

const ACK_MINUTES = Prisma.sql`extract(epoch FROM c.acknowledged_at - c.escalated_at) / 60`;

/** Complaints acknowledged in a period, counted from when they were forwarded. */
export function acknowledgedCondition(f: EscalationFilter, range: InstantRange) {
  return Prisma.sql`c.acknowledged_at >= ${range.start} AND c.acknowledged_at < ${range.end} AND c.escalated_at IS NOT NULL
    AND ${complaintConditions(f)}`;
}

/** Median and 90th percentile of the time to acknowledge, in minutes, in each period. */
export function acknowledgeTimesQuery(f: EscalationFilter, current: InstantRange, previous: InstantRange) {
  const cur = Prisma.sql`c.acknowledged_at >= ${current.start}`;
  const pct = (p: number, when: Prisma.Sql) =>
    Prisma.sql`percentile_cont(${p}::float8) WITHIN GROUP (ORDER BY (${ACK_MINUTES})::float8) FILTER (WHERE ${when})`;
  return Prisma.sql`
    SELECT count(*) FILTER (WHERE ${cur})::int AS cur_count, ${pct(0.5, cur)} AS cur_median, ${pct(0.9, cur)} AS cur_p90,
           count(*) FILTER (WHERE NOT ${cur})::int AS prev_count, ${pct(0.5, Prisma.sql`NOT ${cur}`)} AS prev_median,
           ${pct(0.9, Prisma.sql`NOT ${cur}`)} AS prev_p90
      FROM complaints c
     WHERE ${acknowledgedCondition(f, { start: previous.start, end: current.end })}`;
}

/** Forwarded to managers and not yet acknowledged (whatever the period: what waits now). */
export function openEscalationCondition(f: EscalationFilter, now: Date, band?: AgeBand, level?: number) {
  const parts = [Prisma.sql`c.status = 'ESCALATED' AND c.acknowledged_at IS NULL AND c.escalated_at IS NOT NULL`, complaintConditions(f)];
  if (band) {
    const b = AGE_BANDS.find((x) => x.key === band)!;
    parts.push(Prisma.sql`c.escalated_at <= ${new Date(now.getTime() - b.fromHours * 3_600_000)}`);
    if (b.toHours !== null) parts.push(Prisma.sql`c.escalated_at > ${new Date(now.getTime() - b.toHours * 3_600_000)}`);
  }
  if (level !== undefined) parts.push(Prisma.sql`c.escalation_level = ${level}`);
  return Prisma.join(parts, " AND ");
}

/** Open escalations by age band and level reached. */
export function openEscalationsQuery(f: EscalationFilter, now: Date) {
  const cases = AGE_BANDS.map((b) =>
    b.toHours === null
      ? Prisma.sql`ELSE ${b.key}`
      : Prisma.sql`WHEN c.escalated_at > ${new Date(now.getTime() - b.toHours * 3_600_000)} THEN ${b.key}`,
  );
  return Prisma.sql`
    SELECT CASE ${Prisma.join(cases, " ")} END AS band, c.escalation_level AS level, count(*)::int AS count
      FROM complaints c WHERE ${openEscalationCondition(f, now)}
     GROUP BY 1, 2`;
}
