// The daily digest: one email a day to each person who chose it, listing what arrived since their
// last digest. It goes out at the first run after UPSTREAM_DIGEST_HOUR:00 UTC and covers the
// notifications created before that moment (lastDigestTime), so later runs the same day find
// nothing to send, and a day missed while no instance was running is caught up on the next run.
//
// Each person's notifications are claimed with one UPDATE … SET digested_at … WHERE digested_at
// IS NULL … RETURNING, and the email is queued in the outbox in the same transaction: a run on
// another instance blocks on those rows, then finds them digested and sends nothing. Someone with
// nothing new gets no email.
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { publicBaseUrl } from "~/utils/public-url.server";
import { digestEmail, lastDigestTime } from "~/utils/daily-digest";
import { queueEmail } from "~/models/outbound-email.server";
import { log } from "~/utils/logger.server";

interface Recipient {
  id: string;
  email: string;
  name: string;
}

interface Claimed {
  title: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

/** Queues the digests due at `now`; returns how many were queued. */
export async function sendDailyDigests(now: Date, hour: number = env().UPSTREAM_DIGEST_HOUR): Promise<number> {
  const before = lastDigestTime(now, hour).toISOString();
  const at = now.toISOString();
  // One query finds who has something waiting (the (user_id, created_at) index serves the EXISTS).
  const recipients = await prisma.$queryRaw<Recipient[]>`
    SELECT u.id, u.email, u.name FROM users u
     WHERE u.email_preference = 'DAILY_DIGEST' AND u.active
       AND EXISTS (SELECT 1 FROM notifications n
                    WHERE n.user_id = u.id AND n.digested_at IS NULL AND n.created_at < ${before}::timestamptz)`;
  const baseUrl = publicBaseUrl();
  let queued = 0;
  for (const person of recipients) {
    const sent = await prisma.$transaction(
      async (tx) => {
        // The person's row first: runs for one person queue up behind each other (never deadlock),
        // and a preference changed since the query above is seen.
        const still = await tx.$queryRaw<unknown[]>`
        SELECT 1 FROM users WHERE id = ${person.id} AND email_preference = 'DAILY_DIGEST' AND active FOR UPDATE`;
        if (still.length === 0) return false;
        const claimed = await tx.$queryRaw<Claimed[]>`
        UPDATE notifications SET digested_at = ${at}::timestamptz
         WHERE user_id = ${person.id} AND digested_at IS NULL AND created_at < ${before}::timestamptz
         RETURNING title, link, created_at, read_at`;
        // What the person already read in the app is not news: it is settled without an email.
        const unread = claimed.filter((n) => n.read_at === null);
        if (unread.length === 0) return false;
        const items = unread.map((n) => ({ title: n.title, link: n.link, createdAt: n.created_at }));
        await queueEmail(tx, { to: person.email, ...digestEmail({ name: person.name, items, baseUrl }) });
        return true;
      },
      { maxWait: 30_000 },
    );
    if (sent) queued++;
  }
  if (queued) log.info("daily digests queued", { count: queued });
  return queued;
}
