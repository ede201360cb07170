// The team queue's filters: a plain GET form, so it works without JavaScript and the result is
// a URL that can be bookmarked or saved as a view.
import { REQUEST_STATUSES, STATUS_LABELS } from "~/utils/request-lifecycle";
import { PRIORITIES, PRIORITY_LABELS } from "~/utils/request-number";
import { QUEUE_SORTS, SEARCH_MAX, SORT_LABELS, type QueueFilters } from "~/validation/queue-filters";
import { FilterCheckboxes, FilterForm, FilterInput, FilterSelect } from "./ui/filter-form";

interface Option {
  id: string;
  name: string;
  active: boolean;
}

export function QueueFilterForm({
  filters,
  types,
  people,
  clearHref,
  formKey,
}: {
  filters: QueueFilters;
  types: Option[];
  people: Option[];
  clearHref: string;
  /** Changes with the URL, so the uncontrolled fields show the filters now applied. */
  formKey: string;
}) {
  return (
    <FilterForm headingId="queue-filters-heading" formKey={formKey} clearHref={clearHref}>
      <FilterInput
        id="queue-q"
        label="Search titles and descriptions"
        className="lg:col-span-2"
        name="q"
        type="search"
        defaultValue={filters.q}
        maxLength={SEARCH_MAX}
      />
      <FilterSelect id="queue-assignee" name="assignee" label="Assignee" defaultValue={filters.assignee === "any" ? "" : filters.assignee}>
        <option value="">Anyone</option>
        <option value="me">Me</option>
        <option value="unassigned">Unassigned</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.active ? "" : " (deactivated)"}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="queue-type" name="type" label="Request type" defaultValue={filters.typeId ?? ""}>
        <option value="">Any type</option>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
            {t.active ? "" : " (no longer offered)"}
          </option>
        ))}
      </FilterSelect>
      <FilterCheckboxes
        legend="Status"
        hint="Tick none to see the open ones."
        className="lg:col-span-2"
        name="status"
        values={REQUEST_STATUSES}
        labels={STATUS_LABELS}
        checked={filters.statuses}
      />
      <FilterCheckboxes legend="Priority" name="priority" values={PRIORITIES} labels={PRIORITY_LABELS} checked={filters.priorities} />
      <div className="space-y-3">
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="h-4 w-4" />
          Overdue only
        </label>
        <FilterSelect id="queue-sort" name="sort" label="Sort" defaultValue={filters.sort}>
          {QUEUE_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </FilterSelect>
      </div>
    </FilterForm>
  );
}
