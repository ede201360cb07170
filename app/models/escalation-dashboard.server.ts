// The escalation-trend dashboard (/dashboards/escalations): what the front line heard and how
// fast managers picked it up, for the teams in view. Runs a handful of aggregate queries one
// after another (the embedded database serves one connection) and shapes what the page shows,
// including the drill-down link behind every number.
import { queryRows } from "~/utils/db.server";
import { formatPeriod, periodBounds } from "~/utils/report-period";
import { addDaysIso } from "~/utils/org-time";
import {
  AGE_BANDS,
  frontLinePercent,
  heardVolume,
  heatTable,
  risingThemes,
  stackKeys,
  weeklyStacks,
  type HeardTotals,
  type Stack,
  type ThemeCount,
} from "~/utils/escalation-measures";
import { compared, MEASURE_BY_KEY, type MeasureDefinition } from "~/utils/service-measures";
import { dashboardQuery } from "~/validation/dashboard-filters";
import type { DashboardQuery, DashboardScope, FilterChoices } from "./dashboard-scope.server";
import {
  acknowledgeTimesQuery,
  heardQuery,
  heardTotalsQuery,
  openEscalationsQuery,
  themeCountsQuery,
  type EscalationFilter,
  type HeardRow,
} from "./escalation-sql.server";

export const DRILL_DOWN_PATH = "/dashboards/escalations/complaints";

export function escalationFilter(query: DashboardQuery): EscalationFilter {
  const f = query.filters;
  return {
    teamIds: query.allTeams ? null : query.teamIds,
    categoryId: f.categoryId,
    channel: f.channel,
    severity: f.severity,
    themeId: f.themeId,
  };
}

const HEARD: Pick<MeasureDefinition, "format" | "higherIsBetter" | "empty"> = {
  format: "count",
  higherIsBetter: null,
  empty: "Nothing heard",
};
const FRONT_LINE: Pick<MeasureDefinition, "format" | "higherIsBetter" | "empty"> = {
  format: "percent",
  higherIsBetter: true,
  empty: "No complaints logged",
};
const ACK_TIME: Pick<MeasureDefinition, "format" | "higherIsBetter" | "empty"> = {
  ...MEASURE_BY_KEY.medianFirstResponse,
  higherIsBetter: false,
  empty: "None acknowledged",
};

function minIso(a: string, b: string) {
  return a < b ? a : b;
}
function maxIso(a: string, b: string) {
  return a > b ? a : b;
}

/** The queries the dashboard runs for a view (the benchmark times them on their own too). */
export function escalationDashboardQueries(query: DashboardQuery, stack: Stack) {
  const { period, previous, timeZone, now } = query;
  const f = escalationFilter(query);
  return {
    heard: heardQuery(f, period, stack),
    before: heardTotalsQuery(f, previous),
    themes: themeCountsQuery(f, period, previous),
    ack: acknowledgeTimesQuery(f, periodBounds(period, timeZone), periodBounds(previous, timeZone)),
    open: openEscalationsQuery(f, now),
  };
}

export async function loadEscalationDashboard(scope: DashboardScope, choices: FilterChoices, query: DashboardQuery, stack: Stack) {
  const { period, previous } = query;
  const q = escalationDashboardQueries(query, stack);
  const heard = await queryRows<HeardRow>(q.heard);
  const [before] = await queryRows<{ complaints: number; sightings: number; front_line: number }>(q.before);
  const themes = await queryRows<ThemeCount>(q.themes);
  const [ack] = await queryRows<Record<string, number | null>>(q.ack);
  const open = await queryRows<{ band: string; level: number; count: number }>(q.open);

  // Links keep the view's filters and change what they must.
  const link = (overrides: Record<string, string | null>) => `${DRILL_DOWN_PATH}?${dashboardQuery(query, overrides)}`;
  const days = (from: string, to: string) => ({ period: "custom", from, to });

  const totalRow = heard.find((r) => r.g === 3);
  const current: HeardTotals = {
    complaints: totalRow?.complaints ?? 0,
    sightings: totalRow?.sightings ?? 0,
    frontLine: totalRow?.front_line ?? 0,
  };
  const previousTotals: HeardTotals = {
    complaints: before?.complaints ?? 0,
    sightings: before?.sightings ?? 0,
    frontLine: before?.front_line ?? 0,
  };

  const keys = stackKeys(stack, choices.categories);
  const weekly = weeklyStacks(
    heard.filter((r) => r.g === 1).map((r) => ({ week: r.week!, key: r.key!, heard: r.heard })),
    period.from,
    period.to,
    keys,
  );
  const stackParam = stack === "category" ? "category" : stack;
  const weeks = weekly.weeks.map((w) => {
    // The first and last weeks may reach outside the period: their links keep to it.
    const range = days(maxIso(w.week, period.from), minIso(addDaysIso(w.week, 6), period.to));
    return {
      ...w,
      label: formatPeriod({ from: w.week, to: w.week }),
      href: link({ measure: "heard", ...range }),
      // Zero links nowhere (an empty list), which also keeps a company-sized page small.
      segments: w.segments.map((s) => ({ ...s, href: s.heard ? link({ measure: "heard", ...range, [stackParam]: s.key }) : null })),
    };
  });

  const inView = new Set(query.teamIds);
  const heat = heatTable(
    heard.filter((r) => r.g === 2).map((r) => ({ teamId: r.team_id!, categoryId: r.category_id!, heard: r.heard })),
    scope.teams.filter((t) => inView.has(t.id)),
    choices.categories,
  );

  const ackValue = (prefix: "cur" | "prev", key: "median" | "p90") => ack?.[`${prefix}_${key}`] ?? null;
  return {
    periodLabel: formatPeriod(period),
    previousLabel: formatPeriod(previous),
    empty: heardVolume(current) === 0,
    summary: {
      heard: { ...compared(HEARD, heardVolume(current), heardVolume(previousTotals)), href: link({ measure: "heard" }) },
      complaints: current.complaints,
      sightings: current.sightings,
      frontLine: {
        ...compared(FRONT_LINE, frontLinePercent(current), frontLinePercent(previousTotals)),
        numerator: current.frontLine,
        denominator: current.complaints,
        href: link({ measure: "logged", part: "numerator" }),
        populationHref: link({ measure: "logged" }),
      },
      acknowledged: {
        count: ack?.cur_count ?? 0,
        median: compared(ACK_TIME, ackValue("cur", "median"), ackValue("prev", "median")),
        p90: compared(ACK_TIME, ackValue("cur", "p90"), ackValue("prev", "p90")),
        href: link({ measure: "acknowledged" }),
      },
    },
    stack: { keys: weekly.keys, weeks },
    heat: {
      columns: heat.columns.map((c) => ({ id: c.id, name: c.name })),
      rows: heat.rows.map((r) => ({
        team: { id: r.team.id, name: r.team.name },
        total: r.total,
        href: link({ measure: "heard", routed: r.team.slug }),
        values: r.values.map((v) => ({
          categoryId: v.category.id,
          heard: v.heard,
          shade: v.shade,
          href: v.heard ? link({ measure: "heard", routed: r.team.slug, category: v.category.id }) : null,
        })),
      })),
    },
    themes: risingThemes(themes).map((t) => ({ ...t, href: link({ measure: "heard", theme: t.themeId }) })),
    open: openTable(open, (band, level) =>
      link({ measure: "open", band, level: level === null ? null : String(level), period: null, from: null, to: null }),
    ),
  };
}

/** Open escalations as a table: a row per age band, a column per level reached, with totals. */
function openTable(
  rows: Array<{ band: string; level: number; count: number }>,
  href: (band: string | null, level: number | null) => string,
) {
  const levels = [...new Set(rows.map((r) => r.level))].sort((a, b) => a - b);
  const count = (band: string | null, level: number | null) =>
    rows.filter((r) => (band === null || r.band === band) && (level === null || r.level === level)).reduce((s, r) => s + r.count, 0);
  return {
    levels,
    total: count(null, null),
    totalHref: href(null, null),
    bands: AGE_BANDS.map((b) => ({
      key: b.key,
      label: b.label,
      total: count(b.key, null),
      href: href(b.key, null),
      cells: levels.map((level) => {
        const n = count(b.key, level);
        return { level, count: n, href: n ? href(b.key, level) : null };
      }),
    })),
    levelTotals: levels.map((level) => ({ level, count: count(null, level), href: href(null, level) })),
  };
}
