// The scorecard's measures, one card each: the value (or what is missing, never "NaN" or a false
// 0%), the counts behind it, and the change from the previous period in an arrow, words and a
// colour (the words carry the meaning; the colour only repeats it). Every number is a link to
// the requests behind it.
import { Link } from "@remix-run/react";
import type { MeasureCard } from "~/utils/service-measures";
import { textLinkClass } from "./ui/page-header";

export interface ScorecardCard extends MeasureCard {
  links: { value: string; population: string; previous: string };
}

// Text colours with at least 4.5:1 contrast on white (WCAG AA).
const VERDICT_TEXT = { better: "text-green-800", worse: "text-red-700", same: "text-slate-700", neutral: "text-slate-700" } as const;
const VERDICT_BORDER = {
  better: "border-green-700",
  worse: "border-red-700",
  same: "border-slate-300",
  neutral: "border-slate-300",
} as const;

const ARROWS = { up: "▲", down: "▼", same: "■" } as const;

function Counts({ card }: { card: ScorecardCard }) {
  if (card.population === 0) return null;
  const population = (
    <Link to={card.links.population} className={textLinkClass}>
      {card.population.toLocaleString("en")} {card.unit}
    </Link>
  );
  if (card.key === "transfers" && card.ratio) {
    return (
      <>
        <Link to={card.links.value} className={textLinkClass}>
          {card.ratio.numerator.toLocaleString("en")} {card.ratio.numerator === 1 ? "transfer" : "transfers"}
        </Link>{" "}
        over {population}
      </>
    );
  }
  if (card.ratio) {
    return (
      <>
        <Link to={card.links.value} className={textLinkClass}>
          {card.ratio.numerator.toLocaleString("en")}
        </Link>{" "}
        of {population}
      </>
    );
  }
  return card.key === "volume" ? null : <>Over {population}</>;
}

function Change({ card }: { card: ScorecardCard }) {
  const previous = (
    <Link to={card.links.previous} className="underline">
      {card.previousText}
    </Link>
  );
  if (!card.change) {
    return <p className="mt-2 text-sm text-slate-700">Previous period: {card.previous === null ? card.previousText : previous}</p>;
  }
  return (
    <p className={`mt-2 text-sm font-medium ${VERDICT_TEXT[card.change.verdict]}`}>
      <span aria-hidden="true">{ARROWS[card.change.trend]} </span>
      {card.change.lead[0]!.toUpperCase() + card.change.lead.slice(1)} {previous}
    </p>
  );
}

export function ScorecardMeasureCards({ cards }: { cards: ScorecardCard[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {cards.map((card) => (
        <li key={card.key} className={`rounded-lg border-l-4 bg-white p-4 shadow ${VERDICT_BORDER[card.change?.verdict ?? "same"]}`}>
          <h3 className="text-sm font-semibold text-slate-800">{card.label}</h3>
          <p className="mt-1 text-2xl font-semibold">
            {card.value === null ? (
              <span className="text-lg text-slate-700">{card.text}</span>
            ) : (
              <Link to={card.links.value} className="text-slate-900 underline decoration-slate-400 hover:text-brand-700">
                {card.text}
              </Link>
            )}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            <Counts card={card} />
          </p>
          <Change card={card} />
          <p className="mt-2 text-xs text-slate-600">{card.definition}</p>
        </li>
      ))}
    </ul>
  );
}
