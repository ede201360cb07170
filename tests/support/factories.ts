// Test data, written through the app's own Prisma client into the test file's database.
// Every value a test does not care about is filled in and unique.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/auth.server";
import type { GlobalRole, Membership, MembershipRole, Team, User } from "~/generated/prisma/client";
import type { Priority, Request as RequestRow, RequestStatus, RequestType } from "~/generated/prisma/client";
import { slaDueDates } from "~/utils/sla";

export const DEFAULT_PASSWORD = "correct horse battery staple";

let counter = 0;
function uniqueSuffix() {
  counter += 1;
  return `${counter}-${crypto.randomBytes(3).toString("hex")}`;
}

// Argon2 is slow on purpose; one hash of the default password serves every user of a file.
let defaultPasswordHash: Promise<string> | undefined;
function passwordHash(password: string) {
  if (password !== DEFAULT_PASSWORD) return hashPassword(password);
  defaultPasswordHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultPasswordHash;
}

export interface CreateUserOptions {
  email?: string;
  name?: string;
  title?: string;
  role?: GlobalRole;
  active?: boolean;
  /** Defaults to DEFAULT_PASSWORD; null creates a user without a password (e.g. invited). */
  password?: string | null;
}

export async function createUser(options: CreateUserOptions = {}): Promise<User> {
  const suffix = uniqueSuffix();
  const password = options.password === undefined ? DEFAULT_PASSWORD : options.password;
  const hash = password === null ? null : await passwordHash(password);
  const active = options.active ?? true;
  return prisma.user.create({
    data: {
      id: crypto.randomUUID(),
      email: (options.email ?? `user-${suffix}@example.com`).toLowerCase(),
      name: options.name ?? `Test User ${suffix}`,
      title: options.title ?? "",
      role: options.role ?? "EMPLOYEE",
      active,
      deactivatedAt: active ? null : new Date(),
      ...(hash === null ? {} : { password: { create: { hash } } }),
    },
  });
}

export interface CreateTeamOptions {
  name?: string;
  slug?: string;
  parentId?: string | null;
  acceptsRequests?: boolean;
}

export async function createTeam(options: CreateTeamOptions = {}): Promise<Team> {
  const suffix = uniqueSuffix();
  return prisma.team.create({
    data: {
      id: crypto.randomUUID(),
      name: options.name ?? `Team ${suffix}`,
      slug: options.slug ?? `team-${suffix}`,
      parentId: options.parentId ?? null,
      acceptsRequests: options.acceptsRequests ?? false,
    },
  });
}

export async function addMember(userId: string, teamId: string, role: MembershipRole = "MEMBER"): Promise<Membership> {
  return prisma.membership.create({ data: { userId, teamId, role } });
}

// ---------------------------------------------------------------------------------------------
// Requests: createRequestType / createRequest (request page and its actions).
// Written straight to the database with the same SLA due dates and CREATED event the app's
// request-create.server.ts writes, so a test can start from any status or age.

export interface CreateRequestTypeOptions {
  name?: string;
  active?: boolean;
  defaultPriority?: Priority;
  firstResponseTargetMinutes?: number;
  resolutionTargetMinutes?: number;
}

export async function createRequestType(teamId: string, options: CreateRequestTypeOptions = {}): Promise<RequestType> {
  return prisma.requestType.create({
    data: {
      id: crypto.randomUUID(),
      teamId,
      name: options.name ?? `Request type ${uniqueSuffix()}`,
      active: options.active ?? true,
      defaultPriority: options.defaultPriority ?? "NORMAL",
      firstResponseTargetMinutes: options.firstResponseTargetMinutes ?? 4 * 60,
      resolutionTargetMinutes: options.resolutionTargetMinutes ?? 3 * 1440,
    },
  });
}

export interface CreateRequestOptions {
  /** A new person when left out. */
  requesterId?: string;
  requestingTeamId?: string | null;
  /** A new team that accepts requests when left out. */
  providerTeamId?: string;
  /** A new type of the provider team when left out. */
  typeId?: string;
  title?: string;
  body?: string;
  status?: RequestStatus;
  priority?: Priority;
  assigneeId?: string | null;
  createdAt?: Date;
  /** yyyy-mm-dd */
  dueAt?: string | null;
  /** yyyy-mm-dd */
  promisedAt?: string | null;
  firstResponseAt?: Date | null;
  /** Defaults to now for RESOLVED and CLOSED requests. */
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  cancelledAt?: Date | null;
  transferCount?: number;
  reopenCount?: number;
}

export async function createRequest(options: CreateRequestOptions = {}): Promise<RequestRow> {
  const providerTeamId = options.providerTeamId ?? (await createTeam({ acceptsRequests: true })).id;
  const type = options.typeId
    ? await prisma.requestType.findUniqueOrThrow({ where: { id: options.typeId } })
    : await createRequestType(providerTeamId);
  const requesterId = options.requesterId ?? (await createUser()).id;
  const status = options.status ?? "NEW";
  const createdAt = options.createdAt ?? new Date();
  const now = new Date();
  const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
  const day = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);
  const suffix = uniqueSuffix();
  const request = await prisma.request.create({
    data: {
      id: crypto.randomUUID(),
      title: options.title ?? `Request ${suffix}`,
      body: options.body ?? `What is needed for request ${suffix}.`,
      requesterId,
      requestingTeamId: options.requestingTeamId ?? null,
      providerTeamId,
      typeId: type.id,
      assigneeId: options.assigneeId ?? null,
      priority: options.priority ?? type.defaultPriority,
      status,
      dueAt: day(options.dueAt),
      promisedAt: day(options.promisedAt),
      ...slaDueDates(createdAt, type),
      firstResponseAt: options.firstResponseAt ?? null,
      resolvedAt: pick(options.resolvedAt, status === "RESOLVED" || status === "CLOSED" ? now : null),
      closedAt: pick(options.closedAt, status === "CLOSED" ? now : null),
      cancelledAt: pick(options.cancelledAt, status === "CANCELLED" ? now : null),
      transferCount: options.transferCount ?? 0,
      reopenCount: options.reopenCount ?? 0,
      createdAt,
    },
  });
  await prisma.requestEvent.create({
    data: { requestId: request.id, actorId: requesterId, kind: "CREATED", at: createdAt, toStatus: "NEW", toTeamId: providerTeamId },
  });
  return request;
}
