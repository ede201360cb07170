// The admin settings page: contact retention and the smallest anonymous feedback group, within
// their bounds (never below 3 people), each change audited; others get 404.
import { beforeAll, expect, test } from "vitest";
import * as settingsPage from "~/routes/admin.settings";
import { getAdminSettings } from "~/models/app-settings.server";
import { prisma } from "~/utils/db.server";
import type { User } from "~/generated/prisma/client";
import { createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";

let admin: User;
let cookie: string;

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
  cookie = await signInAs(admin.id);
});

const save = (fields: Record<string, string>, as = cookie) =>
  callAction(settingsPage, formRequest("/admin/settings", fields, { cookie: as }));
const auditRows = () => prisma.auditLog.findMany({ where: { action: "settings.updated" }, orderBy: { id: "asc" } });

test("a fresh database shows the defaults: 365 days and groups of 5", async () => {
  const page = await readJson<{
    settings: Record<string, number>;
    fields: Array<{ name: string; label: string; min: number; max: number }>;
  }>(await callLoader(settingsPage, getRequest("/admin/settings", { cookie })));
  expect(page.settings).toEqual({ contactRetentionDays: 365, feedbackMinGroupSize: 5 });
  expect(page.fields.map((f) => [f.name, f.min, f.max])).toEqual([
    ["contactRetentionDays", 1, 3650],
    ["feedbackMinGroupSize", 3, 50],
  ]);
});

test("saving new values stores them and audits old and new values", async () => {
  const response = await save({ contactRetentionDays: "180", feedbackMinGroupSize: "8" });
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/admin/settings");
  expect(await flashOf(response)).toMatchObject({ kind: "success", message: "Settings saved." });
  expect(await getAdminSettings()).toEqual({ contactRetentionDays: 180, feedbackMinGroupSize: 8 });
  const rows = await auditRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorId: admin.id, ip: "127.0.0.1" });
  expect(rows[0]!.details).toEqual({
    contactRetentionDaysFrom: 365,
    contactRetentionDays: 180,
    feedbackMinGroupSizeFrom: 5,
    feedbackMinGroupSize: 8,
  });

  // Saving the same values again changes nothing and adds no audit row.
  const again = await save({ contactRetentionDays: "180", feedbackMinGroupSize: "8" });
  expect(await flashOf(again)).toMatchObject({ message: "Nothing changed." });
  expect(await auditRows()).toHaveLength(1);
});

test("a group of 2 is refused with the reason, keeping what was typed; nothing is saved", async () => {
  const before = await getAdminSettings();
  const response = await save({ contactRetentionDays: "90", feedbackMinGroupSize: "2" });
  expect(response.status).toBe(400);
  const reply = await formReply(response);
  expect(reply.error?.feedbackMinGroupSize).toEqual([
    "At least 3: with fewer, people could work out who wrote anonymous feedback from the report.",
  ]);
  expect(reply.initialValue).toMatchObject({ contactRetentionDays: "90", feedbackMinGroupSize: "2" });
  expect(await getAdminSettings()).toEqual(before);
});

test.each([
  ["contactRetentionDays", "0"],
  ["contactRetentionDays", "3651"],
  ["contactRetentionDays", "1.5"],
  ["contactRetentionDays", ""],
  ["feedbackMinGroupSize", "51"],
  ["feedbackMinGroupSize", "five"],
])("%s = %j is refused beside the field", async (field, value) => {
  const response = await save({ contactRetentionDays: "365", feedbackMinGroupSize: "5", [field]: value });
  expect(response.status).toBe(400);
  expect((await fieldErrors(response, field)).length).toBe(1);
});

test("the bounds themselves are accepted", async () => {
  expect((await save({ contactRetentionDays: "1", feedbackMinGroupSize: "3" })).status).toBe(302);
  expect(await getAdminSettings()).toEqual({ contactRetentionDays: 1, feedbackMinGroupSize: 3 });
  expect((await save({ contactRetentionDays: "3650", feedbackMinGroupSize: "50" })).status).toBe(302);
  expect(await getAdminSettings()).toEqual({ contactRetentionDays: 3650, feedbackMinGroupSize: 50 });
});

test("anyone but an admin gets 404 and changes nothing", async () => {
  const employee = await signInAs((await createUser()).id);
  const before = await getAdminSettings();
  expect((await callLoader(settingsPage, getRequest("/admin/settings", { cookie: employee }))).status).toBe(404);
  expect((await save({ contactRetentionDays: "2", feedbackMinGroupSize: "3" }, employee)).status).toBe(404);
  expect(await getAdminSettings()).toEqual(before);
});
