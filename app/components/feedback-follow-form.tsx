// "Follow anonymous feedback": the code is posted, never put in the address, so it stays out of
// browser history, server logs and the Referer header.
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, parseWithZod, useForm } from "~/utils/forms";
import { followSchema } from "~/validation/feedback";
import { Button, FormErrors, TextField } from "./ui/form-controls";

export function FeedbackFollowForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "follow-feedback",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: followSchema }),
  });
  return (
    <Form method="post" aria-labelledby="follow-heading" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
      <h2 id="follow-heading" className="text-lg font-semibold">
        Follow anonymous feedback
      </h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField
        label="Follow-up code"
        hint="The code you were shown when you sent it, e.g. 7KQ2-M9XD-4TRP-0WZA."
        {...getInputProps(fields.code, { type: "text" })}
        id={fields.code.id}
        autoComplete="off"
        spellCheck={false}
        errors={fields.code.errors}
      />
      <Button type="submit">Show my feedback</Button>
    </Form>
  );
}
