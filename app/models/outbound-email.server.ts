// The outbox. A change that needs to tell someone by email queues the message in the same
// transaction, so a rolled-back change sends nothing and a committed one is never forgotten.
// The sender job claims due rows with FOR UPDATE SKIP LOCKED, so several app instances never
// send the same message twice.
import crypto from "node:crypto";
import { prisma, type Tx } from "~/utils/db.server";
import type { EmailMessage, EmailTransport } from "~/utils/email.server";
import { log } from "~/utils/logger.server";

export const MAX_EMAIL_ATTEMPTS = 8;

export async function queueEmail(tx: Tx, message: EmailMessage) {
  await tx.outboundEmail.create({
    data: { id: crypto.randomUUID(), to: message.to, subject: message.subject, text: message.text, html: message.html },
  });
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

/** Sends up to `limit` due messages; returns how many were sent. */
export async function sendDueEmails(transport: EmailTransport, limit = 20): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const done = await prisma.$transaction(
      async (tx) => {
        // Lock one due row; other instances skip it. Holding the lock while sending is what makes
        // delivery at-most-once per claim; the short transaction keeps the lock brief.
        const rows = await tx.$queryRaw<ClaimedEmail[]>`
        SELECT id, "to", subject, text, html, attempts FROM outbound_emails
         WHERE status = 'PENDING' AND next_attempt_at <= now()
         ORDER BY next_attempt_at
         LIMIT 1
         FOR UPDATE SKIP LOCKED`;
        const email = rows[0];
        if (!email) return null;
        try {
          await transport.send(email);
          await tx.outboundEmail.update({
            where: { id: email.id },
            data: { status: "SENT", sentAt: new Date(), attempts: email.attempts + 1, lastError: null },
          });
          return "sent" as const;
        } catch (error) {
          const attempts = email.attempts + 1;
          const failed = attempts >= MAX_EMAIL_ATTEMPTS;
          const reason = (error as Error).message?.slice(0, 500) ?? "unknown error";
          await tx.outboundEmail.update({
            where: { id: email.id },
            data: {
              attempts,
              lastError: reason,
              status: failed ? "FAILED" : "PENDING",
              nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
            },
          });
          log.warn("email not sent", { emailId: email.id, attempts, givingUp: failed, reason });
          return "failed" as const;
        }
      },
      { timeout: 60_000 },
    );
    if (done === null) break;
    if (done === "sent") sent++;
  }
  return sent;
}
