// Rating a request (DESIGN.md: Rating; Principles 1, 4, 6): the first rating, changing it within
// RATING_EDIT_DAYS, and the one re-rating after a recovery case closed. Each runs in one
// transaction with its timeline event, the recovery case a poor score opens, and the news to the
// people concerned, so nothing partial is ever saved.
//
// A double submit creates one rating: the unique index on (request, kind) refuses the second
// insert, and a submit whose answers equal what is stored counts as the same submission (it
// answers as the first did) rather than as "already rated".
import crypto from "node:crypto";
import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { prisma, type Tx, isUniqueViolation } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import {
  DIMENSIONS,
  SATISFACTION_LABELS,
  RATING_WINDOW_DAYS,
  kudosPath,
  offersKudos,
  opensRecovery,
  ratePath,
  ratingOption,
  type RatingOption,
  type Score,
} from "~/utils/rating-rules";
import { acknowledgeDueAt, recoveryPath } from "~/utils/recovery-lifecycle";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { ratingAnswers, ratingSchema, type RatingAnswers, type RatingInput } from "~/validation/rating";
import { notify, teamPeople } from "./notification.server";
import type { RequestAccess } from "./request-detail.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export const STALE_RATING_MESSAGE =
  "Your rating changed since you opened this page (perhaps in another tab). It now shows what is saved: check it, then try again.";

/** Input the person can correct: shown beside `field` (or above the form when field is ""). */
export class RatingError extends Error {
  constructor(
    public field: string,
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

export class StaleRatingError extends Error {
  constructor() {
    super(STALE_RATING_MESSAGE);
  }
}

const RATING_SELECT = {
  id: true,
  kind: true,
  overall: true,
  exceededExpectations: true,
  availability: true,
  responsiveness: true,
  timeliness: true,
  comprehensiveness: true,
  pleasantness: true,
  reliability: true,
  overallService: true,
  comment: true,
  version: true,
  createdAt: true,
} as const;

async function loadRatings(requestId: string) {
  const [ratings, recoveryCase] = await Promise.all([
    prisma.rating.findMany({ where: { requestId }, select: RATING_SELECT }),
    prisma.recoveryCase.findUnique({ where: { requestId }, select: { id: true, status: true, ownerId: true } }),
  ]);
  return {
    first: ratings.find((r) => r.kind === "FIRST") ?? null,
    rerating: ratings.find((r) => r.kind === "RERATING") ?? null,
    recoveryCase,
  };
}
type StoredRating = NonNullable<Awaited<ReturnType<typeof loadRatings>>["first"]>;

function optionFor(access: RequestAccess, stored: Awaited<ReturnType<typeof loadRatings>>, now: Date): RatingOption {
  return ratingOption(
    {
      status: access.request.status,
      resolvedAt: access.request.resolvedAt,
      requesterId: access.request.requesterId,
      first: stored.first,
      rerating: stored.rerating,
      recoveryStatus: stored.recoveryCase?.status ?? null,
    },
    access.user.id,
    now,
  );
}

function sameAnswers(stored: StoredRating, answers: RatingAnswers) {
  return (Object.keys(answers) as Array<keyof RatingAnswers>).every((key) => stored[key] === answers[key]);
}

// ---------------------------------------------------------------------------------------------

export type RatingOutcome = "rated" | "changed" | "rerated" | "duplicate";

/**
 * Saves the requester's rating in the form's mode. Throws RatingError for what the person can
 * correct (400, or 403 for someone who is not the requester) and StaleRatingError (409) when an
 * edit was made from an older version of the rating.
 */
export async function submitRating(
  access: RequestAccess,
  input: RatingInput,
  now = new Date(),
): Promise<{ outcome: RatingOutcome; recoveryOpened: boolean }> {
  if (!access.requester) throw new RatingError("", "Only the person who raised the request can rate it.", 403);
  const answers = ratingAnswers(input);
  const stored = await loadRatings(access.request.id);
  const option = optionFor(access, stored, now);

  if (input.mode === "rate") {
    if (stored.first) {
      if (sameAnswers(stored.first, answers)) return { outcome: "duplicate", recoveryOpened: false };
      throw new RatingError(
        "overall",
        option.kind === "edit"
          ? "You have already rated this request. Change your rating instead."
          : "You have already rated this request.",
      );
    }
    if (option.kind !== "rate") throw new RatingError("overall", option.kind === "none" ? option.reason : "Reload the page and try again.");
    return insertRating(access, "FIRST", answers, stored, now);
  }

  if (input.mode === "rerate") {
    if (stored.rerating && sameAnswers(stored.rerating, answers)) return { outcome: "duplicate", recoveryOpened: false };
    if (option.kind !== "rerate")
      throw new RatingError(
        "overall",
        option.kind === "none" ? option.reason : "You can rate it again once the team has closed the recovery case.",
      );
    return insertRating(access, "RERATING", answers, stored, now);
  }

  // mode === "edit"
  if (!stored.first) throw new RatingError("overall", "You haven't rated this request yet. Reload the page to rate it.");
  if (input.version !== stored.first.version) {
    if (sameAnswers(stored.first, answers)) return { outcome: "duplicate", recoveryOpened: false };
    throw new StaleRatingError();
  }
  if (option.kind !== "edit")
    throw new RatingError("overall", option.kind === "none" ? option.reason : "This rating can no longer be changed.");
  if (sameAnswers(stored.first, answers)) throw new RatingError("overall", "Nothing changed: your rating is as you left it.");
  return updateRating(access, stored.first, answers, !stored.recoveryCase, now);
}

async function insertRating(
  access: RequestAccess,
  kind: "FIRST" | "RERATING",
  answers: RatingAnswers,
  stored: Awaited<ReturnType<typeof loadRatings>>,
  now: Date,
): Promise<{ outcome: RatingOutcome; recoveryOpened: boolean }> {
  const { request, user } = access;
  const opens = kind === "FIRST" && opensRecovery(answers.overall);
  try {
    await prisma.$transaction(async (tx) => {
      const rating = await tx.rating.create({
        data: { id: crypto.randomUUID(), requestId: request.id, raterId: user.id, kind, ...answers, createdAt: now },
        select: { id: true },
      });
      await tx.requestEvent.create({
        data: { requestId: request.id, actorId: user.id, kind: kind === "FIRST" ? "RATED" : "RERATED", at: now },
      });
      const extra = kind === "RERATING" && stored.recoveryCase?.ownerId ? [stored.recoveryCase.ownerId] : [];
      await tellTeam(tx, access, answers, kind === "FIRST" ? "rated" : "rerated", extra);
      if (opens) await openRecoveryCase(tx, access, rating.id, answers.overall, now);
    });
  } catch (error) {
    // Two submits raced past the first check: the loser answers as the winner did.
    if (isUniqueViolation(error)) {
      const again = await loadRatings(request.id);
      const winner = kind === "FIRST" ? again.first : again.rerating;
      if (winner && sameAnswers(winner, answers)) return { outcome: "duplicate", recoveryOpened: false };
      if (winner) throw new RatingError("overall", "You have already rated this request.");
    }
    throw error;
  }
  return { outcome: kind === "FIRST" ? "rated" : "rerated", recoveryOpened: opens };
}

async function updateRating(access: RequestAccess, first: StoredRating, answers: RatingAnswers, noCaseYet: boolean, now: Date) {
  const { request, user } = access;
  // A change that makes the rating poor opens the case a poor first rating would have opened.
  const opens = noCaseYet && opensRecovery(answers.overall);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.rating.updateMany({
      where: { id: first.id, version: first.version },
      data: { ...answers, version: { increment: 1 }, updatedAt: now },
    });
    if (count === 0) throw new StaleRatingError();
    await tx.requestEvent.create({ data: { requestId: request.id, actorId: user.id, kind: "RATING_CHANGED", at: now } });
    await tellTeam(tx, access, answers, "changed", []);
    if (opens) await openRecoveryCase(tx, access, first.id, answers.overall, now);
  });
  return { outcome: "changed" as const, recoveryOpened: opens };
}

/** RATING_RECEIVED to whoever has the request, or the whole provider team when nobody has it. */
async function tellTeam(tx: Tx, access: RequestAccess, answers: RatingAnswers, how: "rated" | "changed" | "rerated", extra: string[]) {
  const { request, user } = access;
  const ref = formatRequestNumber(request.number);
  const words = `${answers.overall} of 5 (${SATISFACTION_LABELS[answers.overall as Score].toLowerCase()})`;
  const title = {
    rated: `${ref} was rated ${words}`,
    changed: `${ref}: the rating is now ${words}`,
    rerated: `${ref} was rated again after the recovery: ${words}`,
  }[how];
  const recipients = request.assigneeId ? [request.assigneeId] : await teamPeople(tx, request.providerTeamId);
  await notify(
    tx,
    [...recipients, ...extra],
    {
      kind: "RATING_RECEIVED",
      title,
      body:
        `${user.name} ${how === "changed" ? "changed their rating of" : "rated"} "${request.title}".` +
        (answers.exceededExpectations ? " They said you exceeded their expectations." : ""),
      link: requestPath(request.number),
      requestId: request.id,
    },
    user.id,
  );
}

async function openRecoveryCase(tx: Tx, access: RequestAccess, ratingId: string, overall: number, now: Date) {
  const { request, user } = access;
  const teamId = request.providerTeamId;
  const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
  await tx.recoveryCase.create({
    data: {
      id: crypto.randomUUID(),
      requestId: request.id,
      ratingId,
      teamId,
      waitingOnTeamId: teamId,
      acknowledgeDueAt: acknowledgeDueAt(now, env().UPSTREAM_TIME_ZONE),
      createdAt: now,
    },
  });
  // The system opens the case, not the requester: the timeline says so.
  await tx.requestEvent.create({ data: { requestId: request.id, actorId: null, kind: "RECOVERY_OPENED", at: now, toTeamId: teamId } });
  const ref = formatRequestNumber(request.number);
  await notify(
    tx,
    await teamPeople(tx, teamId, "MANAGER"),
    {
      kind: "RECOVERY_OPENED",
      title: `Recovery case: ${ref} was rated ${SATISFACTION_LABELS[overall as Score].toLowerCase()}`,
      body: `${user.name} rated ${team.name}'s work on "${request.title}" ${overall} of 5. Acknowledge the problem within 2 working days, apologise and put it right.`,
      link: recoveryPath(request.number),
      requestId: request.id,
    },
    user.id,
  );
}

// ---------------------------------------------------------------------------------------------
// What the pages show.

function ratingView(rating: StoredRating | null) {
  if (!rating) return null;
  return {
    overall: rating.overall,
    exceededExpectations: rating.exceededExpectations,
    dimensions: DIMENSIONS.map((d) => ({ key: d.key, label: d.label, score: rating[d.key] })),
    comment: rating.comment,
    version: rating.version,
    createdAt: rating.createdAt.toISOString(),
    changed: rating.version > 1,
  };
}

export type RatingView = NonNullable<ReturnType<typeof ratingView>>;

/** The rating part of the request page and the rate page: what was given and what the viewer may do. */
export async function getRatingPanel(access: RequestAccess, now = new Date(), providerTeam?: { name: string; slug: string }) {
  const [stored, team] = await Promise.all([
    loadRatings(access.request.id),
    // The request page has the provider team already.
    providerTeam ?? prisma.team.findUniqueOrThrow({ where: { id: access.request.providerTeamId }, select: { name: true, slug: true } }),
  ]);
  const option = optionFor(access, stored, now);
  const latest = stored.rerating ?? stored.first;
  return {
    option:
      option.kind === "none"
        ? { kind: option.kind, reason: option.reason, closesAt: null }
        : { kind: option.kind, reason: null, closesAt: "closesAt" in option ? option.closesAt.toISOString() : null },
    first: ratingView(stored.first),
    rerating: ratingView(stored.rerating),
    recoveryStatus: stored.recoveryCase?.status ?? null,
    providerTeam: team.name,
    // Only the requester is offered to thank the team, and only when they were delighted.
    kudosLink: access.requester && latest && offersKudos(latest) ? kudosPath(team.slug, access.request.number) : null,
    ratePath: ratePath(access.request.number),
  };
}

export type RatingPanelData = Awaited<ReturnType<typeof getRatingPanel>>;

/**
 * Home: the person's resolved requests still waiting for their rating (within the window), and
 * those whose recovery case closed and may be rated again.
 */
export async function requestsAwaitingMyRating(userId: string, now = new Date()) {
  const since = new Date(now.getTime() - RATING_WINDOW_DAYS * DAY_MS);
  const rows = await prisma.request.findMany({
    where: {
      requesterId: userId,
      OR: [
        { status: { in: ["RESOLVED", "CLOSED"] }, resolvedAt: { gt: since }, ratings: { none: { kind: "FIRST" } } },
        { recoveryCase: { status: "CLOSED" }, ratings: { none: { kind: "RERATING" } } },
      ],
    },
    orderBy: { resolvedAt: "desc" },
    take: 8,
    select: {
      number: true,
      title: true,
      resolvedAt: true,
      providerTeam: { select: { name: true } },
      recoveryCase: { select: { status: true } },
    },
  });
  return rows.map((r) => ({
    number: r.number,
    title: r.title,
    team: r.providerTeam.name,
    rerate: r.recoveryCase?.status === "CLOSED",
    link: ratePath(r.number),
  }));
}

// ---------------------------------------------------------------------------------------------
// The rate page's action (the request page's rating panel posts there too).

export interface RatingActionReply {
  result: SubmissionResult<string[]>;
}

function reply(result: SubmissionResult<string[]>, status: number) {
  return json<RatingActionReply>({ result }, { status });
}

const SUCCESS: Record<RatingOutcome, (ref: string) => string> = {
  rated: (ref) => `Thanks for rating ${ref}.`,
  changed: (ref) => `Your rating of ${ref} is changed.`,
  rerated: (ref) => `Thanks for rating ${ref} again.`,
  duplicate: (ref) => `Your rating of ${ref} is saved.`,
};

export async function ratingAction(request: Request, access: RequestAccess, formData: FormData) {
  const submission = parseWithZod(formData, { schema: ratingSchema });
  // Someone who may see the request but not rate it learns why, whatever they sent.
  if (!access.requester) return reply(submission.reply({ formErrors: ["Only the person who raised the request can rate it."] }), 403);
  if (submission.status !== "success") return reply(submission.reply(), 400);
  const ref = formatRequestNumber(access.request.number);
  try {
    const { outcome, recoveryOpened } = await submitRating(access, submission.value);
    const team = recoveryOpened
      ? (await prisma.team.findUniqueOrThrow({ where: { id: access.request.providerTeamId }, select: { name: true } })).name
      : "";
    const message = SUCCESS[outcome](ref) + (recoveryOpened ? ` We've asked ${team}'s managers to put right what went wrong.` : "");
    return redirectWithFlash(request, requestPath(access.request.number), { kind: "success", message });
  } catch (error) {
    if (error instanceof StaleRatingError) return reply(submission.reply({ formErrors: [error.message] }), 409);
    if (error instanceof RatingError) {
      const result = error.field
        ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
        : submission.reply({ formErrors: [error.message] });
      return reply(result, error.status);
    }
    throw error;
  }
}
