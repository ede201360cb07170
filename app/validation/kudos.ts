// Form schemas for kudos, shared by the forms and their actions.
import { z } from "zod";

export const KUDOS_MESSAGE_MAX = 500;
export const HIDE_REASON_MAX = 200;

const CHOOSE_RECIPIENT = "Choose whom you're thanking.";

export const kudosSchema = z.object({
  formToken: z.string().min(8).max(100),
  recipientType: z.enum(["person", "team"], { error: CHOOSE_RECIPIENT }),
  recipientId: z.string({ error: CHOOSE_RECIPIENT }).min(1, CHOOSE_RECIPIENT).max(100),
  /** "REQ-1042" when the kudos is about a request; checked against what the author may see. */
  request: z.string().trim().max(20).optional(),
  message: z
    .string({ error: "Say what you're thanking them for." })
    .trim()
    .min(1, "Say what you're thanking them for.")
    .max(KUDOS_MESSAGE_MAX, `Keep the message to ${KUDOS_MESSAGE_MAX} characters or fewer.`),
});

export const hideKudosSchema = z.object({
  id: z.string().min(1).max(100),
  reason: z
    .string({ error: "Say why you're hiding it; the reason goes in the audit log." })
    .trim()
    .min(1, "Say why you're hiding it; the reason goes in the audit log.")
    .max(HIDE_REASON_MAX, `Keep the reason to ${HIDE_REASON_MAX} characters or fewer.`),
});
