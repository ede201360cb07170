// Turns a validated team form into model input and model errors into form errors.
import type { SubmissionResult } from "@conform-to/react";
import { ackTargetMinutes, slugify } from "~/validation/teams";
import { TeamConflictError, type TeamInput } from "./team.server";

export function toTeamInput(value: {
  name: string;
  slug?: string;
  description: string;
  parentId?: string;
  acceptsRequests: boolean;
  complaintAckTarget?: number;
  complaintAckTargetUnit: "minutes" | "hours";
}): TeamInput {
  return {
    name: value.name,
    slug: value.slug || slugify(value.name) || "team",
    description: value.description,
    parentId: value.parentId || null,
    acceptsRequests: value.acceptsRequests,
    complaintAckTargetMinutes: ackTargetMinutes(value),
  };
}

export function teamConflictReply(
  error: unknown,
  reply: (options: { fieldErrors: Record<string, string[]> }) => SubmissionResult<string[]>,
  { slugWasTyped }: { slugWasTyped: boolean },
): SubmissionResult<string[]> | null {
  if (!(error instanceof TeamConflictError)) return null;
  // An address made from the name that clashes is the name's problem: the person never typed one.
  if (error.field === "slug" && !slugWasTyped) {
    return reply({
      fieldErrors: { name: ["Another team's address is already made from this name. Choose another name, or type a different address."] },
    });
  }
  return reply({ fieldErrors: { [error.field]: [error.message] } });
}
