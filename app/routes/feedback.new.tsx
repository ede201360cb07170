// /feedback/new — send a suggestion or concern to a team or to management, signed or anonymous.
// A signed entry redirects to its page. An anonymous one answers this POST with the page that
// shows its follow-up code once: no redirect, so the code is never in an address, and
// Cache-Control: no-store, so the page isn't kept (or the form token, which would show it again).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { prisma } from "~/utils/db.server";
import { FeedbackInputError, newFeedbackFormToken, submitFeedback } from "~/models/feedback.server";
import { FEEDBACK_KIND_LABELS, feedbackSchema } from "~/validation/feedback";
import { FeedbackForm } from "~/components/feedback-form";
import { FeedbackFollowUpCode } from "~/components/feedback-follow-up-code";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

const NO_STORE = { "Cache-Control": "no-store" };

export const meta: MetaFunction = () => [{ title: "Send feedback · Upstream" }];

export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const teams = await prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return json({ teams, formToken: newFeedbackFormToken() }, { headers: NO_STORE });
}

export async function action({ request }: ActionFunctionArgs) {
  // Being signed in is all an anonymous entry asks of the sender; nothing about them is kept.
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: feedbackSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), sent: null }, { status: 400, headers: NO_STORE });
  let outcome: Awaited<ReturnType<typeof submitFeedback>>;
  try {
    outcome = await submitFeedback(user, submission.value);
  } catch (error) {
    if (!(error instanceof FeedbackInputError)) throw error;
    const reply = error.field
      ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
      : submission.reply({ formErrors: [error.message] });
    return json({ result: reply, sent: null }, { status: 400, headers: NO_STORE });
  }
  if (!outcome.anonymous) {
    const kind = FEEDBACK_KIND_LABELS[submission.value.kind].toLowerCase();
    return redirectWithFlash(request, `/feedback/${outcome.id}`, { kind: "success", message: `Your ${kind} was sent to ${outcome.to}.` });
  }
  return json({ result: submission.reply({ resetForm: true }), sent: { code: outcome.code, to: outcome.to } }, { headers: NO_STORE });
}

export default function NewFeedback() {
  const { teams, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.sent) {
    return (
      <div className="max-w-2xl">
        <PageHeader title="Feedback sent" />
        <FeedbackFollowUpCode code={actionData.sent.code} to={actionData.sent.to} />
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Send feedback"
        description="A suggestion or a concern for a team or for management. Managers answer on the record, and you can follow what they say."
      />
      <FeedbackForm teams={teams} formToken={formToken} lastResult={actionData?.result} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
