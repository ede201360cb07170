// Kudos: thanks from one person to a person or a team, optionally about a request. The wall, the
// lists on profiles and team pages (one query each, hidden kudos left out for everyone), sending
// one (checked, written and notified in one transaction; a double submit of the same form finds
// the first), and hiding one (audited).
import crypto from "node:crypto";
import { prisma, isUniqueViolation } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { decodeNotificationCursor, encodeNotificationCursor } from "~/utils/notifications";
import { formatRequestNumber, parseRequestNumber } from "~/utils/request-number";
import { notFound, type Actor } from "~/policies/authorize.server";
import { canHideKudos, mayHideAnyKudos } from "~/policies/kudos.server";
import { canViewRequest } from "~/policies/request.server";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "./audit.server";
import { notify, teamPeople } from "./notification.server";
import type { TeamScope } from "./team-scope.server";
import { containsExactly, containsIgnoringCase } from "~/utils/text-match";

export const KUDOS_PAGE_SIZE = 25;

export type KudosRecipient = { kind: "person"; id: string; name: string } | { kind: "team"; id: string; slug: string; name: string };

export interface KudosEntry {
  id: string;
  message: string;
  createdAt: Date;
  author: { id: string; name: string };
  recipient: KudosRecipient;
  /** Only the number: the wall is open to all, the request (and its title) may not be. */
  requestNumber: number | null;
  mayHide: boolean;
}

function entrySelect(withRecipientTeams: boolean) {
  return {
    id: true,
    message: true,
    createdAt: true,
    recipientTeamId: true,
    author: { select: { id: true, name: true } },
    recipientUser: {
      select: { id: true, name: true, ...(withRecipientTeams ? { memberships: { select: { teamId: true } } } : {}) },
    },
    recipientTeam: { select: { id: true, name: true, slug: true } },
    request: { select: { number: true } },
  } satisfies Prisma.KudosSelect;
}

type EntryRow = Prisma.KudosGetPayload<{ select: ReturnType<typeof entrySelect> }> & {
  recipientUser: { memberships?: Array<{ teamId: string }> } | null;
};

function toEntry(row: EntryRow, mayHide: (row: EntryRow) => boolean = () => false): KudosEntry {
  const recipient: KudosRecipient = row.recipientTeam
    ? { kind: "team", ...row.recipientTeam }
    : { kind: "person", id: row.recipientUser!.id, name: row.recipientUser!.name };
  return {
    id: row.id,
    message: row.message,
    createdAt: row.createdAt,
    author: row.author,
    recipient,
    requestNumber: row.request?.number ?? null,
    mayHide: mayHide(row),
  };
}

/** Kudos to the team, or to anyone who is a member of it now. */
function forTeamWhere(teamId: string): Prisma.KudosWhereInput {
  return { OR: [{ recipientTeamId: teamId }, { recipientUser: { memberships: { some: { teamId } } } }] };
}

/** The wall, newest first, keyset-paginated on (created_at, id); optionally one team's kudos. */
export async function listKudosWall(
  viewer: { user: Actor; scope: TeamScope },
  { teamId, before }: { teamId?: string; before?: string | null },
) {
  const cursor = decodeNotificationCursor(before);
  // Only people who could hide something need the recipients' teams.
  const checkHide = mayHideAnyKudos(viewer.user, viewer.scope);
  const rows: EntryRow[] = await prisma.kudos.findMany({
    where: {
      hiddenAt: null,
      AND: [
        teamId ? forTeamWhere(teamId) : {},
        cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: KUDOS_PAGE_SIZE + 1,
    select: entrySelect(checkHide),
  });
  const page = rows.slice(0, KUDOS_PAGE_SIZE);
  const last = page[page.length - 1];
  const mayHide = (row: EntryRow) =>
    checkHide &&
    canHideKudos(viewer.user, viewer.scope, {
      recipientTeamId: row.recipientTeamId,
      recipientPersonTeamIds: row.recipientUser?.memberships?.map((m) => m.teamId) ?? [],
    });
  return {
    kudos: page.map((row) => toEntry(row, mayHide)),
    nextCursor: rows.length > KUDOS_PAGE_SIZE && last ? encodeNotificationCursor(last) : null,
    isFirstPage: !cursor,
  };
}

/** The latest visible kudos to a team or its members, for the team page. */
export async function latestKudosForTeam(teamId: string, take = 5) {
  const rows = await prisma.kudos.findMany({
    where: { hiddenAt: null, ...forTeamWhere(teamId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: entrySelect(false),
  });
  return rows.map((row) => toEntry(row));
}

/** The latest visible kudos a person received, for their profile. */
export async function latestKudosForPerson(userId: string, take = 20) {
  const rows = await prisma.kudos.findMany({
    where: { hiddenAt: null, recipientUserId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: entrySelect(false),
  });
  return rows.map((row) => toEntry(row));
}

// ---------------------------------------------------------------------------------------------
// Sending

export class KudosInputError extends Error {
  constructor(
    public field: "recipientId" | "request",
    message: string,
    /** No such person, team or (visible) request, as opposed to one that can't be thanked. */
    public missing = false,
  ) {
    super(message);
  }
}

/**
 * The person or team named by a form or link, or a KudosInputError saying why they can't be
 * thanked. A person may thank any team, their own included (a team is thanked as a whole); they
 * may not thank themselves.
 */
export async function resolveRecipient(authorId: string, kind: "person" | "team", key: { id?: string; slug?: string }) {
  if (kind === "team") {
    const team = await prisma.team.findUnique({
      where: key.id ? { id: key.id } : { slug: key.slug ?? "" },
      select: { id: true, name: true, slug: true },
    });
    if (!team) throw new KudosInputError("recipientId", "We couldn't find that team. Choose one from the list.", true);
    return { kind, ...team } satisfies KudosRecipient;
  }
  const person = key.id ? await prisma.user.findUnique({ where: { id: key.id }, select: { id: true, name: true, active: true } }) : null;
  if (!person) throw new KudosInputError("recipientId", "We couldn't find that person. Search for them by name or email.", true);
  if (person.id === authorId) throw new KudosInputError("recipientId", "You can't send kudos to yourself. Thank someone who helped you.");
  if (!person.active) throw new KudosInputError("recipientId", `${person.name} is no longer active, so they can't receive kudos.`);
  return { kind, id: person.id, name: person.name } satisfies KudosRecipient;
}

/**
 * The request a kudos is about ("REQ-1042"), if the author may see it. Unknown and not-visible
 * numbers get the same message, so the form reveals nothing about other teams' requests.
 */
export async function resolveRequest(author: Actor, scope: TeamScope, ref: string) {
  const number = parseRequestNumber(ref);
  const request =
    number === null
      ? null
      : await prisma.request.findUnique({
          where: { number },
          select: {
            id: true,
            number: true,
            requesterId: true,
            requestingTeamId: true,
            providerTeamId: true,
            providerTeam: { select: { id: true, name: true, slug: true } },
            assignee: { select: { id: true, name: true, active: true } },
          },
        });
  if (!request || !canViewRequest(author, scope, request)) {
    const ref = number === null ? "that request" : formatRequestNumber(number);
    throw new KudosInputError("request", `We couldn't find ${ref}, so the kudos can't be about it.`, true);
  }
  return { id: request.id, number: request.number, providerTeam: request.providerTeam, assignee: request.assignee };
}

export interface SendKudosInput {
  formToken: string;
  recipientType: "person" | "team";
  recipientId: string;
  request?: string;
  message: string;
}

async function findBySubmission(authorId: string, submissionKey: string) {
  const row = await prisma.kudos.findFirst({
    where: { submissionKey, authorId },
    select: { id: true, recipientUser: { select: { name: true } }, recipientTeam: { select: { name: true } } },
  });
  return row ? { id: row.id, recipientName: row.recipientTeam?.name ?? row.recipientUser?.name ?? "", duplicate: true } : null;
}

/** Where a kudos notification points: the recipient's own list, where it is near the top. */
function kudosLink(id: string, recipient: KudosRecipient) {
  return recipient.kind === "team"
    ? `/kudos?team=${encodeURIComponent(recipient.slug)}#kudos-${id}`
    : `/people/${recipient.id}#kudos-${id}`;
}

export async function sendKudos(
  author: Actor & { name: string },
  scope: TeamScope,
  input: SendKudosInput,
  now = new Date(),
): Promise<{ id: string; recipientName: string; duplicate: boolean }> {
  // The key is per person, so one person's token can't collide with another's.
  const submissionKey = `${author.id}:${input.formToken}`;
  const earlier = await findBySubmission(author.id, submissionKey);
  if (earlier) return earlier;

  const recipient = await resolveRecipient(author.id, input.recipientType, { id: input.recipientId });
  const request = input.request ? await resolveRequest(author, scope, input.request) : null;
  const id = crypto.randomUUID();
  try {
    await prisma.$transaction(async (tx) => {
      await tx.kudos.create({
        data: {
          id,
          authorId: author.id,
          recipientUserId: recipient.kind === "person" ? recipient.id : null,
          recipientTeamId: recipient.kind === "team" ? recipient.id : null,
          requestId: request?.id ?? null,
          message: input.message,
          submissionKey,
          createdAt: now,
        },
      });
      await notify(
        tx,
        recipient.kind === "team" ? await teamPeople(tx, recipient.id) : [recipient.id],
        {
          kind: "KUDOS_RECEIVED",
          title: recipient.kind === "team" ? `${author.name} sent ${recipient.name} kudos` : `${author.name} sent you kudos`,
          body: input.message,
          link: kudosLink(id, recipient),
        },
        author.id,
      );
    });
  } catch (error) {
    // Two submits raced past the first check: the loser finds the winner's kudos.
    if (isUniqueViolation(error)) {
      const winner = await findBySubmission(author.id, submissionKey);
      if (winner) return winner;
    }
    throw error;
  }
  return { id, recipientName: recipient.name, duplicate: false };
}

// ---------------------------------------------------------------------------------------------
// Hiding

/**
 * Throws 404 unless the kudos exists and the person may hide it — checked before the reason is,
 * so someone who may not hide a kudos learns nothing about it from the answer.
 */
export async function assertMayHideKudos(actor: Actor, scope: TeamScope, id: string) {
  const kudos = await prisma.kudos.findUnique({
    where: { id },
    select: { recipientTeamId: true, recipientUser: { select: { memberships: { select: { teamId: true } } } } },
  });
  const allowed =
    !!kudos &&
    canHideKudos(actor, scope, {
      recipientTeamId: kudos.recipientTeamId,
      recipientPersonTeamIds: kudos.recipientUser?.memberships.map((m) => m.teamId) ?? [],
    });
  if (!allowed) {
    log.warn("access denied", { userId: actor.id, permission: "kudos.hide", kudosId: id });
    throw notFound();
  }
}

/**
 * Hides a kudos from the wall, profiles and team pages for everyone, recording who, when and why
 * (also in the audit log). One hidden meanwhile by someone else is left as it was.
 */
export async function hideKudos(actorId: string, id: string, reason: string, ip: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.kudos.updateMany({
      where: { id, hiddenAt: null },
      data: { hiddenAt: now, hiddenById: actorId, hiddenReason: reason },
    });
    if (count === 0) return { hidden: false as const };
    await audit({ action: "kudos.hidden", actorId, targetType: "kudos", targetId: id, ip, details: { reason } }, tx);
    return { hidden: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Choosing a recipient

const PEOPLE_SEARCH_LIMIT = 20;

/** Active people other than the searcher whose name, email or title matches, by name. */
export async function searchRecipients(searcherId: string, query: string) {
  const q = query.trim();
  if (!q) return [];
  return prisma.user.findMany({
    where: {
      active: true,
      id: { not: searcherId },
      OR: [{ name: containsIgnoringCase(q) }, { email: containsExactly(q.toLowerCase()) }, { title: containsIgnoringCase(q) }],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PEOPLE_SEARCH_LIMIT,
    select: { id: true, name: true, email: true, title: true },
  });
}

/** Every team, by name: for the team choice on the form and the wall's filter. */
export function teamChoices() {
  return prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } });
}

/** Rendered into the form; a second submit with the same token finds the first kudos. */
export function newKudosFormToken() {
  return crypto.randomBytes(18).toString("base64url");
}
