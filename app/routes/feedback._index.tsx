// /feedback — the feedback I signed, with the answers, and a form to follow anonymous feedback by
// its code. The code is posted and the entry comes back in the answer to that POST (not
// cached), so the code never appears in an address. Wrong guesses are limited per address.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { parseWithZod } from "~/utils/forms";
import { followFeedback, listMySignedFeedback, loadFeedbackReader } from "~/models/feedback.server";
import { isFeedbackReader } from "~/policies/feedback.server";
import { followSchema } from "~/validation/feedback";
import { FeedbackEntry } from "~/components/feedback-entry";
import { FeedbackFollowForm } from "~/components/feedback-follow-form";
import { PageHeader, linkButtonClass, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

const NO_STORE = { "Cache-Control": "no-store" };

export const meta: MetaFunction = () => [{ title: "My feedback · Upstream" }];

export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reader = isFeedbackReader(await loadFeedbackReader(user, request));
  return json({ mine: await listMySignedFeedback(user.id), reader }, { headers: NO_STORE });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: followSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), followed: null }, { status: 400, headers: NO_STORE });
  const outcome = await followFeedback(submission.value.code, context.clientIp);
  if (outcome.status === "throttled") {
    const message = "Too many wrong codes from your network. Please wait a few minutes and try again.";
    return json({ result: submission.reply({ formErrors: [message] }), followed: null }, { status: 429, headers: NO_STORE });
  }
  if (outcome.status === "wrong") {
    const message = "No feedback has this code. Check it against the one you were shown, character by character.";
    return json({ result: submission.reply({ fieldErrors: { code: [message] } }), followed: null }, { status: 400, headers: NO_STORE });
  }
  return json({ result: submission.reply({ resetForm: true }), followed: outcome.view }, { headers: NO_STORE });
}

export default function MyFeedback() {
  const { mine, reader } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-8">
      <PageHeader
        title="My feedback"
        description="Suggestions and concerns you sent, and what managers answered."
        actions={
          <>
            {reader ? (
              <Link to="/feedback/inbox" className={`${textLinkClass} self-center`}>
                Feedback inbox
              </Link>
            ) : null}
            <Link to="/feedback/new" className={linkButtonClass}>
              Send feedback
            </Link>
          </>
        }
      />
      {actionData?.followed ? (
        <section aria-labelledby="followed-heading" className="space-y-3">
          <h2 id="followed-heading" className="text-xl font-semibold">
            Your anonymous feedback
          </h2>
          <FeedbackEntry entry={actionData.followed} headingLevel={3} />
        </section>
      ) : null}
      <FeedbackFollowForm lastResult={actionData?.result} />
      <section aria-labelledby="signed-heading" className="space-y-3">
        <h2 id="signed-heading" className="text-xl font-semibold">
          Signed feedback
        </h2>
        {mine.length === 0 ? (
          <p className="rounded-lg bg-white p-6 shadow">You haven't sent signed feedback yet.</p>
        ) : (
          mine.map((entry) => <FeedbackEntry key={entry.id} entry={entry} headingLevel={3} />)
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
