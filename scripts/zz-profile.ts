import pg from "pg";
import { loadDashboardScope, loadFilterChoices, readDashboardQuery } from "../app/models/dashboard-scope.server";
import { escalationFilter } from "../app/models/escalation-dashboard.server";
import {
  heardQuery,
  heardTotalsQuery,
  themeCountsQuery,
  acknowledgeTimesQuery,
  openEscalationsQuery,
} from "../app/models/escalation-sql.server";
import { serviceOverviewQuery } from "../app/models/service-overview.server";
import { drillCountQuery, drillRowsQuery, readComplaintDrill } from "../app/models/escalation-drilldown.server";
import { periodBounds } from "../app/utils/report-period";
import { queryRows } from "../app/utils/db.server";
const admin = (await queryRows<{ id: string }>({ text: "select id from users where role='ADMIN' limit 1", values: [] }))[0]!;
const scope = (await loadDashboardScope({ id: admin.id, role: "ADMIN" }))!;
const choices = await loadFilterChoices(scope);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
for (const period of [process.argv[2] ?? "90"]) {
  const url = new URL(`http://x/dashboards/escalations?period=${period}`);
  const query = readDashboardQuery(url, scope, choices);
  const f = escalationFilter(query);
  const tz = query.timeZone;
  const { drill } = readComplaintDrill({ scope, query, url: new URL(`http://x/?measure=heard&period=${period}`) });
  const qs: Record<string, any> = {
    heard: heardQuery(f, query.period, "category"),
    prevTotals: heardTotalsQuery(f, query.previous),
    themes: themeCountsQuery(f, query.period, query.previous),
    ack: acknowledgeTimesQuery(f, periodBounds(query.period, tz), periodBounds(query.previous, tz)),
    open: openEscalationsQuery(f, query.now),
    service: serviceOverviewQuery({ teamIds: query.teamIds, typeId: null, period: query.period, previous: query.previous }),
    drillCount: drillCountQuery(drill),
    drillRows: drillRowsQuery(drill, null, 51),
  };
  for (const [name, q] of Object.entries(qs)) {
    const t = performance.now();
    for (let i = 0; i < 3; i++) await client.query(q.text, q.values);
    const ms = (performance.now() - t) / 3;
    console.log(`${period}d ${name}: ${ms.toFixed(1)} ms`);
    if (process.env.EXPLAIN === name) {
      const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
      console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
    }
  }
}
await client.end();
process.exit(0);
