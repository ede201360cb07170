// The steps of a recovery case and when an unacknowledged case escalates.
import { describe, expect, test } from "vitest";
import {
  ACKNOWLEDGE_WITHIN_WORKING_DAYS,
  RECOVERY_STATUSES,
  RECOVERY_STATUS_LABELS,
  RECOVERY_STEPS,
  acknowledgeDueAt,
  checkRecoveryStep,
  nextRecoveryStep,
  recoveryPath,
  type RecoveryStatus,
  type RecoveryStep,
} from "~/utils/recovery-lifecycle";

describe("recovery steps", () => {
  test.each<[RecoveryStatus, RecoveryStep | null]>([
    ["OPEN", "acknowledge"],
    ["ACKNOWLEDGED", "apologise"],
    ["APOLOGY_SENT", "correct"],
    ["ACTION_RECORDED", "close"],
    ["CLOSED", null],
  ])("from %s the next step is %s", (status, step) => {
    expect(nextRecoveryStep(status)).toBe(step);
  });

  test("each step leads from one status to the next, in order", () => {
    const path: RecoveryStatus[] = ["OPEN"];
    let step = nextRecoveryStep("OPEN");
    while (step) {
      const check = checkRecoveryStep(path.at(-1)!, step);
      expect(check.ok).toBe(true);
      if (check.ok) path.push(check.to);
      step = nextRecoveryStep(path.at(-1)!);
    }
    expect(path).toEqual([...RECOVERY_STATUSES]);
  });

  test("a step out of order names the step that comes next", () => {
    expect(checkRecoveryStep("OPEN", "close")).toEqual({
      ok: false,
      message: 'The next step is "acknowledge the problem": the steps go in order.',
    });
    expect(checkRecoveryStep("APOLOGY_SENT", "apologise")).toEqual({
      ok: false,
      message: 'The next step is "record the corrective action": the steps go in order.',
    });
  });

  test("nothing can be done to a closed case", () => {
    expect(checkRecoveryStep("CLOSED", "close")).toEqual({ ok: false, message: "This recovery case is already closed." });
  });

  test("the apology and the corrective action are written down; acknowledging needs no words", () => {
    expect(RECOVERY_STEPS.acknowledge.noteLabel).toBeNull();
    expect(RECOVERY_STEPS.apologise.noteLabel).toBeTruthy();
    expect(RECOVERY_STEPS.correct.noteLabel).toBeTruthy();
  });

  test("every status has a label in words", () => {
    for (const status of RECOVERY_STATUSES) expect(RECOVERY_STATUS_LABELS[status]).toMatch(/^[A-Z][a-z ]+$/);
  });
});

describe("acknowledgement deadline", () => {
  test(`is ${ACKNOWLEDGE_WITHIN_WORKING_DAYS} working days in the organisation's time zone`, () => {
    // Opened Thursday: due Monday at the same time.
    expect(acknowledgeDueAt(new Date("2026-11-19T11:00:00Z"), "UTC")).toEqual(new Date("2026-11-23T11:00:00Z"));
    // Opened Saturday: due Wednesday 00:00.
    expect(acknowledgeDueAt(new Date("2026-11-21T11:00:00Z"), "UTC")).toEqual(new Date("2026-11-25T00:00:00Z"));
  });
});

test("the case's page sits under its request", () => {
  expect(recoveryPath(42)).toBe("/requests/REQ-42/recovery");
});
