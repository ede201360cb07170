// Complaint themes (issue 5): managers and admins create, rename and merge them. Names are unique
// whatever their capitals; merging moves every tag to the other theme without duplicates and
// deletes the merged one; each change is audited. Everyone else gets 404.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import * as themesRoute from "~/routes/complaints.themes";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf } from "../support/replies";
import { createComplaint } from "../support/complaint-factories";

let team: Team;
let manager: User, admin: User, employee: User;
let managerCookie: string;

beforeAll(async () => {
  team = await createTeam({ name: "Support" });
  manager = await createUser({ name: "Mia Manager" });
  admin = await createUser({ name: "Ada Admin", role: "ADMIN" });
  employee = await createUser({ name: "Eve Employee" });
  await addMember(manager.id, team.id, "MANAGER");
  await addMember(employee.id, team.id, "MEMBER");
  managerCookie = await signInAs(manager.id);
});

function post(fields: Record<string, string>, cookie = managerCookie) {
  return callAction(themesRoute, formRequest("/complaints/themes", fields, { cookie }));
}

async function themeNamed(name: string) {
  return prisma.theme.findFirstOrThrow({ where: { name } });
}

async function tag(complaintId: string, themeId: string) {
  await prisma.complaintTheme.create({ data: { complaintId, themeId } });
}

describe("themes", () => {
  test("a manager creates a theme; the same name in other capitals is refused beside the field", async () => {
    const created = await post({ intent: "create", name: "  Late   delivery " });
    expect(created.status).toBe(302);
    expect((await flashOf(created))?.message).toBe('Theme "Late delivery" created.');
    const theme = await themeNamed("Late delivery");
    expect(await prisma.auditLog.findFirst({ where: { action: "theme.created", targetId: theme.id, actorId: manager.id } })).not.toBeNull();

    const duplicate = await post({ intent: "create", name: "LATE DELIVERY" });
    expect(duplicate.status).toBe(400);
    expect(await fieldErrors(duplicate, "name")).toEqual(['There is already a theme called "Late delivery".']);
    expect(await prisma.theme.count({ where: { name: { equals: "late delivery", mode: "insensitive" } } })).toBe(1);

    const empty = await post({ intent: "create", name: "   " });
    expect(await fieldErrors(empty, "name")).toEqual(["Enter the theme's name."]);
  });

  test("rename: to a free name, or a change of capitals; not to another theme's name", async () => {
    const admins = await signInAs(admin.id);
    await post({ intent: "create", name: "Rude staf" }, admins);
    await post({ intent: "create", name: "Billing" }, admins);
    const theme = await themeNamed("Rude staf");
    const renamed = await post({ intent: "rename", themeId: theme.id, name: "Rude staff" }, admins);
    expect((await flashOf(renamed))?.message).toBe('Theme "Rude staf" is now called "Rude staff".');
    expect((await prisma.theme.findUniqueOrThrow({ where: { id: theme.id } })).name).toBe("Rude staff");
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "theme.renamed", targetId: theme.id } });
    expect(entry.details).toMatchObject({ from: "Rude staf", to: "Rude staff" });

    expect((await post({ intent: "rename", themeId: theme.id, name: "rude Staff" }, admins)).status).toBe(302);
    const clash = await post({ intent: "rename", themeId: theme.id, name: "billing" }, admins);
    expect(clash.status).toBe(400);
    expect((await fieldErrors(clash, "name"))[0]).toContain('There is already a theme called "Billing"');
  });

  test("names with %, _ or \\ are matched as typed: no wildcard clash, and a backslash name finds itself", async () => {
    await post({ intent: "create", name: "Card declined" });
    // "_" is a one-character wildcard to PostgreSQL's LIKE; here it is just an underscore.
    const underscore = await post({ intent: "create", name: "Card_declined" });
    expect(underscore.status).toBe(302);
    expect((await flashOf(underscore))?.message).toBe('Theme "Card_declined" created.');
    expect((await post({ intent: "create", name: "100 days off" })).status).toBe(302);
    expect((await post({ intent: "create", name: "100% off" })).status).toBe(302);

    expect((await post({ intent: "create", name: "\\'; --" })).status).toBe(302);
    const again = await post({ intent: "create", name: "\\'; --" });
    expect(again.status).toBe(400);
    expect(await fieldErrors(again, "name")).toEqual(['There is already a theme called "\\\'; --".']);
    const other = await themeNamed("Card declined");
    const rename = await post({ intent: "rename", themeId: other.id, name: "\\'; --" });
    expect(rename.status).toBe(400);
    expect((await fieldErrors(rename, "name"))[0]).toContain('There is already a theme called "\\\'; --"');
    expect((await themeNamed("Card declined")).id).toBe(other.id);
  });

  test("merge moves every tag to the target without duplicates, deletes the source and is audited", async () => {
    await post({ intent: "create", name: "Parcel late" });
    await post({ intent: "create", name: "Delivery delays" });
    const source = await themeNamed("Parcel late");
    const target = await themeNamed("Delivery delays");
    const [a, b, c] = await Promise.all([createComplaint(), createComplaint(), createComplaint()]);
    await tag(a.id, source.id);
    await tag(b.id, source.id);
    await tag(b.id, target.id);
    await tag(c.id, target.id);

    const merged = await post({ intent: "merge", themeId: source.id, intoId: target.id });
    expect(merged.status).toBe(302);
    expect((await flashOf(merged))?.message).toBe(
      '"Parcel late" is merged into "Delivery delays": 1 complaint moved (1 already had "Delivery delays").',
    );
    expect(await prisma.theme.findUnique({ where: { id: source.id } })).toBeNull();
    const tags = await prisma.complaintTheme.findMany({
      where: { complaintId: { in: [a.id, b.id, c.id] } },
      orderBy: { complaintId: "asc" },
    });
    expect(tags.every((t) => t.themeId === target.id)).toBe(true);
    expect(tags.map((t) => t.complaintId).sort()).toEqual([a.id, b.id, c.id].sort());
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "theme.merged", targetId: target.id } });
    expect(entry.details).toMatchObject({ from: "Parcel late", into: "Delivery delays", tagsMoved: 1, alreadyTagged: 1 });

    // The list shows the counts; merging into itself or a vanished theme is refused.
    const list = await readJson<{ themes: Array<{ name: string; complaints: number; open: number }> }>(
      await callLoader(themesRoute, getRequest("/complaints/themes", { cookie: managerCookie })),
    );
    expect(list.themes.find((t) => t.name === "Delivery delays")).toMatchObject({ complaints: 3, open: 3 });
    expect(list.themes.some((t) => t.name === "Parcel late")).toBe(false);
    expect(await fieldErrors(await post({ intent: "merge", themeId: target.id, intoId: target.id }), "intoId")).toEqual([
      "Choose a different theme: a theme can't be merged into itself.",
    ]);
    const gone = await post({ intent: "merge", themeId: source.id, intoId: target.id });
    expect(gone.status).toBe(409);
    expect((await fieldErrors(gone, ""))[0]).toContain("no longer exists");
  });

  test("people who manage no team get 404 from the page and its forms, and nothing changes", async () => {
    const cookie = await signInAs(employee.id);
    expect((await callLoader(themesRoute, getRequest("/complaints/themes", { cookie }))).status).toBe(404);
    const before = await prisma.theme.count();
    expect((await post({ intent: "create", name: "Sneaky" }, cookie)).status).toBe(404);
    expect(await prisma.theme.count()).toBe(before);
  });
});
