import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { changePassword } from "~/models/password.server";
import { passwordProblem } from "~/utils/password-policy.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { changePasswordSchema } from "~/validation/auth";
import { emailPreferenceSchema } from "~/validation/notifications";
import { setEmailPreference } from "~/models/notification-preferences.server";
import { env } from "~/utils/env.server";
import { getFormProps, getInputProps, parseWithZod, useForm } from "~/utils/forms";
import { Button, FormErrors, TextField } from "~/components/ui/form-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NotificationPreferences } from "~/components/notification-preferences";

export const meta: MetaFunction = () => [{ title: "Your account · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const person = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      name: true,
      email: true,
      title: true,
      role: true,
      emailPreference: true,
      memberships: { select: { role: true, team: { select: { name: true, slug: true } } }, orderBy: { team: { name: "asc" } } },
    },
  });
  const otherSessions = await prisma.session.count({ where: { userId: user.id, id: { not: user.sessionId } } });
  return json({ person, otherSessions, digestHour: env().UPSTREAM_DIGEST_HOUR });
}

const hidden = ["currentPassword", "password", "confirmPassword"];

// Two forms post here, told apart by `intent`; a post without one is the password form (as it
// was before the notification settings existed).
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();

  if (formData.get("intent") === "email-preference") {
    const submission = parseWithZod(formData, { schema: emailPreferenceSchema });
    if (submission.status !== "success") return json({ intent: "email-preference" as const, result: submission.reply() }, { status: 400 });
    await setEmailPreference(user.id, submission.value.emailPreference);
    return redirectWithFlash(request, "/account", { kind: "success", message: "Notification settings saved." });
  }

  const submission = parseWithZod(formData, { schema: changePasswordSchema });
  if (submission.status !== "success") return json({ result: submission.reply({ hideFields: hidden }) }, { status: 400 });
  const problem = passwordProblem(submission.value.password, { email: user.email, name: user.name });
  if (problem) return json({ result: submission.reply({ fieldErrors: { password: [problem] }, hideFields: hidden }) }, { status: 400 });
  const outcome = await changePassword(
    user.id,
    user.sessionId,
    submission.value.currentPassword,
    submission.value.password,
    context.clientIp,
  );
  if (!outcome.ok) {
    return json(
      { result: submission.reply({ fieldErrors: { currentPassword: ["That isn't your current password."] }, hideFields: hidden }) },
      { status: 400 },
    );
  }
  return redirectWithFlash(request, "/account", {
    kind: "success",
    message: "Password changed. You've been signed out on your other devices.",
  });
}

export default function Account() {
  const { person, otherSessions, digestHour } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const preferenceResult = actionData && "intent" in actionData ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData && !("intent" in actionData) ? actionData.result : undefined,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="profile" className="rounded-lg bg-white p-6 shadow">
        <h1 id="profile" className="text-2xl font-semibold">
          {person.name}
        </h1>
        <p className="text-slate-700">{person.title}</p>
        <dl className="mt-4 space-y-2 text-sm">
          <div>
            <dt className="font-medium">Email</dt>
            <dd>{person.email}</dd>
          </div>
          <div>
            <dt className="font-medium">Access</dt>
            <dd>{person.role === "ADMIN" ? "Administrator" : "Employee"}</dd>
          </div>
          <div>
            <dt className="font-medium">Teams</dt>
            <dd>
              {person.memberships.length
                ? person.memberships.map((m) => `${m.team.name}${m.role === "MANAGER" ? " (manager)" : ""}`).join(", ")
                : "None yet"}
            </dd>
          </div>
          <div>
            <dt className="font-medium">Other signed-in devices</dt>
            <dd>{otherSessions}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="password-heading" className="rounded-lg bg-white p-6 shadow">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField
            label="Current password"
            {...getInputProps(fields.currentPassword, { type: "password" })}
            id={fields.currentPassword.id}
            autoComplete="current-password"
            errors={fields.currentPassword.errors}
          />
          <TextField
            label="New password"
            hint="At least 10 characters."
            {...getInputProps(fields.password, { type: "password" })}
            id={fields.password.id}
            autoComplete="new-password"
            errors={fields.password.errors}
          />
          <TextField
            label="Type the new password again"
            {...getInputProps(fields.confirmPassword, { type: "password" })}
            id={fields.confirmPassword.id}
            autoComplete="new-password"
            errors={fields.confirmPassword.errors}
          />
          <input type="hidden" name="intent" value="change-password" />
          <Button type="submit">Change password</Button>
        </Form>
      </section>
      <section aria-labelledby="notifications-heading" className="rounded-lg bg-white p-6 shadow">
        <h2 id="notifications-heading" className="text-lg font-semibold">
          Notifications
        </h2>
        <NotificationPreferences current={person.emailPreference} digestHour={digestHour} lastResult={preferenceResult} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
