// The facts of a request: who asked, who handles it, what kind, who works on it and the dates.
import { Link } from "@remix-run/react";
import { STATUS_LABELS, type RequestStatus } from "~/utils/request-lifecycle";
import { PRIORITY_LABELS, type Priority } from "~/utils/request-number";
import { textLinkClass } from "./ui/page-header";
import { DateTimeText, DayText } from "./request-time";

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

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5">
      <dt className="text-slate-700">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

export function RequestSummary({ request }: { request: RequestSummaryView }) {
  return (
    <section aria-labelledby="details-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="details-heading" className="mb-2 font-semibold">
        Details
      </h2>
      <dl className="divide-y divide-slate-200 text-sm">
        <Row label="Number">{request.ref}</Row>
        <Row label="Status">
          <StatusBadge status={request.status} />
        </Row>
        <Row label="Priority">{PRIORITY_LABELS[request.priority]}</Row>
        <Row label="Requested by">
          {request.requester.name}
          {request.requestingTeam ? (
            <>
              {" for "}
              <Link to={`/teams/${request.requestingTeam.slug}`} className={textLinkClass}>
                {request.requestingTeam.name}
              </Link>
            </>
          ) : null}
        </Row>
        <Row label="Handled by">
          <Link to={`/teams/${request.providerTeam.slug}`} className={textLinkClass}>
            {request.providerTeam.name}
          </Link>
        </Row>
        <Row label="Type">{request.type.name}</Row>
        <Row label="Assigned to">{request.assignee?.name ?? "Nobody yet"}</Row>
        <Row label="Raised">
          <DateTimeText value={request.createdAt} />
        </Row>
        <Row label="Needed by">{request.dueAt ? <DayText value={request.dueAt} /> : "No date given"}</Row>
        <Row label="Promised by">{request.promisedAt ? <DayText value={request.promisedAt} /> : "No promise yet"}</Row>
        {request.firstResponseAt ? (
          <Row label="First response">
            <DateTimeText value={request.firstResponseAt} />
          </Row>
        ) : null}
        {request.resolvedAt ? (
          <Row label="Resolved">
            <DateTimeText value={request.resolvedAt} />
          </Row>
        ) : null}
        {request.closedAt ? (
          <Row label="Closed">
            <DateTimeText value={request.closedAt} />
          </Row>
        ) : null}
        {request.cancelledAt ? (
          <Row label="Cancelled">
            <DateTimeText value={request.cancelledAt} />
          </Row>
        ) : null}
      </dl>
    </section>
  );
}
