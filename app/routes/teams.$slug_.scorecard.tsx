// A provider team's service scorecard (/teams/<slug>/scorecard): the measures of DESIGN.md over a
// chosen period against the previous equal one, the expectations' averages, a weekly trend and
// the requesters' comments. Every number links to the requests behind it. The team's members,
// its managers and those above, and admins see it; anyone else gets 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { notFound } from "~/policies/authorize.server";
import { findScorecardTeam, loadScorecard, readPeriod } from "~/models/scorecard.server";
import { MEASURE_BY_KEY, formatMeasure } from "~/utils/service-measures";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { TrendChart } from "~/components/ui/trend-chart";
import { ScorecardPeriodForm } from "~/components/scorecard-period-form";
import { ScorecardMeasureCards } from "~/components/scorecard-measure-cards";
import { ScorecardDimensions } from "~/components/scorecard-dimensions";
import { ScorecardComments } from "~/components/scorecard-comments";
import { ListNotices } from "~/components/list-notices";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Scorecard · ${data?.team.name ?? "Team"} · Upstream` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await findScorecardTeam(user, params.slug ?? "", request);
  if (!team) throw notFound();
  const url = new URL(request.url);
  const choice = readPeriod(url);
  const scorecard = await loadScorecard(team, choice);
  const asked = (name: string) => url.searchParams.get(name);
  return json({
    team,
    period: choice.period,
    errors: choice.errors,
    today: choice.today,
    // The form shows what was asked for, even when refused, so nothing typed is lost.
    form: {
      period: asked("period") ?? choice.period.preset,
      from: asked("from") ?? choice.period.from,
      to: asked("to") ?? choice.period.to,
    },
    ...scorecard,
  });
}

export default function TeamScorecard() {
  const data = useLoaderData<typeof loader>();
  const { team, errors, periodLabel, previousLabel } = data;
  const refused = Object.keys(errors).length > 0;
  const csat = MEASURE_BY_KEY.csat;
  const points = data.trend.map((week) => ({
    key: week.week,
    label: week.label,
    bar: week.volume,
    barHref: week.links.volume,
    line: week.csat,
    lineText: week.csat === null ? "No ratings" : formatMeasure(csat, week.csat),
    lineHref: week.links.satisfied,
    lineBase: week.ratings,
    lineBaseHref: week.links.ratings,
  }));
  return (
    <div className="space-y-8">
      <PageHeader
        title={`${team.name} scorecard`}
        description={`${periodLabel}, compared with ${previousLabel}.`}
        actions={
          <Link to={`/teams/${team.slug}`} className={textLinkClass}>
            About the team
          </Link>
        }
      />
      <ListNotices
        notices={[
          ...(refused
            ? [`That period couldn't be used, so this shows the last ${data.period.days} days. See the message beside the field.`]
            : []),
          ...(team.acceptsRequests ? [] : ["This team doesn't take requests at the moment, so there may be little to measure."]),
        ]}
      />
      <ScorecardPeriodForm values={data.form} errors={errors} today={data.today} />

      <section aria-labelledby="measures-heading">
        <h2 id="measures-heading" className="mb-3 text-lg font-semibold">
          Measures
        </h2>
        <ScorecardMeasureCards cards={data.cards} />
      </section>

      <section aria-labelledby="trend-heading" className="rounded-lg bg-white p-4 shadow">
        <h2 id="trend-heading" className="mb-3 text-lg font-semibold">
          Weekly requests and CSAT
        </h2>
        <TrendChart
          points={points}
          barLabel="Requests received"
          lineLabel="CSAT"
          lineBaseLabel="First ratings"
          periodLabel="Week of"
          gapNote="no line where a week had no ratings"
        />
      </section>

      <section aria-labelledby="expectations-heading">
        <h2 id="expectations-heading" className="mb-3 text-lg font-semibold">
          Expectations
        </h2>
        <ScorecardDimensions rows={data.dimensions} />
      </section>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="mb-3 text-lg font-semibold">
          Comments
        </h2>
        <ScorecardComments comments={data.comments} total={data.commentsTotal} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
