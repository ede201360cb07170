// A complaint nobody acknowledged within the waiting team's target (Team.complaintAckTargetMinutes,
// default 24 h) moves one level up the team hierarchy (DESIGN.md, Escalation), and again each
// time the new team's target passes, until someone acknowledges it:
// - "one level up" is the nearest team above with an active manager: a team whose managers are
//   all gone (or that has none) would hear nothing, so it is passed over, as recovery cases do.
//   When no team above has one, it goes to the top team (admins are told, see below).
// - At the top there is nowhere further to go: when the top team's target passes too, the
//   complaint stays there, acknowledge_due_at becomes NULL (so the job never picks it again) and
//   the timeline records that it reached the top.
// Each step is an ESCALATED event (fromTeamId → toTeamId; toTeamId NULL for "reached the top"),
// a COMPLAINT_ESCALATED notice to the managers it now waits on (to the admins when that team has
// no active manager, so it never waits on nobody) and a COMPLAINT_UPDATED notice to the rep.
// CRITICAL complaints are alerted at logging time by the log form; here they escalate like any
// other complaint.
//
// Safe on several instances and idempotent: one conditional UPDATE claims due rows FOR UPDATE
// SKIP LOCKED and re-checks status = 'ESCALATED' and the due time on the row it updates, so a
// complaint acknowledged a moment earlier is left alone and no complaint moves twice for one due
// time. Only the rows this statement returned get events and notices, in its transaction.
import { inBatches } from "./batches.server";
import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { describeTarget } from "~/utils/sla";
import { complaintPath, formatComplaintNumber } from "~/utils/complaint-rules";
import { notify } from "~/models/notification.server";
import { complaintManagers } from "~/models/complaint-notices.server";

interface Escalated {
  id: string;
  number: number;
  summary: string;
  reporter_id: string;
  from_team_id: string;
  from_team_name: string;
  from_target_minutes: number;
  /** Null: it was already at the top and stays there. */
  to_team_id: string | null;
  to_team_name: string | null;
}

/** Small batches: the embedded database has one connection for the whole app. */
const LIMITS = { batchSize: 25, maxBatches: 40 };

function escalateDue(tx: Tx, now: Date, limit: number) {
  const at = now.toISOString();
  // `due`: overdue, unacknowledged complaints, claimed so a concurrent run skips them.
  // `up`: the teams above each one, climbing past teams without an active manager.
  // `target`: the nearest of those with a manager, else the topmost; none at all: at the top.
  return tx.$queryRaw<Escalated[]>(Prisma.sql`
    WITH RECURSIVE due AS (
      SELECT c.id, c.waiting_on_team_id, w.parent_id
        FROM complaints c JOIN teams w ON w.id = c.waiting_on_team_id
       WHERE c.status = 'ESCALATED' AND c.acknowledge_due_at <= ${at}::timestamptz
       ORDER BY c.acknowledge_due_at, c.id
       LIMIT ${limit}
       FOR UPDATE OF c SKIP LOCKED
    ), managed AS (
      SELECT DISTINCT m.team_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.role = 'MANAGER' AND u.active
    ), up(complaint_id, team_id, depth) AS (
      SELECT due.id, due.parent_id, 1 FROM due WHERE due.parent_id IS NOT NULL
      UNION ALL
      SELECT up.complaint_id, t.parent_id, up.depth + 1
        FROM up JOIN teams t ON t.id = up.team_id
       WHERE t.parent_id IS NOT NULL AND up.depth < 50 AND up.team_id NOT IN (SELECT team_id FROM managed)
    ), target AS (
      SELECT DISTINCT ON (up.complaint_id) up.complaint_id, up.team_id
        FROM up
       ORDER BY up.complaint_id,
                (up.team_id IN (SELECT team_id FROM managed)) DESC,
                CASE WHEN up.team_id IN (SELECT team_id FROM managed) THEN up.depth ELSE -up.depth END
    )
    UPDATE complaints c
       SET waiting_on_team_id = COALESCE(target.team_id, c.waiting_on_team_id),
           escalation_level = c.escalation_level + CASE WHEN target.team_id IS NULL THEN 0 ELSE 1 END,
           acknowledge_due_at = CASE WHEN target.team_id IS NULL THEN NULL
                                     ELSE ${at}::timestamptz + make_interval(mins => nt.complaint_ack_target_minutes) END,
           version = c.version + 1,
           updated_at = ${at}::timestamptz
      FROM due
      JOIN teams ft ON ft.id = due.waiting_on_team_id
      LEFT JOIN target ON target.complaint_id = due.id
      LEFT JOIN teams nt ON nt.id = target.team_id
     WHERE c.id = due.id
       AND c.status = 'ESCALATED'
       AND c.acknowledge_due_at <= ${at}::timestamptz
    RETURNING c.id, c.number, c.summary, c.reporter_id,
              ft.id AS from_team_id, ft.name AS from_team_name, ft.complaint_ack_target_minutes AS from_target_minutes,
              nt.id AS to_team_id, nt.name AS to_team_name`);
}

function eventNote(r: Escalated) {
  const missed = `Not acknowledged within ${describeTarget(r.from_target_minutes)} by ${r.from_team_name}'s managers.`;
  return r.to_team_id ? missed : `${missed} ${r.from_team_name} is the top of the organisation: it stays there and escalates no further.`;
}

async function announce(tx: Tx, r: Escalated) {
  const ref = formatComplaintNumber(r.number);
  const link = complaintPath(r.number);
  const waitingOn = r.to_team_id ?? r.from_team_id;
  const waitingOnName = r.to_team_name ?? r.from_team_name;
  await notify(tx, await complaintManagers(tx, waitingOn), {
    kind: "COMPLAINT_ESCALATED",
    title: r.to_team_id
      ? `Complaint escalated to ${waitingOnName}: ${ref} ${r.summary}`
      : `Still unacknowledged at the top: ${ref} ${r.summary}`,
    body: `${eventNote(r)} Please acknowledge it.`,
    link: `${link}/manage`,
  });
  await notify(tx, [r.reporter_id], {
    kind: "COMPLAINT_UPDATED",
    title: r.to_team_id ? `${ref} was escalated to ${waitingOnName}` : `${ref} has reached the top of the organisation`,
    body: r.to_team_id
      ? `Nobody at ${r.from_team_name} acknowledged "${r.summary}" in time, so it now waits on ${waitingOnName}'s managers.`
      : `"${r.summary}" is with ${waitingOnName}'s managers, the most senior level it can reach.`,
    link,
  });
}

/** Escalates every complaint whose acknowledgement is overdue at `now`; returns how many it moved or stopped. */
export async function escalateComplaints(now: Date): Promise<number> {
  const total = await inBatches(LIMITS, async (tx, limit) => {
    const rows = await escalateDue(tx, now, limit);
    if (rows.length === 0) return rows.length;
    await tx.complaintEvent.createMany({
      data: rows.map((r) => ({
        complaintId: r.id,
        actorId: null,
        kind: "ESCALATED" as const,
        at: now,
        fromTeamId: r.from_team_id,
        toTeamId: r.to_team_id,
        note: eventNote(r),
      })),
    });
    for (const r of rows) await announce(tx, r);
    return rows.length;
  });
  if (total) log.info("complaints escalated", { count: total });
  return total;
}
