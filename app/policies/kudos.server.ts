// Who may do what with kudos (DESIGN.md, Kudos):
// - every signed-in employee sees the wall, profiles and team pages, and may thank anyone active
//   but themselves (the rules on recipients live in models/kudos.server.ts, as input errors);
// - an inappropriate kudos may be hidden by an admin, or by a manager (directly or from a team
//   above) of the team it thanks, or of any team the thanked person belongs to.
// Anyone else asking to hide one gets 404 (routes use `notFound()`).
import type { Actor } from "./authorize.server";
import type { TeamScope } from "~/models/team-scope.server";

export interface KudosRecipientFacts {
  recipientTeamId: string | null;
  /** The teams the thanked person belongs to now (empty for a team kudos). */
  recipientPersonTeamIds: string[];
}

export function canHideKudos(actor: Actor, scope: TeamScope, kudos: KudosRecipientFacts) {
  if (actor.role === "ADMIN") return true;
  if (kudos.recipientTeamId && scope.manages.has(kudos.recipientTeamId)) return true;
  return kudos.recipientPersonTeamIds.some((teamId) => scope.manages.has(teamId));
}

/** Whether the person could hide any kudos at all: saves loading recipients' teams for most. */
export function mayHideAnyKudos(actor: Actor, scope: TeamScope) {
  return actor.role === "ADMIN" || scope.manages.size > 0;
}
