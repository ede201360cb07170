// The audit log: sign-ins, failed sign-ins, role and membership changes, admin actions.
// Details are structured JSON; never put passwords, tokens or customer contact data in them.
import { prisma, type Tx } from "~/utils/db.server";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_throttled"
  | "auth.sign_out"
  | "auth.password_changed"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "auth.invitation_accepted"
  | "access.denied"
  | "user.created"
  | "user.updated"
  | "user.role_changed"
  | "user.deactivated"
  | "user.reactivated"
  | "user.invitation_sent"
  | "team.created"
  | "team.updated"
  | "membership.added"
  | "membership.role_changed"
  | "membership.removed"
  | "request_type.created"
  | "request_type.updated"
  | "kudos.hidden"
  | "theme.created"
  | "theme.renamed"
  | "theme.merged"
  | "complaint_category.created"
  | "complaint_category.updated"
  | "settings.updated"
  | "complaint.contacts_purged"
  | "complaint.contacts_exported"
  | "complaint.contact_viewed";

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string;
  details?: Record<string, string | number | boolean | null>;
}

export async function audit(entry: AuditEntry, tx: Tx = prisma) {
  await tx.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    },
  });
}
