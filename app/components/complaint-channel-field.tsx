// "Heard by": where the customer said it. The same choice on the log form and on "Heard it too".
import type { FieldMetadata } from "@conform-to/react";
import { getSelectProps } from "~/utils/forms";
import { CHANNEL_LABELS, COMPLAINT_CHANNELS, type ComplaintChannel } from "~/utils/complaint-rules";
import { SelectField } from "./ui/form-controls";

export function ComplaintChannelField({ field }: { field: FieldMetadata<ComplaintChannel> }) {
  return (
    <SelectField label="Heard by" {...getSelectProps(field)} id={field.id} errors={field.errors}>
      {COMPLAINT_CHANNELS.map((c) => (
        <option key={c} value={c}>
          {CHANNEL_LABELS[c]}
        </option>
      ))}
    </SelectField>
  );
}
