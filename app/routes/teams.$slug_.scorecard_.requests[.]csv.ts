// The requests behind a scorecard number as CSV (/teams/<slug>/scorecard/requests.csv?…): the
// same rows as the drill-down page, all of them, streamed page by page from the database.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { readScorecardDrill } from "~/models/scorecard.server";
import { scorecardDrillColumns, scorecardDrillRows } from "~/models/dashboard-csv.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const drill = await readScorecardDrill(user, params.slug ?? "", new URL(request.url), request);
  return csvResponse({
    filename: `${drill.team.slug}-${drill.key}-${drill.part}-${drill.choice.period.from}-${drill.choice.period.to}.csv`,
    columns: scorecardDrillColumns,
    rows: scorecardDrillRows(drill.condition),
    signal: request.signal,
  });
}
