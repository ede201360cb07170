import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { findValidToken } from "~/models/auth-token.server";
import { handleSetPassword } from "~/models/set-password-action.server";
import { SetPasswordForm } from "~/components/set-password-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { passwordSignInEnabled } from "~/utils/oidc.server";

export const meta: MetaFunction = () => [
  { title: "Welcome to Upstream" },
  // The token is in the path: keep it out of Referer headers sent to other sites. Not
  // "no-referrer": that also turns the form post's Origin into "null", which the CSRF check refuses.
  { name: "referrer", content: "same-origin" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  // With password sign-in off, a link sent before it was turned off only says how to sign in.
  if (!passwordSignInEnabled())
    return json({ passwordSignIn: false as const, invitee: null, token: "" }, { headers: { "Cache-Control": "no-store" } });
  const user = await findValidToken(params.token ?? "", "INVITATION");
  return json(
    { passwordSignIn: true as const, invitee: user ? { name: user.name, email: user.email } : null, token: params.token ?? "" },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleSetPassword(request, context.clientIp, "INVITATION");
}

export default function AcceptInvitation() {
  const { passwordSignIn, invitee, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!passwordSignIn) {
    return (
      <div className="mx-auto mt-8 max-w-sm">
        <h1 className="text-2xl font-semibold">Welcome to Upstream</h1>
        <p className="mt-4 text-slate-700">
          There is no password to choose here: you sign in with your organisation&apos;s account.{" "}
          <Link to="/login" className="text-brand-700 underline">
            Go to sign in
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto mt-8 max-w-sm">
      {invitee ? (
        <>
          <h1 className="text-2xl font-semibold">Welcome to Upstream, {invitee.name}</h1>
          <p className="mt-1 text-sm text-slate-700">
            Choose a password for <strong>{invitee.email}</strong> to finish setting up your account.
          </p>
          <SetPasswordForm token={token} submitLabel="Save password and sign in" lastResult={actionData?.result} />
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">This invitation can't be used</h1>
          <p className="mt-4 text-slate-700">
            It has expired or was already used. Ask your administrator to send a new invitation — or, if you already chose a password, sign
            in.
          </p>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
