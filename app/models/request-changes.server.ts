// The changes people make to a request from its page. Each runs in one transaction with its
// timeline event and notifications. Changes to the request row are optimistic: they update only
// `where {id, version}` (the version the person's form was rendered from) and increment it, so
// the second of two concurrent edits fails with StaleRequestError instead of overwriting.
// Callers have already checked that the actor may see the request (loadRequestAccess).
import crypto from "node:crypto";
import { prisma, type Tx, isUniqueViolation } from "~/utils/db.server";
import { checkTransition, isOpen, STATUS_LABELS, type LifecycleActor, type RequestStatus } from "~/utils/request-lifecycle";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { ratePath } from "~/utils/rating-rules";
import type { Prisma } from "~/generated/prisma/client";
import { dateFromIso } from "~/validation/request-actions";
import { notify, teamPeople } from "./notification.server";
import type { RequestAccess } from "./request-detail.server";

export const STALE_REQUEST_MESSAGE =
  "This request changed since you opened it. The page now shows its current state: check it, then try again.";

export class StaleRequestError extends Error {
  constructor() {
    super(STALE_REQUEST_MESSAGE);
  }
}

/** Input the person can correct: shown beside `field` (or above the form when field is ""). */
export class RequestChangeError extends Error {
  constructor(
    public field: string,
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

function excerpt(text: string, max = 200) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function labelOf(access: RequestAccess) {
  return `${formatRequestNumber(access.request.number)} ${access.request.title}`;
}

/** Checks the form's version, then applies `data` only if nobody changed the request meanwhile. */
async function updateVersioned(tx: Tx, access: RequestAccess, version: number, data: Prisma.RequestUncheckedUpdateManyInput) {
  if (version !== access.request.version) throw new StaleRequestError();
  const { count } = await tx.request.updateMany({
    where: { id: access.request.id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new StaleRequestError();
}

/**
 * The form was rendered from an older version than the one just read: answer with the conflict
 * before judging the input against a state the person hasn't seen.
 */
function assertFresh(access: RequestAccess, version: number) {
  if (version !== access.request.version) throw new StaleRequestError();
}

/** The assignee if there is one, otherwise everyone in the provider team. */
async function handlers(tx: Tx, access: RequestAccess, assigneeId = access.request.assigneeId) {
  return assigneeId ? [assigneeId] : teamPeople(tx, access.request.providerTeamId);
}

// ---------------------------------------------------------------------------------------------

export async function assignRequest(access: RequestAccess, version: number, assigneeId: string | null, now = new Date()) {
  const { request, user } = access;
  assertFresh(access, version);
  if (assigneeId === request.assigneeId)
    throw new RequestChangeError("assigneeId", assigneeId ? "It's already assigned to that person." : "It's already unassigned.");
  if (request.status === "CLOSED" || request.status === "CANCELLED")
    throw new RequestChangeError(
      "assigneeId",
      `The request is ${STATUS_LABELS[request.status].toLowerCase()}: there's nothing left to assign.`,
    );
  let assignee: { id: string; name: string } | null = null;
  if (assigneeId) {
    assignee = await prisma.user.findFirst({
      where: {
        id: assigneeId,
        active: true,
        ...(assigneeId === user.id ? {} : { memberships: { some: { teamId: request.providerTeamId } } }),
      },
      select: { id: true, name: true },
    });
    if (!assignee) throw new RequestChangeError("assigneeId", "Choose yourself or someone in the team handling the request.");
  }
  await prisma.$transaction(async (tx) => {
    await updateVersioned(tx, access, version, { assigneeId });
    await tx.requestEvent.create({ data: { requestId: request.id, actorId: user.id, kind: "ASSIGNED", at: now, assigneeId } });
    if (assignee) {
      await notify(
        tx,
        [assignee.id],
        {
          kind: "REQUEST_ASSIGNED",
          title: `${formatRequestNumber(request.number)} is assigned to you`,
          body: `${user.name} assigned "${request.title}" to you.`,
          link: requestPath(request.number),
          requestId: request.id,
        },
        user.id,
      );
    }
  });
  return { assignee };
}

// ---------------------------------------------------------------------------------------------

/**
 * Which role the person acts in for this transition: as the team handling it if that role may
 * make it, otherwise as the requester. Returns the lifecycle's refusal when neither may.
 */
function chooseActor(access: RequestAccess, to: RequestStatus, now: Date) {
  const roles: LifecycleActor[] = [...(access.provider ? ["provider" as const] : []), ...(access.requester ? ["requester" as const] : [])];
  let refusal = "";
  for (const role of roles) {
    const check = checkTransition(access.request.status, to, role, { resolvedAt: access.request.resolvedAt, now });
    if (check.ok) return { role, reopen: check.reopen };
    refusal ||= check.message;
  }
  if (!roles.length)
    throw new RequestChangeError("to", "Only the person who raised it or the team handling it can change its status.", 403);
  throw new RequestChangeError("to", refusal);
}

export async function changeStatus(access: RequestAccess, version: number, to: RequestStatus, now = new Date()) {
  const { request, user } = access;
  assertFresh(access, version);
  const { role, reopen } = chooseActor(access, to, now);
  const data: Prisma.RequestUncheckedUpdateManyInput = { status: to };
  if (to === "RESOLVED") data.resolvedAt = now;
  if (to === "CLOSED") data.closedAt = now;
  if (to === "CANCELLED") data.cancelledAt = now;
  if (reopen) {
    data.resolvedAt = null;
    data.closedAt = null;
    data.reopenCount = { increment: 1 };
  }
  // A status change by the team handling it is a response (DESIGN.md, Measures).
  if (role === "provider" && !request.firstResponseAt) data.firstResponseAt = now;

  await prisma.$transaction(async (tx) => {
    await updateVersioned(tx, access, version, data);
    await tx.requestEvent.create({
      data: {
        requestId: request.id,
        actorId: user.id,
        kind: reopen ? "REOPENED" : "STATUS_CHANGED",
        at: now,
        fromStatus: request.status,
        toStatus: to,
      },
    });
    const ref = formatRequestNumber(request.number);
    // Resolving asks the requester to rate the service (issue 4): one notice that says both.
    const notice =
      to === "RESOLVED" && role === "provider"
        ? {
            kind: "RATING_REQUESTED" as const,
            title: `${ref} is resolved — how did we do?`,
            body: `${user.name} resolved "${request.title}". Please rate the service: it takes a minute, and it tells the team what to keep doing.`,
            link: ratePath(request.number),
            requestId: request.id,
          }
        : {
            kind: "STATUS_CHANGED" as const,
            title: reopen ? `${ref} was reopened` : `${ref} is now ${STATUS_LABELS[to].toLowerCase()}`,
            body: `${user.name} changed "${request.title}" from ${STATUS_LABELS[request.status].toLowerCase()} to ${STATUS_LABELS[to].toLowerCase()}.`,
            link: requestPath(request.number),
            requestId: request.id,
          };
    const recipients = role === "provider" ? [request.requesterId] : await handlers(tx, access);
    await notify(tx, recipients, notice, user.id);
  });
  return { role, reopen };
}

// ---------------------------------------------------------------------------------------------

/**
 * Adds a public reply or an internal note. `formToken` makes a second submit of the same form
 * find the first comment instead of adding another. Returns whether it was such a duplicate.
 */
export async function addComment(access: RequestAccess, input: { body: string; internal: boolean; formToken: string }, now = new Date()) {
  const { request, user } = access;
  if (input.internal && !access.seesNotes)
    throw new RequestChangeError("body", "Only the team handling the request can add internal notes.", 403);
  // The key is per person, so one person's token can't collide with another's.
  const submissionKey = `${user.id}:${input.formToken}`;
  const findEarlier = () => prisma.comment.findFirst({ where: { submissionKey, authorId: user.id }, select: { id: true } });
  if (await findEarlier()) return { duplicate: true };

  try {
    await prisma.$transaction(async (tx) => {
      const comment = await tx.comment.create({
        data: {
          id: crypto.randomUUID(),
          requestId: request.id,
          authorId: user.id,
          body: input.body,
          internal: input.internal,
          submissionKey,
          createdAt: now,
        },
        select: { id: true },
      });
      await tx.requestEvent.create({
        data: {
          requestId: request.id,
          actorId: user.id,
          kind: input.internal ? "NOTE_ADDED" : "COMMENTED",
          at: now,
          commentId: comment.id,
        },
      });
      if (input.internal) return;

      // The first public reply by the team handling it is the first response (only once).
      if (access.provider) {
        await tx.request.updateMany({ where: { id: request.id, firstResponseAt: null }, data: { firstResponseAt: now } });
      }
      // The requester answering the question the team asked puts the request back in their hands.
      if (access.requester && !access.provider && request.status === "WAITING_ON_REQUESTER") {
        const { count } = await tx.request.updateMany({
          where: { id: request.id, status: "WAITING_ON_REQUESTER" },
          data: { status: "IN_PROGRESS", version: { increment: 1 } },
        });
        if (count) {
          await tx.requestEvent.create({
            data: {
              requestId: request.id,
              actorId: user.id,
              kind: "STATUS_CHANGED",
              at: now,
              fromStatus: "WAITING_ON_REQUESTER",
              toStatus: "IN_PROGRESS",
            },
          });
        }
      }
      const recipients = new Set<string>();
      if (!access.requester) recipients.add(request.requesterId);
      if (!access.provider) for (const id of await handlers(tx, access)) recipients.add(id);
      await notify(
        tx,
        recipients,
        {
          kind: "REQUEST_REPLY",
          title: `New reply on ${labelOf(access)}`,
          body: `${user.name}: ${excerpt(input.body)}`,
          link: requestPath(request.number),
          requestId: request.id,
        },
        user.id,
      );
    });
  } catch (error) {
    // Two submits of the same form raced past the first check: the loser finds the winner's.
    if (isUniqueViolation(error) && (await findEarlier())) return { duplicate: true };
    throw error;
  }
  return { duplicate: false };
}

// ---------------------------------------------------------------------------------------------

export async function setPromise(access: RequestAccess, version: number, input: { promisedAt: string; reason: string }, now = new Date()) {
  const { request, user } = access;
  assertFresh(access, version);
  if (!isOpen(request.status))
    throw new RequestChangeError(
      "promisedAt",
      `The request is ${STATUS_LABELS[request.status].toLowerCase()}: there's nothing left to promise.`,
    );
  const promisedAt = dateFromIso(input.promisedAt);
  if (request.promisedAt && request.promisedAt.getTime() === promisedAt.getTime())
    throw new RequestChangeError("promisedAt", "That's already the promised date.");
  const changed = !!request.promisedAt;
  await prisma.$transaction(async (tx) => {
    await updateVersioned(tx, access, version, { promisedAt });
    await tx.requestEvent.create({
      data: { requestId: request.id, actorId: user.id, kind: "PROMISE_SET", at: now, promisedAt, reason: input.reason },
    });
    const date = promisedAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    await notify(
      tx,
      [request.requesterId],
      {
        kind: "PROMISE_CHANGED",
        title: `${formatRequestNumber(request.number)} ${changed ? "is now promised" : "is promised"} by ${date}`,
        body: `${user.name} on "${request.title}": ${input.reason}`,
        link: requestPath(request.number),
        requestId: request.id,
      },
      user.id,
    );
  });
  return { changed };
}

// ---------------------------------------------------------------------------------------------

export async function transferRequest(
  access: RequestAccess,
  version: number,
  input: { toTeamId: string; typeId: string; reason: string },
  now = new Date(),
) {
  const { request, user } = access;
  assertFresh(access, version);
  if (!isOpen(request.status))
    throw new RequestChangeError("toTeamId", `The request is ${STATUS_LABELS[request.status].toLowerCase()}: it can't be transferred now.`);
  if (input.toTeamId === request.providerTeamId) throw new RequestChangeError("toTeamId", "It's already with this team.");
  const [team, type, fromTeam] = await Promise.all([
    prisma.team.findUnique({ where: { id: input.toTeamId }, select: { id: true, name: true, acceptsRequests: true } }),
    prisma.requestType.findUnique({ where: { id: input.typeId }, select: { id: true, name: true, teamId: true, active: true } }),
    prisma.team.findUniqueOrThrow({ where: { id: request.providerTeamId }, select: { name: true } }),
  ]);
  if (!team || !team.acceptsRequests)
    throw new RequestChangeError("toTeamId", "Choose a team from the list: that one doesn't take requests.");
  if (!type || type.teamId !== team.id) throw new RequestChangeError("typeId", `Choose one of ${team.name}'s request types.`);
  if (!type.active) throw new RequestChangeError("typeId", `${team.name} no longer offers "${type.name}". Choose another type.`);

  await prisma.$transaction(async (tx) => {
    // Number, history and SLA due dates stay; the new team decides who works on it.
    await updateVersioned(tx, access, version, {
      providerTeamId: team.id,
      typeId: type.id,
      assigneeId: null,
      transferCount: { increment: 1 },
    });
    await tx.requestEvent.create({
      data: {
        requestId: request.id,
        actorId: user.id,
        kind: "TRANSFERRED",
        at: now,
        fromTeamId: request.providerTeamId,
        toTeamId: team.id,
        reason: input.reason,
      },
    });
    const ref = formatRequestNumber(request.number);
    const link = requestPath(request.number);
    await notify(
      tx,
      // The requester hears about it once, in their own words below.
      (await teamPeople(tx, team.id)).filter((id) => id !== request.requesterId),
      {
        kind: "REQUEST_TRANSFERRED",
        title: `${ref} was transferred to ${team.name}: ${request.title}`,
        body: `${user.name} transferred it from ${fromTeam.name} (${type.name}): ${input.reason}`,
        link,
        requestId: request.id,
      },
      user.id,
    );
    await notify(
      tx,
      [request.requesterId],
      {
        kind: "REQUEST_TRANSFERRED",
        title: `${ref} is now with ${team.name}`,
        body: `${user.name} passed "${request.title}" from ${fromTeam.name} to ${team.name}: ${input.reason}`,
        link,
        requestId: request.id,
      },
      user.id,
    );
  });
  return { team };
}
