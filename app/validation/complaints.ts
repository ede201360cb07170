// Form schemas for logging a complaint and for "heard it too", shared by the log form (client
// checks as the rep types) and its action. "When it happened" is a datetime-local value read on
// the organisation's wall clock (UPSTREAM_TIME_ZONE), so the schemas take the zone.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import {
  COMPLAINT_CHANNELS,
  CUSTOMER_FIELD_MAX,
  DETAILS_MAX,
  NOTE_MAX,
  SEVERITIES,
  SIGHTING_NOTE_MAX,
  SUMMARY_MAX,
} from "~/utils/complaint-rules";

/** The browser's clock may run a little ahead of the server's: "now" on the form is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;
const PHONE_DIGITS_MIN = 7;
const PHONE_DIGITS_MAX = 15;

export interface ComplaintFormContext {
  timeZone: string;
  /** Defaults to the moment of parsing. */
  now?: Date;
}

/** `date` as a datetime-local value (yyyy-MM-ddTHH:mm) on the organisation's wall clock. */
export function toLocalDateTime(date: Date, timeZone: string) {
  return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

/**
 * A datetime-local value read in the zone, or null when it isn't one. A space instead of the "T"
 * is accepted too: it is what the error message shows, and what people type where the browser
 * offers a plain text box.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ]\s*(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new TZDate(y, mo - 1, d, h, mi, s, timeZone);
  // 31 February rolls over into March: refuse it rather than guess.
  if (date.getDate() !== d || date.getMonth() !== mo - 1) return null;
  return new Date(date.getTime());
}

const trimmed = (max: number, message: string) => z.string().trim().max(max, message);

/** An optional text field: blank becomes undefined. */
function optionalText(max: number, message: string) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), trimmed(max, message).optional());
}

function occurredAt({ timeZone, now }: ComplaintFormContext) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const date = parseLocalDateTime(value, timeZone);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "Enter the date and time like 2026-11-23 14:05." });
        return z.NEVER;
      }
      if (date.getTime() > (now ?? new Date()).getTime() + CLOCK_SKEW_MS) {
        ctx.addIssue({ code: "custom", message: "When it happened can't be in the future." });
        return z.NEVER;
      }
      return date;
    });
}

const channel = z.enum(COMPLAINT_CHANNELS, { error: "Choose where you heard it." });
const formToken = z.string({ error: "This form has expired. Reload the page and send it again." }).min(8).max(100);

/** Digits, spaces and + - ( ) . only, with 7–15 digits (the international maximum). */
export function isPhoneNumber(value: string) {
  if (!/^\+?[\d\s().-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX;
}

export function complaintLogSchema(context: ComplaintFormContext) {
  return z.object({
    formToken,
    channel,
    categoryId: z.string({ error: "Choose a category." }).trim().min(1, "Choose a category."),
    severity: z.enum(SEVERITIES, { error: "Choose how severe it is: low, medium, high or critical." }),
    summary: z
      .string({ error: "Say in a line what the customer complained about." })
      .trim()
      .min(1, "Say in a line what the customer complained about.")
      .max(SUMMARY_MAX, `Keep the summary to ${SUMMARY_MAX} characters or fewer.`),
    details: optionalText(DETAILS_MAX, `Keep the details to ${DETAILS_MAX.toLocaleString("en")} characters or fewer.`),
    actionTaken: optionalText(NOTE_MAX, `Keep what you did to ${NOTE_MAX.toLocaleString("en")} characters or fewer.`),
    resolvedAtFrontLine: z.enum(["yes", "no"], { error: "Say whether you resolved it yourself." }),
    occurredAt: occurredAt(context),
    routedTeamId: optionalText(100, "Choose a team from the list."),
    customerName: optionalText(CUSTOMER_FIELD_MAX, `Keep the name to ${CUSTOMER_FIELD_MAX} characters or fewer.`),
    customerEmail: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .string()
        .trim()
        .max(CUSTOMER_FIELD_MAX, `Keep the email address to ${CUSTOMER_FIELD_MAX} characters or fewer.`)
        .pipe(z.email({ error: "Enter an email address like name@example.com, or leave it empty." }))
        .optional(),
    ),
    customerPhone: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .string()
        .trim()
        .max(40, "That phone number is too long.")
        .refine(isPhoneNumber, `Enter a phone number with ${PHONE_DIGITS_MIN} to ${PHONE_DIGITS_MAX} digits, e.g. +44 20 7946 0958.`)
        .optional(),
    ),
    customerReference: optionalText(CUSTOMER_FIELD_MAX, `Keep the reference to ${CUSTOMER_FIELD_MAX} characters or fewer.`),
    /** "new": the rep has seen the similar complaints and logs this one anyway. */
    choice: z.enum(["new"]).optional(),
  });
}

export type ComplaintLogValues = z.infer<ReturnType<typeof complaintLogSchema>>;

/**
 * "Heard it too". On the log form the submit button carries `sightingOf` (the complaint's number)
 * and the rest comes from the same form: its channel, when it happened and an optional note.
 */
export function sightingSchema(context: ComplaintFormContext) {
  return z.object({
    formToken,
    sightingOf: z.string().trim().max(20).optional(),
    channel,
    occurredAt: occurredAt(context),
    note: optionalText(SIGHTING_NOTE_MAX, `Keep the note to ${SIGHTING_NOTE_MAX} characters or fewer.`),
  });
}

export type SightingValues = z.infer<ReturnType<typeof sightingSchema>>;

/** Which of the two the log form's submission is: the submit button decides. */
export function logFormSchema(formData: FormData, context: ComplaintFormContext) {
  return formData.has("sightingOf") ? sightingSchema(context) : complaintLogSchema(context);
}
