// Logging a complaint: checks the category and team, routes it (the category's owner team unless
// the rep picked another), numbers it from the sequence, writes the LOGGED event and tells the
// managers — all in one transaction. A second submit of the same form (same form token) returns
// the first complaint instead.
//
// Who hears about a new complaint (DESIGN.md, Escalation):
// - not resolved at the front line → ESCALATED, waiting on the routed team with an acknowledge-by
//   time from that team's target; its managers get COMPLAINT_ROUTED;
// - resolved at the front line → LOGGED, nothing to acknowledge and no due time; its managers are
//   still told (COMPLAINT_ROUTED, worded "for information"), since complaints that stop at the
//   front line are exactly what managers otherwise never see (Principle 5);
// - CRITICAL (either way) → the managers of the routed team and of the team one level up get
//   COMPLAINT_CRITICAL instead, at once, and the timeline records a CRITICAL_ALERT.
import crypto from "node:crypto";
import { prisma, isUniqueViolation, type Tx } from "~/utils/db.server";
import { acknowledgeDueAt, complaintPath, formatComplaintNumber, initialStatus, SEVERITY_LABELS } from "~/utils/complaint-rules";
import type { ComplaintLogValues } from "~/validation/complaints";
import { notify, teamPeople } from "./notification.server";

export type NewComplaintInput = Omit<ComplaintLogValues, "choice" | "resolvedAtFrontLine"> & { resolvedAtFrontLine: boolean };

export class ComplaintInputError extends Error {
  constructor(
    public field: keyof NewComplaintInput,
    message: string,
  ) {
    super(message);
  }
}

async function findBySubmission(reporterId: string, submissionKey: string) {
  return prisma.complaint.findFirst({ where: { submissionKey, reporterId }, select: { number: true } });
}

/** The active category and the team the complaint goes to, or an error about the field at fault. */
async function resolveRouting(categoryId: string, routedTeamId: string | undefined) {
  const category = await prisma.complaintCategory.findUnique({
    where: { id: categoryId },
    select: { id: true, name: true, active: true, ownerTeamId: true },
  });
  if (!category || !category.active) throw new ComplaintInputError("categoryId", "Choose a category from the list.");
  const team = await prisma.team.findUnique({
    where: { id: routedTeamId || category.ownerTeamId },
    select: { id: true, name: true, parentId: true, complaintAckTargetMinutes: true },
  });
  if (!team) throw new ComplaintInputError("routedTeamId", "Choose a team from the list.");
  return { category, team };
}

async function managersOf(tx: Tx, teamIds: Array<string | null>) {
  const ids = teamIds.filter((id): id is string => !!id);
  const lists = await Promise.all(ids.map((id) => teamPeople(tx, id, "MANAGER")));
  return lists.flat();
}

export async function createComplaint(
  reporter: { id: string },
  input: NewComplaintInput,
  now = new Date(),
): Promise<{ number: number; duplicate: boolean }> {
  // Per person, so one person's token can't collide with another's.
  const submissionKey = `${reporter.id}:${input.formToken}`;
  const earlier = await findBySubmission(reporter.id, submissionKey);
  if (earlier) return { number: earlier.number, duplicate: true };

  const { category, team } = await resolveRouting(input.categoryId, input.routedTeamId);
  const status = initialStatus(input.resolvedAtFrontLine);
  const escalated = status === "ESCALATED";
  const critical = input.severity === "CRITICAL";

  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.complaint.create({
        data: {
          id: crypto.randomUUID(),
          reporterId: reporter.id,
          channel: input.channel,
          categoryId: category.id,
          severity: input.severity,
          summary: input.summary,
          details: input.details ?? "",
          actionTaken: input.actionTaken ?? "",
          resolvedAtFrontLine: input.resolvedAtFrontLine,
          occurredAt: input.occurredAt ?? now,
          status,
          routedTeamId: team.id,
          waitingOnTeamId: team.id,
          escalatedAt: escalated ? now : null,
          acknowledgeDueAt: escalated ? acknowledgeDueAt(now, team.complaintAckTargetMinutes) : null,
          customerName: input.customerName ?? null,
          customerEmail: input.customerEmail ?? null,
          customerPhone: input.customerPhone ?? null,
          customerReference: input.customerReference ?? null,
          submissionKey,
          createdAt: now,
        },
        select: { id: true, number: true },
      });
      const ref = formatComplaintNumber(created.number);
      const link = complaintPath(created.number);
      await tx.complaintEvent.create({
        data: { complaintId: created.id, actorId: reporter.id, kind: "LOGGED", at: now, toTeamId: team.id },
      });
      // The body names the category and severity only: never the customer's details.
      const body = `${category.name} · ${SEVERITY_LABELS[input.severity]} · ${input.summary}`;
      if (critical) {
        await tx.complaintEvent.create({
          data: {
            complaintId: created.id,
            actorId: reporter.id,
            kind: "CRITICAL_ALERT",
            at: now,
            fromTeamId: team.id,
            toTeamId: team.parentId ?? team.id,
          },
        });
        await notify(
          tx,
          await managersOf(tx, [team.id, team.parentId]),
          { kind: "COMPLAINT_CRITICAL", title: `Critical complaint for ${team.name}: ${ref} ${input.summary}`, body, link },
          reporter.id,
        );
      } else {
        const title = escalated
          ? `New complaint for ${team.name}: ${ref} ${input.summary}`
          : `For information, resolved at the front line: ${ref} ${input.summary}`;
        await notify(tx, await managersOf(tx, [team.id]), { kind: "COMPLAINT_ROUTED", title, body, link }, reporter.id);
      }
      return { number: created.number, duplicate: false };
    });
  } catch (error) {
    // Two submits raced past the first check: the loser finds the winner's complaint.
    if (isUniqueViolation(error)) {
      const winner = await findBySubmission(reporter.id, submissionKey);
      if (winner) return { number: winner.number, duplicate: true };
    }
    throw error;
  }
}
