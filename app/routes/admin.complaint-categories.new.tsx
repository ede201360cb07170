// /admin/complaint-categories/new — add a category and choose the team that owns it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { listTeams, teamTree } from "~/models/team.server";
import { createComplaintCategoryAction } from "~/models/complaint-category.server";
import { complaintCategorySchema } from "~/validation/complaint-categories";
import { getFormProps, parseWithZod, useForm } from "~/utils/forms";
import { ComplaintCategoryFields } from "~/components/complaint-category-fields";
import { Button, FormErrors } from "~/components/ui/form-controls";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "New complaint category · Admin · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return json({ teams: teamTree(await listTeams()).map(({ id, name, depth }) => ({ id, name, depth })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  return createComplaintCategoryAction({ request, actorId: admin.id, ip: context.clientIp }, await request.formData());
}

export default function NewComplaintCategory() {
  const { teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-complaint-category",
    lastResult: actionData?.result,
    defaultValue: { active: "on" },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: complaintCategorySchema }),
  });
  return (
    <div className="max-w-xl">
      <PageHeader title="New complaint category" />
      <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <ComplaintCategoryFields fields={fields} teams={teams} />
        <div className="flex items-center gap-4">
          <Button type="submit">Add category</Button>
          <Link to="/admin/complaint-categories" className={textLinkClass}>
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
