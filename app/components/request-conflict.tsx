// Shown when someone changed the request between opening the page and submitting a form: what
// the request looks like now, so the person can decide again instead of overwriting. The form
// that was sent carries the alert itself (beside its controls); this panel adds the facts.
import { STATUS_LABELS } from "~/utils/request-lifecycle";
import type { RequestCurrentState } from "./request-form-state";
import { DayText } from "./request-time";

export function RequestConflict({ current }: { current: RequestCurrentState }) {
  return (
    <section
      aria-labelledby="conflict-heading"
      className="mb-4 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      <h2 id="conflict-heading" className="font-semibold">
        Someone else changed this request since you opened it
      </h2>
      <p className="mt-1">
        It is now <strong>{STATUS_LABELS[current.status].toLowerCase()}</strong>, handled by <strong>{current.providerTeam}</strong>,{" "}
        {current.assignee ? (
          <>
            assigned to <strong>{current.assignee}</strong>
          </>
        ) : (
          "not assigned to anyone"
        )}
        {current.promisedAt ? (
          <>
            , promised by <DayText value={current.promisedAt} />
          </>
        ) : null}
        . Nothing you sent was saved: check the request, then try again.
      </p>
    </section>
  );
}
