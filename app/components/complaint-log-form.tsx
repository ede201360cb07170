// The "log a complaint" form: one page, keyboard-first, the summary first and the rarely needed
// fields last, so a rep on the phone can log it in under a minute. As the summary is typed,
// similar open complaints are fetched (debounced) into a live region; without JavaScript the
// server makes the same check on submit and answers with the matches and a choice.
import { useEffect, useRef, useState } from "react";
import type { SubmissionResult } from "@conform-to/react";
import { Form, useFetcher } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import {
  COMPLAINT_CHANNELS,
  CUSTOMER_FIELD_MAX,
  DETAILS_MAX,
  NOTE_MAX,
  SEVERITIES,
  SEVERITY_LABELS,
  SUMMARY_MAX,
  type ComplaintChannel,
} from "~/utils/complaint-rules";
import { logFormSchema } from "~/validation/complaints";
import { ComplaintSimilarList, type SimilarComplaintView } from "./complaint-similar-list";
import { ComplaintChannelField } from "./complaint-channel-field";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "./ui/form-controls";
import { RadioQuestion } from "./ui/radio-question";

const SIMILAR_MIN_CHARS = 3;
const DEBOUNCE_MS = 350;

interface Props {
  categories: Array<{ id: string; name: string; ownerTeam: { id: string; name: string } }>;
  teams: Array<{ id: string; name: string }>;
  formToken: string;
  timeZone: string;
  now: string;
  defaultChannel: ComplaintChannel;
  lastResult?: SubmissionResult<string[]>;
  /** The server's submit-time check found these. */
  similar: SimilarComplaintView[] | null;
}

type Suggestions = { query: string; similar: SimilarComplaintView[] };

function normalise(text: string) {
  return text.trim().replace(/\s+/g, " ");
}

const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }));
const RESOLVED_OPTIONS = [
  { value: "no", label: "No: pass it on" },
  { value: "yes", label: "Yes, I resolved it" },
];

export function ComplaintLogForm({ categories, teams, formToken, timeZone, now, defaultChannel, lastResult, similar }: Props) {
  const [form, fields] = useForm({
    id: "log-complaint",
    lastResult,
    defaultValue: { channel: defaultChannel, severity: "MEDIUM", resolvedAtFrontLine: "no", occurredAt: now },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: logFormSchema(formData, { timeZone }) }),
  });
  const suggestions = useFetcher<Suggestions>();
  const [summary, setSummary] = useState(String(fields.summary.initialValue ?? ""));
  const matchesHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const q = normalise(summary);
    if (q.length < SIMILAR_MIN_CHARS) return;
    const timer = setTimeout(() => suggestions.load(`/complaints/similar?q=${encodeURIComponent(q)}`), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `suggestions.load` is stable enough; re-running on its identity would refetch in a loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary]);

  // The server's matches arrive after a submit: take the rep to them.
  useEffect(() => {
    if (similar?.length) matchesHeading.current?.focus();
  }, [similar]);

  const current = normalise(summary);
  const typed =
    suggestions.data && suggestions.data.query === current && current.length >= SIMILAR_MIN_CHARS ? suggestions.data.similar : [];
  const showSubmitMatches = !!similar?.length && (!suggestions.data || suggestions.data.query !== current || typed.length === 0);
  const channel = (COMPLAINT_CHANNELS as readonly string[]).includes(String(fields.channel.value))
    ? (fields.channel.value as ComplaintChannel)
    : null;
  const owner = categories.find((c) => c.id === fields.categoryId.value)?.ownerTeam.name;
  const tokenErrors = fields.formToken.errors?.length ? ["This form has expired. Reload the page and send it again."] : [];

  return (
    <Form method="post" action="/complaints/new" className="space-y-5 rounded-lg bg-white p-4 shadow sm:p-6" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...tokenErrors]} />
      {/* Enter in a field submits with the form's first submit button: make that this one, not
          a "heard it too" button further down. Without a choice the server checks for matches. */}
      <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
        Log complaint
      </button>
      <input type="hidden" name="formToken" value={formToken} />
      {/* The rep has already seen the suggestions for exactly this summary: no second check. */}
      {typed.length ? <input type="hidden" name="choice" value="new" /> : null}
      <TextField
        label="Summary"
        hint="One line: what the customer complained about."
        {...getInputProps(fields.summary, { type: "text" })}
        id={fields.summary.id}
        maxLength={SUMMARY_MAX}
        autoComplete="off"
        onInput={(event) => setSummary(event.currentTarget.value)}
        errors={fields.summary.errors}
      />
      <section aria-labelledby="similar-heading" className={showSubmitMatches || typed.length ? "" : "sr-only"}>
        <h2 id="similar-heading" ref={matchesHeading} tabIndex={-1} className="mb-2 font-semibold">
          {showSubmitMatches ? "Is it one of these?" : "Similar open complaints"}
        </h2>
        <div aria-live="polite">
          {showSubmitMatches ? (
            <ComplaintSimilarList matches={similar!} mode="submit" channel={channel} noteErrors={fields.note.errors} />
          ) : typed.length ? (
            <ComplaintSimilarList matches={typed} mode="typing" channel={channel} noteErrors={fields.note.errors} />
          ) : (
            <p>{current.length >= SIMILAR_MIN_CHARS && suggestions.data?.query === current ? "No similar open complaints." : ""}</p>
          )}
        </div>
      </section>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Category" {...getSelectProps(fields.categoryId)} id={fields.categoryId.id} errors={fields.categoryId.errors}>
          <option value="">Choose a category…</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <ComplaintChannelField field={fields.channel} />
      </div>
      <RadioQuestion field={fields.severity} legend="Severity" options={SEVERITY_OPTIONS} compact />
      <RadioQuestion
        field={fields.resolvedAtFrontLine}
        legend="Did you resolve it yourself?"
        hint="If not, it goes to the managers of the routed team to acknowledge."
        options={RESOLVED_OPTIONS}
        compact
      />
      <TextAreaField
        label="Details (optional)"
        {...getTextareaProps(fields.details)}
        id={fields.details.id}
        rows={3}
        maxLength={DETAILS_MAX}
        errors={fields.details.errors}
      />
      <TextAreaField
        label="What you already did (optional)"
        {...getTextareaProps(fields.actionTaken)}
        id={fields.actionTaken.id}
        rows={2}
        maxLength={NOTE_MAX}
        errors={fields.actionTaken.errors}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="When it happened"
          hint={`Your organisation's time (${timeZone}). Leave as is for now.`}
          {...getInputProps(fields.occurredAt, { type: "datetime-local" })}
          id={fields.occurredAt.id}
          max={now}
          errors={fields.occurredAt.errors}
        />
        <SelectField
          label="Send to"
          hint={owner ? `Default: ${owner}, which owns this category.` : "Default: the team that owns the category."}
          {...getSelectProps(fields.routedTeamId)}
          id={fields.routedTeamId.id}
          errors={fields.routedTeamId.errors}
        >
          <option value="">{owner ? `${owner} (owns the category)` : "The team that owns the category"}</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-medium">Customer contact (optional)</legend>
        <p className="text-sm text-slate-600">
          Personal data: only you, the managers it is routed to and admins see it, and every view is recorded.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Name"
            {...getInputProps(fields.customerName, { type: "text" })}
            id={fields.customerName.id}
            maxLength={CUSTOMER_FIELD_MAX}
            autoComplete="off"
            errors={fields.customerName.errors}
          />
          <TextField
            label="Customer reference"
            {...getInputProps(fields.customerReference, { type: "text" })}
            id={fields.customerReference.id}
            maxLength={CUSTOMER_FIELD_MAX}
            autoComplete="off"
            errors={fields.customerReference.errors}
          />
          <TextField
            label="Email"
            {...getInputProps(fields.customerEmail, { type: "email" })}
            id={fields.customerEmail.id}
            maxLength={CUSTOMER_FIELD_MAX}
            autoComplete="off"
            errors={fields.customerEmail.errors}
          />
          <TextField
            label="Phone"
            {...getInputProps(fields.customerPhone, { type: "tel" })}
            id={fields.customerPhone.id}
            maxLength={40}
            autoComplete="off"
            errors={fields.customerPhone.errors}
          />
        </div>
      </fieldset>
      {showSubmitMatches ? (
        <Button type="submit" name="choice" value="new">
          Log as a new complaint
        </Button>
      ) : (
        <Button type="submit">Log complaint</Button>
      )}
    </Form>
  );
}
