// "To": whom the feedback was addressed, or everything the reader may read. The inbox and the
// report filter by it the same way.
import { SelectField } from "./ui/form-controls";

export function FeedbackAddresseeSelect({
  id,
  name,
  defaultValue,
  addressees,
}: {
  id: string;
  name: string;
  defaultValue: string;
  addressees: Array<{ id: string; name: string }>;
}) {
  return (
    <SelectField id={id} name={name} label="To" defaultValue={defaultValue}>
      <option value="">Everything I read</option>
      {addressees.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </SelectField>
  );
}
