// A provider team's scorecard and its drill-down lists (DESIGN.md, Measures; issue 4). The SQL
// lives in scorecard-sql.server.ts and the arithmetic in utils/service-measures.ts; this module
// runs the queries through the pool (decision 008) and shapes what the pages show, including the
// link behind every number. Queries run one after another: the embedded database serves one
// connection, and the page needs only three.
import { Prisma } from "~/generated/prisma/client";
import { queryRows } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { addDaysIso, orgDateIso } from "~/utils/org-time";
import { formatPeriod, parsePeriod, periodBounds, periodQuery, type Period } from "~/utils/report-period";
import {
  dimensionRows,
  hasNumerator,
  isMeasureKey,
  scorecardCards,
  weeklyTrend,
  type MeasureKey,
  type WeekRow,
} from "~/utils/service-measures";
import { DIMENSIONS } from "~/utils/rating-rules";
import { notFound } from "~/policies/authorize.server";
import { decodeCursor, encodeCursor } from "~/validation/queue-filters";
import type { DimensionKey } from "~/utils/rating-rules";
import type { Actor } from "~/policies/authorize.server";
import { canViewScorecard } from "~/policies/scorecard.server";
import { getTeamScope } from "./team-scope.server";
import {
  commentsQuery,
  countsFromRow,
  countsQuery,
  drillDownCondition,
  drillDownRowsQuery,
  drillDownTotalsQuery,
  weeklyQuery,
  type CommentRow,
  type DrillDownRow,
  type MeasureWindow,
} from "./scorecard-sql.server";

export const DRILL_DOWN_PAGE_SIZE = 50;
export const COMMENTS_LIMIT = 50;

export type DrillPart = "population" | "numerator";

interface ScorecardTeam {
  id: string;
  name: string;
  slug: string;
  acceptsRequests: boolean;
}

/** The team if `actor` may read its scorecard, else null (the route answers 404 either way). */
export async function findScorecardTeam(actor: Actor, slug: string, scopeKey?: object): Promise<ScorecardTeam | null> {
  if (!slug || slug.length > 100) return null;
  const [rows, scope] = await Promise.all([
    queryRows<ScorecardTeam>(Prisma.sql`SELECT id, name, slug, accepts_requests AS "acceptsRequests" FROM teams WHERE slug = ${slug}`),
    getTeamScope(actor.id, scopeKey),
  ]);
  const team = rows[0];
  return team && canViewScorecard(actor, scope, team.id) ? team : null;
}

/**
 * A request type by id (the service overview's type filter), or null. Any team's: requests keep
 * their type when transferred, so a team's list may hold another team's type.
 */
export async function findRequestType(typeId: string | null) {
  if (!typeId || typeId.length > 100) return null;
  const [type] = await queryRows<{ id: string; name: string }>(Prisma.sql`SELECT id, name FROM request_types WHERE id = ${typeId}`);
  return type ?? null;
}

/** The period chosen in the URL (or the default, with errors), as of `now` in the organisation's zone. */
export function readPeriod(url: URL, now = new Date()) {
  const timeZone = env().UPSTREAM_TIME_ZONE;
  const today = orgDateIso(now, timeZone);
  const choice = parsePeriod(url.searchParams, today);
  const window = (teamId: string, period: Pick<Period, "from" | "to">): MeasureWindow => ({
    teamId,
    ...periodBounds(period, timeZone),
    from: period.from,
    to: period.to,
    now,
    today,
    timeZone,
  });
  return { ...choice, today, window };
}

type PeriodChoice = ReturnType<typeof readPeriod>;

/** The query string selecting exactly these days (the previous period and weeks are custom). */
function daysQuery(days: Pick<Period, "from" | "to">) {
  return { period: "custom", from: days.from, to: days.to };
}

export function drillDownHref(slug: string, measure: MeasureKey, part: DrillPart, periodParams: Record<string, string>) {
  const query = new URLSearchParams({ measure, part, ...periodParams });
  return `/teams/${slug}/scorecard/requests?${query}`;
}

function dimensionHref(slug: string, dimension: DimensionKey, periodParams: Record<string, string>) {
  const query = new URLSearchParams({ measure: "csat", part: "population", dimension, ...periodParams });
  return `/teams/${slug}/scorecard/requests?${query}`;
}

export async function loadScorecard(team: ScorecardTeam, choice: PeriodChoice) {
  const { period, previous } = choice;
  const current = choice.window(team.id, period);
  const [countsRow] = await queryRows<Record<string, number | null>>(
    countsQuery(team.id, { cur: current, prev: choice.window(team.id, previous) }),
  );
  const weeks = await queryRows<WeekRow>(weeklyQuery(current));
  const comments = await queryRows<CommentRow>(commentsQuery(current, COMMENTS_LIMIT));

  const now = countsFromRow(countsRow!, "cur");
  const before = countsFromRow(countsRow!, "prev");
  const link = (measure: MeasureKey, part: DrillPart, params = periodQuery(period)) => drillDownHref(team.slug, measure, part, params);
  const cards = scorecardCards(now, before).map((card) => {
    const valuePart: DrillPart = hasNumerator(card.key) ? "numerator" : "population";
    return {
      ...card,
      links: {
        value: link(card.key, valuePart),
        population: link(card.key, "population"),
        previous: link(card.key, valuePart, daysQuery(previous)),
      },
    };
  });
  const trend = weeklyTrend(weeks, period.from, period.to).map((week) => {
    // The first and last weeks may reach outside the period: their links keep to it.
    const days = { from: week.week < period.from ? period.from : week.week, to: minIso(addDaysIso(week.week, 6), period.to) };
    return {
      ...week,
      label: formatPeriod({ from: week.week, to: week.week }),
      links: {
        volume: link("volume", "population", daysQuery(days)),
        ratings: link("csat", "population", daysQuery(days)),
        satisfied: link("csat", "numerator", daysQuery(days)),
      },
    };
  });
  return {
    periodLabel: formatPeriod(period),
    previousLabel: formatPeriod(previous),
    cards,
    dimensions: dimensionRows(now, before).map((d) => ({ ...d, link: dimensionHref(team.slug, d.key, periodQuery(period)) })),
    trend,
    comments: comments.map((c) => ({
      id: c.id,
      kind: c.kind,
      overall: c.overall,
      comment: c.comment,
      createdAt: c.created_at.toISOString(),
      day: formatPeriod({ from: orgDateIso(c.created_at, current.timeZone), to: orgDateIso(c.created_at, current.timeZone) }),
      number: c.number,
      title: c.title,
      requesterName: c.requester_name,
    })),
    commentsTotal: comments[0]?.total ?? 0,
  };
}

function minIso(a: string, b: string) {
  return a < b ? a : b;
}

/** The page asked for in `after`/`before` (an opaque key of the list's order), or null. */
export function readDrillDownPage(params: URLSearchParams) {
  for (const direction of ["after", "before"] as const) {
    const token = params.get(direction);
    if (!token) continue;
    const key = decodeCursor(token, "newest");
    if (key?.sort !== "newest") return { page: null, invalid: true };
    return { page: { direction, createdAt: key.createdAt, id: key.id }, invalid: false };
  }
  return { page: null, invalid: false };
}

/** One page of the requests behind a number, with the count that equals the number. */
export async function loadDrillDown(args: {
  window: MeasureWindow;
  measure: MeasureKey;
  part: DrillPart;
  dimension?: DimensionKey;
  page: ReturnType<typeof readDrillDownPage>["page"];
}) {
  const { window, page } = args;
  const condition = drillDownCondition(window, args.measure, args.part, args.dimension);
  const [totals] = await queryRows<{ count: number; transfers: number }>(drillDownTotalsQuery(condition));
  const fetched = await queryRows<DrillDownRow>(drillDownRowsQuery(condition, page, DRILL_DOWN_PAGE_SIZE + 1));

  const more = fetched.length > DRILL_DOWN_PAGE_SIZE;
  const rows = fetched.slice(0, DRILL_DOWN_PAGE_SIZE);
  const backwards = page?.direction === "before";
  if (backwards) rows.reverse();
  const token = (row: DrillDownRow | undefined) => row && encodeCursor({ sort: "newest", createdAt: row.created_at, id: row.id });
  const day = (date: Date | null) =>
    date && formatPeriod({ from: orgDateIso(date, window.timeZone), to: orgDateIso(date, window.timeZone) });
  return {
    count: totals!.count,
    transfers: totals!.transfers,
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      typeName: r.type_name,
      created: day(r.created_at)!,
      resolved: day(r.resolved_at),
      transfers: r.transfer_count,
      firstOverall: r.first_overall,
      reratingOverall: r.rerating_overall,
    })),
    after: (backwards || more) && rows.length ? token(rows[rows.length - 1]) : null,
    before: (backwards ? more : page !== null) && rows.length ? token(rows[0]) : null,
  };
}

/**
 * The drill-down a scorecard URL asks for (/teams/<slug>/scorecard/requests?measure=…&part=…):
 * the team (404 unless the person may read its scorecard), the measure (404 if unknown), the
 * part, an expectation, a request type and the period, with notices for what was ignored.
 */
export async function readScorecardDrill(actor: Actor, slug: string, url: URL, scopeKey?: object) {
  const team = await findScorecardTeam(actor, slug, scopeKey);
  if (!team) throw notFound();
  const key = url.searchParams.get("measure");
  if (!isMeasureKey(key)) throw notFound();
  const part: DrillPart = url.searchParams.get("part") === "numerator" && hasNumerator(key) ? "numerator" : "population";
  // The requests behind one expectation's average: the CSAT population that scored it.
  const dimension = key === "csat" ? DIMENSIONS.find((d) => d.key === url.searchParams.get("dimension")) : undefined;
  const choice = readPeriod(url);
  // From the service overview's type filter: only requests of that type.
  const typeParam = url.searchParams.get("type");
  const type = await findRequestType(typeParam);
  const window = { ...choice.window(team.id, choice.period), typeId: type?.id };
  const notices = [
    ...Object.values(choice.errors).map((e) => `${e} Showing the last ${choice.period.days} days instead.`),
    ...(typeParam && !type ? ["No such request type: showing all types."] : []),
  ];
  const query = {
    measure: key,
    part,
    ...(dimension ? { dimension: dimension.key } : {}),
    ...(type ? { type: type.id } : {}),
    ...periodQuery(choice.period),
  };
  const condition = drillDownCondition(window, key, dimension ? "population" : part, dimension?.key);
  return { team, key, part, dimension, type, choice, window, notices, query, condition };
}
