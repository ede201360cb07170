// Rate limits for public forms (password reset), counted in the database so they hold across
// app instances: at most LIMIT submissions per client address per window.
import { prisma } from "~/utils/db.server";

const WINDOW_MS = 15 * 60_000;
const LIMIT = 10;

/** Records the attempt and says whether it is within the limit. */
export async function checkFormRateLimit(form: string, ip: string): Promise<boolean> {
  const key = `form:${form}:${ip}`;
  const recent = await prisma.rateLimitEvent.count({ where: { key, at: { gt: new Date(Date.now() - WINDOW_MS) } } });
  if (recent >= LIMIT) return false;
  await prisma.rateLimitEvent.create({ data: { key } });
  return true;
}
