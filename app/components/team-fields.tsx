// The fields of a team, shared by "new team" and "edit team".
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "~/utils/forms";
import { ACK_TARGET_UNITS } from "~/validation/teams";
import { TeamTreeOptions } from "./team-tree-options";
import { CheckboxField, SelectField, TextAreaField, TextField } from "./ui/form-controls";
import { DurationField } from "./ui/duration-field";

interface TeamFieldSet {
  name: FieldMetadata<string>;
  slug: FieldMetadata<string | undefined>;
  description: FieldMetadata<string>;
  parentId: FieldMetadata<string | undefined>;
  acceptsRequests: FieldMetadata<boolean>;
  complaintAckTarget: FieldMetadata<number | undefined>;
  complaintAckTargetUnit: FieldMetadata<string>;
}

export function TeamFields({ fields, parents }: { fields: TeamFieldSet; parents: Array<{ id: string; name: string; depth: number }> }) {
  return (
    <>
      <TextField
        label="Name"
        {...getInputProps(fields.name, { type: "text" })}
        id={fields.name.id}
        autoComplete="off"
        errors={fields.name.errors}
      />
      <TextField
        label="Address (optional)"
        hint="Used in the team's link, e.g. customer-care. Made from the name when left empty."
        {...getInputProps(fields.slug, { type: "text" })}
        id={fields.slug.id}
        autoComplete="off"
        errors={fields.slug.errors}
      />
      <TextAreaField
        label="What the team does"
        {...getTextareaProps(fields.description)}
        id={fields.description.id}
        errors={fields.description.errors}
      />
      <SelectField
        label="Reports to"
        hint="Complaints this team doesn't acknowledge in time escalate to this team."
        {...getSelectProps(fields.parentId)}
        id={fields.parentId.id}
        errors={fields.parentId.errors}
      >
        <option value="">— Top of the organisation —</option>
        <TeamTreeOptions teams={parents} />
      </SelectField>
      <CheckboxField
        label="Takes requests from other teams"
        hint="Shown in the list of teams people can send requests to."
        {...getInputProps(fields.acceptsRequests, { type: "checkbox" })}
        id={fields.acceptsRequests.id}
        errors={fields.acceptsRequests.errors}
      />
      <DurationField
        legend="Complaint acknowledgement target"
        hint="A complaint routed here that no manager acknowledges within this time escalates to the team it reports to. From 1 minute to 30 days."
        amount={fields.complaintAckTarget}
        unit={fields.complaintAckTargetUnit}
        units={ACK_TARGET_UNITS}
      />
    </>
  );
}
