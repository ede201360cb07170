// Starts single sign-on: the sign-in page's button posts here (a plain form, so it works without
// JavaScript) and the browser is sent on to the organisation's sign-in service.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireAnonymous } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { log } from "~/utils/logger.server";
import { describeError, OIDC_MESSAGES, oidcSettings, startOidcSignIn } from "~/utils/oidc.server";
import { safeRedirect } from "~/validation/auth";

// Starting a sign-in is a POST (it sets the flow cookie); a GET just goes to the sign-in page.
export async function loader() {
  return redirect("/login");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const settings = oidcSettings();
  if (!settings) throw new Response("Single sign-on is not set up here.", { status: 404 });
  await requireAnonymous(request);
  // A hand-made POST without a form body simply has nowhere particular to go afterwards.
  const form = await request.formData().catch(() => new FormData());
  const redirectTo = safeRedirect(String(form.get("redirectTo") ?? ""));
  try {
    const { url, setCookie } = await startOidcSignIn(request, settings, redirectTo);
    return redirect(url, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  } catch (error) {
    log.warn("single sign-on could not start", { requestId: context.requestId, reason: describeError(error) });
    const back = redirectTo === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo })}`;
    return redirectWithFlash(request, back, { kind: "error", message: OIDC_MESSAGES.unavailable });
  }
}
