// The team queue's and "My requests"' filters, read from the query string so every view works
// without JavaScript and can be bookmarked or saved. Input here is whatever someone typed into the
// address bar: nothing in it may cause an error page. Unknown values are dropped with a notice
// the page shows, never thrown. Pure: shared by the forms, the loaders and the saved views.
import { z } from "zod";
import { OPEN_STATUSES, REQUEST_STATUSES, STATUS_LABELS, type RequestStatus } from "~/utils/request-lifecycle";
import { PRIORITIES, type Priority } from "~/utils/request-number";

export const QUEUE_PAGE_SIZE = 25;
export const SEARCH_MAX = 200;

export const QUEUE_SORTS = ["newest", "oldest", "priority", "due"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const SORT_LABELS: Record<QueueSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  priority: "Highest priority first",
  due: "Due soonest",
};

/** "any", "me", "unassigned", or the id of a person on the team. */
export type AssigneeFilter = string;

export interface QueueFilters {
  /** Never empty; the open statuses unless the URL asks for others. */
  statuses: RequestStatus[];
  assignee: AssigneeFilter;
  /** Empty means any priority. */
  priorities: Priority[];
  typeId: string | null;
  overdue: boolean;
  q: string;
  sort: QueueSort;
}

/** Where a keyset page starts: just after (or just before) the row whose sort key this is. */
export interface PageCursor {
  direction: "after" | "before";
  /** The sort key of that row, in the order of the sort's columns, ending with the row's id. */
  key: CursorKey;
}

export type CursorKey =
  | { sort: "newest" | "oldest"; createdAt: Date; id: string }
  | { sort: "priority"; priority: Priority; createdAt: Date; id: string }
  | { sort: "due"; resolutionDueAt: Date; id: string };

export interface ParsedQuery<F> {
  filters: F;
  page: PageCursor | null;
  /** What was ignored and why, for the page to show. */
  notices: string[];
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const TRUE_VALUES = ["1", "on", "true", "yes"];

function isStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

function isPriority(value: string): value is Priority {
  return (PRIORITIES as readonly string[]).includes(value);
}

function quoted(value: string) {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${short}"`;
}

/**
 * `status` may repeat; besides the statuses it accepts "open" and "all". Nothing valid means the
 * open statuses (what a queue is for). The result keeps the lifecycle's order.
 */
export function parseStatuses(values: string[], notices: string[]): RequestStatus[] {
  const chosen = new Set<RequestStatus>();
  for (const raw of values) {
    const value = raw.trim().toUpperCase();
    if (!value) continue;
    if (value === "OPEN") OPEN_STATUSES.forEach((s) => chosen.add(s));
    else if (value === "ALL") REQUEST_STATUSES.forEach((s) => chosen.add(s));
    else if (isStatus(value)) chosen.add(value);
    else notices.push(`Ignored the unknown status ${quoted(raw)}.`);
  }
  if (chosen.size === 0) return [...OPEN_STATUSES];
  return REQUEST_STATUSES.filter((s) => chosen.has(s));
}

export function isOpenSelection(statuses: readonly RequestStatus[]) {
  return statuses.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => statuses.includes(s));
}

export function isAllSelection(statuses: readonly RequestStatus[]) {
  return statuses.length === REQUEST_STATUSES.length;
}

/** How a status selection is written in a URL: nothing for the default (open), "all", or each. */
export function statusParams(statuses: readonly RequestStatus[]): string[] {
  if (isOpenSelection(statuses)) return [];
  if (isAllSelection(statuses)) return ["all"];
  return [...statuses];
}

export function describeStatuses(statuses: readonly RequestStatus[]) {
  if (isOpenSelection(statuses)) return "Open";
  if (isAllSelection(statuses)) return "All statuses";
  return statuses.map((s) => STATUS_LABELS[s]).join(", ");
}

function parseSearch(raw: string | null, notices: string[]) {
  const q = (raw ?? "").replace(/\s+/g, " ").trim();
  if (q.length <= SEARCH_MAX) return q;
  notices.push(`Searched for the first ${SEARCH_MAX} characters only.`);
  return q.slice(0, SEARCH_MAX).trim();
}

function base64UrlEncode(text: string) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function base64UrlDecode(text: string) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** An opaque page token: the sort it belongs to, the row's sort key and its id. */
export function encodeCursor(key: CursorKey): string {
  const values =
    key.sort === "priority"
      ? [key.sort, key.priority, key.createdAt.toISOString(), key.id]
      : key.sort === "due"
        ? [key.sort, key.resolutionDueAt.toISOString(), key.id]
        : [key.sort, key.createdAt.toISOString(), key.id];
  return base64UrlEncode(JSON.stringify(values));
}

function parseDate(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The cursor's key if it is well formed and belongs to `sort`; null for anything else. */
export function decodeCursor(token: string, sort: QueueSort): CursorKey | null {
  if (token.length > 300) return null;
  let values: unknown;
  try {
    values = JSON.parse(base64UrlDecode(token));
  } catch {
    return null;
  }
  if (!Array.isArray(values) || values[0] !== sort) return null;
  const id = values[values.length - 1];
  if (typeof id !== "string" || !ID_PATTERN.test(id)) return null;
  if (sort === "priority") {
    const createdAt = parseDate(values[2]);
    const priority = values[1];
    if (values.length !== 4 || typeof priority !== "string" || !isPriority(priority) || !createdAt) return null;
    return { sort, priority, createdAt, id };
  }
  const date = parseDate(values[1]);
  if (values.length !== 3 || !date) return null;
  return sort === "due" ? { sort, resolutionDueAt: date, id } : { sort, createdAt: date, id };
}

function parsePage(params: URLSearchParams, sort: QueueSort, notices: string[]): PageCursor | null {
  const direction = params.has("after") ? "after" : params.has("before") ? "before" : null;
  if (!direction) return null;
  const token = params.get(direction) ?? "";
  const key = decodeCursor(token, sort);
  if (!key) {
    notices.push("That page link didn't work (it may be for another sort order), so this is the first page.");
    return null;
  }
  return { direction, key };
}

/** Reads the team queue's filters, sort and page from a query string. */
export function parseQueueQuery(params: URLSearchParams): ParsedQuery<QueueFilters> {
  const notices: string[] = [];
  const statuses = parseStatuses(params.getAll("status"), notices);

  const rawAssignee = (params.get("assignee") ?? "").trim();
  let assignee: AssigneeFilter = "any";
  if (rawAssignee === "me" || rawAssignee === "unassigned" || rawAssignee === "any" || rawAssignee === "") {
    assignee = rawAssignee || "any";
  } else if (ID_PATTERN.test(rawAssignee)) {
    assignee = rawAssignee;
  } else {
    notices.push("Ignored the assignee filter: that person isn't on this team.");
  }

  const priorities = new Set<Priority>();
  for (const raw of params.getAll("priority")) {
    const value = raw.trim().toUpperCase();
    if (!value || value === "ANY") continue;
    if (isPriority(value)) priorities.add(value);
    else notices.push(`Ignored the unknown priority ${quoted(raw)}.`);
  }

  const rawType = (params.get("type") ?? "").trim();
  let typeId: string | null = null;
  if (rawType && ID_PATTERN.test(rawType)) typeId = rawType;
  else if (rawType) notices.push("Ignored the request type filter: this team has no such type.");

  const overdue = TRUE_VALUES.includes((params.get("overdue") ?? "").trim().toLowerCase());
  const q = parseSearch(params.get("q"), notices);

  const rawSort = (params.get("sort") ?? "").trim();
  let sort: QueueSort = "newest";
  if ((QUEUE_SORTS as readonly string[]).includes(rawSort)) sort = rawSort as QueueSort;
  else if (rawSort) notices.push(`Ignored the unknown sort order ${quoted(rawSort)}; showing newest first.`);

  const filters: QueueFilters = { statuses, assignee, priorities: PRIORITIES.filter((p) => priorities.has(p)), typeId, overdue, q, sort };
  return { filters, page: parsePage(params, sort, notices), notices };
}

/**
 * The canonical query string of a queue view: defaults left out, one order of parameters, so
 * equal views have equal strings (saved views store this). `page` adds a keyset position.
 */
export function queueSearchParams(filters: QueueFilters, page?: PageCursor | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const s of statusParams(filters.statuses)) params.append("status", s);
  if (filters.assignee !== "any") params.set("assignee", filters.assignee);
  for (const p of filters.priorities) params.append("priority", p);
  if (filters.typeId) params.set("type", filters.typeId);
  if (filters.overdue) params.set("overdue", "1");
  if (filters.q) params.set("q", filters.q);
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  if (page) params.set(page.direction, encodeCursor(page.key));
  return params;
}

export const MY_REQUEST_TABS = ["raised", "team"] as const;
export type MyRequestsTab = (typeof MY_REQUEST_TABS)[number];

export interface MyRequestsFilters {
  tab: MyRequestsTab;
  statuses: RequestStatus[];
}

/** "My requests": which list (raised by me, or my teams'), statuses, and the page (newest first). */
export function parseMyRequestsQuery(params: URLSearchParams): ParsedQuery<MyRequestsFilters> {
  const notices: string[] = [];
  const rawTab = params.get("tab") ?? "";
  const tab: MyRequestsTab = rawTab === "team" ? "team" : "raised";
  if (rawTab && rawTab !== tab) notices.push(`Ignored the unknown list ${quoted(rawTab)}.`);
  const statuses = parseStatuses(params.getAll("status"), notices);
  return { filters: { tab, statuses }, page: parsePage(params, "newest", notices), notices };
}

export function myRequestsSearchParams(filters: MyRequestsFilters, page?: PageCursor | null) {
  const params = new URLSearchParams();
  if (filters.tab !== "raised") params.set("tab", filters.tab);
  for (const s of statusParams(filters.statuses)) params.append("status", s);
  if (page) params.set(page.direction, encodeCursor(page.key));
  return params;
}

export const SAVED_VIEW_NAME_MAX = 60;
export const SAVED_VIEW_QUERY_MAX = 2000;

export const saveViewSchema = z.object({
  intent: z.literal("save-view"),
  name: z
    .string({ error: "Name the view, e.g. “Urgent and unassigned”." })
    .trim()
    .min(1, "Name the view, e.g. “Urgent and unassigned”.")
    .max(SAVED_VIEW_NAME_MAX, `Keep the name under ${SAVED_VIEW_NAME_MAX} characters.`),
  query: z.string().max(SAVED_VIEW_QUERY_MAX, "These filters are too long to save.").default(""),
});

export const deleteViewSchema = z.object({
  intent: z.literal("delete-view"),
  viewId: z.string().regex(ID_PATTERN),
});
