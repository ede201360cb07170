// /admin/settings — settings kept in the database: how long customer contact details stay on
// closed complaints, and the smallest group anonymous feedback is reported for. Audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { FieldMetadata } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { ADMIN_SETTINGS, getAdminSettings, updateAdminSettings } from "~/models/app-settings.server";
import { adminSettingsSchema } from "~/validation/admin-settings";
import { getFormProps, getInputProps, parseWithZod, useForm } from "~/utils/forms";
import { Button, FormErrors, TextField } from "~/components/ui/form-controls";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Settings · Admin · Upstream" }];

const HINTS = {
  contactRetentionDays:
    "Customer names, emails, phone numbers and references are erased from complaints closed longer ago than this. The complaints themselves stay.",
  feedbackMinGroupSize: "Reports leave out anonymous feedback from any group smaller than this, so nobody can be singled out.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const settings = await getAdminSettings();
  const fields = (Object.keys(HINTS) as Array<keyof typeof HINTS>).map((name) => {
    const { label, min, max, default: byDefault } = ADMIN_SETTINGS[name];
    return { name, label, min, max, hint: `${HINTS[name]} Default: ${byDefault}.` };
  });
  return json({ settings, fields });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: adminSettingsSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const changed = await updateAdminSettings(admin.id, submission.value, context.clientIp);
  return redirectWithFlash(request, "/admin/settings", {
    kind: "success",
    message: changed.length ? "Settings saved." : "Nothing changed.",
  });
}

function SettingField({ spec, field }: { spec: { label: string; hint: string; min: number; max: number }; field: FieldMetadata<number> }) {
  return (
    <TextField
      label={spec.label}
      hint={spec.hint}
      {...getInputProps(field, { type: "number" })}
      id={field.id}
      min={spec.min}
      max={spec.max}
      step={1}
      inputMode="numeric"
      errors={field.errors}
    />
  );
}

export default function AdminSettingsPage() {
  const { settings, fields } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, formFields] = useForm({
    id: "admin-settings",
    lastResult: actionData?.result,
    defaultValue: {
      contactRetentionDays: String(settings.contactRetentionDays),
      feedbackMinGroupSize: String(settings.feedbackMinGroupSize),
    },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: adminSettingsSchema }),
  });
  return (
    <div className="max-w-xl">
      <PageHeader title="Settings" description="Privacy settings that apply to the whole organisation." />
      <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {fields.map((f) => (
          <SettingField key={f.name} spec={f} field={formFields[f.name]} />
        ))}
        <Button type="submit">Save settings</Button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
