// The pages `npm run bench:dashboards` measures, and who looks at each. A target's `sql`, when
// given, returns the statements the page's loader runs for its data; the benchmark times them
// straight through a pg client so the page can be compared with its own queries (page p95 ÷ SQL
// p95). It is called in the benchmark's process with DATABASE_URL pointing at the benchmark
// database, so it may use the app's modules (and their Prisma client) to look things up.
import { Prisma } from "../../app/generated/prisma/client";
import { DRILL_DOWN_PAGE_SIZE, readPeriod } from "../../app/models/scorecard.server";
import { drillDownCondition, drillDownRowsQuery, drillDownTotalsQuery } from "../../app/models/scorecard-sql.server";
import { queryRows } from "../../app/utils/db.server";
import { isMeasureKey } from "../../app/utils/service-measures";
import { isStack } from "../../app/utils/escalation-measures";
import { teamScopeQuery } from "../../app/models/team-scope.server";
import {
  TEAMS_QUERY,
  filterChoiceQueries,
  loadDashboardScope,
  loadFilterChoices,
  readDashboardQuery,
} from "../../app/models/dashboard-scope.server";
import { serviceOverviewQuery } from "../../app/models/service-overview.server";
import { escalationDashboardQueries } from "../../app/models/escalation-dashboard.server";
import { drillCountQuery, drillRowsQuery, readComplaintDrill } from "../../app/models/escalation-drilldown.server";

export interface BenchContext {
  adminEmail: string;
  managerEmail: string;
  /** A provider team with many requests, below the manager's team. */
  providerTeamSlug: string;
  /** A team the manager manages, with teams below it. */
  managerTeamSlug: string;
  /** The embedded database (PGlite) with the demo organisation, rather than the generated company. */
  embedded: boolean;
}

export interface DashboardTarget {
  label: string;
  /** Path and query string. */
  path: string;
  /** Signed in as the administrator, or as the manager of `managerTeamSlug`. */
  as: "admin" | "manager";
  sql?: () => Promise<Prisma.Sql[]>;
}

export function dashboardTargets(context: BenchContext): DashboardTarget[] {
  const provider = context.providerTeamSlug;
  const page = (label: string, path: string, as: "admin" | "manager"): DashboardTarget => ({
    label,
    path,
    as,
    sql: () => dashboardSql(as === "admin" ? context.adminEmail : context.managerEmail, path),
  });
  return [
    page("service dashboard, 90 days", "/dashboards/service?period=90", "admin"),
    page("service dashboard, 90 days", "/dashboards/service?period=90", "manager"),
    page("service dashboard, 365 days", "/dashboards/service?period=365", "admin"),
    page("escalations dashboard, 90 days", "/dashboards/escalations?period=90", "admin"),
    page("escalations dashboard, 90 days", "/dashboards/escalations?period=90", "manager"),
    page("escalations dashboard, 365 days", "/dashboards/escalations?period=365", "admin"),
    page("escalations, by channel, 90 days", "/dashboards/escalations?period=90&stack=channel", "admin"),
    page("complaints heard, 90 days", "/dashboards/escalations/complaints?measure=heard&period=90", "admin"),
    page("complaints heard, 90 days", "/dashboards/escalations/complaints?measure=heard&period=90", "manager"),
    page("complaints acknowledged, 90 days", "/dashboards/escalations/complaints?measure=acknowledged&period=90", "admin"),
    {
      label: "scorecard drill-down, CSAT met, 90 days",
      path: `/teams/${provider}/scorecard/requests?measure=csat&part=numerator&period=90`,
      as: "manager",
      sql: () => scorecardDrillDownSql(provider, "measure=csat&part=numerator&period=90"),
    },
  ];
}

/**
 * Every statement a dashboard's loader runs for `path` as the person with `email`: their team
 * scope, the teams, the filter choices, then the view's own queries.
 */
async function dashboardSql(email: string, path: string): Promise<Prisma.Sql[]> {
  const [user] = await queryRows<{ id: string; role: "ADMIN" | "EMPLOYEE" }>(
    Prisma.sql`SELECT id, role::text AS role FROM users WHERE email = ${email}`,
  );
  if (!user) throw new Error(`No user ${email}`);
  const scope = await loadDashboardScope(user);
  if (!scope) throw new Error(`${email} may not read the dashboards`);
  const url = new URL(`http://bench.invalid${path}`);
  const service = url.pathname === "/dashboards/service";
  const choices = await loadFilterChoices(scope, { requestTypes: service });
  const query = readDashboardQuery(url, scope, choices);
  const { categories, themes, types } = filterChoiceQueries(scope);
  const context = [teamScopeQuery(user.id) as Prisma.Sql, TEAMS_QUERY, categories, themes, ...(service ? [types] : [])];
  if (service) {
    const teamIds = query.allTeams ? null : query.teamIds;
    return [...context, serviceOverviewQuery({ teamIds, typeId: query.filters.typeId, period: query.period, previous: query.previous })];
  }
  if (url.pathname === "/dashboards/escalations") {
    const stack = url.searchParams.get("stack");
    return [...context, ...Object.values(escalationDashboardQueries(query, isStack(stack) ? stack : "category"))];
  }
  const { drill } = readComplaintDrill({ scope, query, url });
  return [...context, drillCountQuery(drill), drillRowsQuery(drill, null, 51)];
}

/** The drill-down page's own queries: the team by slug, the count behind the number, the first page of rows. */
async function scorecardDrillDownSql(slug: string, query: string): Promise<Prisma.Sql[]> {
  const params = new URLSearchParams(query);
  const measure = params.get("measure");
  if (!isMeasureKey(measure)) throw new Error(`Not a measure: ${measure}`);
  const teamQuery = Prisma.sql`SELECT id, name, slug, accepts_requests AS "acceptsRequests" FROM teams WHERE slug = ${slug}`;
  const [team] = await queryRows<{ id: string }>(teamQuery);
  if (!team) throw new Error(`No team ${slug}`);
  const choice = readPeriod(new URL(`http://bench.invalid/?${query}`));
  const part = params.get("part") === "numerator" ? "numerator" : "population";
  const condition = drillDownCondition(choice.window(team.id, choice.period), measure, part);
  return [teamQuery, drillDownTotalsQuery(condition), drillDownRowsQuery(condition, null, DRILL_DOWN_PAGE_SIZE + 1)];
}
