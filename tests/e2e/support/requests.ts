// Requests for tests that are about something else than raising one: the same three GET steps
// and the same form post as a person's browser makes, over plain HTTP.
import { appBaseURL, postForm, SESSION_COOKIE } from "./app";

/** The demo team that takes requests and that the admin (Priya Raman) works in. */
export const IT_SERVICE_DESK = { name: "IT Service Desk", slug: "it-service-desk" } as const;

async function getPage(pathname: string, session: string) {
  const response = await fetch(new URL(pathname, appBaseURL()), {
    redirect: "manual",
    headers: { Cookie: `${SESSION_COOKIE}=${session}` },
  });
  if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}.`);
  return response.text();
}

function decodeAttribute(value: string) {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The value of the hidden input called `name` in `html`. */
function hiddenValue(html: string, name: string) {
  const tag = new RegExp(`<input[^>]*\\bname="${escapeRegExp(name)}"[^>]*>`).exec(html)?.[0];
  const value = tag && /\bvalue="([^"]*)"/.exec(tag)?.[1];
  if (value === undefined) throw new Error(`The new-request form has no ${name} field.`);
  return decodeAttribute(value);
}

/**
 * Raises a request as the person whose session this is, to `team`, of the type named `typeName`,
 * on behalf of their first team (as the form defaults to). Returns its number and page.
 */
export async function raiseRequestOverHttp(
  session: string,
  { team = IT_SERVICE_DESK.slug, typeName, title, body }: { team?: string; typeName: string; title: string; body: string },
) {
  const typesPage = await getPage(`/requests/new?team=${encodeURIComponent(team)}`, session);
  const typeId = new RegExp(`<label for="type-([^"]+)"[^>]*>${escapeRegExp(typeName)}</label>`).exec(typesPage)?.[1];
  if (!typeId) throw new Error(`The team ${team} offers no request type "${typeName}".`);

  const action = `/requests/new?team=${encodeURIComponent(team)}&type=${encodeURIComponent(decodeAttribute(typeId))}`;
  const form = await getPage(action, session);
  const requestingTeam = /<select[^>]*\bname="requestingTeamId"[^>]*>\s*<option[^>]*\bvalue="([^"]*)"/.exec(form)?.[1];
  const fields: Record<string, string> = {
    formToken: hiddenValue(form, "formToken"),
    providerTeamId: hiddenValue(form, "providerTeamId"),
    typeId: hiddenValue(form, "typeId"),
    title,
    body,
    priority: "NORMAL",
    dueAt: "",
    ...(requestingTeam ? { requestingTeamId: decodeAttribute(requestingTeam) } : {}),
  };
  const response = await postForm(action, fields, session);
  const location = response.headers.get("Location") ?? "";
  const ref = /\/requests\/(REQ-\d+)$/.exec(location)?.[1];
  if (response.status !== 302 || !ref) throw new Error(`Raising "${title}" failed: ${response.status} ${await response.text()}`);
  return { ref, path: `/requests/${ref}` };
}
