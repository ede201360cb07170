import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { appUrl } from "~/utils/app-url.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { can, notFound } from "~/policies/authorize.server";
import { EmailTakenError, StaleRecordError, getPerson, resendInvitation, setPersonActive, updatePerson } from "~/models/user.server";
import { editPersonSchema } from "~/validation/people";
import { getFormProps, parseWithZod, useForm } from "~/utils/forms";
import { PersonFields } from "~/components/person-fields";
import { Button, FormErrors } from "~/components/ui/form-controls";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { passwordSignInEnabled } from "~/utils/oidc.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"} · Admin · Upstream` }];

async function loadPerson(request: Request, id: string | undefined) {
  const admin = await requireAdmin(request);
  const person = id ? await getPerson(id) : null;
  if (!person) throw notFound();
  return { admin, person };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, person } = await loadPerson(request, params.id);
  return json({ person, mayChangeAccess: can(admin, "person.change-access", person) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, person } = await loadPerson(request, params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const mayChangeAccess = can(admin, "person.change-access", person);
  const back = `/admin/people/${person.id}`;

  if (intent === "deactivate" || intent === "reactivate") {
    if (!mayChangeAccess) {
      return redirectWithFlash(request, back, {
        kind: "error",
        message: "You can't deactivate your own account: ask another administrator.",
      });
    }
    await setPersonActive(admin.id, person.id, intent === "reactivate", context.clientIp);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: intent === "deactivate" ? `${person.name} is deactivated and signed out everywhere.` : `${person.name} can sign in again.`,
    });
  }
  if (intent === "resend-invitation") {
    if (!passwordSignInEnabled())
      return redirectWithFlash(request, back, {
        kind: "info",
        message: `${person.name} signs in with single sign-on: there is no invitation to send.`,
      });
    if (!person.invitationPending || !person.active)
      return redirectWithFlash(request, back, { kind: "info", message: `${person.name} has already chosen a password.` });
    await resendInvitation(admin, person.id, appUrl(request), context.clientIp);
    return redirectWithFlash(request, back, { kind: "success", message: `A new invitation is on its way to ${person.email}.` });
  }

  const submission = parseWithZod(formData, { schema: editPersonSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const { version, ...input } = submission.value;
  try {
    await updatePerson(admin.id, person.id, version, input, context.clientIp, { mayChangeRole: mayChangeAccess });
  } catch (error) {
    if (error instanceof EmailTakenError)
      return json({ result: submission.reply({ fieldErrors: { email: [error.message] } }) }, { status: 400 });
    if (error instanceof StaleRecordError) {
      return json(
        {
          result: submission.reply({
            formErrors: ["Someone else changed this person since you opened the page. Reload to see their changes, then make yours again."],
          }),
        },
        { status: 409 },
      );
    }
    throw error;
  }
  return redirectWithFlash(request, back, { kind: "success", message: "Changes saved." });
}

export default function AdminPerson() {
  const { person, mayChangeAccess } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-person",
    lastResult: actionData?.result,
    defaultValue: { name: person.name, email: person.email, title: person.title, role: person.role, version: person.updatedAt },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editPersonSchema }),
  });
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <PageHeader
          title={person.name}
          description={
            person.active
              ? person.invitationPending
                ? "Invited — hasn't chosen a password yet."
                : "Active"
              : "Deactivated: can't sign in."
          }
        />
        <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="version" value={person.updatedAt} />
          {!mayChangeAccess ? <input type="hidden" name="role" value={person.role} /> : null}
          <PersonFields
            fields={fields}
            roleLocked={mayChangeAccess ? undefined : "You can't change your own access: ask another administrator."}
          />
          <Button type="submit" name="intent" value="update">
            Save changes
          </Button>
        </Form>
      </div>
      <aside className="space-y-4">
        <section aria-labelledby="teams-heading" className="rounded-lg bg-white p-6 shadow">
          <h2 id="teams-heading" className="font-semibold">
            Teams
          </h2>
          {person.memberships.length ? (
            <ul className="mt-2 space-y-1 text-sm">
              {person.memberships.map((m) => (
                <li key={m.team.id}>
                  <Link to={`/admin/teams/${m.team.slug}`} className={textLinkClass}>
                    {m.team.name}
                  </Link>{" "}
                  {m.role === "MANAGER" ? "(manager)" : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-700">Not in a team yet. Add them from a team's page.</p>
          )}
        </section>
        {person.invitationPending && person.active ? (
          <Form method="post" className="rounded-lg bg-white p-6 shadow">
            <p className="text-sm text-slate-700">The invitation link works for 7 days. Sending a new one cancels the old link.</p>
            <Button type="submit" name="intent" value="resend-invitation" variant="secondary" className="mt-3">
              Send a new invitation
            </Button>
          </Form>
        ) : null}
        {mayChangeAccess ? (
          <Form method="post" className="rounded-lg bg-white p-6 shadow">
            {person.active ? (
              <>
                <p className="text-sm text-slate-700">Deactivating signs {person.name} out everywhere at once. Their history stays.</p>
                <Button type="submit" name="intent" value="deactivate" variant="danger" className="mt-3">
                  Deactivate
                </Button>
              </>
            ) : (
              <Button type="submit" name="intent" value="reactivate" variant="secondary">
                Reactivate
              </Button>
            )}
          </Form>
        ) : null}
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
