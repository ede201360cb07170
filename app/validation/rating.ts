// The rating form's schema, shared by the form (client-side checks with JavaScript) and the rate
// page's action (the real check). `mode` says which of the three forms was shown — a first
// rating, a change to it, or the re-rating after a recovery case — so a second submit of the
// first form is recognised as such instead of silently becoming a change.
import { z } from "zod";
import { DIMENSIONS, RATING_COMMENT_MAX, type DimensionKey } from "~/utils/rating-rules";

const RELOAD = "Reload the page and try again.";

export const RATING_MODES = ["rate", "edit", "rerate"] as const;
export type RatingMode = (typeof RATING_MODES)[number];

const OVERALL_MESSAGE = "Choose how satisfied you are, from 1 (very dissatisfied) to 5 (very satisfied).";

function score(message: string) {
  return z.number({ error: message }).int(message).min(1, message).max(5, message);
}

const dimensionFields = Object.fromEntries(
  DIMENSIONS.map((d) => [d.key, score(`Choose 1 to 5 for ${d.label.toLowerCase()}, or leave it blank.`).optional()]),
) as Record<DimensionKey, z.ZodOptional<ReturnType<typeof score>>>;

export const ratingSchema = z.object({
  mode: z.enum(RATING_MODES, { error: RELOAD }),
  /** The rating's version the edit form was rendered from (edits only). */
  version: z.number({ error: RELOAD }).int(RELOAD).min(1, RELOAD).optional(),
  overall: score(OVERALL_MESSAGE),
  exceeded: z.enum(["yes", "no"], { error: "Say whether they exceeded your expectations." }),
  ...dimensionFields,
  comment: z
    .string()
    .trim()
    .max(RATING_COMMENT_MAX, `Keep the comment under ${RATING_COMMENT_MAX.toLocaleString("en")} characters.`)
    .optional(),
});

export type RatingInput = z.infer<typeof ratingSchema>;

/** The answers as stored: blanks are null, the comment is "" when left out. */
export function ratingAnswers(input: RatingInput) {
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d.key, input[d.key] ?? null])) as Record<DimensionKey, number | null>;
  return {
    overall: input.overall,
    exceededExpectations: input.exceeded === "yes",
    ...dimensions,
    comment: input.comment ?? "",
  };
}

export type RatingAnswers = ReturnType<typeof ratingAnswers>;
