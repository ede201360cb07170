// The feedback report: a GET form for whole months and one addressee (or all), and the table of
// entries per addressee × month × kind, with small groups shown as "fewer than N". There are no
// totals across rows on purpose (utils/feedback-report.ts explains why).
import { Form } from "@remix-run/react";
import { FEEDBACK_KINDS, FEEDBACK_KIND_LABELS, type FeedbackKindName } from "~/validation/feedback";
import { FeedbackAddresseeSelect } from "./feedback-addressee-select";
import { DataTable } from "./ui/data-table";
import { Button, TextField } from "./ui/form-controls";

export interface ReportTableRow {
  addressee: string;
  addresseeName: string;
  month: string;
  cells: Record<FeedbackKindName, number | null>;
  total: number | null;
}

const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

function monthLabel(month: string) {
  return MONTH_NAME.format(new Date(`${month}-01T00:00:00Z`));
}

interface FormProps {
  addressees: Array<{ id: string; name: string }>;
  values: { from: string; to: string; addressee: string };
  errors: { from?: string; to?: string };
  lastMonth: string;
}

export function FeedbackReportForm({ addressees, values, errors, lastMonth }: FormProps) {
  const list = (message?: string) => (message ? [message] : null);
  return (
    <Form method="get" aria-labelledby="report-period-heading" className="rounded-lg bg-white p-4 shadow" key={JSON.stringify(values)}>
      <h2 id="report-period-heading" className="mb-3 font-semibold">
        Months
      </h2>
      <div className="grid items-start gap-4 md:grid-cols-4">
        <TextField
          id="report-from"
          name="from"
          type="month"
          label="First month"
          hint="YYYY-MM"
          max={lastMonth}
          defaultValue={values.from}
          errors={list(errors.from)}
        />
        <TextField
          id="report-to"
          name="to"
          type="month"
          label="Last month"
          hint="YYYY-MM"
          max={lastMonth}
          defaultValue={values.to}
          errors={list(errors.to)}
        />
        <FeedbackAddresseeSelect id="report-addressee" name="addressee" defaultValue={values.addressee} addressees={addressees} />
        <div className="md:pt-6">
          <Button type="submit">Show</Button>
        </div>
      </div>
    </Form>
  );
}

export function FeedbackReportTable({ rows, minGroup }: { rows: ReportTableRow[]; minGroup: number }) {
  if (rows.length === 0) return <p className="rounded-lg bg-white p-6 shadow">No feedback was sent in these months.</p>;
  // In a row whose total is hidden every figure is below the minimum; in a row whose total shows,
  // a hidden cell may be large: it was hidden so a small one beside it can't be worked out.
  const figure = (value: number | null, rowHidden: boolean) =>
    value !== null ? value : <span className="text-slate-600">{rowHidden ? `fewer than ${minGroup}` : "hidden"}</span>;
  return (
    <>
      <DataTable
        caption="Feedback per addressee and month"
        columns={["To", "Month", ...FEEDBACK_KINDS.map((k) => `${FEEDBACK_KIND_LABELS[k]}s`), "All"]}
      >
        {rows.map((row) => (
          <tr key={`${row.addressee}|${row.month}`}>
            <td className="px-4 py-2">{row.addresseeName}</td>
            <td className="whitespace-nowrap px-4 py-2">{monthLabel(row.month)}</td>
            {FEEDBACK_KINDS.map((k) => (
              <td key={k} className="px-4 py-2">
                {figure(row.cells[k], row.total === null)}
              </td>
            ))}
            <td className="px-4 py-2 font-medium">{figure(row.total, true)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-3 text-sm text-slate-700">
        No group of fewer than {minGroup} entries is shown. &ldquo;Hidden&rdquo; marks a figure left out so that a smaller one beside it
        can&rsquo;t be worked out from the month&rsquo;s total. There are no totals across months or addressees for the same reason. Only
        finished months are reported.
      </p>
    </>
  );
}
