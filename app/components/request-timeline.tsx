// The request's history, oldest first: every event, with public replies and (for the team
// handling it) internal notes inline. An ordered list, each entry dated with <time>.
import { STATUS_LABELS, type RequestStatus } from "~/utils/request-lifecycle";
import { DateTimeText, DayText } from "./request-time";

export interface TimelineEntryView {
  id: string;
  kind: string;
  at: string;
  actor: string | null;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  fromTeam: string | null;
  toTeam: string | null;
  assignee: string | null;
  promisedAt: string | null;
  slaClock: "FIRST_RESPONSE" | "RESOLUTION" | null;
  reason: string | null;
  comment: { body: string; internal: boolean } | null;
}

function status(s: RequestStatus | null) {
  return s ? STATUS_LABELS[s].toLowerCase() : "?";
}

function clockName(clock: TimelineEntryView["slaClock"]) {
  return clock === "FIRST_RESPONSE" ? "first-response" : "resolution";
}

/** One line saying what happened, e.g. "Ann Lee changed the status from new to in progress". */
export function describeEvent(e: TimelineEntryView): React.ReactNode {
  const who = e.actor ?? "Upstream";
  switch (e.kind) {
    case "CREATED":
      return `${who} raised the request`;
    case "COMMENTED":
      return `${who} replied`;
    case "NOTE_ADDED":
      return `${who} added an internal note`;
    case "STATUS_CHANGED":
      return `${who} changed the status from ${status(e.fromStatus)} to ${status(e.toStatus)}`;
    case "ASSIGNED":
      return e.assignee ? (e.assignee === e.actor ? `${who} took it on` : `${who} assigned it to ${e.assignee}`) : `${who} unassigned it`;
    case "TRANSFERRED":
      return `${who} transferred it from ${e.fromTeam} to ${e.toTeam}`;
    case "PROMISE_SET":
      return (
        <>
          {who} promised it by {e.promisedAt ? <DayText value={e.promisedAt} /> : "a date"}
        </>
      );
    case "REOPENED":
      return `${who} reopened it`;
    case "RATED":
      return `${who} rated the service`;
    case "RATING_CHANGED":
      return `${who} changed their rating`;
    case "RERATED":
      return `${who} rated the service again after the recovery`;
    case "RECOVERY_OPENED":
      return `The rating opened a recovery case for ${e.toTeam ?? "the team"}'s managers`;
    case "RECOVERY_ACKNOWLEDGED":
      return `${who} acknowledged the problem`;
    case "RECOVERY_APOLOGY_SENT":
      return `${who} recorded the apology sent to the requester`;
    case "RECOVERY_ACTION_RECORDED":
      return `${who} recorded the corrective action`;
    case "RECOVERY_CLOSED":
      return `${who} closed the recovery case`;
    case "RECOVERY_ESCALATED":
      return `The recovery case was not acknowledged in time and went to ${e.toTeam ?? "the team above"}'s managers`;
    case "SLA_WARNING":
      return `The ${clockName(e.slaClock)} target is nearly due`;
    case "SLA_BREACHED":
      return `The ${clockName(e.slaClock)} target was missed`;
    default:
      return `${who}: ${e.kind.toLowerCase().replace(/_/g, " ")}`;
  }
}

function entryStyle(e: TimelineEntryView) {
  if (e.comment?.internal) return "border-amber-500 bg-amber-50";
  if (e.comment) return "border-brand-600 bg-white";
  if (e.kind === "SLA_BREACHED") return "border-red-700 bg-red-50";
  if (e.kind === "SLA_WARNING" || e.kind === "TRANSFERRED" || e.kind === "REOPENED" || e.kind === "RECOVERY_ESCALATED")
    return "border-amber-500 bg-white";
  if (e.kind.startsWith("RECOVERY_")) return "border-amber-300 bg-white";
  return "border-slate-300 bg-white";
}

export function RequestTimeline({ entries }: { entries: TimelineEntryView[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
        Timeline
      </h2>
      <ol className="space-y-3">
        {entries.map((e) => (
          <li key={e.id} className={`rounded-md border-l-4 px-4 py-3 shadow-sm ${entryStyle(e)}`}>
            <p className="text-sm">
              <span className="font-medium">{describeEvent(e)}</span>
              <span className="text-slate-700">
                {" · "}
                <DateTimeText value={e.at} />
              </span>
              {e.comment?.internal ? (
                <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">Internal note</span>
              ) : null}
            </p>
            {e.reason ? <p className="mt-1 text-sm text-slate-800">Reason: {e.reason}</p> : null}
            {e.comment ? <p className="mt-2 whitespace-pre-wrap break-words text-slate-900">{e.comment.body}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
