import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireAnonymous } from "~/utils/auth.server";
import { oidcSettings, passwordSignInEnabled } from "~/utils/oidc.server";
import { signInWithPassword } from "~/models/password.server";
import { safeRedirect, signInSchema } from "~/validation/auth";
import { getFormProps, getInputProps, parseWithZod, useForm } from "~/utils/forms";
import { Button, FormErrors, TextField } from "~/components/ui/form-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Sign in · Upstream" }];

const PASSWORD_SIGN_IN_OFF = "Sign-in with a password is turned off here. Use single sign-on instead.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const sso = oidcSettings();
  return json({ sso: sso ? { label: sso.buttonLabel } : null, passwordSignIn: passwordSignInEnabled() });
}

function minutesUntil(date: Date) {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signInSchema });
  if (!passwordSignInEnabled()) {
    return json({ result: submission.reply({ formErrors: [PASSWORD_SIGN_IN_OFF], hideFields: ["password"] }) }, { status: 400 });
  }
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await signInWithPassword(request, email, password, context.clientIp);
  if (outcome.ok) {
    return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": outcome.setCookie } });
  }
  if (outcome.reason === "throttled") {
    const minutes = minutesUntil(outcome.retryAt);
    return json(
      {
        result: submission.reply({
          formErrors: [
            `Too many failed sign-in attempts. For your security, sign-in is paused for this account for ${minutes} more minute${minutes === 1 ? "" : "s"}. You can also reset your password.`,
          ],
          hideFields: ["password"],
        }),
      },
      { status: 429 },
    );
  }
  return json(
    {
      result: submission.reply({
        formErrors: ["That email and password don't match an active account. Check them and try again."],
        hideFields: ["password"],
      }),
    },
    { status: 401 },
  );
}

export default function SignIn() {
  const { sso, passwordSignIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <h1 className="text-2xl font-semibold">Sign in to Upstream</h1>
      <p className="mt-1 text-sm text-slate-700">
        {passwordSignIn ? "Use the email address your organisation gave you." : "Sign in with your organisation's account."}
      </p>
      {sso ? (
        // A native form post (no fetch): the answer is a redirect to another site.
        <Form method="post" action="/auth/oidc" reloadDocument className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow">
          {passwordSignIn ? null : <FormErrors id="sign-in-errors" errors={form.errors} />}
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Button type="submit" className="w-full">
            {sso.label}
          </Button>
        </Form>
      ) : null}
      {passwordSignIn ? (
        <>
          {sso ? <p className="mt-6 text-center text-sm text-slate-700">Or sign in with your email and password:</p> : null}
          <Form method="post" className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <TextField
              label="Email"
              {...getInputProps(fields.email, { type: "email" })}
              id={fields.email.id}
              autoComplete="username"
              autoFocus
              errors={fields.email.errors}
            />
            <TextField
              label="Password"
              {...getInputProps(fields.password, { type: "password" })}
              id={fields.password.id}
              autoComplete="current-password"
              errors={fields.password.errors}
            />
            <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
              Sign in
            </Button>
            <p className="text-center text-sm">
              <Link to="/forgot-password" className="text-brand-700 underline">
                Forgot your password?
              </Link>
            </p>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
