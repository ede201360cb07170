// Reading the audit log: newest first, filtered, keyset-paginated on (at, id).
import { prisma } from "~/utils/db.server";
import { startsWithExactly } from "~/utils/text-match";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries({ action, actorEmail, before }: { action?: string; actorEmail?: string; before?: string }) {
  const actor = actorEmail ? await prisma.user.findUnique({ where: { email: actorEmail.toLowerCase() }, select: { id: true } }) : null;
  if (actorEmail && !actor) return { entries: [], nextCursor: undefined };
  const cursor = before && /^\d+$/.test(before) ? BigInt(before) : undefined;
  const rows = await prisma.auditLog.findMany({
    where: {
      ...(action ? { action: startsWithExactly(action) } : {}),
      ...(actor ? { actorId: actor.id } : {}),
      ...(cursor ? { id: { lt: cursor } } : {}),
    },
    // ids grow with time, so ordering by id is ordering by time and uses the primary key.
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, at: true, action: true, actorId: true, targetType: true, targetId: true, ip: true, details: true },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => !!id))];
  const actors = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    entries: page.map((r) => ({ ...r, id: r.id.toString(), actor: r.actorId ? (byId.get(r.actorId) ?? null) : null })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id.toString() : undefined,
  };
}
