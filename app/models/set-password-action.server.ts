// The action behind the invitation and reset pages: validate, check the password policy, use
// the token once, sign the person in with a fresh session.
import { json, redirect } from "@remix-run/node";
import type { AuthTokenPurpose } from "~/generated/prisma/client";
import { createUserSession } from "~/utils/auth.server";
import { passwordProblem } from "~/utils/password-policy.server";
import { setPasswordSchema } from "~/validation/auth";
import { parseWithZod } from "~/utils/forms";
import { setPasswordWithToken } from "./password.server";
import { findValidToken } from "./auth-token.server";
import { passwordSignInEnabled } from "~/utils/oidc.server";

export async function handleSetPassword(request: Request, ip: string, purpose: AuthTokenPurpose) {
  const submission = parseWithZod(await request.formData(), { schema: setPasswordSchema });
  // With password sign-in off, a link must not become a way to sign in with a password.
  if (!passwordSignInEnabled()) {
    return json(
      {
        result: submission.reply({
          formErrors: ["Passwords aren't used here: sign in with single sign-on instead."],
          hideFields: ["password", "confirmPassword"],
        }),
      },
      { status: 404 },
    );
  }
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password", "confirmPassword"] }) }, { status: 400 });
  }
  const { token, password } = submission.value;
  const holder = await findValidToken(token, purpose);
  if (!holder) {
    return json(
      {
        result: submission.reply({
          formErrors: ["This link has expired or was already used. Ask for a new one."],
          hideFields: ["password", "confirmPassword"],
        }),
      },
      { status: 400 },
    );
  }
  const problem = passwordProblem(password, { email: holder.email, name: holder.name });
  if (problem) {
    return json(
      { result: submission.reply({ fieldErrors: { password: [problem] }, hideFields: ["password", "confirmPassword"] }) },
      { status: 400 },
    );
  }
  const outcome = await setPasswordWithToken(token, purpose, password, ip);
  if (!outcome.ok) {
    return json(
      {
        result: submission.reply({
          formErrors: ["This link has expired or was already used. Ask for a new one."],
          hideFields: ["password", "confirmPassword"],
        }),
      },
      { status: 400 },
    );
  }
  const cookie = await createUserSession(request, outcome.user.id);
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}
