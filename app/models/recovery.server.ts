// Service recovery (DESIGN.md: RecoveryCase; Principle 4): the steps a manager takes on a case a
// poor rating opened, what the pages show of a case, and the list of cases for managers.
// Each step runs in one transaction with its timeline event and the note to the requester. Steps
// are optimistic like request changes: they update only `where {id, version, status}` (the
// version the manager's form was rendered from), so of two managers acting at once one gets a
// conflict instead of a step taken twice.
//
// The notes (the apology, the corrective action, the closing note) live on the case, not on the
// timeline, because members of the requesting team see the timeline but not the notes.
import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { prisma, type Tx } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { notFound, type Actor } from "~/policies/authorize.server";
import { canActOnRecovery, canSeeRecoveryNotes, listableRecoveryWhere } from "~/policies/recovery.server";
import { SATISFACTION_LABELS, ratePath, type Score } from "~/utils/rating-rules";
import {
  RECOVERY_STATUS_LABELS,
  RECOVERY_STEPS,
  RECOVERY_STEP_ORDER,
  checkRecoveryStep,
  nextRecoveryStep,
  recoveryPath,
  type RecoveryStatus,
  type RecoveryStep,
} from "~/utils/recovery-lifecycle";
import { formatRequestNumber } from "~/utils/request-number";
import type { Prisma, RequestEventKind } from "~/generated/prisma/client";
import { isRecoveryStep, recoveryStepSchema, type RecoveryFilter } from "~/validation/recovery";
import { notify } from "./notification.server";
import type { RequestAccess } from "./request-detail.server";
import type { TeamScope } from "./team-scope.server";

export const STALE_RECOVERY_MESSAGE =
  "Someone else updated this recovery case since you opened it. The page now shows where it stands: check it, then carry on.";

export class RecoveryStepError extends Error {
  constructor(
    public field: string,
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

export class StaleRecoveryError extends Error {
  constructor() {
    super(STALE_RECOVERY_MESSAGE);
  }
}

const STEP_EVENTS: Record<RecoveryStep, RequestEventKind> = {
  acknowledge: "RECOVERY_ACKNOWLEDGED",
  apologise: "RECOVERY_APOLOGY_SENT",
  correct: "RECOVERY_ACTION_RECORDED",
  close: "RECOVERY_CLOSED",
};

const CASE_SELECT = {
  id: true,
  status: true,
  teamId: true,
  version: true,
  escalationLevel: true,
  acknowledgeDueAt: true,
  createdAt: true,
  acknowledgedAt: true,
  apologySentAt: true,
  apologyNote: true,
  actionRecordedAt: true,
  correctiveAction: true,
  closedAt: true,
  closingNote: true,
  team: { select: { name: true } },
  waitingOn: { select: { name: true } },
  rating: { select: { overall: true, exceededExpectations: true, comment: true } },
} as const;

// ---------------------------------------------------------------------------------------------

/** The case of the request as the viewer may see it, or null when the request has none. */
export async function getRecoveryView(access: RequestAccess, now = new Date()) {
  const row = await prisma.recoveryCase.findUnique({ where: { requestId: access.request.id }, select: CASE_SELECT });
  if (!row) return null;
  const events = await prisma.requestEvent.findMany({
    where: { requestId: access.request.id, kind: { in: [...Object.values(STEP_EVENTS), "RECOVERY_ESCALATED"] } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { kind: true, at: true, toTeamId: true, actor: { select: { name: true } } },
  });
  const seesNotes = canSeeRecoveryNotes(access.user, access.scope, access.request, row);
  const canAct = canActOnRecovery(access.user, access.scope, row);
  const done: Record<RecoveryStep, { at: Date | null; note: string | null }> = {
    acknowledge: { at: row.acknowledgedAt, note: null },
    apologise: { at: row.apologySentAt, note: row.apologyNote },
    correct: { at: row.actionRecordedAt, note: row.correctiveAction },
    close: { at: row.closedAt, note: row.closingNote },
  };
  const steps = RECOVERY_STEP_ORDER.map((step) => {
    const event = events.findLast((e) => e.kind === STEP_EVENTS[step]);
    const { at, note } = done[step];
    return {
      step,
      label: RECOVERY_STATUS_LABELS[RECOVERY_STEPS[step].to],
      noteLabel: RECOVERY_STEPS[step].noteLabel,
      done: !!at,
      at: at?.toISOString() ?? null,
      by: at ? (event?.actor?.name ?? "someone no longer here") : null,
      note: seesNotes ? note || null : null,
    };
  });
  const escalatedTeams = events.filter((e) => e.kind === "RECOVERY_ESCALATED" && e.toTeamId).map((e) => e.toTeamId!);
  const teamNames = escalatedTeams.length
    ? new Map(
        (await prisma.team.findMany({ where: { id: { in: escalatedTeams } }, select: { id: true, name: true } })).map((t) => [
          t.id,
          t.name,
        ]),
      )
    : new Map<string, string>();
  const next = nextRecoveryStep(row.status);
  return {
    status: row.status,
    statusLabel: RECOVERY_STATUS_LABELS[row.status],
    version: row.version,
    team: row.team.name,
    waitingOn: row.waitingOn.name,
    escalationLevel: row.escalationLevel,
    openedAt: row.createdAt.toISOString(),
    acknowledgeDueAt: row.acknowledgeDueAt.toISOString(),
    overdue: row.status === "OPEN" && row.acknowledgeDueAt <= now,
    rating: { overall: row.rating.overall, label: SATISFACTION_LABELS[row.rating.overall as Score] },
    escalations: events
      .filter((e) => e.kind === "RECOVERY_ESCALATED")
      .map((e) => ({ at: e.at.toISOString(), to: e.toTeamId ? (teamNames.get(e.toTeamId) ?? "a team that no longer exists") : "?" })),
    steps,
    seesNotes,
    canAct,
    /** The step form to offer, for those who may take it. */
    next: next && canAct ? { step: next, action: RECOVERY_STEPS[next].action, noteLabel: RECOVERY_STEPS[next].noteLabel } : null,
    path: recoveryPath(access.request.number),
  };
}

export type RecoveryView = NonNullable<Awaited<ReturnType<typeof getRecoveryView>>>;

// ---------------------------------------------------------------------------------------------

/**
 * Takes one step of the request's recovery case. Throws a 404 response when the request has no
 * case, RecoveryStepError for refusals (403 for people who may not act, 400 for a step out of
 * order) and StaleRecoveryError when the case changed since the form was rendered.
 */
export async function takeRecoveryStep(
  access: RequestAccess,
  step: RecoveryStep,
  input: { version: number; note?: string },
  now = new Date(),
) {
  const { request, user } = access;
  const row = await prisma.recoveryCase.findUnique({
    where: { requestId: request.id },
    select: { id: true, status: true, version: true, teamId: true, team: { select: { name: true } } },
  });
  if (!row) throw notFound();
  if (!canActOnRecovery(user, access.scope, row))
    throw new RecoveryStepError("", `Only managers of ${row.team.name} (or of a team above it) can take the recovery steps.`, 403);
  if (input.version !== row.version) throw new StaleRecoveryError();
  const check = checkRecoveryStep(row.status, step);
  if (!check.ok) throw new RecoveryStepError("", check.message);

  const note = input.note?.trim() || null;
  const data: Prisma.RecoveryCaseUncheckedUpdateManyInput = { status: check.to, version: { increment: 1 }, updatedAt: now };
  if (step === "acknowledge") Object.assign(data, { acknowledgedAt: now, ownerId: user.id });
  if (step === "apologise") Object.assign(data, { apologySentAt: now, apologyNote: note });
  if (step === "correct") Object.assign(data, { actionRecordedAt: now, correctiveAction: note });
  if (step === "close") Object.assign(data, { closedAt: now, closingNote: note });

  await prisma.$transaction(async (tx) => {
    const { count } = await tx.recoveryCase.updateMany({ where: { id: row.id, version: row.version, status: row.status }, data });
    if (count === 0) throw new StaleRecoveryError();
    await tx.requestEvent.create({ data: { requestId: request.id, actorId: user.id, kind: STEP_EVENTS[step], at: now } });
    await tellRequester(tx, access, step, row.team.name, note);
  });
  return { status: check.to };
}

async function tellRequester(tx: Tx, access: RequestAccess, step: RecoveryStep, team: string, note: string | null) {
  const { request, user } = access;
  const ref = formatRequestNumber(request.number);
  const notice = {
    acknowledge: {
      title: `${ref}: ${team} acknowledged the problem`,
      body: `${user.name} has read your rating of "${request.title}" and is putting it right.`,
    },
    apologise: { title: `${ref}: an apology from ${team}`, body: note ?? "" },
    correct: { title: `${ref}: what ${team} changed`, body: note ?? "" },
    close: {
      title: `${ref}: the recovery case is closed. How did we do now?`,
      body: `${note ? `${note}\n\n` : ""}You may rate the service on "${request.title}" once more.`,
    },
  }[step];
  await notify(
    tx,
    [request.requesterId],
    {
      kind: "RECOVERY_UPDATED",
      ...notice,
      link: step === "close" ? ratePath(request.number) : recoveryPath(request.number),
      requestId: request.id,
    },
    user.id,
  );
}

// ---------------------------------------------------------------------------------------------
// Lists for managers.

const LIST_SELECT = {
  id: true,
  status: true,
  escalationLevel: true,
  acknowledgeDueAt: true,
  createdAt: true,
  closedAt: true,
  team: { select: { name: true } },
  waitingOn: { select: { name: true } },
  rating: { select: { overall: true } },
  request: { select: { number: true, title: true } },
} as const;

type ListRow = Prisma.RecoveryCaseGetPayload<{ select: typeof LIST_SELECT }>;

function listItem(row: ListRow, now: Date) {
  return {
    id: row.id,
    ref: formatRequestNumber(row.request.number),
    title: row.request.title,
    path: recoveryPath(row.request.number),
    team: row.team.name,
    waitingOn: row.waitingOn.name,
    status: row.status as RecoveryStatus,
    statusLabel: RECOVERY_STATUS_LABELS[row.status],
    overall: row.rating.overall,
    escalationLevel: row.escalationLevel,
    openedAt: row.createdAt.toISOString(),
    acknowledgeDueAt: row.acknowledgeDueAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    overdue: row.status === "OPEN" && row.acknowledgeDueAt <= now,
  };
}

export type RecoveryListItem = ReturnType<typeof listItem>;

export const RECOVERY_LIST_LIMIT = 200;

/** The cases of the teams the person manages and those below (all, for admins): open ones first. */
export async function listRecoveryCases(actor: Actor, scope: TeamScope, filter: RecoveryFilter | null, now = new Date()) {
  const rows = await prisma.recoveryCase.findMany({
    where: {
      ...listableRecoveryWhere(actor, scope),
      ...(filter === "open" ? { status: { not: "CLOSED" } } : filter === "closed" ? { status: "CLOSED" } : {}),
    },
    orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { acknowledgeDueAt: "asc" }, { id: "asc" }],
    take: RECOVERY_LIST_LIMIT,
    select: LIST_SELECT,
  });
  return rows.map((r) => listItem(r, now));
}

/** Home: the open cases a manager may act on, the most urgent first. */
export async function recoveryCasesToActOn(scope: TeamScope, now = new Date()) {
  if (scope.manages.size === 0) return [];
  const rows = await prisma.recoveryCase.findMany({
    where: { teamId: { in: [...scope.manages] }, status: { not: "CLOSED" } },
    orderBy: [{ acknowledgeDueAt: "asc" }, { id: "asc" }],
    take: 5,
    select: LIST_SELECT,
  });
  return rows.map((r) => listItem(r, now));
}

// ---------------------------------------------------------------------------------------------
// The recovery page's action: one form per step, told apart by its `step` field.

export interface RecoveryActionReply {
  step: RecoveryStep | null;
  result: SubmissionResult<string[]>;
}

function reply(step: RecoveryStep | null, result: SubmissionResult<string[]>, status: number) {
  return json<RecoveryActionReply>({ step, result }, { status });
}

const STEP_DONE: Record<RecoveryStep, string> = {
  acknowledge: "Problem acknowledged; the requester has been told.",
  apologise: "Apology recorded; the requester has been told.",
  correct: "Corrective action recorded; the requester has been told.",
  close: "Recovery case closed; the requester may now rate the service again.",
};

export async function recoveryAction(request: Request, access: RequestAccess, formData: FormData) {
  const step = formData.get("step");
  if (!isRecoveryStep(step))
    return reply(null, { status: "error", error: { "": ["That step isn't one this page knows. Reload the page and try again."] } }, 400);
  const submission = parseWithZod(formData, { schema: recoveryStepSchema(step) });
  if (submission.status !== "success") return reply(step, submission.reply(), 400);
  try {
    await takeRecoveryStep(access, step, submission.value);
    return redirectWithFlash(request, recoveryPath(access.request.number), { kind: "success", message: STEP_DONE[step] });
  } catch (error) {
    if (error instanceof StaleRecoveryError) return reply(step, submission.reply({ formErrors: [error.message] }), 409);
    if (error instanceof RecoveryStepError) {
      const result = error.field
        ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
        : submission.reply({ formErrors: [error.message] });
      return reply(step, result, error.status);
    }
    throw error;
  }
}
