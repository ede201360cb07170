// The service overview (/dashboards/service): every provider team in view with the scorecard's
// measures over a period and the previous equal one, from the daily figures (service_days) —
// one aggregate over a few thousand rows whatever the number of requests — and the total.
import { Prisma } from "~/generated/prisma/client";
import { queryRows } from "~/utils/db.server";
import { formatPeriod, type Period } from "~/utils/report-period";
import {
  OVERVIEW_COUNT_NAMES,
  addCounts,
  emptyCounts,
  overviewCells,
  sortOverviewRows,
  type OverviewCounts,
  type OverviewSort,
} from "~/utils/service-overview";
import { hasNumerator } from "~/utils/service-measures";
import type { DashboardQuery, DashboardScope, DashboardTeam, FilterChoices } from "./dashboard-scope.server";
import { drillDownHref } from "./scorecard.server";

type CountRow = { team_id: string } & Record<string, number | null>;

/** Per team in `teamIds`: each count of service_days over `period` (cur_…) and `previous` (prev_…). */
export function serviceOverviewQuery(args: { teamIds: string[]; typeId: string | null; period: Period; previous: Period }) {
  const { period, previous } = args;
  const columns = OVERVIEW_COUNT_NAMES.flatMap((name) => {
    const c = Prisma.raw(name);
    return [
      Prisma.sql`COALESCE(sum(${c}) FILTER (WHERE day >= ${period.from}::date), 0)::int AS ${Prisma.raw(`"cur_${name}"`)}`,
      Prisma.sql`COALESCE(sum(${c}) FILTER (WHERE day <= ${previous.to}::date), 0)::int AS ${Prisma.raw(`"prev_${name}"`)}`,
    ];
  });
  const ofType = args.typeId ? Prisma.sql`AND type_id = ${args.typeId}` : Prisma.empty;
  return Prisma.sql`SELECT team_id, ${Prisma.join(columns)}
    FROM service_days
   WHERE day >= ${previous.from}::date AND day <= ${period.to}::date AND team_id = ANY(${args.teamIds}::text[]) ${ofType}
   GROUP BY team_id`;
}

function countsOf(row: CountRow | undefined, prefix: "cur" | "prev"): OverviewCounts {
  if (!row) return emptyCounts();
  return Object.fromEntries(OVERVIEW_COUNT_NAMES.map((n) => [n, row[`${prefix}_${n}`] ?? 0])) as OverviewCounts;
}

export async function loadServiceOverview(scope: DashboardScope, choices: FilterChoices, query: DashboardQuery, sort: OverviewSort) {
  const { period, previous, filters } = query;
  const rows = await queryRows<CountRow>(serviceOverviewQuery({ teamIds: query.teamIds, typeId: filters.typeId, period, previous }));
  const byTeam = new Map(rows.map((r) => [r.team_id, r]));
  // Teams that provide the service now (with a type chosen: the team offering it), and any team
  // with figures in these periods.
  const typeOwner = filters.typeId ? choices.types.find((t) => t.id === filters.typeId)?.teamId : undefined;
  const provides = (t: DashboardTeam) => (filters.typeId ? t.id === typeOwner : t.acceptsRequests);
  const teams = query.teamIds.map((id) => scope.byId.get(id)!).filter((t) => provides(t) || byTeam.has(t.id));
  const periodParams = { period: "custom", from: period.from, to: period.to, ...(filters.typeId ? { type: filters.typeId } : {}) };

  const teamRows = teams.map((team) => {
    const current = countsOf(byTeam.get(team.id), "cur");
    const before = countsOf(byTeam.get(team.id), "prev");
    const cells = overviewCells(current, before).map((cell) => ({
      ...cell,
      href: drillDownHref(team.slug, cell.key, hasNumerator(cell.key) ? "numerator" : "population", periodParams),
    }));
    return {
      id: team.id,
      name: team.name,
      slug: team.slug,
      scorecardHref: `/teams/${team.slug}/scorecard?${new URLSearchParams({ period: "custom", from: period.from, to: period.to })}`,
      current,
      previous: before,
      cells,
    };
  });
  const totalCounts = addCounts(teamRows.map((r) => r.current));
  const total = overviewCells(totalCounts, addCounts(teamRows.map((r) => r.previous)));
  return {
    periodLabel: formatPeriod(period),
    previousLabel: formatPeriod(previous),
    rows: sortOverviewRows(teamRows, sort.by, sort.direction).map(({ current: _c, previous: _p, ...row }) => row),
    total,
    // Nothing received, resolved, rated, promised or recovered in the period.
    empty: Object.values(totalCounts).every((n) => n === 0),
  };
}
