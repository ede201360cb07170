// The scorecard's period: a plain GET form (works without JavaScript, the result is a URL to
// bookmark or share). A period the page couldn't use is reported beside its field, with what the
// person typed kept, while the page shows the default period.
import { Form } from "@remix-run/react";
import { Button } from "./ui/form-controls";
import { PeriodFields } from "./period-fields";

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
        <PeriodFields idPrefix="scorecard" values={values} errors={errors} today={today} periodLabel="Show" />
        <div className="md:pt-6">
          <Button type="submit">Show</Button>
        </div>
      </div>
    </Form>
  );
}
