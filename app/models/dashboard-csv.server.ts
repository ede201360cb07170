// The columns of every dashboard download (CSV, decision 014): the same rows the page shows, in
// plain values — ISO dates, numbers as numbers, percentages with one decimal, no formatting
// words — so a spreadsheet can add them up. Drill-down lists page through the database; the
// dashboards' own tables are small and come from the page's data.
import { Prisma } from "~/generated/prisma/client";
import { queryRows } from "~/utils/db.server";
import { keysetPages, type CsvColumn } from "~/utils/csv.server";
import { formatComplaintNumber } from "~/utils/complaint-rules";
import { formatRequestNumber } from "~/utils/request-number";
import { MEASURE_BY_KEY } from "~/utils/service-measures";
import type { OverviewCell } from "~/utils/service-overview";
import { drillRowsQuery, type ComplaintDrill, type DrillRow } from "./escalation-drilldown.server";
import { drillDownRowsQuery, type DrillDownRow } from "./scorecard-sql.server";

/** Rows per database page of an export. */
export const EXPORT_PAGE_SIZE = 1000;

export async function* arrayRows<T>(rows: T[]): AsyncGenerator<T> {
  yield* rows;
}

/** A value as the table shows it, rounded for the file (null stays empty). */
export function rounded(value: number | null, digits = 1) {
  return value === null ? null : Number(value.toFixed(digits));
}

// ---------------------------------------------------------------------------------------------
// Complaints behind a number

export function complaintDrillColumns(withContact: boolean): CsvColumn<DrillRow>[] {
  const columns: CsvColumn<DrillRow>[] = [
    { header: "When", value: (r) => r.at },
    { header: "Heard as", value: (r) => (r.kind === "complaint" ? "Logged" : "Heard it too") },
    { header: "Complaint", value: (r) => formatComplaintNumber(r.number) },
    { header: "Summary", value: (r) => r.summary },
    { header: "Channel", value: (r) => r.channel },
    { header: "Category", value: (r) => r.category_name },
    { header: "Severity", value: (r) => r.severity },
    { header: "Routed team", value: (r) => r.team_name },
    { header: "Status", value: (r) => r.status },
    { header: "Resolved at the front line", value: (r) => r.resolved_at_front_line },
    { header: "Escalation level", value: (r) => r.escalation_level },
    { header: "Forwarded at", value: (r) => r.escalated_at },
    { header: "Acknowledged at", value: (r) => r.acknowledged_at },
  ];
  if (!withContact) return columns;
  return [
    ...columns,
    { header: "Customer name", value: (r) => r.customer_name },
    { header: "Customer email", value: (r) => r.customer_email },
    { header: "Customer phone", value: (r) => r.customer_phone },
    { header: "Customer reference", value: (r) => r.customer_reference },
  ];
}

export function complaintDrillRows(drill: ComplaintDrill, withContact: boolean) {
  return keysetPages<DrillRow>(
    (after) => queryRows<DrillRow>(drillRowsQuery(drill, after && { at: after.at, id: after.row_id }, EXPORT_PAGE_SIZE, withContact)),
    EXPORT_PAGE_SIZE,
  );
}

// ---------------------------------------------------------------------------------------------
// Requests behind a scorecard number

export const scorecardDrillColumns: CsvColumn<DrillDownRow>[] = [
  { header: "Request", value: (r) => formatRequestNumber(r.number) },
  { header: "Title", value: (r) => r.title },
  { header: "Type", value: (r) => r.type_name },
  { header: "Received at", value: (r) => r.created_at },
  { header: "Resolved at", value: (r) => r.resolved_at },
  { header: "Transfers", value: (r) => r.transfer_count },
  { header: "First rating", value: (r) => r.first_overall },
  { header: "Re-rating", value: (r) => r.rerating_overall },
];

export function scorecardDrillRows(condition: Prisma.Sql) {
  return keysetPages<DrillDownRow>(
    (after) =>
      queryRows<DrillDownRow>(
        drillDownRowsQuery(condition, after && { direction: "after", createdAt: after.created_at, id: after.id }, EXPORT_PAGE_SIZE),
      ),
    EXPORT_PAGE_SIZE,
  );
}

// ---------------------------------------------------------------------------------------------
// The service overview

export interface OverviewCsvRow {
  team: string;
  cells: OverviewCell[];
}

/** Per measure: this period's value, its numerator and population, and the previous period's value. */
export function overviewColumns(keys: readonly OverviewCell["key"][]): CsvColumn<OverviewCsvRow>[] {
  const cell = (r: OverviewCsvRow, key: string) => r.cells.find((c) => c.key === key)!;
  return [
    { header: "Team", value: (r) => r.team },
    ...keys.flatMap((key): CsvColumn<OverviewCsvRow>[] => {
      const label = MEASURE_BY_KEY[key].label;
      if (key === "volume")
        return [
          { header: label, value: (r) => cell(r, key).value },
          { header: `${label}, previous period`, value: (r) => cell(r, key).previous },
        ];
      return [
        { header: `${label} %`, value: (r) => rounded(cell(r, key).value) },
        { header: `${label}: count`, value: (r) => cell(r, key).ratio?.numerator ?? null },
        { header: `${label}: of`, value: (r) => cell(r, key).ratio?.denominator ?? null },
        { header: `${label} %, previous period`, value: (r) => rounded(cell(r, key).previous) },
      ];
    }),
  ];
}
