// "Transferred twice: IT → Facilities → IT" and "Reopened once": the shuffling a request went
// through is shown, not hidden (DESIGN.md, principle 3).
function times(count: number) {
  return count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
}

export function transferSummary(count: number, path: string[]) {
  if (count === 0) return "Never transferred";
  return path.length > 1 ? `Transferred ${times(count)}: ${path.join(" → ")}` : `Transferred ${times(count)}`;
}

export function reopenSummary(count: number) {
  return count === 0 ? "Never reopened" : `Reopened ${times(count)}`;
}

export function RequestTransferPath({ transfers, reopenCount }: { transfers: { count: number; path: string[] }; reopenCount: number }) {
  return (
    <ul className="space-y-1 text-sm text-slate-800">
      <li className={transfers.count > 0 ? "font-medium text-amber-900" : undefined}>{transferSummary(transfers.count, transfers.path)}</li>
      <li className={reopenCount > 0 ? "font-medium text-amber-900" : undefined}>{reopenSummary(reopenCount)}</li>
    </ul>
  );
}
