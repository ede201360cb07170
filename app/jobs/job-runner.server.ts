// Background work of this app instance. Each job is safe to run on several instances at once:
// it claims its rows (SKIP LOCKED) or is idempotent. A job that fails is logged and retried on
// its next tick; one slow job never overlaps itself.
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { isDatabaseUnavailable } from "~/utils/database-unavailable";
import { createEmailTransport } from "~/utils/email.server";
import { sendDueEmails } from "~/models/outbound-email.server";
import { deleteExpiredSessions } from "~/utils/auth.server";
import { pruneRateLimitEvents } from "~/models/sign-in-throttle.server";
import { announceSlaAlerts } from "./sla-alerts.server";
import { autoCloseResolvedRequests } from "./auto-close-resolved.server";
import { sendDailyDigests } from "./daily-digest.server";
import { escalateRecoveryCases } from "./escalate-recovery-cases.server";
import { escalateComplaints } from "./escalate-complaints.server";
import { purgeComplaintContacts } from "./purge-complaint-contacts.server";
import { announceAnonymousFeedback } from "./announce-anonymous-feedback.server";
import { refreshDashboardFigures } from "./refresh-dashboard-figures.server";

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export function defaultJobs(): Job[] {
  const transport = createEmailTransport();
  log.info("email delivery", { via: transport.describe });
  return [
    { name: "send-outbound-email", everyMs: 5_000, run: () => sendDueEmails(transport) },
    { name: "sla-alerts", everyMs: 60_000, run: () => announceSlaAlerts(new Date()) },
    { name: "auto-close-resolved", everyMs: 15 * 60_000, run: () => autoCloseResolvedRequests(new Date()) },
    { name: "escalate-recovery-cases", everyMs: 5 * 60_000, run: () => escalateRecoveryCases(new Date()) },
    // Every minute: complaint targets are in minutes, and a due complaint should move promptly.
    { name: "escalate-complaints", everyMs: 60_000, run: () => escalateComplaints(new Date()) },
    // Checks often; each person still gets at most one digest a day (see daily-digest.server.ts).
    { name: "daily-digest", everyMs: 10 * 60_000, run: () => sendDailyDigests(new Date()) },
    // Announces only entries of earlier days, so the first run after midnight does the day's work.
    { name: "announce-anonymous-feedback", everyMs: 30 * 60_000, run: () => announceAnonymousFeedback(new Date()) },
    // Retention is counted in days; hourly keeps each purge small and never more than an hour late.
    { name: "purge-complaint-contacts", everyMs: 60 * 60_000, run: () => purgeComplaintContacts(new Date()) },
    // Dashboards say how fresh their figures are; a minute keeps them current without cost.
    { name: "refresh-dashboard-figures", everyMs: 60_000, run: () => refreshDashboardFigures(new Date()) },
    { name: "delete-expired-sessions", everyMs: 60 * 60_000, run: deleteExpiredSessions },
    { name: "prune-rate-limit-events", everyMs: 15 * 60_000, run: pruneRateLimitEvents },
  ];
}

/** A job's interval, shortened when UPSTREAM_JOB_INTERVAL_SECONDS asks for faster ticks (tests, development). */
export function jobIntervalMs(job: Job, maxIntervalSeconds = env().UPSTREAM_JOB_INTERVAL_SECONDS) {
  return maxIntervalSeconds === undefined ? job.everyMs : Math.min(job.everyMs, maxIntervalSeconds * 1000);
}

export function startJobs(jobs: Job[] = defaultJobs()) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  for (const job of jobs) {
    let busy = false;
    // During a database outage every tick fails the same way: say so once per job (a warning, not
    // an error with a stack), keep ticking, and say when the job works again. node-postgres drops
    // the broken connections and the next tick connects afresh, so nothing needs restarting.
    let waitingForDatabase = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const work = Promise.resolve()
        .then(() => job.run())
        .then(
          () => {
            if (waitingForDatabase) log.info("job running again: the database is back", { job: job.name });
            waitingForDatabase = false;
          },
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            if (!isDatabaseUnavailable(error)) return log.error("job failed", { job: job.name, error: message });
            // Prisma's message ends with the cause; the lines before it quote the call.
            const cause = message.trim().split("\n").pop();
            if (!waitingForDatabase)
              log.warn("job waiting: the database is unavailable; retrying on every tick", { job: job.name, error: cause });
            waitingForDatabase = true;
          },
        )
        .finally(() => {
          busy = false;
          running.delete(work);
        });
      running.add(work);
    };
    timers.push(setInterval(tick, jobIntervalMs(job)));
    setTimeout(tick, 1_000).unref();
  }

  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}
