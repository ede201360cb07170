// The outbox. A change that needs to tell someone by email queues the message in the same
// transaction, so a rolled-back change sends nothing and a committed one is never forgotten.
// The sender job claims a due row with FOR UPDATE SKIP LOCKED and a lease, so several app
// instances don't send the same message twice.
import crypto from "node:crypto";
import { prisma, type Tx } from "~/utils/db.server";
import type { EmailMessage, EmailTransport } from "~/utils/email.server";
import { log } from "~/utils/logger.server";

export const MAX_EMAIL_ATTEMPTS = 8;

export async function queueEmail(tx: Tx, message: EmailMessage) {
  await queueEmails(tx, [message]);
}

/** Several messages in one statement: a notice to a whole team must not hold its transaction open. */
export async function queueEmails(tx: Tx, messages: EmailMessage[]) {
  if (messages.length === 0) return;
  // One statement with the messages as arrays (see notify: a createMany is compiled per row).
  const now = new Date();
  await tx.$executeRaw`
    INSERT INTO outbound_emails (id, "to", subject, text, html, next_attempt_at, created_at)
    SELECT m.id, m.to, m.subject, m.text, m.html, ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${messages.map(() => crypto.randomUUID())}::text[], ${messages.map((m) => m.to)}::text[],
                  ${messages.map((m) => m.subject)}::text[], ${messages.map((m) => m.text)}::text[],
                  ${messages.map((m) => m.html ?? null)}::text[])
           AS m(id, "to", subject, text, html)`;
}

/** Exponential backoff: 1, 2, 4 … minutes, capped at an hour. */
export function retryDelayMs(attempts: number) {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
}

/** How long a claimed message is reserved for the instance sending it. */
const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Claims one due message: a short statement that pushes its next attempt past the lease, so no
 * other instance takes it while this one talks to the mail server — outside any transaction,
 * because holding a transaction (and, on the embedded database, its only connection) during
 * SMTP would stall every page. If this process dies mid-send, the message is retried after the
 * lease: delivery is at least once, never lost.
 */
async function claimOne(now: Date): Promise<ClaimedEmail | null> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await prisma.$queryRaw<ClaimedEmail[]>`
    UPDATE outbound_emails SET next_attempt_at = ${leaseUntil}, attempts = attempts + 1
     WHERE id = (
       SELECT id FROM outbound_emails
        WHERE status = 'PENDING' AND next_attempt_at <= ${now}
        ORDER BY next_attempt_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, html, attempts`;
  return rows[0] ?? null;
}

/** Sends up to `limit` due messages; returns how many were sent. */
export async function sendDueEmails(transport: EmailTransport, limit = 20): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const email = await claimOne(new Date());
    if (!email) break;
    try {
      await transport.send(email);
      await prisma.outboundEmail.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      sent++;
    } catch (error) {
      const failed = email.attempts >= MAX_EMAIL_ATTEMPTS;
      const reason = (error as Error).message?.slice(0, 500) ?? "unknown error";
      await prisma.outboundEmail.update({
        where: { id: email.id },
        data: {
          lastError: reason,
          status: failed ? "FAILED" : "PENDING",
          nextAttemptAt: new Date(Date.now() + retryDelayMs(email.attempts)),
        },
      });
      log.warn("email not sent", { emailId: email.id, attempts: email.attempts, givingUp: failed, reason });
    }
  }
  return sent;
}
