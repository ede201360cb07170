// The escalation-trend measures (DESIGN.md, Measures; issue 6), computed from counts the
// database adds up: heard volume = complaints + their sightings; front-line resolution % =
// complaints resolved at the front line ÷ complaints; time to acknowledge = acknowledged −
// escalated (median and 90th percentile); rising themes = a theme's heard volume this period
// against the previous equal period, for themes heard at least 5 times this period; open
// escalations (forwarded, not yet acknowledged) by how long they have waited and how far up the
// hierarchy they have gone.
import { COMPLAINT_CHANNELS, CHANNEL_LABELS, SEVERITIES, SEVERITY_LABELS } from "./complaint-rules";
import { percent } from "./service-measures";

export const STACKS = ["category", "channel", "severity"] as const;
export type Stack = (typeof STACKS)[number];
export const STACK_LABELS: Record<Stack, string> = { category: "Category", channel: "Channel", severity: "Severity" };

export function isStack(text: string | null): text is Stack {
  return (STACKS as readonly string[]).includes(text ?? "");
}

export const RISING_MINIMUM = 5;

export const AGE_BANDS = [
  { key: "under1", label: "Under 1 day", fromHours: 0, toHours: 24 },
  { key: "1to3", label: "1–3 days", fromHours: 24, toHours: 72 },
  { key: "3to7", label: "3–7 days", fromHours: 72, toHours: 168 },
  { key: "over7", label: "Over 7 days", fromHours: 168, toHours: null },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]["key"];

export function isAgeBand(text: string | null): text is AgeBand {
  return AGE_BANDS.some((b) => b.key === text);
}

/** Which band a wait of `hours` falls in (each band includes its start, excludes its end). */
export function ageBand(hours: number): AgeBand {
  return AGE_BANDS.find((b) => hours >= b.fromHours && (b.toHours === null || hours < b.toHours))?.key ?? "under1";
}

/** How far up the hierarchy a complaint has gone, in words. */
export function levelLabel(level: number) {
  if (level === 0) return "At the routed team";
  return level === 1 ? "1 level up" : `${level} levels up`;
}

export interface HeardTotals {
  complaints: number;
  sightings: number;
  frontLine: number;
}

export function heardVolume(t: HeardTotals) {
  return t.complaints + t.sightings;
}

/** Front-line resolution %, or null when nothing was logged. */
export function frontLinePercent(t: HeardTotals) {
  return percent({ numerator: t.frontLine, denominator: t.complaints });
}

export interface ThemeCount {
  themeId: string;
  name: string;
  current: number;
  previous: number;
}

export interface RisingTheme extends ThemeCount {
  /** Change in % against the previous period; null when the theme was not heard then (new). */
  changePercent: number | null;
}

/**
 * Themes heard at least `minimum` times this period and more often than in the previous one:
 * new themes first, then by the size of the rise, then by volume and name.
 */
export function risingThemes(counts: ThemeCount[], minimum = RISING_MINIMUM): RisingTheme[] {
  return counts
    .filter((t) => t.current >= minimum && t.current > t.previous)
    .map((t) => ({ ...t, changePercent: t.previous > 0 ? ((t.current - t.previous) / t.previous) * 100 : null }))
    .sort(
      (a, b) =>
        (a.changePercent === null ? -1 : 0) - (b.changePercent === null ? -1 : 0) ||
        (b.changePercent ?? 0) - (a.changePercent ?? 0) ||
        b.current - a.current ||
        a.name.localeCompare(b.name, "en"),
    );
}

export function formatChangePercent(change: number | null) {
  if (change === null) return "new";
  return `+${Math.round(change).toLocaleString("en")}%`;
}

/** The keys of a stack in the order shown, with labels: categories by name, the rest as listed. */
export function stackKeys(stack: Stack, categories: Array<{ id: string; name: string }>): Array<{ key: string; label: string }> {
  if (stack === "category") return categories.map((c) => ({ key: c.id, label: c.name }));
  if (stack === "channel") return COMPLAINT_CHANNELS.map((c) => ({ key: c, label: CHANNEL_LABELS[c] }));
  return [...SEVERITIES].reverse().map((s) => ({ key: s, label: SEVERITY_LABELS[s] }));
}

export interface WeekStackRow {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  key: string;
  heard: number;
}

/**
 * One entry per week from the week of `from` to the week of `to` (weeks with nothing heard
 * included, at zero), each with a count per stack key that was heard in the period at all.
 */
export function weeklyStacks(rows: WeekStackRow[], from: string, to: string, keys: Array<{ key: string; label: string }>) {
  const present = new Set(rows.filter((r) => r.heard > 0).map((r) => r.key));
  const shown = keys.filter((k) => present.has(k.key));
  const byWeek = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const week = byWeek.get(r.week) ?? new Map<string, number>();
    week.set(r.key, (week.get(r.key) ?? 0) + r.heard);
    byWeek.set(r.week, week);
  }
  const monday = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d;
  };
  const weeks: Array<{ week: string; total: number; segments: Array<{ key: string; label: string; heard: number }> }> = [];
  const end = monday(to);
  for (const d = monday(from); d <= end; d.setUTCDate(d.getUTCDate() + 7)) {
    const week = d.toISOString().slice(0, 10);
    const counts = byWeek.get(week);
    const segments = shown.map((k) => ({ key: k.key, label: k.label, heard: counts?.get(k.key) ?? 0 }));
    weeks.push({ week, total: segments.reduce((sum, s) => sum + s.heard, 0), segments });
  }
  return { keys: shown, weeks };
}

export interface HeatCell {
  teamId: string;
  categoryId: string;
  heard: number;
}

/**
 * The team-by-category table: rows are teams and columns categories that heard anything, with a
 * shade 0–4 for each cell relative to the busiest one (0: nothing heard).
 */
export function heatTable<T extends { id: string }, C extends { id: string }>(cells: HeatCell[], teams: T[], categories: C[]) {
  const max = Math.max(0, ...cells.map((c) => c.heard));
  const get = new Map(cells.map((c) => [`${c.teamId} ${c.categoryId}`, c.heard]));
  const rowIds = new Set(cells.filter((c) => c.heard > 0).map((c) => c.teamId));
  const columnIds = new Set(cells.filter((c) => c.heard > 0).map((c) => c.categoryId));
  const columns = categories.filter((c) => columnIds.has(c.id));
  const rows = teams
    .filter((t) => rowIds.has(t.id))
    .map((team) => {
      const values = columns.map((category) => {
        const heard = get.get(`${team.id} ${category.id}`) ?? 0;
        return { category, heard, shade: heard === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((heard / max) * 4)) };
      });
      return { team, values, total: values.reduce((sum, v) => sum + v.heard, 0) };
    });
  return { columns, rows, max };
}
