// Who may read a team's scorecard (DESIGN.md, Permissions: dashboards): the team's own members,
// its managers and every manager above it, and admins. Anyone else gets 404, as for any record
// they may not see.
import type { Actor } from "./authorize.server";
import type { TeamScope } from "~/models/team-scope.server";

export function canViewScorecard(actor: Actor, scope: TeamScope, teamId: string) {
  return actor.role === "ADMIN" || scope.memberOf.has(teamId) || scope.manages.has(teamId);
}
