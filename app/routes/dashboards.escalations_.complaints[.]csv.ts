// The complaints behind an escalation-dashboard number as CSV
// (/dashboards/escalations/complaints.csv?…&contact=1): every row of the drill-down, streamed.
// Customer contact details only when asked for — the dashboards' readers (managers of the
// routed teams, admins) may see them — and each such download is written to the audit log.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/utils/csv.server";
import { audit } from "~/models/audit.server";
import { loadDashboardContext } from "~/models/dashboard-page.server";
import { readComplaintDrill } from "~/models/escalation-drilldown.server";
import { complaintDrillColumns, complaintDrillRows } from "~/models/dashboard-csv.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope, query, url } = await loadDashboardContext(request);
  const { drill } = readComplaintDrill({ scope, query, url });
  const withContact = url.searchParams.get("contact") === "1";
  if (withContact) {
    await audit({
      action: "complaint.contacts_exported",
      actorId: user.id,
      targetType: "complaint",
      ip: typeof context.clientIp === "string" ? context.clientIp : undefined,
      // Which list, never what was in it.
      details: { measure: drill.measure, query: url.search.slice(0, 1000) },
    });
  }
  const period = drill.measure === "open" ? "open-now" : `${query.period.from}-${query.period.to}`;
  return csvResponse({
    filename: `complaints-${drill.measure}-${period}${withContact ? "-with-contacts" : ""}.csv`,
    columns: complaintDrillColumns(withContact),
    rows: complaintDrillRows(drill, withContact),
    signal: request.signal,
  });
}
