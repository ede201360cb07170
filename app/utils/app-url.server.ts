import { env } from "./env.server";

/** The address people use to reach the app, for links in emails. */
export function appUrl(request: Request) {
  return (env().APP_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}
