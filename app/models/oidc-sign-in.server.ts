// Single sign-on, the account half: the provider has vouched for an email (utils/oidc.server.ts);
// here it becomes a session for the active account with that email, or, when the organisation
// allows it, a new account in the default team. Audited like password sign-in.
import crypto from "node:crypto";
import { prisma, isUniqueViolation } from "~/utils/db.server";
import { createUserSession } from "~/utils/auth.server";
import { audit } from "./audit.server";

export type OidcSignInResult =
  | { ok: true; userId: string; setCookie: string; created: boolean }
  | { ok: false; reason: "unknown account" | "deactivated" | "default team missing" };

interface Identity {
  /** Verified by the provider, lower-cased (emails are stored lower-cased). */
  email: string;
  name: string;
}

async function createAccount(identity: Identity, teamSlug: string, ip: string) {
  try {
    return await prisma.$transaction(async (tx) => {
      const team = await tx.team.findUnique({ where: { slug: teamSlug }, select: { id: true } });
      if (!team) return null;
      const user = await tx.user.create({
        data: { id: crypto.randomUUID(), email: identity.email, name: identity.name, role: "EMPLOYEE" },
        select: { id: true, active: true },
      });
      await tx.membership.create({ data: { userId: user.id, teamId: team.id, role: "MEMBER" } });
      await audit(
        { action: "user.created", actorId: null, targetType: "user", targetId: user.id, ip, details: { via: "single sign-on" } },
        tx,
      );
      return user;
    });
  } catch (error) {
    // Two first sign-ins at once: the other one created the account.
    if (isUniqueViolation(error)) return prisma.user.findUnique({ where: { email: identity.email }, select: { id: true, active: true } });
    throw error;
  }
}

export async function signInWithOidc(
  request: Request,
  identity: Identity,
  ip: string,
  options: { createUsers: boolean; defaultTeam?: string },
): Promise<OidcSignInResult> {
  let user = await prisma.user.findUnique({ where: { email: identity.email }, select: { id: true, active: true } });
  let created = false;
  if (!user && options.createUsers && options.defaultTeam) {
    user = await createAccount(identity, options.defaultTeam, ip);
    if (!user) {
      await audit({ action: "auth.sign_in_failed", ip, details: { method: "single sign-on", reason: "default team missing" } });
      return { ok: false, reason: "default team missing" };
    }
    created = true;
  }
  if (!user || !user.active) {
    await audit({
      action: "auth.sign_in_failed",
      actorId: user?.id ?? null,
      ip,
      // As for password sign-in, an unknown account is recorded with the email it was tried for.
      details: user
        ? { method: "single sign-on", reason: "deactivated" }
        : { method: "single sign-on", reason: "unknown account", email: identity.email },
    });
    return { ok: false, reason: user ? "deactivated" : "unknown account" };
  }
  const setCookie = await createUserSession(request, user.id);
  await audit({ action: "auth.sign_in", actorId: user.id, ip, details: { method: "single sign-on" } });
  return { ok: true, userId: user.id, setCookie, created };
}
