// Calling Remix loaders and actions directly with real Requests, as the server would.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { createUserSession } from "~/utils/auth.server";

export const TEST_ORIGIN = "http://localhost";

/** What server/index.ts hands to every loader and action. */
export const testContext: AppLoadContext = { clientIp: "127.0.0.1", requestId: "test", cspNonce: "test" };

export type RouteParams = LoaderFunctionArgs["params"];

export interface RouteModule {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
}

export interface RequestOptions {
  /** A Cookie header value, e.g. from signInAs(). */
  cookie?: string;
  headers?: HeadersInit;
}

function absolute(url: string) {
  return new URL(url, TEST_ORIGIN).toString();
}

function headersFor(options: RequestOptions) {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  return headers;
}

/** Signs the user in (a real session row) and returns the Cookie header value to send. */
export async function signInAs(userId: string): Promise<string> {
  const setCookie = await createUserSession(new Request(`${TEST_ORIGIN}/`), userId);
  return setCookie.split(";", 1)[0]!;
}

/** A GET request; `url` may be a path ("/teams"). */
export function getRequest(url: string, options: RequestOptions = {}): Request {
  return new Request(absolute(url), { method: "GET", headers: headersFor(options) });
}

/**
 * A form POST as a browser sends it (urlencoded, same-site Origin). Array values repeat the
 * field. `origin: null` leaves the Origin header out.
 */
export function formRequest(
  url: string,
  fields: Record<string, string | string[]>,
  options: RequestOptions & { origin?: string | null } = {},
): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  const headers = headersFor(options);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  const origin = options.origin === undefined ? TEST_ORIGIN : options.origin;
  if (origin !== null) headers.set("Origin", origin);
  return new Request(absolute(url), { method: "POST", headers, body });
}

function isResponse(value: unknown): value is Response {
  return value instanceof Response;
}

/** The Response a data function produced, whether it returned or threw it (redirects, 404s). */
async function settle(run: () => unknown): Promise<Response> {
  try {
    const result = await run();
    // Remix serialises plain returned data as JSON; do the same so callers see one shape.
    return isResponse(result) ? result : Response.json(result ?? null);
  } catch (thrown) {
    if (isResponse(thrown)) return thrown;
    throw thrown;
  }
}

export function callLoader(route: RouteModule, request: Request, params: RouteParams = {}): Promise<Response> {
  const { loader } = route;
  if (!loader) throw new Error("This route module has no loader");
  return settle(() => loader({ request, params, context: testContext }));
}

export function callAction(route: RouteModule, request: Request, params: RouteParams = {}): Promise<Response> {
  const { action } = route;
  if (!action) throw new Error("This route module has no action");
  return settle(() => action({ request, params, context: testContext }));
}

/** Dispatches like Remix: GET and HEAD go to the loader, every other method to the action. */
export function callRoute(route: RouteModule, request: Request, params: RouteParams = {}): Promise<Response> {
  return ["GET", "HEAD"].includes(request.method) ? callLoader(route, request, params) : callAction(route, request, params);
}

/** The JSON body of a loader or action response (`json()` or returned data). */
export async function readJson<T = unknown>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Expected a JSON response, got status ${response.status}: ${text.slice(0, 200)}`);
  }
}
