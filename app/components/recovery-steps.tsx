// A recovery case as people see it: where it stands, whose managers it waits on, and each step
// with who took it and when. The notes (the apology, the corrective action) come filled in only
// for the requester and the provider side; others see that a step was taken, not its words.
import { Link } from "@remix-run/react";
import type { RecoveryStatus, RecoveryStep } from "~/utils/recovery-lifecycle";
import { textLinkClass } from "./ui/page-header";
import { DateTimeText } from "./request-time";

export interface RecoveryStepView {
  step: RecoveryStep;
  label: string;
  noteLabel: string | null;
  done: boolean;
  at: string | null;
  by: string | null;
  note: string | null;
}

export interface RecoveryCaseView {
  status: RecoveryStatus;
  statusLabel: string;
  team: string;
  waitingOn: string;
  escalationLevel: number;
  openedAt: string;
  acknowledgeDueAt: string;
  overdue: boolean;
  rating: { overall: number; label: string };
  escalations: Array<{ at: string; to: string }>;
  steps: RecoveryStepView[];
  seesNotes: boolean;
  canAct: boolean;
  path: string;
}

export function RecoveryStatusLine({ view }: { view: RecoveryCaseView }) {
  return (
    <p>
      <strong>{view.statusLabel}</strong>
      {view.status === "OPEN" ? (
        <>
          {" "}
          by {view.waitingOn}'s managers, due <DateTimeText value={view.acknowledgeDueAt} />
          {view.overdue ? <span className="ml-1 font-semibold text-red-800">(overdue)</span> : null}
        </>
      ) : null}
    </p>
  );
}

export function RecoverySteps({ view }: { view: RecoveryCaseView }) {
  return (
    <ol className="space-y-2">
      <li className="rounded-md border-l-4 border-slate-300 bg-slate-50 px-3 py-2 text-sm">
        Opened <DateTimeText value={view.openedAt} /> after a rating of {view.rating.overall} of 5 ({view.rating.label.toLowerCase()})
      </li>
      {view.escalations.map((e) => (
        <li key={e.at} className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm">
          Not acknowledged in time: escalated to {e.to}'s managers <DateTimeText value={e.at} />
        </li>
      ))}
      {view.steps.map((s) => (
        <li
          key={s.step}
          className={`rounded-md border-l-4 px-3 py-2 text-sm ${s.done ? "border-green-700 bg-white" : "border-slate-200 bg-white text-slate-600"}`}
        >
          <p>
            <span className="font-medium">{s.label}</span>
            {s.done && s.at ? (
              <>
                {" · "}
                {s.by} · <DateTimeText value={s.at} />
              </>
            ) : (
              " · not yet"
            )}
          </p>
          {s.note && s.noteLabel ? (
            <div className="mt-1">
              <p className="text-slate-700">{s.noteLabel}:</p>
              <p className="whitespace-pre-wrap break-words text-slate-900">{s.note}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The request page's panel: the case in brief, with a link to its own page. */
export function RecoveryPanel({ view }: { view: RecoveryCaseView }) {
  return (
    <section aria-labelledby="recovery-heading" className="space-y-3 rounded-lg border-l-4 border-amber-500 bg-white p-4 shadow">
      <h2 id="recovery-heading" className="text-lg font-semibold">
        Service recovery by {view.team}
      </h2>
      <RecoveryStatusLine view={view} />
      <RecoverySteps view={view} />
      <p>
        <Link to={view.path} className={textLinkClass}>
          {view.canAct && view.status !== "CLOSED" ? "Take the next step" : "Open the recovery case"}
        </Link>
      </p>
    </section>
  );
}
