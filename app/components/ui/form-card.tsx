// A page's one form, on a card: the form-level errors first, then the fields, then the submit
// button beside a Cancel link back to where the admin came from.
import type { FormMetadata } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { getFormProps } from "~/utils/forms";
import { Button, FormErrors } from "./form-controls";
import { textLinkClass } from "./page-header";

export function FormCard<Schema extends Record<string, unknown>>({
  form,
  submitLabel,
  cancelTo,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  submitLabel: string;
  cancelTo: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {children}
      <div className="flex items-center gap-4">
        <Button type="submit">{submitLabel}</Button>
        <Link to={cancelTo} className={textLinkClass}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
