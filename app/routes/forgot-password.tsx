import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAnonymous } from "~/utils/auth.server";
import { requestPasswordReset } from "~/models/password.server";
import { appUrl } from "~/utils/app-url.server";
import { forgotPasswordSchema } from "~/validation/auth";
import { getFormProps, getInputProps, parseWithZod, useForm } from "~/utils/forms";
import { Button, TextField } from "~/components/ui/form-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { checkFormRateLimit } from "~/models/form-rate-limit.server";
import { passwordSignInEnabled } from "~/utils/oidc.server";

export const meta: MetaFunction = () => [{ title: "Reset your password · Upstream" }];

// With password sign-in turned off there is no password to reset: the page says so, with a 404.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const passwordSignIn = passwordSignInEnabled();
  return json({ passwordSignIn }, { status: passwordSignIn ? 200 : 404 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!passwordSignInEnabled()) {
    return json({ result: null, sent: false, message: "Passwords aren't used here, so there is none to reset." }, { status: 404 });
  }
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), sent: false }, { status: 400 });
  if (!(await checkFormRateLimit("password-reset", context.clientIp))) {
    return json(
      {
        result: submission.reply({ formErrors: ["Too many reset requests from your network. Please wait a few minutes and try again."] }),
        sent: false,
      },
      { status: 429 },
    );
  }
  await requestPasswordReset(submission.value.email, appUrl(request), context.clientIp);
  // The same answer whether or not the address has an account.
  return json({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPassword() {
  const { passwordSignIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });
  if (!passwordSignIn) return <NoPasswords />;
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <h1 className="text-2xl font-semibold">Reset your password</h1>
      {actionData?.sent ? (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900">
          If that address belongs to an active account, we've sent it a link to choose a new password. The link works for one hour.
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-700">Enter your email address and we'll send you a link to choose a new password.</p>
      )}
      <Form method="post" className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
        {form.errors?.length ? (
          <p role="alert" className="text-sm text-red-700">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <TextField
          label="Email"
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
          autoComplete="email"
          errors={fields.email.errors}
        />
        <Button type="submit" className="w-full">
          Send reset link
        </Button>
        <p className="text-center text-sm">
          <Link to="/login" className="text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </Form>
    </div>
  );
}

function NoPasswords() {
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <h1 className="text-2xl font-semibold">No password to reset</h1>
      <p className="mt-4 text-slate-700">
        Upstream doesn't use passwords here: you sign in with your organisation's account, and its sign-in service looks after your
        password.{" "}
        <Link to="/login" className="text-brand-700 underline">
          Go to sign in
        </Link>
        .
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
