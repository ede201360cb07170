// /admin/complaint-categories/<id> — rename a category, change its owning team (where new
// complaints are routed; existing ones stay where they are), or deactivate it. Two admins saving
// the same category: the second gets a conflict message (optimistic locking on updatedAt).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { notFound } from "~/policies/authorize.server";
import { listTeams, teamTree } from "~/models/team.server";
import { getComplaintCategory, updateComplaintCategoryAction } from "~/models/complaint-category.server";
import { editComplaintCategorySchema } from "~/validation/complaint-categories";
import { getFormProps, parseWithZod, useForm } from "~/utils/forms";
import { ComplaintCategoryFields } from "~/components/complaint-category-fields";
import { Button, FormErrors } from "~/components/ui/form-controls";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.category.name ?? "Category"} · Admin · Upstream` }];

async function load(request: Request, id: string | undefined) {
  const admin = await requireAdmin(request);
  const category = await getComplaintCategory(id ?? "");
  if (!category) throw notFound();
  return { admin, category };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { category } = await load(request, params.id);
  const teams = teamTree(await listTeams()).map(({ id, name, depth }) => ({ id, name, depth }));
  return json({ category, teams });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, category } = await load(request, params.id);
  return updateComplaintCategoryAction({ request, actorId: admin.id, ip: context.clientIp }, category.id, await request.formData());
}

export default function EditComplaintCategory() {
  const { category, teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `edit-complaint-category-${category.id}`,
    lastResult: actionData?.result,
    defaultValue: {
      name: category.name,
      description: category.description,
      ownerTeamId: category.ownerTeamId,
      active: category.active ? "on" : undefined,
    },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editComplaintCategorySchema }),
  });
  const count = category._count.complaints;
  return (
    <div className="max-w-xl">
      <PageHeader
        title={`Edit "${category.name}"`}
        description={`${count} ${count === 1 ? "complaint has" : "complaints have"} this category. Changing the owning team routes new complaints only.`}
      />
      <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="version" value={category.updatedAt} />
        <ComplaintCategoryFields fields={fields} teams={teams} />
        <div className="flex items-center gap-4">
          <Button type="submit">Save category</Button>
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
