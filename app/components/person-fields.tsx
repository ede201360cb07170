// The fields of a person, shared by "add a person" and "edit person".
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps } from "~/utils/forms";
import { SelectField, TextField } from "./ui/form-controls";

interface PersonFieldSet {
  name: FieldMetadata<string>;
  email: FieldMetadata<string>;
  title: FieldMetadata<string>;
  role: FieldMetadata<"EMPLOYEE" | "ADMIN">;
}

export function PersonFields({ fields, roleLocked }: { fields: PersonFieldSet; roleLocked?: string }) {
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
        label="Email"
        {...getInputProps(fields.email, { type: "email" })}
        id={fields.email.id}
        autoComplete="off"
        errors={fields.email.errors}
      />
      <TextField
        label="Job title"
        {...getInputProps(fields.title, { type: "text" })}
        id={fields.title.id}
        autoComplete="off"
        errors={fields.title.errors}
      />
      <SelectField
        label="Access"
        hint={roleLocked ?? "Administrators manage people, teams and settings."}
        {...getSelectProps(fields.role)}
        id={fields.role.id}
        disabled={!!roleLocked}
        errors={fields.role.errors}
      >
        <option value="EMPLOYEE">Employee</option>
        <option value="ADMIN">Administrator</option>
      </SelectField>
    </>
  );
}
