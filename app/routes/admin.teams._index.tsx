import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { listTeams, teamTree } from "~/models/team.server";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DataTable } from "~/components/ui/data-table";
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
      <DataTable caption="Teams, in hierarchy order" columns={["Team", "People", "Takes requests"]}>
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
      </DataTable>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
