// Recovery cases (/recovery): the cases of the teams a manager manages and the teams below
// (every case, for admins), open ones first, filtered to open or closed. People who manage no
// team get 404, like any page that is not theirs.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { log } from "~/utils/logger.server";
import { notFound } from "~/policies/authorize.server";
import { canListRecoveryCases } from "~/policies/recovery.server";
import { getTeamScope } from "~/models/team-scope.server";
import { listRecoveryCases, RECOVERY_LIST_LIMIT } from "~/models/recovery.server";
import { RECOVERY_FILTERS, type RecoveryFilter } from "~/validation/recovery";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecoveryCaseTable } from "~/components/recovery-case-list";

export const meta: MetaFunction = () => [{ title: "Recovery cases · Upstream" }];

const FILTER_LABELS: Record<RecoveryFilter | "all", string> = { all: "All", open: "Open", closed: "Closed" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = await getTeamScope(user.id, request);
  if (!canListRecoveryCases(user, scope)) {
    log.warn("access denied", { userId: user.id, permission: "recovery.list" });
    throw notFound();
  }
  const raw = new URL(request.url).searchParams.get("status");
  const filter = (RECOVERY_FILTERS as readonly string[]).includes(raw ?? "") ? (raw as RecoveryFilter) : null;
  const cases = await listRecoveryCases(user, scope, filter);
  return json({ filter, cases, limited: cases.length === RECOVERY_LIST_LIMIT });
}

export default function RecoveryCases() {
  const { filter, cases, limited } = useLoaderData<typeof loader>();
  const current = filter ?? "all";
  return (
    <div>
      <PageHeader
        title="Recovery cases"
        description="Poor ratings of your teams and the teams below them: acknowledge, apologise, put right, close."
      />
      <nav aria-label="Filter recovery cases" className="mb-4">
        <ul className="flex gap-2">
          {(["all", ...RECOVERY_FILTERS] as const).map((f) => (
            <li key={f}>
              <Link
                to={f === "all" ? "/recovery" : `/recovery?status=${f}`}
                aria-current={current === f ? "page" : undefined}
                className={`rounded-md border px-3 py-1.5 text-sm font-medium ${current === f ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-800"}`}
              >
                {FILTER_LABELS[f]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {cases.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-700 shadow">
          {filter === "closed" ? "No closed recovery cases yet." : "No recovery cases to show. Nobody has rated your teams poorly."}
        </p>
      ) : (
        <>
          <RecoveryCaseTable cases={cases} />
          {limited ? <p className="mt-2 text-sm text-slate-700">Showing the first {RECOVERY_LIST_LIMIT} cases.</p> : null}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
