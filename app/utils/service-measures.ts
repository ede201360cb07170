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
//   resolutionSla        requests resolved in the period, and open ones (not cancelled) whose
//                        resolution due time fell in the period and has passed; numerator:
//                        resolved at or before due
//   promisesKept         requests with a promised date in the period that were resolved, or whose
//                        promised date has passed (cancelled on or before that day: left out);
//                        numerator: resolved on or before the promised date (the organisation's
//                        calendar day)
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
  /** The median and how many requests it is the middle of. */
  medianFirstResponse: Median;
  medianResolution: Median;
}

export interface Median {
  minutes: number | null;
  count: number;
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

export type MeasureFormat = "percent" | "perRequest" | "count" | "minutes" | "score";

export interface MeasureDefinition {
  key: MeasureKey;
  label: string;
  format: MeasureFormat;
  /** Whether a rise is good news (arrows and colours follow it); null: neither (volume). */
  higherIsBetter: boolean | null;
  /** What the population is made of, for "x of y …" beside the number. */
  unit: string;
  /** What the page says instead of a number when the population is empty. */
  empty: string;
  /** One line saying how it is computed, shown beside the number. */
  definition: string;
  /** The drill-down's heading after "N requests": for the population and for the successes. */
  drillDown: { population: string; numerator: string };
}

export const MEASURES: MeasureDefinition[] = [
  {
    key: "csat",
    unit: "ratings",
    label: "CSAT",
    format: "percent",
    higherIsBetter: true,
    empty: "No ratings yet",
    definition: "First ratings of 4 or 5 ÷ all first ratings",
    drillDown: { population: "first rated in this period", numerator: "first rated 4 or 5 in this period" },
  },
  {
    key: "delight",
    unit: "ratings",
    label: "Delight",
    format: "percent",
    higherIsBetter: true,
    empty: "No ratings yet",
    definition: "Ratings saying the service exceeded expectations ÷ all first ratings",
    drillDown: { population: "first rated in this period", numerator: "rated in this period as exceeding expectations" },
  },
  {
    key: "responseRate",
    unit: "resolved requests",
    label: "Response rate",
    format: "percent",
    higherIsBetter: true,
    empty: "Nothing resolved yet",
    definition: "Requests resolved in the period that were rated ÷ requests resolved",
    drillDown: { population: "resolved in this period", numerator: "resolved in this period and rated" },
  },
  {
    key: "firstResponseSla",
    unit: "requests",
    label: "First-response SLA met",
    format: "percent",
    higherIsBetter: true,
    empty: "No first responses due yet",
    definition: "Answered by the first-response target ÷ requests whose first-response clock ended",
    drillDown: {
      population: "received in this period whose first-response target was met or has passed",
      numerator: "received in this period and answered within the first-response target",
    },
  },
  {
    key: "resolutionSla",
    unit: "requests",
    label: "Resolution SLA met",
    format: "percent",
    higherIsBetter: true,
    empty: "No resolutions due yet",
    definition: "Resolved by the resolution target ÷ requests resolved or overdue",
    drillDown: {
      population: "resolved in this period, or still open past a resolution target in it",
      numerator: "resolved in this period within the resolution target",
    },
  },
  {
    key: "promisesKept",
    unit: "promises",
    label: "Promises kept",
    format: "percent",
    higherIsBetter: true,
    empty: "No promises due yet",
    definition: "Resolved on or before the promised date ÷ promises that fell due",
    drillDown: { population: "with a promise due in this period", numerator: "resolved on or before the date promised in this period" },
  },
  {
    key: "transfers",
    unit: "requests",
    label: "Transfers per request",
    format: "perRequest",
    higherIsBetter: false,
    empty: "No requests yet",
    definition: "Transfers ÷ requests received",
    drillDown: { population: "received in this period", numerator: "received in this period and transferred" },
  },
  {
    key: "bounce",
    unit: "requests",
    label: "Bounce rate",
    format: "percent",
    higherIsBetter: false,
    empty: "No requests yet",
    definition: "Requests transferred at least once ÷ requests received",
    drillDown: { population: "received in this period", numerator: "received in this period and transferred at least once" },
  },
  {
    key: "reopen",
    unit: "resolved requests",
    label: "Reopen rate",
    format: "percent",
    higherIsBetter: false,
    empty: "Nothing resolved yet",
    definition: "Reopened at least once ÷ requests received that were resolved",
    drillDown: { population: "received in this period and resolved", numerator: "received in this period and reopened" },
  },
  {
    key: "recovery",
    unit: "closed cases",
    label: "Recovery rate",
    format: "percent",
    higherIsBetter: true,
    empty: "No recovery cases closed",
    definition: "Closed recovery cases re-rated 4 or 5 ÷ closed recovery cases",
    drillDown: {
      population: "whose recovery case closed in this period",
      numerator: "whose recovery case closed in this period, re-rated 4 or 5",
    },
  },
  {
    key: "volume",
    unit: "requests",
    label: "Requests received",
    format: "count",
    // More requests is neither good nor bad news for the team's service.
    higherIsBetter: null,
    empty: "No requests yet",
    definition: "Requests created in the period",
    drillDown: { population: "received in this period", numerator: "received in this period" },
  },
  {
    key: "medianFirstResponse",
    unit: "answered requests",
    label: "Median first response",
    format: "minutes",
    higherIsBetter: false,
    empty: "No first responses yet",
    definition: "Middle time from creation to the first reply or status change",
    drillDown: { population: "received in this period and answered", numerator: "received in this period and answered" },
  },
  {
    key: "medianResolution",
    unit: "resolved requests",
    label: "Median resolution time",
    format: "minutes",
    higherIsBetter: false,
    empty: "Nothing resolved yet",
    definition: "Middle time from creation to resolution",
    drillDown: { population: "resolved in this period", numerator: "resolved in this period" },
  },
];

export function isMeasureKey(text: string | null): text is MeasureKey {
  return MEASURES.some((m) => m.key === text);
}

/** Measures that are a share of their population (the others have one list: the population). */
export function hasNumerator(key: MeasureKey) {
  return !["volume", "medianFirstResponse", "medianResolution"].includes(key);
}

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
  /** How many requests (or cases, or ratings) the value is computed over. */
  population: number;
}

/** Every measure's value from the counts. */
export function scorecardMeasures(counts: ScorecardCounts): Record<MeasureKey, MeasureValue> {
  const ratio = (key: MeasureKey, r: Ratio, value = percent(r)): MeasureValue => ({ key, value, ratio: r, population: r.denominator });
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
    volume: { key: "volume", value: counts.volume, population: counts.volume },
    medianFirstResponse: {
      key: "medianFirstResponse",
      value: counts.medianFirstResponse.minutes,
      population: counts.medianFirstResponse.count,
    },
    medianResolution: { key: "medianResolution", value: counts.medianResolution.minutes, population: counts.medianResolution.count },
  };
}

/** The average score of each expectation, in the form's order; null where nobody scored it. */
export function dimensionAverages(counts: ScorecardCounts) {
  return DIMENSIONS.map((d) => {
    const { sum, count } = counts.dimensions[d.key];
    return { key: d.key, label: d.label, average: average(sum, count), count };
  });
}

const SCORE: Pick<MeasureDefinition, "format" | "higherIsBetter" | "empty"> = {
  format: "score",
  higherIsBetter: true,
  empty: "Not scored yet",
};

export type Trend = "up" | "down" | "same";

export interface MeasureChange {
  /** Current minus previous, in the measure's unit (percentage points for percentages). */
  delta: number;
  trend: Trend;
  /** Whether the change is good news, bad news, no change, or neither (volume). */
  verdict: "better" | "worse" | "same" | "neutral";
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
  if (definition.higherIsBetter === null) return { delta, trend, verdict: "neutral" };
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
    case "score":
      return value.toFixed(1);
  }
}

/**
 * The change in words, as the card says it: "up 4.2 points from 71%", "down 0.15 from 0.40",
 * "no change from 3 h". Null when there is nothing to compare (either period empty).
 */
export function describeChange(
  definition: Pick<MeasureDefinition, "format" | "empty">,
  change: MeasureChange | null,
  previous: number | null,
) {
  if (!change || previous === null) return null;
  const from = `from ${formatMeasure(definition, previous)}`;
  if (change.trend === "same") return `no change ${from}`;
  const size = Math.abs(change.delta);
  const points = size.toFixed(1).replace(/\.0$/, "");
  const amount = definition.format === "percent" ? `${points} ${points === "1" ? "point" : "points"}` : formatMeasure(definition, size);
  return `${change.trend} ${amount} ${from}`;
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

export interface ComparedValue {
  value: number | null;
  text: string;
  previous: number | null;
  previousText: string;
  /** words: "up 4.2 points from 71%"; lead: the same without the previous value ("up 4.2 points from"). */
  change: (MeasureChange & { words: string; lead: string }) | null;
}

export function compared(
  definition: Pick<MeasureDefinition, "format" | "higherIsBetter" | "empty">,
  value: number | null,
  previous: number | null,
): ComparedValue {
  const change = measureChange(definition, value, previous);
  return {
    value,
    text: formatMeasure(definition, value),
    previous,
    previousText: formatMeasure(definition, previous),
    change: change && withWords(change, describeChange(definition, change, previous)!, formatMeasure(definition, previous)),
  };
}

function withWords(change: MeasureChange, words: string, previousText: string) {
  return { ...change, words, lead: words.slice(0, words.length - previousText.length).trimEnd() };
}

export interface MeasureCard extends ComparedValue {
  key: MeasureKey;
  label: string;
  definition: string;
  unit: string;
  format: MeasureFormat;
  /** Successes and population of a share (for transfers: transfers and requests); null otherwise. */
  ratio: Ratio | null;
  previousRatio: Ratio | null;
  population: number;
  previousPopulation: number;
}

/** What each card of the scorecard shows: this period's value, the previous one, and the change. */
export function scorecardCards(current: ScorecardCounts, previous: ScorecardCounts): MeasureCard[] {
  const now = scorecardMeasures(current);
  const before = scorecardMeasures(previous);
  return MEASURES.map((m) => ({
    key: m.key,
    label: m.label,
    definition: m.definition,
    unit: m.unit,
    format: m.format,
    ratio: now[m.key].ratio ?? null,
    previousRatio: before[m.key].ratio ?? null,
    population: now[m.key].population,
    previousPopulation: before[m.key].population,
    ...compared(m, now[m.key].value, before[m.key].value),
  }));
}

/** The average of each expectation (1–5) in both periods, with how many scored it. */
export function dimensionRows(current: ScorecardCounts, previous: ScorecardCounts) {
  const before = dimensionAverages(previous);
  return dimensionAverages(current).map((d, i) => ({
    key: d.key,
    label: d.label,
    count: d.count,
    ...compared(SCORE, d.average, before[i]!.average),
  }));
}
