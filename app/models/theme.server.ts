// Themes: the tags managers put on complaints (DESIGN.md, Theme). Managers and admins create,
// rename and merge them; merging moves every tag of one theme onto another and deletes it.
//
// Names are unique without regard to case. The column's unique index is case-sensitive, so every
// change of names runs under one transaction-scoped advisory lock: two people creating "Billing"
// and "billing" at the same moment, on any app instance, are served one after the other and the
// second is refused. Name changes are rare, so the lock costs nothing noticeable.
import crypto from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { prisma, queryRows, type Tx } from "~/utils/db.server";
import type { Actor } from "~/policies/authorize.server";
import { normaliseThemeName } from "~/validation/themes";
import { audit } from "./audit.server";
import { equalsIgnoringCase } from "~/utils/text-match";

/** An arbitrary constant naming the lock that serialises theme name changes. */
const THEME_NAMES_LOCK = 7_311_027;

export class ThemeError extends Error {
  constructor(
    public field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ThemeListItem {
  id: string;
  name: string;
  /** Complaints tagged with it. */
  complaints: number;
  /** Of those, not closed. */
  open: number;
}

export async function listThemes(): Promise<ThemeListItem[]> {
  return queryRows<ThemeListItem>(Prisma.sql`
    SELECT t.id, t.name,
           count(c.id)::int AS complaints,
           (count(c.id) FILTER (WHERE c.status <> 'CLOSED'))::int AS open
      FROM themes t
      LEFT JOIN complaint_themes ct ON ct.theme_id = t.id
      LEFT JOIN complaints c ON c.id = ct.complaint_id
     GROUP BY t.id, t.name
     ORDER BY lower(t.name), t.id`);
}

/** Just the names, for pickers. */
export function themeChoices(): Promise<Array<{ id: string; name: string }>> {
  return queryRows(Prisma.sql`SELECT id, name FROM themes ORDER BY lower(name), id`);
}

async function lockNames(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${THEME_NAMES_LOCK}::bigint)`;
}

function findByName(tx: Tx, name: string) {
  return tx.theme.findFirst({ where: { name: equalsIgnoringCase(name) }, select: { id: true, name: true } });
}

/**
 * The theme called `name` (any case), created when there is none. For the complaint page's "new
 * theme" box, where typing an existing name means that theme. Call inside a transaction.
 */
export async function findOrCreateTheme(tx: Tx, actor: Actor, rawName: string) {
  const name = normaliseThemeName(rawName);
  await lockNames(tx);
  const existing = await findByName(tx, name);
  if (existing) return { theme: existing, created: false };
  const theme = await tx.theme.create({ data: { id: crypto.randomUUID(), name }, select: { id: true, name: true } });
  await audit({ action: "theme.created", actorId: actor.id, targetType: "theme", targetId: theme.id, details: { name } }, tx);
  return { theme, created: true };
}

export async function createTheme(actor: Actor, rawName: string) {
  const name = normaliseThemeName(rawName);
  return prisma.$transaction(async (tx) => {
    await lockNames(tx);
    const existing = await findByName(tx, name);
    if (existing) throw new ThemeError("name", `There is already a theme called "${existing.name}".`);
    const theme = await tx.theme.create({ data: { id: crypto.randomUUID(), name }, select: { id: true, name: true } });
    await audit({ action: "theme.created", actorId: actor.id, targetType: "theme", targetId: theme.id, details: { name } }, tx);
    return theme;
  });
}

export async function renameTheme(actor: Actor, themeId: string, rawName: string) {
  const name = normaliseThemeName(rawName);
  return prisma.$transaction(async (tx) => {
    await lockNames(tx);
    const theme = await tx.theme.findUnique({ where: { id: themeId }, select: { id: true, name: true } });
    if (!theme) throw new ThemeError("", "That theme no longer exists: someone may have merged it. The list is up to date now.");
    if (theme.name === name) throw new ThemeError("name", "That is its name already.");
    const clash = await findByName(tx, name);
    // Changing only the case of its own name is a rename; another theme's name is not.
    if (clash && clash.id !== theme.id)
      throw new ThemeError("name", `There is already a theme called "${clash.name}". To combine the two, merge them.`);
    await tx.theme.update({ where: { id: theme.id }, data: { name } });
    await audit(
      { action: "theme.renamed", actorId: actor.id, targetType: "theme", targetId: theme.id, details: { from: theme.name, to: name } },
      tx,
    );
    return { from: theme.name, to: name };
  });
}

/**
 * Moves every tag of `sourceId` to `targetId` (a complaint tagged with both keeps one tag) and
 * deletes the source, in one transaction. Complaint timelines are not touched: the complaint's
 * subject didn't change, only the name it is filed under.
 */
export async function mergeTheme(actor: Actor, sourceId: string, targetId: string) {
  if (sourceId === targetId) throw new ThemeError("intoId", "Choose a different theme: a theme can't be merged into itself.");
  return prisma.$transaction(async (tx) => {
    await lockNames(tx);
    const themes = await tx.theme.findMany({ where: { id: { in: [sourceId, targetId] } }, select: { id: true, name: true } });
    const source = themes.find((t) => t.id === sourceId);
    const target = themes.find((t) => t.id === targetId);
    if (!source) throw new ThemeError("", "That theme no longer exists: someone may have merged it already. The list is up to date now.");
    if (!target) throw new ThemeError("intoId", "The theme you chose no longer exists. Choose another.");
    const moved = await tx.$executeRaw`
      INSERT INTO complaint_themes (complaint_id, theme_id, tagged_at, tagged_by_id)
      SELECT complaint_id, ${target.id}, tagged_at, tagged_by_id FROM complaint_themes WHERE theme_id = ${source.id}
      ON CONFLICT (complaint_id, theme_id) DO NOTHING`;
    const total = await tx.complaintTheme.count({ where: { themeId: source.id } });
    // Deleting the theme deletes its remaining tags (ON DELETE CASCADE).
    await tx.theme.delete({ where: { id: source.id } });
    await audit(
      {
        action: "theme.merged",
        actorId: actor.id,
        targetType: "theme",
        targetId: target.id,
        details: { from: source.name, fromId: source.id, into: target.name, tagsMoved: moved, alreadyTagged: total - moved },
      },
      tx,
    );
    return { source, target, moved, alreadyTagged: total - moved };
  });
}
