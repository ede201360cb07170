// Requests are known to people by number: REQ-1042.
export function formatRequestNumber(n: number) {
  return `REQ-${n}`;
}

/** Accepts "REQ-1042", "req-1042" or "1042"; null for anything else. */
export function parseRequestNumber(text: string | undefined | null): number | null {
  const match = /^(?:req-)?(\d{1,9})$/i.exec((text ?? "").trim());
  return match ? Number(match[1]) : null;
}

export function requestPath(n: number) {
  return `/requests/${formatRequestNumber(n)}`;
}

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { LOW: "Low", NORMAL: "Normal", HIGH: "High", URGENT: "Urgent" };
