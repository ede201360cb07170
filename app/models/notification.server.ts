// Notifications: an in-app entry for each recipient, and an email through the outbox for those
// who want one at once (the daily digest job handles the rest). Written in the caller's
// transaction, so a change and the news of it are committed together.
import crypto from "node:crypto";
import { queryRows, type Tx } from "~/utils/db.server";
import { publicBaseUrl } from "~/utils/public-url.server";
import type { NotificationKind } from "~/generated/prisma/client";
import { queueEmails } from "./outbound-email.server";

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body?: string;
  /** Path inside the app, e.g. /requests/REQ-1042. */
  link: string;
  requestId?: string;
}

/**
 * Notifies each distinct, active person in `userIds` except `actorId` (nobody is told about what
 * they just did themselves). Returns the ids notified.
 */
export async function notify(tx: Tx, userIds: Iterable<string>, input: NotificationInput, actorId?: string | null): Promise<string[]> {
  const ids = [...new Set(userIds)].filter((id) => id && id !== actorId);
  if (ids.length === 0) return [];
  const recipients = await tx.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, email: true, name: true, emailPreference: true },
  });
  if (recipients.length === 0) return [];
  const now = new Date();
  // One statement with the rows as arrays: Prisma compiles a createMany afresh for every row it
  // carries, which made a notice to a 40-person team cost tens of milliseconds of CPU.
  // Immediate-email and in-app-only people never appear in a digest.
  await tx.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, request_id, title, body, link, created_at, digested_at)
    SELECT r.id, r.user_id, ${input.kind}::text::"NotificationKind", ${input.requestId ?? null}, ${input.title},
           ${input.body ?? ""}, ${input.link}, ${now}::timestamptz, r.digested_at
      FROM unnest(${recipients.map(() => crypto.randomUUID())}::text[], ${recipients.map((r) => r.id)}::text[],
                  ${recipients.map((r) => (r.emailPreference === "DAILY_DIGEST" ? null : now.toISOString()))}::timestamptz[])
           AS r(id, user_id, digested_at)`;
  const base = publicBaseUrl();
  await queueEmails(
    tx,
    recipients
      .filter((r) => r.emailPreference === "IMMEDIATE")
      .map((r) => ({
        to: r.email,
        subject: input.title,
        text:
          `Hello ${r.name},\n\n${input.body ? `${input.body}\n\n` : ""}Open it in Upstream: ${base}${input.link}\n\n` +
          `You get these emails because of your notification settings: ${base}/account\n`,
      })),
  );
  return recipients.map((r) => r.id);
}

/** Members and managers of a team (active people only are notified anyway). */
export async function teamPeople(tx: Tx, teamId: string, role?: "MEMBER" | "MANAGER") {
  const rows = await tx.membership.findMany({ where: { teamId, ...(role ? { role } : {}) }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** For the bell on every page: sent straight through the pool (decision 008). */
/**
 * What the navigation needs on every page, in one query: unread notifications, and whether the
 * person manages a team (managers get the complaint inbox and the dashboards).
 */
export async function navigationFacts(userId: string) {
  const [row] = await queryRows<{ unread: number; manages: boolean }>({
    text: `SELECT (SELECT count(*)::int FROM notifications WHERE user_id = $1 AND read_at IS NULL) AS unread,
                  EXISTS (SELECT 1 FROM memberships WHERE user_id = $1 AND role = 'MANAGER') AS manages`,
    values: [userId],
  });
  return { unread: row?.unread ?? 0, manages: row?.manages ?? false };
}

export async function unreadCount(userId: string) {
  const [row] = await queryRows<{ count: number }>({
    text: "SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL",
    values: [userId],
  });
  return row?.count ?? 0;
}
