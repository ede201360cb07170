import { env } from "./env.server";

/** The app's address for links in emails sent outside a web request (jobs). */
export function publicBaseUrl() {
  const config = env();
  return (config.APP_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
}
