// A person's own notifications: the list (newest first, keyset-paginated on the
// (user_id, created_at) index) and marking them read. Every query is scoped to the person, so
// someone else's notification id simply matches nothing.
import { prisma } from "~/utils/db.server";
import { decodeNotificationCursor, encodeNotificationCursor } from "~/utils/notifications";

export const NOTIFICATIONS_PAGE_SIZE = 25;

export async function listNotifications(userId: string, { before }: { before?: string | null } = {}) {
  const cursor = decodeNotificationCursor(before);
  const rows = await prisma.notification.findMany({
    where: {
      userId,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_PAGE_SIZE + 1,
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
  });
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    notifications: page,
    nextCursor: rows.length > NOTIFICATIONS_PAGE_SIZE && last ? encodeNotificationCursor(last) : null,
    isFirstPage: !cursor,
  };
}

/**
 * Marks one of the person's notifications read (keeping the first time it was read) and returns
 * where it points, or null when they have no notification with that id.
 */
export async function markNotificationRead(userId: string, id: string, now = new Date()): Promise<{ link: string } | null> {
  const rows = await prisma.$queryRaw<Array<{ link: string }>>`
    UPDATE notifications SET read_at = COALESCE(read_at, ${now.toISOString()}::timestamptz)
     WHERE id = ${id} AND user_id = ${userId}
     RETURNING link`;
  return rows[0] ?? null;
}

/** Marks every unread notification of the person read; returns how many were unread. */
export async function markAllNotificationsRead(userId: string, now = new Date()) {
  const { count } = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}
