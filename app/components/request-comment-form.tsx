// The reply form (public: everyone who can see the request reads it) and the internal-note form
// (the team handling it only). Each carries a form token, so a double submit adds one comment.
import { Form } from "@remix-run/react";
import { getFormProps, getTextareaProps, getZodConstraint, parseWithZod, useForm } from "~/utils/forms";
import { COMMENT_MAX } from "~/validation/requests";
import { noteSchema, replySchema } from "~/validation/request-actions";
import { Button, FormErrors, TextAreaField } from "./ui/form-controls";
import { resultFor, useResetAfterSuccess, type RequestActionData } from "./request-form-state";

const TEXT = {
  reply: {
    heading: "Reply",
    label: "Your reply",
    hint: "Everyone who can see this request reads replies, including the requester.",
    button: "Send reply",
    style: "bg-white",
  },
  note: {
    heading: "Internal note",
    label: "Note for the team",
    hint: "Only the team handling this request and its managers see internal notes.",
    button: "Add internal note",
    style: "bg-amber-50",
  },
} as const;

export function RequestCommentForm({
  intent,
  formToken,
  actionData,
}: {
  intent: "reply" | "note";
  formToken: string;
  actionData: RequestActionData | undefined;
}) {
  const text = TEXT[intent];
  const schema = intent === "note" ? noteSchema : replySchema;
  const lastResult = resultFor(actionData, intent);
  const [form, fields] = useForm({
    id: `${intent}-form`,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const submitting = useResetAfterSuccess(intent, lastResult, form.reset);
  return (
    <Form method="post" {...getFormProps(form)} className={`space-y-3 rounded-lg p-4 shadow ${text.style}`}>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{text.heading}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="formToken" value={formToken} />
        <TextAreaField
          label={text.label}
          hint={`${text.hint} Up to ${COMMENT_MAX.toLocaleString("en")} characters.`}
          {...getTextareaProps(fields.body)}
          id={fields.body.id}
          rows={5}
          errors={fields.body.errors}
        />
        <Button type="submit" disabled={submitting} variant={intent === "note" ? "secondary" : "primary"}>
          {submitting ? "Sending…" : text.button}
        </Button>
      </fieldset>
    </Form>
  );
}
