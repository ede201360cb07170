// /admin/complaint-categories/<id> — rename a category, change its owning team (where new
// complaints are routed; existing ones stay where they are), or deactivate it. Two admins saving
// the same category: the second gets a conflict message (optimistic locking on updatedAt).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { notFound } from "~/policies/authorize.server";
import { listTeamChoices } from "~/models/team.server";
import { getComplaintCategory, updateComplaintCategoryAction } from "~/models/complaint-category.server";
import { editComplaintCategorySchema } from "~/validation/complaint-categories";
import { parseWithZod, useForm } from "~/utils/forms";
import { ComplaintCategoryFields } from "~/components/complaint-category-fields";
import { FormCard } from "~/components/ui/form-card";
import { PageHeader } from "~/components/ui/page-header";
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
  return json({ category, teams: await listTeamChoices() });
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
      <FormCard form={form} submitLabel="Save category" cancelTo="/admin/complaint-categories">
        <input type="hidden" name="version" value={category.updatedAt} />
        <ComplaintCategoryFields fields={fields} teams={teams} />
      </FormCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
