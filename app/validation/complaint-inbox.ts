// The manager inbox's filters, read from the query string (a GET form, so it works without
// JavaScript and any view can be bookmarked). Input is whatever was typed into the address bar:
// unknown values are dropped with a notice for the page to show, never thrown. Pure: shared by
// the filter form and the loader.
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  SEVERITIES,
  type ComplaintChannel,
  type ComplaintStatus,
  type Severity,
} from "~/utils/complaint-rules";

export const INBOX_PAGE_SIZE = 50;

/** "open": every status but CLOSED (the default); "all"; or one status. */
export type InboxStatusFilter = "open" | "all" | ComplaintStatus;

export interface InboxFilters {
  status: InboxStatusFilter;
  /** Empty: any severity. */
  severities: Severity[];
  channel: ComplaintChannel | null;
  categoryId: string | null;
  themeId: string | null;
  /** The team and the teams below it. */
  teamId: string | null;
  /** Created on or after this day / on or before this day (YYYY-MM-DD, organisation's calendar). */
  from: string | null;
  to: string | null;
}

export const DEFAULT_INBOX_FILTERS: InboxFilters = {
  status: "open",
  severities: [],
  channel: null,
  categoryId: null,
  themeId: null,
  teamId: null,
  from: null,
  to: null,
};

/** The sort key of a row: open before closed, most severe, newest, then id (all descending). */
export interface InboxCursor {
  open: boolean;
  severity: Severity;
  createdAt: string;
  id: string;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function quoted(value: string) {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

function isDay(value: string) {
  return DAY_PATTERN.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function parseId(raw: string | null, what: string, notices: string[]) {
  const value = (raw ?? "").trim();
  if (!value) return null;
  if (ID_PATTERN.test(value)) return value;
  notices.push(`Ignored the ${what} filter: ${quoted(value)} isn't one.`);
  return null;
}

function parseDay(raw: string | null, what: string, notices: string[]) {
  const value = (raw ?? "").trim();
  if (!value) return null;
  if (isDay(value)) return value;
  notices.push(`Ignored the ${what} date ${quoted(value)}: enter a date like 2026-03-31.`);
  return null;
}

export function encodeInboxCursor(cursor: InboxCursor) {
  return Buffer.from(JSON.stringify([cursor.open ? 1 : 0, cursor.severity, cursor.createdAt, cursor.id])).toString("base64url");
}

function decodeCursor(raw: string): InboxCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [open, severity, createdAt, id] = value as unknown[];
    if ((open !== 0 && open !== 1) || typeof severity !== "string" || !oneOf(SEVERITIES, severity)) return null;
    if (typeof createdAt !== "string" || Number.isNaN(Date.parse(createdAt)) || typeof id !== "string" || !ID_PATTERN.test(id)) return null;
    return { open: open === 1, severity, createdAt, id };
  } catch {
    return null;
  }
}

export function parseInboxQuery(params: URLSearchParams) {
  const notices: string[] = [];
  const filters: InboxFilters = { ...DEFAULT_INBOX_FILTERS };

  const status = (params.get("status") ?? "").trim();
  if (status) {
    const upper = status.toUpperCase();
    if (status === "open" || status === "all") filters.status = status;
    else if (oneOf(COMPLAINT_STATUSES, upper)) filters.status = upper;
    else notices.push(`Ignored the unknown status ${quoted(status)}.`);
  }
  const severities = new Set<Severity>();
  for (const raw of params.getAll("severity")) {
    const value = raw.trim().toUpperCase();
    if (oneOf(SEVERITIES, value)) severities.add(value);
    else if (value) notices.push(`Ignored the unknown severity ${quoted(raw)}.`);
  }
  filters.severities = SEVERITIES.filter((s) => severities.has(s));
  const channel = (params.get("channel") ?? "").trim().toUpperCase();
  if (channel) {
    if (oneOf(COMPLAINT_CHANNELS, channel)) filters.channel = channel;
    else notices.push(`Ignored the unknown channel ${quoted(channel)}.`);
  }
  filters.categoryId = parseId(params.get("category"), "category", notices);
  filters.themeId = parseId(params.get("theme"), "theme", notices);
  filters.teamId = parseId(params.get("team"), "team", notices);
  filters.from = parseDay(params.get("from"), "from", notices);
  filters.to = parseDay(params.get("to"), "to", notices);
  if (filters.from && filters.to && filters.from > filters.to) {
    notices.push("The from date was after the to date: they have been swapped.");
    [filters.from, filters.to] = [filters.to, filters.from];
  }

  const rawCursor = params.get("after");
  const cursor = rawCursor ? decodeCursor(rawCursor) : null;
  if (rawCursor && !cursor) notices.push("That page link is out of date: showing the first page.");
  return { filters, cursor, notices };
}

/** The query string of a filter set (defaults left out), optionally at a page. */
export function inboxSearchParams(filters: InboxFilters, cursor?: InboxCursor | null) {
  const params = new URLSearchParams();
  if (filters.status !== "open") params.set("status", filters.status);
  for (const s of filters.severities) params.append("severity", s);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.categoryId) params.set("category", filters.categoryId);
  if (filters.themeId) params.set("theme", filters.themeId);
  if (filters.teamId) params.set("team", filters.teamId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (cursor) params.set("after", encodeInboxCursor(cursor));
  return params;
}
