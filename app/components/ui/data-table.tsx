// The plain data table used by list pages: a caption for screen readers, header cells with
// scope, horizontal scrolling on narrow screens, and a "next page" link for keyset pagination.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { textLinkClass } from "./page-header";

export function DataTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}

/** Link to the next page of a keyset-paginated list; nothing when there is none. */
export function NextPageLink({ query, label = "Next page" }: { query: URLSearchParams | null; label?: string }) {
  if (!query) return null;
  return (
    <p className="mt-4">
      <Link to={`?${query}`} className={textLinkClass}>
        {label}
      </Link>
    </p>
  );
}

/** The current search params with one cursor parameter set, or null without a cursor. */
export function withCursor(params: URLSearchParams, name: string, cursor: string | undefined | null) {
  if (!cursor) return null;
  const next = new URLSearchParams(params);
  next.set(name, cursor);
  return next;
}
