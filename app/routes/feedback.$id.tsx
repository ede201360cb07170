// /feedback/<id> — one entry: its readers see it and answer on the record or close it; the author
// of a signed entry sees it with the answers. Anyone else gets 404, and so do the readers of an
// anonymous entry until the daily batch has announced it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { notFound } from "~/policies/authorize.server";
import { closeFeedback, findFeedbackFor, loadFeedbackReader, newFeedbackFormToken, respondToFeedback } from "~/models/feedback.server";
import { closeSchema, respondSchema } from "~/validation/feedback";
import { FeedbackEntry } from "~/components/feedback-entry";
import { FeedbackAnswerForms } from "~/components/feedback-answer-forms";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.entry.subject ?? "Feedback"} · Upstream` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reader = await loadFeedbackReader(user, request);
  const found = await findFeedbackFor(reader, params.id ?? "");
  if (!found) throw notFound();
  return json(
    {
      entry: found.view,
      mayAnswer: found.mayAnswer,
      anonymous: found.anonymous,
      formToken: found.mayAnswer ? newFeedbackFormToken() : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const reader = await loadFeedbackReader(user, request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const path = `/feedback/${id}`;
  if (formData.get("intent") === "close") {
    if (parseWithZod(formData, { schema: closeSchema }).status !== "success" || !(await closeFeedback(reader, id))) throw notFound();
    return redirectWithFlash(request, path, { kind: "success", message: "The feedback is closed." });
  }
  const submission = parseWithZod(formData, { schema: respondSchema });
  // Whether the person may answer comes first: a refusal says nothing about the form.
  if (!(await findFeedbackFor(reader, id))?.mayAnswer) throw notFound();
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  if (!(await respondToFeedback(reader, id, submission.value))) throw notFound();
  return redirectWithFlash(request, path, { kind: "success", message: "Your response is on the record." });
}

export default function FeedbackPage() {
  const { entry, mayAnswer, anonymous, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Feedback"
        actions={
          <Link to={mayAnswer ? "/feedback/inbox" : "/feedback"} className={textLinkClass}>
            {mayAnswer ? "Back to the inbox" : "My feedback"}
          </Link>
        }
      />
      <FeedbackEntry entry={entry} />
      {mayAnswer && formToken ? (
        <FeedbackAnswerForms
          formToken={formToken}
          closed={entry.status === "CLOSED"}
          anonymous={anonymous}
          lastResult={actionData?.result}
        />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
