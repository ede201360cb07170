// The feedback inbox of a reader: the entries they may read, newest day first, filtered by
// addressee, kind and status, a page at a time. Within a day entries are ordered by their random
// id, so the order never hints at when in the day an anonymous entry was written.
import { prisma } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { readsAddressee, type FeedbackReader } from "~/policies/feedback.server";
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, TO_MANAGEMENT, type FeedbackKindName, type FeedbackStatusName } from "~/validation/feedback";

export const INBOX_PAGE_SIZE = 50;

export interface InboxFilters {
  /** "" for every addressee, TO_MANAGEMENT, or a team id. */
  to: string;
  kind: FeedbackKindName | "";
  status: FeedbackStatusName | "";
  page: number;
}

/** The addressees a reader may filter by: the teams they read (by name) and management. */
export async function readableAddressees(reader: FeedbackReader) {
  const admin = reader.actor.role === "ADMIN";
  const teams = await prisma.team.findMany({
    where: admin ? {} : { id: { in: [...reader.scope.manages] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return [...(readsAddressee(reader, null) ? [{ id: TO_MANAGEMENT, name: "Management" }] : []), ...teams];
}

/** Filters from the URL; values that aren't offered are dropped with a notice. */
export function readInboxFilters(params: URLSearchParams, addressees: Array<{ id: string }>) {
  const notices: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[], what: string): T | "" => {
    const value = params.get(name) ?? "";
    if (!value || allowed.includes(value as T)) return value as T | "";
    notices.push(`Showing every ${what}: the one asked for isn't offered here.`);
    return "";
  };
  const filters: InboxFilters = {
    to: pick(
      "to",
      addressees.map((a) => a.id),
      "addressee",
    ),
    kind: pick("kind", FEEDBACK_KINDS, "kind"),
    status: pick("status", FEEDBACK_STATUSES, "status"),
    page: Math.min(Math.max(Number.parseInt(params.get("page") ?? "1", 10) || 1, 1), 1000),
  };
  return { filters, notices };
}

/** What the reader may read: their addressees, and anonymous entries once announced. */
export function readableWhere(reader: FeedbackReader): Prisma.FeedbackWhereInput {
  const visible: Prisma.FeedbackWhereInput = { OR: [{ anonymous: false }, { announcedOn: { not: null } }] };
  if (reader.actor.role === "ADMIN") return visible;
  return {
    AND: [visible, { OR: [{ teamId: { in: [...reader.scope.manages] } }, ...(reader.readsManagement ? [{ teamId: null }] : [])] }],
  };
}

export async function listInbox(reader: FeedbackReader, filters: InboxFilters) {
  const where: Prisma.FeedbackWhereInput = {
    AND: [
      readableWhere(reader),
      filters.to ? { teamId: filters.to === TO_MANAGEMENT ? null : filters.to } : {},
      filters.kind ? { kind: filters.kind } : {},
      filters.status ? { status: filters.status } : {},
    ],
  };
  const rows = await prisma.feedback.findMany({
    where,
    orderBy: [{ submittedOn: "desc" }, { id: "asc" }],
    skip: (filters.page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      subject: true,
      submittedOn: true,
      status: true,
      anonymous: true,
      team: { select: { name: true } },
      author: { select: { name: true } },
      _count: { select: { responses: true } },
    },
  });
  const entries = rows.slice(0, INBOX_PAGE_SIZE).map((r) => ({
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    submittedOn: r.submittedOn.toISOString().slice(0, 10),
    status: r.status,
    to: r.team?.name ?? "Management",
    from: r.anonymous ? null : (r.author?.name ?? "A former colleague"),
    responses: r._count.responses,
  }));
  return { entries, hasMore: rows.length > INBOX_PAGE_SIZE };
}

export type InboxEntry = Awaited<ReturnType<typeof listInbox>>["entries"][number];
