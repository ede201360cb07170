// A question answered with native radio buttons: a fieldset whose legend is the question, so
// arrow keys move within the group and Tab between groups; its error sits beside it.
import { FieldErrors } from "./form-controls";

interface Field {
  id: string;
  name: string;
  key?: string;
  errors?: string[];
  initialValue?: unknown;
}

/** One question answered with radio buttons: a fieldset whose legend is the question. */
export function RadioQuestion({
  field,
  legend,
  hint,
  options,
  compact = false,
}: {
  field: Field;
  legend: string;
  hint?: string;
  options: Array<{ value: string; label: string }>;
  compact?: boolean;
}) {
  const errorId = `${field.id}-errors`;
  const hintId = `${field.id}-hint`;
  const describedBy = [hint ? hintId : null, field.errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const current = field.initialValue === undefined || field.initialValue === null ? "" : String(field.initialValue);
  return (
    <fieldset aria-describedby={describedBy} className="space-y-2">
      <legend className={compact ? "text-sm font-medium text-slate-800" : "font-medium text-slate-900"}>{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={`grid gap-2 ${options.length > 2 ? "sm:grid-cols-3 lg:grid-cols-6" : "grid-cols-2 sm:max-w-xs"}`}>
        {options.map((o) => (
          <label
            key={`${field.key ?? ""}-${o.value}`}
            htmlFor={`${field.id}-${o.value || "none"}`}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              id={`${field.id}-${o.value || "none"}`}
              name={field.name}
              value={o.value}
              defaultChecked={current === o.value}
              // Radios take no aria-invalid; each one names the error so it is heard when the
              // group is reached by arrow keys, not only on entering the fieldset.
              aria-describedby={field.errors?.length ? errorId : undefined}
              className="h-4 w-4"
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} errors={field.errors} />
    </fieldset>
  );
}
