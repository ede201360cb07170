// Who may see and do what with a request (DESIGN.md, Permissions):
// - the requester, and members of the requesting team, see it and may comment;
// - members of the provider team work it: assign, change status, internal notes, promises,
//   transfers; managers may do the same for their teams and every team below;
// - admins may do everything.
// Anyone else gets 404 (routes use `notFound()`).
import type { Actor } from "./authorize.server";
import type { TeamScope } from "~/models/team-scope.server";

export interface RequestAccessFacts {
  requesterId: string;
  requestingTeamId: string | null;
  providerTeamId: string;
}

export function canWorkOnRequest(actor: Actor, scope: TeamScope, request: Pick<RequestAccessFacts, "providerTeamId">) {
  return actor.role === "ADMIN" || scope.memberOf.has(request.providerTeamId) || scope.manages.has(request.providerTeamId);
}

export function canViewRequest(actor: Actor, scope: TeamScope, request: RequestAccessFacts) {
  if (canWorkOnRequest(actor, scope, request) || request.requesterId === actor.id) return true;
  const team = request.requestingTeamId;
  return !!team && (scope.memberOf.has(team) || scope.manages.has(team));
}

/** Internal notes are for the people working the request. */
export const canSeeInternalNotes = canWorkOnRequest;

export function isRequester(actor: Actor, request: Pick<RequestAccessFacts, "requesterId">) {
  return request.requesterId === actor.id;
}

/** A Prisma `where` that keeps only requests the person may see, for every list. */
export function visibleRequestsWhere(actor: Actor, scope: TeamScope) {
  if (actor.role === "ADMIN") return {};
  const teams = [...new Set([...scope.memberOf, ...scope.manages])];
  return {
    OR: [{ requesterId: actor.id }, { providerTeamId: { in: teams } }, { requestingTeamId: { in: teams } }],
  };
}

/** Who may manage a team's service catalogue: its managers (and managers above) and admins. */
export function canManageCatalogue(actor: Actor, scope: TeamScope, teamId: string) {
  return actor.role === "ADMIN" || scope.managerOf.has(teamId) || scope.manages.has(teamId);
}
