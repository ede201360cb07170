// Form schemas for employee feedback, shared by the forms and their actions, and the follow-up
// code's alphabet (the browser may show the format; only the server makes codes).
import { z } from "zod";

export const SUBJECT_MAX = 120;
export const FEEDBACK_BODY_MAX = 4000;
export const RESPONSE_MAX = 4000;

export const FEEDBACK_KINDS = ["SUGGESTION", "CONCERN"] as const;
export type FeedbackKindName = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Record<FeedbackKindName, string> = { SUGGESTION: "Suggestion", CONCERN: "Concern" };

export const FEEDBACK_STATUSES = ["OPEN", "ANSWERED", "CLOSED"] as const;
export type FeedbackStatusName = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatusName, string> = { OPEN: "Open", ANSWERED: "Answered", CLOSED: "Closed" };

/** The value of the "to" choice that addresses management rather than a team. */
export const TO_MANAGEMENT = "management";

const CHOOSE_TO = "Choose a team, or Management.";

export const feedbackSchema = z.object({
  formToken: z.string().min(16).max(100),
  kind: z.enum(FEEDBACK_KINDS, { error: "Choose suggestion or concern." }),
  to: z.string({ error: CHOOSE_TO }).min(1, CHOOSE_TO).max(100),
  subject: z
    .string({ error: "Give it a short subject." })
    .trim()
    .min(1, "Give it a short subject.")
    .max(SUBJECT_MAX, `Keep the subject to ${SUBJECT_MAX} characters or fewer.`),
  body: z
    .string({ error: "Say what you'd like them to know." })
    .trim()
    .min(1, "Say what you'd like them to know.")
    .max(FEEDBACK_BODY_MAX, `Keep it to ${FEEDBACK_BODY_MAX.toLocaleString("en")} characters or fewer.`),
  anonymous: z.boolean().default(false),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;

/**
 * Crockford's base 32: no I, L, O or U, so nothing is mistaken for 1, 0 or V. 16 characters
 * carry 80 bits.
 */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 16;

/** The code as typed (any case, spaces, dashes, O for 0, I or L for 1) → 16 characters, or null. */
export function normalizeFollowUpCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (compact.length !== CODE_LENGTH) return null;
  return [...compact].every((c) => CODE_ALPHABET.includes(c)) ? compact : null;
}

/** XXXX-XXXX-XXXX-XXXX, for reading aloud and copying. */
export function formatFollowUpCode(code: string) {
  return code.match(/.{1,4}/g)!.join("-");
}

const CODE_ERROR = "Enter the 16-character code you were given, e.g. 7KQ2-M9XD-4TRP-0WZA.";

export const followSchema = z.object({
  code: z
    .string({ error: CODE_ERROR })
    .trim()
    .max(40, CODE_ERROR)
    .refine((v) => normalizeFollowUpCode(v) !== null, CODE_ERROR),
});

export const respondSchema = z.object({
  intent: z.literal("respond"),
  formToken: z.string().min(16).max(100),
  body: z
    .string({ error: "Write your response." })
    .trim()
    .min(1, "Write your response.")
    .max(RESPONSE_MAX, `Keep the response to ${RESPONSE_MAX.toLocaleString("en")} characters or fewer.`),
  close: z.boolean().default(false),
});

export const closeSchema = z.object({ intent: z.literal("close") });
