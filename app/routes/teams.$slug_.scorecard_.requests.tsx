// The requests behind a number on a team's scorecard
// (/teams/<slug>/scorecard/requests?measure=csat&part=numerator&period=…): the same SQL
// predicates as the card's count (models/scorecard-sql.server.ts), so the heading's count is the
// card's number. Keyset pages of 50, newest first. Same audience as the scorecard; else 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { loadDrillDown, readDrillDownPage, readScorecardDrill } from "~/models/scorecard.server";
import { MEASURE_BY_KEY } from "~/utils/service-measures";
import { formatPeriod, periodQuery } from "~/utils/report-period";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { ListPagination } from "~/components/request-list-table";
import { ScorecardRequestTable } from "~/components/scorecard-request-table";
import { ListNotices } from "~/components/list-notices";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.measure.label ?? "Scorecard"} requests · ${data?.team.name ?? "Team"} · Upstream` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const drill = await readScorecardDrill(user, params.slug ?? "", url, request);
  const { team, key, part, dimension, type, choice, window, query } = drill;
  const { page, invalid } = readDrillDownPage(url.searchParams);
  const list = await loadDrillDown({ window, measure: key, part: dimension ? "population" : part, dimension: dimension?.key, page });

  const measure = MEASURE_BY_KEY[key];
  const notices = [...drill.notices, ...(invalid ? ["That page link is no longer valid; showing the first page."] : [])];
  const href = (direction: "after" | "before", token: string | null | undefined) =>
    token ? `?${new URLSearchParams({ ...query, [direction]: token })}` : null;
  const noun = list.count === 1 ? "request" : "requests";
  const transfers =
    key === "transfers" && part === "numerator" ? `, ${list.transfers} ${list.transfers === 1 ? "transfer" : "transfers"} in all` : "";
  return json({
    team,
    measure: { key, label: measure.label, definition: measure.definition },
    heading: `${list.count.toLocaleString("en")} ${type ? `${type.name} ` : ""}${noun} ${measure.drillDown[part]}${transfers}${dimension ? `, scoring ${dimension.label.toLowerCase()}` : ""}`,
    periodLabel: formatPeriod(choice.period),
    count: list.count,
    transfers: list.transfers,
    rows: list.rows,
    notices,
    scorecardHref: `/teams/${team.slug}/scorecard?${new URLSearchParams(periodQuery(choice.period))}`,
    pages: { next: href("after", list.after), prev: href("before", list.before), first: page ? `?${new URLSearchParams(query)}` : null },
    csvHref: `/teams/${team.slug}/scorecard/requests.csv?${new URLSearchParams(query)}`,
  });
}

export default function ScorecardRequests() {
  const { team, measure, heading, periodLabel, rows, notices, scorecardHref, pages, csvHref } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={`${team.name} · ${measure.label}`}
        description={`${periodLabel}. ${measure.definition}.`}
        actions={
          <>
            <a href={csvHref} className={textLinkClass} download>
              Download CSV
            </a>
            <Link to={scorecardHref} className={textLinkClass}>
              Back to the scorecard
            </Link>
          </>
        }
      />
      <ListNotices notices={notices} />
      <h2 className="mb-3 text-lg font-semibold">{heading}</h2>
      <ScorecardRequestTable caption={heading} rows={rows} showTransfers={measure.key === "transfers" || measure.key === "bounce"} />
      <ListPagination prevHref={pages.prev} nextHref={pages.next} firstHref={pages.first} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
