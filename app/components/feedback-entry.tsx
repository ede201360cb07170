// One feedback entry as its readers and its author see it: what was said, to whom, on which day,
// by whom (or "Anonymous"), and the answers given on the record ("you said, we did").
import { FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS, type FeedbackKindName, type FeedbackStatusName } from "~/validation/feedback";
import { DateTimeText, DayText } from "./request-time";

export interface FeedbackEntryData {
  id: string;
  kind: FeedbackKindName;
  to: string;
  subject: string;
  body: string;
  submittedOn: string;
  status: FeedbackStatusName;
  author: string | null;
  responses: Array<{ id: string; body: string; createdAt: string; responder: string }>;
}

const STATUS_CLASSES: Record<FeedbackStatusName, string> = {
  OPEN: "bg-amber-100 text-amber-900",
  ANSWERED: "bg-green-100 text-green-900",
  CLOSED: "bg-slate-200 text-slate-800",
};

export function FeedbackStatusBadge({ status }: { status: FeedbackStatusName }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_CLASSES[status]}`}>{FEEDBACK_STATUS_LABELS[status]}</span>
  );
}

export function FeedbackEntry({ entry, headingLevel = 2 }: { entry: FeedbackEntryData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SubHeading = headingLevel === 2 ? "h3" : "h4";
  return (
    <article aria-labelledby={`feedback-${entry.id}`} className="space-y-4 rounded-lg bg-white p-6 shadow">
      <header className="space-y-1">
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span className="font-medium">{FEEDBACK_KIND_LABELS[entry.kind]}</span>
          <span aria-hidden="true">·</span>
          <span>to {entry.to}</span>
          <FeedbackStatusBadge status={entry.status} />
        </p>
        <Heading id={`feedback-${entry.id}`} className="text-lg font-semibold">
          {entry.subject}
        </Heading>
        <p className="text-sm text-slate-700">
          From {entry.author ?? "Anonymous"}, sent on <DayText value={entry.submittedOn} />
        </p>
      </header>
      <p className="whitespace-pre-wrap">{entry.body}</p>
      <section aria-labelledby={`feedback-${entry.id}-responses`} className="border-t border-slate-200 pt-4">
        <SubHeading id={`feedback-${entry.id}-responses`} className="font-semibold">
          Responses
        </SubHeading>
        {entry.responses.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No response yet.</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {entry.responses.map((r) => (
              <li key={r.id} className="rounded-md bg-slate-50 p-3">
                <p className="text-sm text-slate-700">
                  {r.responder}, <DateTimeText value={r.createdAt} />
                </p>
                <p className="mt-1 whitespace-pre-wrap">{r.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
