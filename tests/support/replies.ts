// Reading what an action answered, as the browser would see it: the conform reply of a refused
// form (field errors and the values kept in the form) and the flash message after a redirect.
import type { AppLoadContext } from "@remix-run/node";
import * as login from "~/routes/login";
import { readFlash, type Flash } from "~/utils/flash.server";
import { readJson, formRequest, testContext, TEST_ORIGIN } from "./http";

export interface FormReply {
  status?: string;
  initialValue: Record<string, unknown> | null;
  error?: Record<string, string[] | null>;
}

/** The conform reply of an action that answered `json({ result: submission.reply() })`. */
export async function formReply(response: Response): Promise<FormReply> {
  return (await readJson<{ result: FormReply }>(response)).result;
}

/** The messages of one field of a reply ("" for the form-level messages). */
export async function fieldErrors(response: Response, field: string): Promise<string[]> {
  return (await formReply(response)).error?.[field] ?? [];
}

/** The flash message a redirect carries in its Set-Cookie, as the next page would show it. */
export async function flashOf(response: Response): Promise<Flash | null> {
  const setCookies = response.headers.getSetCookie?.() ?? [response.headers.get("Set-Cookie") ?? ""];
  const cookie = setCookies
    .map((c) => c.split(";", 1)[0]!)
    .filter((c) => /^(__Host-)?upstream_flash=/.test(c))
    .join("; ");
  if (!cookie) return null;
  const { flash } = await readFlash(new Request(`${TEST_ORIGIN}/`, { headers: { Cookie: cookie } }));
  return flash;
}

/**
 * Posts the sign-in form as a browser would and returns the answer (302 with a session cookie,
 * or 401/429 with a reply). `ip` stands for the client address the server saw.
 */
export async function submitSignIn(email: string, password: string, options: { ip?: string } = {}): Promise<Response> {
  const request = formRequest("/login", { email, password });
  const context: AppLoadContext = { ...testContext, clientIp: options.ip ?? testContext.clientIp };
  try {
    return (await login.action({ request, params: {}, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** "name=value" of the session cookie a successful sign-in set, to send as a Cookie header. */
export function sessionCookieOf(response: Response): string {
  const setCookies = response.headers.getSetCookie?.() ?? [response.headers.get("Set-Cookie") ?? ""];
  const session = setCookies.find((c) => /^(__Host-)?upstream_session=/.test(c));
  if (!session) throw new Error(`No session cookie in the response (status ${response.status})`);
  return session.split(";", 1)[0]!;
}
