// Similar open complaints, shown inside the log form: while the rep types (fetched, JavaScript
// only) and after a submit that found matches (from the server, so it works without JavaScript).
// "Heard it too" submits the same form with `sightingOf`, so the channel and the time come from
// what the rep already entered; only a short note is added. The submit buttons skip the client
// checks of the complaint fields (formNoValidate): a sighting needs none of them.
import { useEffect, useState } from "react";
import { CHANNEL_LABELS, SEVERITY_LABELS, formatComplaintNumber, type ComplaintChannel, type Severity } from "~/utils/complaint-rules";
import { SIGHTING_NOTE_MAX } from "~/utils/complaint-rules";
import { DateTimeText } from "./request-time";
import { Button, TextAreaField } from "./ui/form-controls";

export interface SimilarComplaintView {
  number: number;
  summary: string;
  category: string;
  severity: Severity;
  sightings: number;
  createdAt: string;
}

interface Props {
  matches: SimilarComplaintView[];
  /** "typing": suggestions as the rep types; "submit": the server's check on submit, with a choice to make. */
  mode: "typing" | "submit";
  channel: ComplaintChannel | null;
  noteErrors?: string[];
}

function NoteField({ errors }: { errors?: string[] }) {
  return (
    <TextAreaField
      id="sighting-note"
      name="note"
      label="Note for your sighting (optional)"
      hint="Anything this customer added. Their contact details are not kept with a sighting."
      rows={2}
      maxLength={SIGHTING_NOTE_MAX}
      errors={errors}
    />
  );
}

function SightingButton({ number }: { number: number }) {
  const ref = formatComplaintNumber(number);
  return (
    <Button type="submit" name="sightingOf" value={ref} formNoValidate variant="secondary">
      Heard it too: add to {ref}
    </Button>
  );
}

export function ComplaintSimilarList({ matches, mode, channel, noteErrors }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  // "Heard it too" is replaced by the note and the confirm button: move focus to the note, or
  // keyboard and screen reader users are left on a button that no longer exists.
  useEffect(() => {
    if (open !== null) document.getElementById("sighting-note")?.focus();
  }, [open]);
  if (!matches.length) return null;
  const heard = channel ? ` Your sighting is recorded as heard by ${CHANNEL_LABELS[channel].toLowerCase()}.` : "";
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm text-slate-800">
        {mode === "submit"
          ? `These open complaints look like yours. If it's the same problem, add a sighting so it counts; otherwise log yours as new.${heard}`
          : `Already logged? If one of these is the same problem, say you heard it too.${heard}`}
      </p>
      {mode === "submit" ? <NoteField errors={noteErrors} /> : null}
      <ul className="divide-y divide-amber-200">
        {matches.map((m) => (
          <li key={m.number} className="space-y-2 py-2">
            <p>
              <span className="font-medium">{formatComplaintNumber(m.number)}</span> {m.summary}
            </p>
            <p className="text-sm text-slate-700">
              {m.category} · {SEVERITY_LABELS[m.severity]} · logged <DateTimeText value={m.createdAt} /> ·{" "}
              {m.sightings === 1 ? "1 sighting" : `${m.sightings} sightings`}
            </p>
            {mode === "submit" ? (
              <SightingButton number={m.number} />
            ) : open === m.number ? (
              <div className="space-y-2 rounded-md bg-white p-3">
                <NoteField errors={noteErrors} />
                <div className="flex flex-wrap gap-2">
                  <SightingButton number={m.number} />
                  <Button type="button" variant="secondary" onClick={() => setOpen(null)}>
                    Cancel
                  </Button>
                </div>
              </div>
            ) : (
              <Button type="button" variant="secondary" aria-expanded={false} onClick={() => setOpen(m.number)}>
                Heard it too
              </Button>
            )}
          </li>
        ))}
      </ul>
      {mode === "submit" ? (
        <Button type="submit" name="choice" value="new">
          None of these: log as new
        </Button>
      ) : null}
    </div>
  );
}
