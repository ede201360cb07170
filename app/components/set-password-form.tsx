// The "choose a password" form shared by the invitation and password-reset pages.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { setPasswordSchema } from "~/validation/auth";
import { getFormProps, getInputProps, parseWithZod, useForm } from "~/utils/forms";
import { Button, FormErrors, TextField } from "./ui/form-controls";

export function SetPasswordForm({
  token,
  submitLabel,
  lastResult,
}: {
  token: string;
  submitLabel: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "set-password",
    lastResult,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setPasswordSchema }),
  });
  return (
    <Form method="post" className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        hint="At least 10 characters. A few unrelated words make a strong password that is easy to remember."
        {...getInputProps(fields.password, { type: "password" })}
        id={fields.password.id}
        autoComplete="new-password"
        errors={fields.password.errors}
      />
      <TextField
        label="Type it again"
        {...getInputProps(fields.confirmPassword, { type: "password" })}
        id={fields.confirmPassword.id}
        autoComplete="new-password"
        errors={fields.confirmPassword.errors}
      />
      <Button type="submit" className="w-full">
        {submitLabel}
      </Button>
    </Form>
  );
}
