// The manager inbox's filters: a plain GET form, so it works without JavaScript and the result is
// a URL that can be bookmarked.
import { Form, Link } from "@remix-run/react";
import {
  CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_STATUS_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
} from "~/utils/complaint-rules";
import type { InboxFilters } from "~/validation/complaint-inbox";
import { Button } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

interface Choice {
  id: string;
  name: string;
  active?: boolean;
}

const controlClass = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm";
const labelClass = "block text-sm font-medium text-slate-800";

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
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={controlClass}>
        <option value="">{any}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.active === false ? " (no longer used)" : ""}
          </option>
        ))}
      </select>
    </div>
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
    <Form key={formKey} method="get" role="search" aria-labelledby="inbox-filters-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="inbox-filters-heading" className="mb-3 font-semibold">
        Filters
      </h2>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="inbox-status" className={labelClass}>
            Status
          </label>
          <select id="inbox-status" name="status" defaultValue={filters.status} className={controlClass}>
            <option value="open">Open (not closed)</option>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {COMPLAINT_STATUS_LABELS[s]}
              </option>
            ))}
            <option value="all">All</option>
          </select>
        </div>
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
        <div>
          <label htmlFor="inbox-channel" className={labelClass}>
            Channel
          </label>
          <select id="inbox-channel" name="channel" defaultValue={filters.channel ?? ""} className={controlClass}>
            <option value="">Any channel</option>
            {COMPLAINT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className={labelClass}>Severity</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {SEVERITIES.map((s) => (
              <label key={s} className="inline-flex items-center gap-1 text-sm">
                <input type="checkbox" name="severity" value={s} defaultChecked={filters.severities.includes(s)} className="h-4 w-4" />
                {SEVERITY_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="inbox-from" className={labelClass}>
            Logged from
          </label>
          <input id="inbox-from" name="from" type="date" defaultValue={filters.from ?? ""} className={controlClass} />
        </div>
        <div>
          <label htmlFor="inbox-to" className={labelClass}>
            Logged to
          </label>
          <input id="inbox-to" name="to" type="date" defaultValue={filters.to ?? ""} className={controlClass} />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Link to="/complaints/inbox" className={textLinkClass}>
          Clear filters
        </Link>
      </div>
    </Form>
  );
}
