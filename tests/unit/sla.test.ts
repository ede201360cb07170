// Service-level clocks: due dates from the type's targets, the warning at 80%, and the states
// the request page shows ("Due in 3 h", "Overdue by 2 h", met, missed, stopped).
import { describe, expect, test } from "vitest";
import { SLA_WARNING_FRACTION, describeTarget, formatDuration, slaDueDates, slaState, slaWarningAt } from "~/utils/sla";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const start = new Date("2026-03-10T09:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("slaDueDates", () => {
  test("adds each target, in calendar minutes, to the creation time", () => {
    expect(slaDueDates(start, { firstResponseTargetMinutes: 240, resolutionTargetMinutes: 3 * 1440 })).toEqual({
      firstResponseDueAt: new Date("2026-03-10T13:00:00Z"),
      resolutionDueAt: new Date("2026-03-13T09:00:00Z"),
    });
  });
});

describe("slaWarningAt", () => {
  test("is 80% of the way from start to deadline", () => {
    expect(SLA_WARNING_FRACTION).toBe(0.8);
    expect(slaWarningAt(start, at(10 * HOUR))).toEqual(at(8 * HOUR));
    expect(slaWarningAt(start, at(5 * DAY))).toEqual(at(4 * DAY));
  });
});

describe("formatDuration", () => {
  test.each([
    [0, "0 min"],
    [59 * 1000, "0 min"],
    [45 * MIN, "45 min"],
    [HOUR, "1 h"],
    [3 * HOUR + 20 * MIN, "3 h 20 min"],
    [12 * HOUR + 20 * MIN, "12 h"],
    [DAY, "1 d"],
    [2 * DAY + 4 * HOUR + 30 * MIN, "2 d 4 h"],
    [-2 * HOUR, "2 h"],
  ])("%i ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("slaState", () => {
  const dueAt = at(10 * HOUR);
  const state = (now: Date, extra: { doneAt?: Date | null; stoppedAt?: Date | null } = {}) =>
    slaState({ startedAt: start, dueAt, doneAt: extra.doneAt ?? null, stoppedAt: extra.stoppedAt, now });

  test("running before 80% of the target: due in …, no warning", () => {
    expect(state(at(7 * HOUR))).toEqual({ kind: "running", text: "Due in 3 h", warning: false });
    expect(state(start)).toEqual({ kind: "running", text: "Due in 10 h", warning: false });
  });

  test("running from 80% of the target: due in …, with a warning", () => {
    expect(state(at(8 * HOUR - 1))).toMatchObject({ kind: "running", warning: false });
    expect(state(at(8 * HOUR))).toEqual({ kind: "running", text: "Due in 2 h", warning: true });
    expect(state(at(9 * HOUR + 30 * MIN))).toEqual({ kind: "running", text: "Due in 30 min", warning: true });
    expect(state(dueAt)).toEqual({ kind: "running", text: "Due in 0 min", warning: true });
  });

  test("past the deadline and not done: overdue by …", () => {
    expect(state(at(12 * HOUR))).toEqual({ kind: "overdue", text: "Overdue by 2 h" });
    expect(state(at(3 * DAY))).toEqual({ kind: "overdue", text: "Overdue by 2 d 14 h" });
  });

  test("done in time: met, with how long it took, whatever the time now", () => {
    expect(state(at(30 * DAY), { doneAt: at(90 * MIN) })).toEqual({ kind: "met", text: "Met (1 h 30 min)" });
    expect(state(at(30 * DAY), { doneAt: dueAt })).toEqual({ kind: "met", text: "Met (10 h)" });
  });

  test("done late: missed by how much", () => {
    expect(state(at(30 * DAY), { doneAt: at(13 * HOUR) })).toEqual({ kind: "missed", text: "Missed by 3 h" });
  });

  test("ended without it (e.g. cancelled): stopped, unless it was done first", () => {
    expect(state(at(30 * DAY), { stoppedAt: at(HOUR) })).toEqual({ kind: "stopped", text: "Stopped" });
    expect(state(at(30 * DAY), { doneAt: at(HOUR), stoppedAt: at(2 * HOUR) })).toMatchObject({ kind: "met" });
  });
});

describe("describeTarget", () => {
  test.each([
    [60, "1 hour"],
    [240, "4 hours"],
    [1440, "1 day"],
    [3 * 1440, "3 days"],
    [90, "1 h 30 min"],
    [30, "30 min"],
  ])("%i minutes reads %s", (minutes, text) => {
    expect(describeTarget(minutes)).toBe(text);
  });
});
