// The fields of a team, shared by "new team" and "edit team".
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "~/utils/forms";
import { ACK_TARGET_HOURS_MAX, ACK_TARGET_HOURS_MIN } from "~/validation/teams";
import { TeamTreeOptions } from "./team-tree-options";
import { CheckboxField, SelectField, TextAreaField, TextField } from "./ui/form-controls";

interface TeamFieldSet {
  name: FieldMetadata<string>;
  slug: FieldMetadata<string | undefined>;
  description: FieldMetadata<string>;
  parentId: FieldMetadata<string | undefined>;
  acceptsRequests: FieldMetadata<boolean>;
  complaintAckTargetHours: FieldMetadata<number>;
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
      <TextField
        label="Complaint acknowledgement target (hours)"
        hint="A complaint routed here that no manager acknowledges within this time escalates to the team it reports to."
        {...getInputProps(fields.complaintAckTargetHours, { type: "number" })}
        id={fields.complaintAckTargetHours.id}
        min={ACK_TARGET_HOURS_MIN}
        max={ACK_TARGET_HOURS_MAX}
        step={1}
        inputMode="numeric"
        errors={fields.complaintAckTargetHours.errors}
      />
    </>
  );
}
