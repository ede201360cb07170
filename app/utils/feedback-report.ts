// The feedback report's rules, pure so they can be tested on their own.
//
// What a report may show (DESIGN.md, Measures; SECURITY.md, Anonymous feedback):
// 1. Each row is one addressee (a team, or management) in one whole calendar month; its cells
//    are the number of suggestions and of concerns, and its total.
// 2. A row whose total is below the minimum group size shows nothing: every figure reads
//    "fewer than N". Zero is hidden the same way, so an empty cell and a small one look alike.
// 3. A cell below the minimum is hidden. If that leaves exactly one hidden cell beside a shown
//    total, the smallest other cell is hidden too (complementary suppression): otherwise the
//    hidden one is the total minus the rest.
// 4. No totals across rows (per team over months, per month over teams, grand totals): a sum
//    that includes a hidden cell would give it away by subtraction. Each row stands alone.
// 5. Only finished months: a month still under way grows from one visit to the next, and the
//    difference between two visits would be a group of one.
// Together these mean no figure on the page, and no difference between figures on two pages
// (the period only adds or removes whole rows, the team filter only hides rows), is a group
// smaller than the minimum.
import { FEEDBACK_KINDS, type FeedbackKindName } from "~/validation/feedback";

export interface GroupCount {
  addressee: string;
  month: string;
  kind: FeedbackKindName;
  count: number;
}

export interface ReportRow {
  addressee: string;
  /** YYYY-MM */
  month: string;
  /** null: hidden ("fewer than N"). */
  cells: Record<FeedbackKindName, number | null>;
  total: number | null;
}

export function buildFeedbackReport(counts: GroupCount[], addressees: string[], months: string[], minGroup: number): ReportRow[] {
  const key = (addressee: string, month: string, kind: string) => `${addressee}|${month}|${kind}`;
  const byKey = new Map(counts.map((c) => [key(c.addressee, c.month, c.kind), c.count]));
  const rows: ReportRow[] = [];
  for (const addressee of addressees) {
    for (const month of months) {
      const raw = Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, byKey.get(key(addressee, month, k)) ?? 0])) as Record<
        FeedbackKindName,
        number
      >;
      const total = FEEDBACK_KINDS.reduce((sum, k) => sum + raw[k], 0);
      if (total < minGroup) {
        rows.push({ addressee, month, cells: Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, null])) as ReportRow["cells"], total: null });
        continue;
      }
      const cells = Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, raw[k] < minGroup ? null : raw[k]])) as ReportRow["cells"];
      const hidden = FEEDBACK_KINDS.filter((k) => cells[k] === null);
      if (hidden.length === 1) {
        const shown = FEEDBACK_KINDS.filter((k) => cells[k] !== null).sort((a, b) => raw[a] - raw[b]);
        if (shown[0]) cells[shown[0]] = null;
      }
      rows.push({ addressee, month, cells, total });
    }
  }
  return rows;
}

/** Every YYYY-MM from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The YYYY-MM `count` months before (negative) or after a month. */
export function addMonths(month: string, count: number) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export const REPORT_MAX_MONTHS = 24;
export const REPORT_DEFAULT_MONTHS = 6;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ReportPeriod {
  from: string;
  to: string;
  errors: { from?: string; to?: string };
  /** The last month that has ended: the latest a report may cover. */
  lastFinished: string;
}

/** ?from=YYYY-MM&to=YYYY-MM, finished months only; `today` is the organisation's date. */
export function parseReportPeriod(params: URLSearchParams, today: string): ReportPeriod {
  const lastFinished = addMonths(today.slice(0, 7), -1);
  const fallback = { from: addMonths(lastFinished, -(REPORT_DEFAULT_MONTHS - 1)), to: lastFinished };
  const from = params.get("from");
  const to = params.get("to");
  if (!from && !to) return { ...fallback, errors: {}, lastFinished };
  const errors: ReportPeriod["errors"] = {};
  if (!from || !MONTH.test(from)) errors.from = "Enter the first month as YYYY-MM, e.g. 2026-01.";
  if (!to || !MONTH.test(to)) errors.to = "Enter the last month as YYYY-MM, e.g. 2026-06.";
  else if (to > lastFinished) errors.to = `Choose a month that has ended: ${lastFinished} or earlier.`;
  if (!errors.from && !errors.to) {
    if (to! < from!) errors.to = "The last month must be on or after the first month.";
    else if (monthsBetween(from!, to!).length > REPORT_MAX_MONTHS) errors.to = `Choose at most ${REPORT_MAX_MONTHS} months.`;
  }
  return Object.keys(errors).length ? { ...fallback, errors, lastFinished } : { from: from!, to: to!, errors, lastFinished };
}
