// "My complaints": each complaint I logged or heard too, with its status, who has it and the
// start of the manager's response — the loop closing back to the rep.
import { Link } from "@remix-run/react";
import { complaintPath, type ComplaintStatus } from "~/utils/complaint-rules";
import { DataTable } from "./ui/data-table";
import { textLinkClass } from "./ui/page-header";
import { DateTimeText } from "./request-time";
import { ComplaintStatusBadge } from "./complaint-inbox-badges";

export interface MyComplaintView {
  number: number;
  ref: string;
  summary: string;
  category: string;
  severity: string;
  status: ComplaintStatus;
  holder: string;
  response: string | null;
  createdAt: string;
  mine: boolean;
  sightings: number;
}

export function MyComplaintsTable({ rows }: { rows: MyComplaintView[] }) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg bg-white p-6 text-slate-700 shadow">
        You haven't logged a complaint yet. When a customer complains to you, log it: it reaches the people who can fix it.
      </p>
    );
  }
  return (
    <DataTable caption="My complaints, newest first" columns={["Complaint", "Status", "Who has it", "Response", "Logged"]}>
      {rows.map((r) => (
        <tr key={r.number} className="align-top">
          <td className="px-4 py-2">
            <Link to={complaintPath(r.number)} className={textLinkClass}>
              {r.ref} {r.summary}
            </Link>
            <div className="text-slate-600">
              {r.category} · {r.severity}
              {r.mine ? "" : " · you heard it too"}
              {r.sightings ? ` · heard ${r.sightings === 1 ? "once more" : `${r.sightings} more times`}` : ""}
            </div>
          </td>
          <td className="px-4 py-2">
            <ComplaintStatusBadge status={r.status} />
          </td>
          <td className="px-4 py-2">{r.holder}</td>
          <td className="px-4 py-2">{r.response ?? <span className="text-slate-600">No response yet</span>}</td>
          <td className="whitespace-nowrap px-4 py-2">
            <DateTimeText value={r.createdAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
