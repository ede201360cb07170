import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { getTeamScope } from "~/models/team-scope.server";
import { loadHome } from "~/models/home.server";
import { STATUS_LABELS } from "~/utils/request-lifecycle";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { complaintPath } from "~/utils/complaint-rules";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { linkButtonClass, textLinkClass } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Home · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = await getTeamScope(user.id, request);
  return json({ name: user.name, ...(await loadHome(user.id, scope)) });
}

function Panel({
  id,
  title,
  children,
  more,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  more?: { to: string; label: string };
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-6 shadow">
      <div className="flex items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {more ? (
          <Link to={more.to} className={textLinkClass}>
            {more.label}
          </Link>
        ) : null}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** One entry of a panel's list: a link, and a line about it. */
function Item({ to, label, detail }: { to: string; label: string; detail: React.ReactNode }) {
  return (
    <li className="py-2">
      <Link to={to} className={textLinkClass}>
        {label}
      </Link>
      <div className="text-sm text-slate-600">{detail}</div>
    </li>
  );
}

export default function Home() {
  const { name, myOpen, queues, assignedToMe, notifications, awaitingRating, recoveryCases, myComplaints } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Welcome, {name}</h1>
        <Link to="/requests/new" className={linkButtonClass}>
          Raise a request
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {awaitingRating.length ? (
          <Panel id="awaiting-rating" title="Waiting for your rating">
            <ul className="divide-y divide-slate-200">
              {awaitingRating.map((r) => (
                <Item
                  key={r.number}
                  to={r.link}
                  label={`${r.rerate ? "Rate again" : "Rate"} ${formatRequestNumber(r.number)} ${r.title}`}
                  detail={r.rerate ? `${r.team} closed the recovery case` : `Resolved by ${r.team}`}
                />
              ))}
            </ul>
          </Panel>
        ) : null}
        {recoveryCases.length ? (
          <Panel id="recovery-cases" title="Recovery cases to act on" more={{ to: "/recovery", label: "All recovery cases" }}>
            <ul className="divide-y divide-slate-200">
              {recoveryCases.map((c) => (
                <Item
                  key={c.id}
                  to={c.path}
                  label={`${c.ref} ${c.title}`}
                  detail={`${c.statusLabel} · ${c.team} · rated ${c.overall} of 5${c.overdue ? " · overdue" : ""}`}
                />
              ))}
            </ul>
          </Panel>
        ) : null}
        <Panel id="my-requests" title="My open requests" more={{ to: "/requests", label: "All my requests" }}>
          {myOpen.length === 0 ? (
            <p className="text-slate-700">Nothing open. When you need something from another team, raise a request.</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {myOpen.map((r) => (
                <Item
                  key={r.number}
                  to={requestPath(r.number)}
                  label={`${formatRequestNumber(r.number)} ${r.title}`}
                  detail={`${STATUS_LABELS[r.status]} · ${r.providerTeam.name}`}
                />
              ))}
            </ul>
          )}
        </Panel>
        <Panel id="my-complaints" title="My complaints" more={{ to: "/complaints", label: "All my complaints" }}>
          {myComplaints.length === 0 ? (
            <p className="text-slate-700">
              None yet. When a customer complains to you,{" "}
              <Link to="/complaints/new" className={textLinkClass}>
                log it
              </Link>
              .
            </p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {myComplaints.map((c) => (
                <Item
                  key={c.number}
                  to={complaintPath(c.number)}
                  label={`${c.ref} ${c.summary}`}
                  detail={`${c.statusLabel} · ${c.holder}${c.response ? " · answered" : ""}`}
                />
              ))}
            </ul>
          )}
        </Panel>
        <Panel id="my-queues" title="My teams' queues">
          {queues.length === 0 ? (
            <p className="text-slate-700">You don't work in a team that takes requests.</p>
          ) : (
            <>
              <p className="mb-2 text-sm text-slate-700">
                Assigned to you and open: <strong>{assignedToMe}</strong>
              </p>
              <ul className="divide-y divide-slate-200">
                {queues.map((q) => (
                  <Item
                    key={q.slug}
                    to={`/teams/${q.slug}/queue`}
                    label={q.name}
                    detail={`${q.open} open · ${q.new} new · ${q.unassigned} unassigned`}
                  />
                ))}
              </ul>
            </>
          )}
        </Panel>
        <Panel id="latest-notifications" title="Latest notifications" more={{ to: "/notifications", label: "All notifications" }}>
          {notifications.length === 0 ? (
            <p className="text-slate-700">Nothing yet.</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {notifications.map((n) => (
                <li key={n.id} className="py-2">
                  <Link to={n.link} className={n.readAt ? "text-slate-800 underline" : `${textLinkClass} font-semibold`}>
                    {n.title}
                  </Link>
                  {n.readAt ? null : <span className="sr-only"> (unread)</span>}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
