import { z } from "zod";
import { DEFAULT_ACK_TARGET_MINUTES } from "~/utils/complaint-rules";

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

export const ACK_TARGET_HOURS_MIN = 1;
export const ACK_TARGET_HOURS_MAX = 720;
const ackTargetMessage = `Enter a whole number of hours from ${ACK_TARGET_HOURS_MIN} to ${ACK_TARGET_HOURS_MAX} (30 days).`;
const ackTargetHoursField = z
  .number({ error: ackTargetMessage })
  .int(ackTargetMessage)
  .min(ACK_TARGET_HOURS_MIN, ackTargetMessage)
  .max(ACK_TARGET_HOURS_MAX, ackTargetMessage);

/** A stored target as the form shows it: whole hours (a target set elsewhere in odd minutes rounds). */
export function ackTargetHours(minutes: number) {
  return Math.min(ACK_TARGET_HOURS_MAX, Math.max(ACK_TARGET_HOURS_MIN, Math.round(minutes / 60)));
}

export const teamSchema = z.object({
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
  // Hours on the form, minutes in the database (teams.complaint_ack_target_minutes). A new team
  // left empty gets the default; the edit form always shows the current value, so there an
  // empty field is a mistake to point out rather than a silent reset.
  complaintAckTargetHours: ackTargetHoursField.default(DEFAULT_ACK_TARGET_MINUTES / 60),
});

export const editTeamSchema = teamSchema.extend({
  complaintAckTargetHours: ackTargetHoursField,
  version: z.coerce.date({ error: "Reload the page and try again." }),
});

export const addMemberSchema = z.object({
  userId: z.string({ error: "Choose a person." }).min(1, "Choose a person."),
  role: z.enum(["MEMBER", "MANAGER"], { error: "Choose a role." }).default("MEMBER"),
});
