// Who may read and answer employee feedback (DESIGN.md, Feedback):
// - feedback to a team: that team's managers, the managers of every team above it
//   (TeamScope.manages) and admins;
// - feedback to management (no team): admins and the managers of top-level teams;
// - the author of a signed entry may view it (an anonymous entry has no author: its writer
//   follows it with the code instead);
// - an anonymous entry reaches its readers only once the daily batch has announced it, so the
//   moment it first appears to them says nothing about when it was written.
// Readers may also respond and close. Anyone else gets 404.
import type { Actor } from "./authorize.server";
import type { TeamScope } from "~/models/team-scope.server";

export interface FeedbackReader {
  actor: Actor;
  scope: TeamScope;
  /** Manages a top-level team directly: reads what is sent to management. */
  readsManagement: boolean;
}

export interface FeedbackAccessFacts {
  teamId: string | null;
  authorId: string | null;
  anonymous: boolean;
  announcedOn: Date | null;
}

/** Whether the person reads what is addressed to `teamId` (null: management). */
export function readsAddressee(reader: FeedbackReader, teamId: string | null) {
  if (reader.actor.role === "ADMIN") return true;
  return teamId === null ? reader.readsManagement : reader.scope.manages.has(teamId);
}

/** Whether the person reads any feedback at all: the inbox and the report are theirs. */
export function isFeedbackReader(reader: FeedbackReader) {
  return reader.actor.role === "ADMIN" || reader.readsManagement || reader.scope.manages.size > 0;
}

export function canReadFeedback(reader: FeedbackReader, entry: FeedbackAccessFacts) {
  return readsAddressee(reader, entry.teamId) && (!entry.anonymous || entry.announcedOn !== null);
}

export function canViewFeedback(reader: FeedbackReader, entry: FeedbackAccessFacts) {
  return canReadFeedback(reader, entry) || (!entry.anonymous && entry.authorId === reader.actor.id);
}

/** Respond on the record, and close. */
export function canAnswerFeedback(reader: FeedbackReader, entry: FeedbackAccessFacts) {
  return canReadFeedback(reader, entry);
}
