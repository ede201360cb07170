// Form schemas for the actions on a request's page, shared by the forms and the action.
// Every form that changes the request itself carries the `version` it was rendered from
// (optimistic locking); replies and notes carry a form token instead, so a double submit adds
// one comment while two people can still reply at the same time.
import { z } from "zod";
import { REQUEST_STATUSES } from "~/utils/request-lifecycle";
import { COMMENT_MAX, REASON_MAX, isRealDay, todayIso } from "./requests";

export const REQUEST_INTENTS = ["assign", "status", "reply", "note", "promise", "transfer"] as const;
export type RequestIntent = (typeof REQUEST_INTENTS)[number];

export function isRequestIntent(value: unknown): value is RequestIntent {
  return typeof value === "string" && (REQUEST_INTENTS as readonly string[]).includes(value);
}

const RELOAD = "Reload the page and try again.";

const version = z.coerce.number({ error: RELOAD }).int(RELOAD).min(1, RELOAD);
const formToken = z.string({ error: RELOAD }).min(8, RELOAD).max(100, RELOAD);

function reason(missing: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`);
}

function commentBody(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(COMMENT_MAX, `Keep it under ${COMMENT_MAX.toLocaleString("en")} characters.`);
}

export const assignSchema = z.object({
  version,
  /** Empty (or missing) unassigns. */
  assigneeId: z.string().trim().max(100).optional(),
});

export const statusSchema = z.object({
  version,
  to: z.enum(REQUEST_STATUSES, { error: "Choose what should happen to the request." }),
});

export const replySchema = z.object({ formToken, body: commentBody("Write your reply before sending it.") });

export const noteSchema = z.object({ formToken, body: commentBody("Write the note before adding it.") });

export const promiseSchema = z.object({
  version,
  promisedAt: z
    .string({ error: "Choose the date you promise it by." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter a date like 2026-12-24.", abort: true })
    .refine(isRealDay, { error: "Enter a real date.", abort: true })
    .refine((v) => v >= todayIso(), "The promised date can't be in the past."),
  reason: reason("Say briefly why you promise this date (the requester sees it)."),
});

export const transferSchema = z.object({
  version,
  toTeamId: z.string({ error: "Choose the team to transfer it to." }).trim().min(1, "Choose the team to transfer it to."),
  typeId: z.string({ error: "Choose one of that team's request types." }).trim().min(1, "Choose one of that team's request types."),
  reason: reason("Say why it belongs with that team (the requester sees it)."),
});

/** Dates in promise forms are whole days, stored as UTC midnight. */
export function dateFromIso(value: string) {
  return new Date(`${value}T00:00:00Z`);
}
