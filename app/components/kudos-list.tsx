// A list of kudos as the wall, profiles and team pages show them: who thanked whom, when, what
// for, and the request it was about (by number only — the wall is open to everyone, the request
// and its title may not be). Each entry has an anchor (#kudos-<id>) that notifications link to.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { DayText } from "./request-time";
import { textLinkClass } from "./ui/page-header";

export interface KudosListItem {
  id: string;
  message: string;
  createdAt: string;
  author: { id: string; name: string };
  recipient: { kind: "person"; id: string; name: string } | { kind: "team"; id: string; slug: string; name: string };
  requestNumber: number | null;
  mayHide: boolean;
}

export function RecipientLink({ recipient }: { recipient: KudosListItem["recipient"] }) {
  return recipient.kind === "team" ? (
    <Link to={`/teams/${recipient.slug}`} className={textLinkClass}>
      {recipient.name}
    </Link>
  ) : (
    <Link to={`/people/${recipient.id}`} className={textLinkClass}>
      {recipient.name}
    </Link>
  );
}

export function KudosList({
  kudos,
  label,
  empty,
  renderActions,
}: {
  kudos: KudosListItem[];
  label: string;
  empty: ReactNode;
  /** Extra controls for an entry (the wall's "Hide" form). */
  renderActions?: (kudos: KudosListItem) => ReactNode;
}) {
  if (!kudos.length) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul aria-label={label} className="divide-y divide-slate-200">
      {kudos.map((k) => (
        <li key={k.id} id={`kudos-${k.id}`} className="py-3">
          <p className="text-sm text-slate-700">
            <Link to={`/people/${k.author.id}`} className={textLinkClass}>
              {k.author.name}
            </Link>{" "}
            thanked <RecipientLink recipient={k.recipient} /> · <DayText value={k.createdAt} />
            {k.requestNumber !== null ? (
              <>
                {" "}
                · about{" "}
                <Link to={requestPath(k.requestNumber)} className={textLinkClass}>
                  {formatRequestNumber(k.requestNumber)}
                </Link>
              </>
            ) : null}
          </p>
          <blockquote className="mt-1 whitespace-pre-line break-words text-slate-900">{k.message}</blockquote>
          {renderActions?.(k)}
        </li>
      ))}
    </ul>
  );
}
