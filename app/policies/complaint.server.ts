// Who may see and do what with a complaint (DESIGN.md, Permissions):
// - the rep who logged it sees it (with the customer's contact details) and its response;
// - reps who added a sighting ("heard it too") see it, without the contact details;
// - managers of the routed team and of every team above it (TeamScope.manages) see it, with the
//   contact details, and act on it: acknowledge, tag, plan, respond, close;
// - admins may do everything.
// Members of the routed team who are not managers have no access. Anyone else gets 404.
import type { Actor } from "./authorize.server";
import type { TeamScope } from "~/models/team-scope.server";

export interface ComplaintAccessFacts {
  reporterId: string;
  routedTeamId: string;
}

export function canManageComplaint(actor: Actor, scope: TeamScope, complaint: Pick<ComplaintAccessFacts, "routedTeamId">) {
  return actor.role === "ADMIN" || scope.manages.has(complaint.routedTeamId);
}

export function canViewComplaint(actor: Actor, scope: TeamScope, complaint: ComplaintAccessFacts, addedSighting = false) {
  return canManageComplaint(actor, scope, complaint) || complaint.reporterId === actor.id || addedSighting;
}

/** Customer contact details: the reporting rep, managers of the routed team (and above), admins. */
export function canSeeCustomerContact(actor: Actor, scope: TeamScope, complaint: ComplaintAccessFacts) {
  return canManageComplaint(actor, scope, complaint) || complaint.reporterId === actor.id;
}

/** Whether the person manages any team at all (the manager inbox and themes are theirs). */
export function isManagerOrAdmin(actor: Actor, scope: TeamScope) {
  return actor.role === "ADMIN" || scope.manages.size > 0;
}

/** A filter for complaint lists: the teams whose complaints the person manages; null = all (admin). */
export function managedTeamIds(actor: Actor, scope: TeamScope): string[] | null {
  return actor.role === "ADMIN" ? null : [...scope.manages];
}
