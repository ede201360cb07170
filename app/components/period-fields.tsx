// The period of a scorecard or dashboard: presets or custom dates. A period the page couldn't
// use is reported beside its field, with what the person typed kept.
import { SelectField, TextField } from "./ui/form-controls";

export function PeriodFields({
  idPrefix,
  values,
  errors,
  today,
  periodLabel = "Period",
}: {
  idPrefix: string;
  values: { period: string; from: string; to: string };
  errors: { period?: string; from?: string; to?: string };
  today: string;
  periodLabel?: string;
}) {
  const list = (message?: string) => (message ? [message] : null);
  return (
    <>
      <SelectField id={`${idPrefix}-period`} name="period" label={periodLabel} defaultValue={values.period} errors={list(errors.period)}>
        <option value="30">Last 30 days</option>
        <option value="90">Last 90 days</option>
        <option value="365">Last 365 days</option>
        <option value="custom">Custom dates</option>
      </SelectField>
      <TextField
        id={`${idPrefix}-from`}
        name="from"
        type="date"
        label="First day"
        hint="For custom dates"
        max={today}
        defaultValue={values.from}
        errors={list(errors.from)}
      />
      <TextField
        id={`${idPrefix}-to`}
        name="to"
        type="date"
        label="Last day"
        hint="For custom dates"
        max={today}
        defaultValue={values.to}
        errors={list(errors.to)}
      />
    </>
  );
}
