// Front-line complaints (DESIGN.md: Complaint, "Heard it too", Escalation; Principle 5).
// Pure and shared by the server (enforcement) and the pages (labels, which actions to offer).
//
//   logged, not resolved at the front line → ESCALATED (waits on the routed team's managers)
//   logged, resolved at the front line     → LOGGED (for information; nothing escalates)
//   ESCALATED / LOGGED → ACKNOWLEDGED → ACTION_PLANNED → CLOSED
// A response to the rep may be written at any point before closing and is required to close:
// a complaint never ends without the rep hearing back. Unacknowledged ESCALATED complaints move
// up one team every time the waiting team's target passes (escalate-complaints job).

export const COMPLAINT_CHANNELS = ["PHONE", "EMAIL", "WEB", "CHAT", "IN_PERSON", "SOCIAL", "COMMENT_CARD", "SURVEY", "OTHER"] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  PHONE: "Phone",
  EMAIL: "Email",
  WEB: "Web form",
  CHAT: "Chat",
  IN_PERSON: "In person",
  SOCIAL: "Social media",
  COMMENT_CARD: "Comment card",
  SURVEY: "Survey",
  OTHER: "Other",
};

export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High", CRITICAL: "Critical" };
/** For "most severe first" ordering. */
export const SEVERITY_RANK: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

export const COMPLAINT_STATUSES = ["LOGGED", "ESCALATED", "ACKNOWLEDGED", "ACTION_PLANNED", "CLOSED"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  LOGGED: "Logged (resolved at the front line)",
  ESCALATED: "Waiting for a manager",
  ACKNOWLEDGED: "Acknowledged",
  ACTION_PLANNED: "Action planned",
  CLOSED: "Closed",
};

export const SUMMARY_MAX = 200;
export const DETAILS_MAX = 5000;
export const NOTE_MAX = 2000;
export const SIGHTING_NOTE_MAX = 500;
export const CUSTOMER_FIELD_MAX = 200;
/** Default time a routed team has to acknowledge a complaint before it escalates. */
export const DEFAULT_ACK_TARGET_MINUTES = 24 * 60;
/** How far back "similar open complaints" look. */
export const SIMILAR_WITHIN_DAYS = 90;
export const SIMILAR_LIMIT = 5;
/** Default for the admin setting: erase customer contact details this long after closing. */
export const DEFAULT_CONTACT_RETENTION_DAYS = 365;

export function formatComplaintNumber(n: number) {
  return `CMP-${n}`;
}

/** Accepts "CMP-311", "cmp-311" or "311"; null for anything else. */
export function parseComplaintNumber(text: string | undefined | null): number | null {
  const match = /^(?:cmp-)?(\d{1,9})$/i.exec((text ?? "").trim());
  return match ? Number(match[1]) : null;
}

export function complaintPath(n: number) {
  return `/complaints/${formatComplaintNumber(n)}`;
}

/** The status a new complaint starts in. */
export function initialStatus(resolvedAtFrontLine: boolean): ComplaintStatus {
  return resolvedAtFrontLine ? "LOGGED" : "ESCALATED";
}

export function isClosed(status: ComplaintStatus) {
  return status === "CLOSED";
}

/** Whether the complaint still waits for a manager to acknowledge it (and so can escalate). */
export function awaitsAcknowledgement(status: ComplaintStatus) {
  return status === "ESCALATED";
}

export type ComplaintAction = "acknowledge" | "plan" | "respond" | "close" | "tag" | "reroute";

export type ActionCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether a manager may take `action` on a complaint in `status` (who may act at all is the
 * policy's business). `hasResponse`: a response to the rep has been written.
 */
export function checkComplaintAction(status: ComplaintStatus, action: ComplaintAction, hasResponse: boolean): ActionCheck {
  if (status === "CLOSED") return { ok: false, message: "This complaint is closed." };
  switch (action) {
    case "acknowledge":
      return status === "ESCALATED" || status === "LOGGED" ? { ok: true } : { ok: false, message: "It has already been acknowledged." };
    case "plan":
      return status === "ACKNOWLEDGED" || status === "ACTION_PLANNED"
        ? { ok: true }
        : { ok: false, message: "Acknowledge the complaint before planning an action." };
    case "close":
      if (status !== "ACKNOWLEDGED" && status !== "ACTION_PLANNED")
        return { ok: false, message: "Acknowledge the complaint before closing it." };
      return hasResponse ? { ok: true } : { ok: false, message: "Write a response to the rep before closing: they must hear back." };
    case "respond":
    case "tag":
    case "reroute":
      return { ok: true };
  }
}

/** When a complaint forwarded at `from` to a team with `targetMinutes` escalates if nobody acknowledges it. */
export function acknowledgeDueAt(from: Date, targetMinutes: number) {
  return new Date(from.getTime() + targetMinutes * 60_000);
}
