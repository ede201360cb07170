import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { appUrl } from "~/utils/app-url.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { EmailTakenError, createPerson } from "~/models/user.server";
import { personSchema } from "~/validation/people";
import { getFormProps, parseWithZod, useForm } from "~/utils/forms";
import { PersonFields } from "~/components/person-fields";
import { Button, FormErrors } from "~/components/ui/form-controls";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
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
      <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <PersonFields fields={fields} />
        <div className="flex items-center gap-4">
          <Button type="submit">Add and send invitation</Button>
          <Link to="/admin/people" className={textLinkClass}>
            Cancel
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
