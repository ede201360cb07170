// The team queue's filters: a plain GET form, so it works without JavaScript and the result is
// a URL that can be bookmarked or saved as a view.
import { Form, Link } from "@remix-run/react";
import { REQUEST_STATUSES, STATUS_LABELS } from "~/utils/request-lifecycle";
import { PRIORITIES, PRIORITY_LABELS } from "~/utils/request-number";
import { QUEUE_SORTS, SEARCH_MAX, SORT_LABELS, type QueueFilters } from "~/validation/queue-filters";
import { Button } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

interface Option {
  id: string;
  name: string;
  active: boolean;
}

const controlClass = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm";
const labelClass = "block text-sm font-medium text-slate-800";

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
    <Form key={formKey} method="get" role="search" aria-labelledby="queue-filters-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="queue-filters-heading" className="mb-3 font-semibold">
        Filters
      </h2>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
        <div className="lg:col-span-2">
          <label htmlFor="queue-q" className={labelClass}>
            Search titles and descriptions
          </label>
          <input id="queue-q" name="q" type="search" defaultValue={filters.q} maxLength={SEARCH_MAX} className={controlClass} />
        </div>
        <div>
          <label htmlFor="queue-assignee" className={labelClass}>
            Assignee
          </label>
          <select
            id="queue-assignee"
            name="assignee"
            defaultValue={filters.assignee === "any" ? "" : filters.assignee}
            className={controlClass}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.active ? "" : " (deactivated)"}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-type" className={labelClass}>
            Request type
          </label>
          <select id="queue-type" name="type" defaultValue={filters.typeId ?? ""} className={controlClass}>
            <option value="">Any type</option>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.active ? "" : " (no longer offered)"}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="lg:col-span-2">
          <legend className={labelClass}>Status</legend>
          <p className="text-sm text-slate-600">Tick none to see the open ones.</p>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {REQUEST_STATUSES.map((s) => (
              <label key={s} className="inline-flex items-center gap-1 text-sm">
                <input type="checkbox" name="status" value={s} defaultChecked={filters.statuses.includes(s)} className="h-4 w-4" />
                {STATUS_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={labelClass}>Priority</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {PRIORITIES.map((p) => (
              <label key={p} className="inline-flex items-center gap-1 text-sm">
                <input type="checkbox" name="priority" value={p} defaultChecked={filters.priorities.includes(p)} className="h-4 w-4" />
                {PRIORITY_LABELS[p]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="space-y-3">
          <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="h-4 w-4" />
            Overdue only
          </label>
          <div>
            <label htmlFor="queue-sort" className={labelClass}>
              Sort
            </label>
            <select id="queue-sort" name="sort" defaultValue={filters.sort} className={controlClass}>
              {QUEUE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Link to={clearHref} className={textLinkClass}>
          Clear filters
        </Link>
      </div>
    </Form>
  );
}
