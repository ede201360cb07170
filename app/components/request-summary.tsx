// The facts of a request: who asked, who handles it, what kind, who works on it and the dates.
import { Link } from "@remix-run/react";
import { STATUS_LABELS, type RequestStatus } from "~/utils/request-lifecycle";
import { PRIORITY_LABELS, type Priority } from "~/utils/request-number";
import { textLinkClass } from "./ui/page-header";
import { DayText } from "./request-time";
import { Fact, FactList, TimeFact } from "./ui/fact-list";

export interface RequestSummaryView {
  ref: string;
  status: RequestStatus;
  priority: Priority;
  createdAt: string;
  dueAt: string | null;
  promisedAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  requester: { name: string };
  requestingTeam: { name: string; slug: string } | null;
  providerTeam: { name: string; slug: string };
  type: { name: string };
  assignee: { name: string } | null;
}

const STATUS_STYLES: Record<RequestStatus, string> = {
  NEW: "bg-brand-50 text-brand-800 border-brand-600",
  IN_PROGRESS: "bg-blue-50 text-blue-900 border-blue-700",
  WAITING_ON_REQUESTER: "bg-amber-50 text-amber-900 border-amber-600",
  RESOLVED: "bg-green-50 text-green-900 border-green-700",
  CLOSED: "bg-slate-100 text-slate-800 border-slate-500",
  CANCELLED: "bg-slate-100 text-slate-800 border-slate-500",
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${STATUS_STYLES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

export function RequestSummary({ request }: { request: RequestSummaryView }) {
  return (
    <section aria-labelledby="details-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="details-heading" className="mb-2 font-semibold">
        Details
      </h2>
      <FactList>
        <Fact label="Number">{request.ref}</Fact>
        <Fact label="Status">
          <StatusBadge status={request.status} />
        </Fact>
        <Fact label="Priority">{PRIORITY_LABELS[request.priority]}</Fact>
        <Fact label="Requested by">
          {request.requester.name}
          {request.requestingTeam ? (
            <>
              {" for "}
              <Link to={`/teams/${request.requestingTeam.slug}`} className={textLinkClass}>
                {request.requestingTeam.name}
              </Link>
            </>
          ) : null}
        </Fact>
        <Fact label="Handled by">
          <Link to={`/teams/${request.providerTeam.slug}`} className={textLinkClass}>
            {request.providerTeam.name}
          </Link>
        </Fact>
        <Fact label="Type">{request.type.name}</Fact>
        <Fact label="Assigned to">{request.assignee?.name ?? "Nobody yet"}</Fact>
        <TimeFact label="Raised" at={request.createdAt} />
        <Fact label="Needed by">{request.dueAt ? <DayText value={request.dueAt} /> : "No date given"}</Fact>
        <Fact label="Promised by">{request.promisedAt ? <DayText value={request.promisedAt} /> : "No promise yet"}</Fact>
        <TimeFact label="First response" at={request.firstResponseAt} />
        <TimeFact label="Resolved" at={request.resolvedAt} />
        <TimeFact label="Closed" at={request.closedAt} />
        <TimeFact label="Cancelled" at={request.cancelledAt} />
      </FactList>
    </section>
  );
}
