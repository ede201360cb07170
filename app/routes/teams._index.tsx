import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { assertCan, can } from "~/policies/authorize.server";
import { listTeams, teamTree } from "~/models/team.server";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { indentClass } from "~/components/ui/indent";

export const meta: MetaFunction = () => [{ title: "Teams · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "team.view");
  const teams = teamTree(await listTeams());
  return json({ teams, mayManage: can(user, "team.manage") });
}

export default function Teams() {
  const { teams, mayManage } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Teams"
        description="Who does what, and who reports to whom. Complaints escalate up this hierarchy."
        actions={
          mayManage ? (
            <Link to="/admin/teams/new" className={linkButtonClass}>
              New team
            </Link>
          ) : undefined
        }
      />
      {teams.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-700 shadow">No teams yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow" aria-label="Team hierarchy">
          {teams.map((team) => (
            <li key={team.id} className={`py-3 pr-4 ${indentClass(team.depth)}`}>
              <Link to={`/teams/${team.slug}`} className={textLinkClass}>
                {team.name}
              </Link>
              {team.depth > 0 ? <span className="sr-only"> (level {team.depth + 1})</span> : null}
              <span className="ml-2 text-sm text-slate-600">
                {team._count.memberships} {team._count.memberships === 1 ? "person" : "people"}
                {team.acceptsRequests ? " · takes requests" : ""}
              </span>
              {team.description ? <p className="text-sm text-slate-700">{team.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
