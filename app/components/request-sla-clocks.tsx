// The two service-level clocks: time to first response and time to resolution, with the state
// the server computed ("Due in 3 h", "Overdue by 2 h", met or missed) and warning styling once
// 80% of the target has passed. Colour is never the only signal: the text says it too.
import { describeTarget, type SlaState } from "~/utils/sla";
import { DateTimeText } from "./request-time";

export interface SlaClockView {
  dueAt: string;
  targetMinutes: number;
  state: SlaState;
}

function tone(state: SlaState) {
  switch (state.kind) {
    case "met":
      return "border-green-700 bg-green-50 text-green-900";
    case "missed":
    case "overdue":
      return "border-red-700 bg-red-50 text-red-900";
    case "running":
      return state.warning ? "border-amber-600 bg-amber-50 text-amber-900" : "border-slate-400 bg-white text-slate-900";
    default:
      return "border-slate-300 bg-slate-50 text-slate-700";
  }
}

function Clock({ label, clock }: { label: string; clock: SlaClockView }) {
  const warning = clock.state.kind === "running" && clock.state.warning;
  return (
    <div className={`rounded-md border-l-4 px-3 py-2 ${tone(clock.state)}`}>
      <dt className="text-sm font-medium">{label}</dt>
      <dd className="font-semibold">
        {clock.state.text}
        {warning ? <span className="ml-1 text-sm font-normal">(nearly due)</span> : null}
      </dd>
      <dd className="text-sm">
        Target {describeTarget(clock.targetMinutes)} · due <DateTimeText value={clock.dueAt} />
      </dd>
    </div>
  );
}

export function RequestSlaClocks({ firstResponse, resolution }: { firstResponse: SlaClockView; resolution: SlaClockView }) {
  return (
    <section aria-labelledby="sla-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="sla-heading" className="mb-2 font-semibold">
        Service level
      </h2>
      <dl className="space-y-2">
        <Clock label="First response" clock={firstResponse} />
        <Clock label="Resolution" clock={resolution} />
      </dl>
    </section>
  );
}
