// The form for a recovery case's next step, for the managers who may take it. A plain form that
// works without JavaScript; it carries the case's version, so two managers acting at once get a
// conflict instead of a step taken twice.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import { RECOVERY_NOTE_MAX, type RecoveryStep } from "~/utils/recovery-lifecycle";
import { recoveryStepSchema } from "~/validation/recovery";
import { Button, FormErrors, TextAreaField } from "./ui/form-controls";

const HINTS: Record<RecoveryStep, string> = {
  acknowledge: "Acknowledging tells the requester someone is on it and stops the case escalating.",
  apologise: "Write the apology as you sent it. The requester and the team see it.",
  correct: "What you changed so it does not happen again. The requester and the team see it.",
  close: "After closing, the requester may rate the service once more.",
};

export function RecoveryStepForm({
  next,
  version,
  lastResult,
}: {
  next: { step: RecoveryStep; action: string; noteLabel: string | null };
  version: number;
  lastResult?: SubmissionResult<string[]>;
}) {
  const schema = recoveryStepSchema(next.step);
  const [form, fields] = useForm({
    id: `recovery-${next.step}-form`,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 rounded-lg bg-white p-4 shadow">
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Next step: {next.action.toLowerCase()}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="step" value={next.step} />
        <input type="hidden" name="version" value={version} />
        <p className="text-sm text-slate-700">{HINTS[next.step]}</p>
        {next.noteLabel ? (
          <TextAreaField
            label={next.noteLabel}
            hint={`Up to ${RECOVERY_NOTE_MAX.toLocaleString("en")} characters.`}
            {...getTextareaProps(fields.note)}
            id={fields.note.id}
            rows={4}
            maxLength={RECOVERY_NOTE_MAX}
            errors={fields.note.errors}
          />
        ) : null}
        <Button type="submit">{next.action}</Button>
      </fieldset>
    </Form>
  );
}
