// Turns a validated team form into model input and model errors into form errors.
import type { SubmissionResult } from "@conform-to/react";
import { slugify } from "~/validation/teams";
import { TeamConflictError, type TeamInput } from "./team.server";

export function toTeamInput(value: { name: string; slug?: string; description: string; parentId?: string; acceptsRequests: boolean }): TeamInput {
  return {
    name: value.name,
    slug: value.slug || slugify(value.name) || "team",
    description: value.description,
    parentId: value.parentId || null,
    acceptsRequests: value.acceptsRequests,
  };
}

export function teamConflictReply(
  error: unknown,
  reply: (options: { fieldErrors: Record<string, string[]> }) => SubmissionResult<string[]>,
): SubmissionResult<string[]> | null {
  if (!(error instanceof TeamConflictError)) return null;
  // A slug made from the name collides with the name's team: report it on the name.
  return reply({ fieldErrors: { [error.field]: [error.message] } });
}
