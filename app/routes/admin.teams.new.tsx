import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { createTeam, listTeams, teamTree } from "~/models/team.server";
import { teamConflictReply, toTeamInput } from "~/models/team-form.server";
import { teamSchema } from "~/validation/teams";
import { DEFAULT_ACK_TARGET_MINUTES } from "~/utils/complaint-rules";
import { getFormProps, parseWithZod, useForm } from "~/utils/forms";
import { TeamFields } from "~/components/team-fields";
import { Button, FormErrors } from "~/components/ui/form-controls";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "New team · Admin · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return json({ parents: teamTree(await listTeams()).map(({ id, name, depth }) => ({ id, name, depth })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: teamSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const team = await createTeam(admin.id, toTeamInput(submission.value), context.clientIp);
    return redirectWithFlash(request, `/admin/teams/${team.slug}`, {
      kind: "success",
      message: `${submission.value.name} was created. Add its members and managers below.`,
    });
  } catch (error) {
    const reply = teamConflictReply(error, (o) => submission.reply(o), { slugWasTyped: !!submission.value.slug });
    if (reply) return json({ result: reply }, { status: 400 });
    throw error;
  }
}

export default function NewTeam() {
  const { parents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-team",
    lastResult: actionData?.result,
    defaultValue: { complaintAckTarget: String(DEFAULT_ACK_TARGET_MINUTES / 60), complaintAckTargetUnit: "hours" },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: teamSchema }),
  });
  return (
    <div className="max-w-xl">
      <PageHeader title="New team" />
      <Form method="post" className="space-y-4 rounded-lg bg-white p-6 shadow" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TeamFields fields={fields} parents={parents} />
        <div className="flex items-center gap-4">
          <Button type="submit">Create team</Button>
          <Link to="/admin/teams" className={textLinkClass}>
            Cancel
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
