// The period a scorecard or dashboard covers, from its URL (?period=30|90|365 or
// ?period=custom&from=YYYY-MM-DD&to=YYYY-MM-DD), and the equal period just before it that the
// figures are compared with. Days are the organisation's calendar days, both ends inclusive.
// Bad input never breaks the page: it is reported beside the field and the default view shown.
import { addDaysIso, daysBetweenIso, startOfOrgDate } from "./org-time";

export const PERIOD_PRESETS = ["30", "90", "365"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number] | "custom";
export const DEFAULT_PRESET = "90";
/** Three years, leap day included. */
export const MAX_PERIOD_DAYS = 3 * 365 + 1;

export interface Period {
  preset: PeriodPreset;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
  days: number;
}

export interface PeriodChoice {
  period: Period;
  previous: Period;
  /** Messages for the period fields when the URL asked for something unusable. */
  errors: { from?: string; to?: string; period?: string };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validIsoDate(text: string | null): text is string {
  if (!text || !ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function lastDays(days: number, today: string, preset: PeriodPreset): Period {
  return { preset, from: addDaysIso(today, -(days - 1)), to: today, days };
}

/** The equal-length period that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const to = addDaysIso(period.from, -1);
  return { preset: period.preset, from: addDaysIso(to, -(period.days - 1)), to, days: period.days };
}

function choice(period: Period, errors: PeriodChoice["errors"] = {}): PeriodChoice {
  return { period, previous: previousPeriod(period), errors };
}

/** Reads the period from a URL's search parameters; `today` is the organisation's date. */
export function parsePeriod(params: URLSearchParams, today: string): PeriodChoice {
  const preset = params.get("period") ?? DEFAULT_PRESET;
  const fallback = lastDays(Number(DEFAULT_PRESET), today, DEFAULT_PRESET);
  if ((PERIOD_PRESETS as readonly string[]).includes(preset)) return choice(lastDays(Number(preset), today, preset as PeriodPreset));
  if (preset !== "custom") return choice(fallback, { period: "Choose one of the periods offered." });

  const from = params.get("from");
  const to = params.get("to");
  const errors: PeriodChoice["errors"] = {};
  if (!validIsoDate(from)) errors.from = "Enter the first day as a date, e.g. 2026-01-31.";
  if (!validIsoDate(to)) errors.to = "Enter the last day as a date, e.g. 2026-03-31.";
  if (errors.from || errors.to) return choice(fallback, errors);
  const start = from as string;
  const end = to as string;
  if (end < start) return choice(fallback, { to: "The last day must be on or after the first day." });
  if (end > today) return choice(fallback, { to: "The last day can't be in the future." });
  const days = daysBetweenIso(start, end) + 1;
  if (days > MAX_PERIOD_DAYS) return choice(fallback, { to: "Choose a period of at most 3 years." });
  return choice({ preset: "custom", from: start, to: end, days });
}

/** The period as instants: [start, end) in the organisation's time zone. */
export function periodBounds(period: Pick<Period, "from" | "to">, timeZone: string) {
  return { start: startOfOrgDate(period.from, timeZone), end: startOfOrgDate(addDaysIso(period.to, 1), timeZone) };
}

/** The query string that selects this period (for links that keep it). */
export function periodQuery(period: Period): Record<string, string> {
  return period.preset === "custom" ? { period: "custom", from: period.from, to: period.to } : { period: period.preset };
}

const DAY_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatPeriod(period: Pick<Period, "from" | "to">) {
  const f = (iso: string) => DAY_FORMAT.format(new Date(`${iso}T00:00:00Z`));
  return period.from === period.to ? f(period.from) : `${f(period.from)} – ${f(period.to)}`;
}
