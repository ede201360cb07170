// The name and optional description that catalogue-like records share (request types, complaint
// categories), each with its own hint.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getTextareaProps } from "~/utils/forms";
import { TextAreaField, TextField } from "./form-controls";

export function NameDescriptionFields({
  name,
  description,
  nameHint,
  descriptionHint,
}: {
  name: FieldMetadata<string>;
  description: FieldMetadata<string>;
  nameHint: string;
  descriptionHint: string;
}) {
  return (
    <>
      <TextField
        label="Name"
        hint={nameHint}
        {...getInputProps(name, { type: "text" })}
        id={name.id}
        autoComplete="off"
        errors={name.errors}
      />
      <TextAreaField
        label="Description (optional)"
        hint={descriptionHint}
        {...getTextareaProps(description)}
        id={description.id}
        rows={3}
        errors={description.errors}
      />
    </>
  );
}
