import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { assertCan, can, notFound } from "~/policies/authorize.server";
import { getTeamBySlug } from "~/models/team.server";
import { getTeamScope } from "~/models/team-scope.server";
import { canWorkOnRequest } from "~/policies/request.server";
import { canViewScorecard } from "~/policies/scorecard.server";
import { latestKudosForTeam } from "~/models/kudos.server";
import { KudosList } from "~/components/kudos-list";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? "Team"} · Upstream` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "team.view");
  const team = await getTeamBySlug(params.slug ?? "");
  if (!team) throw notFound();
  const { memberships, ...rest } = team;
  const scope = await getTeamScope(user.id, request);
  const people = memberships
    .filter((m) => m.user.active)
    .map((m) => ({ id: m.user.id, name: m.user.name, title: m.user.title, role: m.role }));
  return json({
    team: rest,
    managers: people.filter((p) => p.role === "MANAGER"),
    members: people.filter((p) => p.role === "MEMBER"),
    mayManage: can(user, "team.manage"),
    // The team's queue is for the people who work its requests.
    mayWork: canWorkOnRequest(user, scope, { providerTeamId: team.id }),
    mayReadScorecard: team.acceptsRequests && canViewScorecard(user, scope, team.id),
    kudos: await latestKudosForTeam(team.id, 5),
  });
}

function PeopleList({ label, people }: { label: string; people: Array<{ id: string; name: string; title: string }> }) {
  return (
    <section aria-label={label} className="rounded-lg bg-white p-6 shadow">
      <h2 className="font-semibold">{label}</h2>
      {people.length ? (
        <ul className="mt-2 space-y-1">
          {people.map((p) => (
            <li key={p.id}>
              <Link to={`/people/${p.id}`} className={textLinkClass}>
                {p.name}
              </Link>
              {p.title ? <span className="text-sm text-slate-600"> · {p.title}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">None yet.</p>
      )}
    </section>
  );
}

export default function TeamPage() {
  const { team, managers, members, mayManage, mayWork, mayReadScorecard, kudos } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={team.name}
        description={team.description || undefined}
        actions={
          mayManage ? (
            <Link to={`/admin/teams/${team.slug}`} className={linkButtonClass}>
              Manage team
            </Link>
          ) : undefined
        }
      />
      <nav aria-label="Requests to this team" className="mb-6 flex flex-wrap gap-4">
        {team.acceptsRequests ? (
          <Link to={`/requests/new?team=${encodeURIComponent(team.slug)}`} className={linkButtonClass}>
            Raise a request
          </Link>
        ) : null}
        <Link to={`/teams/${team.slug}/catalogue`} className={`${textLinkClass} self-center`}>
          Service catalogue
        </Link>
        {mayWork ? (
          <Link to={`/teams/${team.slug}/queue`} className={`${textLinkClass} self-center`}>
            Queue
          </Link>
        ) : null}
        {mayReadScorecard ? (
          <Link to={`/teams/${team.slug}/scorecard`} className={`${textLinkClass} self-center`}>
            Scorecard
          </Link>
        ) : null}
      </nav>
      <dl className="mb-6 grid gap-4 rounded-lg bg-white p-6 text-sm shadow sm:grid-cols-3">
        <div>
          <dt className="font-medium">Reports to</dt>
          <dd>
            {team.parent ? (
              <Link to={`/teams/${team.parent.slug}`} className={textLinkClass}>
                {team.parent.name}
              </Link>
            ) : (
              "Top of the organisation"
            )}
          </dd>
        </div>
        <div>
          <dt className="font-medium">Teams below</dt>
          <dd>
            {team.children.length
              ? team.children.map((c, i) => (
                  <span key={c.slug}>
                    {i > 0 ? ", " : ""}
                    <Link to={`/teams/${c.slug}`} className={textLinkClass}>
                      {c.name}
                    </Link>
                  </span>
                ))
              : "None"}
          </dd>
        </div>
        <div>
          <dt className="font-medium">Requests</dt>
          <dd>{team.acceptsRequests ? "Takes requests from other teams" : "Doesn't take requests"}</dd>
        </div>
      </dl>
      <div className="grid gap-6 md:grid-cols-2">
        <PeopleList label="Managers" people={managers} />
        <PeopleList label="Members" people={members} />
      </div>
      <section aria-labelledby="team-kudos-heading" className="mt-6 rounded-lg bg-white p-6 shadow">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h2 id="team-kudos-heading" className="font-semibold">
            Kudos
          </h2>
          <Link to={`/kudos/new?team=${encodeURIComponent(team.slug)}`} className={textLinkClass}>
            Send kudos to {team.name}
          </Link>
        </div>
        <KudosList kudos={kudos} label={`Latest kudos for ${team.name}`} empty="No kudos for this team or its people yet." />
        <p className="mt-3">
          <Link to={`/kudos?team=${encodeURIComponent(team.slug)}`} className={textLinkClass}>
            All kudos for {team.name}
          </Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
