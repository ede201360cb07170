// The daily complaint figures (complaint_days and theme_days, decision 013): what front-line
// staff heard on each organisation calendar day — complaints and their sightings ("heard it
// too"), dated by when the customer said it — per routed team, category, channel and severity,
// and the same per theme. DESIGN.md: heard volume = complaints + their sightings; front-line
// resolution % = complaints resolved at the front line ÷ complaints.
import { Prisma } from "~/generated/prisma/client";
import { onPairs, targetsCte, type RecountScope } from "./service-days-sql.server";

/**
 * Every complaint and sighting heard on a counted day, as rows (team_id, category_id, channel,
 * severity, day, complaint_id, complaints, sightings, front_line). A sighting counts under its
 * own channel and its complaint's team, category and severity.
 */
function heardRows(scope: RecountScope, timeZone: string) {
  const parts = [
    {
      source: Prisma.sql`complaints c`,
      at: Prisma.sql`c.occurred_at`,
      channel: Prisma.sql`c.channel`,
      counts: Prisma.sql`1 AS complaints, 0 AS sightings, c.resolved_at_front_line::int AS front_line`,
    },
    {
      source: Prisma.sql`complaint_sightings s JOIN complaints c ON c.id = s.complaint_id`,
      at: Prisma.sql`s.occurred_at`,
      channel: Prisma.sql`s.channel`,
      counts: Prisma.sql`0 AS complaints, 1 AS sightings, 0 AS front_line`,
    },
  ];
  return Prisma.join(
    parts.map((p) =>
      scope.kind === "all"
        ? Prisma.sql`SELECT c.routed_team_id AS team_id, c.category_id, ${p.channel} AS channel, c.severity,
                            (${p.at} AT TIME ZONE ${timeZone})::date AS day, c.id AS complaint_id, ${p.counts}
                       FROM ${p.source}`
        : Prisma.sql`SELECT t.team_id, c.category_id, ${p.channel} AS channel, c.severity, t.day, c.id AS complaint_id, ${p.counts}
                       FROM targets t JOIN ${p.source} ON c.routed_team_id = t.team_id AND ${p.at} >= t.start_at AND ${p.at} < t.end_at`,
    ),
    "\nUNION ALL\n",
  );
}

function withHeard(scope: RecountScope, timeZone: string) {
  const targets = targetsCte(scope, timeZone);
  const heard = Prisma.sql`heard AS (${heardRows(scope, timeZone)})`;
  return scope.kind === "all" ? Prisma.sql`WITH ${heard}` : Prisma.sql`${targets}, ${heard}`;
}

const SUMS = Prisma.sql`sum(complaints)::int, sum(sightings)::int, sum(front_line)::int`;

export function insertComplaintDays(scope: RecountScope, timeZone: string) {
  return Prisma.sql`${withHeard(scope, timeZone)}
    INSERT INTO complaint_days (day, team_id, category_id, channel, severity, complaints, sightings, front_line)
    SELECT day, team_id, category_id, channel, severity, ${SUMS}
      FROM heard GROUP BY day, team_id, category_id, channel, severity`;
}

export function insertThemeDays(scope: RecountScope, timeZone: string) {
  return Prisma.sql`${withHeard(scope, timeZone)}
    INSERT INTO theme_days (day, theme_id, team_id, category_id, channel, severity, complaints, sightings, front_line)
    SELECT h.day, ct.theme_id, h.team_id, h.category_id, h.channel, h.severity, ${SUMS}
      FROM heard h JOIN complaint_themes ct ON ct.complaint_id = h.complaint_id
     GROUP BY h.day, ct.theme_id, h.team_id, h.category_id, h.channel, h.severity`;
}

/**
 * complaint_category_days and theme_category_days from the full tables (run after recounting
 * those) for the pairs of `scope`: the same counts without channel and severity.
 */
export function insertCategoryDays(kind: "complaint" | "theme", scope: RecountScope) {
  const theme = kind === "theme" ? Prisma.sql`d.theme_id,` : Prisma.empty;
  const target = Prisma.raw(kind === "theme" ? "theme_category_days (day, theme_id," : "complaint_category_days (day,");
  const source = Prisma.raw(kind === "theme" ? "theme_days" : "complaint_days");
  return Prisma.sql`INSERT INTO ${target} team_id, category_id, complaints, sightings, front_line)
    SELECT d.day, ${theme} d.team_id, d.category_id, sum(d.complaints)::int, sum(d.sightings)::int, sum(d.front_line)::int
      FROM ${source} d ${onPairs(scope, "d")}
     GROUP BY d.day, ${theme} d.team_id, d.category_id`;
}
