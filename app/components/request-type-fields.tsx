// The fields of a request type, shared by "add a request type" and "edit request type". Targets
// are entered as a number and a unit (hours or days) and stored as minutes.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps } from "~/utils/forms";
import { DurationField } from "./ui/duration-field";
import { PRIORITIES, PRIORITY_LABELS } from "~/utils/request-number";
import { CheckboxField, SelectField } from "./ui/form-controls";
import { NameDescriptionFields } from "./ui/name-description-fields";

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

const TARGET_UNITS = ["hours", "days"] as const;

export function RequestTypeFields({ fields }: { fields: RequestTypeFieldSet }) {
  return (
    <>
      <NameDescriptionFields
        name={fields.name}
        description={fields.description}
        nameHint="What people ask for, e.g. New laptop."
        descriptionHint="Shown when people choose a type: what it covers and what to include."
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
      <DurationField
        legend="First-response target"
        hint="How soon someone from the team answers or starts work."
        amount={fields.firstResponseTarget}
        unit={fields.firstResponseUnit}
        units={TARGET_UNITS}
      />
      <DurationField
        legend="Resolution target"
        hint="How soon the request is resolved. Calendar time, from when it was raised."
        amount={fields.resolutionTarget}
        unit={fields.resolutionUnit}
        units={TARGET_UNITS}
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
