// The pieces of a list's filters: a plain GET form (so it works without JavaScript and the result
// is a URL that can be bookmarked), labelled selects and inputs, and groups of checkboxes.
import { Form, Link } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { Button } from "./form-controls";
import { textLinkClass } from "./page-header";

const controlClass = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm";
const labelClass = "block text-sm font-medium text-slate-800";

export function FilterForm({
  headingId,
  formKey,
  clearHref,
  children,
}: {
  headingId: string;
  /** Changes with the URL, so the uncontrolled fields show the filters now applied. */
  formKey: string;
  clearHref: string;
  children: ReactNode;
}) {
  return (
    <Form key={formKey} method="get" role="search" aria-labelledby={headingId} className="rounded-lg bg-white p-4 shadow">
      <h2 id={headingId} className="mb-3 font-semibold">
        Filters
      </h2>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">{children}</div>
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

export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={controlClass}>
        {children}
      </select>
    </div>
  );
}

export function FilterInput({ label, className, id, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} {...input} className={controlClass} />
    </div>
  );
}

/** One checkbox per value, all under one name; ticked ones are sent. */
export function FilterCheckboxes<T extends string>({
  legend,
  hint,
  name,
  values,
  labels,
  checked,
  className,
}: {
  legend: string;
  hint?: string;
  name: string;
  values: readonly T[];
  labels: Record<T, string>;
  checked: readonly T[];
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className={labelClass}>{legend}</legend>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {values.map((value) => (
          <label key={value} className="inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name={name} value={value} defaultChecked={checked.includes(value)} className="h-4 w-4" />
            {labels[value]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
