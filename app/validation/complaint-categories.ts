// The complaint category form (admin: categories and routing), shared by the form's client-side
// checks and its actions.
import { z } from "zod";

export const CATEGORY_NAME_MAX = 60;
export const CATEGORY_DESCRIPTION_MAX = 500;

export const complaintCategorySchema = z.object({
  name: z
    .string({ error: "Enter the category's name." })
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(CATEGORY_NAME_MAX, `Keep the name under ${CATEGORY_NAME_MAX} characters.`),
  description: z
    .string()
    .trim()
    .max(CATEGORY_DESCRIPTION_MAX, `Keep the description under ${CATEGORY_DESCRIPTION_MAX} characters.`)
    .default(""),
  ownerTeamId: z
    .string({ error: "Choose the team that owns these complaints." })
    .trim()
    .min(1, "Choose the team that owns these complaints."),
  // conform turns a ticked checkbox ("on") into true and a missing one into undefined.
  active: z.boolean().default(false),
});

export const editComplaintCategorySchema = complaintCategorySchema.extend({
  version: z.coerce.date({ error: "Reload the page and try again." }),
});

export type ComplaintCategoryValue = z.infer<typeof complaintCategorySchema>;
