// The complaints behind a number on the escalation dashboard
// (/dashboards/escalations/complaints?measure=heard|logged|acknowledged|open&<filters>): the same
// conditions as the figure, so the count in the heading is the number that was clicked. Pages of
// 50, newest first; the whole list as CSV (customer contact details only on request, audited).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { dashboardNotices, describeFilters, loadDashboardContext } from "~/models/dashboard-page.server";
import { decodeDrillKey, drillHeading, encodeDrillKey, loadDrillPage, readComplaintDrill } from "~/models/escalation-drilldown.server";
import { dashboardQuery } from "~/validation/dashboard-filters";
import { formatPeriod } from "~/utils/report-period";
import {
  CHANNEL_LABELS,
  complaintPath,
  formatComplaintNumber,
  type ComplaintChannel,
  type ComplaintStatus,
  type Severity,
} from "~/utils/complaint-rules";
import { AGE_BANDS, levelLabel } from "~/utils/escalation-measures";
import { formatMinutes } from "~/utils/service-measures";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { ListNotices } from "~/components/list-notices";
import { ComplaintDrillTable } from "~/components/complaint-drill-table";
import { Button } from "~/components/ui/form-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.heading ?? "Complaints"} · Escalation trends · Upstream` },
];

const PAGE_SIZE = 50;
const TIME_LABELS = { heard: "Heard", logged: "Heard", acknowledged: "Acknowledged", open: "Forwarded" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, choices, query, url } = await loadDashboardContext(request);
  const { drill, routed, notices } = readComplaintDrill({ scope, query, url });
  const { key, invalid } = decodeDrillKey(url.searchParams.get("after"));
  const page = await loadDrillPage(drill, key, PAGE_SIZE);

  const base = new URLSearchParams(url.searchParams);
  base.delete("after");
  const next = page.more ? new URLSearchParams(base) : null;
  next?.set("after", encodeDrillKey(page.rows[page.rows.length - 1]!));
  const band = AGE_BANDS.find((b) => b.key === drill.band);
  const scopeWords = [
    ...(drill.measure === "open" ? ["Waiting now"] : [formatPeriod(query.period)]),
    ...(routed ? [`routed to ${routed.name}`] : []),
    ...describeFilters(query, choices, (id) => scope.byId.get(id)?.name),
    ...(band ? [`waited ${band.label.toLowerCase()}`] : []),
    ...(drill.level !== undefined ? [levelLabel(drill.level).toLowerCase()] : []),
  ];
  const heading = drillHeading(drill.measure, page.count, drill.frontLineOnly);
  return json({
    heading,
    description: scopeWords.join(" · "),
    measure: drill.measure,
    notices: [...dashboardNotices(query), ...notices, ...(invalid ? ["That page link is no longer valid; showing the first page."] : [])],
    rows: page.rows.map((r) => ({
      key: `${r.kind}-${r.row_id}`,
      kind: r.kind,
      at: r.at.toISOString(),
      reference: formatComplaintNumber(r.number),
      href: complaintPath(r.number),
      summary: r.summary,
      channel: CHANNEL_LABELS[r.channel as ComplaintChannel],
      category: r.category_name,
      severity: r.severity as Severity,
      team: r.team_name,
      status: r.status as ComplaintStatus,
      waited: r.escalated_at ? formatMinutes(((r.acknowledged_at ?? query.now).getTime() - r.escalated_at.getTime()) / 60_000) : null,
      level: r.escalation_level,
    })),
    nextHref: next ? `?${next}` : null,
    firstHref: key ? `?${base}` : null,
    backHref: `/dashboards/escalations?${dashboardQuery(query)}`,
    csvQuery: [...base].map(([name, value]) => ({ name, value })),
  });
}

export default function DashboardComplaints() {
  const { heading, description, measure, notices, rows, nextHref, firstHref, backHref, csvQuery } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={heading}
        description={description}
        actions={
          <Link to={backHref} className={textLinkClass}>
            Back to escalation trends
          </Link>
        }
      />
      <ListNotices notices={notices} />
      <Form
        method="get"
        action="/dashboards/escalations/complaints.csv"
        reloadDocument
        className="mb-4 flex flex-wrap items-center gap-4 rounded-lg bg-white p-4 shadow"
      >
        {csvQuery.map((p) => (
          <input key={p.name} type="hidden" name={p.name} value={p.value} />
        ))}
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="contact" value="1" className="h-4 w-4" />
          Include customer contact details (each download is recorded in the audit log)
        </label>
        <Button type="submit" variant="secondary">
          Download CSV
        </Button>
      </Form>
      {rows.length ? (
        <ComplaintDrillTable
          caption={heading}
          rows={rows}
          timeLabel={TIME_LABELS[measure]}
          showWait={measure === "open" || measure === "acknowledged"}
        />
      ) : (
        <p className="rounded-lg bg-white p-4 text-slate-700 shadow">Nothing here: no complaint matches these filters.</p>
      )}
      <div className="mt-4 flex gap-4">
        {firstHref ? (
          <Link to={firstHref} className={textLinkClass}>
            First page
          </Link>
        ) : null}
        {nextHref ? (
          <Link to={nextHref} className={textLinkClass}>
            Next page
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
