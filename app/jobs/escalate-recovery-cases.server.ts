// A recovery case nobody acknowledged within ACKNOWLEDGE_WITHIN_WORKING_DAYS moves up the team
// hierarchy (issue 4): it then waits on the managers of the nearest team above that has an active
// manager, for another 2 working days, and so on up to the top team. Each move is a
// RECOVERY_ESCALATED event (toTeamId: the team it now waits on) and a notice to that team's
// managers.
//
// Safe on several instances and idempotent, like auto-close-resolved: one conditional UPDATE
// claims the due rows FOR UPDATE SKIP LOCKED and re-checks status = 'OPEN' and the due time on
// the row it updates, so a case acknowledged a moment earlier is left alone and no case moves
// twice. Only the rows this statement returned get an event and a notice, in its transaction.
import { inBatches } from "./batches.server";
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { notify, teamPeople } from "~/models/notification.server";
import { ACKNOWLEDGE_WITHIN_WORKING_DAYS, acknowledgeDueAt, recoveryPath } from "~/utils/recovery-lifecycle";
import { formatRequestNumber } from "~/utils/request-number";

interface Escalated {
  id: string;
  request_id: string;
  number: number;
  title: string;
  from_team_id: string;
  to_team_id: string;
  team_name: string;
}

/** Small batches: the embedded database has one connection for the whole app. */
const LIMITS = { batchSize: 25, maxBatches: 40 };

function escalateDue(tx: Tx, now: Date, nextDue: Date, limit: number) {
  const at = now.toISOString();
  // `due`: unacknowledged, overdue cases that have somewhere to go (their team has a parent).
  // `up`: the teams above each one, climbing past teams without an active manager.
  // `target`: the nearest of those with a manager, or the one just above when none has any.
  return tx.$queryRaw<Escalated[]>`
    WITH RECURSIVE due AS (
      SELECT c.id, c.waiting_on_team_id
        FROM recovery_cases c JOIN teams w ON w.id = c.waiting_on_team_id
       WHERE c.status = 'OPEN' AND c.acknowledge_due_at <= ${at}::timestamptz AND w.parent_id IS NOT NULL
       ORDER BY c.acknowledge_due_at, c.id
       LIMIT ${limit}
       FOR UPDATE OF c SKIP LOCKED
    ), managed AS (
      SELECT DISTINCT m.team_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.role = 'MANAGER' AND u.active
    ), up(case_id, team_id, depth) AS (
      SELECT due.id, w.parent_id, 1 FROM due JOIN teams w ON w.id = due.waiting_on_team_id
      UNION ALL
      SELECT up.case_id, t.parent_id, up.depth + 1
        FROM up JOIN teams t ON t.id = up.team_id
       WHERE t.parent_id IS NOT NULL AND up.depth < 50 AND up.team_id NOT IN (SELECT team_id FROM managed)
    ), target AS (
      SELECT DISTINCT ON (up.case_id) up.case_id, up.team_id
        FROM up
       ORDER BY up.case_id, (up.team_id IN (SELECT team_id FROM managed)) DESC, up.depth
    )
    UPDATE recovery_cases c
       SET waiting_on_team_id = target.team_id,
           escalation_level = c.escalation_level + 1,
           acknowledge_due_at = ${nextDue.toISOString()}::timestamptz,
           version = c.version + 1,
           updated_at = ${at}::timestamptz
      FROM target, due, requests r, teams t
     WHERE c.id = target.case_id AND due.id = c.id AND r.id = c.request_id AND t.id = target.team_id
       AND c.status = 'OPEN'
       AND c.acknowledge_due_at <= ${at}::timestamptz
    RETURNING c.id, c.request_id, r.number, r.title, due.waiting_on_team_id AS from_team_id, target.team_id AS to_team_id, t.name AS team_name`;
}

/** Escalates every recovery case whose acknowledgement is overdue at `now`; returns how many moved. */
export async function escalateRecoveryCases(now: Date): Promise<number> {
  // Every case escalated in this run is due again the same working-day distance from now.
  const nextDue = acknowledgeDueAt(now, env().UPSTREAM_TIME_ZONE);
  const total = await inBatches(LIMITS, async (tx, limit) => {
    const rows = await escalateDue(tx, now, nextDue, limit);
    if (rows.length === 0) return rows.length;
    await tx.requestEvent.createMany({
      data: rows.map((r) => ({
        requestId: r.request_id,
        actorId: null,
        kind: "RECOVERY_ESCALATED" as const,
        at: now,
        fromTeamId: r.from_team_id,
        toTeamId: r.to_team_id,
        reason: `Not acknowledged within ${ACKNOWLEDGE_WITHIN_WORKING_DAYS} working days.`,
      })),
    });
    for (const r of rows) {
      const ref = formatRequestNumber(r.number);
      await notify(tx, await teamPeople(tx, r.to_team_id, "MANAGER"), {
        kind: "RECOVERY_ESCALATED",
        title: `Recovery case escalated to ${r.team_name}: ${ref} ${r.title}`,
        body: `Nobody acknowledged the poor rating of ${ref} within ${ACKNOWLEDGE_WITHIN_WORKING_DAYS} working days. It now waits on ${r.team_name}'s managers.`,
        link: recoveryPath(r.number),
        requestId: r.request_id,
      });
    }
    return rows.length;
  });
  if (total) log.info("recovery cases escalated", { count: total });
  return total;
}
