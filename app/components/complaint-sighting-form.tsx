// "Heard it too" on the complaint page: another customer said the same thing. Where it was heard,
// when (the organisation's time, default now) and an optional note; a plain form posted to the
// page, so it works without JavaScript. The form token makes a double submit add one sighting.
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import { SIGHTING_NOTE_MAX, type ComplaintChannel } from "~/utils/complaint-rules";
import { sightingSchema } from "~/validation/complaints";
import { ComplaintChannelField } from "./complaint-channel-field";
import { Button, FormErrors, TextAreaField, TextField } from "./ui/form-controls";

interface Props {
  complaintRef: string;
  formToken: string;
  timeZone: string;
  now: string;
  defaultChannel: ComplaintChannel;
  lastResult?: SubmissionResult<string[]>;
}

export function ComplaintSightingForm({ complaintRef, formToken, timeZone, now, defaultChannel, lastResult }: Props) {
  const [form, fields] = useForm({
    id: "sighting",
    lastResult,
    defaultValue: { channel: defaultChannel, occurredAt: now },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sightingSchema({ timeZone }) }),
  });
  return (
    <section aria-labelledby="sighting-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="sighting-heading" className="mb-1 text-lg font-semibold">
        Heard it too?
      </h2>
      <p className="mb-3 text-sm text-slate-700">If a customer told you the same, add it here: it counts toward this complaint.</p>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="formToken" value={formToken} />
        <input type="hidden" name="sightingOf" value={complaintRef} />
        <div className="grid gap-3 sm:grid-cols-2">
          <ComplaintChannelField field={fields.channel} />
          <TextField
            label="When"
            hint={`Your organisation's time (${timeZone}).`}
            {...getInputProps(fields.occurredAt, { type: "datetime-local" })}
            id={fields.occurredAt.id}
            max={now}
            errors={fields.occurredAt.errors}
          />
        </div>
        <TextAreaField
          label="Note (optional)"
          {...getTextareaProps(fields.note)}
          id={fields.note.id}
          rows={2}
          maxLength={SIGHTING_NOTE_MAX}
          errors={fields.note.errors}
        />
        <Button type="submit">Add my sighting</Button>
      </Form>
    </section>
  );
}
