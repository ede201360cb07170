// /feedback/inbox — the feedback a manager or admin reads: to the teams they manage (and those
// below), to management for the managers of top-level teams, everything for admins. Newest day
// first, filtered by addressee, kind and status. Anyone who reads no feedback gets 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { notFound } from "~/policies/authorize.server";
import { isFeedbackReader } from "~/policies/feedback.server";
import { loadFeedbackReader } from "~/models/feedback.server";
import { listInbox, readInboxFilters, readableAddressees } from "~/models/feedback-inbox.server";
import { FeedbackInboxFilters, FeedbackInboxTable } from "~/components/feedback-inbox";
import { ListNotices } from "~/components/list-notices";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Feedback inbox · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reader = await loadFeedbackReader(user, request);
  if (!isFeedbackReader(reader)) throw notFound();
  const addressees = await readableAddressees(reader);
  const params = new URL(request.url).searchParams;
  const { filters, notices } = readInboxFilters(params, addressees);
  const { entries, hasMore } = await listInbox(reader, filters);
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next}`;
  };
  return json(
    {
      addressees,
      values: { to: params.get("to") ?? "", kind: params.get("kind") ?? "", status: params.get("status") ?? "" },
      notices,
      entries,
      newer: filters.page > 1 ? pageLink(filters.page - 1) : null,
      older: hasMore ? pageLink(filters.page + 1) : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function FeedbackInbox() {
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Feedback inbox"
        description="Suggestions and concerns for the teams you manage. Anonymous feedback appears the day after it was sent, with its day only."
        actions={
          <Link to="/feedback/report" className={textLinkClass}>
            Report
          </Link>
        }
      />
      <ListNotices notices={data.notices} />
      <FeedbackInboxFilters addressees={data.addressees} values={data.values} />
      <FeedbackInboxTable entries={data.entries} />
      <p className="mt-4 flex gap-6">
        {data.newer ? (
          <Link to={data.newer} className={textLinkClass}>
            Newer
          </Link>
        ) : null}
        {data.older ? (
          <Link to={data.older} className={textLinkClass}>
            Older
          </Link>
        ) : null}
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
