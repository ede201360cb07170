// Test data, written through the app's own Prisma client into the test file's database.
// Every value a test does not care about is filled in and unique.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/auth.server";
import type { GlobalRole, Membership, MembershipRole, Team, User } from "~/generated/prisma/client";

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
