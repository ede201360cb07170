// Teams, their hierarchy (parentId) and memberships.
import crypto from "node:crypto";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import type { MembershipRole } from "~/generated/prisma/client";
import { audit } from "./audit.server";
import { StaleRecordError } from "./user.server";

export interface TeamInput {
  name: string;
  slug: string;
  description: string;
  parentId: string | null;
  acceptsRequests: boolean;
  complaintAckTargetMinutes: number;
}

export class TeamConflictError extends Error {
  constructor(
    public field: "name" | "slug" | "parentId",
    message: string,
  ) {
    super(message);
  }
}

export async function listTeams() {
  return prisma.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      parentId: true,
      acceptsRequests: true,
      _count: { select: { memberships: true } },
    },
  });
}

export type TeamListItem = Awaited<ReturnType<typeof listTeams>>[number];

/** Arranges a flat list into depth-first order with each team's depth, for an indented tree. */
export function teamTree<T extends { id: string; parentId: string | null; name: string }>(teams: T[]) {
  const children = new Map<string | null, T[]>();
  for (const team of teams) {
    const key = teams.some((t) => t.id === team.parentId) ? team.parentId : null;
    children.set(key, [...(children.get(key) ?? []), team]);
  }
  const out: Array<T & { depth: number }> = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const team of (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ ...team, depth });
      visit(team.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Every team as a choice in an indented team picker: id, name and depth, in tree order. */
export async function listTeamChoices() {
  return teamTree(await listTeams()).map(({ id, name, depth }) => ({ id, name, depth }));
}

export async function getTeamBySlug(slug: string) {
  return prisma.team.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      acceptsRequests: true,
      complaintAckTargetMinutes: true,
      parentId: true,
      updatedAt: true,
      parent: { select: { name: true, slug: true } },
      children: { select: { name: true, slug: true }, orderBy: { name: "asc" } },
      memberships: {
        select: { role: true, user: { select: { id: true, name: true, title: true, email: true, active: true } } },
        orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
      },
    },
  });
}

/** The ids of a team's ancestors, nearest first. */
export async function ancestorIds(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM teams WHERE id = ${teamId}
      UNION ALL
      SELECT t.id, t.parent_id, up.depth + 1 FROM teams t JOIN up ON t.id = up.parent_id WHERE up.depth < 50
    )
    SELECT id FROM up WHERE depth > 0 ORDER BY depth`;
  return rows.map((r) => r.id);
}

async function assertValidParent(tx: Tx, teamId: string | null, parentId: string | null) {
  if (!parentId) return;
  const parent = await tx.team.findUnique({ where: { id: parentId }, select: { id: true } });
  if (!parent) throw new TeamConflictError("parentId", "Choose a parent team from the list.");
  if (teamId && (parentId === teamId || (await ancestorIds(tx, parentId)).includes(teamId))) {
    throw new TeamConflictError("parentId", "A team can't sit below itself or one of its own sub-teams.");
  }
}

function uniqueViolationField(error: unknown): "name" | "slug" | null {
  if (!isUniqueViolation(error)) return null;
  const text = JSON.stringify((error as { meta?: unknown }).meta ?? "") + String((error as Error).message);
  return text.includes("slug") ? "slug" : "name";
}

function conflictFor(field: "name" | "slug") {
  return new TeamConflictError(field, field === "slug" ? "Another team already uses this address." : "Another team already has this name.");
}

export async function createTeam(actorId: string, input: TeamInput, ip: string) {
  try {
    return await prisma.$transaction(async (tx) => {
      await assertValidParent(tx, null, input.parentId);
      const team = await tx.team.create({ data: { id: crypto.randomUUID(), ...input }, select: { id: true, slug: true } });
      await audit({ action: "team.created", actorId, targetType: "team", targetId: team.id, ip }, tx);
      return team;
    });
  } catch (error) {
    const field = uniqueViolationField(error);
    if (field) throw conflictFor(field);
    throw error;
  }
}

export async function updateTeam(actorId: string, id: string, version: Date, input: TeamInput, ip: string) {
  try {
    return await prisma.$transaction(async (tx) => {
      await assertValidParent(tx, id, input.parentId);
      const { count } = await tx.team.updateMany({ where: { id, updatedAt: version }, data: input });
      if (count === 0) throw new StaleRecordError();
      await audit({ action: "team.updated", actorId, targetType: "team", targetId: id, ip }, tx);
      return { slug: input.slug };
    });
  } catch (error) {
    const field = uniqueViolationField(error);
    if (field) throw conflictFor(field);
    throw error;
  }
}

/** Adds a person to a team, or changes their role there if they already belong. */
export async function setMembership(actorId: string, teamId: string, userId: string, role: MembershipRole, ip: string) {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({ where: { userId_teamId: { userId, teamId } }, select: { role: true } });
    if (existing?.role === role) return;
    await tx.membership.upsert({
      where: { userId_teamId: { userId, teamId } },
      create: { userId, teamId, role },
      update: { role },
    });
    await audit(
      {
        action: existing ? "membership.role_changed" : "membership.added",
        actorId,
        targetType: "team",
        targetId: teamId,
        ip,
        details: { userId, role, ...(existing ? { from: existing.role } : {}) },
      },
      tx,
    );
  });
}

export async function removeMembership(actorId: string, teamId: string, userId: string, ip: string) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.membership.deleteMany({ where: { teamId, userId } });
    if (count) await audit({ action: "membership.removed", actorId, targetType: "team", targetId: teamId, ip, details: { userId } }, tx);
  });
}
