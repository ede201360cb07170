import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { assertCan } from "~/policies/authorize.server";
import { listAuditEntries } from "~/models/audit-log.server";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { Button } from "~/components/ui/form-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DataTable, NextPageLink, withCursor } from "~/components/ui/data-table";

export const meta: MetaFunction = () => [{ title: "Audit log · Admin · Upstream" }];

const ACTION_GROUPS = [
  { value: "", label: "Everything" },
  { value: "auth.", label: "Sign-ins and passwords" },
  { value: "auth.sign_in_failed", label: "Failed sign-ins" },
  { value: "user.", label: "People" },
  { value: "team.", label: "Teams" },
  { value: "membership.", label: "Memberships" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  assertCan(admin, "audit.view");
  const url = new URL(request.url);
  const action = ACTION_GROUPS.find((g) => g.value === url.searchParams.get("action"))?.value ?? "";
  const actor = (url.searchParams.get("actor") ?? "").trim().slice(0, 254);
  const page = await listAuditEntries({ action, actorEmail: actor || undefined, before: url.searchParams.get("before") ?? undefined });
  return json({ ...page, action, actor }, { headers: { "Cache-Control": "no-store" } });
}

function describeDetails(details: unknown) {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(", ");
}

export default function AuditLog() {
  const { entries, nextCursor, action, actor } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div>
      <PageHeader title="Audit log" description="Sign-ins, failed sign-ins, changes to people, roles, teams and memberships." />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="action" className="block text-sm font-medium">
            Show
          </label>
          <select id="action" name="action" defaultValue={action} className="rounded-md border border-slate-400 px-3 py-2">
            {ACTION_GROUPS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="actor" className="block text-sm font-medium">
            By (email)
          </label>
          <input id="actor" name="actor" type="email" defaultValue={actor} className="rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </Form>
      {entries.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-700 shadow">Nothing matches these filters.</p>
      ) : (
        <DataTable caption="Audit log entries, newest first" columns={["When (UTC)", "What", "Who", "On", "Details", "Address"]}>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-4 py-2">
                <time dateTime={e.at}>{e.at.replace("T", " ").slice(0, 19)}</time>
              </td>
              <td className="px-4 py-2 font-mono">{e.action}</td>
              <td className="px-4 py-2">
                {e.actor ? (
                  <Link to={`/admin/people/${e.actorId}`} className={textLinkClass}>
                    {e.actor.name}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-4 py-2">{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8) ?? ""}` : "—"}</td>
              <td className="px-4 py-2">{describeDetails(e.details)}</td>
              <td className="px-4 py-2">{e.ip ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <NextPageLink query={withCursor(searchParams, "before", nextCursor)} label="Older entries" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
