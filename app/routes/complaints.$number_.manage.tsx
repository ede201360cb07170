// The manager's work page for one complaint (/complaints/CMP-12/manage): the facts, where it
// stands, and the forms to acknowledge, tag with themes, plan an action, respond to the rep, close
// and reroute. Only managers of the routed team or a team above it, and admins: anyone else gets
// 404 from the loader and from every form, whether or not the complaint exists. Success
// redirects to the complaint's page with a flash message. (The trailing underscore keeps this page
// out of the complaint page's layout.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { loadManagedComplaint } from "~/models/complaint-actions.server";
import { getManagePage, manageAction, type ManageActionReply } from "~/models/complaint-manage.server";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/ui/form-controls";
import { ComplaintManageFacts } from "~/components/complaint-manage-facts";
import { AcknowledgeForm, CloseForm, PlanForm, RerouteForm, RespondForm, ThemesForm } from "~/components/complaint-manage-forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Manage ${data.complaint.ref} · Upstream` : "Manage complaint · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadManagedComplaint(user, params.number, request);
  return json(await getManagePage(access), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadManagedComplaint(user, params.number, request);
  return manageAction(request, access, await request.formData());
}

export default function ManageComplaint() {
  const { complaint, themes, teams, can, closeBlockedBecause } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ManageActionReply | undefined;
  // After a conflict the reply carries the newest version, whether or not the page reloaded.
  const version = Math.max(complaint.version, reply?.currentVersion ?? 0);
  const args = { version, reply };
  const unknownForm = reply && reply.intent === null ? (reply.result.error?.[""] ?? []) : [];
  return (
    <div>
      <PageHeader
        title={complaint.summary}
        description={
          <>
            <Link to={complaint.link} className={textLinkClass}>
              {complaint.ref}
            </Link>{" "}
            · manager&apos;s page
          </>
        }
        actions={
          <Link to="/complaints/inbox" className={textLinkClass}>
            Back to the inbox
          </Link>
        }
      />
      <FormErrors id="manage-errors" errors={unknownForm} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-1">
          <ComplaintManageFacts facts={complaint} />
        </div>
        {/* Forms are keyed by version so a change (here or by someone else) shows fresh values. */}
        <div className="space-y-4 lg:col-span-2">
          {complaint.status === "CLOSED" ? (
            <p className="rounded-lg bg-white p-4 shadow">This complaint is closed: there is nothing more to do.</p>
          ) : null}
          {can.acknowledge ? <AcknowledgeForm key={`ack-${version}`} {...args} /> : null}
          {can.respond ? <RespondForm key={`respond-${version}`} {...args} current={complaint.response} /> : null}
          {can.plan ? <PlanForm key={`plan-${version}`} {...args} current={complaint.actionPlan} /> : null}
          {can.tag ? <ThemesForm key={`themes-${version}`} {...args} themes={themes} selected={complaint.themeIds} /> : null}
          {complaint.status !== "CLOSED" ? <CloseForm key={`close-${version}`} {...args} blockedBecause={closeBlockedBecause} /> : null}
          {can.reroute ? <RerouteForm key={`reroute-${version}`} {...args} teams={teams} /> : null}
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
