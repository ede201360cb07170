// Service-level clocks: first response and resolution, measured in calendar minutes from the
// request's creation against its type's targets (transfers keep the clocks running). Pure.

export const SLA_WARNING_FRACTION = 0.8;
const MINUTE = 60_000;

export function slaDueDates(createdAt: Date, targets: { firstResponseTargetMinutes: number; resolutionTargetMinutes: number }) {
  return {
    firstResponseDueAt: new Date(createdAt.getTime() + targets.firstResponseTargetMinutes * MINUTE),
    resolutionDueAt: new Date(createdAt.getTime() + targets.resolutionTargetMinutes * MINUTE),
  };
}

/** When the warning for a clock is due: 80% of the way from start to deadline. */
export function slaWarningAt(startedAt: Date, dueAt: Date) {
  return new Date(startedAt.getTime() + (dueAt.getTime() - startedAt.getTime()) * SLA_WARNING_FRACTION);
}

export type SlaState =
  | { kind: "met"; text: string }
  | { kind: "missed"; text: string }
  | { kind: "running"; text: string; warning: boolean }
  | { kind: "overdue"; text: string }
  | { kind: "stopped"; text: string };

/** "3 h", "2 d 4 h", "45 min": the largest two units, rounded down. */
export function formatDuration(ms: number) {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / MINUTE));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 && hours < 10 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

/**
 * The state of one clock: met or missed once done; otherwise "due in …" (warning past 80%)
 * or "overdue by …"; "stopped" when the request ended without it (e.g. cancelled).
 */
export function slaState(args: { startedAt: Date; dueAt: Date; doneAt: Date | null; stoppedAt?: Date | null; now: Date }): SlaState {
  const { startedAt, dueAt, doneAt, stoppedAt, now } = args;
  if (doneAt) {
    return doneAt.getTime() <= dueAt.getTime()
      ? { kind: "met", text: `Met (${formatDuration(doneAt.getTime() - startedAt.getTime())})` }
      : { kind: "missed", text: `Missed by ${formatDuration(doneAt.getTime() - dueAt.getTime())}` };
  }
  if (stoppedAt) return { kind: "stopped", text: "Stopped" };
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return { kind: "overdue", text: `Overdue by ${formatDuration(-left)}` };
  return { kind: "running", text: `Due in ${formatDuration(left)}`, warning: now.getTime() >= slaWarningAt(startedAt, dueAt).getTime() };
}

/** Targets are entered and shown as hours or days, stored as minutes. */
export function describeTarget(minutes: number) {
  if (minutes % 1440 === 0) return `${minutes / 1440} ${minutes === 1440 ? "day" : "days"}`;
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? "hour" : "hours"}`;
  return formatDuration(minutes * MINUTE);
}
