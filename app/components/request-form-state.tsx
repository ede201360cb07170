// Shared by the forms of the request page: which form an action reply belongs to, and clearing
// a form once its submission went through (with JavaScript the page stays mounted after the
// redirect, so what was typed would otherwise stay in the field).
import { useEffect, useRef } from "react";
import { useNavigation } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import type { RequestStatus } from "~/utils/request-lifecycle";

/** The current state sent with a 409, when the request changed since the page was rendered. */
export interface RequestCurrentState {
  version: number;
  status: RequestStatus;
  assignee: string | null;
  providerTeam: string;
  promisedAt: string | null;
}

export interface RequestActionData {
  intent: string | null;
  result: SubmissionResult<string[]>;
  current?: RequestCurrentState;
}

/** The reply for the form with this intent, if the last action was that form's. */
export function resultFor(actionData: RequestActionData | undefined, intent: string) {
  return actionData?.intent === intent ? actionData.result : undefined;
}

export function useResetAfterSuccess(intent: string, lastResult: SubmissionResult<string[]> | undefined, reset: () => void) {
  const navigation = useNavigation();
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const wasSubmitting = useRef(false);
  useEffect(() => {
    if (submitting) {
      wasSubmitting.current = true;
    } else if (wasSubmitting.current && navigation.state === "idle") {
      wasSubmitting.current = false;
      if (!lastResult) reset();
    }
  }, [submitting, navigation.state, lastResult, reset]);
  return submitting;
}
