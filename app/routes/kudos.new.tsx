// /kudos/new — thank a person or a team, in two plain GET-then-POST steps so it works without
// JavaScript and with thousands of people: 1. choose whom (?q= searches people by name, email or
// title; a select offers the teams), 2. write the message (?person=<id> or ?team=<slug>, posted
// here). ?request=REQ-<n> ties the kudos to a request the author can see (the rating page links
// here with it); one they can't see is treated as one that doesn't exist.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import {
  KudosInputError,
  newKudosFormToken,
  resolveRecipient,
  resolveRequest,
  searchRecipients,
  sendKudos,
  teamChoices,
} from "~/models/kudos.server";
import { getTeamScope } from "~/models/team-scope.server";
import { kudosSchema } from "~/validation/kudos";
import { KudosRecipientStep, type KudosSuggestion } from "~/components/kudos-recipient-step";
import { KudosForm } from "~/components/kudos-form";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Send kudos · Upstream" }];

/** Runs a lookup, turning "can't use that" into a notice for the page instead of an error. */
async function attempt<T>(run: () => Promise<T>, notices: string[], status: { code: number }) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof KudosInputError)) throw error;
    notices.push(error.message);
    status.code = Math.max(status.code, error.missing ? 404 : 400);
    return null;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const notices: string[] = [];
  const status = { code: 200 };
  const scope = await getTeamScope(user.id, request);
  const requestRef = params.get("request")?.trim() ?? "";
  const about = requestRef ? await attempt(() => resolveRequest(user, scope, requestRef), notices, status) : null;
  const personId = params.get("person");
  const teamSlug = params.get("team");
  const recipient =
    personId || teamSlug
      ? await attempt(
          () => resolveRecipient(user.id, personId ? "person" : "team", personId ? { id: personId } : { slug: teamSlug ?? "" }),
          notices,
          status,
        )
      : null;
  const aboutRequest = about ? { number: about.number } : null;

  if (recipient) {
    return json({ step: 2 as const, recipient, about: aboutRequest, notices, formToken: newKudosFormToken() }, { status: status.code });
  }
  const query = (params.get("q") ?? "").trim().slice(0, 100);
  // From a request: offer the team that handled it and the person it was assigned to.
  const suggestions: KudosSuggestion[] = about
    ? [
        { kind: "team", key: about.providerTeam.slug, name: about.providerTeam.name },
        ...(about.assignee && about.assignee.active && about.assignee.id !== user.id
          ? [{ kind: "person" as const, key: about.assignee.id, name: about.assignee.name }]
          : []),
      ]
    : [];
  const [people, teams] = await Promise.all([searchRecipients(user.id, query), teamChoices()]);
  return json(
    {
      step: 1 as const,
      query,
      people,
      teams: teams.map(({ name, slug }) => ({ name, slug })),
      suggestions,
      about: aboutRequest,
      notices,
    },
    { status: status.code },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: kudosSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  let sent: Awaited<ReturnType<typeof sendKudos>>;
  try {
    sent = await sendKudos(user, await getTeamScope(user.id, request), submission.value);
  } catch (error) {
    if (!(error instanceof KudosInputError)) throw error;
    return json({ result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) }, { status: 400 });
  }
  // A double submit lands here too, with the kudos the first one created.
  return redirectWithFlash(request, "/kudos", { kind: "success", message: `Your kudos to ${sent.recipientName} is on the wall.` });
}

function Step() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (data.step === 1) {
    return (
      <KudosRecipientStep
        query={data.query}
        people={data.people}
        teams={data.teams}
        suggestions={data.suggestions}
        about={data.about}
        notices={data.notices}
      />
    );
  }
  return (
    <KudosForm
      recipient={data.recipient}
      about={data.about}
      notices={data.notices}
      formToken={data.formToken}
      lastResult={actionData?.result}
    />
  );
}

export default function NewKudos() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={data.step === 2 ? `Send kudos to ${data.recipient.name}` : "Send kudos"}
        description="Thank a person or a team for their help. Kudos appear on the wall, and the people you thank are told."
      />
      <Step />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
