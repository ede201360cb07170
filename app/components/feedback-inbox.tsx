// The feedback inbox: a GET filter form (addressee, kind, status) and the entries, newest day
// first. Anonymous entries read "Anonymous" with their day, never a time.
import { Form, Link } from "@remix-run/react";
import {
  FEEDBACK_KINDS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATUSES,
  FEEDBACK_STATUS_LABELS,
  type FeedbackKindName,
  type FeedbackStatusName,
} from "~/validation/feedback";
import { FeedbackStatusBadge } from "./feedback-entry";
import { DayText } from "./request-time";
import { FeedbackAddresseeSelect } from "./feedback-addressee-select";
import { DataTable } from "./ui/data-table";
import { Button, SelectField } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

export interface InboxRow {
  id: string;
  kind: FeedbackKindName;
  subject: string;
  submittedOn: string;
  status: FeedbackStatusName;
  to: string;
  from: string | null;
  responses: number;
}

interface FilterValues {
  to: string;
  kind: string;
  status: string;
}

export function FeedbackInboxFilters({ addressees, values }: { addressees: Array<{ id: string; name: string }>; values: FilterValues }) {
  return (
    <Form method="get" aria-labelledby="inbox-filters-heading" className="mb-6 rounded-lg bg-white p-4 shadow" key={JSON.stringify(values)}>
      <h2 id="inbox-filters-heading" className="mb-3 font-semibold">
        Filter
      </h2>
      <div className="grid items-start gap-4 md:grid-cols-4">
        <FeedbackAddresseeSelect id="inbox-to" name="to" defaultValue={values.to} addressees={addressees} />
        <SelectField id="inbox-kind" name="kind" label="Kind" defaultValue={values.kind}>
          <option value="">Any kind</option>
          {FEEDBACK_KINDS.map((k) => (
            <option key={k} value={k}>
              {FEEDBACK_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <SelectField id="inbox-status" name="status" label="Status" defaultValue={values.status}>
          <option value="">Any status</option>
          {FEEDBACK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {FEEDBACK_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <div className="md:pt-6">
          <Button type="submit">Show</Button>
        </div>
      </div>
    </Form>
  );
}

export function FeedbackInboxTable({ entries }: { entries: InboxRow[] }) {
  if (entries.length === 0) return <p className="rounded-lg bg-white p-6 shadow">No feedback matches these filters.</p>;
  return (
    <DataTable caption="Feedback, newest day first" columns={["Day", "Subject", "Kind", "To", "From", "Status", "Responses"]}>
      {entries.map((e) => (
        <tr key={e.id}>
          <td className="whitespace-nowrap px-4 py-2">
            <DayText value={e.submittedOn} />
          </td>
          <td className="px-4 py-2">
            <Link to={`/feedback/${e.id}`} className={textLinkClass}>
              {e.subject}
            </Link>
          </td>
          <td className="px-4 py-2">{FEEDBACK_KIND_LABELS[e.kind]}</td>
          <td className="px-4 py-2">{e.to}</td>
          <td className="px-4 py-2">{e.from ?? "Anonymous"}</td>
          <td className="px-4 py-2">
            <FeedbackStatusBadge status={e.status} />
          </td>
          <td className="px-4 py-2 text-right">{e.responses}</td>
        </tr>
      ))}
    </DataTable>
  );
}
