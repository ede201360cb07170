// The feedback report: entries per addressee × month × kind over whole finished months, for the
// addressees the reader reads, with small groups hidden by the rules in utils/feedback-report.ts.
// Signed and anonymous entries are counted together, so the report can't separate them either.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { orgDateIso } from "~/utils/org-time";
import { addMonths, buildFeedbackReport, monthsBetween, parseReportPeriod, type GroupCount } from "~/utils/feedback-report";
import { TO_MANAGEMENT, type FeedbackKindName } from "~/validation/feedback";
import { getAdminSetting } from "./app-settings.server";

export function readReportPeriod(url: URL, now = new Date()) {
  return parseReportPeriod(url.searchParams, orgDateIso(now, env().UPSTREAM_TIME_ZONE));
}

/**
 * `addressees`: what the reader may read (readableAddressees) and chose to see, as ids
 * (TO_MANAGEMENT for management). Nothing else is counted.
 */
export async function loadFeedbackReport(period: { from: string; to: string }, addressees: Array<{ id: string; name: string }>) {
  const minGroup = await getAdminSetting("feedbackMinGroupSize");
  const months = monthsBetween(period.from, period.to);
  const teamIds = addressees.filter((a) => a.id !== TO_MANAGEMENT).map((a) => a.id);
  const management = addressees.some((a) => a.id === TO_MANAGEMENT);
  const rows = await prisma.$queryRaw<Array<{ team_id: string | null; month: string; kind: FeedbackKindName; count: number }>>`
    SELECT team_id, to_char(submitted_on, 'YYYY-MM') AS month, kind::text AS kind, count(*)::int AS count
      FROM feedback
     WHERE submitted_on >= ${`${period.from}-01`}::date AND submitted_on < ${`${addMonths(period.to, 1)}-01`}::date
       AND (team_id = ANY(${teamIds}::text[]) ${management ? Prisma.sql`OR team_id IS NULL` : Prisma.empty})
     GROUP BY 1, 2, 3`;
  const counts: GroupCount[] = rows.map((r) => ({ addressee: r.team_id ?? TO_MANAGEMENT, month: r.month, kind: r.kind, count: r.count }));
  // Only addressees with any feedback in the period get rows (all of its months, shown or not).
  const present = new Set(counts.map((c) => c.addressee));
  const shown = addressees.filter((a) => present.has(a.id));
  const names = new Map(shown.map((a) => [a.id, a.name]));
  const report = buildFeedbackReport(
    counts,
    shown.map((a) => a.id),
    months,
    minGroup,
  ).map((row) => ({ ...row, addresseeName: names.get(row.addressee) ?? "" }));
  return { minGroup, months, rows: report };
}
