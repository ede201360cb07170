// "My complaints" (closing the loop to the rep, DESIGN.md Escalation): the complaints I logged
// and those I said I heard too, newest first, with their status, who has them now and the start
// of the manager's response. Keyset pages by number. Never the customer's contact details.
import { prisma } from "~/utils/db.server";
import { COMPLAINT_STATUS_LABELS, formatComplaintNumber, SEVERITY_LABELS } from "~/utils/complaint-rules";
import { describeHolder } from "./complaint-detail.server";

export const MY_COMPLAINTS_PAGE = 25;
const RESPONSE_EXCERPT = 160;

function excerpt(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > RESPONSE_EXCERPT ? `${flat.slice(0, RESPONSE_EXCERPT - 1).trimEnd()}…` : flat;
}

/** `before`: show complaints numbered below this (the next page); `take`: page size. */
export async function loadMyComplaints(userId: string, options: { before?: number | null; take?: number } = {}) {
  const take = options.take ?? MY_COMPLAINTS_PAGE;
  const rows = await prisma.complaint.findMany({
    where: {
      OR: [{ reporterId: userId }, { sightings: { some: { reporterId: userId } } }],
      ...(options.before ? { number: { lt: options.before } } : {}),
    },
    orderBy: { number: "desc" },
    take: take + 1,
    select: {
      number: true,
      summary: true,
      status: true,
      severity: true,
      createdAt: true,
      reporterId: true,
      escalationLevel: true,
      acknowledgedById: true,
      response: true,
      respondedAt: true,
      category: { select: { name: true } },
      routedTeam: { select: { name: true } },
      waitingOn: { select: { name: true } },
      _count: { select: { sightings: true } },
    },
  });
  const page = rows.slice(0, take);
  const ackIds = [...new Set(page.map((r) => r.acknowledgedById).filter((id): id is string => !!id))];
  const ackers = ackIds.length ? await prisma.user.findMany({ where: { id: { in: ackIds } }, select: { id: true, name: true } }) : [];
  return {
    rows: page.map((r) => {
      const acker = ackers.find((u) => u.id === r.acknowledgedById);
      return {
        number: r.number,
        ref: formatComplaintNumber(r.number),
        summary: r.summary,
        category: r.category.name,
        severity: SEVERITY_LABELS[r.severity],
        status: r.status,
        statusLabel: COMPLAINT_STATUS_LABELS[r.status],
        holder: describeHolder({ ...r, acknowledgedBy: acker ? { name: acker.name } : null }),
        response: r.response ? excerpt(r.response) : null,
        respondedAt: r.respondedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        mine: r.reporterId === userId,
        sightings: r._count.sightings,
      };
    }),
    nextBefore: rows.length > take ? page[page.length - 1]!.number : null,
  };
}

export type MyComplaintRow = Awaited<ReturnType<typeof loadMyComplaints>>["rows"][number];
