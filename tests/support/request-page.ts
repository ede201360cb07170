// Opening a request's page and posting its forms as a signed-in person would.
import * as requestRoute from "~/routes/requests.$number";
import { formatRequestNumber } from "~/utils/request-number";
import { callAction, callLoader, formRequest, getRequest, readJson } from "./http";

export type RequestPageJson = Awaited<ReturnType<typeof requestRoute.loader>> extends { json(): Promise<infer T> } ? T : never;

/** GET /requests/REQ-<n> (or the `ref` given, e.g. "42"), as the loader answers it. */
export function openRequestPage(cookie: string, number: number, ref = formatRequestNumber(number)) {
  return callLoader(requestRoute, getRequest(`/requests/${ref}`, { cookie }), { number: ref });
}

/** The loader data of a page that must open. */
export async function requestPageData(cookie: string, number: number) {
  const response = await openRequestPage(cookie, number);
  if (response.status !== 200) throw new Error(`Expected the page to open, got ${response.status}`);
  return readJson<RequestPageJson>(response);
}

/** POST one of the page's forms. */
export function postToRequest(cookie: string, number: number, fields: Record<string, string>) {
  const ref = formatRequestNumber(number);
  return callAction(requestRoute, formRequest(`/requests/${ref}`, fields, { cookie }), { number: ref });
}
