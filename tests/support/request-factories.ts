// Request types and requests for list tests (queues, "My requests", saved views), written straight
// to the database so a test controls every field the lists filter and sort on: status, assignee,
// creation time, due dates. (The app's own create path is tested with the request pages.)
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { slaDueDates } from "~/utils/sla";
import type { Priority, RequestStatus } from "~/generated/prisma/client";

let counter = 0;

export async function insertRequestType(
  teamId: string,
  options: { name?: string; active?: boolean; resolutionTargetMinutes?: number } = {},
) {
  counter += 1;
  return prisma.requestType.create({
    data: {
      id: crypto.randomUUID(),
      teamId,
      name: options.name ?? `Type ${counter}`,
      firstResponseTargetMinutes: 240,
      resolutionTargetMinutes: options.resolutionTargetMinutes ?? 3 * 1440,
      active: options.active ?? true,
    },
  });
}

export interface RequestFields {
  providerTeamId: string;
  typeId: string;
  requesterId: string;
  requestingTeamId?: string | null;
  title?: string;
  body?: string;
  status?: RequestStatus;
  priority?: Priority;
  assigneeId?: string | null;
  createdAt?: Date;
  /** Defaults to three days after creation. */
  resolutionDueAt?: Date;
}

function requestData(fields: RequestFields) {
  counter += 1;
  const createdAt = fields.createdAt ?? new Date();
  const due = slaDueDates(createdAt, { firstResponseTargetMinutes: 240, resolutionTargetMinutes: 3 * 1440 });
  const status = fields.status ?? "NEW";
  const resolved = status === "RESOLVED" || status === "CLOSED";
  return {
    id: crypto.randomUUID(),
    title: fields.title ?? `Request ${counter}`,
    body: fields.body ?? `Details of request ${counter}.`,
    requesterId: fields.requesterId,
    requestingTeamId: fields.requestingTeamId ?? null,
    providerTeamId: fields.providerTeamId,
    typeId: fields.typeId,
    assigneeId: fields.assigneeId ?? null,
    priority: fields.priority ?? "NORMAL",
    status,
    firstResponseDueAt: due.firstResponseDueAt,
    resolutionDueAt: fields.resolutionDueAt ?? due.resolutionDueAt,
    resolvedAt: resolved ? createdAt : null,
    closedAt: status === "CLOSED" ? createdAt : null,
    cancelledAt: status === "CANCELLED" ? createdAt : null,
    createdAt,
  };
}

export function insertRequest(fields: RequestFields) {
  return prisma.request.create({ data: requestData(fields) });
}

/** Many requests in one statement; `each(i)` varies the fields of the i-th (0-based). */
export async function insertRequests(count: number, each: (i: number) => RequestFields) {
  const rows = Array.from({ length: count }, (_, i) => requestData(each(i)));
  await prisma.request.createMany({ data: rows });
  return rows;
}
