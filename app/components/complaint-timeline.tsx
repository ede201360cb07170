// A complaint's history, oldest first, each line already in words; and the "heard it too"
// sightings with who heard it, where, when and their note.
import { DateTimeText } from "./request-time";

export function ComplaintTimeline({ entries }: { entries: Array<{ id: string; at: string; text: string }> }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
        Timeline
      </h2>
      <ol className="space-y-2">
        {entries.map((e) => (
          <li key={e.id} className="border-l-2 border-slate-300 pl-3">
            <p className="break-words">{e.text}</p>
            <p className="text-sm text-slate-600">
              <DateTimeText value={e.at} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export interface SightingView {
  id: string;
  reporter: string;
  channel: string;
  note: string;
  occurredAt: string;
}

export function ComplaintSightings({ sightings }: { sightings: SightingView[] }) {
  return (
    <section aria-labelledby="sightings-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="sightings-heading" className="mb-2 text-lg font-semibold">
        Heard it too ({sightings.length})
      </h2>
      {sightings.length === 0 ? (
        <p className="text-slate-700">Nobody else has reported this one yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {sightings.map((s) => (
            <li key={s.id} className="py-2">
              <p className="text-sm text-slate-700">
                {s.reporter} · {s.channel} · <DateTimeText value={s.occurredAt} />
              </p>
              {s.note ? <p className="whitespace-pre-wrap break-words">{s.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
