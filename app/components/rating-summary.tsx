// The rating part of a request's page: the form when the viewer may rate, change or re-rate,
// otherwise what was given (everyone who may see the request sees the rating) and, for the
// requester, why they may not rate now. A delighted requester is offered to send kudos.
import { Link } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { EXPECTATION_LABELS, SATISFACTION_LABELS, type Score } from "~/utils/rating-rules";
import type { RatingMode } from "~/validation/rating";
import { linkButtonClass } from "./ui/page-header";
import { DateTimeText } from "./request-time";
import { RatingForm, ratingFormHeading } from "./rating-form";

export interface RatingView {
  overall: number;
  exceededExpectations: boolean;
  dimensions: Array<{ key: string; label: string; score: number | null }>;
  comment: string;
  version: number;
  createdAt: string;
  changed: boolean;
}

export interface RatingPanelView {
  option: { kind: "rate" | "edit" | "rerate" | "none"; reason: string | null; closesAt: string | null };
  first: RatingView | null;
  rerating: RatingView | null;
  providerTeam: string;
  kudosLink: string | null;
  ratePath: string;
}

function OneRating({ title, rating }: { title: string; rating: RatingView }) {
  const scored = rating.dimensions.filter((d) => d.score !== null);
  return (
    <div className="space-y-2">
      <h3 className="font-medium">{title}</h3>
      <p>
        <strong>
          {rating.overall} of 5 · {SATISFACTION_LABELS[rating.overall as Score]}
        </strong>
        {" · "}
        {rating.exceededExpectations ? "Exceeded expectations" : "Did not exceed expectations"}
      </p>
      {scored.length ? (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
          {scored.map((d) => (
            <div key={d.key} className="flex justify-between gap-2 border-b border-slate-100 py-0.5">
              <dt className="text-slate-700">{d.label}</dt>
              <dd>
                {d.score} · {EXPECTATION_LABELS[d.score as Score]}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {rating.comment ? <p className="whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-slate-900">{rating.comment}</p> : null}
      <p className="text-sm text-slate-600">
        Given <DateTimeText value={rating.createdAt} />
        {rating.changed ? " (changed since)" : null}
      </p>
    </div>
  );
}

export function RatingSummary({ panel }: { panel: Pick<RatingPanelView, "first" | "rerating"> }) {
  if (!panel.first) return null;
  return (
    <div className="space-y-4">
      {panel.rerating ? <OneRating title="Rating after the recovery" rating={panel.rerating} /> : null}
      <OneRating title={panel.rerating ? "First rating" : "The requester's rating"} rating={panel.first} />
    </div>
  );
}

export function KudosOffer({ link, team }: { link: string | null; team: string }) {
  if (!link) return null;
  return (
    <p className="rounded-md bg-green-50 p-3 text-sm text-green-900">
      Glad it went well. Want to thank them?{" "}
      <Link to={link} className={`${linkButtonClass} ml-2`}>
        Send kudos to {team}
      </Link>
    </p>
  );
}

/**
 * The panel at the top of the request page and the body of the rate page. `showReason` says why
 * the viewer may not rate (the rate page says it; the request page shows nothing then).
 */
export function RatingPanel({
  panel,
  lastResult,
  showReason = false,
  expanded = false,
}: {
  panel: RatingPanelView;
  lastResult?: SubmissionResult<string[]>;
  showReason?: boolean;
  /** Show the change form unfolded (the rate page, where people come to change it). */
  expanded?: boolean;
}) {
  const mode = panel.option.kind === "none" ? null : (panel.option.kind as RatingMode);
  if (!mode && !panel.first && !showReason) return null;
  // While a rating can still be changed, the page shows it as given, with the form folded away
  // below (opened again when a change came back with errors).
  const heading = mode === "edit" ? "Your rating" : mode ? ratingFormHeading(mode) : "Rating";
  const form = mode ? (
    <RatingForm
      mode={mode}
      action={panel.ratePath}
      teamName={panel.providerTeam}
      version={mode === "edit" ? panel.first?.version : undefined}
      defaults={mode === "edit" ? panel.first : null}
      closesAt={panel.option.closesAt}
      lastResult={lastResult}
    />
  ) : null;
  return (
    <section aria-labelledby="rating-heading" className="space-y-4 rounded-lg border-l-4 border-brand-600 bg-white p-4 shadow">
      <h2 id="rating-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      <KudosOffer link={panel.kudosLink} team={panel.providerTeam} />
      {mode !== "rate" && panel.first ? <RatingSummary panel={panel} /> : null}
      {mode === "edit" ? (
        <details open={expanded || lastResult?.status === "error"} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium text-brand-700">{ratingFormHeading("edit")}</summary>
          <div className="mt-3">{form}</div>
        </details>
      ) : (
        form
      )}
      {!mode && showReason && panel.option.reason ? <p className="text-slate-700">{panel.option.reason}</p> : null}
    </section>
  );
}
