// Where the organisation's sign-in service sends the browser back: check its answer, then sign
// the person in with a new session, or back to the sign-in page with a message saying why not.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireAnonymous } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { log } from "~/utils/logger.server";
import { finishOidcSignIn, OIDC_MESSAGES, oidcSettings } from "~/utils/oidc.server";
import { signInWithOidc } from "~/models/oidc-sign-in.server";
import { audit } from "~/models/audit.server";

function loginPath(redirectTo: string) {
  return redirectTo === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo })}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const settings = oidcSettings();
  if (!settings) throw new Response("Single sign-on is not set up here.", { status: 404 });
  await requireAnonymous(request);
  const result = await finishOidcSignIn(request, settings);
  const headers = new Headers({ "Set-Cookie": result.clearCookie });
  if (!result.ok) {
    log.warn("single sign-on refused", { requestId: context.requestId, reason: result.reason });
    // Only a browser that started a flow is audited, so stray requests cannot fill the log.
    if (result.flowStarted) {
      await audit({ action: "auth.sign_in_failed", ip: context.clientIp, details: { method: "single sign-on", reason: result.reason } });
    }
    return redirectWithFlash(request, loginPath(result.redirectTo), { kind: "error", message: result.message }, { headers });
  }
  const outcome = await signInWithOidc(request, { email: result.email, name: result.name }, context.clientIp, settings);
  if (!outcome.ok) {
    if (outcome.reason === "default team missing") {
      log.error("single sign-on could not create an account: OIDC_DEFAULT_TEAM names no team", { requestId: context.requestId });
    } else {
      log.warn("single sign-on refused", { requestId: context.requestId, reason: outcome.reason });
    }
    return redirectWithFlash(request, loginPath(result.redirectTo), { kind: "error", message: OIDC_MESSAGES.noAccount }, { headers });
  }
  if (outcome.created) log.info("account created at first single sign-on", { requestId: context.requestId, userId: outcome.userId });
  headers.append("Set-Cookie", outcome.setCookie);
  return redirect(result.redirectTo, { headers });
}
