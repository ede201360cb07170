// A stacked bar chart drawn as plain SVG on the server (docs/decisions/010): one bar per period,
// one segment per key (category, channel, severity…). Each segment is a link to the items behind
// it. Eight colours at most, each at least 3:1 against white and parted by a white line; the
// rest are drawn together as "Other" (the table below still lists every key). Screen readers get
// a summary in the label; everyone can open the numbers as a table right below.
import { Link } from "@remix-run/react";
import { scaleBand, scaleLinear } from "d3-scale";
import { textLinkClass } from "./page-header";
import { ChartDataTable } from "./chart-data-table";

export interface StackSegment {
  key: string;
  label: string;
  value: number;
  href?: string;
}

export interface StackBar {
  key: string;
  /** Shown on the x axis and in the table. */
  label: string;
  total: number;
  href?: string;
  segments: StackSegment[];
}

// Literal class names, so Tailwind keeps them; colours by class because the CSP refuses inline styles.
const FILLS = [
  "fill-sky-700",
  "fill-amber-600",
  "fill-emerald-700",
  "fill-rose-700",
  "fill-violet-700",
  "fill-slate-900",
  "fill-pink-500",
  "fill-yellow-900",
];
const SWATCHES = [
  "bg-sky-700",
  "bg-amber-600",
  "bg-emerald-700",
  "bg-rose-700",
  "bg-violet-700",
  "bg-slate-900",
  "bg-pink-500",
  "bg-yellow-900",
];
const OTHER_FILL = "fill-slate-400";
const OTHER_SWATCH = "bg-slate-400";

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 16, bottom: 36, left: 48 };
const MAX_X_LABELS = 8;

function summarise(bars: StackBar[], valueLabel: string, keys: Array<{ label: string; total: number }>) {
  if (bars.length === 0) return `${valueLabel}: nothing to show.`;
  const totals = bars.map((b) => b.total);
  const biggest = keys
    .slice(0, 3)
    .map((k) => `${k.label} ${k.total}`)
    .join(", ");
  return `${bars.length} bars from ${bars[0]!.label} to ${bars[bars.length - 1]!.label}. ${valueLabel} per bar: ${Math.min(...totals)} to ${Math.max(...totals)}. Largest: ${biggest}.`;
}

function Value({ href, children }: { href?: string; children: number }) {
  return href && children > 0 ? (
    <Link to={href} className={textLinkClass}>
      {children.toLocaleString("en")}
    </Link>
  ) : (
    <>{children.toLocaleString("en")}</>
  );
}

export function StackedBarChart({ bars, valueLabel, periodLabel }: { bars: StackBar[]; valueLabel: string; periodLabel: string }) {
  // Keys by their total, largest first: the largest get their own colour.
  const totals = new Map<string, { key: string; label: string; total: number }>();
  for (const bar of bars)
    for (const s of bar.segments) {
      const entry = totals.get(s.key) ?? { key: s.key, label: s.label, total: 0 };
      entry.total += s.value;
      totals.set(s.key, entry);
    }
  const keys = [...totals.values()].sort((a, b) => b.total - a.total);
  const tooMany = keys.length > FILLS.length;
  const coloured = tooMany ? keys.slice(0, FILLS.length - 1) : keys;
  const colourOf = new Map(coloured.map((k, i) => [k.key, i]));

  const x = scaleBand<string>()
    .domain(bars.map((b) => b.key))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bars.map((b) => b.total))])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(4).filter(Number.isInteger);
  const labelEvery = Math.ceil(bars.length / MAX_X_LABELS);

  // Each bar's segments, bottom up: coloured keys in legend order, then "Other" as one block on top.
  const segments = bars.flatMap((bar) => {
    let top = 0;
    const ordered: StackSegment[] = [
      ...coloured.flatMap((k) => bar.segments.filter((s) => s.key === k.key)),
      ...(tooMany
        ? [{ key: "other", label: "Other", value: bar.segments.filter((s) => !colourOf.has(s.key)).reduce((n, s) => n + s.value, 0) }]
        : []),
    ];
    return ordered
      .filter((s) => s.value > 0)
      .map((s) => {
        const y0 = y(top);
        top += s.value;
        const index = colourOf.get(s.key);
        return {
          id: `${bar.key}-${s.key}`,
          x: x(bar.key),
          y: y(top),
          width: x.bandwidth(),
          height: y0 - y(top),
          fill: index === undefined ? OTHER_FILL : FILLS[index],
          title: `${bar.label}: ${s.label} ${s.value}`,
          href: s.href,
        };
      });
  });

  return (
    <figure>
      <figcaption className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {coloured.map((k, i) => (
          <span key={k.key} className="inline-flex items-center gap-2">
            <span aria-hidden="true" className={`inline-block h-3 w-3 ${SWATCHES[i]}`} /> {k.label}
          </span>
        ))}
        {tooMany ? (
          <span className="inline-flex items-center gap-2">
            <span aria-hidden="true" className={`inline-block h-3 w-3 ${OTHER_SWATCH}`} /> Other ({keys.length - coloured.length})
          </span>
        ) : null}
      </figcaption>
      {/* The links sit in a second, hidden SVG laid over the chart: a link inside the chart's
          role="img" would be an interactive control nested in an image. */}
      <div className="relative">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summarise(bars, valueLabel, keys)} className="block h-auto w-full">
          <g className="fill-slate-600 text-[11px]">
            {ticks.map((t) => (
              <g key={t}>
                <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
                <text x={MARGIN.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle">
                  {t}
                </text>
              </g>
            ))}
            {bars.map((b, i) =>
              i % labelEvery === 0 ? (
                <text key={`x-${b.key}`} x={(x(b.key) ?? 0) + x.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
                  {b.label.replace(/ \d{4}$/, "")}
                </text>
              ) : null,
            )}
          </g>
          {segments.map((s) => (
            <rect key={s.id} x={s.x} y={s.y} width={s.width} height={s.height} className={`${s.fill} stroke-white`} strokeWidth={1}>
              <title>{s.title}</title>
            </rect>
          ))}
        </svg>
        {/* Segments are links for pointer users; keyboard and screen-reader users have the same links in the table. */}
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" className="pointer-events-none absolute inset-0 h-full w-full">
          {segments.map((s) =>
            s.href ? (
              <a key={s.id} href={s.href} tabIndex={-1} className="pointer-events-auto">
                <rect x={s.x} y={s.y} width={s.width} height={s.height} className="fill-transparent">
                  <title>{s.title}</title>
                </rect>
              </a>
            ) : null,
          )}
        </svg>
      </div>
      <ChartDataTable
        caption={`${valueLabel} per ${periodLabel.toLowerCase()}`}
        headers={[periodLabel, valueLabel, ...keys.map((k) => k.label)]}
      >
        {bars.map((bar) => (
          <tr key={bar.key}>
            <th scope="row" className="text-left font-normal">
              {bar.label}
            </th>
            <td>
              <Value href={bar.href}>{bar.total}</Value>
            </td>
            {keys.map((k) => {
              const s = bar.segments.find((x) => x.key === k.key);
              return (
                <td key={k.key}>
                  <Value href={s?.href}>{s?.value ?? 0}</Value>
                </td>
              );
            })}
          </tr>
        ))}
      </ChartDataTable>
    </figure>
  );
}
