// The dashboards' filters: a plain GET form, so it works without JavaScript and the view is a
// URL to bookmark or share. A value the page could not use is reported beside its field (the
// dates as typed are kept) while the page shows the default for it.
import { FilterForm } from "./ui/filter-form";
import { SelectField } from "./ui/form-controls";
import { PeriodFields } from "./period-fields";
import { TeamTreeOptions } from "./team-tree-options";
import { COMPLAINT_CHANNELS, CHANNEL_LABELS, SEVERITIES, SEVERITY_LABELS } from "~/utils/complaint-rules";

export interface DashboardFilterValues {
  period: string;
  from: string;
  to: string;
  team: string;
  category: string;
  channel: string;
  severity: string;
  theme: string;
  type: string;
  stack: string;
}

export interface DashboardFilterChoices {
  teams: Array<{ id: string; slug: string; name: string; depth: number }>;
  categories: Array<{ id: string; name: string }>;
  themes: Array<{ id: string; name: string }>;
  types: Array<{ id: string; name: string; teamName: string }> | null;
}

type Field = "team" | "category" | "channel" | "severity" | "theme" | "type" | "stack";

export function DashboardFilterForm({
  idPrefix,
  values,
  errors,
  choices,
  fields,
  today,
  clearHref,
  stacks,
}: {
  idPrefix: string;
  /** What the URL asked for. */
  values: DashboardFilterValues;
  errors: Partial<Record<"period" | "from" | "to" | Field, string>>;
  choices: DashboardFilterChoices;
  /** Which filters this dashboard offers besides the period. */
  fields: Field[];
  today: string;
  clearHref: string;
  stacks?: Array<{ value: string; label: string }>;
}) {
  const list = (message?: string) => (message ? [message] : null);
  const id = (name: string) => `${idPrefix}-${name}`;
  const has = (f: Field) => fields.includes(f);
  return (
    <FilterForm headingId={id("filters")} formKey={Object.values(values).join("|")} clearHref={clearHref}>
      <PeriodFields idPrefix={idPrefix} values={values} errors={errors} today={today} />
      <SelectField id={id("team")} name="team" label="Team and the teams below it" defaultValue={values.team} errors={list(errors.team)}>
        <option value="">All my teams</option>
        <TeamTreeOptions teams={choices.teams.map((t) => ({ id: t.slug, name: t.name, depth: t.depth }))} />
      </SelectField>
      {has("type") ? (
        <SelectField id={id("type")} name="type" label="Request type" defaultValue={values.type} errors={list(errors.type)}>
          <option value="">All types</option>
          {(choices.types ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.teamName}: {t.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {has("category") ? (
        <SelectField id={id("category")} name="category" label="Category" defaultValue={values.category} errors={list(errors.category)}>
          <option value="">All categories</option>
          {choices.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {has("channel") ? (
        <SelectField id={id("channel")} name="channel" label="Channel" defaultValue={values.channel} errors={list(errors.channel)}>
          <option value="">All channels</option>
          {COMPLAINT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
      ) : null}
      {has("severity") ? (
        <SelectField id={id("severity")} name="severity" label="Severity" defaultValue={values.severity} errors={list(errors.severity)}>
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </SelectField>
      ) : null}
      {has("theme") ? (
        <SelectField id={id("theme")} name="theme" label="Theme" defaultValue={values.theme} errors={list(errors.theme)}>
          <option value="">All themes</option>
          {choices.themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {has("stack") && stacks ? (
        <SelectField id={id("stack")} name="stack" label="Split the chart by" defaultValue={values.stack}>
          {stacks.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
      ) : null}
    </FilterForm>
  );
}

/** The form's values from the URL: exactly what was asked for, so a refused value stays visible in its error. */
export function filterValuesFrom(url: URL, defaults: { period: string; stack?: string }): DashboardFilterValues {
  const get = (name: string, fallback = "") => url.searchParams.get(name) ?? fallback;
  return {
    period: get("period", defaults.period),
    from: get("from"),
    to: get("to"),
    team: get("team"),
    category: get("category"),
    channel: get("channel"),
    severity: get("severity"),
    theme: get("theme"),
    type: get("type"),
    stack: get("stack", defaults.stack ?? ""),
  };
}
