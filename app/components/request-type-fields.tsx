// The fields of a request type, shared by "add a request type" and "edit request type". Targets
// are entered as a number and a unit (hours or days) and stored as minutes.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "~/utils/forms";
import { PRIORITIES, PRIORITY_LABELS } from "~/utils/request-number";
import { CheckboxField, FieldErrors, SelectField, TextAreaField, TextField } from "./ui/form-controls";

interface RequestTypeFieldSet {
  name: FieldMetadata<string>;
  description: FieldMetadata<string>;
  defaultPriority: FieldMetadata<string>;
  firstResponseTarget: FieldMetadata<unknown>;
  firstResponseUnit: FieldMetadata<string>;
  resolutionTarget: FieldMetadata<unknown>;
  resolutionUnit: FieldMetadata<string>;
  active: FieldMetadata<boolean>;
}

const controlClass =
  "block rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-[invalid=true]:border-red-700";

function TargetField({
  legend,
  hint,
  amount,
  unit,
}: {
  legend: string;
  hint: string;
  amount: FieldMetadata<unknown>;
  unit: FieldMetadata<string>;
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
            <option value="hours">hours</option>
            <option value="days">days</option>
          </select>
        </div>
      </div>
      <FieldErrors id={`${amount.id}-errors`} errors={amount.errors} />
    </fieldset>
  );
}

export function RequestTypeFields({ fields }: { fields: RequestTypeFieldSet }) {
  return (
    <>
      <TextField
        label="Name"
        hint="What people ask for, e.g. New laptop."
        {...getInputProps(fields.name, { type: "text" })}
        id={fields.name.id}
        autoComplete="off"
        errors={fields.name.errors}
      />
      <TextAreaField
        label="Description (optional)"
        hint="Shown when people choose a type: what it covers and what to include."
        {...getTextareaProps(fields.description)}
        id={fields.description.id}
        rows={3}
        errors={fields.description.errors}
      />
      <SelectField
        label="Default priority"
        {...getSelectProps(fields.defaultPriority)}
        id={fields.defaultPriority.id}
        errors={fields.defaultPriority.errors}
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </SelectField>
      <TargetField
        legend="First-response target"
        hint="How soon someone from the team answers or starts work."
        amount={fields.firstResponseTarget}
        unit={fields.firstResponseUnit}
      />
      <TargetField
        legend="Resolution target"
        hint="How soon the request is resolved. Calendar time, from when it was raised."
        amount={fields.resolutionTarget}
        unit={fields.resolutionUnit}
      />
      <CheckboxField
        label="Active"
        hint="Inactive types stay in the catalogue with their requests but can't be chosen for new ones."
        {...getInputProps(fields.active, { type: "checkbox" })}
        id={fields.active.id}
        errors={fields.active.errors}
      />
    </>
  );
}
