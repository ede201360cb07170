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

type CountRow = { team_id: string; current: boolean } & Record<string, number>;

/**
 * Per team in `teamIds` (all teams: null) and per period — `current` true for `period`, false
 * for `previous` — each count of the daily figures added up. Two rows per team at most.
 */
export function serviceOverviewQuery(args: { teamIds: string[] | null; typeId: string | null; period: Period; previous: Period }) {
  const { period, previous } = args;
  const sums = OVERVIEW_COUNT_NAMES.map((name) => Prisma.sql`sum(${Prisma.raw(name)})::int AS ${Prisma.raw(`"${name}"`)}`);
  // Without a type filter, the figures already added up over types.
  const source = args.typeId ? Prisma.sql`service_days WHERE type_id = ${args.typeId} AND` : Prisma.sql`service_team_days WHERE`;
  const ofTeams = args.teamIds ? Prisma.sql`AND team_id = ANY(${args.teamIds}::text[])` : Prisma.empty;
  return Prisma.sql`SELECT team_id, day >= ${period.from}::date AS current, ${Prisma.join(sums)}
    FROM ${source} day >= ${previous.from}::date AND day <= ${period.to}::date ${ofTeams}
   GROUP BY 1, 2`;
}

function countsOf(row: CountRow | undefined): OverviewCounts {
  if (!row) return emptyCounts();
  return Object.fromEntries(OVERVIEW_COUNT_NAMES.map((n) => [n, row[n] ?? 0])) as OverviewCounts;
}

export async function loadServiceOverview(scope: DashboardScope, choices: FilterChoices, query: DashboardQuery, sort: OverviewSort) {
  const { period, previous, filters } = query;
  const teamIds = query.allTeams ? null : query.teamIds;
  const rows = await queryRows<CountRow>(serviceOverviewQuery({ teamIds, typeId: filters.typeId, period, previous }));
  const byTeam = new Map<string, { cur?: CountRow; prev?: CountRow }>();
  for (const row of rows) byTeam.set(row.team_id, { ...byTeam.get(row.team_id), [row.current ? "cur" : "prev"]: row });
  // Teams that provide the service now (with a type chosen: the team offering it), and any team
  // with figures in these periods.
  const typeOwner = filters.typeId ? choices.types?.find((t) => t.id === filters.typeId)?.teamId : undefined;
  const provides = (t: DashboardTeam) => (filters.typeId ? t.id === typeOwner : t.acceptsRequests);
  const teams = query.teamIds.map((id) => scope.byId.get(id)!).filter((t) => provides(t) || byTeam.has(t.id));
  const periodParams = { period: "custom", from: period.from, to: period.to, ...(filters.typeId ? { type: filters.typeId } : {}) };

  const teamRows = teams.map((team) => {
    const current = countsOf(byTeam.get(team.id)?.cur);
    const before = countsOf(byTeam.get(team.id)?.prev);
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
