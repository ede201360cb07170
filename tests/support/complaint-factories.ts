// Complaint test data (categories, complaints, sightings), written straight to the database so a
// test controls every field the pages filter and sort on: status, age, routing, contact details.
// The app's own create path (routing, events, notifications) is tested with the log form.
// Keep these exports stable: several test files share them.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { createTeam, createUser } from "./factories";
import type {
  Complaint,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSighting,
  ComplaintStatus,
  Severity,
} from "~/generated/prisma/client";

let counter = 0;
function uniqueSuffix() {
  counter += 1;
  return `${counter}-${crypto.randomBytes(3).toString("hex")}`;
}

export interface CreateCategoryOptions {
  name?: string;
  /** A new team when left out. */
  ownerTeamId?: string;
  active?: boolean;
  description?: string;
}

export async function createCategory(options: CreateCategoryOptions = {}): Promise<ComplaintCategory> {
  const ownerTeamId = options.ownerTeamId ?? (await createTeam()).id;
  return prisma.complaintCategory.create({
    data: {
      id: crypto.randomUUID(),
      name: options.name ?? `Category ${uniqueSuffix()}`,
      description: options.description ?? "",
      ownerTeamId,
      active: options.active ?? true,
    },
  });
}

export interface CreateComplaintOptions {
  /** A new person when left out. */
  reporterId?: string;
  /** A new category (owned by `routedTeamId` or a new team) when left out. */
  categoryId?: string;
  /** Defaults to the category's owner team. */
  routedTeamId?: string;
  /** Defaults to the routed team. */
  waitingOnTeamId?: string;
  channel?: ComplaintChannel;
  severity?: Severity;
  summary?: string;
  details?: string;
  actionTaken?: string;
  resolvedAtFrontLine?: boolean;
  /** Defaults to ESCALATED (LOGGED when resolved at the front line). */
  status?: ComplaintStatus;
  createdAt?: Date;
  occurredAt?: Date;
  escalationLevel?: number;
  /** Defaults to createdAt + 24 h for ESCALATED complaints. */
  acknowledgeDueAt?: Date | null;
  acknowledgedAt?: Date | null;
  acknowledgedById?: string | null;
  actionPlan?: string | null;
  response?: string | null;
  respondedById?: string | null;
  respondedAt?: Date | null;
  closedAt?: Date | null;
  customerName?: string | null;
  customerEmail?: string | null;
  customerPhone?: string | null;
  customerReference?: string | null;
}

export async function createComplaint(options: CreateComplaintOptions = {}): Promise<Complaint> {
  const category = options.categoryId
    ? await prisma.complaintCategory.findUniqueOrThrow({ where: { id: options.categoryId } })
    : await createCategory(options.routedTeamId ? { ownerTeamId: options.routedTeamId } : {});
  const reporterId = options.reporterId ?? (await createUser()).id;
  const routedTeamId = options.routedTeamId ?? category.ownerTeamId;
  const resolvedAtFrontLine = options.resolvedAtFrontLine ?? false;
  const status = options.status ?? (resolvedAtFrontLine ? "LOGGED" : "ESCALATED");
  const createdAt = options.createdAt ?? new Date();
  const escalated = !resolvedAtFrontLine;
  const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
  const acknowledged = status === "ACKNOWLEDGED" || status === "ACTION_PLANNED" || status === "CLOSED";
  const complaint = await prisma.complaint.create({
    data: {
      id: crypto.randomUUID(),
      reporterId,
      channel: options.channel ?? "PHONE",
      categoryId: category.id,
      severity: options.severity ?? "MEDIUM",
      summary: options.summary ?? `Complaint ${uniqueSuffix()}`,
      details: options.details ?? "",
      actionTaken: options.actionTaken ?? "",
      resolvedAtFrontLine,
      occurredAt: options.occurredAt ?? createdAt,
      status,
      routedTeamId,
      waitingOnTeamId: options.waitingOnTeamId ?? routedTeamId,
      escalationLevel: options.escalationLevel ?? 0,
      escalatedAt: escalated ? createdAt : null,
      acknowledgeDueAt: pick(options.acknowledgeDueAt, status === "ESCALATED" ? new Date(createdAt.getTime() + 24 * 3600_000) : null),
      acknowledgedAt: pick(options.acknowledgedAt, acknowledged ? createdAt : null),
      acknowledgedById: options.acknowledgedById ?? null,
      actionPlan: options.actionPlan ?? null,
      actionPlannedAt: options.actionPlan ? createdAt : null,
      response: options.response ?? null,
      respondedAt: pick(options.respondedAt, options.response ? createdAt : null),
      respondedById: options.respondedById ?? null,
      closedAt: pick(options.closedAt, status === "CLOSED" ? createdAt : null),
      customerName: options.customerName ?? null,
      customerEmail: options.customerEmail ?? null,
      customerPhone: options.customerPhone ?? null,
      customerReference: options.customerReference ?? null,
      createdAt,
    },
  });
  await prisma.complaintEvent.create({
    data: { complaintId: complaint.id, actorId: reporterId, kind: "LOGGED", at: createdAt, toTeamId: routedTeamId },
  });
  return complaint;
}

export interface AddSightingOptions {
  /** A new person when left out. */
  reporterId?: string;
  channel?: ComplaintChannel;
  note?: string;
  occurredAt?: Date;
  createdAt?: Date;
}

export async function addSighting(complaintId: string, options: AddSightingOptions = {}): Promise<ComplaintSighting> {
  const reporterId = options.reporterId ?? (await createUser()).id;
  const createdAt = options.createdAt ?? new Date();
  const sighting = await prisma.complaintSighting.create({
    data: {
      id: crypto.randomUUID(),
      complaintId,
      reporterId,
      channel: options.channel ?? "PHONE",
      note: options.note ?? "",
      occurredAt: options.occurredAt ?? createdAt,
      createdAt,
    },
  });
  await prisma.complaintEvent.create({ data: { complaintId, actorId: reporterId, kind: "SIGHTING_ADDED", at: createdAt } });
  return sighting;
}
