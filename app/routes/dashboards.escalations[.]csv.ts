// A table of the escalation dashboard as CSV (/dashboards/escalations.csv?table=…&<filters>):
// weekly (heard per week and stack key), themes (rising themes), open (open escalations by age
// band and level), heat (heard by team and category). Unknown table: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, type CsvColumn } from "~/utils/csv.server";
import { notFound } from "~/policies/authorize.server";
import { loadDashboardContext } from "~/models/dashboard-page.server";
import { loadEscalationDashboard } from "~/models/escalation-dashboard.server";
import { arrayRows, rounded } from "~/models/dashboard-csv.server";
import { isStack, levelLabel, STACK_LABELS } from "~/utils/escalation-measures";

type Row = Record<string, string | number | null>;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, choices, query, url } = await loadDashboardContext(request);
  const table = url.searchParams.get("table");
  const stackParam = url.searchParams.get("stack");
  const stack = isStack(stackParam) ? stackParam : "category";
  if (!["weekly", "themes", "open", "heat"].includes(table ?? "")) throw notFound();
  const data = await loadEscalationDashboard(scope, choices, query, stack);

  let columns: CsvColumn<Row>[];
  let rows: Row[];
  const column = (header: string, key = header): CsvColumn<Row> => ({ header, value: (r) => r[key] ?? null });
  if (table === "weekly") {
    columns = [column("Week of"), column("Heard"), ...data.stack.keys.map((k) => column(`${STACK_LABELS[stack]}: ${k.label}`, k.key))];
    rows = data.stack.weeks.map((w) => ({
      "Week of": w.week,
      Heard: w.total,
      ...Object.fromEntries(w.segments.map((s) => [s.key, s.heard])),
    }));
  } else if (table === "themes") {
    columns = [column("Theme"), column("Heard this period"), column("Heard in the previous period"), column("Change %")];
    rows = data.themes.map((t) => ({
      Theme: t.name,
      "Heard this period": t.current,
      "Heard in the previous period": t.previous,
      "Change %": rounded(t.changePercent, 0),
    }));
  } else if (table === "open") {
    columns = [column("Waiting"), ...data.open.levels.map((l) => column(levelLabel(l), `level-${l}`)), column("All levels")];
    rows = data.open.bands.map((b) => ({
      Waiting: b.label,
      ...Object.fromEntries(b.cells.map((c) => [`level-${c.level}`, c.count])),
      "All levels": b.total,
    }));
  } else {
    columns = [column("Team"), ...data.heat.columns.map((c) => column(c.name, c.id)), column("All")];
    rows = data.heat.rows.map((r) => ({
      Team: r.team.name,
      ...Object.fromEntries(r.values.map((v) => [v.categoryId, v.heard])),
      All: r.total,
    }));
  }
  return csvResponse({
    filename: `escalations-${table}-${query.period.from}-${query.period.to}.csv`,
    columns,
    rows: arrayRows(rows),
    signal: request.signal,
  });
}
