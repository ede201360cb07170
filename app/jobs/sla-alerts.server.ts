// SLA warnings and breaches. For every open request, each clock still running (first response,
// resolution) is announced once at 80% of its time (a warning) and once when it runs out (a
// breach): an event on the request's timeline and notifications to the people who can act.
//
// "Once" holds across app instances and overlapping runs: a run first INSERTs the alert into
// sla_alerts (primary key: request, clock, level, due date) with ON CONFLICT DO NOTHING RETURNING,
// and only the run whose insert returned the row announces it, in the same transaction. A second
// run blocks on the first one's uncommitted key, then finds the conflict and returns nothing; if
// the first one failed and rolled back, the second one announces instead.
import { inBatches } from "./batches.server";
import type { Tx } from "~/utils/db.server";
import { notify } from "~/models/notification.server";
import { formatDuration, SLA_WARNING_FRACTION } from "~/utils/sla";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { log } from "~/utils/logger.server";
import type { SlaClock } from "~/generated/prisma/client";

export type SlaLevel = "WARNING" | "BREACHED";

interface NewAlert {
  request_id: string;
  clock: SlaClock;
  level: SlaLevel;
  due_at: Date;
}

/** Rows per transaction, and transactions per run (see batches.server.ts for why small). */
const LIMITS = { batchSize: 25, maxBatches: 80 };

/**
 * Inserts the alerts that are due at `now` and not yet announced, up to `limit`, and returns the
 * ones this transaction inserted. One set-based statement: the candidates come from range scans
 * of the (status, first_response_due_at) and (status, resolution_due_at) indexes. A clock can
 * only be past its warning point when its due date is less than 20% of its target ahead, so the
 * scan stops at now + 20% of the longest target in the catalogue rather than reading every open
 * request. A clock already past its due date gets the breach only (its warning would be late news).
 * The total order means concurrent runs insert keys in the same sequence, so they wait for each
 * other instead of deadlocking.
 */
function claimDueAlerts(tx: Tx, now: Date, limit: number) {
  const at = now.toISOString();
  const ahead = 1 - SLA_WARNING_FRACTION;
  return tx.$queryRaw<NewAlert[]>`
    WITH longest AS (
      SELECT coalesce(max(first_response_target_minutes), 0) AS first_response,
             coalesce(max(resolution_target_minutes), 0) AS resolution
        FROM request_types
    ),
    running AS (
      SELECT r.id AS request_id, 'FIRST_RESPONSE'::"SlaClock" AS clock, r.created_at, r.first_response_due_at AS due_at
        FROM requests r
       WHERE r.status IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_REQUESTER')
         AND r.first_response_at IS NULL
         AND r.first_response_due_at <= ${at}::timestamptz
               + (SELECT first_response FROM longest) * ${ahead}::float8 * interval '1 minute'
      UNION ALL
      SELECT r.id, 'RESOLUTION'::"SlaClock", r.created_at, r.resolution_due_at
        FROM requests r
       WHERE r.status IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_REQUESTER')
         AND r.resolved_at IS NULL
         AND r.resolution_due_at <= ${at}::timestamptz
               + (SELECT resolution FROM longest) * ${ahead}::float8 * interval '1 minute'
    ),
    reached AS (
      SELECT request_id, clock, due_at,
             CASE WHEN due_at <= ${at}::timestamptz THEN 'BREACHED' ELSE 'WARNING' END AS level
        FROM running
       WHERE created_at + (due_at - created_at) * ${SLA_WARNING_FRACTION}::float8 <= ${at}::timestamptz
    )
    INSERT INTO sla_alerts (request_id, clock, level, due_at, at)
    SELECT request_id, clock, level, due_at, ${at}::timestamptz
      FROM reached
     WHERE NOT EXISTS (
             SELECT 1 FROM sla_alerts a
              WHERE a.request_id = reached.request_id AND a.clock = reached.clock
                AND a.level = reached.level AND a.due_at = reached.due_at)
     ORDER BY due_at, request_id, clock
     LIMIT ${limit}
    ON CONFLICT DO NOTHING
    RETURNING request_id, clock, level, due_at`;
}

const CLOCK_NAMES: Record<SlaClock, string> = { FIRST_RESPONSE: "first response", RESOLUTION: "resolution" };

function describeAlert(alert: NewAlert, request: { number: number; title: string }, now: Date) {
  const number = formatRequestNumber(request.number);
  const clock = CLOCK_NAMES[alert.clock];
  const due = `${alert.due_at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  if (alert.level === "WARNING") {
    return {
      title: `${number} ${clock} due in ${formatDuration(alert.due_at.getTime() - now.getTime())}: ${request.title}`,
      body: `The ${clock} target runs out at ${due}.`,
    };
  }
  return {
    title: `${number} missed its ${clock} target: ${request.title}`,
    body: `The ${clock} target ran out at ${due}.`,
  };
}

/** Announces what `claimDueAlerts` inserted: timeline events, then notifications. */
async function announce(tx: Tx, alerts: NewAlert[], now: Date) {
  const requestIds = [...new Set(alerts.map((a) => a.request_id))];
  const requests = await tx.request.findMany({
    where: { id: { in: requestIds } },
    select: { id: true, number: true, title: true, assigneeId: true, providerTeamId: true },
  });
  const teamIds = [...new Set(requests.map((r) => r.providerTeamId))];
  const memberships = await tx.membership.findMany({
    where: { teamId: { in: teamIds } },
    select: { teamId: true, userId: true, role: true },
  });
  const byId = new Map(requests.map((r) => [r.id, r]));

  await tx.requestEvent.createMany({
    data: alerts.map((a) => ({
      requestId: a.request_id,
      actorId: null,
      kind: a.level === "WARNING" ? ("SLA_WARNING" as const) : ("SLA_BREACHED" as const),
      at: now,
      slaClock: a.clock,
    })),
  });

  for (const alert of alerts) {
    const request = byId.get(alert.request_id);
    if (!request) continue;
    const team = memberships.filter((m) => m.teamId === request.providerTeamId);
    const everyone = team.map((m) => m.userId);
    const managers = team.filter((m) => m.role === "MANAGER").map((m) => m.userId);
    // A warning goes to whoever holds the request, or the whole team while nobody does; a breach
    // also reaches the team's managers. Someone is always told, even an unassigned team with no
    // manager.
    const assigned = request.assigneeId ? [request.assigneeId] : [];
    let recipients = alert.level === "WARNING" ? (assigned.length ? assigned : everyone) : [...assigned, ...managers];
    if (recipients.length === 0) recipients = everyone;
    await notify(tx, recipients, {
      kind: alert.level === "WARNING" ? "SLA_WARNING" : "SLA_BREACHED",
      ...describeAlert(alert, request, now),
      link: requestPath(request.number),
      requestId: request.id,
    });
  }
}

/** Announces every SLA warning and breach due at `now`; returns how many were announced. */
export async function announceSlaAlerts(now: Date): Promise<number> {
  const announced = await inBatches(LIMITS, async (tx, limit) => {
    const claimed = await claimDueAlerts(tx, now, limit);
    if (claimed.length) await announce(tx, claimed, now);
    return claimed.length;
  });
  if (announced) log.info("SLA alerts announced", { count: announced });
  return announced;
}
