// Rate limits for public forms (password reset), counted in the database so they hold across
// app instances: at most LIMIT submissions per client address per window.
import { prisma } from "~/utils/db.server";

const WINDOW_MS = 15 * 60_000;
const LIMIT = 10;

const keyFor = (form: string, ip: string) => `form:${form}:${ip}`;

/** Whether the address has used up its attempts at this form for now. */
export async function formRateLimitReached(form: string, ip: string): Promise<boolean> {
  const recent = await prisma.rateLimitEvent.count({ where: { key: keyFor(form, ip), at: { gt: new Date(Date.now() - WINDOW_MS) } } });
  return recent >= LIMIT;
}

/**
 * Counts one attempt. Forms that only need to slow down guessing (following feedback by its
 * code) count failures alone, so a rightful use leaves no trace.
 */
export async function recordFormAttempt(form: string, ip: string) {
  await prisma.rateLimitEvent.create({ data: { key: keyFor(form, ip) } });
}

/** Records the attempt and says whether it is within the limit. */
export async function checkFormRateLimit(form: string, ip: string): Promise<boolean> {
  if (await formRateLimitReached(form, ip)) return false;
  await recordFormAttempt(form, ip);
  return true;
}
