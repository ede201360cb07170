// The average score (1–5) of each of the seven expectations in the period's first ratings, next
// to the previous period's. Expectations are optional on the rating form, so each row says how
// many people scored it.
import { Link } from "@remix-run/react";
import type { ComparedValue } from "~/utils/service-measures";
import { DataTable } from "./ui/data-table";
import { textLinkClass } from "./ui/page-header";

export interface DimensionRow extends ComparedValue {
  key: string;
  label: string;
  count: number;
  link: string;
}

export function ScorecardDimensions({ rows }: { rows: DimensionRow[] }) {
  return (
    <DataTable
      caption="Average score of each expectation"
      columns={["Expectation", "Average (1–5)", "Scored by", "Previous period", "Change"]}
    >
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row" className="px-4 py-2 text-left font-normal">
            {row.label}
          </th>
          <td className="px-4 py-2">
            {row.value === null ? (
              row.text
            ) : (
              <Link to={row.link} className={textLinkClass}>
                {row.text}
              </Link>
            )}
          </td>
          <td className="px-4 py-2">
            {row.count === 0 ? (
              "Nobody"
            ) : (
              <Link to={row.link} className={textLinkClass}>
                {row.count} {row.count === 1 ? "rating" : "ratings"}
              </Link>
            )}
          </td>
          <td className="px-4 py-2">{row.previousText}</td>
          <td className="px-4 py-2">{row.change ? row.change.words : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
