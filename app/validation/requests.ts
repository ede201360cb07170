// Form schemas for requests, shared by the forms and their actions.
import { z } from "zod";
import { PRIORITIES } from "~/utils/request-number";
import { durationMinutes } from "./durations";

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const COMMENT_MAX = 20_000;
export const REASON_MAX = 500;

/**
 * Whether yyyy-mm-dd is a day of the calendar. Date.parse alone is not enough: it reads
 * "2026-02-30" as 2 March.
 */
export function isRealDay(value: string) {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date like 2026-12-24.")
  .refine(isRealDay, "Enter a real date.");

/** Today's date (UTC) as yyyy-mm-dd, for "not in the past" checks. */
export function todayIso(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

export const newRequestSchema = z.object({
  formToken: z.string().min(8).max(100),
  providerTeamId: z.string({ error: "Choose the team you're asking." }).min(1, "Choose the team you're asking."),
  typeId: z.string({ error: "Choose what kind of request this is." }).min(1, "Choose what kind of request this is."),
  title: z
    .string({ error: "Give the request a short title." })
    .trim()
    .min(1, "Give the request a short title.")
    .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`),
  body: z
    .string({ error: "Describe what you need." })
    .trim()
    .min(1, "Describe what you need.")
    .max(BODY_MAX, `Keep the description under ${BODY_MAX.toLocaleString("en")} characters.`),
  priority: z.enum(PRIORITIES, { error: "Choose a priority." }).optional(),
  dueAt: isoDate.optional().refine((v) => !v || v >= todayIso(), "The needed-by date can't be in the past."),
  requestingTeamId: z.string().optional(),
});

export const requestTypeSchema = z.object({
  name: z
    .string({ error: "Name the request type." })
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(100, "Keep the name under 100 characters."),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters.").default(""),
  defaultPriority: z.enum(PRIORITIES, { error: "Choose a default priority." }).default("NORMAL"),
  firstResponseTarget: z.coerce.number({ error: "Enter a number." }).positive("Enter a number above zero.").max(10_000, "That's too long."),
  firstResponseUnit: z.enum(["hours", "days"]).default("hours"),
  resolutionTarget: z.coerce.number({ error: "Enter a number." }).positive("Enter a number above zero.").max(10_000, "That's too long."),
  resolutionUnit: z.enum(["hours", "days"]).default("days"),
  active: z.boolean().default(false),
});

export function targetMinutes(value: number, unit: "hours" | "days") {
  return durationMinutes(value, unit);
}
