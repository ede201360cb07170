// The sections of the escalation-trend dashboard: the headline figures, rising themes, open
// escalations by age and level, and the team-by-category table. Every number links to the
// complaints behind it; each table can be downloaded as CSV with the view's filters.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ComparedValue } from "~/utils/service-measures";
import { formatChangePercent, levelLabel } from "~/utils/escalation-measures";
import { ChangeNote } from "./ui/change-note";
import { textLinkClass } from "./ui/page-header";

function Count({ href, value }: { href: string | null; value: number }) {
  return value > 0 && href ? (
    <Link to={href} className={textLinkClass}>
      {value.toLocaleString("en")}
    </Link>
  ) : (
    <>0</>
  );
}

export function Section({
  id,
  title,
  csvHref,
  children,
  note,
}: {
  id: string;
  title: string;
  csvHref?: string;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {csvHref ? (
          <a href={csvHref} className={`${textLinkClass} text-sm`} download aria-label={`Download CSV: ${title}`}>
            Download CSV
          </a>
        ) : null}
      </div>
      {note ? <p className="mb-2 text-sm text-slate-700">{note}</p> : null}
      {children}
    </section>
  );
}

interface Summary {
  heard: ComparedValue & { href: string };
  complaints: number;
  sightings: number;
  frontLine: ComparedValue & { numerator: number; denominator: number; href: string; populationHref: string };
  acknowledged: { count: number; median: ComparedValue; p90: ComparedValue; href: string };
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <li className="rounded-lg bg-white p-4 shadow">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      {children}
    </li>
  );
}

export function EscalationSummary({ summary }: { summary: Summary }) {
  const { heard, frontLine, acknowledged } = summary;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Card title="Heard volume">
        <p className="mt-1 text-2xl font-semibold">
          {heard.value ? (
            <Link to={heard.href} className={textLinkClass}>
              {heard.text}
            </Link>
          ) : (
            <span className="text-lg text-slate-700">Nothing heard</span>
          )}
        </p>
        <p className="text-sm text-slate-700">
          {summary.complaints.toLocaleString("en")} complaints and {summary.sightings.toLocaleString("en")} “heard it too”
        </p>
        <p className="mt-2 text-sm">
          <ChangeNote value={heard} />
        </p>
      </Card>
      <Card title="Front-line resolution">
        <p className="mt-1 text-2xl font-semibold">
          {frontLine.value === null ? (
            <span className="text-lg text-slate-700">{frontLine.text}</span>
          ) : (
            <Link to={frontLine.href} className={textLinkClass}>
              {frontLine.text}
            </Link>
          )}
        </p>
        {frontLine.denominator > 0 ? (
          <p className="text-sm text-slate-700">
            <Count href={frontLine.href} value={frontLine.numerator} /> of{" "}
            <Count href={frontLine.populationHref} value={frontLine.denominator} /> complaints resolved where they were heard
          </p>
        ) : null}
        <p className="mt-2 text-sm">
          <ChangeNote value={frontLine} />
        </p>
      </Card>
      <Card title="Time to acknowledge">
        {acknowledged.count === 0 ? (
          <p className="mt-1 text-lg text-slate-700">None acknowledged in this period</p>
        ) : (
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-sm text-slate-700">Median</dt>
            <dd className="font-semibold">
              {acknowledged.median.text} <ChangeNote value={acknowledged.median} className="block text-sm font-normal" />
            </dd>
            <dt className="text-sm text-slate-700">90th percentile</dt>
            <dd className="font-semibold">
              {acknowledged.p90.text} <ChangeNote value={acknowledged.p90} className="block text-sm font-normal" />
            </dd>
          </dl>
        )}
        <p className="mt-2 text-sm text-slate-700">
          Over <Count href={acknowledged.href} value={acknowledged.count} /> complaints acknowledged, from when they were forwarded
        </p>
      </Card>
    </ul>
  );
}

const tableClass = "min-w-full divide-y divide-slate-200 text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2";

export function RisingThemesTable({
  themes,
}: {
  themes: Array<{ themeId: string; name: string; current: number; previous: number; changePercent: number | null; href: string }>;
}) {
  if (!themes.length)
    return <p className="rounded-lg bg-white p-4 text-slate-700 shadow">No theme heard at least 5 times rose in this period.</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow">
      <table className={tableClass}>
        <caption className="sr-only">Rising themes: heard this period against the previous period</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col">Theme</th>
            <th scope="col">Heard this period</th>
            <th scope="col">Previous period</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {themes.map((t) => (
            <tr key={t.themeId}>
              <th scope="row" className="text-left font-medium">
                {t.name}
              </th>
              <td>
                <Count href={t.href} value={t.current} />
              </td>
              <td>{t.previous.toLocaleString("en")}</td>
              <td className="font-medium text-red-700">
                <span aria-hidden="true">▲ </span>
                {formatChangePercent(t.changePercent)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface OpenTable {
  levels: number[];
  total: number;
  totalHref: string;
  bands: Array<{
    key: string;
    label: string;
    total: number;
    href: string;
    cells: Array<{ level: number; count: number; href: string | null }>;
  }>;
  levelTotals: Array<{ level: number; count: number; href: string }>;
}

export function OpenEscalationsTable({ open }: { open: OpenTable }) {
  if (open.total === 0)
    return <p className="rounded-lg bg-white p-4 text-slate-700 shadow">No complaint is waiting for a manager to acknowledge it.</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow">
      <table className={tableClass}>
        <caption className="sr-only">Open escalations by how long they have waited and how far up they have gone</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col">Waiting</th>
            {open.levels.map((level) => (
              <th key={level} scope="col">
                {levelLabel(level)}
              </th>
            ))}
            <th scope="col">All levels</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {open.bands.map((band) => (
            <tr key={band.key}>
              <th scope="row" className="text-left font-medium">
                {band.label}
              </th>
              {band.cells.map((cell) => (
                <td key={cell.level}>
                  <Count href={cell.href} value={cell.count} />
                </td>
              ))}
              <td className="font-semibold">
                <Count href={band.href} value={band.total} />
              </td>
            </tr>
          ))}
          <tr className="bg-slate-50">
            <th scope="row" className="text-left font-semibold">
              All open
            </th>
            {open.levelTotals.map((cell) => (
              <td key={cell.level} className="font-semibold">
                <Count href={cell.href} value={cell.count} />
              </td>
            ))}
            <td className="font-semibold">
              <Count href={open.totalHref} value={open.total} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

// Shades of one hue, light to dark; the number is always printed (the colour only repeats it).
const SHADES = ["", "bg-sky-50", "bg-sky-100", "bg-sky-200", "bg-sky-300"];

export function HeatTable({
  heat,
}: {
  heat: {
    columns: Array<{ id: string; name: string }>;
    rows: Array<{
      team: { id: string; name: string };
      total: number;
      href: string;
      values: Array<{ categoryId: string; heard: number; shade: number; href: string | null }>;
    }>;
  };
}) {
  if (!heat.rows.length) return <p className="rounded-lg bg-white p-4 text-slate-700 shadow">Nothing heard in this period.</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow">
      <table className={tableClass}>
        <caption className="sr-only">Heard volume by routed team and category; darker cells heard more</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col">Team</th>
            {heat.columns.map((c) => (
              <th key={c.id} scope="col">
                {c.name}
              </th>
            ))}
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {heat.rows.map((row) => (
            <tr key={row.team.id}>
              <th scope="row" className="text-left font-medium">
                {row.team.name}
              </th>
              {row.values.map((v) => (
                <td key={v.categoryId} className={`text-slate-900 ${SHADES[v.shade]}`}>
                  <Count href={v.href} value={v.heard} />
                </td>
              ))}
              <td className="font-semibold">
                <Count href={row.href} value={row.total} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
