// The notification settings form on /account, shared by its component and the action.
import { z } from "zod";

export const EMAIL_PREFERENCES = ["IN_APP_ONLY", "IMMEDIATE", "DAILY_DIGEST"] as const;
export type EmailPreferenceChoice = (typeof EMAIL_PREFERENCES)[number];

export const EMAIL_PREFERENCE_LABELS: Record<EmailPreferenceChoice, string> = {
  IN_APP_ONLY: "In the app only",
  IMMEDIATE: "Email me at once",
  DAILY_DIGEST: "One email a day (digest)",
};

const CHOOSE = "Choose how you want to hear about notifications.";

export const emailPreferenceSchema = z.object({
  emailPreference: z.enum(EMAIL_PREFERENCES, { error: CHOOSE }),
});
