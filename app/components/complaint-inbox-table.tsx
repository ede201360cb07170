// The inbox's table inside one POST form: a checkbox per row and the bulk actions ("Acknowledge
// selected", "Tag selected with <theme>") as intent buttons, so bulk work needs no JavaScript.
// The filters are a separate GET form above (forms can't nest).
import { Form, Link } from "@remix-run/react";
import {
  CHANNEL_LABELS,
  complaintPath,
  formatComplaintNumber,
  type ComplaintChannel,
  type ComplaintStatus,
  type Severity,
} from "~/utils/complaint-rules";
import { DataTable } from "./ui/data-table";
import { Button, FieldErrors } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";
import { ComplaintStatusBadge, SeverityText } from "./complaint-inbox-badges";

export interface ComplaintInboxRow {
  id: string;
  number: number;
  summary: string;
  severity: Severity;
  status: ComplaintStatus;
  channel: ComplaintChannel;
  category: string;
  routedTeam: string;
  waitingOn: string;
  escalationLevel: number;
  age: string;
  overdue: boolean;
  sightings: number;
  themes: string[];
}

export interface BulkErrors {
  complaint?: string[];
  themeId?: string[];
}

const COLUMNS = ["Select", "Complaint", "Category", "Severity", "Status", "Routed to / waiting on", "Level", "Age", "Heard", "Themes"];

function WaitingOn({ row }: { row: ComplaintInboxRow }) {
  if (row.waitingOn === row.routedTeam) return <>{row.routedTeam}</>;
  return (
    <>
      {row.routedTeam}
      <span className="block text-slate-700">waiting on {row.waitingOn}</span>
    </>
  );
}

export function ComplaintInboxTable({
  rows,
  themes,
  errors,
  caption,
}: {
  rows: ComplaintInboxRow[];
  themes: Array<{ id: string; name: string }>;
  errors?: BulkErrors;
  caption: string;
}) {
  if (!rows.length) {
    return <p className="rounded-lg bg-white p-4 shadow">No complaints match these filters. Try fewer filters, or the status “All”.</p>;
  }
  const describedBy = [errors?.complaint?.length ? "bulk-complaint-errors" : null].filter(Boolean).join(" ") || undefined;
  return (
    <Form method="post" aria-label="Complaints and bulk actions" className="space-y-3">
      <fieldset className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow">
        <legend className="sr-only">With the selected complaints</legend>
        <Button type="submit" name="intent" value="acknowledge" aria-describedby={describedBy}>
          Acknowledge selected
        </Button>
        <div>
          <label htmlFor="bulk-theme" className="block text-sm font-medium text-slate-800">
            Theme
          </label>
          <select
            id="bulk-theme"
            name="themeId"
            defaultValue=""
            aria-invalid={errors?.themeId?.length ? true : undefined}
            aria-describedby={errors?.themeId?.length ? "bulk-theme-errors" : undefined}
            className="block rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm"
          >
            <option value="">Choose a theme…</option>
            {themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" name="intent" value="tag" variant="secondary" aria-describedby={describedBy}>
          Tag selected with this theme
        </Button>
        <Link to="/complaints/themes" className={`${textLinkClass} text-sm`}>
          Manage themes
        </Link>
        <div className="basis-full">
          <FieldErrors id="bulk-complaint-errors" errors={errors?.complaint} />
          <FieldErrors id="bulk-theme-errors" errors={errors?.themeId} />
        </div>
      </fieldset>
      <DataTable caption={caption} columns={COLUMNS}>
        {rows.map((row) => {
          const ref = formatComplaintNumber(row.number);
          return (
            <tr key={row.id} className="align-top">
              <td className="px-4 py-2">
                <input id={`select-${row.id}`} type="checkbox" name="complaint" value={row.id} className="h-4 w-4" />
                <label htmlFor={`select-${row.id}`} className="sr-only">
                  Select {ref}
                </label>
              </td>
              <td className="px-4 py-2">
                <Link to={`${complaintPath(row.number)}/manage`} className={textLinkClass}>
                  {ref}
                </Link>
                <span className="block max-w-md break-words">{row.summary}</span>
                <span className="block text-slate-700">{CHANNEL_LABELS[row.channel]}</span>
              </td>
              <td className="px-4 py-2">{row.category}</td>
              <td className="px-4 py-2">
                <SeverityText severity={row.severity} />
              </td>
              <td className="px-4 py-2">
                <ComplaintStatusBadge status={row.status} />
                {row.overdue ? <span className="block font-semibold text-red-800">Overdue</span> : null}
              </td>
              <td className="px-4 py-2">
                <WaitingOn row={row} />
              </td>
              <td className="px-4 py-2">{row.escalationLevel}</td>
              <td className="whitespace-nowrap px-4 py-2">{row.age}</td>
              <td className="px-4 py-2">{1 + row.sightings}</td>
              <td className="px-4 py-2">{row.themes.join(", ") || "—"}</td>
            </tr>
          );
        })}
      </DataTable>
    </Form>
  );
}
