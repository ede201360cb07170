import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { createTeam, listTeamChoices } from "~/models/team.server";
import { teamConflictReply, toTeamInput } from "~/models/team-form.server";
import { teamSchema } from "~/validation/teams";
import { DEFAULT_ACK_TARGET_MINUTES } from "~/utils/complaint-rules";
import { parseWithZod, useForm } from "~/utils/forms";
import { TeamFields } from "~/components/team-fields";
import { FormCard } from "~/components/ui/form-card";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "New team · Admin · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return json({ parents: await listTeamChoices() });
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
      <FormCard form={form} submitLabel="Create team" cancelTo="/admin/teams">
        <TeamFields fields={fields} parents={parents} />
      </FormCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
