import { z } from "zod";
import { DEFAULT_ACK_TARGET_MINUTES } from "~/utils/complaint-rules";
import { durationForForm, durationMinutes, isWholeMinutes, type DurationUnit } from "./durations";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(name: string) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export const ACK_TARGET_UNITS = ["minutes", "hours"] as const satisfies readonly DurationUnit[];
export const ACK_TARGET_MINUTES_MIN = 1;
export const ACK_TARGET_MINUTES_MAX = 30 * 24 * 60;
const ackTargetMessage = "Enter a time from 1 minute to 30 days (720 hours), in whole minutes.";
const ackTargetAmount = z.number({ error: ackTargetMessage });

/** A stored target as the form shows it: whole hours where they divide, else minutes. */
export function ackTargetForForm(minutes: number) {
  return durationForForm(minutes, ACK_TARGET_UNITS) as { value: string; unit: (typeof ACK_TARGET_UNITS)[number] };
}

/** The target the form asks for, in minutes; a new team left empty gets the default. */
export function ackTargetMinutes(value: { complaintAckTarget?: number; complaintAckTargetUnit: (typeof ACK_TARGET_UNITS)[number] }) {
  if (value.complaintAckTarget === undefined) return DEFAULT_ACK_TARGET_MINUTES;
  return durationMinutes(value.complaintAckTarget, value.complaintAckTargetUnit);
}

function checkAckTarget(
  value: { complaintAckTarget?: number; complaintAckTargetUnit: (typeof ACK_TARGET_UNITS)[number] },
  ctx: z.RefinementCtx,
) {
  if (value.complaintAckTarget === undefined) return;
  const minutes = ackTargetMinutes(value);
  if (
    !isWholeMinutes(value.complaintAckTarget, value.complaintAckTargetUnit) ||
    minutes < ACK_TARGET_MINUTES_MIN ||
    minutes > ACK_TARGET_MINUTES_MAX
  ) {
    ctx.addIssue({ code: "custom", path: ["complaintAckTarget"], message: ackTargetMessage });
  }
}

const teamFields = z.object({
  name: z
    .string({ error: "Enter the team's name." })
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, "Keep the address under 60 characters.")
    .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens, like customer-care.")
    .optional(),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters.").default(""),
  parentId: z.string().trim().optional(),
  // conform turns a ticked checkbox ("on") into true and a missing one into undefined.
  acceptsRequests: z.boolean().default(false),
  // An amount and a unit on the form, minutes in the database (teams.complaint_ack_target_minutes).
  // A new team left empty gets the default; the edit form always shows the current value, so
  // there an empty field is a mistake to point out rather than a silent reset.
  complaintAckTarget: ackTargetAmount.optional(),
  complaintAckTargetUnit: z.enum(ACK_TARGET_UNITS, { error: "Choose minutes or hours." }).default("hours"),
});

export const teamSchema = teamFields.superRefine(checkAckTarget);

export const editTeamSchema = teamFields
  .extend({
    complaintAckTarget: ackTargetAmount,
    version: z.coerce.date({ error: "Reload the page and try again." }),
  })
  .superRefine(checkAckTarget);

export const addMemberSchema = z.object({
  userId: z.string({ error: "Choose a person." }).min(1, "Choose a person."),
  role: z.enum(["MEMBER", "MANAGER"], { error: "Choose a role." }).default("MEMBER"),
});
