// A table of requests, used by the team queue and "My requests". Each list picks its columns;
// number and title always come first; the title links to the request. Clocks and ages arrive as text
// worked out by the server at one moment, so server and browser render the same thing.
import { Link } from "@remix-run/react";
import { STATUS_LABELS, type RequestStatus } from "~/utils/request-lifecycle";
import { PRIORITY_LABELS, formatRequestNumber, requestPath, type Priority } from "~/utils/request-number";
import { textLinkClass } from "./ui/page-header";

export interface RequestListRow {
  id: string;
  number: number;
  title: string;
  status: RequestStatus;
  priority: Priority;
  assigneeName: string | null;
  sla: { kind: string; text: string; warning: boolean };
  age: string;
  createdAt: string;
  requesterName?: string;
  typeName?: string;
  providerTeamName?: string;
  requestingTeamName?: string | null;
}

export type RequestListColumn =
  "requester" | "type" | "providerTeam" | "requestingTeam" | "priority" | "status" | "assignee" | "sla" | "age";

const HEADINGS: Record<RequestListColumn, string> = {
  requester: "Requester",
  type: "Type",
  providerTeam: "Team asked",
  requestingTeam: "For team",
  priority: "Priority",
  status: "Status",
  assignee: "Assignee",
  sla: "Resolution",
  age: "Age",
};

// Only what stands out gets a class: long queues are mostly plain text, and the page's size is
// most of its cost to serve.
const PRIORITY_CLASSES: Partial<Record<Priority, string>> = {
  HIGH: "font-semibold text-amber-800",
  URGENT: "font-semibold text-red-800",
};

function slaClass(sla: RequestListRow["sla"]) {
  if (sla.kind === "overdue" || sla.kind === "missed") return "font-semibold text-red-800";
  if (sla.warning) return "font-semibold text-amber-800";
  return null;
}

function Marked({ className, children }: { className: string | null | undefined; children: string }) {
  return className ? <span className={className}>{children}</span> : <>{children}</>;
}

function Cell({ row, column }: { row: RequestListRow; column: RequestListColumn }) {
  switch (column) {
    case "requester":
      return <>{row.requesterName}</>;
    case "type":
      return <>{row.typeName}</>;
    case "providerTeam":
      return <>{row.providerTeamName}</>;
    case "requestingTeam":
      return <>{row.requestingTeamName ?? "—"}</>;
    case "priority":
      return <Marked className={PRIORITY_CLASSES[row.priority]}>{PRIORITY_LABELS[row.priority]}</Marked>;
    case "status":
      return <>{STATUS_LABELS[row.status]}</>;
    case "assignee":
      return row.assigneeName ? <>{row.assigneeName}</> : <span className="text-slate-600">Unassigned</span>;
    case "sla":
      return <Marked className={slaClass(row.sla)}>{row.sla.text}</Marked>;
    case "age":
      return (
        <time dateTime={row.createdAt} title={`${row.createdAt.slice(0, 16).replace("T", " ")} UTC`}>
          {row.age}
        </time>
      );
  }
}

export function RequestListTable({
  caption,
  rows,
  columns,
  empty,
}: {
  caption: string;
  rows: RequestListRow[];
  columns: RequestListColumn[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="rounded-lg bg-white p-6 text-slate-700 shadow">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow">
      <table className="min-w-full divide-y divide-slate-200 text-sm [&_td]:whitespace-nowrap [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Title</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {HEADINGS[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{formatRequestNumber(row.number)}</td>
              <th scope="row" className="min-w-[16rem] text-left font-normal">
                <Link to={requestPath(row.number)} className={textLinkClass}>
                  {row.title}
                </Link>
              </th>
              {columns.map((column) => (
                <td key={column}>
                  <Cell row={row} column={column} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next links of a keyset-paginated list, and a way back to the first page. */
export function ListPagination({
  prevHref,
  nextHref,
  firstHref,
}: {
  prevHref: string | null;
  nextHref: string | null;
  firstHref: string | null;
}) {
  if (!prevHref && !nextHref && !firstHref) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap gap-4">
      {firstHref ? (
        <Link to={firstHref} className={textLinkClass}>
          First page
        </Link>
      ) : null}
      {prevHref ? (
        <Link to={prevHref} className={textLinkClass} rel="prev">
          Previous page
        </Link>
      ) : null}
      {nextHref ? (
        <Link to={nextHref} className={textLinkClass} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
