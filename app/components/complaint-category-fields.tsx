// The fields of a complaint category, shared by "new category" and "edit category".
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps } from "~/utils/forms";
import { TeamTreeOptions } from "./team-tree-options";
import { CheckboxField, SelectField } from "./ui/form-controls";
import { NameDescriptionFields } from "./ui/name-description-fields";

interface ComplaintCategoryFieldSet {
  name: FieldMetadata<string>;
  description: FieldMetadata<string>;
  ownerTeamId: FieldMetadata<string>;
  active: FieldMetadata<boolean>;
}

export function ComplaintCategoryFields({
  fields,
  teams,
}: {
  fields: ComplaintCategoryFieldSet;
  teams: Array<{ id: string; name: string; depth: number }>;
}) {
  return (
    <>
      <NameDescriptionFields
        name={fields.name}
        description={fields.description}
        nameHint="As reps see it in the list when they log a complaint, e.g. Billing & refunds."
        descriptionHint="What belongs here, to help reps choose."
      />
      <SelectField
        label="Owning team"
        hint="Complaints in this category are routed to this team's managers."
        {...getSelectProps(fields.ownerTeamId)}
        id={fields.ownerTeamId.id}
        errors={fields.ownerTeamId.errors}
      >
        <option value="">— Choose a team —</option>
        <TeamTreeOptions teams={teams} />
      </SelectField>
      <CheckboxField
        label="Active"
        hint="Inactive categories are no longer offered when logging a complaint; their complaints keep their history."
        {...getInputProps(fields.active, { type: "checkbox" })}
        id={fields.active.id}
        errors={fields.active.errors}
      />
    </>
  );
}
