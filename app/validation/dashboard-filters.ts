// The filters of the manager dashboards, read from the URL so that a view can be bookmarked and
// shared: ?period=…&from=…&to=… (report-period.ts), team (a slug: that team and every team
// below), category, channel, severity, theme and type (request type). Values that name nothing
// the page knows are reported beside their field and left out, so the default view shows; a
// team the person may not see is not "unknown" — the loader answers 404 for it.
import { COMPLAINT_CHANNELS, SEVERITIES, type ComplaintChannel, type Severity } from "~/utils/complaint-rules";
import { parsePeriod, periodQuery, type PeriodChoice } from "~/utils/report-period";

export const FILTER_KEYS = ["team", "category", "channel", "severity", "theme", "type"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface DashboardOptions {
  /** Teams the person may filter by (their subtree, or all for admins), by slug. */
  teams: ReadonlyArray<{ id: string; slug: string }>;
  /** Every team's slug, to tell an unknown team from one the person may not see. */
  allTeamSlugs: ReadonlySet<string>;
  categories: ReadonlyArray<{ id: string }>;
  themes: ReadonlyArray<{ id: string }>;
  /** Request types, on dashboards that filter by them; elsewhere null and `type` is ignored. */
  types: ReadonlyArray<{ id: string }> | null;
}

export interface DashboardFilters {
  team: { id: string; slug: string } | null;
  categoryId: string | null;
  channel: ComplaintChannel | null;
  severity: Severity | null;
  themeId: string | null;
  typeId: string | null;
}

export interface ParsedDashboardQuery extends PeriodChoice {
  filters: DashboardFilters;
  /** Messages beside the fields, for values that named nothing. */
  filterErrors: Partial<Record<FilterKey, string>>;
  /** The team named exists but is outside the person's teams: the page answers 404. */
  forbiddenTeam: boolean;
}

const MESSAGES: Record<FilterKey, string> = {
  team: "No team has that name: showing all your teams.",
  category: "No such category: showing all categories.",
  channel: "No such channel: showing all channels.",
  severity: "No such severity: showing all severities.",
  theme: "No such theme: showing all themes.",
  type: "No such request type: showing all types.",
};

const MAX_PARAM = 200;

export function parseDashboardQuery(params: URLSearchParams, today: string, options: DashboardOptions): ParsedDashboardQuery {
  const errors: ParsedDashboardQuery["filterErrors"] = {};
  const read = (key: FilterKey) => {
    const value = params.get(key)?.trim() ?? "";
    return value === "" ? null : value.slice(0, MAX_PARAM);
  };
  function pick<T>(key: FilterKey, find: (value: string) => T | undefined): T | null {
    const value = read(key);
    if (value === null) return null;
    const found = find(value);
    if (found === undefined) errors[key] = MESSAGES[key];
    return found ?? null;
  }

  let forbiddenTeam = false;
  const teamSlug = read("team");
  let team: DashboardFilters["team"] = null;
  if (teamSlug !== null) {
    team = options.teams.find((t) => t.slug === teamSlug) ?? null;
    if (!team && options.allTeamSlugs.has(teamSlug)) forbiddenTeam = true;
    else if (!team) errors.team = MESSAGES.team;
  }
  const filters: DashboardFilters = {
    team: team && { id: team.id, slug: team.slug },
    categoryId: pick("category", (v) => options.categories.find((c) => c.id === v)?.id),
    channel: pick("channel", (v) => COMPLAINT_CHANNELS.find((c) => c === v)),
    severity: pick("severity", (v) => SEVERITIES.find((s) => s === v)),
    themeId: pick("theme", (v) => options.themes.find((t) => t.id === v)?.id),
    typeId: options.types ? pick("type", (v) => options.types?.find((t) => t.id === v)?.id) : null,
  };
  return { ...parsePeriod(params, today), filters, filterErrors: errors, forbiddenTeam };
}

/** The query string of a view: its period and the filters that are set (for links that keep them). */
export function dashboardQuery(choice: Pick<ParsedDashboardQuery, "period" | "filters">, overrides: Record<string, string | null> = {}) {
  const f = choice.filters;
  const values: Record<string, string | null> = {
    ...periodQuery(choice.period),
    team: f.team?.slug ?? null,
    category: f.categoryId,
    channel: f.channel,
    severity: f.severity,
    theme: f.themeId,
    type: f.typeId,
    ...overrides,
  };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== null && value !== "") query.set(key, value);
  return query;
}
