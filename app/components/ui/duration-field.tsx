// A length of time entered as an amount and a unit (e.g. 4 hours), stored as minutes by the
// action. Shared by the catalogue's targets and a team's complaint acknowledgement target.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps } from "~/utils/forms";
import type { DurationUnit } from "~/validation/durations";
import { FieldErrors } from "./form-controls";

const controlClass =
  "block rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-[invalid=true]:border-red-700";

export function DurationField({
  legend,
  hint,
  amount,
  unit,
  units,
}: {
  legend: string;
  hint: string;
  amount: FieldMetadata<unknown>;
  unit: FieldMetadata<string>;
  units: readonly DurationUnit[];
}) {
  const invalid = amount.errors?.length ? true : undefined;
  const describedBy = [`${amount.id}-hint`, invalid ? `${amount.id}-errors` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p id={`${amount.id}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={amount.id} className="block text-sm text-slate-700">
            Amount
          </label>
          <input
            {...getInputProps(amount, { type: "number" })}
            id={amount.id}
            min="0"
            step="any"
            inputMode="decimal"
            className={`${controlClass} w-28`}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        </div>
        <div>
          <label htmlFor={unit.id} className="block text-sm text-slate-700">
            Unit
          </label>
          <select {...getSelectProps(unit)} id={unit.id} className={controlClass}>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FieldErrors id={`${amount.id}-errors`} errors={amount.errors} />
    </fieldset>
  );
}
