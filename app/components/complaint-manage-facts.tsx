// What the manager needs to know about a complaint before acting on it: the facts the rep
// logged, where it stands and what was done so far. No customer contact details: the complaint
// page shows those to the people allowed, and audits each view.
import { CHANNEL_LABELS, type ComplaintChannel, type ComplaintStatus, type Severity } from "~/utils/complaint-rules";
import { Fact, FactList, TimeFact } from "./ui/fact-list";
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
      <FactList>
        <Fact label="Status">
          <ComplaintStatusBadge status={facts.status} />
        </Fact>
        <Fact label="Severity">
          <SeverityText severity={facts.severity} />
        </Fact>
        <Fact label="Category">{facts.category}</Fact>
        <Fact label="Channel">{CHANNEL_LABELS[facts.channel]}</Fact>
        <Fact label="Logged by">{facts.reporter}</Fact>
        <TimeFact label="Happened" at={facts.occurredAt} />
        <TimeFact label="Logged" at={facts.createdAt} />
        <Fact label="Resolved at the front line">{facts.resolvedAtFrontLine ? "Yes" : "No"}</Fact>
        <Fact label="Heard">{facts.sightings ? `${facts.sightings + 1} times` : "Once"}</Fact>
        <Fact label="Routed to">{facts.routedTeam}</Fact>
        <Fact label="Waiting on">
          {facts.waitingOn}
          {facts.escalationLevel ? ` (escalated ${facts.escalationLevel} ${facts.escalationLevel === 1 ? "level" : "levels"})` : ""}
        </Fact>
        <TimeFact label="Escalates if not acknowledged by" at={facts.acknowledgeDueAt} />
        <TimeFact label="Acknowledged" at={facts.acknowledgedAt} />
        <TimeFact label="Closed" at={facts.closedAt} />
      </FactList>
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
