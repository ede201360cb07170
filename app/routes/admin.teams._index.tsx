import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { listTeams, teamTree } from "~/models/team.server";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { indentClass } from "~/components/ui/indent";

export const meta: MetaFunction = () => [{ title: "Teams · Admin · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return json({ teams: teamTree(await listTeams()) });
}

export default function AdminTeams() {
  const { teams } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Teams"
        description="Create teams, arrange them in a hierarchy, and choose their members and managers."
        actions={
          <Link to="/admin/teams/new" className={linkButtonClass}>
            New team
          </Link>
        }
      />
      <div className="overflow-x-auto rounded-lg bg-white shadow">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Teams, in hierarchy order</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-4 py-2">
                Team
              </th>
              <th scope="col" className="px-4 py-2">
                People
              </th>
              <th scope="col" className="px-4 py-2">
                Takes requests
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {teams.map((t) => (
              <tr key={t.id}>
                <td className={`py-2 pr-4 ${indentClass(t.depth)}`}>
                  <Link to={`/admin/teams/${t.slug}`} className={textLinkClass}>
                    {t.name}
                  </Link>
                </td>
                <td className="px-4 py-2">{t._count.memberships}</td>
                <td className="px-4 py-2">{t.acceptsRequests ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
