// /kudos — the kudos wall: newest first, keyset pages ("Older kudos"), and a filter by team
// (kudos to the team or to anyone in it now) as a plain GET form. Managers and admins who may
// hide an entry get a "Hide" form on it (intent=hide, audited); anyone else posting it gets 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { assertMayHideKudos, hideKudos, listKudosWall, teamChoices } from "~/models/kudos.server";
import { notFound } from "~/policies/authorize.server";
import { getTeamScope } from "~/models/team-scope.server";
import { hideKudosSchema } from "~/validation/kudos";
import { KudosList } from "~/components/kudos-list";
import { KudosHideForm, type HideKudosResult } from "~/components/kudos-hide-form";
import { ListNotices } from "~/components/list-notices";
import { NextPageLink, withCursor } from "~/components/ui/data-table";
import { Button } from "~/components/ui/form-controls";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Kudos · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const [teams, scope] = await Promise.all([teamChoices(), getTeamScope(user.id, request)]);
  const slug = params.get("team") ?? "";
  const team = slug ? teams.find((t) => t.slug === slug) : undefined;
  const notices = slug && !team ? ["We couldn't find that team, so this shows everyone's kudos."] : [];
  const page = await listKudosWall({ user, scope }, { teamId: team?.id, before: params.get("before") });
  return json({
    ...page,
    teams: teams.map(({ name, slug }) => ({ name, slug })),
    team: team ? { name: team.name, slug: team.slug } : null,
    notices,
    olderQuery: withCursor(params, "before", page.nextCursor)?.toString() ?? null,
  });
}

/** Back to the page of the wall the form was on (same filter, same page). */
function wallUrl(request: Request) {
  const { search } = new URL(request.url);
  const params = new URLSearchParams(search);
  params.delete("index");
  const query = params.toString();
  return query ? `/kudos?${query}` : "/kudos";
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "hide") throw new Response("That action isn't available here.", { status: 400 });
  const id = formData.get("id");
  // A NUL character is no kudos's id, and PostgreSQL would fail on it rather than find nothing.
  if (typeof id !== "string" || !id || id.includes("\u0000")) throw notFound();
  await assertMayHideKudos(user, await getTeamScope(user.id, request), id);
  const submission = parseWithZod(formData, { schema: hideKudosSchema });
  if (submission.status !== "success") {
    const reason = formData.get("reason");
    const hide: HideKudosResult = { id, reason: typeof reason === "string" ? reason : "", errors: submission.error?.reason ?? [] };
    return json({ hide }, { status: 400 });
  }
  const { hidden } = await hideKudos(user.id, id, submission.value.reason, context.clientIp);
  return redirectWithFlash(request, wallUrl(request), {
    kind: hidden ? "success" : "info",
    message: hidden ? "The kudos is hidden. Nobody sees it any more." : "Someone had already hidden that kudos.",
  });
}

function TeamFilter({ teams, selected }: { teams: Array<{ name: string; slug: string }>; selected: string }) {
  return (
    <Form key={selected} method="get" role="search" aria-label="Filter kudos" className="mb-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="kudos-team" className="block text-sm font-medium text-slate-800">
          Team
        </label>
        <select
          id="kudos-team"
          name="team"
          defaultValue={selected}
          className="block rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm"
        >
          <option value="">Everyone</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </Form>
  );
}

export default function KudosWall() {
  const { kudos, isFirstPage, teams, team, notices, olderQuery } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sendHref = team ? `/kudos/new?team=${encodeURIComponent(team.slug)}` : "/kudos/new";
  return (
    <div>
      <PageHeader
        title={team ? `Kudos for ${team.name}` : "Kudos"}
        description={team ? "Thanks to the team and to the people in it." : "Thanks people and teams have given each other."}
        actions={
          <Link to={sendHref} className={linkButtonClass}>
            Send kudos
          </Link>
        }
      />
      <ListNotices notices={notices} />
      <TeamFilter teams={teams} selected={team?.slug ?? ""} />
      <section aria-label="Kudos" className="rounded-lg bg-white px-6 py-3 shadow">
        <KudosList
          kudos={kudos}
          label="Kudos, newest first"
          empty={isFirstPage ? "No kudos here yet. Be the first to thank someone." : "No older kudos."}
          renderActions={(k) =>
            k.mayHide ? (
              <KudosHideForm kudosId={k.id} description={`from ${k.author.name} to ${k.recipient.name}`} result={actionData?.hide} />
            ) : null
          }
        />
      </section>
      <nav aria-label="More kudos" className="flex gap-4">
        {isFirstPage ? null : (
          <p className="mt-4">
            <Link to={team ? `/kudos?team=${encodeURIComponent(team.slug)}` : "/kudos"} className={textLinkClass}>
              Newest
            </Link>
          </p>
        )}
        <NextPageLink query={olderQuery === null ? null : new URLSearchParams(olderQuery)} label="Older kudos" />
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
