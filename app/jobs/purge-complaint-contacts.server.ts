// Customer contact details (name, email, phone, reference) are personal data kept only as long
// as needed: once a complaint has been closed for longer than the admin setting
// contactRetentionDays (default 365), they are erased. The complaint, its summary and timeline
// stay; contact_purged_at and a CONTACT_PURGED event say when and why the details went. Runs
// hourly; each run writes one audit row with how many complaints it erased — never which
// customers, and nothing personal reaches the logs.
//
// Safe on several instances and idempotent, like auto-close-resolved: one conditional UPDATE …
// RETURNING claims rows FOR UPDATE SKIP LOCKED and re-checks the conditions on the row it
// updates, so no complaint is purged (or gets an event) twice, and a complaint with nothing left
// to erase is never picked again.
import { inBatches } from "./batches.server";
import type { Tx } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { audit } from "~/models/audit.server";
import { getAdminSetting } from "~/models/app-settings.server";
import { contactPurgedNote } from "~/utils/contact-retention";

/** Small batches: the embedded database has one connection for the whole app. */
const LIMITS = { batchSize: 100, maxBatches: 50 };
const DAY = 24 * 60 * 60 * 1000;

function purgeDue(tx: Tx, now: Date, cutoff: Date, limit: number) {
  const at = now.toISOString();
  const before = cutoff.toISOString();
  return tx.$queryRaw<Array<{ id: string }>>`
    UPDATE complaints c
       SET customer_name = NULL, customer_email = NULL, customer_phone = NULL, customer_reference = NULL,
           contact_purged_at = ${at}::timestamptz, version = c.version + 1, updated_at = ${at}::timestamptz
     WHERE c.id IN (SELECT id FROM complaints
                     WHERE status = 'CLOSED' AND closed_at < ${before}::timestamptz
                       AND (customer_name IS NOT NULL OR customer_email IS NOT NULL
                            OR customer_phone IS NOT NULL OR customer_reference IS NOT NULL)
                     ORDER BY closed_at
                     LIMIT ${limit}
                     FOR UPDATE SKIP LOCKED)
       AND c.status = 'CLOSED' AND c.closed_at < ${before}::timestamptz
       AND (c.customer_name IS NOT NULL OR c.customer_email IS NOT NULL
            OR c.customer_phone IS NOT NULL OR c.customer_reference IS NOT NULL)
    RETURNING c.id`;
}

/** Erases the contact details of complaints closed more than the retention setting before `now`; returns how many. */
export async function purgeComplaintContacts(now: Date): Promise<number> {
  const retentionDays = await getAdminSetting("contactRetentionDays");
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  const note = contactPurgedNote(retentionDays);
  const total = await inBatches(LIMITS, async (tx, limit) => {
    const rows = await purgeDue(tx, now, cutoff, limit);
    if (rows.length === 0) return 0;
    await tx.complaintEvent.createMany({
      data: rows.map((r) => ({ complaintId: r.id, actorId: null, kind: "CONTACT_PURGED" as const, at: now, note })),
    });
    return rows.length;
  });
  if (total) {
    // One row per run that erased anything: an hourly "0" would only bury the rows that matter.
    await audit({
      action: "complaint.contacts_purged",
      actorId: null,
      targetType: "complaint",
      details: { count: total, retentionDays, closedBefore: cutoff.toISOString() },
    });
    log.info("complaint contact details purged", { count: total, retentionDays });
  }
  return total;
}
