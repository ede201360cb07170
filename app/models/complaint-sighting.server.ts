// "Heard it too": a rep adds a sighting to a complaint already logged instead of a duplicate
// (DESIGN.md, Principle 5). Who may: anyone who may see the complaint, and any rep for a complaint
// the similar-complaints search offers everyone (open, logged in the last 90 days). Closed
// complaints take no sightings: the rep logs a new one. A second submit of the same form (same
// form token) adds nothing. The waiting team's managers and the reporting rep are told.
import crypto from "node:crypto";
import { prisma, isUniqueViolation } from "~/utils/db.server";
import { CHANNEL_LABELS, complaintPath, formatComplaintNumber, SIMILAR_WITHIN_DAYS } from "~/utils/complaint-rules";
import type { SightingValues } from "~/validation/complaints";
import { notify, teamPeople } from "./notification.server";

export interface SightingTarget {
  id: string;
  number: number;
  summary: string;
  status: string;
  reporterId: string;
  waitingOnTeamId: string;
  createdAt: Date;
}

export const SIGHTING_TARGET_SELECT = {
  id: true,
  number: true,
  summary: true,
  status: true,
  reporterId: true,
  waitingOnTeamId: true,
  createdAt: true,
} as const;

/** The answer for a number that names no complaint — or one the person may not see, so they learn nothing of it. */
export const NO_SUCH_COMPLAINT = "That complaint doesn't exist. Log this one as a new complaint.";

/** Null when the sighting may be added; otherwise why not. `canView`: the person may see the complaint. */
export function sightingRefusal(target: Pick<SightingTarget, "status" | "createdAt">, canView: boolean, now = new Date()) {
  const offeredToAll = target.status !== "CLOSED" && now.getTime() - target.createdAt.getTime() <= SIMILAR_WITHIN_DAYS * 86_400_000;
  if (!canView && !offeredToAll) return NO_SUCH_COMPLAINT;
  if (target.status === "CLOSED") return "That complaint is closed. Log this one as a new complaint.";
  return null;
}

export async function addSighting(
  reporter: { id: string; name: string },
  target: SightingTarget,
  input: Pick<SightingValues, "formToken" | "channel" | "occurredAt" | "note">,
  now = new Date(),
): Promise<{ duplicate: boolean }> {
  const submissionKey = `${reporter.id}:${input.formToken}`;
  const seen = async () =>
    !!(await prisma.complaintSighting.findFirst({ where: { submissionKey, reporterId: reporter.id }, select: { id: true } }));
  if (await seen()) return { duplicate: true };
  try {
    await prisma.$transaction(async (tx) => {
      await tx.complaintSighting.create({
        data: {
          id: crypto.randomUUID(),
          complaintId: target.id,
          reporterId: reporter.id,
          channel: input.channel,
          note: input.note ?? "",
          occurredAt: input.occurredAt ?? now,
          submissionKey,
          createdAt: now,
        },
      });
      await tx.complaintEvent.create({
        data: { complaintId: target.id, actorId: reporter.id, kind: "SIGHTING_ADDED", at: now, note: input.note ?? null },
      });
      const ref = formatComplaintNumber(target.number);
      await notify(
        tx,
        [...(await teamPeople(tx, target.waitingOnTeamId, "MANAGER")), target.reporterId],
        {
          kind: "COMPLAINT_UPDATED",
          title: `Heard again: ${ref} ${target.summary}`,
          body: `${reporter.name} heard it too (${CHANNEL_LABELS[input.channel].toLowerCase()}).${input.note ? ` ${input.note}` : ""}`,
          link: complaintPath(target.number),
        },
        reporter.id,
      );
    });
    return { duplicate: false };
  } catch (error) {
    if (isUniqueViolation(error) && (await seen())) return { duplicate: true };
    throw error;
  }
}
