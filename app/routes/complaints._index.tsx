// "My complaints" (/complaints): the complaints I logged and those I heard too, newest first,
// with status, who has them and the manager's response; "?before=<number>" pages on.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { loadMyComplaints } from "~/models/my-complaints.server";
import { getTeamScope } from "~/models/team-scope.server";
import { isManagerOrAdmin } from "~/policies/complaint.server";
import { MyComplaintsTable } from "~/components/complaint-list";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "My complaints · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const raw = new URL(request.url).searchParams.get("before");
  const before = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const [list, scope] = await Promise.all([loadMyComplaints(user.id, { before }), getTeamScope(user.id, request)]);
  return json({
    rows: list.rows,
    next: list.nextBefore ? `/complaints?before=${list.nextBefore}` : null,
    first: before ? "/complaints" : null,
    manager: isManagerOrAdmin(user, scope),
  });
}

export default function MyComplaints() {
  const { rows, next, first, manager } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="My complaints"
        description="Complaints you logged or heard too: where each one is, and what the managers said."
        actions={
          <>
            {manager ? (
              <Link to="/complaints/inbox" className={`${textLinkClass} self-center px-2 text-sm`}>
                Complaints inbox
              </Link>
            ) : null}
            <Link to="/complaints/new" className={linkButtonClass}>
              Log a complaint
            </Link>
          </>
        }
      />
      <MyComplaintsTable rows={rows} />
      <nav aria-label="Pages" className="mt-4 flex gap-4">
        {first ? (
          <Link to={first} className={textLinkClass}>
            Newest
          </Link>
        ) : null}
        {next ? (
          <Link to={next} className={textLinkClass}>
            Older complaints
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
