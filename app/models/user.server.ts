// People: the directory, and the admin's work on accounts (create with an invitation, edit,
// change the global role, deactivate and reactivate).
import crypto from "node:crypto";
import { prisma, isUniqueViolation, type Tx } from "~/utils/db.server";
import { passwordSignInEnabled } from "~/utils/oidc.server";
import type { GlobalRole } from "~/generated/prisma/client";
import { audit } from "./audit.server";
import { issueAuthToken } from "./auth-token.server";
import { queueEmail } from "./outbound-email.server";
import { containsExactly, containsIgnoringCase } from "~/utils/text-match";

export const PEOPLE_PAGE_SIZE = 50;

export async function listPeople({ query, after, status }: { query?: string; after?: string; status?: "active" | "inactive" | "all" }) {
  const q = query?.trim();
  const rows = await prisma.user.findMany({
    where: {
      ...(status === "inactive" ? { active: false } : status === "all" ? {} : { active: true }),
      ...(q
        ? {
            OR: [{ name: containsIgnoringCase(q) }, { email: containsExactly(q.toLowerCase()) }, { title: containsIgnoringCase(q) }],
          }
        : {}),
    },
    // Keyset pagination on (name, id): stable and fast however deep.
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    take: PEOPLE_PAGE_SIZE + 1,
    select: {
      id: true,
      name: true,
      email: true,
      title: true,
      role: true,
      active: true,
      password: { select: { userId: true } },
      memberships: { select: { role: true, team: { select: { name: true, slug: true } } }, orderBy: { team: { name: "asc" } } },
    },
  });
  const hasMore = rows.length > PEOPLE_PAGE_SIZE;
  const people = rows.slice(0, PEOPLE_PAGE_SIZE).map(({ password, ...p }) => ({ ...p, invitationPending: invitationPending(password) }));
  return { people, nextCursor: hasMore ? people[people.length - 1]?.id : undefined };
}

export async function getPerson(id: string) {
  const person = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      title: true,
      role: true,
      active: true,
      createdAt: true,
      updatedAt: true,
      deactivatedAt: true,
      password: { select: { userId: true } },
      memberships: { select: { role: true, team: { select: { id: true, name: true, slug: true } } }, orderBy: { team: { name: "asc" } } },
    },
  });
  if (!person) return null;
  const { password, ...rest } = person;
  return { ...rest, invitationPending: invitationPending(password) };
}

export class EmailTakenError extends Error {
  constructor() {
    super("Someone already has this email address.");
  }
}

/**
 * Still to accept their invitation: no password chosen yet. With password sign-in off nobody
 * chooses one: a person can sign in with single sign-on from the moment they exist.
 */
function invitationPending(password: unknown) {
  return !password && passwordSignInEnabled();
}

/**
 * The invitation email, in the transaction that creates the person (or sends it again). With
 * password sign-in off it says how to sign in and carries no link that could set a password.
 */
async function sendInvitation(tx: Tx, person: { id: string; name: string; email: string }, inviter: string, baseUrl: string) {
  const how = passwordSignInEnabled()
    ? `Choose your password here (the link works for 7 days):\n\n${baseUrl}/invitation/${await issueAuthToken(tx, person.id, "INVITATION")}\n`
    : `Sign in with your organisation's account (single sign-on) here:\n\n${baseUrl}/login\n`;
  await queueEmail(tx, {
    to: person.email,
    subject: "You're invited to Upstream",
    text:
      `Hello ${person.name},\n\n${inviter} has created an Upstream account for you. Upstream is where teams ask each other ` +
      `for help, rate the service they get, and pass on what customers tell them.\n\n${how}`,
  });
}

export async function createPerson(
  actor: { id: string; name: string },
  input: { name: string; email: string; title: string; role: GlobalRole },
  baseUrl: string,
  ip: string,
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { id: crypto.randomUUID(), name: input.name, email: input.email, title: input.title, role: input.role },
        select: { id: true },
      });
      await sendInvitation(tx, { id: user.id, name: input.name, email: input.email }, actor.name, baseUrl);
      await audit(
        { action: "user.created", actorId: actor.id, targetType: "user", targetId: user.id, ip, details: { role: input.role } },
        tx,
      );
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

export async function resendInvitation(actor: { id: string; name: string }, userId: string, baseUrl: string, ip: string) {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true } });
    await sendInvitation(tx, user, actor.name, baseUrl);
    await audit({ action: "user.invitation_sent", actorId: actor.id, targetType: "user", targetId: userId, ip }, tx);
  });
}

export class StaleRecordError extends Error {
  constructor() {
    super("Someone else changed this record since you opened it.");
  }
}

/** Optimistic concurrency on updatedAt: the form carries the version it was rendered from. */
export async function updatePerson(
  actorId: string,
  id: string,
  version: Date,
  input: { name: string; email: string; title: string; role: GlobalRole },
  ip: string,
  options: { mayChangeRole: boolean },
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id }, select: { role: true, updatedAt: true } });
      const role = options.mayChangeRole ? input.role : before.role;
      const { count } = await tx.user.updateMany({
        where: { id, updatedAt: version },
        data: { name: input.name, email: input.email, title: input.title, role },
      });
      if (count === 0) throw new StaleRecordError();
      await audit({ action: "user.updated", actorId, targetType: "user", targetId: id, ip }, tx);
      if (role !== before.role) {
        await audit(
          { action: "user.role_changed", actorId, targetType: "user", targetId: id, ip, details: { from: before.role, to: role } },
          tx,
        );
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/** Deactivation takes effect at once: every session of the person ends in the same transaction. */
export async function setPersonActive(actorId: string, id: string, active: boolean, ip: string) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { active, deactivatedAt: active ? null : new Date() } });
    if (!active) await tx.session.deleteMany({ where: { userId: id } });
    await audit({ action: active ? "user.reactivated" : "user.deactivated", actorId, targetType: "user", targetId: id, ip }, tx);
  });
}
