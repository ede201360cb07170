// /feedback/report — feedback per addressee × month × kind over whole finished months, for the
// managers and admins who read it. No group smaller than the minimum (admin setting, 5 by
// default, never below 3) is shown, and no total lets one be worked out by subtraction
// (utils/feedback-report.ts). Anyone who reads no feedback gets 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { notFound } from "~/policies/authorize.server";
import { isFeedbackReader } from "~/policies/feedback.server";
import { loadFeedbackReader } from "~/models/feedback.server";
import { readableAddressees } from "~/models/feedback-inbox.server";
import { loadFeedbackReport, readReportPeriod } from "~/models/feedback-report.server";
import { FeedbackReportForm, FeedbackReportTable } from "~/components/feedback-report-table";
import { ListNotices } from "~/components/list-notices";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Feedback report · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reader = await loadFeedbackReader(user, request);
  if (!isFeedbackReader(reader)) throw notFound();
  const url = new URL(request.url);
  const period = readReportPeriod(url);
  const addressees = await readableAddressees(reader);
  const asked = url.searchParams.get("addressee") ?? "";
  const chosen = asked ? addressees.filter((a) => a.id === asked) : addressees;
  const notices = asked && chosen.length === 0 ? ["Showing everything you read: the addressee asked for isn't one of yours."] : [];
  const report = await loadFeedbackReport({ from: period.from, to: period.to }, chosen.length ? chosen : addressees);
  return json({
    addressees,
    period: { from: period.from, to: period.to },
    errors: period.errors,
    notices,
    // The form shows what was asked for, even when refused, so nothing typed is lost.
    values: { from: url.searchParams.get("from") ?? period.from, to: url.searchParams.get("to") ?? period.to, addressee: asked },
    lastMonth: period.lastFinished,
    ...report,
  });
}

export default function FeedbackReport() {
  const data = useLoaderData<typeof loader>();
  const refused = Object.keys(data.errors).length > 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Feedback report"
        description={`Suggestions and concerns per month, ${data.period.from} to ${data.period.to}. Groups of fewer than ${data.minGroup} entries are not shown.`}
        actions={
          <Link to="/feedback/inbox" className={textLinkClass}>
            Inbox
          </Link>
        }
      />
      <ListNotices
        notices={[
          ...(refused
            ? ["Those months couldn't be used, so this shows the last six finished months. See the message beside the field."]
            : []),
          ...data.notices,
        ]}
      />
      <FeedbackReportForm addressees={data.addressees} values={data.values} errors={data.errors} lastMonth={data.lastMonth} />
      <FeedbackReportTable rows={data.rows} minGroup={data.minGroup} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
