// Invitation and password-reset tokens: 256 random bits, sent by email, stored only as a
// SHA-256 hash, single use, and short-lived.
import crypto from "node:crypto";
import { prisma, type Tx } from "~/utils/db.server";
import type { AuthTokenPurpose } from "~/generated/prisma/client";

export const TOKEN_LIFETIME_MS: Record<AuthTokenPurpose, number> = {
  PASSWORD_RESET: 60 * 60_000,
  INVITATION: 7 * 24 * 60 * 60_000,
};

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Issues a new token; earlier unused tokens of the same purpose stop working. */
export async function issueAuthToken(tx: Tx, userId: string, purpose: AuthTokenPurpose) {
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.authToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
  await tx.authToken.create({
    data: { tokenHash: hashToken(token), userId, purpose, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]) },
  });
  return token;
}

/** The token's user if it is valid (unused, unexpired, user active); does not use it up. */
export async function findValidToken(token: string, purpose: AuthTokenPurpose) {
  if (!token || token.length > 200) return null;
  const row = await prisma.authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, active: true } } },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date() || !row.user.active) return null;
  return row.user;
}

/** Marks the token used; returns false if it was already used (e.g. a double submit). */
export async function consumeToken(tx: Tx, token: string, purpose: AuthTokenPurpose) {
  const { count } = await tx.authToken.updateMany({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
