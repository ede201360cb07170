// The daily complaint figures (complaint_days and theme_days, decision 013): what front-line
// staff heard on each organisation calendar day — complaints and their sightings ("heard it
// too"), dated by when the customer said it — per routed team, category, channel and severity,
// and the same per theme. DESIGN.md: heard volume = complaints + their sightings; front-line
// resolution % = complaints resolved at the front line ÷ complaints.
import { Prisma } from "~/generated/prisma/client";
import { targetsCte, type RecountScope } from "./service-days-sql.server";

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

export function deleteComplaintDays(table: "complaint_days" | "theme_days", scope: RecountScope) {
  const t = Prisma.raw(table);
  if (scope.kind === "all") return Prisma.sql`DELETE FROM ${t}`;
  return Prisma.sql`DELETE FROM ${t} d USING unnest(${scope.teamIds}::text[], ${scope.days}::date[]) AS t(team_id, day)
    WHERE d.team_id = t.team_id AND d.day = t.day`;
}
