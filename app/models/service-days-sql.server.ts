// The daily service figures (service_days, decision 013): for each provider team, request type
// and organisation calendar day, the counts each measure needs, every count filed on the day its
// own measure dates it by. Built from SERVICE_RULES, the conditions the live scorecard uses, so
// adding up a period's days gives the scorecard's numbers for that period.
//
// Recounting is either for chosen (team, day) pairs — joined on each anchor's own index, so a
// minute's changes cost a few index probes — or for everything (first start, a changed time zone).
import { Prisma } from "~/generated/prisma/client";
import { SERVICE_RULES as rules } from "./scorecard-sql.server";

export interface RecountClock {
  /** The refresh time: clocks that have not run out by then are not judged yet. */
  now: Date;
  /** Its organisation date, YYYY-MM-DD. */
  today: string;
  timeZone: string;
}

/** Which days to recount: the given (team, day) pairs, or all of them. */
export type RecountScope = { kind: "pairs"; teamIds: string[]; days: string[] } | { kind: "all" };

const COLUMNS = [
  "volume",
  "csat_d",
  "csat_n",
  "delight_n",
  "response_d",
  "response_n",
  "frs_d",
  "frs_n",
  "resolution_d",
  "resolution_n",
  "promises_d",
  "promises_n",
  "transfers_sum",
  "bounce_n",
  "reopen_d",
  "reopen_n",
  "recovery_d",
  "recovery_n",
] as const;
export type ServiceDayColumn = (typeof COLUMNS)[number];
export const SERVICE_DAY_COLUMNS: readonly ServiceDayColumn[] = COLUMNS;

type Counts = Partial<Record<ServiceDayColumn, Prisma.Sql>>;

function countIf(condition: Prisma.Sql) {
  return Prisma.sql`count(*) FILTER (WHERE ${condition})`;
}

/**
 * One anchor's part of the recount: rows of `source` whose `anchor` falls on a counted day of
 * their `team`, grouped by team, type and day. `anchor` is an instant, or with `dateAnchor` a
 * calendar day already (a promised date).
 */
function anchoredPart(
  scope: RecountScope,
  clock: RecountClock,
  part: { source: Prisma.Sql; team: Prisma.Sql; anchor: Prisma.Sql; dateAnchor?: boolean; where?: Prisma.Sql; counts: Counts },
) {
  const columns = COLUMNS.map((c) => Prisma.sql`${part.counts[c] ?? Prisma.sql`0`}::int AS ${Prisma.raw(c)}`);
  const where = part.where ?? Prisma.sql`TRUE`;
  if (scope.kind === "all") {
    const day = part.dateAnchor ? part.anchor : Prisma.sql`(${part.anchor} AT TIME ZONE ${clock.timeZone})::date`;
    return Prisma.sql`SELECT ${part.team} AS team_id, r.type_id, ${day} AS day, ${Prisma.join(columns)}
      FROM ${part.source} WHERE ${part.anchor} IS NOT NULL AND ${where} GROUP BY 1, 2, 3`;
  }
  const on = part.dateAnchor ? Prisma.sql`${part.anchor} = t.day` : Prisma.sql`${part.anchor} >= t.start_at AND ${part.anchor} < t.end_at`;
  return Prisma.sql`SELECT t.team_id, r.type_id, t.day, ${Prisma.join(columns)}
    FROM targets t JOIN ${part.source} ON ${part.team} = t.team_id AND ${on}
   WHERE ${where} GROUP BY 1, 2, 3`;
}

/** SELECT team_id, type_id, day, <counts…>: the recounted rows of service_days for `scope`. */
export function recountServiceDaysQuery(scope: RecountScope, clock: RecountClock) {
  const requests = Prisma.sql`requests r`;
  const withRating = Prisma.sql`requests r LEFT JOIN ratings fr ON fr.request_id = r.id AND fr.kind = 'FIRST'`;
  const parts = [
    // Received that day.
    anchoredPart(scope, clock, {
      source: requests,
      team: Prisma.sql`r.provider_team_id`,
      anchor: Prisma.sql`r.created_at`,
      counts: {
        volume: Prisma.sql`count(*)`,
        frs_d: countIf(rules.firstResponseJudged(clock.now)),
        frs_n: countIf(Prisma.sql`${rules.firstResponseJudged(clock.now)} AND ${rules.firstResponseMet}`),
        transfers_sum: Prisma.sql`COALESCE(sum(r.transfer_count), 0)`,
        bounce_n: countIf(rules.transferred),
        reopen_d: countIf(rules.everResolved),
        reopen_n: countIf(Prisma.sql`${rules.everResolved} AND ${rules.reopened}`),
      },
    }),
    // Resolved that day.
    anchoredPart(scope, clock, {
      source: withRating,
      team: Prisma.sql`r.provider_team_id`,
      anchor: Prisma.sql`r.resolved_at`,
      counts: {
        response_d: Prisma.sql`count(*)`,
        response_n: countIf(rules.rated),
        resolution_d: Prisma.sql`count(*)`,
        resolution_n: countIf(rules.resolutionMet),
      },
    }),
    // Still open, with the resolution target passing that day (and by now).
    anchoredPart(scope, clock, {
      source: requests,
      team: Prisma.sql`r.provider_team_id`,
      anchor: Prisma.sql`r.resolution_due_at`,
      where: Prisma.sql`${rules.openUnresolved} AND r.resolution_due_at < ${clock.now}`,
      counts: { resolution_d: Prisma.sql`count(*)` },
    }),
    // First rating given that day.
    anchoredPart(scope, clock, {
      source: Prisma.sql`ratings fr JOIN requests r ON r.id = fr.request_id`,
      team: Prisma.sql`r.provider_team_id`,
      anchor: Prisma.sql`fr.created_at`,
      where: Prisma.sql`fr.kind = 'FIRST'`,
      counts: {
        csat_d: Prisma.sql`count(*)`,
        csat_n: countIf(rules.satisfied),
        delight_n: countIf(rules.delighted),
      },
    }),
    // Promised for that day.
    anchoredPart(scope, clock, {
      source: requests,
      team: Prisma.sql`r.provider_team_id`,
      anchor: Prisma.sql`r.promised_at`,
      dateAnchor: true,
      where: rules.promiseJudged(clock.today, clock.timeZone),
      counts: { promises_d: Prisma.sql`count(*)`, promises_n: countIf(rules.promiseKept(clock.timeZone)) },
    }),
    // Recovery case closed that day (the rated team's).
    anchoredPart(scope, clock, {
      source: Prisma.sql`recovery_cases rc JOIN requests r ON r.id = rc.request_id
        LEFT JOIN ratings rr ON rr.request_id = rc.request_id AND rr.kind = 'RERATING'`,
      team: Prisma.sql`rc.team_id`,
      anchor: Prisma.sql`rc.closed_at`,
      where: rules.recoveryClosed,
      counts: { recovery_d: Prisma.sql`count(*)`, recovery_n: countIf(rules.recovered) },
    }),
  ];
  const sums = COLUMNS.map((c) => Prisma.sql`sum(${Prisma.raw(c)})::int AS ${Prisma.raw(c)}`);
  return Prisma.sql`SELECT team_id, type_id, day, ${Prisma.join(sums)}
    FROM (${Prisma.join(parts, "\nUNION ALL\n")}) counted GROUP BY team_id, type_id, day`;
}

/** The (team, day) pairs as a CTE named `targets`, with each day's bounds as instants. */
export function targetsCte(scope: RecountScope, timeZone: string) {
  if (scope.kind === "all") return Prisma.empty;
  return Prisma.sql`WITH targets AS (
    SELECT t.team_id, t.day, (t.day::timestamp AT TIME ZONE ${timeZone}) AS start_at, ((t.day + 1)::timestamp AT TIME ZONE ${timeZone}) AS end_at
      FROM unnest(${scope.teamIds}::text[], ${scope.days}::date[]) AS t(team_id, day))`;
}

/** Replaces the rows of `scope` in service_days with a fresh count (run in one transaction with the delete). */
export function insertServiceDays(scope: RecountScope, clock: RecountClock) {
  const names = Prisma.raw(["team_id", "type_id", "day", ...COLUMNS].join(", "));
  return Prisma.sql`${targetsCte(scope, clock.timeZone)}
    INSERT INTO service_days (${names}) ${recountServiceDaysQuery(scope, clock)}`;
}

/** Rows of a figures table for the pairs of `scope` (every row for "all"). */
export function deleteDays(table: string, scope: RecountScope) {
  const t = Prisma.raw(table);
  if (scope.kind === "all") return Prisma.sql`DELETE FROM ${t}`;
  return Prisma.sql`DELETE FROM ${t} d USING unnest(${scope.teamIds}::text[], ${scope.days}::date[]) AS t(team_id, day)
    WHERE d.team_id = t.team_id AND d.day = t.day`;
}

/** Only the rows of `alias` on the pairs of `scope`. */
export function onPairs(scope: RecountScope, alias: string) {
  if (scope.kind === "all") return Prisma.empty;
  const a = Prisma.raw(alias);
  return Prisma.sql`JOIN unnest(${scope.teamIds}::text[], ${scope.days}::date[]) AS t(team_id, day) ON ${a}.team_id = t.team_id AND ${a}.day = t.day`;
}

/** service_team_days from service_days (run after recounting those) for the pairs of `scope`. */
export function insertServiceTeamDays(scope: RecountScope) {
  const names = Prisma.raw(COLUMNS.join(", "));
  const sums = COLUMNS.map((c) => Prisma.sql`sum(s.${Prisma.raw(c)})::int`);
  return Prisma.sql`INSERT INTO service_team_days (day, team_id, ${names})
    SELECT s.day, s.team_id, ${Prisma.join(sums)} FROM service_days s ${onPairs(scope, "s")} GROUP BY s.day, s.team_id`;
}
