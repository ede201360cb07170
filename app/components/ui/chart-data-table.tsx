// A chart's numbers as a table, one click below it (closed by default): the text alternative
// every chart carries, and the way keyboard and screen-reader users reach its links.
import type { ReactNode } from "react";

export function ChartDataTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">Show the data as a table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm [&_td]:px-3 [&_td]:py-1 [&_th]:px-3 [&_th]:py-1">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">{children}</tbody>
        </table>
      </div>
    </details>
  );
}
