// /teams/<slug>/catalogue — a team's request types and their targets. Everyone may read it;
// the team's managers (and managers above it) and admins add types here and edit them on
// /teams/<slug>/catalogue/<typeId>. (`$slug_` keeps this page out of the team page's layout.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/policies/authorize.server";
import { catalogueAccess, createRequestTypeAction, listCatalogue } from "~/models/request-type.server";
import { requestTypeFormSchema } from "~/validation/request-types";
import { getFormProps, parseWithZod, useForm } from "~/utils/forms";
import { RequestTypeFields } from "~/components/request-type-fields";
import { RequestTypeList } from "~/components/request-type-list";
import { Button, FormErrors } from "~/components/ui/form-controls";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Service catalogue · ${data?.team.name ?? "Team"} · Upstream` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, mayManage } = await catalogueAccess(request, params.slug);
  return json({ team, mayManage, types: await listCatalogue(team.id) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, team, mayManage } = await catalogueAccess(request, params.slug);
  if (!mayManage) throw notFound();
  return createRequestTypeAction({ request, actorId: user.id, team, ip: context.clientIp }, await request.formData());
}

function AddRequestType() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-request-type",
    lastResult: actionData?.result,
    defaultValue: { defaultPriority: "NORMAL", firstResponseUnit: "hours", resolutionUnit: "days", active: "on" },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestTypeFormSchema }),
  });
  return (
    <Form
      method="post"
      className="mt-8 max-w-xl space-y-4 rounded-lg bg-white p-6 shadow"
      aria-labelledby="add-type"
      {...getFormProps(form)}
    >
      <h2 id="add-type" className="text-lg font-semibold">
        Add a request type
      </h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <RequestTypeFields fields={fields} />
      <Button type="submit">Add request type</Button>
    </Form>
  );
}

export default function Catalogue() {
  const { team, mayManage, types } = useLoaderData<typeof loader>();
  const base = `/teams/${team.slug}/catalogue`;
  return (
    <div>
      <PageHeader
        title="Service catalogue"
        description={
          <>
            What you can ask{" "}
            <Link to={`/teams/${team.slug}`} className={textLinkClass}>
              {team.name}
            </Link>{" "}
            for, and how quickly they aim to answer and resolve it.
          </>
        }
        actions={
          team.acceptsRequests ? (
            <Link to={`/requests/new?team=${encodeURIComponent(team.slug)}`} className={linkButtonClass}>
              Raise a request
            </Link>
          ) : undefined
        }
      />
      {!team.acceptsRequests ? (
        <p className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {team.name} doesn't take requests at the moment, so these types aren't offered to anyone.
        </p>
      ) : null}
      <RequestTypeList types={types} editBase={mayManage ? base : undefined} />
      {mayManage ? <AddRequestType /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
