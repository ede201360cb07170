// The facts of one complaint that both its page and its manager's page show: one select and one
// mapping to the dates-as-ISO shape the components take. Each page adds what only it needs.
import type { Prisma } from "~/generated/prisma/client";
import { formatComplaintNumber } from "~/utils/complaint-rules";

export const COMPLAINT_FACTS_SELECT = {
  number: true,
  summary: true,
  details: true,
  actionTaken: true,
  channel: true,
  severity: true,
  status: true,
  resolvedAtFrontLine: true,
  occurredAt: true,
  createdAt: true,
  escalationLevel: true,
  acknowledgeDueAt: true,
  acknowledgedAt: true,
  actionPlan: true,
  response: true,
  respondedAt: true,
  closedAt: true,
  reporter: { select: { name: true } },
  category: { select: { name: true } },
  routedTeam: { select: { name: true } },
  waitingOn: { select: { name: true } },
} satisfies Prisma.ComplaintSelect;

type ComplaintFactsRow = Prisma.ComplaintGetPayload<{ select: typeof COMPLAINT_FACTS_SELECT }>;

export function iso(date: Date | null) {
  return date ? date.toISOString() : null;
}

export function toComplaintFacts(c: ComplaintFactsRow) {
  return {
    ref: formatComplaintNumber(c.number),
    summary: c.summary,
    details: c.details,
    actionTaken: c.actionTaken,
    severity: c.severity,
    status: c.status,
    resolvedAtFrontLine: c.resolvedAtFrontLine,
    reporter: c.reporter.name,
    category: c.category.name,
    routedTeam: c.routedTeam.name,
    waitingOn: c.waitingOn.name,
    occurredAt: c.occurredAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
    acknowledgeDueAt: iso(c.acknowledgeDueAt),
    acknowledgedAt: iso(c.acknowledgedAt),
    closedAt: iso(c.closedAt),
  };
}
