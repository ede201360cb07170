// A team's queue: the requests sent to it, with filters, sort, keyset pages, counts per status and
// the person's saved views. Everything is in the query string (GET), so it works without
// JavaScript and any view can be bookmarked. Only people who work the team's requests see it.
// (The trailing underscore keeps this page out of the team page's layout; the URL is
// /teams/<slug>/queue.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { notFound } from "~/policies/authorize.server";
import { findQueueTeam, loadQueueContext, loadTeamQueue, reconcileFilters } from "~/models/request-queue.server";
import { savedViewAction } from "~/models/saved-view.server";
import { describeStatuses, parseQueueQuery, queueSearchParams, type PageCursor } from "~/validation/queue-filters";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { ListPagination, RequestListTable } from "~/components/request-list-table";
import { QueueFilterForm } from "~/components/queue-filter-form";
import { QueueStatusCounts } from "~/components/queue-status-counts";
import { QueueSavedViews } from "~/components/queue-saved-views";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ListNotices } from "~/components/list-notices";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Queue · ${data?.team.name ?? "Team"} · Upstream` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const context = await loadQueueContext(user, params.slug ?? "", request);
  if (!context) throw notFound();
  const { team, types, people, views } = context;
  const parsed = parseQueueQuery(new URL(request.url).searchParams);
  const notices = [...parsed.notices];
  const filters = reconcileFilters(parsed.filters, context, notices);
  const queue = await loadTeamQueue({ actorId: user.id, teamId: team.id, filters, page: parsed.page, now: new Date() });

  const basePath = `/teams/${team.slug}/queue`;
  const href = (page: PageCursor | null) => {
    const query = queueSearchParams(filters, page).toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return json({
    team,
    filters,
    options: { types, people },
    views,
    notices,
    rows: queue.rows,
    counts: queue.counts,
    basePath,
    currentQuery: queueSearchParams(filters).toString(),
    pages: { next: queue.next && href(queue.next), prev: queue.prev && href(queue.prev), first: parsed.page ? href(null) : null },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await findQueueTeam(user, params.slug ?? "", request);
  if (!team) throw notFound();
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent !== "save-view" && intent !== "delete-view") throw new Response("That action isn't available here.", { status: 400 });
  return savedViewAction(request, formData, user, team);
}

export default function TeamQueue() {
  const { team, filters, options, views, notices, rows, counts, basePath, currentQuery, pages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <PageHeader
        title={`${team.name} queue`}
        description="Requests sent to this team."
        actions={
          <Link to={`/teams/${team.slug}`} className={textLinkClass}>
            About the team
          </Link>
        }
      />
      <ListNotices notices={notices} />
      {/* Filters and saved views side by side; the table gets the full width below them. */}
      <div className="grid gap-6 lg:grid-cols-4">
        <div className="lg:col-span-3">
          <QueueFilterForm filters={filters} types={options.types} people={options.people} clearHref={basePath} formKey={currentQuery} />
        </div>
        <aside>
          <QueueSavedViews views={views} basePath={basePath} currentQuery={currentQuery} lastResult={actionData?.result} />
        </aside>
      </div>
      <div className="mt-6 space-y-4">
        <QueueStatusCounts counts={counts} filters={filters} basePath={basePath} />
        <RequestListTable
          caption={`${team.name} queue: ${describeStatuses(filters.statuses)} requests`}
          rows={rows}
          columns={["requester", "type", "priority", "status", "assignee", "sla", "age"]}
          empty="No requests match these filters. Try fewer filters or another status."
        />
        <ListPagination prevHref={pages.prev} nextHref={pages.next} firstHref={pages.first} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
