// The action of the request page: one route, several forms told apart by a hidden `intent`.
// Parses each form with its schema, checks who may do it, applies the change and answers the
// way every form in the app does: a redirect with a flash message on success; the conform
// reply (errors beside the fields, what was typed kept) with 400 on bad input, 403 when the
// person may see the request but not do that, and 409 with the current state when the request
// changed since the form was rendered.
import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { STATUS_LABELS } from "~/utils/request-lifecycle";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { canViewRequest } from "~/policies/request.server";
import {
  assignSchema,
  isRequestIntent,
  noteSchema,
  promiseSchema,
  replySchema,
  statusSchema,
  transferSchema,
  type RequestIntent,
} from "~/validation/request-actions";
import {
  addComment,
  assignRequest,
  changeStatus,
  RequestChangeError,
  setPromise,
  StaleRequestError,
  transferRequest,
} from "./request-changes.server";
import { currentRequestState, type RequestAccess } from "./request-detail.server";

/** What the action answers when it does not redirect; the page shows it beside the right form. */
export interface RequestActionReply {
  intent: RequestIntent | null;
  result: SubmissionResult<string[]>;
  current?: Awaited<ReturnType<typeof currentRequestState>>;
}

const PROVIDER_ONLY: Partial<Record<RequestIntent, string>> = {
  assign: "Only the team handling this request can assign it.",
  note: "Only the team handling this request can add internal notes.",
  promise: "Only the team handling this request can promise a date.",
  transfer: "Only the team handling this request can transfer it.",
};

function reply(intent: RequestIntent | null, result: SubmissionResult<string[]>, status: number, current?: RequestActionReply["current"]) {
  return json<RequestActionReply>({ intent, result, ...(current ? { current } : {}) }, { status });
}

function bare(formErrors: string[]): SubmissionResult<string[]> {
  return { status: "error", error: { "": formErrors } };
}

type Submission = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> };

/** Turns the errors a change can throw into the answer; anything else is a real failure. */
async function answerError(error: unknown, access: RequestAccess, intent: RequestIntent, submission: Submission) {
  if (error instanceof StaleRequestError) {
    return reply(intent, submission.reply({ formErrors: [error.message] }), 409, await currentRequestState(access.request.id));
  }
  if (error instanceof RequestChangeError) {
    const result = error.field
      ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
      : submission.reply({ formErrors: [error.message] });
    return reply(intent, result, error.status);
  }
  throw error;
}

export async function requestAction(request: Request, access: RequestAccess, formData: FormData) {
  const intent = formData.get("intent");
  if (!isRequestIntent(intent)) return reply(null, bare(["That form isn't one this page knows. Reload the page and try again."]), 400);
  const refusal = PROVIDER_ONLY[intent];
  if (refusal && !access.provider) return reply(intent, bare([refusal]), 403);
  if (intent === "status" && !access.provider && !access.requester)
    return reply(intent, bare(["Only the person who raised it or the team handling it can change its status."]), 403);

  const ref = formatRequestNumber(access.request.number);
  const back = requestPath(access.request.number);
  const success = (message: string) => redirectWithFlash(request, back, { kind: "success", message });

  switch (intent) {
    case "assign": {
      const submission = parseWithZod(formData, { schema: assignSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      try {
        const { assignee } = await assignRequest(access, submission.value.version, submission.value.assigneeId || null);
        return success(
          !assignee
            ? `${ref} is unassigned.`
            : assignee.id === access.user.id
              ? `${ref} is assigned to you.`
              : `${ref} is assigned to ${assignee.name}.`,
        );
      } catch (error) {
        return answerError(error, access, intent, submission);
      }
    }
    case "status": {
      const submission = parseWithZod(formData, { schema: statusSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      try {
        const { reopen } = await changeStatus(access, submission.value.version, submission.value.to);
        return success(reopen ? `${ref} is reopened.` : `${ref} is now ${STATUS_LABELS[submission.value.to].toLowerCase()}.`);
      } catch (error) {
        return answerError(error, access, intent, submission);
      }
    }
    case "reply":
    case "note": {
      const internal = intent === "note";
      const submission = parseWithZod(formData, { schema: internal ? noteSchema : replySchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      try {
        await addComment(access, { ...submission.value, internal });
        return success(internal ? "Internal note added." : "Reply sent.");
      } catch (error) {
        return answerError(error, access, intent, submission);
      }
    }
    case "promise": {
      const submission = parseWithZod(formData, { schema: promiseSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      const { version, ...input } = submission.value;
      try {
        const { changed } = await setPromise(access, version, input);
        return success(changed ? "Promise changed; the requester has been told." : "Promise recorded; the requester has been told.");
      } catch (error) {
        return answerError(error, access, intent, submission);
      }
    }
    case "transfer": {
      const submission = parseWithZod(formData, { schema: transferSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      const { version, ...input } = submission.value;
      try {
        const { team } = await transferRequest(access, version, input);
        const message = `${ref} is transferred to ${team.name}.`;
        // Someone who worked it only as a member of the old team can no longer see it.
        const moved = { ...access.request, providerTeamId: team.id };
        if (!canViewRequest(access.user, access.scope, moved)) return redirectWithFlash(request, "/", { kind: "success", message });
        return success(message);
      } catch (error) {
        return answerError(error, access, intent, submission);
      }
    }
  }
}
