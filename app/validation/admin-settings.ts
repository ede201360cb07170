// The admin settings form. The limits live here (not in app-settings.server.ts) so the form's
// client-side checks and the server read the same numbers.
import { z } from "zod";
import { DEFAULT_CONTACT_RETENTION_DAYS } from "~/utils/complaint-rules";

export const ADMIN_SETTING_LIMITS = {
  contactRetentionDays: { default: DEFAULT_CONTACT_RETENTION_DAYS, min: 1, max: 3650 },
  // DESIGN.md: anonymous material is never reported for a group smaller than 5 people by
  // default, configurable but never below 3.
  feedbackMinGroupSize: { default: 5, min: 3, max: 50 },
} as const;

const retention = ADMIN_SETTING_LIMITS.contactRetentionDays;
const retentionMessage = `Enter a whole number of days from ${retention.min} to ${retention.max} (10 years).`;
const group = ADMIN_SETTING_LIMITS.feedbackMinGroupSize;
const groupMessage = `Enter a whole number from ${group.min} to ${group.max}.`;

export const adminSettingsSchema = z.object({
  contactRetentionDays: z
    .number({ error: retentionMessage })
    .int(retentionMessage)
    .min(retention.min, retentionMessage)
    .max(retention.max, retentionMessage),
  feedbackMinGroupSize: z
    .number({ error: groupMessage })
    .int(groupMessage)
    .min(group.min, `At least ${group.min}: with fewer, people could work out who wrote anonymous feedback from the report.`)
    .max(group.max, groupMessage),
});

export type AdminSettingsValue = z.infer<typeof adminSettingsSchema>;
