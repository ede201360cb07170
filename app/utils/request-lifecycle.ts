// The request status machine (DESIGN.md): who may move a request from which status to which.
// Pure and shared by the server (enforcement) and the UI (which buttons to offer).
//
//   NEW → IN_PROGRESS ⇄ WAITING_ON_REQUESTER → RESOLVED → CLOSED
//   RESOLVED → IN_PROGRESS            (reopen, by the requester, within 14 days of resolution)
//   CLOSED → IN_PROGRESS              (the same reopen after the 7-day auto-close: the 14-day
//                                      window would otherwise be cut to 7 days in practice)
//   NEW / IN_PROGRESS → CANCELLED     (by the requester)
//   RESOLVED → CLOSED                 (by the requester confirming, or the system after 7 days)

export const REQUEST_STATUSES = ["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER", "RESOLVED", "CLOSED", "CANCELLED"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export type LifecycleActor = "provider" | "requester" | "system";

export const REOPEN_WINDOW_DAYS = 14;
export const AUTO_CLOSE_AFTER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export const STATUS_LABELS: Record<RequestStatus, string> = {
  NEW: "New",
  IN_PROGRESS: "In progress",
  WAITING_ON_REQUESTER: "Waiting on requester",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
  CANCELLED: "Cancelled",
};

export const OPEN_STATUSES: readonly RequestStatus[] = ["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER"];

export function isOpen(status: RequestStatus) {
  return OPEN_STATUSES.includes(status);
}

interface Rule {
  from: RequestStatus;
  to: RequestStatus;
  by: LifecycleActor[];
  /** What the button says. */
  action: string;
}

const RULES: Rule[] = [
  { from: "NEW", to: "IN_PROGRESS", by: ["provider"], action: "Start work" },
  { from: "IN_PROGRESS", to: "WAITING_ON_REQUESTER", by: ["provider"], action: "Wait for requester" },
  { from: "WAITING_ON_REQUESTER", to: "IN_PROGRESS", by: ["provider", "requester"], action: "Resume work" },
  { from: "IN_PROGRESS", to: "RESOLVED", by: ["provider"], action: "Resolve" },
  { from: "WAITING_ON_REQUESTER", to: "RESOLVED", by: ["provider"], action: "Resolve" },
  { from: "RESOLVED", to: "CLOSED", by: ["requester", "system"], action: "Confirm and close" },
  { from: "RESOLVED", to: "IN_PROGRESS", by: ["requester"], action: "Reopen" },
  { from: "CLOSED", to: "IN_PROGRESS", by: ["requester"], action: "Reopen" },
  { from: "NEW", to: "CANCELLED", by: ["requester"], action: "Cancel request" },
  { from: "IN_PROGRESS", to: "CANCELLED", by: ["requester"], action: "Cancel request" },
];

export type TransitionCheck = { ok: true; reopen: boolean } | { ok: false; message: string };

/**
 * May `actor` move a request from `from` to `to` now? A reopen (RESOLVED or CLOSED →
 * IN_PROGRESS) is allowed only within REOPEN_WINDOW_DAYS of resolution.
 */
export function checkTransition(
  from: RequestStatus,
  to: RequestStatus,
  actor: LifecycleActor,
  context: { resolvedAt?: Date | null; now?: Date } = {},
): TransitionCheck {
  if (from === to) return { ok: false, message: `The request is already ${STATUS_LABELS[to].toLowerCase()}.` };
  const rule = RULES.find((r) => r.from === from && r.to === to);
  if (!rule) {
    return { ok: false, message: `A request can't go from ${STATUS_LABELS[from].toLowerCase()} to ${STATUS_LABELS[to].toLowerCase()}.` };
  }
  if (!rule.by.includes(actor)) {
    const who = rule.by.includes("requester") ? "the person who raised it" : "the team handling it";
    return { ok: false, message: `Only ${who} can do that.` };
  }
  const reopen = (from === "RESOLVED" || from === "CLOSED") && to === "IN_PROGRESS";
  if (reopen) {
    const now = context.now ?? new Date();
    if (!context.resolvedAt || now.getTime() - context.resolvedAt.getTime() > REOPEN_WINDOW_DAYS * DAY_MS) {
      return {
        ok: false,
        message: `A request can be reopened only within ${REOPEN_WINDOW_DAYS} days of being resolved. Raise a new request instead.`,
      };
    }
  }
  return { ok: true, reopen };
}

/** The transitions `actor` could make from `from` (for buttons); the server checks again. */
export function availableTransitions(from: RequestStatus, actor: LifecycleActor, context: { resolvedAt?: Date | null; now?: Date } = {}) {
  return RULES.filter((r) => r.from === from && r.by.includes(actor) && checkTransition(from, r.to, actor, context).ok).map((r) => ({
    to: r.to,
    action: r.action,
  }));
}

/** Resolved requests close themselves this long after resolution. */
export function autoCloseCutoff(now: Date) {
  return new Date(now.getTime() - AUTO_CLOSE_AFTER_DAYS * DAY_MS);
}
