// How many requests match the other filters in each status; each count links to that status.
import { Link } from "@remix-run/react";
import { OPEN_STATUSES, REQUEST_STATUSES, STATUS_LABELS, type RequestStatus } from "~/utils/request-lifecycle";
import { queueSearchParams, type QueueFilters } from "~/validation/queue-filters";

export function QueueStatusCounts({
  counts,
  filters,
  basePath,
}: {
  counts: Record<RequestStatus, number>;
  filters: QueueFilters;
  basePath: string;
}) {
  const hrefFor = (statuses: RequestStatus[]) => {
    const query = queueSearchParams({ ...filters, statuses }).toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const selected = (statuses: readonly RequestStatus[]) =>
    statuses.length === filters.statuses.length && statuses.every((s) => filters.statuses.includes(s));
  const sum = (statuses: readonly RequestStatus[]) => statuses.reduce((total, s) => total + counts[s], 0);
  const entries: Array<{ label: string; statuses: RequestStatus[] }> = [
    { label: "Open", statuses: [...OPEN_STATUSES] },
    ...REQUEST_STATUSES.map((s) => ({ label: STATUS_LABELS[s], statuses: [s] })),
    { label: "All", statuses: [...REQUEST_STATUSES] },
  ];
  return (
    <nav aria-label="Requests by status" className="mb-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        {entries.map((entry) => {
          const current = selected(entry.statuses);
          return (
            <li key={entry.label}>
              <Link
                to={hrefFor(entry.statuses)}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${
                  current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                }`}
              >
                {entry.label} <span className="font-semibold">{sum(entry.statuses)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
