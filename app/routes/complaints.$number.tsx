// A complaint's page (/complaints/CMP-311, or /complaints/311), for everyone allowed to see it:
// the rep who logged it, reps who heard it too, managers of the routed team and above, admins.
// Summary, who has it, the response to the rep, facts, timeline, sightings and "Heard it too";
// the customer's contact only for those allowed (each view audited). Others get 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { getComplaintPage, loadComplaintAccess } from "~/models/complaint-detail.server";
import { sightingAction, sightingFormDefaults } from "~/models/complaint-log-form.server";
import { PageHeader, linkButtonClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ComplaintStatusBadge } from "~/components/complaint-inbox-badges";
import { ComplaintContact, ComplaintFacts, ComplaintHolder, ComplaintResponse } from "~/components/complaint-facts";
import { ComplaintSightings, ComplaintTimeline } from "~/components/complaint-timeline";
import { ComplaintSightingForm } from "~/components/complaint-sighting-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.complaint.ref} ${data.complaint.summary} · Upstream` : "Complaint · Upstream" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadComplaintAccess(user, params.number, request);
  const [page, sightingForm] = await Promise.all([
    getComplaintPage(access, { ip: typeof context.clientIp === "string" ? context.clientIp : undefined }),
    sightingFormDefaults(user.id),
  ]);
  // The page may carry the customer's personal data: never keep it in a cache.
  return json({ ...page, sightingForm }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadComplaintAccess(user, params.number, request);
  const formData = await request.formData();
  // The one form here is "heard it too", and it is always about this complaint.
  formData.set("sightingOf", String(access.complaint.number));
  return sightingAction(request, user, formData);
}

export default function ComplaintPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { complaint, viewer } = data;
  return (
    <div>
      <PageHeader
        title={complaint.summary}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{complaint.ref}</span>
            <ComplaintStatusBadge status={complaint.status} />
            <span>
              {complaint.category} · {complaint.severityLabel}
            </span>
          </span>
        }
        actions={
          viewer.manager ? (
            <Link to={`/complaints/${complaint.ref}/manage`} className={linkButtonClass}>
              Work on this complaint
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ComplaintHolder complaint={complaint} />
          <ComplaintResponse response={complaint.response} />
          <section aria-labelledby="what-heading" className="rounded-lg bg-white p-4 shadow">
            <h2 id="what-heading" className="mb-2 text-lg font-semibold">
              What the customer said
            </h2>
            <p className="whitespace-pre-wrap break-words">{complaint.details || complaint.summary}</p>
            {complaint.actionTaken ? (
              <>
                <h3 className="mb-1 mt-4 font-semibold">What the rep already did</h3>
                <p className="whitespace-pre-wrap break-words">{complaint.actionTaken}</p>
              </>
            ) : null}
            {complaint.actionPlan ? (
              <>
                <h3 className="mb-1 mt-4 font-semibold">Planned action (managers only)</h3>
                <p className="whitespace-pre-wrap break-words">{complaint.actionPlan}</p>
              </>
            ) : null}
            {data.themes.length ? <p className="mt-4 text-sm text-slate-700">Themes: {data.themes.join(", ")}</p> : null}
          </section>
          <ComplaintTimeline entries={data.timeline} />
          <ComplaintSightings sightings={data.sightings} />
          {complaint.status === "CLOSED" ? null : (
            <ComplaintSightingForm complaintRef={complaint.ref} {...data.sightingForm} lastResult={actionData?.result} />
          )}
        </div>
        <aside className="space-y-4" aria-label="About this complaint">
          <ComplaintFacts complaint={complaint} sightings={data.sightings.length} />
          <ComplaintContact contact={data.contact} purged={viewer.seesContact && complaint.contactPurged} />
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
