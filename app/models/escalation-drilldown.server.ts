// The complaints behind a number on the escalation dashboard
// (/dashboards/escalations/complaints?measure=…&<the dashboard's filters>):
//   heard         every complaint and sighting heard in the period (what heard volume counts)
//   logged        complaints logged in the period; part=numerator: resolved at the front line
//   acknowledged  complaints acknowledged in the period (time to acknowledge)
//   open          complaints waiting for acknowledgement now; band= and level= narrow it
// Conditions mirror the daily figures' (complaint-days-sql.server.ts), so the count is the
// number. Newest first, keyset pages; the CSV export walks the same order to the end.
import { Prisma } from "~/generated/prisma/client";
import { queryRows } from "~/utils/db.server";
import { periodBounds } from "~/utils/report-period";
import { isAgeBand, type AgeBand } from "~/utils/escalation-measures";
import { notFound } from "~/policies/authorize.server";
import {
  acknowledgedCondition,
  complaintConditions,
  figureCountQuery,
  openEscalationCondition,
  type EscalationFilter,
} from "./escalation-sql.server";
import { escalationFilter } from "./escalation-dashboard.server";
import type { DashboardQuery, DashboardScope } from "./dashboard-scope.server";

export const COMPLAINT_DRILL_MEASURES = ["heard", "logged", "acknowledged", "open"] as const;
export type ComplaintDrillMeasure = (typeof COMPLAINT_DRILL_MEASURES)[number];

export function isComplaintDrillMeasure(text: string | null): text is ComplaintDrillMeasure {
  return (COMPLAINT_DRILL_MEASURES as readonly string[]).includes(text ?? "");
}

export interface ComplaintDrill {
  measure: ComplaintDrillMeasure;
  frontLineOnly: boolean;
  band: AgeBand | undefined;
  level: number | undefined;
  filter: EscalationFilter;
  /** The period as days, and as instants in the organisation's time zone. */
  days: { from: string; to: string };
  range: { start: Date; end: Date };
  now: Date;
}

export function readDrillOptions(params: URLSearchParams) {
  const band = params.get("band");
  const levelText = params.get("level");
  const level = levelText !== null && /^\d{1,2}$/.test(levelText) ? Number(levelText) : undefined;
  return { band: isAgeBand(band) ? band : undefined, level, frontLineOnly: params.get("part") === "numerator" };
}

export interface DrillRow {
  kind: "complaint" | "sighting";
  row_id: string;
  at: Date;
  number: number;
  summary: string;
  channel: string;
  severity: string;
  status: string;
  resolved_at_front_line: boolean;
  escalation_level: number;
  escalated_at: Date | null;
  acknowledged_at: Date | null;
  category_name: string;
  team_name: string;
  customer_name?: string | null;
  customer_email?: string | null;
  customer_phone?: string | null;
  customer_reference?: string | null;
}

export interface DrillKey {
  at: Date;
  id: string;
}

const CONTACT = Prisma.sql`, c.customer_name, c.customer_email, c.customer_phone, c.customer_reference`;

/**
 * The rows behind the number: one SELECT per source (complaints; sightings), each with columns
 * (kind, row_id, at, …). Kept apart so each can be read newest first from its own index.
 */
function drillBranches(d: ComplaintDrill, withContact: boolean): Prisma.Sql[] {
  const { start, end } = d.range;
  const contact = withContact ? CONTACT : Prisma.empty;
  const columns = (kind: string, id: Prisma.Sql, at: Prisma.Sql, channel: Prisma.Sql) =>
    Prisma.sql`${kind} AS kind, ${id} AS row_id, ${at} AS at, c.number, c.summary, ${channel}::text AS channel, c.severity::text AS severity,
      c.status::text AS status, c.resolved_at_front_line, c.escalation_level, c.escalated_at, c.acknowledged_at,
      c.category_id, c.routed_team_id ${contact}`;
  const logged = Prisma.sql`SELECT ${columns("complaint", Prisma.sql`c.id`, Prisma.sql`c.occurred_at`, Prisma.sql`c.channel`)}
    FROM complaints c WHERE c.occurred_at >= ${start} AND c.occurred_at < ${end} AND ${complaintConditions(d.filter)}`;
  switch (d.measure) {
    case "heard":
      return [
        logged,
        Prisma.sql`SELECT ${columns("sighting", Prisma.sql`s.id`, Prisma.sql`s.occurred_at`, Prisma.sql`s.channel`)}
          FROM complaint_sightings s JOIN complaints c ON c.id = s.complaint_id
         WHERE s.occurred_at >= ${start} AND s.occurred_at < ${end} AND ${complaintConditions(d.filter, Prisma.sql`s.channel`)}`,
      ];
    case "logged":
      return [d.frontLineOnly ? Prisma.sql`${logged} AND c.resolved_at_front_line` : logged];
    case "acknowledged":
      return [
        Prisma.sql`SELECT ${columns("complaint", Prisma.sql`c.id`, Prisma.sql`c.acknowledged_at`, Prisma.sql`c.channel`)}
          FROM complaints c WHERE ${acknowledgedCondition(d.filter, d.range)}`,
      ];
    case "open":
      return [
        Prisma.sql`SELECT ${columns("complaint", Prisma.sql`c.id`, Prisma.sql`c.escalated_at`, Prisma.sql`c.channel`)}
          FROM complaints c WHERE ${openEscalationCondition(d.filter, d.now, d.band, d.level)}`,
      ];
  }
}

/**
 * How many rows the list has. Heard and logged are counted from the daily figures — the number
 * that was clicked, by the same definition, without reading hundreds of thousands of rows; the
 * rest by counting the list's own rows.
 */
export function drillCountQuery(d: ComplaintDrill) {
  if (d.measure === "heard") return figureCountQuery(d.filter, d.days, "heard");
  if (d.measure === "logged") return figureCountQuery(d.filter, d.days, d.frontLineOnly ? "frontLine" : "complaints");
  return Prisma.sql`SELECT count(*)::int AS count FROM (${Prisma.join(drillBranches(d, false), " UNION ALL ")}) x`;
}

/**
 * One page, newest first (by the measure's own time), after `key` when given. Each source is
 * cut to the page in its own index order before they are merged, so a page costs about its own
 * rows however long the list.
 */
export function drillRowsQuery(d: ComplaintDrill, key: DrillKey | null, limit: number, withContact = false) {
  const keyset = key ? Prisma.sql`WHERE (b.at < ${key.at} OR (b.at = ${key.at} AND b.row_id > ${key.id}))` : Prisma.empty;
  const pages = drillBranches(d, withContact).map(
    (branch) => Prisma.sql`(SELECT * FROM (${branch}) b ${keyset} ORDER BY b.at DESC, b.row_id ASC LIMIT ${limit})`,
  );
  return Prisma.sql`
    SELECT x.*, (SELECT name FROM complaint_categories k WHERE k.id = x.category_id) AS category_name,
           (SELECT name FROM teams t WHERE t.id = x.routed_team_id) AS team_name
      FROM (${Prisma.join(pages, " UNION ALL ")}) x
     ORDER BY x.at DESC, x.row_id ASC
     LIMIT ${limit}`;
}

export async function loadDrillPage(d: ComplaintDrill, key: DrillKey | null, pageSize: number) {
  const [total] = await queryRows<{ count: number }>(drillCountQuery(d));
  const rows = await queryRows<DrillRow>(drillRowsQuery(d, key, pageSize + 1));
  const more = rows.length > pageSize;
  return { count: total?.count ?? 0, rows: rows.slice(0, pageSize), more };
}

// ---------------------------------------------------------------------------------------------
// The page: which rows, in words, and one page of them

const HEADINGS: Record<ComplaintDrillMeasure, (count: string, frontLineOnly: boolean) => string> = {
  heard: (n) => `${n} heard: complaints logged and “heard it too”`,
  logged: (n, frontLineOnly) => (frontLineOnly ? `${n} complaints resolved at the front line` : `${n} complaints logged`),
  acknowledged: (n) => `${n} complaints acknowledged`,
  open: (n) => `${n} complaints waiting for acknowledgement`,
};

export function drillHeading(measure: ComplaintDrillMeasure, count: number, frontLineOnly: boolean) {
  return HEADINGS[measure](count.toLocaleString("en"), frontLineOnly);
}

export function encodeDrillKey(row: Pick<DrillRow, "at" | "row_id">) {
  return Buffer.from(JSON.stringify([row.at.toISOString(), row.row_id])).toString("base64url");
}

/** The key in an `after` link, or null (with `invalid` when the link was tampered with or stale). */
export function decodeDrillKey(token: string | null): { key: DrillKey | null; invalid: boolean } {
  if (!token) return { key: null, invalid: false };
  try {
    const [at, id] = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    if (typeof id !== "string" || id.length > 100 || Number.isNaN(date.getTime())) throw new Error("bad key");
    return { key: { at: date, id }, invalid: false };
  } catch {
    return { key: null, invalid: true };
  }
}

/**
 * The drill-down a URL asks for, within the dashboard's view: `measure` (else 404), its options,
 * and `routed` — exactly one routed team, from the team-by-category table (outside the person's
 * teams: 404; unknown: a notice and all teams in view).
 */
export function readComplaintDrill(ctx: { scope: DashboardScope; query: DashboardQuery; url: URL }) {
  const params = ctx.url.searchParams;
  const measure = params.get("measure");
  if (!isComplaintDrillMeasure(measure)) throw notFound();
  const notices: string[] = [];
  const filter = escalationFilter(ctx.query);
  const routedSlug = params.get("routed");
  let routed: { id: string; slug: string; name: string } | null = null;
  if (routedSlug) {
    const team = ctx.scope.teams.find((t) => t.slug === routedSlug);
    if (team && (!filter.teamIds || filter.teamIds.includes(team.id))) routed = team;
    else if (ctx.scope.allTeamSlugs.has(routedSlug)) throw notFound();
    else notices.push("No team has that name: showing all the teams in view.");
  }
  const drill: ComplaintDrill = {
    measure,
    ...readDrillOptions(params),
    filter: routed ? { ...filter, teamIds: [routed.id] } : filter,
    days: { from: ctx.query.period.from, to: ctx.query.period.to },
    range: periodBounds(ctx.query.period, ctx.query.timeZone),
    now: ctx.query.now,
  };
  return { drill, routed, notices };
}
