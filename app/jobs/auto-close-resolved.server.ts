// RESOLVED requests close themselves AUTO_CLOSE_AFTER_DAYS after resolution (DESIGN.md), with a
// STATUS_CHANGED event by the system (no actor) and a note to the requester.
//
// One conditional UPDATE … RETURNING does the closing: rows are picked FOR UPDATE SKIP LOCKED and
// the WHERE re-checks status = 'RESOLVED' on the row it finally updates, so two instances never
// both close one request, and a request reopened a moment earlier is left alone. Only the rows
// this statement returned get an event and a notification, in the same transaction.
import { inBatches } from "./batches.server";
import type { Tx } from "~/utils/db.server";
import { notify } from "~/models/notification.server";
import { AUTO_CLOSE_AFTER_DAYS, autoCloseCutoff } from "~/utils/request-lifecycle";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { log } from "~/utils/logger.server";

interface Closed {
  id: string;
  number: number;
  title: string;
  requester_id: string;
}

/** Rows per transaction, and transactions per run (see batches.server.ts for why small). */
const LIMITS = { batchSize: 25, maxBatches: 80 };

export const AUTO_CLOSE_REASON = `Closed automatically ${AUTO_CLOSE_AFTER_DAYS} days after it was resolved.`;

function closeDue(tx: Tx, now: Date, limit: number) {
  const at = now.toISOString();
  const cutoff = autoCloseCutoff(now).toISOString();
  return tx.$queryRaw<Closed[]>`
    UPDATE requests r
       SET status = 'CLOSED', closed_at = ${at}::timestamptz, version = r.version + 1, updated_at = ${at}::timestamptz
     WHERE r.id IN (SELECT id FROM requests
                     WHERE status = 'RESOLVED' AND resolved_at <= ${cutoff}::timestamptz
                     ORDER BY resolved_at
                     LIMIT ${limit}
                     FOR UPDATE SKIP LOCKED)
       AND r.status = 'RESOLVED'
       AND r.resolved_at <= ${cutoff}::timestamptz
    RETURNING r.id, r.number, r.title, r.requester_id`;
}

/** Closes every request resolved at least AUTO_CLOSE_AFTER_DAYS before `now`; returns how many. */
export async function autoCloseResolvedRequests(now: Date): Promise<number> {
  const total = await inBatches(LIMITS, async (tx, limit) => {
    const rows = await closeDue(tx, now, limit);
    if (rows.length === 0) return rows.length;
    await tx.requestEvent.createMany({
      data: rows.map((r) => ({
        requestId: r.id,
        actorId: null,
        kind: "STATUS_CHANGED" as const,
        at: now,
        fromStatus: "RESOLVED" as const,
        toStatus: "CLOSED" as const,
        reason: AUTO_CLOSE_REASON,
      })),
    });
    for (const r of rows) {
      await notify(tx, [r.requester_id], {
        kind: "STATUS_CHANGED",
        title: `${formatRequestNumber(r.number)} is closed: ${r.title}`,
        body: `It was resolved ${AUTO_CLOSE_AFTER_DAYS} days ago and has now been closed. If the problem is back, raise a new request.`,
        link: requestPath(r.number),
        requestId: r.id,
      });
    }
    return rows.length;
  });
  if (total) log.info("resolved requests closed automatically", { count: total });
  return total;
}
