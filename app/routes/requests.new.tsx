// /requests/new — raise a request in three steps, each a plain GET page so the whole journey
// works without JavaScript: 1. the team (?q= searches), 2. the type (?team=<slug>), 3. the details
// (?team=<slug>&type=<id>), posted here. Success redirects to the request with a flash message.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import {
  findProviderTeam,
  newFormToken,
  offeredTypes,
  raiseRequestAction,
  searchProviderTeams,
  teamsOf,
} from "~/models/new-request.server";
import { todayIso } from "~/validation/requests";
import { NewRequestProgress, TeamStep, TypeStep } from "~/components/new-request-steps";
import { NewRequestForm } from "~/components/new-request-form";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "New request · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").trim().slice(0, 100);
  const slug = params.get("team");
  if (!slug) return json({ step: 1 as const, query, teams: await searchProviderTeams(query), notice: null });

  const team = await findProviderTeam(slug);
  if (!team) {
    const notice = "We couldn't find that team, or it doesn't take requests. Choose one from the list.";
    return json({ step: 1 as const, query, teams: await searchProviderTeams(""), notice }, { status: 404 });
  }
  const types = await offeredTypes(team.id);
  const typeId = params.get("type");
  const type = types.find((t) => t.id === typeId);
  if (!type) {
    // An empty choice, or a type that is inactive now or belongs to another team.
    const error =
      typeId === null
        ? null
        : typeId
          ? `${team.name} doesn't offer that type now. Choose one of these.`
          : "Choose what kind of request this is.";
    return json({ step: 2 as const, team, types, selected: typeId, error });
  }
  const myTeams = await teamsOf(user.id);
  return json({ step: 3 as const, team, type, myTeams, formToken: newFormToken(), today: todayIso() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return raiseRequestAction(request, user, await request.formData());
}

function Step() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (data.step === 1) return <TeamStep query={data.query} teams={data.teams} notice={data.notice} />;
  if (data.step === 2) return <TypeStep team={data.team} types={data.types} selected={data.selected} error={data.error} />;
  return (
    <NewRequestForm
      team={data.team}
      type={data.type}
      myTeams={data.myTeams}
      formToken={data.formToken}
      today={data.today}
      lastResult={actionData?.result}
    />
  );
}

export default function NewRequest() {
  const data = useLoaderData<typeof loader>();
  const title = data.step === 1 ? "New request" : `New request to ${data.team.name}`;
  return (
    <div className="max-w-2xl">
      <PageHeader title={title} description="Ask another team for something. You can follow it on the request's page." />
      <NewRequestProgress step={data.step} />
      <Step />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
