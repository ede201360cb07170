// /admin/complaint-categories — complaint categories and the team each one routes to.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { listComplaintCategories } from "~/models/complaint-category.server";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DataTable } from "~/components/ui/data-table";

export const meta: MetaFunction = () => [{ title: "Complaint categories · Admin · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const categories = await listComplaintCategories();
  return json({
    categories: categories.map((c) => ({ id: c.id, name: c.name, active: c.active, owner: c.ownerTeam, complaints: c._count.complaints })),
  });
}

export default function AdminComplaintCategories() {
  const { categories } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Complaint categories"
        description="The categories reps choose when they log a complaint, and the team each one is routed to."
        actions={
          <Link to="/admin/complaint-categories/new" className={linkButtonClass}>
            New category
          </Link>
        }
      />
      {categories.length === 0 ? (
        <p className="rounded-lg bg-white p-6 shadow">No categories yet. Reps need at least one to log a complaint.</p>
      ) : (
        <DataTable caption="Complaint categories, active first" columns={["Category", "Owning team", "Active", "Complaints"]}>
          {categories.map((c) => (
            <tr key={c.id}>
              <td className="px-4 py-2">
                <Link to={`/admin/complaint-categories/${c.id}`} className={textLinkClass}>
                  {c.name}
                </Link>
              </td>
              <td className="px-4 py-2">
                <Link to={`/admin/teams/${c.owner.slug}`} className={textLinkClass}>
                  {c.owner.name}
                </Link>
              </td>
              <td className="px-4 py-2">{c.active ? "Yes" : "No (hidden from the log form)"}</td>
              <td className="px-4 py-2 tabular-nums">{c.complaints}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
