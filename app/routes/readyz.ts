// Readiness: 200 when the database answers, 503 otherwise, so a load balancer takes this
// instance out of rotation during an outage and back in when it recovers.
import { isDatabaseReachable } from "~/utils/db.server";

export async function loader() {
  const ok = await isDatabaseReachable();
  return new Response(ok ? "ready" : "database unreachable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
}
