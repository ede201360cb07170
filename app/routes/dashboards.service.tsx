// Service overview (/dashboards/service): every provider team in view with the scorecard's
// measures over the period, the change against the previous equal period, and the total — for
// managers (their teams and below) and admins; anyone else 404. Sortable by any column; each
// value drills down to the requests behind it, each team to its scorecard.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { dashboardFrame, loadDashboardContext } from "~/models/dashboard-page.server";
import { loadServiceOverview } from "~/models/service-overview.server";
import { OVERVIEW_MEASURES, readOverviewSort } from "~/utils/service-overview";
import { MEASURE_BY_KEY } from "~/utils/service-measures";
import { dashboardQuery } from "~/validation/dashboard-filters";
import { PageHeader } from "~/components/ui/page-header";
import { ListNotices } from "~/components/list-notices";
import { DashboardTabs } from "~/components/dashboard-tabs";
import { DashboardFilterForm, filterValuesFrom } from "~/components/dashboard-filter-form";
import { ServiceOverviewTable } from "~/components/service-overview-table";
import { Section } from "~/components/escalation-dashboard";
import { FiguresAsOf } from "~/components/figures-as-of";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Service overview · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await loadDashboardContext(request, { requestTypes: true });
  const { scope, choices, query, url } = context;
  const sort = readOverviewSort(url.searchParams);
  const data = await loadServiceOverview(scope, choices, query, sort);
  const shared = dashboardQuery(query);
  const sortHref = (key: string) => {
    const next = new URLSearchParams(shared);
    // A first click sorts measures highest first and names A–Z; a second click reverses.
    const first = key === "name" ? "asc" : "desc";
    const dir = sort.by === key ? (sort.direction === "asc" ? "desc" : "asc") : first;
    next.set("sort", key);
    next.set("dir", dir);
    return `?${next}`;
  };
  const column = (key: string, label: string) => {
    const href = sortHref(key);
    return {
      key,
      label,
      sortHref: href,
      sortsTo: new URLSearchParams(href).get("dir") === "asc" ? ("ascending" as const) : ("descending" as const),
      sorted: sort.by === key ? (sort.direction === "asc" ? ("ascending" as const) : ("descending" as const)) : null,
    };
  };
  const sortQuery = { sort: sort.by, dir: sort.direction };
  return json({
    data,
    ...(await dashboardFrame(context)),
    values: filterValuesFrom(url, { period: "90" }),
    columns: OVERVIEW_MEASURES.map((key) => column(key, MEASURE_BY_KEY[key].label)),
    nameSort: column("name", "Team"),
    totalLabel: query.filters.team ? `All teams shown` : "Organisation total",
    csvHref: `/dashboards/service.csv?${dashboardQuery(query, sortQuery)}`,
  });
}

export default function ServiceOverview() {
  const { data, asOf, today, values, errors, notices, filtersText, choices, columns, nameSort, totalLabel, tabsQuery, csvHref } =
    useLoaderData<typeof loader>();
  const scopeText = filtersText.length ? ` · ${filtersText.join(" · ")}` : "";
  return (
    <div>
      <PageHeader title="Service overview" description={`${data.periodLabel}, compared with ${data.previousLabel}${scopeText}.`} />
      <DashboardTabs query={tabsQuery} />
      <DashboardFilterForm
        idPrefix="service"
        values={values}
        errors={errors}
        choices={choices}
        fields={["type"]}
        today={today}
        clearHref="/dashboards/service"
      />
      <div className="mt-4">
        <ListNotices notices={notices} />
        <FiguresAsOf at={asOf} />
      </div>
      <Section
        id="overview"
        title="Provider teams"
        csvHref={csvHref}
        note="Each figure links to the requests behind it; each team to its scorecard."
      >
        {data.empty ? (
          <p role="status" className="mb-4 rounded-lg bg-white p-4 font-medium shadow">
            No data for this period: no requests were received, resolved or rated in {data.periodLabel} with these filters.
          </p>
        ) : null}
        {data.rows.length ? (
          <ServiceOverviewTable columns={columns} nameSort={nameSort} rows={data.rows} total={data.total} totalLabel={totalLabel} />
        ) : (
          <p className="rounded-lg bg-white p-4 text-slate-700 shadow">No team in view provides a service.</p>
        )}
      </Section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
