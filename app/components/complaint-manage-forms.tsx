// The manager's forms for one complaint: acknowledge, themes, plan an action, respond to the rep,
// close, reroute. Each is a plain form that works without JavaScript and carries the complaint's
// version, so a stale form gets a conflict, not an overwrite. Errors sit beside their fields and
// what was typed is kept (conform's lastResult).
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, parseWithZod, useForm } from "~/utils/forms";
import { NOTE_MAX } from "~/utils/complaint-rules";
import { planSchema, REROUTE_REASON_MAX, rerouteSchema, respondSchema, themesSchema } from "~/validation/complaint-manage";
import { THEME_NAME_MAX } from "~/validation/themes";
import { Button, FieldErrors, FormErrors, SelectField, TextAreaField, TextField } from "./ui/form-controls";

export interface ManageReply {
  intent: string | null;
  result: SubmissionResult<string[]>;
}

interface FormArgs {
  version: number;
  reply: ManageReply | undefined;
}

function resultFor(reply: ManageReply | undefined, intent: string) {
  return reply?.intent === intent ? reply.result : undefined;
}

function Panel({
  id,
  title,
  intent,
  version,
  errors,
  children,
  errorId,
}: {
  id: string;
  title: string;
  intent: string;
  version: number;
  errors?: string[];
  errorId: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-3" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="font-semibold">
        {title}
      </legend>
      <FormErrors id={errorId} errors={errors} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {children}
    </fieldset>
  );
}

const panelClass = "space-y-3 rounded-lg bg-white p-4 shadow";

/** Conform's options shared by every form here: validate on submit, then as the person types. */
function formOptions(id: string, intent: string, { reply }: FormArgs) {
  return { id, lastResult: resultFor(reply, intent), shouldValidate: "onSubmit" as const, shouldRevalidate: "onInput" as const };
}

/** A form that is only a button (acknowledge, close), with its refusal beside it. */
function ButtonForm({
  intent,
  title,
  action,
  hint,
  disabledBecause,
  version,
  reply,
}: FormArgs & { intent: string; title: string; action: string; hint: string; disabledBecause?: string | null }) {
  const result = resultFor(reply, intent);
  const errors = [...(result?.error?.[""] ?? [])];
  const describedBy = [`${intent}-hint`, disabledBecause ? `${intent}-blocked` : null, errors.length ? `${intent}-errors` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <Form method="post" className={panelClass}>
      <Panel id={intent} title={title} intent={intent} version={version} errorId={`${intent}-errors`} errors={errors}>
        <p id={`${intent}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
        {disabledBecause ? (
          <p id={`${intent}-blocked`} className="text-sm font-medium text-amber-900">
            {disabledBecause}
          </p>
        ) : null}
        <Button type="submit" disabled={Boolean(disabledBecause)} aria-describedby={describedBy}>
          {action}
        </Button>
      </Panel>
    </Form>
  );
}

export function AcknowledgeForm(args: FormArgs) {
  return (
    <ButtonForm
      {...args}
      intent="acknowledge"
      title="Acknowledge"
      action="Acknowledge"
      hint="Tells the rep a manager has it, and stops it escalating further."
    />
  );
}

export function CloseForm(args: FormArgs & { blockedBecause: string | null }) {
  return (
    <ButtonForm
      {...args}
      intent="close"
      title="Close"
      action="Close the complaint"
      hint="The rep is told, with your response. Nothing can be changed after closing."
      disabledBecause={args.blockedBecause}
    />
  );
}

export function ThemesForm({ themes, selected, ...args }: FormArgs & { themes: Array<{ id: string; name: string }>; selected: string[] }) {
  const [form, fields] = useForm({
    ...formOptions("themes-form", "themes", args),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: themesSchema }),
  });
  const result = resultFor(args.reply, "themes");
  // After a refusal, keep what was ticked; otherwise show the complaint's themes.
  const ticked = result?.initialValue ? [result.initialValue.themeIds ?? []].flat() : selected;
  const listErrors = fields.themeIds.errors;
  return (
    <Form method="post" {...getFormProps(form)} className={panelClass}>
      <Panel id="themes" title="Themes" intent="themes" version={args.version} errorId={form.errorId} errors={form.errors}>
        {themes.length ? (
          <fieldset aria-describedby={listErrors?.length ? "themes-list-errors" : undefined}>
            <legend className="text-sm font-medium text-slate-800">Tick every theme that fits</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {themes.map((t) => (
                <label key={t.id} className="inline-flex items-center gap-1 text-sm">
                  <input type="checkbox" name="themeIds" value={t.id} defaultChecked={ticked.includes(t.id)} className="h-4 w-4" />
                  {t.name}
                </label>
              ))}
            </div>
            <FieldErrors id="themes-list-errors" errors={listErrors} />
          </fieldset>
        ) : (
          <p className="text-sm text-slate-700">No themes yet: type the first one below.</p>
        )}
        <TextField
          label="New theme"
          hint="Optional. An existing theme of the same name is used instead of a duplicate."
          {...getInputProps(fields.newTheme, { type: "text" })}
          id={fields.newTheme.id}
          maxLength={THEME_NAME_MAX}
          errors={fields.newTheme.errors}
        />
        <Button type="submit" variant="secondary">
          Save themes
        </Button>
      </Panel>
    </Form>
  );
}

type TextFormProps = FormArgs & { current: string | null };

/** Plan and response: one text the rep sees, prefilled with the current one. */
function TextPanel({
  intent,
  title,
  action,
  version,
  formProps,
  errorId,
  errors,
  children,
}: {
  intent: string;
  title: string;
  action: string;
  version: number;
  formProps: ReturnType<typeof getFormProps>;
  errorId: string;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <Form method="post" {...formProps} className={panelClass}>
      <Panel id={intent} title={title} intent={intent} version={version} errorId={errorId} errors={errors}>
        {children}
        <Button type="submit">{action}</Button>
      </Panel>
    </Form>
  );
}

export function PlanForm({ current, ...args }: TextFormProps) {
  const [form, fields] = useForm({
    ...formOptions("plan-form", "plan", args),
    defaultValue: { plan: current ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planSchema }),
  });
  return (
    <TextPanel
      intent="plan"
      title="Plan an action"
      action={current ? "Update the plan" : "Save the plan"}
      version={args.version}
      formProps={getFormProps(form)}
      errorId={form.errorId}
      errors={form.errors}
    >
      <TextAreaField
        label="What will be done"
        hint={`For managers: the rep is told an action is planned and hears the outcome through your response. Up to ${NOTE_MAX.toLocaleString("en")} characters.`}
        {...getTextareaProps(fields.plan)}
        id={fields.plan.id}
        rows={5}
        maxLength={NOTE_MAX}
        errors={fields.plan.errors}
      />
    </TextPanel>
  );
}

export function RespondForm({ current, ...args }: TextFormProps) {
  const [form, fields] = useForm({
    ...formOptions("respond-form", "respond", args),
    defaultValue: { response: current ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: respondSchema }),
  });
  return (
    <TextPanel
      intent="respond"
      title="Respond to the rep"
      action={current ? "Update the response" : "Send the response"}
      version={args.version}
      formProps={getFormProps(form)}
      errorId={form.errorId}
      errors={form.errors}
    >
      <TextAreaField
        label="Your response"
        hint="What the rep can tell the customer. Required before closing; you can change it until then. Responding also acknowledges the complaint."
        {...getTextareaProps(fields.response)}
        id={fields.response.id}
        rows={5}
        maxLength={NOTE_MAX}
        errors={fields.response.errors}
      />
    </TextPanel>
  );
}

export function RerouteForm({ teams, ...args }: FormArgs & { teams: Array<{ id: string; name: string }> }) {
  const [form, fields] = useForm({
    ...formOptions("reroute-form", "reroute", args),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rerouteSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className={panelClass}>
      <Panel
        id="reroute"
        title="Reroute to another team"
        intent="reroute"
        version={args.version}
        errorId={form.errorId}
        errors={form.errors}
      >
        <p className="text-sm text-slate-700">
          If it belongs elsewhere. That team&apos;s managers must acknowledge it again; the reroute is on the timeline.
        </p>
        <SelectField label="Team" {...getSelectProps(fields.toTeamId)} id={fields.toTeamId.id} errors={fields.toTeamId.errors}>
          <option value="">Choose a team…</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Why it belongs there"
          hint="The rep and the team's managers see this."
          {...getTextareaProps(fields.reason)}
          id={fields.reason.id}
          rows={3}
          maxLength={REROUTE_REASON_MAX}
          errors={fields.reason.errors}
        />
        <Button type="submit" variant="secondary">
          Reroute
        </Button>
      </Panel>
    </Form>
  );
}
