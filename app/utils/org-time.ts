// Calendar arithmetic in the organisation's time zone (UPSTREAM_TIME_ZONE): its days, weeks and
// working days. Pure: the zone is passed in, so the same functions serve the server, tests and
// the scorecard's period labels. Built on date-fns and @date-fns/tz (docs/decisions/009).
import { TZDate } from "@date-fns/tz";
import { addBusinessDays, addDays, format, isWeekend, startOfDay, startOfWeek } from "date-fns";

/** The instant `date` seen on the organisation's wall clock. */
export function inZone(date: Date, timeZone: string) {
  return new TZDate(date.getTime(), timeZone);
}

/** The calendar date (YYYY-MM-DD) that `date` falls on in the zone. */
export function orgDateIso(date: Date, timeZone: string) {
  return format(inZone(date, timeZone), "yyyy-MM-dd");
}

/** Midnight at the start of a YYYY-MM-DD date in the zone, as an instant. */
export function startOfOrgDate(dateIso: string, timeZone: string): Date {
  const [y, m, d] = dateIso.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

export function startOfOrgDay(date: Date, timeZone: string): Date {
  return new Date(startOfDay(inZone(date, timeZone)).getTime());
}

/** Monday 00:00 of the week `date` falls in, in the zone. */
export function startOfOrgWeek(date: Date, timeZone: string): Date {
  return new Date(startOfWeek(inZone(date, timeZone), { weekStartsOn: 1 }).getTime());
}

/** The YYYY-MM-DD date `days` after (or before) another, as calendar dates. */
export function addDaysIso(dateIso: string, days: number) {
  const [y, m, d] = dateIso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from one YYYY-MM-DD to another (0 for the same day). */
export function daysBetweenIso(fromIso: string, toIso: string) {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * `days` working days (Monday–Friday in the zone) after `start`. A start on a weekend counts
 * from the next Monday at 00:00, so a case opened on Saturday has all of Monday and Tuesday.
 * Public holidays are not known to the app.
 */
export function addWorkingDays(start: Date, days: number, timeZone: string): Date {
  let from = inZone(start, timeZone);
  if (isWeekend(from)) {
    while (isWeekend(from)) from = addDays(from, 1);
    from = startOfDay(from);
  }
  return new Date(addBusinessDays(from, days).getTime());
}
