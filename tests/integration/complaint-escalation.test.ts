// A complaint nobody acknowledges within the waiting team's target escalates one level up the
// team hierarchy, again and again up to the top (DESIGN.md, Escalation). The job takes `now`, so
// these tests move the clock instead of waiting; it is idempotent and safe on several instances.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { escalateComplaints } from "~/jobs/escalate-complaints.server";
import { acknowledgeComplaint, loadManagedComplaint } from "~/models/complaint-actions.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { createComplaint } from "../support/complaint-factories";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let company: Team, operations: Team, support: Team, desk: Team;
let rep: User, ceo: User, opsManager: User, deskManager: User, admin: User;

/** Company (ceo) > Operations (opsManager, 2 h target) > Support (no active manager) > Desk (deskManager). */
beforeAll(async () => {
  company = await createTeam({ name: "Company", slug: "company" });
  operations = await createTeam({ name: "Operations", slug: "operations", parentId: company.id });
  await prisma.team.update({ where: { id: operations.id }, data: { complaintAckTargetMinutes: 120 } });
  support = await createTeam({ name: "Support", slug: "support", parentId: operations.id });
  desk = await createTeam({ name: "Desk", slug: "desk", parentId: support.id });
  rep = await createUser({ name: "Rae Rep" });
  ceo = await createUser({ name: "Cleo Chief" });
  opsManager = await createUser({ name: "Otto Ops" });
  deskManager = await createUser({ name: "Dan Desk" });
  admin = await createUser({ name: "Ada Admin", role: "ADMIN" });
  const inactive = await createUser({ name: "Ivy Inactive", active: false });
  await addMember(ceo.id, company.id, "MANAGER");
  await addMember(opsManager.id, operations.id, "MANAGER");
  await addMember(deskManager.id, desk.id, "MANAGER");
  await addMember(inactive.id, support.id, "MANAGER");
});

async function dueComplaint(options: Parameters<typeof createComplaint>[0] = {}) {
  return createComplaint({ reporterId: rep.id, routedTeamId: desk.id, acknowledgeDueAt: new Date(Date.now() - MINUTE), ...options });
}

function reload(id: string) {
  return prisma.complaint.findUniqueOrThrow({ where: { id } });
}

function escalations(complaintId: string) {
  return prisma.complaintEvent.findMany({ where: { complaintId, kind: "ESCALATED" }, orderBy: { id: "asc" } });
}

async function told(link: string, kind: "COMPLAINT_ESCALATED" | "COMPLAINT_UPDATED") {
  const rows = await prisma.notification.findMany({ where: { link, kind }, select: { user: { select: { name: true } } } });
  return rows.map((r) => r.user.name).sort();
}

describe("escalating unacknowledged complaints", () => {
  test("a complaint not yet due is left alone", async () => {
    const complaint = await createComplaint({ reporterId: rep.id, routedTeamId: desk.id });
    await escalateComplaints(new Date());
    expect(await reload(complaint.id)).toMatchObject({ waitingOnTeamId: desk.id, escalationLevel: 0, version: 1 });
    expect(await escalations(complaint.id)).toEqual([]);
  });

  test("a due complaint moves up to the nearest team with a manager, on the timeline, and managers and rep are told", async () => {
    const complaint = await dueComplaint();
    const now = new Date();
    expect(await escalateComplaints(now)).toBeGreaterThanOrEqual(1);
    // Support's only manager is deactivated: it is passed over. Operations' target is 2 hours.
    expect(await reload(complaint.id)).toMatchObject({
      status: "ESCALATED",
      routedTeamId: desk.id,
      waitingOnTeamId: operations.id,
      escalationLevel: 1,
      acknowledgeDueAt: new Date(now.getTime() + 2 * HOUR),
      version: 2,
    });
    const [event, ...more] = await escalations(complaint.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorId: null, fromTeamId: desk.id, toTeamId: operations.id, at: now });
    expect(event!.note).toContain("Not acknowledged within 1 day by Desk's managers.");
    expect(await told(`/complaints/CMP-${complaint.number}/manage`, "COMPLAINT_ESCALATED")).toEqual(["Otto Ops"]);
    expect(await told(`/complaints/CMP-${complaint.number}`, "COMPLAINT_UPDATED")).toEqual(["Rae Rep"]);
  });

  test("running again does nothing until the new team's target passes, then it climbs again, and stops at the top", async () => {
    const complaint = await dueComplaint();
    const now = new Date();
    await escalateComplaints(now);
    await escalateComplaints(now);
    await escalateComplaints(new Date(now.getTime() + HOUR));
    expect(await escalations(complaint.id)).toHaveLength(1);

    // Operations' 2-hour target is honoured; Company keeps the default 24 hours.
    const later = new Date(now.getTime() + 2 * HOUR);
    await escalateComplaints(later);
    expect(await reload(complaint.id)).toMatchObject({
      waitingOnTeamId: company.id,
      escalationLevel: 2,
      acknowledgeDueAt: new Date(later.getTime() + 24 * HOUR),
    });
    expect(await told(`/complaints/CMP-${complaint.number}/manage`, "COMPLAINT_ESCALATED")).toEqual(["Cleo Chief", "Otto Ops"]);

    // At the top: nowhere further to go. It stays, stops escalating, and the timeline says so.
    const top = new Date(later.getTime() + 24 * HOUR);
    await escalateComplaints(top);
    expect(await reload(complaint.id)).toMatchObject({ waitingOnTeamId: company.id, escalationLevel: 2, acknowledgeDueAt: null });
    const events = await escalations(complaint.id);
    expect(events.map((e) => e.toTeamId)).toEqual([operations.id, company.id, null]);
    expect(events[2]!.note).toContain("top of the organisation");
    await escalateComplaints(new Date(top.getTime() + 100 * HOUR));
    expect(await escalations(complaint.id)).toHaveLength(3);
  });

  test("acknowledging stops the escalation", async () => {
    const complaint = await createComplaint({ reporterId: rep.id, routedTeamId: desk.id });
    const access = await loadManagedComplaint(deskManager, `CMP-${complaint.number}`);
    await acknowledgeComplaint(access, complaint.version);
    await escalateComplaints(new Date(Date.now() + 48 * HOUR));
    expect(await reload(complaint.id)).toMatchObject({ status: "ACKNOWLEDGED", waitingOnTeamId: desk.id, acknowledgeDueAt: null });
    expect(await escalations(complaint.id)).toEqual([]);
  });

  test("a complaint still waiting at a team with a per-team target escalates by that target", async () => {
    const quick = await createTeam({ name: "Quick desk", parentId: operations.id });
    await prisma.team.update({ where: { id: quick.id }, data: { complaintAckTargetMinutes: 30 } });
    const complaint = await createComplaint({
      reporterId: rep.id,
      routedTeamId: quick.id,
      createdAt: new Date(Date.now() - 31 * MINUTE),
      acknowledgeDueAt: new Date(Date.now() - MINUTE),
    });
    await escalateComplaints(new Date());
    expect((await reload(complaint.id)).waitingOnTeamId).toBe(operations.id);
    const [event] = await escalations(complaint.id);
    expect(event!.note).toContain("within 30 min by Quick desk's managers");
  });

  test("with no manager above at all, it goes to the top and the admins are told", async () => {
    const root = await createTeam({ name: "Lonely root" });
    const leaf = await createTeam({ name: "Lonely leaf", parentId: root.id });
    const complaint = await dueComplaint({ routedTeamId: leaf.id });
    await escalateComplaints(new Date());
    expect((await reload(complaint.id)).waitingOnTeamId).toBe(root.id);
    expect(await told(`/complaints/CMP-${complaint.number}/manage`, "COMPLAINT_ESCALATED")).toContain(admin.name);
  });

  test("two instances running at once escalate each complaint once", async () => {
    const complaints = await Promise.all(Array.from({ length: 5 }, () => dueComplaint()));
    const now = new Date();
    await Promise.all([escalateComplaints(now), escalateComplaints(now)]);
    for (const complaint of complaints) {
      expect(await escalations(complaint.id)).toHaveLength(1);
      expect((await reload(complaint.id)).escalationLevel).toBe(1);
    }
  });

  test("only complaints waiting for acknowledgement escalate; CRITICAL ones like any other", async () => {
    const past = new Date(Date.now() - MINUTE);
    const acknowledged = await dueComplaint({ status: "ACKNOWLEDGED", acknowledgeDueAt: past });
    const logged = await dueComplaint({ resolvedAtFrontLine: true, acknowledgeDueAt: past });
    const critical = await dueComplaint({ severity: "CRITICAL" });
    const criticalLater = await createComplaint({ reporterId: rep.id, routedTeamId: desk.id, severity: "CRITICAL" });
    await escalateComplaints(new Date());
    expect(await escalations(acknowledged.id)).toEqual([]);
    expect(await escalations(logged.id)).toEqual([]);
    expect(await escalations(criticalLater.id)).toEqual([]);
    expect((await reload(critical.id)).waitingOnTeamId).toBe(operations.id);
    // The immediate CRITICAL alert belongs to logging, not to this job.
    expect(await prisma.complaintEvent.count({ where: { complaintId: critical.id, kind: "CRITICAL_ALERT" } })).toBe(0);
    expect(await prisma.notification.count({ where: { kind: "COMPLAINT_CRITICAL" } })).toBe(0);
  });

  test("the managers it escalated to may manage it", async () => {
    const complaint = await dueComplaint();
    await escalateComplaints(new Date());
    await expect(loadManagedComplaint(opsManager, `CMP-${complaint.number}`)).resolves.toMatchObject({
      complaint: { id: complaint.id },
    });
  });
});
