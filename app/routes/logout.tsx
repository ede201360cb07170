import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession, getSessionUser } from "~/utils/auth.server";
import { audit } from "~/models/audit.server";

// Signing out changes state, so it is a POST (the header's form); a GET just goes home.
export async function loader(_args: LoaderFunctionArgs) {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  const cookie = await endSession(request);
  if (user) await audit({ action: "auth.sign_out", actorId: user.id, ip: context.clientIp });
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
