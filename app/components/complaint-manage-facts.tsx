// What the manager needs to know about a complaint before acting on it: the facts the rep
// logged, where it stands and what was done so far. No customer contact details: the complaint
// page shows those to the people allowed, and audits each view.
import { CHANNEL_LABELS, type ComplaintChannel, type ComplaintStatus, type Severity } from "~/utils/complaint-rules";
import { DateTimeText } from "./request-time";
import { ComplaintStatusBadge, SeverityText } from "./complaint-inbox-badges";

export interface ManageFacts {
  summary: string;
  details: string;
  actionTaken: string;
  resolvedAtFrontLine: boolean;
  channel: ComplaintChannel;
  severity: Severity;
  status: ComplaintStatus;
  category: string;
  reporter: string;
  routedTeam: string;
  waitingOn: string;
  escalationLevel: number;
  occurredAt: string;
  createdAt: string;
  acknowledgeDueAt: string | null;
  acknowledgedAt: string | null;
  actionPlan: string | null;
  response: string | null;
  respondedAt: string | null;
  closedAt: string | null;
  sightings: number;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5">
      <dt className="text-slate-700">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

function Text({ heading, id, children }: { heading: string; id: string; children: string }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="font-semibold">
        {heading}
      </h3>
      <p className="whitespace-pre-wrap break-words">{children}</p>
    </section>
  );
}

export function ComplaintManageFacts({ facts }: { facts: ManageFacts }) {
  return (
    <section aria-labelledby="facts-heading" className="space-y-4 rounded-lg bg-white p-4 shadow">
      <h2 id="facts-heading" className="text-lg font-semibold">
        What the rep logged
      </h2>
      {facts.details ? (
        <Text heading="Details" id="details-heading">
          {facts.details}
        </Text>
      ) : null}
      {facts.actionTaken ? (
        <Text heading="What the rep already did" id="rep-action-heading">
          {facts.actionTaken}
        </Text>
      ) : null}
      <dl className="divide-y divide-slate-200 text-sm">
        <Row label="Status">
          <ComplaintStatusBadge status={facts.status} />
        </Row>
        <Row label="Severity">
          <SeverityText severity={facts.severity} />
        </Row>
        <Row label="Category">{facts.category}</Row>
        <Row label="Channel">{CHANNEL_LABELS[facts.channel]}</Row>
        <Row label="Logged by">{facts.reporter}</Row>
        <Row label="Happened">
          <DateTimeText value={facts.occurredAt} />
        </Row>
        <Row label="Logged">
          <DateTimeText value={facts.createdAt} />
        </Row>
        <Row label="Resolved at the front line">{facts.resolvedAtFrontLine ? "Yes" : "No"}</Row>
        <Row label="Heard">{facts.sightings ? `${facts.sightings + 1} times` : "Once"}</Row>
        <Row label="Routed to">{facts.routedTeam}</Row>
        <Row label="Waiting on">
          {facts.waitingOn}
          {facts.escalationLevel ? ` (escalated ${facts.escalationLevel} ${facts.escalationLevel === 1 ? "level" : "levels"})` : ""}
        </Row>
        {facts.acknowledgeDueAt ? (
          <Row label="Escalates if not acknowledged by">
            <DateTimeText value={facts.acknowledgeDueAt} />
          </Row>
        ) : null}
        {facts.acknowledgedAt ? (
          <Row label="Acknowledged">
            <DateTimeText value={facts.acknowledgedAt} />
          </Row>
        ) : null}
        {facts.closedAt ? (
          <Row label="Closed">
            <DateTimeText value={facts.closedAt} />
          </Row>
        ) : null}
      </dl>
      {facts.actionPlan ? (
        <Text heading="Planned action" id="plan-heading">
          {facts.actionPlan}
        </Text>
      ) : null}
      {facts.response ? (
        <Text heading="Response to the rep" id="response-heading">
          {facts.response}
        </Text>
      ) : null}
    </section>
  );
}
