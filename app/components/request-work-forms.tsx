// The forms of the team handling a request (assign, promise, transfer) and the status buttons
// (shared with the requester). Each is a plain form that works without JavaScript; each carries
// the version of the request it was rendered from, so a stale form gets a conflict, not an
// overwrite.
import { useState } from "react";
import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import type { RequestStatus } from "~/utils/request-lifecycle";
import { REASON_MAX } from "~/validation/requests";
import { assignSchema, promiseSchema, transferSchema } from "~/validation/request-actions";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "./ui/form-controls";
import { resultFor, useResetAfterSuccess, type RequestActionData } from "./request-form-state";

const panel = "space-y-3 rounded-lg bg-white p-4 shadow";
const legend = "font-semibold";

function Hidden({ intent, version }: { intent: string; version: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

// ---------------------------------------------------------------------------------------------

export function RequestStatusForm({
  transitions,
  version,
  actionData,
}: {
  transitions: Array<{ to: RequestStatus; action: string }>;
  version: number;
  actionData: RequestActionData | undefined;
}) {
  const result = resultFor(actionData, "status");
  const errors = [...(result?.error?.to ?? []), ...(result?.error?.[""] ?? [])];
  if (!transitions.length && !errors.length) return null;
  return (
    <Form method="post" className={panel}>
      <fieldset className="space-y-3">
        <legend className={legend}>Status</legend>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="version" value={version} />
        <div className="flex flex-wrap gap-2">
          {transitions.map((t) => (
            <Button
              key={t.to}
              type="submit"
              name="to"
              value={t.to}
              variant={t.to === "CANCELLED" ? "danger" : "secondary"}
              aria-describedby={errors.length ? "status-errors" : undefined}
            >
              {t.action}
            </Button>
          ))}
        </div>
        {errors.length ? (
          <div id="status-errors" role="alert" className="text-sm text-red-700">
            {errors.map((e) => (
              <p key={e}>{e}</p>
            ))}
          </div>
        ) : null}
      </fieldset>
    </Form>
  );
}

// ---------------------------------------------------------------------------------------------

export function RequestAssignForm({
  assignees,
  assigneeId,
  viewerId,
  version,
  actionData,
}: {
  assignees: Array<{ id: string; name: string }>;
  assigneeId: string | null;
  viewerId: string;
  version: number;
  actionData: RequestActionData | undefined;
}) {
  const [form, fields] = useForm({
    id: "assign-form",
    lastResult: resultFor(actionData, "assign"),
    defaultValue: { assigneeId: assigneeId ?? "" },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignSchema }),
  });
  return (
    <div className={panel}>
      <Form method="post" {...getFormProps(form)}>
        <fieldset className="space-y-3">
          <legend className={legend}>Assignment</legend>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Hidden intent="assign" version={version} />
          <SelectField label="Assign to" {...getSelectProps(fields.assigneeId)} id={fields.assigneeId.id} errors={fields.assigneeId.errors}>
            <option value="">Nobody (unassigned)</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.id === viewerId ? `${a.name} (you)` : a.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            Save assignment
          </Button>
        </fieldset>
      </Form>
      {assigneeId !== viewerId ? (
        <Form method="post">
          <Hidden intent="assign" version={version} />
          <input type="hidden" name="assigneeId" value={viewerId} />
          <Button type="submit">Assign to me</Button>
        </Form>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

export function RequestPromiseForm({
  promisedAt,
  today,
  version,
  actionData,
}: {
  promisedAt: string | null;
  today: string;
  version: number;
  actionData: RequestActionData | undefined;
}) {
  const lastResult = resultFor(actionData, "promise");
  const [form, fields] = useForm({
    id: "promise-form",
    lastResult,
    defaultValue: { promisedAt: promisedAt ?? "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: promiseSchema }),
  });
  useResetAfterSuccess("promise", lastResult, form.reset);
  return (
    <Form method="post" {...getFormProps(form)} className={panel}>
      <fieldset className="space-y-3">
        <legend className={legend}>{promisedAt ? "Change the promise" : "Promise a date"}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Hidden intent="promise" version={version} />
        <TextField
          label="Promised by"
          hint="The date your team commits to. The requester is told."
          {...getInputProps(fields.promisedAt, { type: "date" })}
          id={fields.promisedAt.id}
          min={today}
          errors={fields.promisedAt.errors}
        />
        <TextAreaField
          label="Reason"
          hint={`Why this date${promisedAt ? ", and why it changed" : ""}. Up to ${REASON_MAX} characters.`}
          {...getTextareaProps(fields.reason)}
          id={fields.reason.id}
          rows={2}
          maxLength={REASON_MAX}
          errors={fields.reason.errors}
        />
        <Button type="submit" variant="secondary">
          {promisedAt ? "Change promise" : "Record promise"}
        </Button>
      </fieldset>
    </Form>
  );
}

// ---------------------------------------------------------------------------------------------

interface TransferTeam {
  id: string;
  name: string;
  types: Array<{ id: string; name: string }>;
}

export function RequestTransferForm({
  teams,
  version,
  actionData,
}: {
  teams: TransferTeam[];
  version: number;
  actionData: RequestActionData | undefined;
}) {
  const lastResult = resultFor(actionData, "transfer");
  const [form, fields] = useForm({
    id: "transfer-form",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transferSchema }),
  });
  useResetAfterSuccess("transfer", lastResult, form.reset);
  // With JavaScript the type list narrows to the chosen team; without it every team's types are
  // listed, grouped by team, and the server refuses a type of another team.
  const [teamId, setTeamId] = useState(String(fields.toTeamId.initialValue ?? ""));
  const shown = teams.filter((t) => !teamId || t.id === teamId);
  if (!teams.length) return null;
  return (
    <Form method="post" {...getFormProps(form)} className={panel}>
      <fieldset className="space-y-3">
        <legend className={legend}>Transfer to another team</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Hidden intent="transfer" version={version} />
        <SelectField
          label="Team"
          {...getSelectProps(fields.toTeamId)}
          id={fields.toTeamId.id}
          onChange={(event) => setTeamId(event.currentTarget.value)}
          errors={fields.toTeamId.errors}
        >
          <option value="">Choose a team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Request type" {...getSelectProps(fields.typeId)} id={fields.typeId.id} errors={fields.typeId.errors}>
          <option value="">Choose a type</option>
          {shown.map((t) => (
            <optgroup key={t.id} label={t.name}>
              {t.types.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <TextAreaField
          label="Reason"
          hint={`Why it belongs with that team. The requester sees it. Up to ${REASON_MAX} characters.`}
          {...getTextareaProps(fields.reason)}
          id={fields.reason.id}
          rows={2}
          maxLength={REASON_MAX}
          errors={fields.reason.errors}
        />
        <Button type="submit" variant="secondary">
          Transfer
        </Button>
      </fieldset>
    </Form>
  );
}
