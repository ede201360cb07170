// The catalogue form: a request type with its targets entered as a number of hours or days.
// Shared by the form (client-side checks) and its actions.
import { z } from "zod";
import { durationForForm } from "./durations";
import { requestTypeSchema, targetMinutes } from "./requests";

type RequestTypeValue = z.infer<typeof requestTypeSchema>;

/** Checks that need more than one field: whole minutes, and resolution no sooner than response. */
function checkTargets(value: RequestTypeValue, ctx: z.RefinementCtx) {
  const firstResponse = targetMinutes(value.firstResponseTarget, value.firstResponseUnit);
  const resolution = targetMinutes(value.resolutionTarget, value.resolutionUnit);
  if (firstResponse < 1) ctx.addIssue({ code: "custom", path: ["firstResponseTarget"], message: "Enter at least one minute." });
  if (resolution < 1) ctx.addIssue({ code: "custom", path: ["resolutionTarget"], message: "Enter at least one minute." });
  if (firstResponse >= 1 && resolution >= 1 && resolution < firstResponse) {
    ctx.addIssue({
      code: "custom",
      path: ["resolutionTarget"],
      message: "The resolution target can't be shorter than the first-response target.",
    });
  }
}

export const requestTypeFormSchema = requestTypeSchema.superRefine(checkTargets);

export const editRequestTypeFormSchema = requestTypeSchema
  .extend({ version: z.coerce.date({ error: "Reload the page and try again." }) })
  .superRefine(checkTargets);

export type TargetUnit = "hours" | "days";

/** A stored target in minutes as the form shows it: whole days where it divides, else hours. */
export function targetForForm(minutes: number) {
  return durationForForm(minutes, ["hours", "days"]) as { value: string; unit: TargetUnit };
}
