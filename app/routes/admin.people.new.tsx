import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { appUrl } from "~/utils/app-url.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { EmailTakenError, createPerson } from "~/models/user.server";
import { personSchema } from "~/validation/people";
import { parseWithZod, useForm } from "~/utils/forms";
import { PersonFields } from "~/components/person-fields";
import { FormCard } from "~/components/ui/form-card";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Add a person · Admin · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: personSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const person = await createPerson(admin, submission.value, appUrl(request), context.clientIp);
    return redirectWithFlash(request, `/admin/people/${person.id}`, {
      kind: "success",
      message: `${submission.value.name} was added. An invitation to choose a password is on its way to ${submission.value.email}.`,
    });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return json({ result: submission.reply({ fieldErrors: { email: [error.message] } }) }, { status: 400 });
    }
    throw error;
  }
}

export default function NewPerson() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-person",
    lastResult: actionData?.result,
    defaultValue: { role: "EMPLOYEE" },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: personSchema }),
  });
  return (
    <div className="max-w-xl">
      <PageHeader title="Add a person" description="They'll get an email with a link to choose their password." />
      <FormCard form={form} submitLabel="Add and send invitation" cancelTo="/admin/people">
        <PersonFields fields={fields} />
      </FormCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
