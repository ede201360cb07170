// The service overview's table: a row per provider team, a column per measure (sortable by a
// link in its header, so it works without JavaScript), the change against the previous period
// under each value, and the organisation's total at the foot. Each value links to the requests
// behind it; each team to its scorecard.
import { Link } from "@remix-run/react";
import type { ComparedValue } from "~/utils/service-measures";
import { ChangeNote } from "./ui/change-note";
import { textLinkClass } from "./ui/page-header";

interface Cell extends ComparedValue {
  key: string;
  href?: string;
}

interface Column {
  key: string;
  label: string;
  sortHref: string;
  sorted: "ascending" | "descending" | null;
  /** What the link does, for its accessible name. */
  sortsTo: "ascending" | "descending";
}

const SORT_ARROWS = { ascending: "▲", descending: "▼" } as const;

function Value({ cell }: { cell: Cell }) {
  if (cell.value === null) return <span className="text-slate-700">{cell.text}</span>;
  return cell.href ? (
    <Link to={cell.href} className={textLinkClass}>
      {cell.text}
    </Link>
  ) : (
    <span className="font-semibold">{cell.text}</span>
  );
}

export function ServiceOverviewTable({
  columns,
  nameSort,
  rows,
  total,
  totalLabel,
}: {
  columns: Column[];
  nameSort: Column;
  rows: Array<{ id: string; name: string; scorecardHref: string; cells: Cell[] }>;
  total: Cell[];
  totalLabel: string;
}) {
  const header = (c: Column) => (
    <th key={c.key} scope="col" aria-sort={c.sorted ?? undefined} className="whitespace-nowrap">
      <Link to={c.sortHref} className="underline" aria-label={`${c.label}, sort ${c.sortsTo}`}>
        {c.label}
      </Link>
      {c.sorted ? <span aria-hidden="true"> {SORT_ARROWS[c.sorted]}</span> : null}
    </th>
  );
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow">
      <table className="min-w-full divide-y divide-slate-200 text-sm [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_th]:px-3 [&_th]:py-2">
        <caption className="sr-only">Service measures by provider team, with the change from the previous period</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {header(nameSort)}
            {columns.map(header)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="text-left font-medium">
                <Link to={row.scorecardHref} className={textLinkClass}>
                  {row.name}
                </Link>
              </th>
              {row.cells.map((cell) => (
                <td key={cell.key}>
                  <Value cell={cell} />
                  <ChangeNote value={cell} compact className="block whitespace-nowrap text-xs" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 bg-slate-50">
          <tr>
            <th scope="row" className="text-left font-semibold">
              {totalLabel}
            </th>
            {total.map((cell) => (
              <td key={cell.key}>
                <Value cell={cell} />
                <ChangeNote value={cell} compact className="block whitespace-nowrap text-xs" />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
