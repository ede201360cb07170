// Who may see and act on a recovery case (DESIGN.md, RecoveryCase; issue 4):
// - anyone who may see the request sees that a case exists and its status;
// - the notes (the apology, the corrective action, the closing note) are for the requester and
//   the provider side: the rated team's members, managers above it, admins;
// - the steps are taken by managers of the rated team or of a team above it, and by admins
//   (members who are not managers see the case but may not act);
// - the list of cases (/recovery) is for people who manage a team, and admins.
import type { Actor } from "./authorize.server";
import type { TeamScope } from "~/models/team-scope.server";
import { canWorkOnRequest, isRequester } from "./request.server";

export interface RecoveryCaseFacts {
  /** The provider team that was rated. */
  teamId: string;
}

export function canActOnRecovery(actor: Actor, scope: TeamScope, recoveryCase: RecoveryCaseFacts) {
  // `manages` holds the teams a person manages directly and every team below them, so the
  // managers a case escalated to (the teams above) are covered too.
  return actor.role === "ADMIN" || scope.manages.has(recoveryCase.teamId);
}

export function canSeeRecoveryNotes(
  actor: Actor,
  scope: TeamScope,
  request: { requesterId: string; providerTeamId: string },
  recoveryCase: RecoveryCaseFacts,
) {
  return (
    isRequester(actor, request) ||
    canWorkOnRequest(actor, scope, request) ||
    // The request may have moved on (reopened and transferred) since the rated team served it.
    canWorkOnRequest(actor, scope, { providerTeamId: recoveryCase.teamId })
  );
}

export function canListRecoveryCases(actor: Actor, scope: TeamScope) {
  return actor.role === "ADMIN" || scope.manages.size > 0;
}

/** A Prisma `where` for the cases the person may list: those of teams they manage (and below). */
export function listableRecoveryWhere(actor: Actor, scope: TeamScope) {
  return actor.role === "ADMIN" ? {} : { teamId: { in: [...scope.manages] } };
}
