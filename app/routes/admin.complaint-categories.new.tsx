// /admin/complaint-categories/new — add a category and choose the team that owns it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { listTeamChoices } from "~/models/team.server";
import { createComplaintCategoryAction } from "~/models/complaint-category.server";
import { complaintCategorySchema } from "~/validation/complaint-categories";
import { parseWithZod, useForm } from "~/utils/forms";
import { ComplaintCategoryFields } from "~/components/complaint-category-fields";
import { FormCard } from "~/components/ui/form-card";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "New complaint category · Admin · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return json({ teams: await listTeamChoices() });
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
      <FormCard form={form} submitLabel="Add category" cancelTo="/admin/complaint-categories">
        <ComplaintCategoryFields fields={fields} teams={teams} />
      </FormCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
