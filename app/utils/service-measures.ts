// The service measures of a provider team's scorecard (DESIGN.md, Measures), computed from the
// counts the database adds up. Each measure is a numerator over a population of the team's
// requests in the period; the SQL that counts them (app/models/scorecard-sql.server.ts) and the
// drill-down lists use the same predicates, so every number links to exactly the requests behind
// it. Populations, for a period [start, end):
//
//   volume               requests created in the period
//   csat, delight, dims  requests whose FIRST rating was given in the period (re-ratings never count)
//   responseRate         requests resolved in the period; numerator: those with a FIRST rating
//   firstResponseSla     requests created in the period whose first-response clock ended: answered,
//                        or still unanswered past its due time (cancelled before due: left out);
//                        numerator: answered at or before due
//   resolutionSla        requests resolved in the period, and open ones whose resolution due time
//                        fell in the period; numerator: resolved at or before due
//   promisesKept         requests with a promised date in the period that were resolved, or whose
//                        promised date has passed; numerator: resolved on or before the promised
//                        date (the organisation's calendar day)
//   transfers, bounce    requests created in the period; transfers per request = Σ transfers ÷ n;
//                        bounce = transferred at least once ÷ n
//   reopen               requests created in the period that were ever resolved; numerator: reopened
//   recovery             recovery cases closed in the period; numerator: re-rated 4 or 5
//   median times         first response − created (created in the period, answered);
//                        resolved − created (resolved in the period)
import { DIMENSIONS, type DimensionKey } from "./rating-rules";

export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface ScorecardCounts {
  volume: number;
  csat: Ratio;
  delight: Ratio;
  dimensions: Record<DimensionKey, { sum: number; count: number }>;
  responseRate: Ratio;
  firstResponseSla: Ratio;
  resolutionSla: Ratio;
  promisesKept: Ratio;
  /** Σ transfers over the requests created in the period (denominator: volume). */
  transfers: Ratio;
  bounce: Ratio;
  reopen: Ratio;
  recovery: Ratio;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
}

export type MeasureKey =
  | "csat"
  | "delight"
  | "responseRate"
  | "firstResponseSla"
  | "resolutionSla"
  | "promisesKept"
  | "transfers"
  | "bounce"
  | "reopen"
  | "recovery"
  | "volume"
  | "medianFirstResponse"
  | "medianResolution";

export type MeasureFormat = "percent" | "perRequest" | "count" | "minutes";

export interface MeasureDefinition {
  key: MeasureKey;
  label: string;
  format: MeasureFormat;
  /** Whether a rise is good news (arrows and colours follow it). */
  higherIsBetter: boolean;
  /** What the page says instead of a number when the population is empty. */
  empty: string;
  /** One line saying how it is computed, shown beside the number. */
  definition: string;
}

export const MEASURES: MeasureDefinition[] = [
  {
    key: "csat",
    label: "CSAT",
    format: "percent",
    higherIsBetter: true,
    empty: "No ratings yet",
    definition: "First ratings of 4 or 5 ÷ all first ratings",
  },
  {
    key: "delight",
    label: "Delight",
    format: "percent",
    higherIsBetter: true,
    empty: "No ratings yet",
    definition: "Ratings saying the service exceeded expectations ÷ all first ratings",
  },
  {
    key: "responseRate",
    label: "Response rate",
    format: "percent",
    higherIsBetter: true,
    empty: "Nothing resolved yet",
    definition: "Requests resolved in the period that were rated ÷ requests resolved",
  },
  {
    key: "firstResponseSla",
    label: "First-response SLA met",
    format: "percent",
    higherIsBetter: true,
    empty: "No first responses due yet",
    definition: "Answered by the first-response target ÷ requests whose first-response clock ended",
  },
  {
    key: "resolutionSla",
    label: "Resolution SLA met",
    format: "percent",
    higherIsBetter: true,
    empty: "No resolutions due yet",
    definition: "Resolved by the resolution target ÷ requests resolved or overdue",
  },
  {
    key: "promisesKept",
    label: "Promises kept",
    format: "percent",
    higherIsBetter: true,
    empty: "No promises due yet",
    definition: "Resolved on or before the promised date ÷ promises that fell due",
  },
  {
    key: "transfers",
    label: "Transfers per request",
    format: "perRequest",
    higherIsBetter: false,
    empty: "No requests yet",
    definition: "Transfers ÷ requests received",
  },
  {
    key: "bounce",
    label: "Bounce rate",
    format: "percent",
    higherIsBetter: false,
    empty: "No requests yet",
    definition: "Requests transferred at least once ÷ requests received",
  },
  {
    key: "reopen",
    label: "Reopen rate",
    format: "percent",
    higherIsBetter: false,
    empty: "Nothing resolved yet",
    definition: "Reopened at least once ÷ requests received that were resolved",
  },
  {
    key: "recovery",
    label: "Recovery rate",
    format: "percent",
    higherIsBetter: true,
    empty: "No recovery cases closed",
    definition: "Closed recovery cases re-rated 4 or 5 ÷ closed recovery cases",
  },
  {
    key: "volume",
    label: "Requests received",
    format: "count",
    higherIsBetter: true,
    empty: "No requests yet",
    definition: "Requests created in the period",
  },
  {
    key: "medianFirstResponse",
    label: "Median first response",
    format: "minutes",
    higherIsBetter: false,
    empty: "No first responses yet",
    definition: "Middle time from creation to the first reply or status change",
  },
  {
    key: "medianResolution",
    label: "Median resolution time",
    format: "minutes",
    higherIsBetter: false,
    empty: "Nothing resolved yet",
    definition: "Middle time from creation to resolution",
  },
];

export const MEASURE_BY_KEY = Object.fromEntries(MEASURES.map((m) => [m.key, m])) as Record<MeasureKey, MeasureDefinition>;

/** A share in percent, or null when there is nothing to divide by (never NaN, never a false 0%). */
export function percent(ratio: Ratio): number | null {
  return ratio.denominator > 0 ? (ratio.numerator / ratio.denominator) * 100 : null;
}

export function average(sum: number, count: number): number | null {
  return count > 0 ? sum / count : null;
}

export interface MeasureValue {
  key: MeasureKey;
  value: number | null;
  /** The counts behind a ratio (absent for volume and medians). */
  ratio?: Ratio;
}

/** Every measure's value from the counts. */
export function scorecardMeasures(counts: ScorecardCounts): Record<MeasureKey, MeasureValue> {
  const ratio = (key: MeasureKey, r: Ratio, value = percent(r)): MeasureValue => ({ key, value, ratio: r });
  return {
    csat: ratio("csat", counts.csat),
    delight: ratio("delight", counts.delight),
    responseRate: ratio("responseRate", counts.responseRate),
    firstResponseSla: ratio("firstResponseSla", counts.firstResponseSla),
    resolutionSla: ratio("resolutionSla", counts.resolutionSla),
    promisesKept: ratio("promisesKept", counts.promisesKept),
    transfers: ratio("transfers", counts.transfers, average(counts.transfers.numerator, counts.transfers.denominator)),
    bounce: ratio("bounce", counts.bounce),
    reopen: ratio("reopen", counts.reopen),
    recovery: ratio("recovery", counts.recovery),
    volume: { key: "volume", value: counts.volume },
    medianFirstResponse: { key: "medianFirstResponse", value: counts.medianFirstResponseMinutes },
    medianResolution: { key: "medianResolution", value: counts.medianResolutionMinutes },
  };
}

/** The average score of each expectation, in the form's order; null where nobody scored it. */
export function dimensionAverages(counts: ScorecardCounts) {
  return DIMENSIONS.map((d) => {
    const { sum, count } = counts.dimensions[d.key];
    return { key: d.key, label: d.label, average: average(sum, count), count };
  });
}

export type Trend = "up" | "down" | "same";

export interface MeasureChange {
  /** Current minus previous, in the measure's unit (percentage points for percentages). */
  delta: number;
  trend: Trend;
  /** Whether the change is good news, bad news, or neither. */
  verdict: "better" | "worse" | "same";
}

/** How a measure moved against the previous period; null when either value is missing. */
export function measureChange(
  definition: Pick<MeasureDefinition, "higherIsBetter" | "format">,
  current: number | null,
  previous: number | null,
): MeasureChange | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  // Below the precision the page shows, a change is no change.
  const shown = definition.format === "perRequest" ? 0.005 : 0.05;
  if (Math.abs(delta) < shown) return { delta: 0, trend: "same", verdict: "same" };
  const trend: Trend = delta > 0 ? "up" : "down";
  const better = (trend === "up") === definition.higherIsBetter;
  return { delta, trend, verdict: better ? "better" : "worse" };
}

/** Minutes as the page shows a duration: "45 min", "3.5 h", "2.3 days". */
export function formatMinutes(minutes: number) {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1).replace(/\.0$/, "")} h`;
  return `${(minutes / 1440).toFixed(1).replace(/\.0$/, "")} days`;
}

/** A measure's value as text, or its "nothing yet" wording. */
export function formatMeasure(definition: Pick<MeasureDefinition, "format" | "empty">, value: number | null) {
  if (value === null) return definition.empty;
  switch (definition.format) {
    case "percent":
      return `${value.toFixed(1).replace(/\.0$/, "")}%`;
    case "perRequest":
      return value.toFixed(2);
    case "count":
      return value.toLocaleString("en");
    case "minutes":
      return formatMinutes(value);
  }
}

export interface WeekRow {
  /** Monday of the week, YYYY-MM-DD in the organisation's calendar. */
  week: string;
  ratings: number;
  satisfied: number;
  volume: number;
}

/**
 * One row per week from the week containing `from` to the week containing `to`, with weeks that
 * had nothing filled with zero volume and no CSAT (null: a gap in the line, not a fall to 0%).
 */
export function weeklyTrend(rows: WeekRow[], from: string, to: string) {
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  const monday = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d;
  };
  const out: Array<{ week: string; volume: number; ratings: number; csat: number | null }> = [];
  const end = monday(to);
  for (const d = monday(from); d <= end; d.setUTCDate(d.getUTCDate() + 7)) {
    const week = d.toISOString().slice(0, 10);
    const row = byWeek.get(week);
    out.push({
      week,
      volume: row?.volume ?? 0,
      ratings: row?.ratings ?? 0,
      csat: row ? percent({ numerator: row.satisfied, denominator: row.ratings }) : null,
    });
  }
  return out;
}
