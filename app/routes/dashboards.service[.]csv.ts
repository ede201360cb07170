// The service overview's table as CSV (/dashboards/service.csv?…): a row per team in the page's
// order, then the total; per measure its value, the counts behind it and the previous value.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/utils/csv.server";
import { loadDashboardContext } from "~/models/dashboard-page.server";
import { loadServiceOverview } from "~/models/service-overview.server";
import { arrayRows, overviewColumns } from "~/models/dashboard-csv.server";
import { OVERVIEW_MEASURES, readOverviewSort } from "~/utils/service-overview";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, choices, query, url } = await loadDashboardContext(request, { requestTypes: true });
  const data = await loadServiceOverview(scope, choices, query, readOverviewSort(url.searchParams));
  const rows = [
    ...data.rows.map((r) => ({ team: r.name, cells: r.cells })),
    { team: query.filters.team ? "All teams shown" : "Organisation total", cells: data.total },
  ];
  return csvResponse({
    filename: `service-overview-${query.period.from}-${query.period.to}.csv`,
    columns: overviewColumns(OVERVIEW_MEASURES),
    rows: arrayRows(rows),
    signal: request.signal,
  });
}
