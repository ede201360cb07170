// The service overview across teams (issue 6): one row per provider team with the scorecard's
// measures, from the daily figures added up over a period (the columns of service_days), the
// change against the previous equal period, and the organisation's total — the sum of the
// teams' counts, never an average of their percentages. Same definitions and wording as the
// team scorecard (service-measures.ts), so a row agrees with the team's own card.
import { compared, MEASURE_BY_KEY, percent, type ComparedValue, type MeasureKey, type Ratio } from "./service-measures";

export const OVERVIEW_MEASURES = [
  "volume",
  "csat",
  "delight",
  "firstResponseSla",
  "resolutionSla",
  "promisesKept",
  "bounce",
  "reopen",
  "recovery",
] as const satisfies readonly MeasureKey[];
export type OverviewKey = (typeof OVERVIEW_MEASURES)[number];

export const OVERVIEW_COUNT_NAMES = [
  "volume",
  "csat_d",
  "csat_n",
  "delight_n",
  "frs_d",
  "frs_n",
  "resolution_d",
  "resolution_n",
  "promises_d",
  "promises_n",
  "bounce_n",
  "reopen_d",
  "reopen_n",
  "recovery_d",
  "recovery_n",
] as const;
export type OverviewCounts = Record<(typeof OVERVIEW_COUNT_NAMES)[number], number>;

export function emptyCounts(): OverviewCounts {
  return Object.fromEntries(OVERVIEW_COUNT_NAMES.map((n) => [n, 0])) as OverviewCounts;
}

/** The counts of several teams together (the organisation's total). */
export function addCounts(list: OverviewCounts[]): OverviewCounts {
  const total = emptyCounts();
  for (const counts of list) for (const name of OVERVIEW_COUNT_NAMES) total[name] += counts[name];
  return total;
}

/** Each measure's numerator and population; volume has no ratio. */
export function overviewRatios(c: OverviewCounts): Record<Exclude<OverviewKey, "volume">, Ratio> {
  return {
    csat: { numerator: c.csat_n, denominator: c.csat_d },
    delight: { numerator: c.delight_n, denominator: c.csat_d },
    firstResponseSla: { numerator: c.frs_n, denominator: c.frs_d },
    resolutionSla: { numerator: c.resolution_n, denominator: c.resolution_d },
    promisesKept: { numerator: c.promises_n, denominator: c.promises_d },
    bounce: { numerator: c.bounce_n, denominator: c.volume },
    reopen: { numerator: c.reopen_n, denominator: c.reopen_d },
    recovery: { numerator: c.recovery_n, denominator: c.recovery_d },
  };
}

export interface OverviewCell extends ComparedValue {
  key: OverviewKey;
  ratio: Ratio | null;
}

/** One row's cells: each measure this period, the previous period and the change. */
export function overviewCells(current: OverviewCounts, previous: OverviewCounts): OverviewCell[] {
  const now = overviewRatios(current);
  const before = overviewRatios(previous);
  return OVERVIEW_MEASURES.map((key) => {
    const definition = MEASURE_BY_KEY[key];
    if (key === "volume") return { key, ratio: null, ...compared(definition, current.volume, previous.volume) };
    return { key, ratio: now[key], ...compared(definition, percent(now[key]), percent(before[key])) };
  });
}

export type SortDirection = "asc" | "desc";

export function isOverviewKey(text: string | null): text is OverviewKey {
  return (OVERVIEW_MEASURES as readonly string[]).includes(text ?? "");
}

/**
 * Rows in the order asked for: by a measure (teams with no value for it last, whichever the
 * direction), or by name; ties by name, so the order is stable.
 */
export function sortOverviewRows<R extends { name: string; cells: OverviewCell[] }>(
  rows: R[],
  by: OverviewKey | "name",
  direction: SortDirection,
): R[] {
  const sign = direction === "asc" ? 1 : -1;
  const value = (row: R) => row.cells.find((c) => c.key === by)?.value ?? null;
  return [...rows].sort((a, b) => {
    if (by !== "name") {
      const va = value(a);
      const vb = value(b);
      if (va === null && vb !== null) return 1;
      if (vb === null && va !== null) return -1;
      if (va !== null && vb !== null && va !== vb) return (va - vb) * sign;
      return a.name.localeCompare(b.name, "en");
    }
    return a.name.localeCompare(b.name, "en") * sign;
  });
}

export interface OverviewSort {
  by: OverviewKey | "name";
  direction: SortDirection;
}

/** The order from the URL (?sort=csat&dir=desc); by default teams A–Z, measures highest first. */
export function readOverviewSort(params: URLSearchParams): OverviewSort {
  const by = params.get("sort");
  const dir = params.get("dir");
  const direction = dir === "asc" || dir === "desc" ? dir : null;
  if (isOverviewKey(by)) return { by, direction: direction ?? "desc" };
  return { by: "name", direction: direction ?? "asc" };
}
