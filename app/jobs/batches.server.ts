// How every background job works through what is due: a small batch per transaction (the
// embedded database has one connection for the whole app, so a long transaction would hold up
// every page), until a batch comes back short — nothing is left, or another instance holds the
// rest — or the run's limit is reached; the next run carries on.
import { prisma, type Tx } from "~/utils/db.server";

export interface BatchLimits {
  batchSize: number;
  maxBatches: number;
}

/** Runs `batch(tx, batchSize)` in its own transaction, again and again; returns the total it handled. */
export async function inBatches(limits: BatchLimits, batch: (tx: Tx, limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < limits.maxBatches; i++) {
    const handled = await prisma.$transaction((tx) => batch(tx, limits.batchSize), { maxWait: 30_000, timeout: 60_000 });
    total += handled;
    if (handled < limits.batchSize) break;
  }
  return total;
}
