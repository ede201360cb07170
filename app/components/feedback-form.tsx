// The feedback form: suggestion or concern, to a team or to management, signed or anonymous.
// The explanation beside "Send anonymously" says plainly what is kept and what isn't, so people
// can judge for themselves. The form token makes a second submit find the first entry.
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import { FEEDBACK_BODY_MAX, FEEDBACK_KINDS, FEEDBACK_KIND_LABELS, SUBJECT_MAX, TO_MANAGEMENT, feedbackSchema } from "~/validation/feedback";
import { Button, CheckboxField, FieldErrors, FormErrors, SelectField, TextAreaField, TextField } from "./ui/form-controls";

const KIND_HINTS = {
  SUGGESTION: "An idea to make something better.",
  CONCERN: "Something that worries you or isn't working.",
} as const;

interface Props {
  teams: Array<{ id: string; name: string }>;
  formToken: string;
  lastResult?: SubmissionResult<string[]>;
}

export function FeedbackForm({ teams, formToken, lastResult }: Props) {
  const [form, fields] = useForm({
    id: "feedback",
    lastResult,
    defaultValue: { kind: "SUGGESTION" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchema }),
  });
  const formErrors = [
    ...(form.errors ?? []),
    ...(fields.formToken.errors?.length ? ["This form has expired. Reload the page and send it again."] : []),
  ];
  const kindErrorId = `${fields.kind.id}-errors`;
  return (
    <Form method="post" className="space-y-5 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={formErrors} />
      <input type="hidden" name="formToken" value={formToken} />
      <fieldset aria-describedby={fields.kind.errors?.length ? kindErrorId : undefined}>
        <legend className="text-sm font-medium text-slate-800">What is it?</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {FEEDBACK_KINDS.map((kind) => (
            <div key={kind} className="flex items-start gap-2">
              <input
                type="radio"
                id={`${fields.kind.id}-${kind}`}
                name={fields.kind.name}
                value={kind}
                defaultChecked={(fields.kind.initialValue ?? "SUGGESTION") === kind}
                aria-describedby={`${fields.kind.id}-${kind}-hint`}
                className="mt-1 h-4 w-4 border-slate-400"
              />
              <label htmlFor={`${fields.kind.id}-${kind}`} className="text-sm">
                <span className="font-medium text-slate-800">{FEEDBACK_KIND_LABELS[kind]}</span>
                <span id={`${fields.kind.id}-${kind}-hint`} className="block text-slate-600">
                  {KIND_HINTS[kind]}
                </span>
              </label>
            </div>
          ))}
        </div>
        <FieldErrors id={kindErrorId} errors={fields.kind.errors} />
      </fieldset>
      <SelectField
        label="To"
        hint="A team's managers (and the managers above them) read what you send to the team. Management means the heads of the organisation."
        {...getSelectProps(fields.to)}
        id={fields.to.id}
        errors={fields.to.errors}
      >
        <option value="">Choose…</option>
        <option value={TO_MANAGEMENT}>Management</option>
        <optgroup label="Teams">
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <TextField
        label="Subject"
        {...getInputProps(fields.subject, { type: "text" })}
        id={fields.subject.id}
        maxLength={SUBJECT_MAX}
        autoComplete="off"
        errors={fields.subject.errors}
      />
      <TextAreaField
        label="Your feedback"
        hint="What you noticed, and what you'd like to happen."
        {...getTextareaProps(fields.body)}
        id={fields.body.id}
        rows={8}
        maxLength={FEEDBACK_BODY_MAX}
        errors={fields.body.errors}
      />
      <CheckboxField
        label="Send anonymously"
        hint="Your name, your account and your network address are not stored with it, and nothing records the time, only the day. The managers are told about anonymous feedback the next morning, all of a day's together. You'll get a private code to follow the answers: we show it once and can't show it again. What you write is stored as you write it, so leave out details that would give you away."
        {...getInputProps(fields.anonymous, { type: "checkbox" })}
        id={fields.anonymous.id}
        errors={fields.anonymous.errors}
      />
      <Button type="submit">Send feedback</Button>
    </Form>
  );
}
