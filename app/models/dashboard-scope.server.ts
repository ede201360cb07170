// Who reads the manager dashboards, over which teams (DESIGN.md, Permissions: dashboards —
// managers their teams and the teams below, admins all), and the choices of the filter form.
// Everyone else gets 404, as for any page they may not see.
import { Prisma } from "~/generated/prisma/client";
import { queryRows } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { orgDateIso } from "~/utils/org-time";
import type { Actor } from "~/policies/authorize.server";
import { notFound } from "~/policies/authorize.server";
import { parseDashboardQuery, type ParsedDashboardQuery } from "~/validation/dashboard-filters";
import { getTeamScope } from "./team-scope.server";

export interface DashboardTeam {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  acceptsRequests: boolean;
  /** Depth below the top of what the person sees (for indented pickers). */
  depth: number;
}

export interface DashboardScope {
  /** The teams the person may read, in tree order (parents before children, by name). */
  teams: DashboardTeam[];
  byId: Map<string, DashboardTeam>;
  allTeamSlugs: Set<string>;
  children: Map<string, string[]>;
}

export const TEAMS_QUERY = Prisma.sql`SELECT id, name, slug, parent_id AS "parentId", accepts_requests AS "acceptsRequests" FROM teams ORDER BY name`;

/** May this person read the dashboards at all: an admin, or a manager of at least one team. */
export async function loadDashboardScope(actor: Actor, key?: object): Promise<DashboardScope | null> {
  const scope = await getTeamScope(actor.id, key);
  const admin = actor.role === "ADMIN";
  if (!admin && scope.manages.size === 0) return null;
  const rows = await queryRows<Omit<DashboardTeam, "depth">>(TEAMS_QUERY);
  const children = new Map<string, string[]>();
  for (const t of rows) {
    if (!t.parentId) continue;
    const siblings = children.get(t.parentId);
    if (siblings) siblings.push(t.id);
    else children.set(t.parentId, [t.id]);
  }
  const all = new Map(rows.map((t) => [t.id, t]));
  const visible = (id: string) => admin || scope.manages.has(id);
  // Tops: visible teams whose parent is not visible (for a manager, the teams they manage).
  const teams: DashboardTeam[] = [];
  const walk = (id: string, depth: number) => {
    const team = all.get(id)!;
    teams.push({ ...team, depth });
    for (const child of children.get(id) ?? []) walk(child, depth + 1);
  };
  for (const t of rows) if (visible(t.id) && !(t.parentId && visible(t.parentId))) walk(t.id, 0);
  return { teams, byId: new Map(teams.map((t) => [t.id, t])), allTeamSlugs: new Set(rows.map((t) => t.slug)), children };
}

/** The 404 for people who may not read dashboards, or a team outside theirs. */
export async function requireDashboardScope(actor: Actor, key?: object): Promise<DashboardScope> {
  const scope = await loadDashboardScope(actor, key);
  if (!scope) throw notFound();
  return scope;
}

/** A team and every team below it, as far as the person may see. */
export function subtreeIds(scope: DashboardScope, teamId: string): string[] {
  const out: string[] = [];
  const walk = (id: string) => {
    if (!scope.byId.has(id)) return;
    out.push(id);
    for (const child of scope.children.get(id) ?? []) walk(child);
  };
  walk(teamId);
  return out;
}

/** The teams a view covers: the filter's subtree, or all the person sees. */
export function teamsInView(scope: DashboardScope, filters: ParsedDashboardQuery["filters"]): string[] {
  return filters.team ? subtreeIds(scope, filters.team.id) : scope.teams.map((t) => t.id);
}

export interface FilterChoices {
  categories: Array<{ id: string; name: string }>;
  themes: Array<{ id: string; name: string }>;
  /** Only on dashboards that filter by request type (null elsewhere: one query fewer). */
  types: Array<{ id: string; name: string; teamId: string; teamName: string }> | null;
}

/** The queries behind the filter form's choices: categories, themes, and the request types of the teams in view. */
export function filterChoiceQueries(scope: DashboardScope) {
  const providerIds = scope.teams.filter((t) => t.acceptsRequests).map((t) => t.id);
  return {
    categories: Prisma.sql`SELECT id, name FROM complaint_categories ORDER BY name`,
    themes: Prisma.sql`SELECT id, name FROM themes ORDER BY name`,
    types: Prisma.sql`SELECT rt.id, rt.name, rt.team_id AS "teamId", t.name AS "teamName" FROM request_types rt JOIN teams t ON t.id = rt.team_id
                       WHERE rt.team_id = ANY(${providerIds}::text[]) ORDER BY t.name, rt.name`,
  };
}

type RequestTypeChoice = NonNullable<FilterChoices["types"]>[number];

export async function loadFilterChoices(scope: DashboardScope, { requestTypes }: { requestTypes: boolean }): Promise<FilterChoices> {
  const q = filterChoiceQueries(scope);
  const categories = await queryRows<FilterChoices["categories"][number]>(q.categories);
  const themes = await queryRows<FilterChoices["themes"][number]>(q.themes);
  const types = requestTypes ? await queryRows<RequestTypeChoice>(q.types) : null;
  return { categories, themes, types };
}

/**
 * Reads a dashboard's URL against what the person may see: the period, the filters (unknown
 * values reported and left out) and the organisation's today; a team outside theirs is a 404.
 */
export function readDashboardQuery(url: URL, scope: DashboardScope, choices: FilterChoices, now = new Date()) {
  const timeZone = env().UPSTREAM_TIME_ZONE;
  const today = orgDateIso(now, timeZone);
  const parsed = parseDashboardQuery(url.searchParams, today, {
    teams: scope.teams,
    allTeamSlugs: scope.allTeamSlugs,
    categories: choices.categories,
    themes: choices.themes,
    types: choices.types,
  });
  if (parsed.forbiddenTeam) throw notFound();
  const teamIds = teamsInView(scope, parsed.filters);
  // Every team there is: queries can leave the team condition out.
  const allTeams = !parsed.filters.team && teamIds.length === scope.allTeamSlugs.size;
  return { ...parsed, today, timeZone, now, teamIds, allTeams };
}

export type DashboardQuery = ReturnType<typeof readDashboardQuery>;
