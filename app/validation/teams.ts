import { z } from "zod";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(name: string) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export const teamSchema = z.object({
  name: z
    .string({ error: "Enter the team's name." })
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, "Keep the address under 60 characters.")
    .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens, like customer-care.")
    .optional(),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters.").default(""),
  parentId: z.string().trim().optional(),
  // conform turns a ticked checkbox ("on") into true and a missing one into undefined.
  acceptsRequests: z.boolean().default(false),
});

export const editTeamSchema = teamSchema.extend({
  version: z.coerce.date({ error: "Reload the page and try again." }),
});

export const addMemberSchema = z.object({
  userId: z.string({ error: "Choose a person." }).min(1, "Choose a person."),
  role: z.enum(["MEMBER", "MANAGER"], { error: "Choose a role." }).default("MEMBER"),
});
