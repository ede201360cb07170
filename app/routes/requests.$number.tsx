// A request's page (/requests/REQ-1042, or /requests/1042): its facts, SLA clocks, transfers,
// timeline, rating and recovery case, and every action on it. Anyone who may not see the request
// gets 404 from the loader and from every form.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { isOpen } from "~/utils/request-lifecycle";
import { getRequestPage, loadRequestAccess } from "~/models/request-detail.server";
import { requestAction } from "~/models/request-actions.server";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RequestSummary, StatusBadge } from "~/components/request-summary";
import { RequestSlaClocks } from "~/components/request-sla-clocks";
import { RequestTransferPath } from "~/components/request-transfer-path";
import { RequestTimeline } from "~/components/request-timeline";
import { RequestCommentForm } from "~/components/request-comment-form";
import { RequestConflict } from "~/components/request-conflict";
import { RequestAssignForm, RequestPromiseForm, RequestStatusForm, RequestTransferForm } from "~/components/request-work-forms";
import type { RequestActionData } from "~/components/request-form-state";
import { RatingPanel } from "~/components/rating-summary";
import { RecoveryPanel } from "~/components/recovery-steps";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.request.ref} ${data.request.title} · Upstream` : "Request · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadRequestAccess(user, params.number, request);
  return json(await getRequestPage(access));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadRequestAccess(user, params.number, request);
  return requestAction(request, access, await request.formData());
}

export default function RequestPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as RequestActionData | undefined;
  const { request, viewer } = data;
  // After a conflict the reply carries the newest version, whether or not the page reloaded.
  const version = Math.max(request.version, actionData?.current?.version ?? 0);
  return (
    <div>
      <PageHeader
        title={request.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{request.ref}</span>
            <StatusBadge status={request.status} />
            <span>
              {request.type.name} for {request.providerTeam.name}
            </span>
          </span>
        }
      />
      {actionData?.current ? <RequestConflict current={actionData.current} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {/* At the top: the requester's chance to rate (the form posts to the rate page). */}
          <RatingPanel panel={data.rating} />
          {data.recovery ? <RecoveryPanel view={data.recovery} /> : null}
          <section aria-labelledby="description-heading" className="rounded-lg bg-white p-4 shadow">
            <h2 id="description-heading" className="mb-2 text-lg font-semibold">
              What was asked
            </h2>
            <p className="whitespace-pre-wrap break-words">{request.body}</p>
          </section>
          <RequestTimeline entries={data.timeline} />
          <RequestCommentForm intent="reply" formToken={data.formToken} actionData={actionData} />
          {viewer.seesNotes ? <RequestCommentForm intent="note" formToken={data.formToken} actionData={actionData} /> : null}
        </div>
        <aside className="space-y-4" aria-label="About this request">
          <RequestSummary request={request} />
          <RequestSlaClocks firstResponse={data.clocks.firstResponse} resolution={data.clocks.resolution} />
          <section aria-labelledby="history-heading" className="rounded-lg bg-white p-4 shadow">
            <h2 id="history-heading" className="mb-2 font-semibold">
              Transfers and reopens
            </h2>
            <RequestTransferPath transfers={data.transfers} reopenCount={request.reopenCount} />
          </section>
          <RequestStatusForm transitions={data.transitions} version={version} actionData={actionData} />
          {viewer.provider ? (
            <>
              <RequestAssignForm
                assignees={data.assignees}
                assigneeId={request.assignee?.id ?? null}
                viewerId={viewer.id}
                version={version}
                actionData={actionData}
              />
              {isOpen(request.status) ? (
                <>
                  <RequestPromiseForm promisedAt={request.promisedAt} today={data.today} version={version} actionData={actionData} />
                  <RequestTransferForm teams={data.transferTeams} version={version} actionData={actionData} />
                </>
              ) : null}
            </>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
