// The scorecard's measures in SQL: for each measure, which of a team's requests form its
// population in a period and which of those count as successes, as SQL fragments over one row
// source (a request with its FIRST rating, its RERATING and its recovery case: each at most one,
// so one row per request). The counting query adds them up with count(*) FILTER (WHERE …) and
// the drill-down lists select rows WHERE the very same fragments hold, so a list's length is the
// card's number by construction. The definitions are those in app/utils/service-measures.ts.
//
// Everything is aggregated in PostgreSQL, never by loading rows into JavaScript, so the same
// fragments can serve company-wide dashboards over a million requests (grouped by team). Values
// are bound parameters; identifiers come only from constants here.
import { Prisma } from "~/generated/prisma/client";
import { OPEN_STATUSES } from "~/utils/request-lifecycle";
import { DIMENSIONS, type DimensionKey } from "~/utils/rating-rules";
import type { MeasureKey, ScorecardCounts } from "~/utils/service-measures";

export interface MeasureWindow {
  teamId: string;
  /** The period as instants, [start, end), in the organisation's time zone. */
  start: Date;
  end: Date;
  /** Its first and last calendar day, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Clocks that have not run out by `now` (or promises not due before `today`) are not judged yet. */
  now: Date;
  today: string;
  timeZone: string;
  /** Only requests of this type (the service overview's filter), when given. */
  typeId?: string;
}

export interface MeasurePredicate {
  /** Which rows the measure is computed over (including which team they belong to). */
  population: Prisma.Sql;
  /** Which of those count as a success; TRUE for measures that are not shares. */
  numerator: Prisma.Sql;
}

export const SCORECARD_SOURCE = Prisma.sql`requests r
  LEFT JOIN ratings fr ON fr.request_id = r.id AND fr.kind = 'FIRST'
  LEFT JOIN ratings rr ON rr.request_id = r.id AND rr.kind = 'RERATING'
  LEFT JOIN recovery_cases rc ON rc.request_id = r.id`;

type TimeColumn = "r.created_at" | "r.resolved_at" | "fr.created_at" | "rc.closed_at";

function during(column: TimeColumn, w: MeasureWindow) {
  const c = Prisma.raw(column);
  return Prisma.sql`${c} >= ${w.start} AND ${c} < ${w.end}`;
}

const ALWAYS = Prisma.sql`TRUE`;
const openStatuses = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}`));

/**
 * The conditions DESIGN.md's measures are made of, over a row of SCORECARD_SOURCE. The live
 * scorecard (measurePredicates) and the daily dashboard figures (service-days-sql.server.ts)
 * both build on these, so a team's card and its row on the service overview agree.
 */
export const SERVICE_RULES = {
  /** Answered, or still unanswered past the target; a request cancelled before its target
   * passed never had its clock run out. */
  firstResponseJudged: (now: Date) => Prisma.sql`(r.first_response_at IS NOT NULL OR (r.first_response_due_at < ${now}
        AND (r.cancelled_at IS NULL OR r.cancelled_at > r.first_response_due_at)))`,
  firstResponseMet: Prisma.sql`r.first_response_at <= r.first_response_due_at`,
  /** Open and not resolved: judged on its resolution target once the target has passed. */
  openUnresolved: Prisma.sql`r.resolved_at IS NULL AND r.status IN (${openStatuses})`,
  resolutionMet: Prisma.sql`r.resolved_at <= r.resolution_due_at`,
  /** A promise is a calendar day: today's is not judged yet; a request cancelled by its
   * requester before the day passed broke no promise. */
  promiseJudged: (today: string, timeZone: string) => Prisma.sql`(r.resolved_at IS NOT NULL OR r.promised_at < ${today}::date)
        AND (r.cancelled_at IS NULL OR (r.cancelled_at AT TIME ZONE ${timeZone})::date > r.promised_at)`,
  /** Kept when resolved on that day (the organisation's) or before. */
  promiseKept: (timeZone: string) => Prisma.sql`(r.resolved_at AT TIME ZONE ${timeZone})::date <= r.promised_at`,
  transferred: Prisma.sql`r.transfer_count > 0`,
  /** Reopening clears resolved_at, so a reopened request still open counts as ever resolved. */
  everResolved: Prisma.sql`(r.resolved_at IS NOT NULL OR r.reopen_count > 0)`,
  reopened: Prisma.sql`r.reopen_count > 0`,
  satisfied: Prisma.sql`fr.overall >= 4`,
  delighted: Prisma.sql`fr.exceeded_expectations`,
  rated: Prisma.sql`fr.id IS NOT NULL`,
  recoveryClosed: Prisma.sql`rc.status = 'CLOSED'`,
  recovered: Prisma.sql`rr.overall >= 4`,
} as const;

export function measurePredicates(w: MeasureWindow): Record<MeasureKey, MeasurePredicate> {
  const rules = SERVICE_RULES;
  const ofType = w.typeId ? Prisma.sql` AND r.type_id = ${w.typeId}` : Prisma.empty;
  const team = Prisma.sql`r.provider_team_id = ${w.teamId}${ofType}`;
  const received = Prisma.sql`${team} AND ${during("r.created_at", w)}`;
  const resolved = Prisma.sql`${team} AND ${during("r.resolved_at", w)}`;
  const rated = Prisma.sql`${team} AND ${during("fr.created_at", w)}`;
  // An open request is judged on its resolution target once the target has passed.
  const judgedUntil = w.now < w.end ? w.now : w.end;
  return {
    volume: { population: received, numerator: ALWAYS },
    csat: { population: rated, numerator: rules.satisfied },
    delight: { population: rated, numerator: rules.delighted },
    responseRate: { population: resolved, numerator: rules.rated },
    firstResponseSla: {
      population: Prisma.sql`${received} AND ${rules.firstResponseJudged(w.now)}`,
      numerator: rules.firstResponseMet,
    },
    resolutionSla: {
      population: Prisma.sql`${team} AND (${during("r.resolved_at", w)} OR (${rules.openUnresolved}
        AND r.resolution_due_at >= ${w.start} AND r.resolution_due_at < ${judgedUntil}))`,
      numerator: rules.resolutionMet,
    },
    promisesKept: {
      population: Prisma.sql`${team} AND r.promised_at >= ${w.from}::date AND r.promised_at <= ${w.to}::date
        AND ${rules.promiseJudged(w.today, w.timeZone)}`,
      numerator: rules.promiseKept(w.timeZone),
    },
    // Listed: the requests that were transferred; counted: their transfers (see countColumns).
    transfers: { population: received, numerator: rules.transferred },
    bounce: { population: received, numerator: rules.transferred },
    reopen: { population: Prisma.sql`${received} AND ${rules.everResolved}`, numerator: rules.reopened },
    // Recovery cases belong to the team that was rated, which the case records.
    recovery: {
      population: Prisma.sql`rc.team_id = ${w.teamId}${ofType} AND ${rules.recoveryClosed} AND ${during("rc.closed_at", w)}`,
      numerator: rules.recovered,
    },
    medianFirstResponse: { population: Prisma.sql`${received} AND r.first_response_at IS NOT NULL`, numerator: ALWAYS },
    medianResolution: { population: resolved, numerator: ALWAYS },
  };
}

/**
 * The rows of a drill-down: the population, or the successes within it; with `dimension`, the
 * first ratings in the period that scored that expectation (what its average is over).
 */
export function drillDownCondition(w: MeasureWindow, measure: MeasureKey, part: "population" | "numerator", dimension?: DimensionKey) {
  if (dimension) return Prisma.sql`(${measurePredicates(w).csat.population}) AND ${DIMENSION_COLUMNS[dimension]} IS NOT NULL`;
  const p = measurePredicates(w)[measure];
  return part === "numerator" ? Prisma.sql`(${p.population}) AND (${p.numerator})` : p.population;
}

// ---------------------------------------------------------------------------------------------
// Counting

const RATIO_KEYS = [
  "csat",
  "delight",
  "responseRate",
  "firstResponseSla",
  "resolutionSla",
  "promisesKept",
  "bounce",
  "reopen",
  "recovery",
] as const;
const MEDIANS = {
  medianFirstResponse: Prisma.sql`r.first_response_at - r.created_at`,
  medianResolution: Prisma.sql`r.resolved_at - r.created_at`,
} as const;
// Columns of the ratings table for each expectation (constants, never user input).
const DIMENSION_COLUMNS = Object.fromEntries(
  DIMENSIONS.map((d) => [d.key, Prisma.raw(`fr.${d.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`)]),
) as Record<DimensionKey, Prisma.Sql>;

function alias(prefix: string, name: string) {
  return Prisma.raw(`"${prefix}_${name}"`);
}

function countColumns(prefix: string, w: MeasureWindow): Prisma.Sql[] {
  const p = measurePredicates(w);
  const count = (where: Prisma.Sql, name: string) => Prisma.sql`count(*) FILTER (WHERE ${where})::int AS ${alias(prefix, name)}`;
  const columns = [count(p.volume.population, "volume")];
  for (const key of RATIO_KEYS) {
    columns.push(count(p[key].population, `${key}_d`), count(Prisma.sql`(${p[key].population}) AND (${p[key].numerator})`, `${key}_n`));
  }
  columns.push(
    count(p.transfers.population, "transfers_d"),
    Prisma.sql`COALESCE(sum(r.transfer_count) FILTER (WHERE ${p.transfers.population}), 0)::int AS ${alias(prefix, "transfers_n")}`,
  );
  for (const [key, column] of Object.entries(DIMENSION_COLUMNS)) {
    columns.push(
      Prisma.sql`COALESCE(sum(${column}) FILTER (WHERE ${p.csat.population}), 0)::int AS ${alias(prefix, `${key}_sum`)}`,
      Prisma.sql`count(${column}) FILTER (WHERE ${p.csat.population})::int AS ${alias(prefix, `${key}_count`)}`,
    );
  }
  for (const [key, interval] of Object.entries(MEDIANS) as Array<[keyof typeof MEDIANS, Prisma.Sql]>) {
    columns.push(
      Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM ${interval}) / 60)::float8)
                   FILTER (WHERE ${p[key].population}) AS ${alias(prefix, key)}`,
      count(p[key].population, `${key}_count`),
    );
  }
  return columns;
}

/**
 * One query, one pass over the team's requests (and those whose recovery case is the team's),
 * for every measure of each window: { prefix: window }.
 */
export function countsQuery(teamId: string, windows: Record<string, MeasureWindow>) {
  const columns = Object.entries(windows).flatMap(([prefix, w]) => countColumns(prefix, w));
  // ARRAY(…) is computed once, so PostgreSQL can combine the two conditions' indexes.
  return Prisma.sql`SELECT ${Prisma.join(columns, ",\n")}
    FROM ${SCORECARD_SOURCE}
   WHERE r.provider_team_id = ${teamId}
      OR r.id = ANY(ARRAY(SELECT c.request_id FROM recovery_cases c WHERE c.team_id = ${teamId}))`;
}

/** The counts of one window from the row of `countsQuery`. */
export function countsFromRow(row: Record<string, number | null>, prefix: string): ScorecardCounts {
  const get = (name: string) => row[`${prefix}_${name}`] ?? 0;
  const ratio = (key: string) => ({ numerator: get(`${key}_n`), denominator: get(`${key}_d`) });
  const median = (key: keyof typeof MEDIANS) => ({ minutes: row[`${prefix}_${key}`] ?? null, count: get(`${key}_count`) });
  return {
    volume: get("volume"),
    csat: ratio("csat"),
    delight: ratio("delight"),
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [d.key, { sum: get(`${d.key}_sum`), count: get(`${d.key}_count`) }]),
    ) as ScorecardCounts["dimensions"],
    responseRate: ratio("responseRate"),
    firstResponseSla: ratio("firstResponseSla"),
    resolutionSla: ratio("resolutionSla"),
    promisesKept: ratio("promisesKept"),
    transfers: ratio("transfers"),
    bounce: ratio("bounce"),
    reopen: ratio("reopen"),
    recovery: ratio("recovery"),
    medianFirstResponse: median("medianFirstResponse"),
    medianResolution: median("medianResolution"),
  };
}

// ---------------------------------------------------------------------------------------------
// Weekly trend, comments, drill-down lists

/**
 * Requests received and first ratings given per week (Monday to Sunday on the organisation's
 * calendar), from the volume and CSAT fragments: the weeks add up to the cards. Rows are WeekRow.
 */
export function weeklyQuery(w: MeasureWindow) {
  const p = measurePredicates(w);
  const week = (column: TimeColumn) =>
    Prisma.sql`to_char(date_trunc('week', ${Prisma.raw(column)} AT TIME ZONE ${w.timeZone}), 'YYYY-MM-DD')`;
  return Prisma.sql`
    SELECT week, sum(volume)::int AS volume, sum(ratings)::int AS ratings, sum(satisfied)::int AS satisfied
      FROM (SELECT ${week("r.created_at")} AS week, count(*) AS volume, 0 AS ratings, 0 AS satisfied
              FROM ${SCORECARD_SOURCE} WHERE ${p.volume.population} GROUP BY 1
            UNION ALL
            SELECT ${week("fr.created_at")}, 0, count(*), count(*) FILTER (WHERE ${p.csat.numerator})
              FROM ${SCORECARD_SOURCE} WHERE ${p.csat.population} GROUP BY 1) weeks
     GROUP BY week ORDER BY week`;
}

export interface CommentRow {
  id: string;
  kind: "FIRST" | "RERATING";
  overall: number;
  comment: string;
  created_at: Date;
  number: number;
  title: string;
  requester_name: string;
  total: number;
}

/** Ratings of the team's requests given in the period with a comment, latest first. */
export function commentsQuery(w: MeasureWindow, limit: number) {
  return Prisma.sql`
    SELECT x.id, x.kind::text AS kind, x.overall, x.comment, x.created_at, r.number, r.title, u.name AS requester_name,
           count(*) OVER ()::int AS total
      FROM ratings x
      JOIN requests r ON r.id = x.request_id
      JOIN users u ON u.id = r.requester_id
     WHERE r.provider_team_id = ${w.teamId} AND x.created_at >= ${w.start} AND x.created_at < ${w.end} AND btrim(x.comment) <> ''
     ORDER BY x.created_at DESC, x.id DESC
     LIMIT ${limit}`;
}

export interface DrillDownRow {
  id: string;
  number: number;
  title: string;
  type_name: string;
  created_at: Date;
  resolved_at: Date | null;
  transfer_count: number;
  first_overall: number | null;
  rerating_overall: number | null;
}

/** Newest first, ending with the id so the order is total; `after`/`before` a row's key. */
export function drillDownRowsQuery(
  condition: Prisma.Sql,
  page: { direction: "after" | "before"; createdAt: Date; id: string } | null,
  limit: number,
) {
  const backwards = page?.direction === "before";
  const keyset = !page
    ? ALWAYS
    : backwards
      ? Prisma.sql`(r.created_at > ${page.createdAt} OR (r.created_at = ${page.createdAt} AND r.id < ${page.id}))`
      : Prisma.sql`(r.created_at < ${page.createdAt} OR (r.created_at = ${page.createdAt} AND r.id > ${page.id}))`;
  const order = Prisma.raw(backwards ? "r.created_at ASC, r.id DESC" : "r.created_at DESC, r.id ASC");
  return Prisma.sql`
    SELECT r.id, r.number, r.title, (SELECT t.name FROM request_types t WHERE t.id = r.type_id) AS type_name,
           r.created_at, r.resolved_at, r.transfer_count, fr.overall AS first_overall, rr.overall AS rerating_overall
      FROM ${SCORECARD_SOURCE}
     WHERE (${condition}) AND ${keyset}
     ORDER BY ${order}
     LIMIT ${limit}`;
}

/** How many rows the drill-down has, and (for transfers) how many transfers they add up to. */
export function drillDownTotalsQuery(condition: Prisma.Sql) {
  return Prisma.sql`SELECT count(*)::int AS count, COALESCE(sum(r.transfer_count), 0)::int AS transfers
    FROM ${SCORECARD_SOURCE} WHERE ${condition}`;
}
