import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { listPeople } from "~/models/user.server";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { Button } from "~/components/ui/form-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DataTable, NextPageLink, withCursor } from "~/components/ui/data-table";

export const meta: MetaFunction = () => [{ title: "People · Admin · Upstream" }];

const STATUSES = ["active", "inactive", "all"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const status = STATUSES.find((s) => s === url.searchParams.get("status")) ?? "active";
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const after = url.searchParams.get("after") ?? undefined;
  const page = await listPeople({ query, status, after });
  return json({ ...page, query, status });
}

export default function AdminPeople() {
  const { people, nextCursor, query, status } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div>
      <PageHeader
        title="People"
        description="Everyone who can sign in to Upstream. New people get an emailed invitation to choose their password."
        actions={
          <Link to="/admin/people/new" className={linkButtonClass}>
            Add a person
          </Link>
        }
      />
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Name, email or title"
            className="rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            Show
          </label>
          <select id="status" name="status" defaultValue={status} className="rounded-md border border-slate-400 px-3 py-2">
            <option value="active">Active people</option>
            <option value="inactive">Deactivated people</option>
            <option value="all">Everyone</option>
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </Form>
      {people.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-700 shadow">Nobody matches. Try a shorter search, or show everyone.</p>
      ) : (
        <DataTable caption="People" columns={["Name", "Email", "Teams", "Access", "Status"]}>
          {people.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-2">
                <Link to={`/admin/people/${p.id}`} className={textLinkClass}>
                  {p.name}
                </Link>
                {p.title ? <div className="text-slate-600">{p.title}</div> : null}
              </td>
              <td className="px-4 py-2">{p.email}</td>
              <td className="px-4 py-2">
                {p.memberships.map((m) => m.team.name + (m.role === "MANAGER" ? " (manager)" : "")).join(", ") || "—"}
              </td>
              <td className="px-4 py-2">{p.role === "ADMIN" ? "Administrator" : "Employee"}</td>
              <td className="px-4 py-2">{!p.active ? "Deactivated" : p.invitationPending ? "Invited" : "Active"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <NextPageLink query={withCursor(searchParams, "after", nextCursor)} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
