// The forms of a recovery case's steps, shared by the step form and the recovery page's action.
// Every step carries the case's `version` (optimistic locking: two managers acting at once get a
// conflict, not a double step). The apology and the corrective action must be written down; the
// closing note is optional.
import { z } from "zod";
import { RECOVERY_NOTE_MAX, RECOVERY_STEP_ORDER, type RecoveryStep } from "~/utils/recovery-lifecycle";

const RELOAD = "Reload the page and try again.";
const TOO_LONG = `Keep it under ${RECOVERY_NOTE_MAX.toLocaleString("en")} characters.`;

export const RECOVERY_FILTERS = ["open", "closed"] as const;
export type RecoveryFilter = (typeof RECOVERY_FILTERS)[number];

export function isRecoveryStep(value: unknown): value is RecoveryStep {
  return typeof value === "string" && (RECOVERY_STEP_ORDER as string[]).includes(value);
}

const version = z.number({ error: RELOAD }).int(RELOAD).min(1, RELOAD);

function requiredNote(missing: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(RECOVERY_NOTE_MAX, TOO_LONG);
}

const NOTE_SCHEMAS = {
  // Acknowledging needs no words; anything sent is ignored.
  acknowledge: z.string().optional(),
  apologise: requiredNote("Write the apology you sent (the requester sees it)."),
  correct: requiredNote("Say what was done so it does not happen again."),
  close: z.string().trim().max(RECOVERY_NOTE_MAX, TOO_LONG).optional(),
} satisfies Record<RecoveryStep, z.ZodType>;

/** The schema of one step's form. */
export function recoveryStepSchema(step: RecoveryStep) {
  return z.object({ step: z.literal(step, { error: RELOAD }), version, note: NOTE_SCHEMAS[step] });
}
