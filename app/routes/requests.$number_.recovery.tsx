// A request's recovery case (/requests/REQ-12/recovery): the facts, each step taken with who,
// when and (for the requester and the provider side) the notes, and the next step's form for the
// managers who may take it. Anyone who may not see the request, or a request without a case,
// gets 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { notFound } from "~/policies/authorize.server";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { loadRequestAccess } from "~/models/request-detail.server";
import { getRecoveryView, recoveryAction, type RecoveryActionReply } from "~/models/recovery.server";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecoveryStatusLine, RecoverySteps } from "~/components/recovery-steps";
import { RecoveryStepForm } from "~/components/recovery-step-form";
import { FormErrors } from "~/components/ui/form-controls";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Recovery case ${data.ref} · Upstream` : "Recovery case · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadRequestAccess(user, params.number, request);
  const recovery = await getRecoveryView(access);
  if (!recovery) throw notFound();
  return json({
    ref: formatRequestNumber(access.request.number),
    title: access.request.title,
    requestLink: requestPath(access.request.number),
    recovery,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const access = await loadRequestAccess(user, params.number, request);
  return recoveryAction(request, access, await request.formData());
}

export default function RecoveryCasePage() {
  const { ref, title, requestLink, recovery } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as RecoveryActionReply | undefined;
  const lastResult = actionData && actionData.step === recovery.next?.step ? actionData.result : undefined;
  const orphanErrors = actionData && actionData.step !== recovery.next?.step ? (actionData.result.error?.[""] ?? []) : [];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={`Recovery case for ${ref}`}
        description={
          <>
            <Link to={requestLink} className={textLinkClass}>
              {ref} {title}
            </Link>{" "}
            · rated {recovery.rating.overall} of 5 ({recovery.rating.label.toLowerCase()}) · {recovery.team}
          </>
        }
      />
      {/* A refusal for a step the page no longer offers (the case moved on meanwhile). */}
      <FormErrors id="recovery-errors" errors={orphanErrors} />
      <section aria-labelledby="case-heading" className="space-y-3 rounded-lg bg-white p-4 shadow">
        <h2 id="case-heading" className="text-lg font-semibold">
          Where it stands
        </h2>
        <RecoveryStatusLine view={recovery} />
        <RecoverySteps view={recovery} />
        {!recovery.canAct && recovery.status !== "CLOSED" ? (
          <p className="text-sm text-slate-700">The steps are taken by managers of {recovery.team} or of a team above it.</p>
        ) : null}
      </section>
      {recovery.next ? (
        <RecoveryStepForm
          key={`${recovery.next.step}-${recovery.version}`}
          next={recovery.next}
          version={recovery.version}
          lastResult={lastResult}
        />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
