// The rules of rating a request (DESIGN.md: Rating, RecoveryCase; Principles 1, 4 and 6).
// Pure and shared by the server (enforcement) and the page (which form to show).
//
// - Only the requester rates, once the request is RESOLVED (or CLOSED after resolving), and only
//   within RATING_WINDOW_DAYS of resolution — closing, by hand or automatically, does not end
//   that chance.
// - The first rating can be changed for RATING_EDIT_DAYS after it was given.
// - An overall score of RECOVERY_THRESHOLD or less opens a recovery case; when that case is
//   closed the requester may rate once more (a RERATING). Both ratings are kept.

export const RATING_WINDOW_DAYS = 28;
export const RATING_EDIT_DAYS = 7;
export const RECOVERY_THRESHOLD = 2;
export const RATING_COMMENT_MAX = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

/** Overall satisfaction, in words (the form's labels and the page's summary). */
export const SATISFACTION_LABELS: Record<Score, string> = {
  1: "Very dissatisfied",
  2: "Dissatisfied",
  3: "Neither satisfied nor dissatisfied",
  4: "Satisfied",
  5: "Very satisfied",
};

/** How well one expectation was met. */
export const EXPECTATION_LABELS: Record<Score, string> = {
  1: "Very poor",
  2: "Poor",
  3: "Fair",
  4: "Good",
  5: "Excellent",
};

/** The seven expectations internal customers judge a service by, in the form's order. */
export const DIMENSIONS = [
  { key: "availability", label: "Availability", question: "Could you reach them when you needed to?" },
  { key: "responsiveness", label: "Responsiveness", question: "Did they respond promptly and willingly?" },
  { key: "timeliness", label: "Timeliness", question: "Was it done when you needed it?" },
  { key: "comprehensiveness", label: "Completeness", question: "Did they deal with all of it, not just part?" },
  { key: "pleasantness", label: "Pleasantness", question: "Were they courteous and easy to deal with?" },
  { key: "reliability", label: "Reliability", question: "Did they do what they promised?" },
  { key: "overallService", label: "Overall service", question: "How was the service as a whole?" },
] as const;
export type DimensionKey = (typeof DIMENSIONS)[number]["key"];

export function isSatisfied(overall: number) {
  return overall >= 4;
}

export function opensRecovery(overall: number) {
  return overall <= RECOVERY_THRESHOLD;
}

export interface RatingFacts {
  status: string;
  resolvedAt: Date | null;
  requesterId: string;
  /** The FIRST rating, if given. */
  first: { createdAt: Date } | null;
  /** The RERATING, if given. */
  rerating: { createdAt: Date } | null;
  /** The recovery case's status, if one was opened. */
  recoveryStatus: string | null;
}

export type RatingOption =
  { kind: "rate"; closesAt: Date } | { kind: "edit"; closesAt: Date } | { kind: "rerate" } | { kind: "none"; reason: string };

function ratedStatus(status: string) {
  return status === "RESOLVED" || status === "CLOSED";
}

/** What the viewer may do about the request's rating now, or why not. */
export function ratingOption(facts: RatingFacts, viewerId: string, now: Date): RatingOption {
  if (facts.requesterId !== viewerId) return { kind: "none", reason: "Only the person who raised the request can rate it." };
  if (facts.first) {
    if (facts.recoveryStatus === "CLOSED") {
      if (facts.rerating) return { kind: "none", reason: "You have already rated it again after the recovery." };
      return { kind: "rerate" };
    }
    const closesAt = new Date(facts.first.createdAt.getTime() + RATING_EDIT_DAYS * DAY_MS);
    if (now < closesAt) return { kind: "edit", closesAt };
    if (facts.recoveryStatus) return { kind: "none", reason: "You can rate it again once the team has closed the recovery case." };
    return { kind: "none", reason: `A rating can be changed for ${RATING_EDIT_DAYS} days after it is given.` };
  }
  if (!ratedStatus(facts.status) || !facts.resolvedAt)
    return { kind: "none", reason: "You can rate a request once the team has resolved it." };
  const closesAt = new Date(facts.resolvedAt.getTime() + RATING_WINDOW_DAYS * DAY_MS);
  if (now >= closesAt) return { kind: "none", reason: `Requests can be rated for ${RATING_WINDOW_DAYS} days after they are resolved.` };
  return { kind: "rate", closesAt };
}

/** The rate page of a request: the link in the "how did we do?" notification and email. */
export function ratePath(requestNumber: number) {
  return `/requests/REQ-${requestNumber}/rate`;
}

/** A delighted requester is offered a way to thank the team (Principle 6). */
export function offersKudos(rating: { overall: number; exceededExpectations: boolean }) {
  return rating.exceededExpectations || rating.overall === 5;
}

export function kudosPath(teamSlug: string, requestNumber: number) {
  return `/kudos/new?${new URLSearchParams({ team: teamSlug, request: `REQ-${requestNumber}` })}`;
}
