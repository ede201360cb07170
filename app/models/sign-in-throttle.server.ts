// Sign-in throttling kept in the database, so it holds across every app instance: after 5
// failures for one account in 15 minutes, or 30 from one address, attempts are refused until
// the oldest failure leaves the window. Unknown accounts are counted exactly like known ones,
// so the answer never reveals whether an email exists.
import { prisma } from "~/utils/db.server";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

export interface ThrottleState {
  blocked: boolean;
  /** When blocked: when the next attempt will be allowed. */
  retryAt?: Date;
}

export async function checkSignInThrottle(email: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [account, address] = await Promise.all(
    [
      { key: accountKey(email), max: MAX_FAILURES_PER_ACCOUNT },
      { key: addressKey(ip), max: MAX_FAILURES_PER_ADDRESS },
    ].map(async ({ key, max }) => {
      const recent = await prisma.rateLimitEvent.findMany({
        where: { key, at: { gt: since } },
        orderBy: { at: "desc" },
        take: max,
        select: { at: true },
      });
      // Blocked while `max` failures are inside the window; free once the oldest of them leaves.
      const oldest = recent[max - 1];
      return oldest ? new Date(oldest.at.getTime() + THROTTLE_WINDOW_MS) : undefined;
    }),
  );
  const retryAt = [account, address].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
  return retryAt ? { blocked: true, retryAt } : { blocked: false };
}

export async function recordSignInFailure(email: string, ip: string) {
  await prisma.rateLimitEvent.createMany({ data: [{ key: accountKey(email) }, { key: addressKey(ip) }] });
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearAccountFailures(email: string) {
  await prisma.rateLimitEvent.deleteMany({ where: { key: accountKey(email) } });
}

/** Drops events older than every window that reads them. */
export async function pruneRateLimitEvents() {
  await prisma.rateLimitEvent.deleteMany({ where: { at: { lt: new Date(Date.now() - THROTTLE_WINDOW_MS) } } });
}
