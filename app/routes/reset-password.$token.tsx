import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { findValidToken } from "~/models/auth-token.server";
import { handleSetPassword } from "~/models/set-password-action.server";
import { SetPasswordForm } from "~/components/set-password-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { passwordSignInEnabled } from "~/utils/oidc.server";

export const meta: MetaFunction = () => [
  { title: "Choose a new password · Upstream" },
  // The token is in the path: keep it out of Referer headers sent to other sites. Not
  // "no-referrer": that also turns the form post's Origin into "null", which the CSRF check refuses.
  { name: "referrer", content: "same-origin" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  // With password sign-in turned off, an old reset link leads nowhere.
  if (!passwordSignInEnabled()) {
    return json({ passwordSignIn: false, valid: false, token: "" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  const user = await findValidToken(params.token ?? "", "PASSWORD_RESET");
  return json({ passwordSignIn: true, valid: !!user, token: params.token ?? "" }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleSetPassword(request, context.clientIp, "PASSWORD_RESET");
}

export default function ResetPassword() {
  const { passwordSignIn, valid, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      {valid ? (
        <>
          <p className="mt-1 text-sm text-slate-700">After this, you'll be signed in here and signed out everywhere else.</p>
          <SetPasswordForm token={token} submitLabel="Save password and sign in" lastResult={actionData?.result} />
        </>
      ) : !passwordSignIn ? (
        <p className="mt-4 text-slate-700">
          Upstream doesn't use passwords here: you sign in with your organisation's account.{" "}
          <Link to="/login" className="text-brand-700 underline">
            Go to sign in
          </Link>
          .
        </p>
      ) : (
        <p className="mt-4 text-slate-700">
          This reset link has expired or was already used.{" "}
          <Link to="/forgot-password" className="text-brand-700 underline">
            Ask for a new link
          </Link>
          .
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
