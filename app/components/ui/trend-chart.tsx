// A bar-and-line chart drawn as plain SVG on the server (docs/decisions/010): bars for a count per
// period (left axis), a line for a percentage (right axis, 0–100%) with gaps where there is no
// value. d3-scale and d3-shape only do the arithmetic (scales, ticks, the path); colours come from
// classes because the content security policy refuses inline styles. Screen readers get a summary
// in the label, and everyone can open the same numbers as a table right below.
import { Link } from "@remix-run/react";
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { textLinkClass } from "./page-header";
import { ChartDataTable } from "./chart-data-table";

export interface TrendPoint {
  key: string;
  /** Shown on the x axis and in the table. */
  label: string;
  bar: number;
  barHref?: string;
  /** Percentage, or null for "no value" (a gap in the line, never a fall to 0). */
  line: number | null;
  lineText: string;
  lineHref?: string;
  /** How many things the percentage is of (e.g. ratings), shown in the table. */
  lineBase: number;
  lineBaseHref?: string;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 48, bottom: 36, left: 44 };
const MAX_X_LABELS = 8;

function summarise(points: TrendPoint[], barLabel: string, lineLabel: string) {
  if (points.length === 0) return `${barLabel} and ${lineLabel}: no weeks to show.`;
  const bars = points.map((p) => p.bar);
  const values = points.flatMap((p) => (p.line === null ? [] : [p.line]));
  const range = (xs: number[], unit = "") =>
    Math.min(...xs) === Math.max(...xs)
      ? `${Math.round(Math.min(...xs))}${unit}`
      : `${Math.round(Math.min(...xs))}${unit} to ${Math.round(Math.max(...xs))}${unit}`;
  const lineText = values.length
    ? `${lineLabel} ${range(values, "%")} in the ${values.length} of ${points.length} weeks with a value.`
    : `No ${lineLabel} values in these weeks.`;
  return `${points.length} weeks from ${points[0]!.label} to ${points[points.length - 1]!.label}. ${barLabel} per week: ${range(bars)}. ${lineText}`;
}

function Value({ href, children }: { href?: string; children: string | number }) {
  return href ? (
    <Link to={href} className={textLinkClass}>
      {children}
    </Link>
  ) : (
    <>{children}</>
  );
}

export function TrendChart({
  points,
  barLabel,
  lineLabel,
  lineBaseLabel,
  periodLabel,
  gapNote,
}: {
  points: TrendPoint[];
  barLabel: string;
  lineLabel: string;
  lineBaseLabel: string;
  /** "Week of" or similar, the table's first column. */
  periodLabel: string;
  /** What a gap in the line means, e.g. "no line where a week had no ratings". */
  gapNote: string;
}) {
  const x = scaleBand<string>()
    .domain(points.map((p) => p.key))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const yBar = scaleLinear()
    .domain([0, Math.max(1, ...points.map((p) => p.bar))])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const yLine = scaleLinear()
    .domain([0, 100])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const centre = (p: TrendPoint) => (x(p.key) ?? 0) + x.bandwidth() / 2;
  const path = line<TrendPoint>()
    .defined((p) => p.line !== null)
    .x(centre)
    .y((p) => yLine(p.line ?? 0))(points);
  const barTicks = yBar.ticks(4).filter(Number.isInteger);
  const labelEvery = Math.ceil(points.length / MAX_X_LABELS);

  return (
    <figure>
      <figcaption className="mb-2 flex flex-wrap gap-4 text-sm text-slate-700">
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-3 bg-slate-500" /> {barLabel} (left axis)
        </span>
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-1 w-4 bg-brand-700" /> {lineLabel} (right axis; {gapNote})
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summarise(points, barLabel, lineLabel)} className="h-auto w-full">
        <g className="fill-slate-600 text-[11px]">
          {barTicks.map((t) => (
            <g key={`bar-${t}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yBar(t)} y2={yBar(t)} className="stroke-slate-200" />
              <text x={MARGIN.left - 6} y={yBar(t)} textAnchor="end" dominantBaseline="middle">
                {t}
              </text>
            </g>
          ))}
          {[0, 50, 100].map((t) => (
            <text key={`line-${t}`} x={WIDTH - MARGIN.right + 6} y={yLine(t)} dominantBaseline="middle">
              {t}%
            </text>
          ))}
          {points.map((p, i) =>
            i % labelEvery === 0 ? (
              <text key={`x-${p.key}`} x={centre(p)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
                {p.label.replace(/ \d{4}$/, "")}
              </text>
            ) : null,
          )}
        </g>
        <g className="fill-slate-500">
          {points.map((p) => (
            <rect key={p.key} x={x(p.key)} y={yBar(p.bar)} width={x.bandwidth()} height={yBar(0) - yBar(p.bar)} />
          ))}
        </g>
        {path ? <path d={path} fill="none" strokeWidth={2.5} className="stroke-brand-700" /> : null}
        <g className="fill-brand-700">
          {points.map((p) => (p.line === null ? null : <circle key={p.key} cx={centre(p)} cy={yLine(p.line)} r={3.5} />))}
        </g>
      </svg>
      <ChartDataTable
        caption={`${barLabel} and ${lineLabel}, ${periodLabel.toLowerCase()}`}
        headers={[periodLabel, barLabel, lineBaseLabel, lineLabel]}
      >
        {points.map((p) => (
          <tr key={p.key}>
            <th scope="row" className="text-left font-normal">
              {p.label}
            </th>
            <td>
              <Value href={p.barHref}>{p.bar}</Value>
            </td>
            <td>
              <Value href={p.lineBaseHref}>{p.lineBase}</Value>
            </td>
            <td>{p.line === null ? p.lineText : <Value href={p.lineHref}>{p.lineText}</Value>}</td>
          </tr>
        ))}
      </ChartDataTable>
    </figure>
  );
}
