import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Home · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const memberships = await prisma.membership.findMany({
    where: { userId: user.id },
    orderBy: { team: { name: "asc" } },
    select: {
      role: true,
      team: { select: { name: true, slug: true, description: true, _count: { select: { memberships: true } } } },
    },
  });
  return json({ name: user.name, memberships });
}

export default function Home() {
  const { name, memberships } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {name}</h1>
      <section aria-labelledby="my-teams" className="rounded-lg bg-white p-6 shadow">
        <h2 id="my-teams" className="text-lg font-semibold">
          Your teams
        </h2>
        {memberships.length === 0 ? (
          <p className="mt-2 text-slate-700">
            You don't belong to a team yet. An administrator adds people to teams;{" "}
            <Link to="/teams" className="text-brand-700 underline">
              browse the teams
            </Link>{" "}
            to see who does what.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {memberships.map(({ role, team }) => (
              <li key={team.slug} className="py-3">
                <Link to={`/teams/${team.slug}`} className="font-medium text-brand-700 underline">
                  {team.name}
                </Link>
                <span className="ml-2 text-sm text-slate-600">
                  {role === "MANAGER" ? "Manager" : "Member"} · {team._count.memberships} people
                </span>
                {team.description ? <p className="text-sm text-slate-700">{team.description}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
