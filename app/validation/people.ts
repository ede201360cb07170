import { z } from "zod";

export const personSchema = z.object({
  name: z
    .string({ error: "Enter the person's name." })
    .trim()
    .min(1, "Enter the person's name.")
    .max(120, "Keep the name under 120 characters."),
  email: z
    .string({ error: "Enter an email address." })
    .trim()
    .max(254, "That email address is too long.")
    .email("Enter a valid email address, like name@example.com.")
    .transform((v) => v.toLowerCase()),
  title: z.string().trim().max(120, "Keep the title under 120 characters.").default(""),
  role: z.enum(["EMPLOYEE", "ADMIN"], { error: "Choose a role." }).default("EMPLOYEE"),
});

export const editPersonSchema = personSchema.extend({
  version: z.coerce.date({ error: "Reload the page and try again." }),
});
