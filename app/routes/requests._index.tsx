// "My requests": what I raised, and what was raised for my teams — newest first, by status, in
// keyset pages. Tabs and filters are links and a GET form, so the page works without JavaScript.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { loadMyRequests } from "~/models/request-queue.server";
import { REQUEST_STATUSES, STATUS_LABELS } from "~/utils/request-lifecycle";
import {
  describeStatuses,
  isAllSelection,
  isOpenSelection,
  myRequestsSearchParams,
  parseMyRequestsQuery,
  type MyRequestsFilters,
  type MyRequestsTab,
  type PageCursor,
} from "~/validation/queue-filters";
import { PageHeader, linkButtonClass } from "~/components/ui/page-header";
import { Button } from "~/components/ui/form-controls";
import { ListPagination, RequestListTable, type RequestListColumn } from "~/components/request-list-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ListNotices } from "~/components/list-notices";

export const meta: MetaFunction = () => [{ title: "My requests · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseMyRequestsQuery(new URL(request.url).searchParams);
  const { filters, page } = parsed;
  const list = await loadMyRequests({ actorId: user.id, scopeKey: request, filters, page, now: new Date() });
  const href = (f: MyRequestsFilters, p: PageCursor | null) => {
    const query = myRequestsSearchParams(f, p).toString();
    return query ? `/requests?${query}` : "/requests";
  };
  return json({
    filters,
    notices: parsed.notices,
    hasTeams: list.hasTeams,
    rows: list.rows,
    tabs: {
      raised: href({ ...filters, tab: "raised" }, null),
      team: href({ ...filters, tab: "team" }, null),
    },
    pages: {
      next: list.next && href(filters, list.next),
      prev: list.prev && href(filters, list.prev),
      first: page ? href(filters, null) : null,
    },
  });
}

const TAB_LABELS: Record<MyRequestsTab, string> = { raised: "Raised by me", team: "My teams' requests" };

const COLUMNS: Record<MyRequestsTab, RequestListColumn[]> = {
  raised: ["providerTeam", "status", "priority", "assignee", "sla", "age"],
  team: ["requester", "requestingTeam", "providerTeam", "status", "priority", "assignee", "age"],
};

function statusChoice(filters: MyRequestsFilters) {
  if (isOpenSelection(filters.statuses)) return "open";
  if (isAllSelection(filters.statuses)) return "all";
  return filters.statuses.length === 1 ? filters.statuses[0] : "open";
}

export default function MyRequests() {
  const { filters, notices, hasTeams, rows, tabs, pages } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="My requests"
        description="Requests you raised, and requests raised for your teams."
        actions={
          <Link to="/requests/new" className={linkButtonClass}>
            New request
          </Link>
        }
      />
      <nav aria-label="Which requests" className="mb-4 border-b border-slate-300">
        <ul className="flex gap-2">
          {(["raised", "team"] as const).map((tab) => (
            <li key={tab}>
              <Link
                to={tabs[tab]}
                aria-current={filters.tab === tab ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  filters.tab === tab ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900"
                }`}
              >
                {TAB_LABELS[tab]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ListNotices notices={notices} />
      <Form
        key={`${filters.tab}-${filters.statuses.join(",")}`}
        method="get"
        aria-label="Filter my requests"
        className="mb-4 flex flex-wrap items-end gap-3"
      >
        {filters.tab === "team" ? <input type="hidden" name="tab" value="team" /> : null}
        <div>
          <label htmlFor="my-status" className="block text-sm font-medium">
            Status
          </label>
          <select
            id="my-status"
            name="status"
            defaultValue={statusChoice(filters)}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="open">Open</option>
            <option value="all">All statuses</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>
      {hasTeams ? (
        <RequestListTable
          caption={`${TAB_LABELS[filters.tab]}: ${describeStatuses(filters.statuses)}`}
          rows={rows}
          columns={COLUMNS[filters.tab]}
          empty={
            filters.tab === "raised"
              ? "You haven't raised any requests with this status. Raise one with “New request”."
              : "Nobody has raised a request with this status for your teams."
          }
        />
      ) : (
        <p className="rounded-lg bg-white p-6 text-slate-700 shadow">You aren't on a team yet, so there are no team requests to show.</p>
      )}
      <ListPagination prevHref={pages.prev} nextHref={pages.next} firstHref={pages.first} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
