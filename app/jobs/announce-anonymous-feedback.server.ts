// Tells readers about anonymous feedback in one batch a day. Sending an anonymous entry notifies
// nobody: a notification's created_at (or an email in the outbox) would record the minute it was
// written, which could be matched to the author's activity. Instead the first run of each
// organisation day announces every entry sent on an earlier day, in one notification per reader
// ("3 new anonymous entries: 2 for Support, 1 for Management"), and sets announced_on. Until then
// readers don't see the entry either (policies/feedback.server.ts), so nobody learns its hour.
//
// Entries are claimed with one conditional UPDATE … RETURNING inside the transaction that writes
// the notifications: a run on another instance waits for those rows, then finds them announced
// and does nothing. A run later the same day finds nothing older than today left to announce.
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { orgDateIso } from "~/utils/org-time";
import { feedbackRecipients } from "~/models/feedback.server";
import { notify } from "~/models/notification.server";

/** Announces the anonymous entries sent before today (organisation's date); returns how many. */
export async function announceAnonymousFeedback(now: Date): Promise<number> {
  const today = orgDateIso(now, env().UPSTREAM_TIME_ZONE);
  const announced = await prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<Array<{ team_id: string | null; team_name: string | null }>>`
        UPDATE feedback f SET announced_on = ${today}::date
         WHERE f.anonymous AND f.announced_on IS NULL AND f.submitted_on < ${today}::date
        RETURNING f.team_id, (SELECT t.name FROM teams t WHERE t.id = f.team_id) AS team_name`;
      if (claimed.length === 0) return 0;
      // Per addressee: how many; then per reader: what they read.
      const perAddressee = new Map<string | null, { name: string; count: number }>();
      for (const row of claimed) {
        const entry = perAddressee.get(row.team_id) ?? { name: row.team_name ?? "Management", count: 0 };
        entry.count += 1;
        perAddressee.set(row.team_id, entry);
      }
      const perReader = new Map<string, Array<{ name: string; count: number }>>();
      for (const [teamId, entry] of perAddressee) {
        for (const readerId of await feedbackRecipients(tx, teamId)) {
          perReader.set(readerId, [...(perReader.get(readerId) ?? []), entry]);
        }
      }
      for (const [readerId, entries] of perReader) {
        const total = entries.reduce((sum, e) => sum + e.count, 0);
        const parts = entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => `${e.count} for ${e.name}`);
        await notify(tx, [readerId], {
          kind: "FEEDBACK_RECEIVED",
          title: `${total} new anonymous feedback ${total === 1 ? "entry" : "entries"}`,
          body: `${parts.join(", ")}.`,
          link: "/feedback/inbox",
        });
      }
      return claimed.length;
    },
    { maxWait: 30_000 },
  );
  if (announced) log.info("anonymous feedback announced", { count: announced });
  return announced;
}
