// The requests behind one of the scorecard's numbers.
import { Link } from "@remix-run/react";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { DataTable } from "./ui/data-table";
import { textLinkClass } from "./ui/page-header";

export interface ScorecardRequestRow {
  id: string;
  number: number;
  title: string;
  typeName: string;
  created: string;
  resolved: string | null;
  transfers: number;
  firstOverall: number | null;
  reratingOverall: number | null;
}

function rating(row: ScorecardRequestRow) {
  if (row.firstOverall === null) return "Not rated";
  const first = `${row.firstOverall} of 5`;
  return row.reratingOverall === null ? first : `${first}, re-rated ${row.reratingOverall} of 5`;
}

export function ScorecardRequestTable({
  caption,
  rows,
  showTransfers,
}: {
  caption: string;
  rows: ScorecardRequestRow[];
  showTransfers: boolean;
}) {
  if (rows.length === 0) return <p className="rounded-lg bg-white p-6 text-slate-700 shadow">No requests here.</p>;
  const columns = ["Number", "Title", "Type", "Received", "Resolved", "Rating", ...(showTransfers ? ["Transfers"] : [])];
  return (
    <DataTable caption={caption} columns={columns}>
      {rows.map((row) => (
        <tr key={row.id} className="[&_td]:whitespace-nowrap [&_td]:px-4 [&_td]:py-2">
          <td>{formatRequestNumber(row.number)}</td>
          <th scope="row" className="min-w-[16rem] px-4 py-2 text-left font-normal">
            <Link to={requestPath(row.number)} className={textLinkClass}>
              {row.title}
            </Link>
          </th>
          <td>{row.typeName}</td>
          <td>{row.created}</td>
          <td>{row.resolved ?? "Not resolved"}</td>
          <td>{rating(row)}</td>
          {showTransfers ? <td>{row.transfers}</td> : null}
        </tr>
      ))}
    </DataTable>
  );
}
