// When the dashboard's daily figures were last counted (they are brought up to date every
// minute), so nobody mistakes a figure for one taken this second.
import { DateTimeText } from "./request-time";

export function FiguresAsOf({ at }: { at: string | null }) {
  return (
    <p className="text-sm text-slate-700">
      {at ? (
        <>
          Figures as of <DateTimeText value={at} />; they are brought up to date every minute.
        </>
      ) : (
        "The figures are being counted for the first time; this page fills in within a minute."
      )}
    </p>
  );
}
