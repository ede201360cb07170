// Shared by the notifications page and its model: how a kind is named, and the keyset cursor
// of the list (newest first, by creation time then id, so equal times never skip or repeat rows).
import type { NotificationKind } from "~/generated/prisma/enums";

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  REQUEST_RECEIVED: "New request",
  REQUEST_ASSIGNED: "Assigned",
  REQUEST_REPLY: "Reply",
  STATUS_CHANGED: "Status",
  PROMISE_CHANGED: "Promise",
  REQUEST_TRANSFERRED: "Transferred",
  SLA_WARNING: "Due soon",
  SLA_BREACHED: "Overdue",
  RATING_REQUESTED: "Rate it",
  RATING_RECEIVED: "Rating",
  RECOVERY_OPENED: "Recovery",
  RECOVERY_UPDATED: "Recovery",
  RECOVERY_ESCALATED: "Escalated",
  KUDOS_RECEIVED: "Kudos",
  COMPLAINT_ROUTED: "Complaint",
  COMPLAINT_CRITICAL: "Critical complaint",
  COMPLAINT_ESCALATED: "Escalated",
  COMPLAINT_UPDATED: "Complaint",
  FEEDBACK_RECEIVED: "Feedback",
  FEEDBACK_ANSWERED: "Feedback",
};

export interface NotificationCursor {
  createdAt: Date;
  id: string;
}

export function encodeNotificationCursor(cursor: NotificationCursor) {
  return `${cursor.createdAt.toISOString()}_${cursor.id}`;
}

/** The cursor in a `?before=` parameter, or null for a missing or malformed one (first page). */
export function decodeNotificationCursor(text: string | null | undefined): NotificationCursor | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([\w-]{1,64})$/.exec(text ?? "");
  if (!match) return null;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}
