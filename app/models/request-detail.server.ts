// The request page: who is looking (and in what role), and everything the page shows.
// Internal notes and their events are filtered out in the queries themselves for anyone who may
// not see them, so they never reach the loader data.
import crypto from "node:crypto";
import { prisma, queryRows } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { notFound, type Actor } from "~/policies/authorize.server";
import { canSeeInternalNotes, canViewRequest, canWorkOnRequest, isRequester } from "~/policies/request.server";
import type { Priority } from "~/generated/prisma/enums";
import { availableTransitions, type RequestStatus } from "~/utils/request-lifecycle";
import { formatRequestNumber, parseRequestNumber } from "~/utils/request-number";
import { slaState } from "~/utils/sla";
import { todayIso } from "~/validation/requests";
import { getTeamScope, type TeamScope } from "./team-scope.server";
import { getRatingPanel } from "./rating.server";
import { getRecoveryView } from "./recovery.server";

const ACCESS_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  version: true,
  requesterId: true,
  requestingTeamId: true,
  providerTeamId: true,
  typeId: true,
  assigneeId: true,
  promisedAt: true,
  resolvedAt: true,
  firstResponseAt: true,
} as const;

export interface RequestAccess {
  user: Actor & { name: string };
  scope: TeamScope;
  request: {
    id: string;
    number: number;
    title: string;
    status: RequestStatus;
    version: number;
    requesterId: string;
    requestingTeamId: string | null;
    providerTeamId: string;
    typeId: string;
    assigneeId: string | null;
    promisedAt: Date | null;
    resolvedAt: Date | null;
    firstResponseAt: Date | null;
  };
  /** Works the request: member of the provider team, a manager above it, or an admin. */
  provider: boolean;
  requester: boolean;
  seesNotes: boolean;
}

/**
 * The request named by the URL ("REQ-1042", "req-1042" or "1042") as the user may see it.
 * Unknown, malformed and not-visible numbers all throw the same 404.
 */
export async function loadRequestAccess(
  user: RequestAccess["user"],
  numberParam: string | undefined,
  key?: object,
): Promise<RequestAccess> {
  const number = parseRequestNumber(numberParam);
  if (number === null) throw notFound();
  const [request, scope] = await Promise.all([
    prisma.request.findUnique({ where: { number }, select: ACCESS_SELECT }),
    getTeamScope(user.id, key),
  ]);
  if (!request) throw notFound();
  if (!canViewRequest(user, scope, request)) {
    log.warn("access denied", { userId: user.id, permission: "request.view", requestId: request.id });
    throw notFound();
  }
  return {
    user,
    scope,
    request,
    provider: canWorkOnRequest(user, scope, request),
    requester: isRequester(user, request),
    seesNotes: canSeeInternalNotes(user, scope, request),
  };
}

/** Status changes the viewer may offer, as provider and/or requester (the server checks again). */
export function transitionsFor(access: RequestAccess, now = new Date()) {
  const context = { resolvedAt: access.request.resolvedAt, now };
  const options = [
    ...(access.provider ? availableTransitions(access.request.status, "provider", context) : []),
    ...(access.requester ? availableTransitions(access.request.status, "requester", context) : []),
  ];
  return options.filter((o, i) => options.findIndex((p) => p.to === o.to) === i);
}

function iso(date: Date | null) {
  return date ? date.toISOString() : null;
}

function day(date: Date | null) {
  return date ? date.toISOString().slice(0, 10) : null;
}

async function loadTimeline(requestId: string, seesNotes: boolean) {
  const [events, comments] = await Promise.all([
    prisma.requestEvent.findMany({
      where: { requestId, ...(seesNotes ? {} : { kind: { not: "NOTE_ADDED" } }) },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        at: true,
        fromStatus: true,
        toStatus: true,
        fromTeamId: true,
        toTeamId: true,
        assigneeId: true,
        promisedAt: true,
        slaClock: true,
        reason: true,
        commentId: true,
        actor: { select: { name: true } },
      },
    }),
    prisma.comment.findMany({
      where: { requestId, ...(seesNotes ? {} : { internal: false }) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, body: true, internal: true, createdAt: true, author: { select: { name: true } } },
    }),
  ]);
  const teamIds = new Set<string>();
  const userIds = new Set<string>();
  for (const e of events) {
    if (e.fromTeamId) teamIds.add(e.fromTeamId);
    if (e.toTeamId) teamIds.add(e.toTeamId);
    if (e.assigneeId) userIds.add(e.assigneeId);
  }
  const [teams, users] = await Promise.all([
    teamIds.size ? prisma.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true, name: true } }) : [],
    userIds.size ? prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }) : [],
  ]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const commentById = new Map(comments.map((c) => [c.id, c]));
  const linked = new Set<string>();

  const entries = [];
  for (const e of events) {
    const comment = e.commentId ? commentById.get(e.commentId) : undefined;
    // An event about a comment the viewer may not see is left out with it.
    if (e.commentId && !comment) continue;
    if (comment) linked.add(comment.id);
    entries.push({
      id: `e${e.id}`,
      kind: e.kind,
      at: e.at.toISOString(),
      actor: e.actor?.name ?? null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromTeam: e.fromTeamId ? (teamName.get(e.fromTeamId) ?? "a team that no longer exists") : null,
      toTeam: e.toTeamId ? (teamName.get(e.toTeamId) ?? "a team that no longer exists") : null,
      assignee: e.assigneeId ? (userName.get(e.assigneeId) ?? "someone no longer here") : null,
      promisedAt: day(e.promisedAt),
      slaClock: e.slaClock,
      reason: e.reason,
      comment: comment ? { body: comment.body, internal: comment.internal } : null,
    });
  }
  // Comments written without an event (e.g. imported) still belong on the timeline.
  for (const c of comments) {
    if (linked.has(c.id)) continue;
    entries.push({
      id: `c${c.id}`,
      kind: c.internal ? ("NOTE_ADDED" as const) : ("COMMENTED" as const),
      at: c.createdAt.toISOString(),
      actor: c.author.name,
      fromStatus: null,
      toStatus: null,
      fromTeam: null,
      toTeam: null,
      assignee: null,
      promisedAt: null,
      slaClock: null,
      reason: null,
      comment: { body: c.body, internal: c.internal },
    });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));

  const transfers = entries.filter((e) => e.kind === "TRANSFERRED");
  const path = transfers.length ? [transfers[0]!.fromTeam ?? "?", ...transfers.map((t) => t.toTeam ?? "?")] : [];
  return { entries, transferPath: path };
}

/** People the request can be assigned to: the provider team's active people, and the viewer. */
async function assigneeOptions(access: RequestAccess) {
  const members = await prisma.user.findMany({
    where: { active: true, OR: [{ memberships: { some: { teamId: access.request.providerTeamId } } }, { id: access.user.id }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return members;
}

/** Teams a request can be transferred to, each with the types it offers now. */
export async function transferOptions(providerTeamId: string) {
  return prisma.team.findMany({
    where: { acceptsRequests: true, id: { not: providerTeamId }, requestTypes: { some: { active: true } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, requestTypes: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
}

interface RequestPageRow {
  id: string;
  number: number;
  title: string;
  body: string;
  status: RequestStatus;
  priority: Priority;
  version: number;
  createdAt: Date;
  /** Calendar dates, "YYYY-MM-DD". */
  dueAt: string | null;
  promisedAt: string | null;
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  transferCount: number;
  reopenCount: number;
  requesterId: string;
  requesterName: string;
  requestingTeamName: string | null;
  requestingTeamSlug: string | null;
  providerTeamId: string;
  providerTeamName: string;
  providerTeamSlug: string;
  typeName: string;
  firstResponseTargetMinutes: number;
  resolutionTargetMinutes: number;
  assigneeId: string | null;
  assigneeName: string | null;
}

/**
 * The request with its people, teams and type, in one statement: the most viewed page's main
 * query, in SQL through the pool (decision 008) rather than one Prisma query per relation.
 */
async function loadRequestRow(requestId: string) {
  const [row] = await queryRows<RequestPageRow>({
    text: `SELECT r.id, r.number, r.title, r.body, r.status::text AS status, r.priority::text AS priority, r.version,
                  r.created_at AS "createdAt", r.due_at::text AS "dueAt", r.promised_at::text AS "promisedAt",
                  r.first_response_due_at AS "firstResponseDueAt", r.resolution_due_at AS "resolutionDueAt",
                  r.first_response_at AS "firstResponseAt", r.resolved_at AS "resolvedAt", r.closed_at AS "closedAt",
                  r.cancelled_at AS "cancelledAt", r.transfer_count AS "transferCount", r.reopen_count AS "reopenCount",
                  r.requester_id AS "requesterId", requester.name AS "requesterName", requesting.name AS "requestingTeamName", requesting.slug AS "requestingTeamSlug",
                  provider.id AS "providerTeamId", provider.name AS "providerTeamName", provider.slug AS "providerTeamSlug",
                  type.name AS "typeName", type.first_response_target_minutes AS "firstResponseTargetMinutes",
                  type.resolution_target_minutes AS "resolutionTargetMinutes", r.assignee_id AS "assigneeId", assignee.name AS "assigneeName"
             FROM requests r
             JOIN users requester ON requester.id = r.requester_id
             LEFT JOIN teams requesting ON requesting.id = r.requesting_team_id
             JOIN teams provider ON provider.id = r.provider_team_id
             JOIN request_types type ON type.id = r.type_id
             LEFT JOIN users assignee ON assignee.id = r.assignee_id
            WHERE r.id = $1`,
    values: [requestId],
  });
  // The access check read the request a moment ago; a row gone since is a 404 as well.
  if (!row) throw notFound();
  // The joined columns, back into the shape the page uses.
  const {
    requesterId,
    requesterName,
    requestingTeamName,
    requestingTeamSlug,
    providerTeamId,
    providerTeamName,
    providerTeamSlug,
    typeName,
    firstResponseTargetMinutes,
    resolutionTargetMinutes,
    assigneeId,
    assigneeName,
    ...request
  } = row;
  return {
    ...request,
    requester: { id: requesterId, name: requesterName },
    requestingTeam: requestingTeamName === null ? null : { name: requestingTeamName, slug: requestingTeamSlug! },
    providerTeam: { id: providerTeamId, name: providerTeamName, slug: providerTeamSlug },
    type: { name: typeName, firstResponseTargetMinutes, resolutionTargetMinutes },
    assignee: assigneeId === null ? null : { id: assigneeId, name: assigneeName ?? "" },
  };
}

export async function getRequestPage(access: RequestAccess, now = new Date()) {
  const { provider, seesNotes } = access;
  const row = await loadRequestRow(access.request.id);
  const [timeline, assignees, transferTeams, rating, recovery] = await Promise.all([
    loadTimeline(row.id, seesNotes),
    provider ? assigneeOptions(access) : Promise.resolve([] as Array<{ id: string; name: string }>),
    provider ? transferOptions(row.providerTeam.id) : Promise.resolve([] as Awaited<ReturnType<typeof transferOptions>>),
    getRatingPanel(access, now, row.providerTeam),
    getRecoveryView(access, now),
  ]);
  const stoppedAt = row.cancelledAt ?? row.closedAt;
  return {
    request: {
      ...row,
      ref: formatRequestNumber(row.number),
      createdAt: row.createdAt.toISOString(),
      firstResponseAt: iso(row.firstResponseAt),
      resolvedAt: iso(row.resolvedAt),
      closedAt: iso(row.closedAt),
      cancelledAt: iso(row.cancelledAt),
      firstResponseDueAt: row.firstResponseDueAt.toISOString(),
      resolutionDueAt: row.resolutionDueAt.toISOString(),
    },
    clocks: {
      firstResponse: {
        dueAt: row.firstResponseDueAt.toISOString(),
        targetMinutes: row.type.firstResponseTargetMinutes,
        state: slaState({ startedAt: row.createdAt, dueAt: row.firstResponseDueAt, doneAt: row.firstResponseAt, stoppedAt, now }),
      },
      resolution: {
        dueAt: row.resolutionDueAt.toISOString(),
        targetMinutes: row.type.resolutionTargetMinutes,
        state: slaState({
          startedAt: row.createdAt,
          dueAt: row.resolutionDueAt,
          doneAt: row.resolvedAt,
          stoppedAt: row.cancelledAt,
          now,
        }),
      },
    },
    transfers: { count: row.transferCount, path: timeline.transferPath },
    timeline: timeline.entries,
    viewer: { id: access.user.id, provider, requester: access.requester, seesNotes },
    transitions: transitionsFor(access, now),
    rating,
    recovery,
    assignees,
    transferTeams: transferTeams.map((t) => ({ id: t.id, name: t.name, types: t.requestTypes })),
    // A fresh token per render: the reply and note forms send it, so a double submit adds one comment.
    formToken: crypto.randomUUID(),
    today: todayIso(now),
  };
}

export type RequestPageData = Awaited<ReturnType<typeof getRequestPage>>;

/** What a person whose form was stale needs to know about the request now. */
export async function currentRequestState(requestId: string) {
  const row = await prisma.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      version: true,
      status: true,
      promisedAt: true,
      assignee: { select: { name: true } },
      providerTeam: { select: { name: true } },
    },
  });
  return {
    version: row.version,
    status: row.status,
    assignee: row.assignee?.name ?? null,
    providerTeam: row.providerTeam.name,
    promisedAt: day(row.promisedAt),
  };
}
