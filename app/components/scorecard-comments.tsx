// What requesters wrote with their ratings in the period, latest first: first ratings and the
// re-ratings after a recovery, each tied to its request.
import { Link } from "@remix-run/react";
import { SATISFACTION_LABELS, type Score } from "~/utils/rating-rules";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { textLinkClass } from "./ui/page-header";

export interface ScorecardComment {
  id: string;
  kind: string;
  overall: number;
  comment: string;
  createdAt: string;
  day: string;
  number: number;
  title: string;
  requesterName: string;
}

export function ScorecardComments({ comments, total }: { comments: ScorecardComment[]; total: number }) {
  if (comments.length === 0)
    return <p className="rounded-lg bg-white p-4 text-slate-700 shadow">No comments with ratings in this period.</p>;
  return (
    <div>
      {total > comments.length ? (
        <p className="mb-2 text-sm text-slate-700">
          The latest {comments.length} of {total} comments.
        </p>
      ) : null}
      <ol className="space-y-3">
        {comments.map((c) => (
          <li key={c.id} className="rounded-lg bg-white p-4 shadow">
            <p className="text-sm text-slate-700">
              <Link to={requestPath(c.number)} className={textLinkClass}>
                {formatRequestNumber(c.number)} {c.title}
              </Link>{" "}
              · {c.kind === "RERATING" ? "Re-rating after recovery" : "First rating"} · {c.overall} of 5,{" "}
              {SATISFACTION_LABELS[c.overall as Score] ?? ""} · {c.requesterName} · <time dateTime={c.createdAt}>{c.day}</time>
            </p>
            <blockquote className="mt-2 whitespace-pre-line text-slate-900">{c.comment}</blockquote>
          </li>
        ))}
      </ol>
    </div>
  );
}
