// The complaints (and sightings) behind a dashboard number: when, which complaint, how it was
// heard, where it comes from and where it stands. Customer contact details never appear here.
import { Link } from "@remix-run/react";
import { DataTable } from "./ui/data-table";
import { textLinkClass } from "./ui/page-header";
import { DateTimeText } from "./request-time";
import { ComplaintStatusBadge, SeverityText } from "./complaint-inbox-badges";
import type { ComplaintStatus, Severity } from "~/utils/complaint-rules";

export interface ComplaintDrillView {
  key: string;
  kind: "complaint" | "sighting";
  at: string;
  reference: string;
  href: string;
  summary: string;
  channel: string;
  category: string;
  severity: Severity;
  team: string;
  status: ComplaintStatus;
  waited: string | null;
  level: number;
}

export function ComplaintDrillTable({
  caption,
  rows,
  timeLabel,
  showWait,
}: {
  caption: string;
  rows: ComplaintDrillView[];
  timeLabel: string;
  showWait: boolean;
}) {
  const columns = [
    timeLabel,
    "Complaint",
    "Heard as",
    "Channel",
    "Category",
    "Severity",
    "Team",
    "Status",
    ...(showWait ? ["Waited", "Level"] : []),
  ];
  return (
    <DataTable caption={caption} columns={columns}>
      {rows.map((r) => (
        <tr key={r.key}>
          <td className="whitespace-nowrap px-4 py-2">
            <DateTimeText value={r.at} />
          </td>
          <td className="px-4 py-2">
            <Link to={r.href} className={textLinkClass}>
              {r.reference}
            </Link>{" "}
            {r.summary}
          </td>
          <td className="px-4 py-2">{r.kind === "complaint" ? "Logged" : "Heard it too"}</td>
          <td className="px-4 py-2">{r.channel}</td>
          <td className="px-4 py-2">{r.category}</td>
          <td className="px-4 py-2">
            <SeverityText severity={r.severity} />
          </td>
          <td className="px-4 py-2">{r.team}</td>
          <td className="px-4 py-2">
            <ComplaintStatusBadge status={r.status} />
          </td>
          {showWait ? (
            <>
              <td className="px-4 py-2">{r.waited}</td>
              <td className="px-4 py-2">{r.level}</td>
            </>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
