// /teams/<slug>/catalogue/<typeId> — edit one request type. Only for those who manage the
// team's catalogue; everyone else gets 404. Two people saving the same type: the second gets a
// conflict message (optimistic locking on updatedAt), not a silent overwrite.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/policies/authorize.server";
import { catalogueAccess, getRequestTypeOfTeam, updateRequestTypeAction } from "~/models/request-type.server";
import { editRequestTypeFormSchema, targetForForm } from "~/validation/request-types";
import { parseWithZod, useForm } from "~/utils/forms";
import { RequestTypeFields } from "~/components/request-type-fields";
import { FormCard } from "~/components/ui/form-card";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.type.name ?? "Request type"} · ${data?.team.name ?? "Team"} · Upstream` },
];

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const access = await catalogueAccess(request, params.slug);
  if (!access.mayManage) throw notFound();
  const type = await getRequestTypeOfTeam(access.team.id, params.typeId ?? "");
  if (!type) throw notFound();
  return { ...access, type };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, type } = await load(request, params);
  return json({ team, type });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, team, type } = await load(request, params);
  return updateRequestTypeAction({ request, actorId: user.id, team, ip: context.clientIp }, type.id, await request.formData());
}

export default function EditRequestType() {
  const { team, type } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const firstResponse = targetForForm(type.firstResponseTargetMinutes);
  const resolution = targetForForm(type.resolutionTargetMinutes);
  const [form, fields] = useForm({
    id: `edit-request-type-${type.id}`,
    lastResult: actionData?.result,
    defaultValue: {
      name: type.name,
      description: type.description,
      defaultPriority: type.defaultPriority,
      firstResponseTarget: firstResponse.value,
      firstResponseUnit: firstResponse.unit,
      resolutionTarget: resolution.value,
      resolutionUnit: resolution.unit,
      active: type.active ? "on" : undefined,
    },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editRequestTypeFormSchema }),
  });
  const back = `/teams/${team.slug}/catalogue`;
  return (
    <div className="max-w-xl">
      <PageHeader
        title={`Edit "${type.name}"`}
        description={
          <>
            In the service catalogue of{" "}
            <Link to={back} className={textLinkClass}>
              {team.name}
            </Link>
          </>
        }
      />
      <FormCard form={form} submitLabel="Save request type" cancelTo={back}>
        <input type="hidden" name="version" value={type.updatedAt} />
        <RequestTypeFields fields={fields} />
      </FormCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
