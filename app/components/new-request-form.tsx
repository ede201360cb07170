// Step 3 of raising a request: title, description, priority, needed-by date and the team the
// person asks for. The form token makes a second submit of the same form find the first request.
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import { PRIORITIES, PRIORITY_LABELS, type Priority } from "~/utils/request-number";
import { BODY_MAX, TITLE_MAX, newRequestSchema } from "~/validation/requests";
import { Targets, type TypeChoice } from "./new-request-steps";
import { Button, FieldErrors, FormErrors, SelectField, TextAreaField, TextField } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

interface Props {
  team: { id: string; name: string; slug: string };
  type: TypeChoice & { defaultPriority: Priority };
  myTeams: Array<{ id: string; name: string }>;
  formToken: string;
  today: string;
  lastResult?: SubmissionResult<string[]>;
}

export function NewRequestForm({ team, type, myTeams, formToken, today, lastResult }: Props) {
  const [form, fields] = useForm({
    id: "new-request",
    lastResult,
    defaultValue: { priority: type.defaultPriority, requestingTeamId: myTeams[0]?.id ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newRequestSchema }),
  });
  // Errors about the hidden fields belong to the choices made in steps 1 and 2.
  const choiceErrors = [
    ...(fields.providerTeamId.errors ?? []),
    ...(fields.typeId.errors ?? []),
    ...(fields.formToken.errors?.length ? ["This form has expired. Reload the page and send it again."] : []),
  ];
  const action = `/requests/new?team=${encodeURIComponent(team.slug)}&type=${encodeURIComponent(type.id)}`;
  return (
    <Form method="post" action={action} className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <section aria-labelledby="choice-heading" className="rounded-md bg-slate-50 p-4 text-sm">
        <h2 id="choice-heading" className="sr-only">
          Your choices
        </h2>
        <p>
          <span className="font-medium">To:</span> {team.name} ·{" "}
          <Link to="/requests/new" className={textLinkClass}>
            change team
          </Link>
        </p>
        <p>
          <span className="font-medium">Type:</span> {type.name} ·{" "}
          <Link to={`/requests/new?team=${encodeURIComponent(team.slug)}`} className={textLinkClass}>
            change type
          </Link>
        </p>
        <p className="text-slate-700">
          <Targets type={type} />
        </p>
        <FieldErrors id="choice-errors" errors={choiceErrors} />
      </section>
      <input type="hidden" name="formToken" value={formToken} />
      <input type="hidden" name="providerTeamId" value={team.id} />
      <input type="hidden" name="typeId" value={type.id} />
      <TextField
        label="Title"
        hint="A short summary, e.g. Laptop won't charge."
        {...getInputProps(fields.title, { type: "text" })}
        id={fields.title.id}
        maxLength={TITLE_MAX}
        autoComplete="off"
        errors={fields.title.errors}
      />
      <TextAreaField
        label="Description"
        hint="What you need, and anything that helps the team do it first time."
        {...getTextareaProps(fields.body)}
        id={fields.body.id}
        rows={8}
        maxLength={BODY_MAX}
        errors={fields.body.errors}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Priority" {...getSelectProps(fields.priority)} id={fields.priority.id} errors={fields.priority.errors}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Needed by (optional)"
          {...getInputProps(fields.dueAt, { type: "date" })}
          id={fields.dueAt.id}
          min={today}
          errors={fields.dueAt.errors}
        />
      </div>
      {myTeams.length ? (
        <SelectField
          label="On behalf of"
          hint="Which of your teams is asking."
          {...getSelectProps(fields.requestingTeamId)}
          id={fields.requestingTeamId.id}
          errors={fields.requestingTeamId.errors}
        >
          {myTeams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <>
          <p className="text-sm text-slate-700">You're not in a team yet, so this request comes from you alone.</p>
          <FieldErrors id="requesting-team-errors" errors={fields.requestingTeamId.errors} />
        </>
      )}
      <Button type="submit">Send request</Button>
    </Form>
  );
}
