import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { notFound } from "~/policies/authorize.server";
import { getTeamBySlug, listTeams, teamTree } from "~/models/team.server";
import { editTeamAction, findPeopleToAdd, membershipAction } from "~/models/team-admin-actions.server";
import { ackTargetForForm, editTeamSchema } from "~/validation/teams";
import { getFormProps, parseWithZod, useForm } from "~/utils/forms";
import { TeamFields } from "~/components/team-fields";
import { TeamMembersEditor } from "~/components/team-members-editor";
import { Button, FormErrors } from "~/components/ui/form-controls";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? "Team"} · Admin · Upstream` }];

async function loadTeam(request: Request, slug: string | undefined) {
  const admin = await requireAdmin(request);
  const team = await getTeamBySlug(slug ?? "");
  if (!team) throw notFound();
  return { admin, team };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await loadTeam(request, params.slug);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const [allTeams, candidates] = await Promise.all([listTeams(), findPeopleToAdd(team.id, query)]);
  // A team can't report to itself or to a team below it; the model refuses that too.
  const tree = teamTree(allTeams);
  const below = new Set<string>([team.id]);
  for (const t of tree) if (t.parentId && below.has(t.parentId)) below.add(t.id);
  const parents = tree.filter((t) => !below.has(t.id)).map(({ id, name, depth }) => ({ id, name, depth }));
  return json({ team, parents, query, candidates });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, team } = await loadTeam(request, params.slug);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const ctx = { request, adminId: admin.id, team, ip: context.clientIp };
  if (intent === "add-member" || intent === "change-role" || intent === "remove-member") return membershipAction(ctx, formData, intent);
  return editTeamAction(ctx, formData);
}

export default function AdminTeam() {
  const { team, parents, query, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "edit-team",
    lastResult: result,
    defaultValue: {
      name: team.name,
      slug: team.slug,
      description: team.description,
      parentId: team.parentId ?? "",
      acceptsRequests: team.acceptsRequests ? "on" : undefined,
      complaintAckTarget: ackTargetForForm(team.complaintAckTargetMinutes).value,
      complaintAckTargetUnit: ackTargetForForm(team.complaintAckTargetMinutes).unit,
    },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editTeamSchema }),
  });
  return (
    <div>
      <PageHeader
        title={team.name}
        description={
          <Link to={`/teams/${team.slug}`} className={textLinkClass}>
            See the team's public page
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)} aria-labelledby="details-heading">
          <h2 id="details-heading" className="text-lg font-semibold">
            Details
          </h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="version" value={team.updatedAt} />
          <TeamFields fields={fields} parents={parents} />
          <Button type="submit" name="intent" value="edit-team">
            Save team
          </Button>
        </Form>
        <TeamMembersEditor team={team} query={query} candidates={candidates} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
