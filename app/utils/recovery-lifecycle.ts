// Service recovery (DESIGN.md, RecoveryCase; Principle 4): a poor rating opens a case that the
// provider team's managers take through fixed steps, in order:
//   OPEN → ACKNOWLEDGED → APOLOGY_SENT → ACTION_RECORDED → CLOSED
// A case nobody acknowledges within ACKNOWLEDGE_WITHIN_WORKING_DAYS escalates to the managers of
// the team above, and again from there, until someone acknowledges it or there is no team above.
import { addWorkingDays } from "./org-time";

export const RECOVERY_STATUSES = ["OPEN", "ACKNOWLEDGED", "APOLOGY_SENT", "ACTION_RECORDED", "CLOSED"] as const;
export type RecoveryStatus = (typeof RECOVERY_STATUSES)[number];
export const ACKNOWLEDGE_WITHIN_WORKING_DAYS = 2;
export const RECOVERY_NOTE_MAX = 2000;

export const RECOVERY_STATUS_LABELS: Record<RecoveryStatus, string> = {
  OPEN: "Waiting to be acknowledged",
  ACKNOWLEDGED: "Acknowledged",
  APOLOGY_SENT: "Apology sent",
  ACTION_RECORDED: "Corrective action recorded",
  CLOSED: "Closed",
};

export type RecoveryStep = "acknowledge" | "apologise" | "correct" | "close";

/** Each step: the status it needs, the status it leads to, and how the page names it. */
export const RECOVERY_STEPS: Record<RecoveryStep, { from: RecoveryStatus; to: RecoveryStatus; action: string; noteLabel: string | null }> =
  {
    acknowledge: { from: "OPEN", to: "ACKNOWLEDGED", action: "Acknowledge the problem", noteLabel: null },
    apologise: { from: "ACKNOWLEDGED", to: "APOLOGY_SENT", action: "Record the apology", noteLabel: "The apology sent to the requester" },
    correct: {
      from: "APOLOGY_SENT",
      to: "ACTION_RECORDED",
      action: "Record the corrective action",
      noteLabel: "What was done so it does not happen again",
    },
    close: { from: "ACTION_RECORDED", to: "CLOSED", action: "Close the case", noteLabel: "Closing note (optional)" },
  };

export const RECOVERY_STEP_ORDER: RecoveryStep[] = ["acknowledge", "apologise", "correct", "close"];

/** The one step a case in `status` can take next, or null when it is closed. */
export function nextRecoveryStep(status: RecoveryStatus): RecoveryStep | null {
  return RECOVERY_STEP_ORDER.find((step) => RECOVERY_STEPS[step].from === status) ?? null;
}

export type StepCheck = { ok: true; to: RecoveryStatus } | { ok: false; message: string };

export function checkRecoveryStep(status: RecoveryStatus, step: RecoveryStep): StepCheck {
  const rule = RECOVERY_STEPS[step];
  if (rule.from === status) return { ok: true, to: rule.to };
  if (status === "CLOSED") return { ok: false, message: "This recovery case is already closed." };
  const next = nextRecoveryStep(status);
  return {
    ok: false,
    message: `The next step is "${next ? RECOVERY_STEPS[next].action.toLowerCase() : ""}": the steps go in order.`,
  };
}

/** When a case opened (or escalated) at `from` escalates if still unacknowledged. */
export function acknowledgeDueAt(from: Date, timeZone: string) {
  return addWorkingDays(from, ACKNOWLEDGE_WITHIN_WORKING_DAYS, timeZone);
}

/** The recovery case page of a request. */
export function recoveryPath(requestNumber: number) {
  return `/requests/REQ-${requestNumber}/recovery`;
}
