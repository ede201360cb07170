// The manager inbox (DESIGN.md, Pages: "manager inbox (escalations to acknowledge)"): complaints
// routed to the teams the person manages and every team below them (TeamScope.manages), all of
// them for admins, with filters.
//
// Order, decided: open complaints before closed ones, then the most severe first, then the newest
// first (then id, to make the order total). "Newest and most severe first" could be read either
// way round; severity leads because a CRITICAL complaint from yesterday matters more than a LOW
// one from a minute ago, and the default filter (open only) keeps old complaints out of the way.
// Every key descends, so the next page is one row comparison: (open, severity, created, id) < the
// last row's. Severity is an enum ordered LOW < MEDIUM < HIGH < CRITICAL in the database.
//
// Written in SQL (every value a bound parameter) and sent through the pool, like the request
// queue (docs/decisions/008). It never reads the customer contact columns: the complaint page
// shows those, with auditing.
import { Prisma } from "~/generated/prisma/client";
import { queryRows } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { addDaysIso, startOfOrgDate } from "~/utils/org-time";
import { formatDuration } from "~/utils/sla";
import type { Actor } from "~/policies/authorize.server";
import { managedTeamIds } from "~/policies/complaint.server";
import type { ComplaintChannel, ComplaintStatus, Severity } from "~/utils/complaint-rules";
import { INBOX_PAGE_SIZE, type InboxCursor, type InboxFilters } from "~/validation/complaint-inbox";
import type { TeamScope } from "./team-scope.server";

interface Choice {
  id: string;
  name: string;
}

export interface InboxOptions {
  categories: Array<Choice & { active: boolean }>;
  themes: Choice[];
  /** Teams whose complaints the person manages (all teams for admins), for the team filter. */
  teams: Choice[];
}

/** The filter form's choices in one query. */
export async function loadInboxOptions(actor: Actor, scope: TeamScope): Promise<InboxOptions> {
  const teamIds = managedTeamIds(actor, scope);
  const teamWhere =
    teamIds === null ? Prisma.empty : teamIds.length ? Prisma.sql`WHERE t.id IN (${Prisma.join(teamIds)})` : Prisma.sql`WHERE false`;
  const [row] = await queryRows<InboxOptions>(Prisma.sql`
    SELECT COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'active', c.active) ORDER BY c.name, c.id)
                       FROM complaint_categories c), '[]'::json) AS categories,
           COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY lower(t.name), t.id) FROM themes t), '[]'::json) AS themes,
           COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name, t.id) FROM teams t ${teamWhere}), '[]'::json) AS teams`);
  return row!;
}

/** Drops filters that point at nothing the person may choose (a stale or hand-edited link), with a notice. */
export function reconcileInboxFilters(filters: InboxFilters, options: InboxOptions, notices: string[]): InboxFilters {
  const result = { ...filters };
  if (result.teamId && !options.teams.some((t) => t.id === result.teamId)) {
    notices.push("Ignored the team filter: that team's complaints aren't yours to manage. Showing all your teams.");
    result.teamId = null;
  }
  if (result.categoryId && !options.categories.some((c) => c.id === result.categoryId)) {
    notices.push("Ignored the category filter: there is no such category.");
    result.categoryId = null;
  }
  if (result.themeId && !options.themes.some((t) => t.id === result.themeId)) {
    notices.push("Ignored the theme filter: there is no such theme (it may have been merged).");
    result.themeId = null;
  }
  return result;
}

interface InboxRowFields {
  id: string;
  number: number;
  summary: string;
  severity: Severity;
  status: ComplaintStatus;
  channel: ComplaintChannel;
  created_at: Date;
  escalation_level: number;
  acknowledge_due_at: Date | null;
  category: string;
  routed_team: string;
  waiting_on: string;
  sightings: number;
  themes: string[];
}

function conditions(actor: Actor, scope: TeamScope, filters: InboxFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  const teamIds = managedTeamIds(actor, scope);
  if (teamIds !== null) where.push(teamIds.length ? Prisma.sql`c.routed_team_id IN (${Prisma.join(teamIds)})` : Prisma.sql`false`);
  if (filters.status === "open") where.push(Prisma.sql`c.status <> 'CLOSED'`);
  else if (filters.status !== "all") where.push(Prisma.sql`c.status = CAST(${filters.status} AS "ComplaintStatus")`);
  if (filters.severities.length)
    where.push(Prisma.sql`c.severity IN (${Prisma.join(filters.severities.map((s) => Prisma.sql`CAST(${s} AS "Severity")`))})`);
  if (filters.channel) where.push(Prisma.sql`c.channel = CAST(${filters.channel} AS "ComplaintChannel")`);
  if (filters.categoryId) where.push(Prisma.sql`c.category_id = ${filters.categoryId}`);
  if (filters.themeId)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM complaint_themes ct WHERE ct.complaint_id = c.id AND ct.theme_id = ${filters.themeId})`);
  if (filters.teamId) {
    // The team and every team below it (already within the person's scope: managing a team
    // means managing the teams below it).
    where.push(Prisma.sql`c.routed_team_id IN (
      WITH RECURSIVE sub(id, depth) AS (
        SELECT id, 0 FROM teams WHERE id = ${filters.teamId}
        UNION SELECT t.id, sub.depth + 1 FROM teams t JOIN sub ON t.parent_id = sub.id WHERE sub.depth < 50
      ) SELECT id FROM sub)`);
  }
  const zone = env().UPSTREAM_TIME_ZONE;
  if (filters.from) where.push(Prisma.sql`c.created_at >= ${startOfOrgDate(filters.from, zone).toISOString()}::timestamptz`);
  if (filters.to) where.push(Prisma.sql`c.created_at < ${startOfOrgDate(addDaysIso(filters.to, 1), zone).toISOString()}::timestamptz`);
  return where;
}

const ORDER = Prisma.sql`(c.status <> 'CLOSED') DESC, c.severity DESC, c.created_at DESC, c.id DESC`;

export async function loadInbox(args: { actor: Actor; scope: TeamScope; filters: InboxFilters; cursor: InboxCursor | null; now: Date }) {
  const { actor, scope, filters, cursor, now } = args;
  const where = conditions(actor, scope, filters);
  if (cursor) {
    where.push(Prisma.sql`((c.status <> 'CLOSED'), c.severity, c.created_at, c.id)
      < (${cursor.open}, CAST(${cursor.severity} AS "Severity"), ${cursor.createdAt}::timestamptz, ${cursor.id})`);
  }
  // The page is chosen first and its names looked up for its rows only (as in the request queue).
  const fetched = await queryRows<InboxRowFields>(Prisma.sql`
    SELECT c.id, c.number, c.summary, c.severity::text AS severity, c.status::text AS status, c.channel::text AS channel,
           c.created_at, c.escalation_level, c.acknowledge_due_at,
           (SELECT k.name FROM complaint_categories k WHERE k.id = c.category_id) AS category,
           (SELECT t.name FROM teams t WHERE t.id = c.routed_team_id) AS routed_team,
           (SELECT t.name FROM teams t WHERE t.id = c.waiting_on_team_id) AS waiting_on,
           (SELECT count(*)::int FROM complaint_sightings s WHERE s.complaint_id = c.id) AS sightings,
           COALESCE((SELECT json_agg(t.name ORDER BY lower(t.name)) FROM complaint_themes ct JOIN themes t ON t.id = ct.theme_id
                      WHERE ct.complaint_id = c.id), '[]'::json) AS themes
      FROM (SELECT c.id, c.number, c.summary, c.severity, c.status, c.channel, c.created_at, c.escalation_level,
                   c.acknowledge_due_at, c.category_id, c.routed_team_id, c.waiting_on_team_id
              FROM complaints c
             WHERE ${where.length ? Prisma.join(where, " AND ") : Prisma.sql`true`}
             ORDER BY ${ORDER}
             LIMIT ${INBOX_PAGE_SIZE + 1}) c
     ORDER BY ${ORDER}`);
  const rows = fetched.slice(0, INBOX_PAGE_SIZE);
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((row) => ({
      id: row.id,
      number: row.number,
      summary: row.summary,
      severity: row.severity,
      status: row.status,
      channel: row.channel,
      category: row.category,
      routedTeam: row.routed_team,
      waitingOn: row.waiting_on,
      escalationLevel: row.escalation_level,
      age: formatDuration(now.getTime() - row.created_at.getTime()),
      createdAt: row.created_at.toISOString(),
      overdue: row.status === "ESCALATED" && row.acknowledge_due_at !== null && row.acknowledge_due_at <= now,
      sightings: row.sightings,
      themes: row.themes,
    })),
    next:
      fetched.length > INBOX_PAGE_SIZE && last
        ? ({
            open: last.status !== "CLOSED",
            severity: last.severity,
            createdAt: last.created_at.toISOString(),
            id: last.id,
          } satisfies InboxCursor)
        : null,
  };
}

export type InboxRow = Awaited<ReturnType<typeof loadInbox>>["rows"][number];
