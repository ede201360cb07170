// Customer contact details leave closed complaints once they have been closed longer than the
// retention setting: only then, only from closed complaints, once, with a timeline entry and
// one audit row per run that names no customer.
import { beforeEach, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { setAdminSetting } from "~/models/app-settings.server";
import { purgeComplaintContacts } from "~/jobs/purge-complaint-contacts.server";
import { createCategory, createComplaint } from "../support/complaint-factories";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-23T03:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const contact = {
  customerName: "Nora Quinn",
  customerEmail: "nora.quinn@example.com",
  customerPhone: "555-0142",
  customerReference: "ORD-412233",
};

beforeEach(async () => {
  await prisma.complaint.deleteMany();
  await prisma.auditLog.deleteMany({ where: { action: "complaint.contacts_purged" } });
  await setAdminSetting("contactRetentionDays", 365);
});

async function closedComplaint(closedDaysAgo: number, extra: Parameters<typeof createComplaint>[0] = {}) {
  const category = await createCategory();
  return createComplaint({
    categoryId: category.id,
    status: "CLOSED",
    createdAt: daysAgo(closedDaysAgo + 3),
    closedAt: daysAgo(closedDaysAgo),
    response: "Refunded.",
    ...contact,
    ...extra,
  });
}

async function reload(id: string) {
  return prisma.complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
}

test("only complaints closed longer ago than the retention lose their contact details", async () => {
  const old = await closedComplaint(400);
  const recent = await closedComplaint(300);
  const openOld = await createComplaint({ status: "ACTION_PLANNED", createdAt: daysAgo(500), ...contact });
  const onlyPhone = await closedComplaint(366, { customerName: null, customerEmail: null, customerReference: null });

  expect(await purgeComplaintContacts(now)).toBe(2);

  for (const id of [old.id, onlyPhone.id]) {
    const c = await reload(id);
    expect(c).toMatchObject({
      customerName: null,
      customerEmail: null,
      customerPhone: null,
      customerReference: null,
      contactPurgedAt: now,
    });
    // The complaint itself stays as it was.
    expect(c.status).toBe("CLOSED");
    expect(c.response).toBe("Refunded.");
    expect(c.events.map((e) => e.kind)).toEqual(["LOGGED", "CONTACT_PURGED"]);
    expect(c.events[1]).toMatchObject({ actorId: null, at: now, note: "Customer contact details erased: closed more than 365 days ago." });
  }
  for (const id of [recent.id, openOld.id]) {
    const c = await reload(id);
    expect(c).toMatchObject({ ...contact, contactPurgedAt: null });
    expect(c.events.map((e) => e.kind)).toEqual(["LOGGED"]);
  }
});

test("the admin setting decides how long details are kept", async () => {
  const c = await closedComplaint(40);
  await setAdminSetting("contactRetentionDays", 60);
  expect(await purgeComplaintContacts(now)).toBe(0);
  await setAdminSetting("contactRetentionDays", 30);
  expect(await purgeComplaintContacts(now)).toBe(1);
  expect((await reload(c.id)).customerEmail).toBeNull();
});

test("a second run finds nothing to do: no new events, no new audit rows", async () => {
  const c = await closedComplaint(500);
  expect(await purgeComplaintContacts(now)).toBe(1);
  expect(await purgeComplaintContacts(now)).toBe(0);
  expect(await purgeComplaintContacts(new Date(now.getTime() + DAY))).toBe(0);
  expect((await reload(c.id)).events.filter((e) => e.kind === "CONTACT_PURGED")).toHaveLength(1);
  expect(await prisma.auditLog.count({ where: { action: "complaint.contacts_purged" } })).toBe(1);
});

test("one audit row per run with the count and the rule, and no personal data", async () => {
  await closedComplaint(400);
  await closedComplaint(380);
  await closedComplaint(370);
  await purgeComplaintContacts(now);

  const rows = await prisma.auditLog.findMany({ where: { action: "complaint.contacts_purged" } });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorId: null, targetType: "complaint", targetId: null });
  expect(rows[0]!.details).toEqual({ count: 3, retentionDays: 365, closedBefore: daysAgo(365).toISOString() });
  const text = JSON.stringify({ ...rows[0], id: String(rows[0]!.id) });
  for (const value of Object.values(contact)) expect(text).not.toContain(value);
});

test("more complaints than one batch are all purged in one run", async () => {
  const category = await createCategory();
  const complaint = await closedComplaint(400, { categoryId: category.id });
  // Copies of one complaint, written in bulk: the batch size is 100.
  const {
    id: _id,
    number: _number,
    submissionKey: _key,
    ...row
  } = await prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
  await prisma.complaint.createMany({ data: Array.from({ length: 130 }, (_, i) => ({ ...row, id: `bulk-${i}` })) });
  expect(await purgeComplaintContacts(now)).toBe(131);
  expect(await prisma.complaint.count({ where: { customerName: { not: null } } })).toBe(0);
  expect(await prisma.complaintEvent.count({ where: { kind: "CONTACT_PURGED" } })).toBe(131);
});
