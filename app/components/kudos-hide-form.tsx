// "Hide" on a wall entry, for the managers and admins who may. The reason is required and goes in
// the audit log. A plain POST inside <details>, so it works without JavaScript; a refused reason
// reopens the entry's form with the message beside the field and what was typed.
import { Form } from "@remix-run/react";
import { HIDE_REASON_MAX } from "~/validation/kudos";
import { Button, TextField } from "./ui/form-controls";

export interface HideKudosResult {
  id: string;
  reason: string;
  errors: string[];
}

export function KudosHideForm({
  kudosId,
  description,
  result,
}: {
  kudosId: string;
  /** Which kudos, for screen readers moving from one "Hide…" to the next. */
  description: string;
  result?: HideKudosResult | null;
}) {
  const mine = result?.id === kudosId ? result : null;
  const fieldId = `hide-reason-${kudosId}`;
  return (
    <details className="mt-2 text-sm" open={!!mine}>
      <summary className="cursor-pointer font-medium text-red-800">
        Hide…<span className="sr-only"> the kudos {description}</span>
      </summary>
      <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="hide" />
        <input type="hidden" name="id" value={kudosId} />
        <div className="grow">
          <TextField
            id={fieldId}
            name="reason"
            label="Why hide it?"
            hint="Hidden kudos disappear for everyone. The reason goes in the audit log."
            maxLength={HIDE_REASON_MAX}
            defaultValue={mine?.reason ?? ""}
            errors={mine?.errors}
            required
          />
        </div>
        <Button type="submit" variant="danger">
          Hide kudos
        </Button>
      </Form>
    </details>
  );
}
