// /dashboards: the escalation trends first (what managers read most); the service overview is a
// tab away. Only for managers and admins; anyone else 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server";
import { requireDashboardScope } from "~/models/dashboard-scope.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await requireDashboardScope(user, request);
  return redirect("/dashboards/escalations");
}

// Never shown (the loader always redirects or refuses); present so a refusal gets the app's 404 page.
export default function Dashboards() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
