// The forms of a complaint's manage page (/complaints/CMP-n/manage), shared by the forms and the
// action. Every form carries the complaint's `version` (optimistic locking: two managers acting
// at once get a conflict, not a silent overwrite).
import { z } from "zod";
import { NOTE_MAX } from "~/utils/complaint-rules";
import { THEME_NAME_MAX } from "./themes";

export const MANAGE_INTENTS = ["acknowledge", "themes", "plan", "respond", "close", "reroute"] as const;
export type ManageIntent = (typeof MANAGE_INTENTS)[number];

export function isManageIntent(value: unknown): value is ManageIntent {
  return typeof value === "string" && (MANAGE_INTENTS as readonly string[]).includes(value);
}

export const REROUTE_REASON_MAX = 500;
const RELOAD = "Reload the page and try again.";
const TOO_LONG = `Keep it under ${NOTE_MAX.toLocaleString("en")} characters.`;

const version = z.number({ error: RELOAD }).int(RELOAD).min(1, RELOAD);

function text(missing: string, max = NOTE_MAX, tooLong = TOO_LONG) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);
}

export const acknowledgeSchema = z.object({ version });
export const closeSchema = z.object({ version });

export const themesSchema = z.object({
  version,
  /** The themes ticked: the complaint's whole set of themes after saving. */
  themeIds: z.array(z.string().trim().max(100)).max(200).optional(),
  newTheme: z.string().trim().max(THEME_NAME_MAX, `Keep the name under ${THEME_NAME_MAX} characters.`).optional(),
});

export const planSchema = z.object({ version, plan: text("Describe the action you plan.") });

export const respondSchema = z.object({ version, response: text("Write the response the rep will see.") });

export const rerouteSchema = z.object({
  version,
  toTeamId: z.string({ error: "Choose the team it belongs with." }).trim().min(1, "Choose the team it belongs with.").max(100),
  reason: text("Say why it belongs with that team.", REROUTE_REASON_MAX, `Keep the reason under ${REROUTE_REASON_MAX} characters.`),
});
