// Escalation trends (/dashboards/escalations): what front-line staff heard, week by week, split
// by category, channel or severity; rising themes; front-line resolution; how fast managers
// acknowledge; what is waiting now and how far up it has gone; and where it comes from (team ×
// category). For managers (their teams and below) and admins; anyone else 404. Every number
// drills down to the complaints behind it with the same filters.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { dashboardFrame, loadDashboardContext } from "~/models/dashboard-page.server";
import { loadEscalationDashboard } from "~/models/escalation-dashboard.server";
import { isStack, STACKS, STACK_LABELS } from "~/utils/escalation-measures";
import { dashboardQuery } from "~/validation/dashboard-filters";
import { PageHeader } from "~/components/ui/page-header";
import { ListNotices } from "~/components/list-notices";
import { DashboardTabs } from "~/components/dashboard-tabs";
import { DashboardFilterForm, filterValuesFrom } from "~/components/dashboard-filter-form";
import { StackedBarChart } from "~/components/ui/stacked-bar-chart";
import { EscalationSummary, HeatTable, OpenEscalationsTable, RisingThemesTable, Section } from "~/components/escalation-dashboard";
import { FiguresAsOf } from "~/components/figures-as-of";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Escalation trends · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await loadDashboardContext(request);
  const { scope, choices, query, url } = context;
  const stackParam = url.searchParams.get("stack");
  const stack = isStack(stackParam) ? stackParam : "category";
  const data = await loadEscalationDashboard(scope, choices, query, stack);
  const csv = (table: string) => `/dashboards/escalations.csv?${dashboardQuery(query, { table, stack })}`;
  return json({
    data,
    stack,
    ...(await dashboardFrame(context)),
    values: filterValuesFrom(url, { period: "90", stack: "category" }),
    csv: { weekly: csv("weekly"), themes: csv("themes"), open: csv("open"), heat: csv("heat") },
  });
}

export default function EscalationTrends() {
  const { data, stack, asOf, today, values, errors, notices, filtersText, choices, tabsQuery, csv } = useLoaderData<typeof loader>();
  const scopeText = filtersText.length ? ` · ${filtersText.join(" · ")}` : "";
  return (
    <div>
      <PageHeader title="Escalation trends" description={`${data.periodLabel}, compared with ${data.previousLabel}${scopeText}.`} />
      <DashboardTabs query={tabsQuery} />
      <DashboardFilterForm
        idPrefix="escalations"
        values={values}
        errors={errors}
        choices={choices}
        fields={["category", "channel", "severity", "theme", "stack"]}
        stacks={STACKS.map((s) => ({ value: s, label: STACK_LABELS[s] }))}
        today={today}
        clearHref="/dashboards/escalations"
      />
      <div className="mt-4">
        <ListNotices notices={notices} />
        <FiguresAsOf at={asOf} />
      </div>
      {data.empty ? (
        <p role="status" className="mt-4 rounded-lg bg-white p-4 font-medium shadow">
          No data for this period: nothing was heard in {data.periodLabel} with these filters.
        </p>
      ) : null}
      <div className="mt-4">
        <EscalationSummary summary={data.summary} />
      </div>
      <Section id="heard-weekly" title={`Heard per week, by ${STACK_LABELS[stack].toLowerCase()}`} csvHref={csv.weekly}>
        {data.empty ? null : (
          <div className="rounded-lg bg-white p-4 shadow">
            <StackedBarChart
              valueLabel="Heard"
              periodLabel="Week of"
              bars={data.stack.weeks.map((w) => ({
                key: w.week,
                label: w.label,
                total: w.total,
                href: w.href,
                segments: w.segments.map((s) => ({ key: s.key, label: s.label, value: s.heard, href: s.href ?? undefined })),
              }))}
            />
          </div>
        )}
      </Section>
      <Section
        id="rising-themes"
        title="Rising themes"
        csvHref={csv.themes}
        note={`Themes heard at least 5 times in this period, more often than in ${data.previousLabel}.`}
      >
        <RisingThemesTable themes={data.themes} />
      </Section>
      <Section
        id="open-escalations"
        title="Open escalations"
        csvHref={csv.open}
        note="Complaints forwarded to managers and not yet acknowledged, now (whatever the period), by how long they have waited."
      >
        <OpenEscalationsTable open={data.open} />
      </Section>
      <Section id="heat" title="Heard by team and category" csvHref={csv.heat}>
        <HeatTable heat={data.heat} />
      </Section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
