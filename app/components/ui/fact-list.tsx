// A record's facts as a definition list: label on the left, value on the right, one per row.
import type { ReactNode } from "react";
import { DateTimeText } from "../request-time";

export function FactList({ children }: { children: ReactNode }) {
  return <dl className="divide-y divide-slate-200 text-sm">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5">
      <dt className="text-slate-700">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

/** A moment, shown only once it has happened (or been set). */
export function TimeFact({ label, at }: { label: string; at: string | null }) {
  if (!at) return null;
  return (
    <Fact label={label}>
      <DateTimeText value={at} />
    </Fact>
  );
}
