// Who may rate a request, when, and how: the rules the rate page enforces and the request page
// uses to choose what to show.
import { describe, expect, test } from "vitest";
import {
  DIMENSIONS,
  EXPECTATION_LABELS,
  RATING_EDIT_DAYS,
  RATING_WINDOW_DAYS,
  SATISFACTION_LABELS,
  SCORES,
  isSatisfied,
  kudosPath,
  offersKudos,
  opensRecovery,
  ratePath,
  ratingOption,
  type RatingFacts,
} from "~/utils/rating-rules";
import { ratingAnswers, ratingSchema } from "~/validation/rating";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-23T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

function facts(overrides: Partial<RatingFacts> = {}): RatingFacts {
  return { status: "RESOLVED", resolvedAt: ago(1), requesterId: "rita", first: null, rerating: null, recoveryStatus: null, ...overrides };
}

describe("ratingOption", () => {
  test("only the requester may rate", () => {
    expect(ratingOption(facts(), "someone-else", now)).toEqual({
      kind: "none",
      reason: "Only the person who raised the request can rate it.",
    });
  });

  test.each(["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER", "CANCELLED"])("a %s request cannot be rated yet", (status) => {
    expect(ratingOption(facts({ status, resolvedAt: null }), "rita", now)).toEqual({
      kind: "none",
      reason: "You can rate a request once the team has resolved it.",
    });
  });

  test("a resolved request may be rated until 28 days after resolution", () => {
    expect(ratingOption(facts({ resolvedAt: ago(1) }), "rita", now)).toEqual({
      kind: "rate",
      closesAt: new Date(ago(1).getTime() + 28 * DAY),
    });
    expect(ratingOption(facts({ resolvedAt: ago(RATING_WINDOW_DAYS - 0.01) }), "rita", now).kind).toBe("rate");
    expect(ratingOption(facts({ resolvedAt: ago(RATING_WINDOW_DAYS) }), "rita", now)).toEqual({
      kind: "none",
      reason: "Requests can be rated for 28 days after they are resolved.",
    });
  });

  test("closing, by hand or automatically, does not end the chance to rate", () => {
    expect(ratingOption(facts({ status: "CLOSED", resolvedAt: ago(20) }), "rita", now).kind).toBe("rate");
  });

  test("a rating may be changed for 7 days", () => {
    expect(ratingOption(facts({ first: { createdAt: ago(2) } }), "rita", now)).toEqual({
      kind: "edit",
      closesAt: new Date(ago(2).getTime() + RATING_EDIT_DAYS * DAY),
    });
    expect(ratingOption(facts({ first: { createdAt: ago(7) } }), "rita", now)).toEqual({
      kind: "none",
      reason: "A rating can be changed for 7 days after it is given.",
    });
  });

  test("after a poor rating, the requester waits for the recovery case to close, then may rate once more", () => {
    const first = { createdAt: ago(10) };
    expect(ratingOption(facts({ first, recoveryStatus: "APOLOGY_SENT" }), "rita", now)).toEqual({
      kind: "none",
      reason: "You can rate it again once the team has closed the recovery case.",
    });
    expect(ratingOption(facts({ first, recoveryStatus: "CLOSED" }), "rita", now)).toEqual({ kind: "rerate" });
    // Even long after the 28 days: the re-rating belongs to the recovery, not to the resolution.
    expect(ratingOption(facts({ resolvedAt: ago(60), first, recoveryStatus: "CLOSED" }), "rita", now)).toEqual({ kind: "rerate" });
    expect(ratingOption(facts({ first, rerating: { createdAt: ago(1) }, recoveryStatus: "CLOSED" }), "rita", now)).toEqual({
      kind: "none",
      reason: "You have already rated it again after the recovery.",
    });
  });

  test("a case closed within the edit window offers the re-rating, not an edit", () => {
    expect(ratingOption(facts({ first: { createdAt: ago(1) }, recoveryStatus: "CLOSED" }), "rita", now)).toEqual({ kind: "rerate" });
  });
});

describe("scores", () => {
  test("1 and 2 open a recovery case; 4 and 5 count as satisfied", () => {
    expect(SCORES.filter(opensRecovery)).toEqual([1, 2]);
    expect(SCORES.filter(isSatisfied)).toEqual([4, 5]);
  });

  test("every score has a label in words, from very dissatisfied to very satisfied", () => {
    expect(SCORES.map((s) => SATISFACTION_LABELS[s])).toEqual([
      "Very dissatisfied",
      "Dissatisfied",
      "Neither satisfied nor dissatisfied",
      "Satisfied",
      "Very satisfied",
    ]);
    for (const s of SCORES) expect(EXPECTATION_LABELS[s]).toBeTruthy();
  });

  test("the seven expectations, in the form's order", () => {
    expect(DIMENSIONS.map((d) => d.key)).toEqual([
      "availability",
      "responsiveness",
      "timeliness",
      "comprehensiveness",
      "pleasantness",
      "reliability",
      "overallService",
    ]);
  });

  test("a delighted requester (exceeded, or a 5) is offered kudos", () => {
    expect(offersKudos({ overall: 4, exceededExpectations: true })).toBe(true);
    expect(offersKudos({ overall: 5, exceededExpectations: false })).toBe(true);
    expect(offersKudos({ overall: 4, exceededExpectations: false })).toBe(false);
    expect(kudosPath("it-support", 12)).toBe("/kudos/new?team=it-support&request=REQ-12");
    expect(ratePath(12)).toBe("/requests/REQ-12/rate");
  });
});

describe("the rating form's schema", () => {
  test("turns the answers into what is stored", () => {
    const parsed = ratingSchema.parse({ mode: "rate", overall: 2, exceeded: "no", reliability: 1, comment: "Late again" });
    expect(ratingAnswers(parsed)).toEqual({
      overall: 2,
      exceededExpectations: false,
      availability: null,
      responsiveness: null,
      timeliness: null,
      comprehensiveness: null,
      pleasantness: null,
      reliability: 1,
      overallService: null,
      comment: "Late again",
    });
  });

  test.each([0, 6, 2.5])("refuses an overall score of %s", (overall) => {
    expect(ratingSchema.safeParse({ mode: "rate", overall, exceeded: "yes" }).success).toBe(false);
  });
});
