// Lengths of time entered on forms as an amount and a unit, and stored as whole minutes.
export const DURATION_UNITS = ["minutes", "hours", "days"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const MINUTES_PER: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** An amount in a unit as minutes, rounded to the nearest minute. */
export function durationMinutes(amount: number, unit: DurationUnit) {
  return Math.round(amount * MINUTES_PER[unit]);
}

/** Whether an amount in a unit is a whole number of minutes (2.5 hours is; 1.5 minutes isn't). */
export function isWholeMinutes(amount: number, unit: DurationUnit) {
  const minutes = amount * MINUTES_PER[unit];
  return Math.abs(minutes - Math.round(minutes)) < 1e-6;
}

/** Stored minutes as a form shows them: the largest of `units` that divides them evenly, else the smallest with up to two decimals. */
export function durationForForm(minutes: number, units: readonly DurationUnit[]): { value: string; unit: DurationUnit } {
  const largestFirst = [...units].sort((a, b) => MINUTES_PER[b] - MINUTES_PER[a]);
  const exact = largestFirst.find((u) => minutes % MINUTES_PER[u] === 0);
  const unit = exact ?? largestFirst[largestFirst.length - 1]!;
  return { value: String(Math.round((minutes / MINUTES_PER[unit]) * 100) / 100), unit };
}
