// /people/<id> — a person's profile for every signed-in employee: name, title, teams and the kudos
// they received, with a link to thank them. Someone no longer active is shown as such and can't
// be thanked (their kudos stay). Account details live on the admin's page, not here.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { assertCan, can, notFound } from "~/policies/authorize.server";
import { getPersonProfile, PROFILE_KUDOS_LIMIT } from "~/models/person-profile.server";
import { KudosList } from "~/components/kudos-list";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"} · Upstream` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "person.view");
  const person = await getPersonProfile(params.id ?? "");
  if (!person) throw notFound();
  return json({
    person,
    isMe: person.id === user.id,
    mayManage: can(user, "person.manage"),
  });
}

export default function PersonProfile() {
  const { person, isMe, mayManage } = useLoaderData<typeof loader>();
  const description = [person.title, person.active ? null : "No longer active"].filter(Boolean).join(" · ");
  return (
    <div>
      <PageHeader
        title={person.name}
        description={description || undefined}
        actions={
          <>
            {person.active && !isMe ? (
              <Link to={`/kudos/new?person=${encodeURIComponent(person.id)}`} className={linkButtonClass}>
                Send kudos to {person.name}
              </Link>
            ) : null}
            {mayManage ? (
              <Link to={`/admin/people/${person.id}`} className={`${textLinkClass} self-center`}>
                Manage account
              </Link>
            ) : null}
          </>
        }
      />
      {person.active ? null : (
        <p role="status" className="mb-6 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800">
          {person.name} is no longer active, so they can't receive kudos. What they were thanked for stays below.
        </p>
      )}
      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="person-teams-heading" className="rounded-lg bg-white p-6 shadow">
          <h2 id="person-teams-heading" className="font-semibold">
            Teams
          </h2>
          {person.teams.length ? (
            <ul className="mt-2 space-y-1">
              {person.teams.map((t) => (
                <li key={t.slug}>
                  <Link to={`/teams/${t.slug}`} className={textLinkClass}>
                    {t.name}
                  </Link>
                  {t.role === "MANAGER" ? <span className="text-sm text-slate-600"> · Manager</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-700">Not in a team.</p>
          )}
        </section>
        <section aria-labelledby="person-kudos-heading" className="rounded-lg bg-white p-6 shadow md:col-span-2">
          <h2 id="person-kudos-heading" className="font-semibold">
            Kudos received
          </h2>
          <p className="text-sm text-slate-600">
            {person.kudos.length ? `Newest first, up to ${PROFILE_KUDOS_LIMIT}. ` : null}
            <Link to="/kudos" className={textLinkClass}>
              See the kudos wall
            </Link>
          </p>
          <KudosList
            kudos={person.kudos}
            label={`Kudos to ${person.name}, newest first`}
            empty={isMe ? "No kudos yet. When someone thanks you, it shows here." : "No kudos yet."}
          />
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
