// The complaint page's facts: where it stands and who has it, the manager's response to the rep,
// what was logged, and — only in the data of those allowed to see it — the customer's contact.
import { DateTimeText } from "./request-time";
import { Fact, FactList, TimeFact } from "./ui/fact-list";
import { SeverityText } from "./complaint-inbox-badges";
import type { ComplaintStatus, Severity } from "~/utils/complaint-rules";

export interface ComplaintFactsView {
  ref: string;
  status: ComplaintStatus;
  severity: Severity;
  channel: string;
  category: string;
  reporter: string;
  routedTeam: string;
  holder: string;
  resolvedAtFrontLine: boolean;
  occurredAt: string;
  createdAt: string;
  acknowledgeDueAt: string | null;
  acknowledgedAt: string | null;
  closedAt: string | null;
  contactPurged: boolean;
}

export interface ContactView {
  name: string | null;
  email: string | null;
  phone: string | null;
  reference: string | null;
}

/** Who has it now, in words, with the acknowledge-by time while it waits. */
export function ComplaintHolder({ complaint }: { complaint: ComplaintFactsView }) {
  return (
    <section aria-labelledby="holder-heading" className="rounded-lg border-l-4 border-brand-600 bg-white p-4 shadow">
      <h2 id="holder-heading" className="font-semibold">
        Who has it
      </h2>
      <p className="mt-1">{complaint.holder}</p>
      {complaint.status === "ESCALATED" && complaint.acknowledgeDueAt ? (
        <p className="mt-1 text-sm text-slate-700">
          To be acknowledged by <DateTimeText value={complaint.acknowledgeDueAt} />; if not, it goes one level up.
        </p>
      ) : null}
    </section>
  );
}

export function ComplaintResponse({ response }: { response: { text: string; by: string | null; at: string | null } | null }) {
  return (
    <section aria-labelledby="response-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="response-heading" className="mb-2 text-lg font-semibold">
        Response to the rep
      </h2>
      {response ? (
        <>
          <p className="whitespace-pre-wrap break-words">{response.text}</p>
          <p className="mt-2 text-sm text-slate-700">
            {response.by ?? "A manager"}
            {response.at ? (
              <>
                , <DateTimeText value={response.at} />
              </>
            ) : null}
          </p>
        </>
      ) : (
        <p className="text-slate-700">No response yet. You'll be notified when a manager answers.</p>
      )}
    </section>
  );
}

export function ComplaintFacts({ complaint, sightings }: { complaint: ComplaintFactsView; sightings: number }) {
  return (
    <section aria-labelledby="facts-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="facts-heading" className="mb-2 font-semibold">
        Details
      </h2>
      <FactList>
        <Fact label="Reference">{complaint.ref}</Fact>
        <Fact label="Severity">
          <SeverityText severity={complaint.severity} />
        </Fact>
        <Fact label="Category">{complaint.category}</Fact>
        <Fact label="Heard by">{complaint.channel}</Fact>
        <Fact label="Logged by">{complaint.reporter}</Fact>
        <Fact label="Routed to">{complaint.routedTeam}</Fact>
        <Fact label="Resolved at the front line">{complaint.resolvedAtFrontLine ? "Yes" : "No"}</Fact>
        <TimeFact label="Happened" at={complaint.occurredAt} />
        <TimeFact label="Logged" at={complaint.createdAt} />
        <TimeFact label="Acknowledged" at={complaint.acknowledgedAt} />
        <TimeFact label="Closed" at={complaint.closedAt} />
        <Fact label="Heard again">{sightings === 1 ? "1 time" : `${sightings} times`}</Fact>
      </FactList>
    </section>
  );
}

/** Personal data: rendered only when the loader included it (and audited the view). */
export function ComplaintContact({ contact, purged }: { contact: ContactView | null; purged: boolean }) {
  if (!contact && !purged) return null;
  const rows: Array<[string, string | null]> = contact
    ? [
        ["Name", contact.name],
        ["Email", contact.email],
        ["Phone", contact.phone],
        ["Customer reference", contact.reference],
      ]
    : [];
  return (
    <section aria-labelledby="contact-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="contact-heading" className="mb-1 font-semibold">
        Customer contact
      </h2>
      {contact ? (
        <>
          <p className="mb-2 text-sm text-slate-600">Personal data: your view of it has been recorded.</p>
          <FactList>
            {rows
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <Fact key={label} label={label}>
                  <span className="break-all">{value}</span>
                </Fact>
              ))}
          </FactList>
        </>
      ) : (
        <p className="text-sm text-slate-700">Erased at the end of the retention period.</p>
      )}
    </section>
  );
}
