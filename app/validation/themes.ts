// Theme names and the forms of the themes page, shared by the forms and the actions. A theme name
// is compared without regard to case or repeated spaces: "Late delivery" and "late  delivery"
// are one theme.
import { z } from "zod";

export const THEME_NAME_MAX = 60;

/** How a name is stored: trimmed, inner runs of white space made one space. */
export function normaliseThemeName(name: string) {
  return name.replace(/\s+/g, " ").trim();
}

/** Inner runs of white space are made one space by the model (normaliseThemeName). */
export const themeName = z
  .string({ error: "Enter the theme's name." })
  .trim()
  .min(1, "Enter the theme's name.")
  .max(THEME_NAME_MAX, `Keep the name under ${THEME_NAME_MAX} characters.`);

const RELOAD = "Reload the page and try again.";
const themeId = z.string({ error: RELOAD }).trim().min(1, RELOAD).max(100, RELOAD);

export const THEME_INTENTS = ["create", "rename", "merge"] as const;
export type ThemeIntent = (typeof THEME_INTENTS)[number];

export function isThemeIntent(value: unknown): value is ThemeIntent {
  return typeof value === "string" && (THEME_INTENTS as readonly string[]).includes(value);
}

export const createThemeSchema = z.object({ name: themeName });
export const renameThemeSchema = z.object({ themeId, name: themeName });
export const mergeThemeSchema = z.object({
  themeId,
  intoId: z.string({ error: "Choose the theme to merge it into." }).trim().min(1, "Choose the theme to merge it into.").max(100),
});
