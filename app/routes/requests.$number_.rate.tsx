// The rate page (/requests/REQ-12/rate): the link in the "how did we do?" notification and
// email, and where every rating form posts (the request page shows the same form at its top).
// Anyone who may not see the request gets 404; someone who may see it but is not its requester
// sees the rating, if any, and why they cannot rate.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { loadRequestAccess } from "~/models/request-detail.server";
import { getRatingPanel, ratingAction, type RatingActionReply } from "~/models/rating.server";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RatingPanel } from "~/components/rating-summary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Rate ${data.ref} ${data.title} · Upstream` : "Rate a request · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadRequestAccess(user, params.number, request);
  return json({
    ref: formatRequestNumber(access.request.number),
    title: access.request.title,
    requestLink: requestPath(access.request.number),
    panel: await getRatingPanel(access),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadRequestAccess(user, params.number, request);
  return ratingAction(request, access, await request.formData());
}

export default function RatePage() {
  const { ref, title, requestLink, panel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as RatingActionReply | undefined;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={`Rate ${ref}`}
        description={
          <>
            <Link to={requestLink} className={textLinkClass}>
              {ref} {title}
            </Link>{" "}
            for {panel.providerTeam}
          </>
        }
      />
      <RatingPanel panel={panel} lastResult={actionData?.result} showReason expanded />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
