// The daily announcement of anonymous feedback: entries of earlier days are announced together,
// one notification per reader summarising them by addressee, and marked announced; entries of
// today wait for tomorrow; a second run, or two runs at once, announce nothing twice.
import { beforeAll, describe, expect, test } from "vitest";
import { announceAnonymousFeedback } from "~/jobs/announce-anonymous-feedback.server";
import { prisma } from "~/utils/db.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { insertFeedback } from "../support/feedback";

let parent: Team;
let team: Team;
let teamManager: User;
let parentManager: User;
let member: User;
let admin: User;

beforeAll(async () => {
  parent = await createTeam({ name: "Operations" });
  team = await createTeam({ name: "Warehouse", parentId: parent.id });
  teamManager = await createUser();
  parentManager = await createUser();
  member = await createUser();
  admin = await createUser({ role: "ADMIN" });
  await addMember(teamManager.id, team.id, "MANAGER");
  await addMember(parentManager.id, parent.id, "MANAGER");
  await addMember(member.id, team.id);
});

const at = (day: string) => new Date(`${day}T06:00:00Z`);
const notesOf = (user: User) =>
  prisma.notification.findMany({ where: { userId: user.id, link: "/feedback/inbox" }, orderBy: { createdAt: "asc" } });

describe("announcing anonymous feedback", () => {
  test("once a day, entries of earlier days, one summary per reader; today's wait", async () => {
    for (let i = 0; i < 3; i++) await insertFeedback({ teamId: team.id, on: "2026-05-04" });
    await insertFeedback({ teamId: null, on: "2026-05-04" });
    const today = await insertFeedback({ teamId: team.id, on: "2026-05-05" });
    const signed = await insertFeedback({ teamId: team.id, on: "2026-05-04", anonymous: false, authorId: member.id });

    expect(await announceAnonymousFeedback(at("2026-05-05"))).toBe(4);
    expect((await notesOf(teamManager)).map((n) => [n.title, n.body])).toEqual([["3 new anonymous feedback entries", "3 for Warehouse."]]);
    expect((await notesOf(parentManager)).map((n) => [n.title, n.body])).toEqual([
      ["4 new anonymous feedback entries", "1 for Management, 3 for Warehouse."],
    ]);
    expect((await notesOf(admin)).map((n) => n.body)).toEqual(["1 for Management."]);
    expect(await notesOf(member)).toEqual([]);
    const announced = await prisma.feedback.findMany({ where: { announcedOn: { not: null } }, select: { announcedOn: true } });
    expect(announced.map((f) => f.announcedOn!.toISOString().slice(0, 10))).toEqual(Array(4).fill("2026-05-05"));
    expect((await prisma.feedback.findUniqueOrThrow({ where: { id: today.id } })).announcedOn).toBeNull();
    expect((await prisma.feedback.findUniqueOrThrow({ where: { id: signed.id } })).announcedOn).toBeNull();

    // Later the same day: nothing new.
    expect(await announceAnonymousFeedback(new Date("2026-05-05T23:00:00Z"))).toBe(0);
    expect(await notesOf(teamManager)).toHaveLength(1);
    // The next day: yesterday's entry, alone.
    expect(await announceAnonymousFeedback(at("2026-05-06"))).toBe(1);
    expect((await notesOf(teamManager)).map((n) => n.title)).toEqual([
      "3 new anonymous feedback entries",
      "1 new anonymous feedback entry",
    ]);
  });

  test("two runs at once announce each entry once", async () => {
    for (let i = 0; i < 2; i++) await insertFeedback({ teamId: team.id, on: "2026-06-01" });
    const before = (await notesOf(teamManager)).length;
    const results = await Promise.all([announceAnonymousFeedback(at("2026-06-02")), announceAnonymousFeedback(at("2026-06-02"))]);
    expect(results.sort()).toEqual([0, 2]);
    expect(await notesOf(teamManager)).toHaveLength(before + 1);
  });
});
