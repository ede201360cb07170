// The manager inbox's filters: a plain GET form, so it works without JavaScript and the result is
// a URL that can be bookmarked.
import {
  CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_STATUS_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
} from "~/utils/complaint-rules";
import type { InboxFilters } from "~/validation/complaint-inbox";
import { FilterCheckboxes, FilterForm, FilterInput, FilterSelect } from "./ui/filter-form";

interface Choice {
  id: string;
  name: string;
  active?: boolean;
}

function ChoiceSelect({
  id,
  name,
  label,
  value,
  any,
  choices,
}: {
  id: string;
  name: string;
  label: string;
  value: string | null;
  any: string;
  choices: Choice[];
}) {
  return (
    <FilterSelect id={id} name={name} label={label} defaultValue={value ?? ""}>
      <option value="">{any}</option>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
          {c.active === false ? " (no longer used)" : ""}
        </option>
      ))}
    </FilterSelect>
  );
}

export function ComplaintInboxFilterForm({
  filters,
  options,
  formKey,
}: {
  filters: InboxFilters;
  options: { categories: Choice[]; themes: Choice[]; teams: Choice[] };
  /** Changes with the URL, so the uncontrolled fields show the filters now applied. */
  formKey: string;
}) {
  return (
    <FilterForm headingId="inbox-filters-heading" formKey={formKey} clearHref="/complaints/inbox">
      <FilterSelect id="inbox-status" name="status" label="Status" defaultValue={filters.status}>
        <option value="open">Open (not closed)</option>
        {COMPLAINT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {COMPLAINT_STATUS_LABELS[s]}
          </option>
        ))}
        <option value="all">All</option>
      </FilterSelect>
      <ChoiceSelect
        id="inbox-team"
        name="team"
        label="Team (and the teams below it)"
        value={filters.teamId}
        any="All my teams"
        choices={options.teams}
      />
      <ChoiceSelect
        id="inbox-category"
        name="category"
        label="Category"
        value={filters.categoryId}
        any="Any category"
        choices={options.categories}
      />
      <ChoiceSelect id="inbox-theme" name="theme" label="Theme" value={filters.themeId} any="Any theme" choices={options.themes} />
      <FilterSelect id="inbox-channel" name="channel" label="Channel" defaultValue={filters.channel ?? ""}>
        <option value="">Any channel</option>
        {COMPLAINT_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </FilterSelect>
      <FilterCheckboxes legend="Severity" name="severity" values={SEVERITIES} labels={SEVERITY_LABELS} checked={filters.severities} />
      <FilterInput id="inbox-from" label="Logged from" name="from" type="date" defaultValue={filters.from ?? ""} />
      <FilterInput id="inbox-to" label="Logged to" name="to" type="date" defaultValue={filters.to ?? ""} />
    </FilterForm>
  );
}
