// The one error display every route uses: 404 for what is missing or not yours to see, a
// friendly 503 when the database is unreachable, and a generic message otherwise. Never a stack.
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";

export function GeneralErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let body = "An unexpected error stopped this page. It has been logged; please try again in a moment.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Page not found";
      body = "There is nothing here, or it isn't yours to see. Check the address, or go back home.";
    } else if (error.status === 503) {
      title = "Upstream is temporarily unavailable";
      // Thrown by server/database-outage.ts for any loader or action that can't reach the database.
      body =
        "Upstream can't reach its database right now, so this page couldn't be shown or saved. Everything saved before is safe; please try again in a minute.";
    } else if (error.status === 403) {
      title = "Not allowed";
      body = typeof error.data === "string" && error.data ? error.data : "You can't do that here.";
    } else if (error.status === 400) {
      title = "That request didn't make sense";
      body = typeof error.data === "string" && error.data ? error.data : body;
    }
  }
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-slate-700">{body}</p>
      <p className="mt-6">
        <Link to="/" className="font-medium text-brand-700 underline">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
