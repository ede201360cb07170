// The scorecard's period: a plain GET form (works without JavaScript, the result is a URL to
// bookmark or share). A period the page couldn't use is reported beside its field, with what the
// person typed kept, while the page shows the default period.
import { Form } from "@remix-run/react";
import { Button, SelectField, TextField } from "./ui/form-controls";

export interface PeriodFormValues {
  period: string;
  from: string;
  to: string;
}

export function ScorecardPeriodForm({
  values,
  errors,
  today,
}: {
  /** What the URL asked for (kept even when it was refused). */
  values: PeriodFormValues;
  errors: { period?: string; from?: string; to?: string };
  today: string;
}) {
  const list = (message?: string) => (message ? [message] : null);
  return (
    <Form
      key={`${values.period}|${values.from}|${values.to}`}
      method="get"
      aria-labelledby="scorecard-period-heading"
      className="rounded-lg bg-white p-4 shadow"
    >
      <h2 id="scorecard-period-heading" className="mb-3 font-semibold">
        Period
      </h2>
      <div className="grid items-start gap-4 md:grid-cols-4">
        <SelectField id="scorecard-period" name="period" label="Show" defaultValue={values.period} errors={list(errors.period)}>
          <option value="30">Last 30 days</option>
          <option value="90">Last 90 days</option>
          <option value="365">Last 365 days</option>
          <option value="custom">Custom dates</option>
        </SelectField>
        <TextField
          id="scorecard-from"
          name="from"
          type="date"
          label="First day"
          hint="For custom dates"
          max={today}
          defaultValue={values.from}
          errors={list(errors.from)}
        />
        <TextField
          id="scorecard-to"
          name="to"
          type="date"
          label="Last day"
          hint="For custom dates"
          max={today}
          defaultValue={values.to}
          errors={list(errors.to)}
        />
        <div className="md:pt-6">
          <Button type="submit">Show</Button>
        </div>
      </div>
    </Form>
  );
}
