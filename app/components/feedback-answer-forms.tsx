// A reader's answer on the record, and closing the entry: two forms on one page, told apart by
// the hidden `intent`. The response is visible to the author (by name, or by their code).
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import { RESPONSE_MAX, respondSchema } from "~/validation/feedback";
import { Button, CheckboxField, FormErrors, TextAreaField } from "./ui/form-controls";

interface Props {
  formToken: string;
  closed: boolean;
  anonymous: boolean;
  lastResult?: SubmissionResult<string[]>;
}

export function FeedbackAnswerForms({ formToken, closed, anonymous, lastResult }: Props) {
  const [form, fields] = useForm({
    id: "feedback-response",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: respondSchema }),
  });
  return (
    <section aria-labelledby="answer-heading" className="space-y-4 rounded-lg bg-white p-6 shadow">
      <h2 id="answer-heading" className="text-lg font-semibold">
        Respond on the record
      </h2>
      <p className="text-sm text-slate-700">
        {anonymous
          ? "The author reads your response with their private code. Nobody, including you, can tell who they are."
          : "The author is notified and reads your response on this page."}{" "}
        Say what you heard and what will be done: you said, we did.
      </p>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="respond" />
        <input type="hidden" name="formToken" value={formToken} />
        <TextAreaField
          label="Response"
          {...getTextareaProps(fields.body)}
          id={fields.body.id}
          rows={6}
          maxLength={RESPONSE_MAX}
          errors={fields.body.errors}
        />
        {closed ? null : (
          <CheckboxField
            label="Close it with this response"
            hint="Closing says nothing more will be done."
            {...getInputProps(fields.close, { type: "checkbox" })}
            id={fields.close.id}
            errors={fields.close.errors}
          />
        )}
        <Button type="submit">Send response</Button>
      </Form>
      {closed ? null : (
        <Form method="post" className="border-t border-slate-200 pt-4">
          <input type="hidden" name="intent" value="close" />
          <Button type="submit" variant="secondary">
            Close without responding
          </Button>
        </Form>
      )}
    </section>
  );
}
