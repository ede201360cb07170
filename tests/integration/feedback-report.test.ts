// The feedback report: entries per addressee × month × kind over finished months. No group of
// fewer than the minimum (5 by default; the admin setting, never below 3) is shown: a small row
// shows "fewer than N" throughout, a small cell is hidden along with the smallest other cell so
// the month's total can't give it away, and nothing is totalled across rows. Readers see only the
// addressees they read; everyone else gets 404.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import * as report from "~/routes/feedback.report";
import { prisma } from "~/utils/db.server";
import { setAdminSetting } from "~/models/app-settings.server";
import { addMonths } from "~/utils/feedback-report";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callLoader, getRequest, readJson, signInAs } from "../support/http";
import { insertFeedback } from "../support/feedback";

interface Row {
  addresseeName: string;
  month: string;
  cells: { SUGGESTION: number | null; CONCERN: number | null };
  total: number | null;
}
interface Page {
  minGroup: number;
  rows: Row[];
  errors: { from?: string; to?: string };
  period: { from: string; to: string };
}

const thisMonth = new Date().toISOString().slice(0, 7);
const last = addMonths(thisMonth, -1);
const before = addMonths(thisMonth, -2);

let top: Team;
let child: Team;
let topManager: User;
let childManager: User;
let member: User;
let admin: User;

async function insertMany(count: number, teamId: string | null, month: string, kind: "SUGGESTION" | "CONCERN") {
  for (let i = 0; i < count; i++)
    await insertFeedback({ teamId, on: `${month}-${String((i % 27) + 1).padStart(2, "0")}`, kind, announced: true });
}

beforeAll(async () => {
  top = await createTeam({ name: "Engineering" });
  child = await createTeam({ name: "Platform", parentId: top.id });
  topManager = await createUser();
  childManager = await createUser();
  member = await createUser();
  admin = await createUser({ role: "ADMIN" });
  await addMember(topManager.id, top.id, "MANAGER");
  await addMember(childManager.id, child.id, "MANAGER");
  await addMember(member.id, child.id);
  await insertMany(6, top.id, last, "SUGGESTION");
  await insertMany(2, top.id, last, "CONCERN");
  await insertMany(5, top.id, before, "SUGGESTION");
  await insertMany(5, top.id, before, "CONCERN");
  await insertMany(3, null, last, "SUGGESTION");
  await insertMany(4, child.id, last, "CONCERN");
  // This month's entries are never reported: the month isn't over.
  await insertMany(7, top.id, thisMonth, "SUGGESTION");
});

afterEach(async () => {
  await prisma.appSetting.deleteMany({ where: { key: "feedback.minGroupSize" } });
});

async function open(user: User, query = `?from=${before}&to=${last}`) {
  const response = await callLoader(report, getRequest(`/feedback/report${query}`, { cookie: await signInAs(user.id) }));
  return { status: response.status, page: response.status === 200 ? await readJson<Page>(response) : null };
}

const row = (page: Page, name: string, month: string) => page.rows.find((r) => r.addresseeName === name && r.month === month);

describe("the feedback report", () => {
  test("by default no group under 5: small rows read 'fewer than', a small cell takes its neighbour with it", async () => {
    const { page } = await open(admin);
    expect(page!.minGroup).toBe(5);
    expect(row(page!, "Engineering", before)).toMatchObject({ cells: { SUGGESTION: 5, CONCERN: 5 }, total: 10 });
    // 6 suggestions and 2 concerns: showing 6 beside a total of 8 would give away the 2.
    expect(row(page!, "Engineering", last)).toMatchObject({ cells: { SUGGESTION: null, CONCERN: null }, total: 8 });
    expect(row(page!, "Management", last)).toMatchObject({ cells: { SUGGESTION: null, CONCERN: null }, total: null });
    expect(row(page!, "Platform", last)).toMatchObject({ total: null });
    // A month without any entries looks the same as a small one.
    expect(row(page!, "Management", before)).toMatchObject({ total: null });
    // Every figure shown is a group of at least 5.
    for (const r of page!.rows)
      for (const value of [r.total, r.cells.SUGGESTION, r.cells.CONCERN]) if (value !== null) expect(value).toBeGreaterThanOrEqual(5);
  });

  test("the admin setting is respected, down to 3", async () => {
    await prisma.appSetting.create({ data: { key: "feedback.minGroupSize", value: 3 } });
    const { page } = await open(admin);
    expect(page!.minGroup).toBe(3);
    expect(row(page!, "Management", last)).toMatchObject({ cells: { SUGGESTION: null, CONCERN: null }, total: 3 });
    expect(row(page!, "Platform", last)).toMatchObject({ cells: { SUGGESTION: null, CONCERN: null }, total: 4 });
    await setAdminSetting("feedbackMinGroupSize", 8);
    const strict = await open(admin);
    expect(row(strict.page!, "Engineering", last)).toMatchObject({ total: 8, cells: { SUGGESTION: null, CONCERN: null } });
    expect(row(strict.page!, "Engineering", before)).toMatchObject({ total: 10, cells: { SUGGESTION: null, CONCERN: null } });
  });

  test("a stored minimum below 3 is never used: the default 5 applies", async () => {
    await prisma.appSetting.create({ data: { key: "feedback.minGroupSize", value: 2 } });
    const { page } = await open(admin);
    expect(page!.minGroup).toBe(5);
    expect(row(page!, "Management", last)?.total).toBeNull();
  });

  test("only finished months; a bad month is refused beside its field", async () => {
    const { page } = await open(admin, `?from=${last}&to=${thisMonth}`);
    expect(page!.errors.to).toMatch(/^Choose a month that has ended/);
    expect(page!.rows.every((r) => r.month !== thisMonth)).toBe(true);
    expect((await open(admin, "?from=2026-13&to=x")).page!.errors).toEqual({
      from: "Enter the first month as YYYY-MM, e.g. 2026-01.",
      to: "Enter the last month as YYYY-MM, e.g. 2026-06.",
    });
  });

  test("readers see only what they read; others get 404", async () => {
    const child = await open(childManager);
    expect(new Set(child.page!.rows.map((r) => r.addresseeName))).toEqual(new Set(["Platform"]));
    const topPage = await open(topManager);
    expect(new Set(topPage.page!.rows.map((r) => r.addresseeName))).toEqual(new Set(["Engineering", "Platform", "Management"]));
    expect((await open(member)).status).toBe(404);
  });
});
