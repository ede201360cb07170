// Who hears about a complaint, shared by the escalation job and the managers' actions.
import type { Tx } from "~/utils/db.server";

/**
 * The active managers of `teamId`; when it has none, the active admins, so that a complaint
 * waiting on a team nobody leads is still seen by someone.
 */
export async function complaintManagers(tx: Tx, teamId: string): Promise<string[]> {
  const managers = await tx.membership.findMany({
    where: { teamId, role: "MANAGER", user: { active: true } },
    select: { userId: true },
  });
  if (managers.length) return managers.map((m) => m.userId);
  const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  return admins.map((a) => a.id);
}

/** The reps who added a sighting ("heard it too"): they told a customer something too. */
export async function sightingReporters(tx: Tx, complaintId: string): Promise<string[]> {
  const rows = await tx.complaintSighting.findMany({ where: { complaintId }, select: { reporterId: true }, distinct: ["reporterId"] });
  return rows.map((r) => r.reporterId);
}
