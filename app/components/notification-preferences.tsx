// The "Notifications" section of /account: how the person hears about notifications besides
// the in-app list. A radio group in a fieldset, so the question is read out with each choice.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { EMAIL_PREFERENCE_LABELS, EMAIL_PREFERENCES, emailPreferenceSchema, type EmailPreferenceChoice } from "~/validation/notifications";
import { getFormProps, parseWithZod, useForm } from "~/utils/forms";
import { Button, FieldErrors, FormErrors } from "./ui/form-controls";

function hints(digestHour: number): Record<EmailPreferenceChoice, string> {
  const at = `${String(digestHour).padStart(2, "0")}:00 UTC`;
  return {
    IN_APP_ONLY: "See them under Notifications; no email.",
    IMMEDIATE: "An email for each notification as it happens.",
    DAILY_DIGEST: `One email each day after ${at} listing what you haven't read yet; none on days with nothing new.`,
  };
}

export function NotificationPreferences({
  current,
  digestHour,
  lastResult,
}: {
  current: EmailPreferenceChoice;
  digestHour: number;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "email-preference",
    lastResult,
    defaultValue: { emailPreference: current },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: emailPreferenceSchema }),
  });
  const field = fields.emailPreference;
  const errorId = `${field.id}-errors`;
  const hint = hints(digestHour);
  return (
    <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="email-preference" />
      <fieldset aria-describedby={field.errors?.length ? errorId : undefined}>
        <legend className="text-sm font-medium text-slate-800">How should Upstream tell you about notifications?</legend>
        <div className="mt-2 space-y-3">
          {EMAIL_PREFERENCES.map((value) => {
            const id = `${field.id}-${value}`;
            return (
              <div key={value} className="flex items-start gap-2">
                <input
                  type="radio"
                  id={id}
                  name={field.name}
                  value={value}
                  defaultChecked={(field.initialValue ?? current) === value}
                  aria-describedby={`${id}-hint`}
                  className="mt-1 h-4 w-4 border-slate-400"
                />
                <div>
                  <label htmlFor={id} className="text-sm font-medium text-slate-800">
                    {EMAIL_PREFERENCE_LABELS[value]}
                  </label>
                  <p id={`${id}-hint`} className="text-sm text-slate-600">
                    {hint[value]}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
        <FieldErrors id={errorId} errors={field.errors} />
      </fieldset>
      <Button type="submit">Save notification settings</Button>
    </Form>
  );
}
