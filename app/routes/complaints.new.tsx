// /complaints/new — log a complaint heard from a customer: one page, keyboard-first, usable on a
// phone. Similar open complaints appear as the summary is typed (JavaScript), or on submit
// (always): the rep then adds a sighting to one of them or logs theirs as new. Success redirects
// to the complaint with a flash message.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { loadLogForm, logComplaintAction } from "~/models/complaint-log-form.server";
import { ComplaintLogForm } from "~/components/complaint-log-form";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Log a complaint · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadLogForm(user.id), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return logComplaintAction(request, user, await request.formData());
}

export default function LogComplaint() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Log a complaint"
        description={
          <>
            Pass on what a customer told you: managers see it, act on it and answer you.{" "}
            <Link to="/complaints" className={textLinkClass}>
              My complaints
            </Link>
          </>
        }
      />
      {data.categories.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-700 shadow">
          No complaint categories have been set up yet. Ask an administrator to add them.
        </p>
      ) : (
        <ComplaintLogForm
          categories={data.categories}
          teams={data.teams}
          formToken={data.formToken}
          timeZone={data.timeZone}
          now={data.now}
          defaultChannel={data.defaultChannel}
          lastResult={actionData?.result}
          similar={actionData?.similar ?? null}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
