// Step 2 of sending kudos: the message to the chosen person or team. The form token makes a
// second submit of the same form find the first kudos instead of sending another.
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { getFormProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import { formatRequestNumber } from "~/utils/request-number";
import { KUDOS_MESSAGE_MAX, kudosSchema } from "~/validation/kudos";
import { RecipientLink, type KudosListItem } from "./kudos-list";
import { Notice } from "./new-request-steps";
import { Button, FieldErrors, FormErrors, TextAreaField } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

interface Props {
  recipient: KudosListItem["recipient"];
  about: { number: number } | null;
  notices: string[];
  formToken: string;
  lastResult?: SubmissionResult<string[]>;
}

export function KudosForm({ recipient, about, notices, formToken, lastResult }: Props) {
  const [form, fields] = useForm({
    id: "kudos",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: kudosSchema }),
  });
  // Errors about the hidden fields belong to the choices shown above the message.
  const choiceErrors = [
    ...(fields.recipientType.errors ?? []),
    ...(fields.recipientId.errors ?? []),
    ...(fields.request.errors ?? []),
    ...(fields.formToken.errors?.length ? ["This form has expired. Reload the page and send it again."] : []),
  ];
  const requestRef = about ? formatRequestNumber(about.number) : null;
  const recipientKey = recipient.kind === "team" ? recipient.slug : recipient.id;
  return (
    <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
      {notices.map((notice) => (
        <Notice key={notice}>{notice}</Notice>
      ))}
      <FormErrors id={form.errorId} errors={form.errors} />
      <section aria-labelledby="kudos-choice-heading" className="rounded-md bg-slate-50 p-4 text-sm">
        <h2 id="kudos-choice-heading" className="sr-only">
          Your choices
        </h2>
        <p>
          <span className="font-medium">To:</span> <RecipientLink recipient={recipient} /> ·{" "}
          <Link to={requestRef ? `/kudos/new?request=${requestRef}` : "/kudos/new"} className={textLinkClass}>
            thank someone else
          </Link>
        </p>
        {requestRef ? (
          <p>
            <span className="font-medium">About:</span> {requestRef} ·{" "}
            <Link to={`/kudos/new?${new URLSearchParams({ [recipient.kind]: recipientKey })}`} className={textLinkClass}>
              not about a request
            </Link>
          </p>
        ) : null}
        <FieldErrors id="kudos-choice-errors" errors={choiceErrors} />
      </section>
      <input type="hidden" name="formToken" value={formToken} />
      <input type="hidden" name="recipientType" value={recipient.kind} />
      <input type="hidden" name="recipientId" value={recipient.id} />
      {requestRef ? <input type="hidden" name="request" value={requestRef} /> : null}
      <TextAreaField
        label="Message"
        hint={`What they did and what it meant to you. Everyone can read it. Up to ${KUDOS_MESSAGE_MAX} characters.`}
        {...getTextareaProps(fields.message)}
        id={fields.message.id}
        rows={5}
        maxLength={KUDOS_MESSAGE_MAX}
        errors={fields.message.errors}
      />
      <Button type="submit">Send kudos</Button>
    </Form>
  );
}
