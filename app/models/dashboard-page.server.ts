// What every dashboard page and export starts with: the signed-in person (404 unless a manager or
// an admin), the teams they may read, the filter choices, and the view the URL asks for (a team
// outside theirs: 404). Also the wording of what a view shows and when its figures were counted.
import { requireUser } from "~/utils/auth.server";
import { dashboardQuery } from "~/validation/dashboard-filters";
import { CHANNEL_LABELS, SEVERITY_LABELS } from "~/utils/complaint-rules";
import { figuresRefreshedAt } from "~/jobs/refresh-dashboard-figures.server";
import {
  loadFilterChoices,
  readDashboardQuery,
  requireDashboardScope,
  type DashboardQuery,
  type FilterChoices,
} from "./dashboard-scope.server";

/** `requestTypes`: the dashboard filters by request type (the service overview). */
export async function loadDashboardContext(request: Request, options: { requestTypes: boolean } = { requestTypes: false }) {
  const user = await requireUser(request);
  const scope = await requireDashboardScope(user, request);
  const choices = await loadFilterChoices(scope, options);
  const url = new URL(request.url);
  const query = readDashboardQuery(url, scope, choices);
  return { user, scope, choices, query, url };
}

type DashboardContext = Awaited<ReturnType<typeof loadDashboardContext>>;

/** Messages for a view that asked for something unusable, as the list pages show them. */
export function dashboardNotices(query: DashboardQuery) {
  const period = Object.values(query.errors).length
    ? [`The period asked for couldn't be used: showing the last ${query.period.days} days instead.`]
    : [];
  return [...period, ...Object.values(query.filterErrors)];
}

/** The filters in words, for headings and file names: "Customer Care and below · Billing · Phone". */
export function describeFilters(query: DashboardQuery, choices: FilterChoices, teamName: (id: string) => string | undefined) {
  const f = query.filters;
  return [
    f.team ? `${teamName(f.team.id)} and below` : null,
    f.typeId ? choices.types?.find((t) => t.id === f.typeId)?.name : null,
    f.categoryId ? choices.categories.find((c) => c.id === f.categoryId)?.name : null,
    f.channel ? CHANNEL_LABELS[f.channel] : null,
    f.severity ? SEVERITY_LABELS[f.severity] : null,
    f.themeId ? `Theme: ${choices.themes.find((t) => t.id === f.themeId)?.name}` : null,
  ].filter((x): x is string => Boolean(x));
}

/**
 * What every dashboard page shows around its figures: when they were counted, the filter form's
 * choices and messages, the view in words, and the query the tabs keep (period and team).
 */
export async function dashboardFrame({ scope, choices, query }: Pick<DashboardContext, "scope" | "choices" | "query">) {
  const shared = dashboardQuery(query);
  return {
    asOf: await figuresAsOf(),
    today: query.today,
    errors: { ...query.errors, ...query.filterErrors },
    notices: dashboardNotices(query),
    filtersText: describeFilters(query, choices, (id) => scope.byId.get(id)?.name),
    choices: { ...choices, teams: scope.teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, depth: t.depth })) },
    tabsQuery: new URLSearchParams([...shared].filter(([k]) => ["period", "from", "to", "team"].includes(k))).toString(),
  };
}

/** When the daily figures were last counted, for "Figures as of …". */
export async function figuresAsOf() {
  const at = await figuresRefreshedAt();
  return at ? at.toISOString() : null;
}
