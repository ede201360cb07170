// A value's change against the previous period: an arrow, words and a colour (the words carry the
// meaning; the colour only repeats it, at 4.5:1 or better on white).
import type { ComparedValue } from "~/utils/service-measures";

const VERDICT_TEXT = { better: "text-green-800", worse: "text-red-700", same: "text-slate-700", neutral: "text-slate-700" } as const;
const ARROWS = { up: "▲", down: "▼", same: "■" } as const;

/** `compact` (for tables) shows "▲ up 4.2 points" and keeps the previous value for screen readers. */
export function ChangeNote({
  value,
  className = "",
  compact = false,
}: {
  value: Pick<ComparedValue, "change" | "previous" | "previousText">;
  className?: string;
  compact?: boolean;
}) {
  if (!value.change) {
    const text = value.previous === null ? (compact ? "no comparison" : "Nothing to compare with") : `Before: ${value.previousText}`;
    return <span className={`text-slate-700 ${className}`}>{text}</span>;
  }
  const words = value.change.words[0]!.toUpperCase() + value.change.words.slice(1);
  return (
    <span className={`font-medium ${VERDICT_TEXT[value.change.verdict]} ${className}`} title={compact ? words : undefined}>
      <span aria-hidden="true">{ARROWS[value.change.trend]} </span>
      {compact ? (
        <>
          {value.change.lead.replace(/ from$/, "")}
          <span className="sr-only"> from {value.previousText}</span>
        </>
      ) : (
        words
      )}
    </span>
  );
}
