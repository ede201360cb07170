// Lists of requests: a team's queue and "My requests".
//
// Each list is a fixed set of queries whatever its length: the page's rows with their related
// names (one query with joins), and for the queue one grouped count per status and one query for
// the team with the form's choices and the person's saved views. These are the busiest pages of
// the app, so they are written in SQL (composed with Prisma.sql: every value is a bound
// parameter) and sent through the pool with `queryRows`: Prisma's own work per query in its
// engine-free mode is several times that of the query itself (docs/decisions/008).
//
// Pagination is keyset, never offset: the page token holds the last row's sort key and id, and
// the next page is "rows beyond that key" in the sort order, so deep pages cost the same as the
// first and rows added meanwhile neither repeat nor go missing. Every sort ends with the id,
// which makes the order total.
import { Prisma } from "~/generated/prisma/client";
import { prisma, queryRows } from "~/utils/db.server";
import { slaState, formatDuration } from "~/utils/sla";
import { OPEN_STATUSES, REQUEST_STATUSES, type RequestStatus } from "~/utils/request-lifecycle";
import { parseRequestNumber, type Priority } from "~/utils/request-number";
import { canWorkOnRequest } from "~/policies/request.server";
import type { Actor } from "~/policies/authorize.server";
import {
  QUEUE_PAGE_SIZE,
  type CursorKey,
  type MyRequestsFilters,
  type PageCursor,
  type QueueFilters,
  type QueueSort,
} from "~/validation/queue-filters";
import { getTeamScope, workTeams } from "./team-scope.server";
import { escapeLikePattern } from "~/utils/text-match";

type KeyColumn = "created_at" | "resolution_due_at" | "priority" | "id";
interface SortKey {
  column: KeyColumn;
  dir: "asc" | "desc";
}

// The id's direction in "newest" is ascending on purpose: it matches the index
// (provider_team_id, created_at DESC, id), which "oldest" then reads backwards. Priority is an
// enum, ordered LOW < NORMAL < HIGH < URGENT in the database.
const SORT_KEYS: Record<QueueSort, SortKey[]> = {
  newest: [
    { column: "created_at", dir: "desc" },
    { column: "id", dir: "asc" },
  ],
  oldest: [
    { column: "created_at", dir: "asc" },
    { column: "id", dir: "desc" },
  ],
  priority: [
    { column: "priority", dir: "desc" },
    { column: "created_at", dir: "desc" },
    { column: "id", dir: "asc" },
  ],
  due: [
    { column: "resolution_due_at", dir: "asc" },
    { column: "id", dir: "asc" },
  ],
};

function keyValues(key: CursorKey): Partial<Record<KeyColumn, Date | string>> {
  if (key.sort === "priority") return { priority: key.priority, created_at: key.createdAt, id: key.id };
  if (key.sort === "due") return { resolution_due_at: key.resolutionDueAt, id: key.id };
  return { created_at: key.createdAt, id: key.id };
}

function column(key: SortKey) {
  return Prisma.raw(`r."${key.column}"`);
}

function value(key: SortKey, values: Partial<Record<KeyColumn, Date | string>>) {
  const v = values[key.column]!;
  return key.column === "priority" ? Prisma.sql`CAST(${v} AS "Priority")` : Prisma.sql`${v}`;
}

/** `column` past the cursor's value in the sort direction (or equal to it, when `inclusive`). */
function beyond(key: SortKey, values: Partial<Record<KeyColumn, Date | string>>, inclusive: boolean) {
  const op = Prisma.raw(key.dir === "asc" ? (inclusive ? ">=" : ">") : inclusive ? "<=" : "<");
  return Prisma.sql`${column(key)} ${op} ${value(key, values)}`;
}

/**
 * Rows strictly after the cursor in the order `keys`: (k1 > v1) OR (k1 = v1 AND k2 > v2) … The
 * leading "k1 >= v1" is implied by the rest but lets PostgreSQL bound its index scan with it.
 */
function keysetCondition(keys: SortKey[], values: Partial<Record<KeyColumn, Date | string>>) {
  const branches = keys.map((key, i) => {
    const equalBefore = keys.slice(0, i).map((earlier) => Prisma.sql`${column(earlier)} = ${value(earlier, values)}`);
    return Prisma.sql`(${Prisma.join([...equalBefore, beyond(key, values, false)], " AND ")})`;
  });
  return Prisma.sql`${beyond(keys[0]!, values, true)} AND (${Prisma.join(branches, " OR ")})`;
}

interface ListRowFields {
  id: string;
  number: number;
  title: string;
  priority: Priority;
  status: RequestStatus;
  created_at: Date;
  resolution_due_at: Date;
  resolved_at: Date | null;
  cancelled_at: Date | null;
  requester_name: string;
  assignee_name: string | null;
  type_name: string;
  provider_team_name: string;
  requesting_team_name: string | null;
}

function cursorKeyOf(sort: QueueSort, row: ListRowFields): CursorKey {
  if (sort === "priority") return { sort, priority: row.priority, createdAt: row.created_at, id: row.id };
  if (sort === "due") return { sort, resolutionDueAt: row.resolution_due_at, id: row.id };
  return { sort, createdAt: row.created_at, id: row.id };
}

/** What a list shows of a request; clocks and ages are worked out here, at one `now`. */
function listRow(row: ListRowFields, now: Date) {
  const sla = slaState({
    startedAt: row.created_at,
    dueAt: row.resolution_due_at,
    doneAt: row.resolved_at,
    stoppedAt: row.cancelled_at,
    now,
  });
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    priority: row.priority,
    status: row.status,
    requesterName: row.requester_name,
    assigneeName: row.assignee_name,
    typeName: row.type_name,
    providerTeamName: row.provider_team_name,
    requestingTeamName: row.requesting_team_name,
    sla: { kind: sla.kind, text: sla.text, warning: sla.kind === "running" && sla.warning },
    age: formatDuration(now.getTime() - row.created_at.getTime()),
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * One page of requests matching `conditions`, in `sort` order, after or before `page`. Reads one
 * row more than it shows to know whether there is a further page.
 */
async function listPage(conditions: Prisma.Sql[], sort: QueueSort, page: PageCursor | null, now: Date) {
  const backwards = page?.direction === "before";
  const keys = backwards
    ? SORT_KEYS[sort].map((k) => ({ column: k.column, dir: k.dir === "asc" ? "desc" : "asc" }) as const)
    : SORT_KEYS[sort];
  const where = page ? [...conditions, keysetCondition(keys, keyValues(page.key))] : conditions;
  const orderBy = Prisma.join(
    keys.map((k) => Prisma.sql`${column(k)} ${Prisma.raw(k.dir.toUpperCase())}`),
    ", ",
  );
  // The page is chosen first and the names looked up for its rows only: joining first would make
  // PostgreSQL join every matching request (and plan a five-way join) to keep 26 of them.
  const fetched = await queryRows<ListRowFields>(Prisma.sql`
    SELECT r.id, r.number, r.title, r.priority::text AS priority, r.status::text AS status, r.created_at,
           r.resolution_due_at, r.resolved_at, r.cancelled_at,
           (SELECT u.name FROM users u WHERE u.id = r.requester_id) AS requester_name,
           (SELECT u.name FROM users u WHERE u.id = r.assignee_id) AS assignee_name,
           (SELECT t.name FROM request_types t WHERE t.id = r.type_id) AS type_name,
           (SELECT t.name FROM teams t WHERE t.id = r.provider_team_id) AS provider_team_name,
           (SELECT t.name FROM teams t WHERE t.id = r.requesting_team_id) AS requesting_team_name
      FROM (SELECT r.id, r.number, r.title, r.priority, r.status, r.created_at, r.resolution_due_at, r.resolved_at,
                   r.cancelled_at, r.requester_id, r.assignee_id, r.type_id, r.provider_team_id, r.requesting_team_id
              FROM requests r
             WHERE ${Prisma.join(where, " AND ")}
             ORDER BY ${orderBy}
             LIMIT ${QUEUE_PAGE_SIZE + 1}) r
     ORDER BY ${orderBy}`);

  const more = fetched.length > QUEUE_PAGE_SIZE;
  const rows = fetched.slice(0, QUEUE_PAGE_SIZE);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : page !== null;
  return {
    rows: rows.map((row) => listRow(row, now)),
    next: hasNext && last ? ({ direction: "after", key: cursorKeyOf(sort, last) } satisfies PageCursor) : null,
    prev: hasPrev && first ? ({ direction: "before", key: cursorKeyOf(sort, first) } satisfies PageCursor) : null,
  };
}

function inList(values: readonly string[]) {
  return Prisma.join(values.map((v) => Prisma.sql`${v}`));
}

// ---------------------------------------------------------------------------------------------
// The team queue

/** The team whose queue `actor` may work (member, manager of it or above, admin), else null. */
export async function findQueueTeam(actor: Actor, slug: string, scopeKey?: object) {
  if (!slug || slug.length > 100) return null;
  const [team, scope] = await Promise.all([
    prisma.team.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } }),
    getTeamScope(actor.id, scopeKey),
  ]);
  if (!team || !canWorkOnRequest(actor, scope, { providerTeamId: team.id })) return null;
  return team;
}

interface Choice {
  id: string;
  name: string;
  active: boolean;
}

export interface QueueContext {
  team: { id: string; name: string; slug: string };
  /** The filter form's choices: the team's request types and its people. */
  types: Choice[];
  people: Choice[];
  /** The actor's saved views of this queue. */
  views: Array<{ id: string; name: string; query: string }>;
}

/**
 * Everything the queue page needs besides the list, in one query, or null when the team doesn't
 * exist or `actor` may not work its queue (the choices and views are then discarded unseen).
 */
export async function loadQueueContext(actor: Actor, slug: string, scopeKey?: object): Promise<QueueContext | null> {
  if (!slug || slug.length > 100) return null;
  const [found, scope] = await Promise.all([
    queryRows<QueueContext["team"] & Omit<QueueContext, "team">>(Prisma.sql`
      SELECT t.id, t.name, t.slug,
             COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'active', x.active) ORDER BY x.name, x.id)
                         FROM request_types x WHERE x.team_id = t.id), '[]'::json) AS types,
             COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'active', u.active) ORDER BY u.name, u.id)
                         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.team_id = t.id), '[]'::json) AS people,
             COALESCE((SELECT json_agg(json_build_object('id', v.id, 'name', v.name, 'query', v.query) ORDER BY v.name, v.id)
                         FROM saved_views v WHERE v.team_id = t.id AND v.user_id = ${actor.id}), '[]'::json) AS views
        FROM teams t
       WHERE t.slug = ${slug}`),
    getTeamScope(actor.id, scopeKey),
  ]);
  const row = found[0];
  if (!row || !canWorkOnRequest(actor, scope, { providerTeamId: row.id })) return null;
  const { types, people, views, ...team } = row;
  return { team, types, people, views };
}

/** Drops a type or assignee that isn't this team's (a hand-edited or stale link), with a notice. */
export function reconcileFilters(filters: QueueFilters, context: Pick<QueueContext, "types" | "people">, notices: string[]): QueueFilters {
  const result = { ...filters };
  if (result.typeId && !context.types.some((t) => t.id === result.typeId)) {
    notices.push("Ignored the request type filter: this team has no such type.");
    result.typeId = null;
  }
  if (!["any", "me", "unassigned"].includes(result.assignee) && !context.people.some((p) => p.id === result.assignee)) {
    notices.push("Ignored the assignee filter: that person isn't on this team.");
    result.assignee = "any";
  }
  return result;
}

/** Every filter but status (the per-status counts are over these). */
function queueConditions(teamId: string, filters: QueueFilters, actorId: string, now: Date): Prisma.Sql[] {
  const conditions = [Prisma.sql`r.provider_team_id = ${teamId}`];
  if (filters.assignee === "me") conditions.push(Prisma.sql`r.assignee_id = ${actorId}`);
  else if (filters.assignee === "unassigned") conditions.push(Prisma.sql`r.assignee_id IS NULL`);
  else if (filters.assignee !== "any") conditions.push(Prisma.sql`r.assignee_id = ${filters.assignee}`);
  if (filters.priorities.length) conditions.push(Prisma.sql`r.priority IN (${inList(filters.priorities)})`);
  if (filters.typeId) conditions.push(Prisma.sql`r.type_id = ${filters.typeId}`);
  if (filters.overdue) conditions.push(Prisma.sql`r.resolution_due_at < ${now} AND r.status IN (${inList(OPEN_STATUSES)})`);
  if (filters.q) {
    // ILIKE '%…%' on title and body, which the trigram indexes serve; "REQ-12" also finds #12.
    const pattern = `%${escapeLikePattern(filters.q)}%`;
    const number = parseRequestNumber(filters.q);
    const byNumber = number === null ? Prisma.empty : Prisma.sql` OR r.number = ${number}`;
    conditions.push(Prisma.sql`(r.title ILIKE ${pattern} OR r.body ILIKE ${pattern}${byNumber})`);
  }
  return conditions;
}

export async function loadTeamQueue(args: { actorId: string; teamId: string; filters: QueueFilters; page: PageCursor | null; now: Date }) {
  const { filters, page, now } = args;
  const conditions = queueConditions(args.teamId, filters, args.actorId, now);
  const [list, grouped] = await Promise.all([
    listPage([...conditions, Prisma.sql`r.status IN (${inList(filters.statuses)})`], filters.sort, page, now),
    queryRows<{ status: RequestStatus; count: number }>(Prisma.sql`
      SELECT r.status::text AS status, count(*)::int AS count FROM requests r
       WHERE ${Prisma.join(conditions, " AND ")}
       GROUP BY r.status`),
  ]);
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const group of grouped) counts[group.status] = group.count;
  // The queue is one team's: its name needn't travel with every row.
  const rows = list.rows.map(({ providerTeamName: _provider, requestingTeamName: _requesting, ...row }) => row);
  return { ...list, rows, counts };
}

// ---------------------------------------------------------------------------------------------
// My requests

/**
 * Requests the person raised, or requests raised for their teams (those they belong to or
 * manage). Both are within what they may see (DESIGN.md: own, and own teams' requests).
 */
export async function loadMyRequests(args: {
  actorId: string;
  scopeKey?: object;
  filters: MyRequestsFilters;
  page: PageCursor | null;
  now: Date;
}) {
  const { filters, page, now } = args;
  const status = Prisma.sql`r.status IN (${inList(filters.statuses)})`;
  if (filters.tab === "raised") {
    return { hasTeams: true, ...(await listPage([Prisma.sql`r.requester_id = ${args.actorId}`, status], "newest", page, now)) };
  }
  const teamIds = [...workTeams(await getTeamScope(args.actorId, args.scopeKey))];
  if (teamIds.length === 0) return { hasTeams: false, rows: [], next: null, prev: null };
  return { hasTeams: true, ...(await listPage([Prisma.sql`r.requesting_team_id IN (${inList(teamIds)})`, status], "newest", page, now)) };
}
