// The dashboards' CSV downloads parse back to the rows the pages show: the drill-down list (all
// of it, past one page), the dashboard tables and the service overview; customer contact details
// only when asked for, and then audited; text a spreadsheet would run as a formula is defused.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { refreshDashboardFigures } from "~/jobs/refresh-dashboard-figures.server";
import * as drillRoute from "~/routes/dashboards.escalations_.complaints";
import * as drillCsvRoute from "~/routes/dashboards.escalations_.complaints[.]csv";
import * as tablesCsvRoute from "~/routes/dashboards.escalations[.]csv";
import * as escalationsRoute from "~/routes/dashboards.escalations";
import * as serviceRoute from "~/routes/dashboards.service";
import * as serviceCsvRoute from "~/routes/dashboards.service[.]csv";
import type { User } from "~/generated/prisma/client";
import { callLoader, getRequest } from "../support/http";
import { addMember, createTeam, createUser } from "../support/factories";
import { addSighting, createCategory, createComplaint } from "../support/complaint-factories";
import { cookieFor, headingCount, openAs, useTimeZone } from "../support/dashboard-fixtures";

useTimeZone("UTC");

const PERIOD = "period=custom&from=2026-10-01&to=2026-10-31";
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 9, day, hour));

let manager: User;
let outsider: User;

beforeAll(async () => {
  const team = await createTeam({ name: "Care desk" });
  manager = await createUser();
  outsider = await createUser();
  await addMember(manager.id, team.id, "MANAGER");
  const category = await createCategory({ ownerTeamId: team.id, name: "Billing" });
  // 60 complaints (more than a page of 50) and 15 sightings in October, with awkward text.
  for (let i = 0; i < 60; i++) {
    const complaint = await createComplaint({
      categoryId: category.id,
      summary: i === 0 ? '=HYPERLINK("http://evil.test","click"), "quoted", and a\nnew line' : `Refund late, case ${i}`,
      occurredAt: at(1 + (i % 28), 9 + (i % 8)),
      createdAt: at(1 + (i % 28), 9 + (i % 8)),
      resolvedAtFrontLine: i % 3 === 0,
      ...(i < 5 ? { customerName: `Customer ${i}`, customerEmail: `c${i}@customer.test` } : {}),
    });
    if (i % 4 === 0) await addSighting(complaint.id, { occurredAt: at(2 + (i % 27)), createdAt: at(2 + (i % 27)), channel: "EMAIL" });
  }
  await refreshDashboardFigures(new Date());
});

async function download(route: typeof drillCsvRoute, url: string, user: { id: string } = manager) {
  const response = await callLoader(route, getRequest(url, { cookie: await cookieFor(user) }));
  // Decoded keeping the BOM (Response.text() would drop it), as a spreadsheet receives it.
  const text = response.status === 200 ? new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()) : "";
  return { response, text, rows: text ? (parse(text, { bom: true, columns: true }) as Array<Record<string, string>>) : [] };
}

interface DrillPage {
  heading: string;
  rows: Array<{ reference: string; kind: string; at: string }>;
  nextHref: string | null;
}

/** Every row of a drill-down, following its "Next page" links. */
async function allPages(url: string) {
  const rows: Array<{ reference: string; kind: string; at: string }> = [];
  let next: string | null = url;
  let heading = "";
  while (next) {
    const page: { data: DrillPage } = await openAs<DrillPage>(drillRoute, next, manager);
    heading = page.data.heading;
    rows.push(...page.data.rows);
    next = page.data.nextHref ? `/dashboards/escalations/complaints${page.data.nextHref}` : null;
  }
  return { heading, rows };
}

describe("the complaints behind a number, as CSV", () => {
  test("every row of the list, in the same order, with a BOM, one header row and ISO dates", async () => {
    const list = await allPages(`/dashboards/escalations/complaints?measure=heard&${PERIOD}`);
    expect(headingCount(list.heading)).toBe(75);
    const { response, text, rows } = await download(drillCsvRoute, `/dashboards/escalations/complaints.csv?measure=heard&${PERIOD}`);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="complaints-heard-2026-10-01-2026-10-31\.csv"$/);
    expect(text.startsWith("\uFEFFWhen,Heard as,Complaint,Summary")).toBe(true);
    expect(text.indexOf("\uFEFF", 1)).toBe(-1);
    expect(rows).toHaveLength(75);
    expect(rows.map((r) => [r["Complaint"], r["Heard as"] === "Logged" ? "complaint" : "sighting", r["When"]])).toEqual(
      list.rows.map((r) => [r.reference, r.kind, r.at]),
    );
    expect(rows[0]!["When"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  test("a complaint summary that looks like a formula is defused; quotes and new lines survive", async () => {
    const { rows } = await download(drillCsvRoute, `/dashboards/escalations/complaints.csv?measure=logged&${PERIOD}`);
    const risky = rows.filter((r) => r["Summary"]!.includes("HYPERLINK"));
    expect(risky).toHaveLength(1);
    expect(risky[0]!["Summary"]).toBe(`'=HYPERLINK("http://evil.test","click"), "quoted", and a\nnew line`);
  });

  test("no customer contact details unless asked for; asking is written to the audit log", async () => {
    const plain = await download(drillCsvRoute, `/dashboards/escalations/complaints.csv?measure=logged&${PERIOD}`);
    expect(Object.keys(plain.rows[0]!)).not.toContain("Customer email");
    expect(plain.text).not.toMatch(/customer\.test|Customer 0/);
    expect(await prisma.auditLog.count({ where: { action: "complaint.contacts_exported", actorId: manager.id } })).toBe(0);

    const withContact = await download(drillCsvRoute, `/dashboards/escalations/complaints.csv?measure=logged&${PERIOD}&contact=1`);
    expect(
      withContact.rows
        .filter((r) => r["Customer email"])
        .map((r) => r["Customer email"])
        .sort(),
    ).toEqual(["c0@customer.test", "c1@customer.test", "c2@customer.test", "c3@customer.test", "c4@customer.test"]);
    const entries = await prisma.auditLog.findMany({ where: { action: "complaint.contacts_exported", actorId: manager.id } });
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0]!.details)).not.toMatch(/customer\.test/);
  });

  test("someone who may not read the dashboards gets 404, not a file", async () => {
    const { response } = await download(
      drillCsvRoute,
      `/dashboards/escalations/complaints.csv?measure=heard&${PERIOD}&contact=1`,
      outsider,
    );
    expect(response.status).toBe(404);
    expect(await prisma.auditLog.count({ where: { action: "complaint.contacts_exported", actorId: outsider.id } })).toBe(0);
  });
});

describe("the dashboards' tables, as CSV", () => {
  test("heard per week and the team-by-category table have the page's numbers", async () => {
    const { data: page } = await openAs<{
      data: {
        stack: { weeks: Array<{ week: string; total: number }> };
        heat: { rows: Array<{ team: { name: string }; total: number }> };
      };
    }>(escalationsRoute, `/dashboards/escalations?${PERIOD}`, manager);
    const weekly = await download(tablesCsvRoute, `/dashboards/escalations.csv?table=weekly&${PERIOD}`);
    expect(weekly.rows.map((r) => [r["Week of"], Number(r["Heard"])])).toEqual(page.data.stack.weeks.map((w) => [w.week, w.total]));
    expect(weekly.rows.reduce((sum, r) => sum + Number(r["Heard"]), 0)).toBe(75);
    const heat = await download(tablesCsvRoute, `/dashboards/escalations.csv?table=heat&${PERIOD}`);
    expect(heat.rows.map((r) => [r["Team"], Number(r["All"])])).toEqual(page.data.heat.rows.map((r) => [r.team.name, r.total]));
  });

  test("an unknown table is a 404", async () => {
    const { response } = await download(tablesCsvRoute, `/dashboards/escalations.csv?table=secrets&${PERIOD}`);
    expect(response.status).toBe(404);
  });

  test("the service overview: a row per team in the page's order, then the total", async () => {
    const { data: page } = await openAs<{ data: { rows: Array<{ name: string; cells: Array<{ key: string; value: number | null }> }> } }>(
      serviceRoute,
      `/dashboards/service?${PERIOD}`,
      manager,
    );
    const { rows } = await download(serviceCsvRoute, `/dashboards/service.csv?${PERIOD}`);
    expect(rows.map((r) => r["Team"])).toEqual([...page.data.rows.map((r) => r.name), "Organisation total"]);
  });
});
