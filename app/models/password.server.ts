// Password sign-in, change and reset.
import { prisma } from "~/utils/db.server";
import { createUserSession, endUserSessions, hashPassword, spendPasswordCheckTime, verifyPassword } from "~/utils/auth.server";
import { audit } from "./audit.server";
import { checkSignInThrottle, clearAccountFailures, recordSignInFailure } from "./sign-in-throttle.server";
import { consumeToken, findValidToken, issueAuthToken } from "./auth-token.server";
import { queueEmail } from "./outbound-email.server";

export type SignInResult =
  { ok: true; userId: string; setCookie: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAt: Date };

export async function signInWithPassword(request: Request, email: string, password: string, ip: string): Promise<SignInResult> {
  const throttle = await checkSignInThrottle(email, ip);
  if (throttle.blocked) {
    await audit({ action: "auth.sign_in_throttled", ip, details: { email } });
    return { ok: false, reason: "throttled", retryAt: throttle.retryAt! };
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, active: true, password: { select: { hash: true } } },
  });
  const valid = user?.password ? await verifyPassword(user.password.hash, password) : (await spendPasswordCheckTime(password), false);
  if (!user || !valid || !user.active) {
    await recordSignInFailure(email, ip);
    await audit({
      action: "auth.sign_in_failed",
      actorId: user?.id ?? null,
      ip,
      details: { email, reason: !user ? "unknown account" : !valid ? "wrong password" : "deactivated" },
    });
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(email);
  const setCookie = await createUserSession(request, user.id);
  await audit({ action: "auth.sign_in", actorId: user.id, ip });
  return { ok: true, userId: user.id, setCookie };
}

export async function changePassword(userId: string, currentSessionId: string, current: string, next: string, ip: string) {
  const row = await prisma.password.findUnique({ where: { userId }, select: { hash: true } });
  if (!row || !(await verifyPassword(row.hash, current))) return { ok: false as const };
  const hash = await hashPassword(next);
  await prisma.password.update({ where: { userId }, data: { hash } });
  // Anyone else signed in as this person (a stolen session, say) is signed out.
  await endUserSessions(userId, { except: currentSessionId });
  await audit({ action: "auth.password_changed", actorId: userId, ip });
  return { ok: true as const };
}

/** Always looks the same to the caller, whether or not the email belongs to someone. */
export async function requestPasswordReset(email: string, baseUrl: string, ip: string) {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true, active: true } });
  if (!user?.active) {
    await audit({ action: "auth.password_reset_requested", ip, details: { email, outcome: "no active account" } });
    return;
  }
  await prisma.$transaction(async (tx) => {
    const token = await issueAuthToken(tx, user.id, "PASSWORD_RESET");
    await queueEmail(tx, {
      to: email,
      subject: "Reset your Upstream password",
      text:
        `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your Upstream account.\n` +
        `Choose a new password here within the next hour:\n\n${baseUrl}/reset-password/${token}\n\n` +
        `If you didn't ask for this, ignore this email: your password stays as it is.\n`,
    });
    await audit({ action: "auth.password_reset_requested", actorId: user.id, ip, details: { outcome: "email queued" } }, tx);
  });
}

/** Sets a password from an invitation or reset link. Ends every other session of the person. */
export async function setPasswordWithToken(token: string, purpose: "INVITATION" | "PASSWORD_RESET", password: string, ip: string) {
  const user = await findValidToken(token, purpose);
  if (!user) return { ok: false as const };
  const hash = await hashPassword(password);
  const done = await prisma.$transaction(async (tx) => {
    if (!(await consumeToken(tx, token, purpose))) return false;
    await tx.password.upsert({ where: { userId: user.id }, create: { userId: user.id, hash }, update: { hash } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await audit({ action: purpose === "INVITATION" ? "auth.invitation_accepted" : "auth.password_reset", actorId: user.id, ip }, tx);
    return true;
  });
  return done ? { ok: true as const, user } : { ok: false as const };
}
