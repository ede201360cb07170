// The rating form (issue 4): overall satisfaction in words, "did they exceed your expectations?",
// then, folded away so the form stays quick, the seven expectations and a comment. Native radio
// inputs in fieldsets with legends, so arrow keys move within a group and Tab between groups; a
// plain form posted to the rate page, so it works without JavaScript. The same form gives the
// first rating, changes it, and gives the re-rating after a recovery case.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import { DIMENSIONS, EXPECTATION_LABELS, RATING_COMMENT_MAX, SATISFACTION_LABELS, SCORES } from "~/utils/rating-rules";
import { ratingSchema, type RatingInput, type RatingMode } from "~/validation/rating";
import { Button, FormErrors, TextAreaField } from "./ui/form-controls";
import { DateTimeText } from "./request-time";
import { RadioQuestion } from "./ui/radio-question";

export interface RatingDefaults {
  overall: number;
  exceededExpectations: boolean;
  dimensions: Array<{ key: string; score: number | null }>;
  comment: string;
}

const TEXT: Record<RatingMode, { heading: string; button: string }> = {
  rate: { heading: "How did we do?", button: "Send rating" },
  edit: { heading: "Change your rating", button: "Save changes" },
  rerate: { heading: "Rate it again, now the recovery case is closed", button: "Send new rating" },
};

const OVERALL_OPTIONS = SCORES.map((s) => ({ value: String(s), label: `${s} · ${SATISFACTION_LABELS[s]}` }));
const EXPECTATION_OPTIONS = [
  { value: "", label: "No answer" },
  ...SCORES.map((s) => ({ value: String(s), label: `${s} · ${EXPECTATION_LABELS[s]}` })),
];

export function RatingForm({
  mode,
  action,
  teamName,
  version,
  defaults,
  closesAt,
  lastResult,
}: {
  mode: RatingMode;
  /** The rate page, which takes the POST wherever the form is shown. */
  action: string;
  teamName: string;
  version?: number;
  defaults?: RatingDefaults | null;
  /** Until when the rating can be given or changed. */
  closesAt?: string | null;
  lastResult?: SubmissionResult<string[]>;
}) {
  const defaultValue: Record<string, string> | undefined = defaults
    ? {
        overall: String(defaults.overall),
        exceeded: defaults.exceededExpectations ? "yes" : "no",
        comment: defaults.comment,
        ...Object.fromEntries(defaults.dimensions.map((d) => [d.key, d.score === null ? "" : String(d.score)])),
      }
    : undefined;
  const [form, fields] = useForm<RatingInput>({
    id: `rating-form-${mode}`,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ratingSchema }),
  });
  const text = TEXT[mode];
  // The optional part opens by itself when it holds answers or errors, so nothing is hidden.
  const detailsOpen =
    DIMENSIONS.some((d) => !!fields[d.key].initialValue || !!fields[d.key].errors?.length) ||
    !!fields.comment.initialValue ||
    !!fields.comment.errors?.length;
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-5">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="mode" value={mode} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <p className="text-sm text-slate-700">
        Your rating tells {teamName} what to keep doing and what to put right.
        {closesAt ? (
          <>
            {" "}
            You can {mode === "edit" ? "change it" : "rate"} until <DateTimeText value={closesAt} />.
          </>
        ) : null}
      </p>
      <RadioQuestion
        field={fields.overall}
        legend="Overall, how satisfied are you with the service? (required)"
        options={OVERALL_OPTIONS}
      />
      <RadioQuestion
        field={fields.exceeded}
        legend="Did they exceed your expectations? (required)"
        hint="Meeting expectations is the norm; say yes only if they did better than you expected."
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
      <details open={detailsOpen || undefined} className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium text-brand-700">More detail (optional): seven expectations and a comment</summary>
        <div className="mt-4 space-y-5">
          {DIMENSIONS.map((d) => (
            <RadioQuestion key={d.key} field={fields[d.key]} legend={`${d.label}: ${d.question}`} options={EXPECTATION_OPTIONS} compact />
          ))}
          <TextAreaField
            label="Comment"
            hint={`What went well, or what should change. ${teamName} reads it. Up to ${RATING_COMMENT_MAX.toLocaleString("en")} characters.`}
            {...getTextareaProps(fields.comment)}
            id={fields.comment.id}
            rows={4}
            maxLength={RATING_COMMENT_MAX}
            errors={fields.comment.errors}
          />
        </div>
      </details>
      <Button type="submit">{text.button}</Button>
    </Form>
  );
}

export function ratingFormHeading(mode: RatingMode) {
  return TEXT[mode].heading;
}
