// A recovery case nobody acknowledges within 2 working days escalates up the team hierarchy
// (issue 4): to the managers of the nearest team above that has one, then again every 2 working
// days, up to the top team. The job is idempotent and safe to run on several instances at once.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { escalateRecoveryCases } from "~/jobs/escalate-recovery-cases.server";
import { acknowledgeDueAt } from "~/utils/recovery-lifecycle";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createRequestType, createTeam, createUser } from "../support/factories";
import { signInAs } from "../support/http";
import { requestPageData } from "../support/request-page";
import { createPoorlyRatedRequest } from "../support/rating-factories";

const HOUR = 60 * 60 * 1000;

let company: Team, operations: Team, support: Team, desk: Team;
let requester: User, ceo: User, opsManager: User, deskManager: User;

/** Top: Company (ceo) > Operations (opsManager) > Support (no manager) > Desk (deskManager). */
beforeAll(async () => {
  company = await createTeam({ name: "Company", slug: "company" });
  operations = await createTeam({ name: "Operations", slug: "operations", parentId: company.id });
  support = await createTeam({ name: "Support", slug: "support", parentId: operations.id });
  desk = await createTeam({ name: "Desk", slug: "desk", parentId: support.id, acceptsRequests: true });
  requester = await createUser({ name: "Rita Requester" });
  ceo = await createUser({ name: "Cleo Chief" });
  opsManager = await createUser({ name: "Otto Ops" });
  deskManager = await createUser({ name: "Dan Desk" });
  const inactive = await createUser({ name: "Ivy Inactive", active: false });
  await addMember(ceo.id, company.id, "MANAGER");
  await addMember(opsManager.id, operations.id, "MANAGER");
  await addMember(deskManager.id, desk.id, "MANAGER");
  // A deactivated manager doesn't count: nobody would hear of the case.
  await addMember(inactive.id, support.id, "MANAGER");
});

async function overdueCase(teamId = desk.id, options: { status?: "OPEN" | "ACKNOWLEDGED"; waitingOnTeamId?: string } = {}) {
  const type = await createRequestType(teamId);
  return createPoorlyRatedRequest({
    requesterId: requester.id,
    providerTeamId: teamId,
    typeId: type.id,
    recovery: { acknowledgeDueAt: new Date(Date.now() - HOUR), ...options },
  });
}

async function escalationsOf(requestId: string) {
  return prisma.requestEvent.findMany({ where: { requestId, kind: "RECOVERY_ESCALATED" }, orderBy: { id: "asc" } });
}

async function toldOf(requestId: string) {
  const rows = await prisma.notification.findMany({
    where: { requestId, kind: "RECOVERY_ESCALATED" },
    select: { user: { select: { name: true } }, title: true, link: true },
  });
  return rows.map((r) => r.user.name).sort();
}

describe("escalating unacknowledged recovery cases", () => {
  test("moves an overdue case to the nearest team above with a manager, on the timeline, and tells its managers", async () => {
    const { request } = await overdueCase();
    const now = new Date();
    expect(await escalateRecoveryCases(now)).toBeGreaterThanOrEqual(1);
    const recoveryCase = await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(recoveryCase).toMatchObject({
      status: "OPEN",
      teamId: desk.id,
      // Support has only a deactivated manager: it is passed over.
      waitingOnTeamId: operations.id,
      escalationLevel: 1,
      acknowledgeDueAt: acknowledgeDueAt(now, "UTC"),
      version: 2,
    });
    const events = await escalationsOf(request.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, fromTeamId: desk.id, toTeamId: operations.id, at: now });
    expect(await toldOf(request.id)).toEqual(["Otto Ops"]);
    const notice = await prisma.notification.findFirstOrThrow({ where: { requestId: request.id, kind: "RECOVERY_ESCALATED" } });
    expect(notice.link).toBe(`/requests/REQ-${request.number}/recovery`);

    // The timeline and the case say where it went.
    const page = await requestPageData(await signInAs(requester.id), request.number);
    expect(page.timeline.at(-1)).toMatchObject({ kind: "RECOVERY_ESCALATED", toTeam: "Operations" });
    expect(page.recovery).toMatchObject({ waitingOn: "Operations", escalationLevel: 1 });
  });

  test("running again changes nothing until the next 2 working days have passed, then it climbs again", async () => {
    const { request } = await overdueCase();
    const now = new Date();
    await escalateRecoveryCases(now);
    await escalateRecoveryCases(now);
    await escalateRecoveryCases(new Date(now.getTime() + HOUR));
    expect(await escalationsOf(request.id)).toHaveLength(1);

    const later = acknowledgeDueAt(now, "UTC");
    await escalateRecoveryCases(later);
    const recoveryCase = await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(recoveryCase).toMatchObject({ waitingOnTeamId: company.id, escalationLevel: 2 });
    expect((await escalationsOf(request.id)).map((e) => e.toTeamId)).toEqual([operations.id, company.id]);
    expect(await toldOf(request.id)).toEqual(["Cleo Chief", "Otto Ops"]);

    // At the top there is nowhere further to go: it stays with the top team's managers.
    await escalateRecoveryCases(acknowledgeDueAt(later, "UTC"));
    expect(await escalationsOf(request.id)).toHaveLength(2);
    expect((await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: request.id } })).waitingOnTeamId).toBe(company.id);
  });

  test("leaves cases that are acknowledged or not yet due", async () => {
    const acknowledged = await overdueCase(desk.id, { status: "ACKNOWLEDGED" });
    const type = await createRequestType(desk.id);
    const fresh = await createPoorlyRatedRequest({ requesterId: requester.id, providerTeamId: desk.id, typeId: type.id });
    await escalateRecoveryCases(new Date());
    expect(await escalationsOf(acknowledged.request.id)).toEqual([]);
    expect(await escalationsOf(fresh.request.id)).toEqual([]);
    expect((await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: fresh.request.id } })).waitingOnTeamId).toBe(desk.id);
  });

  test("cases stuck at the top do not hold up the others", async () => {
    const stuck = await Promise.all(Array.from({ length: 30 }, () => overdueCase(company.id)));
    const { request } = await overdueCase(operations.id);
    await escalateRecoveryCases(new Date());
    expect((await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: request.id } })).waitingOnTeamId).toBe(company.id);
    const stuckEvents = await prisma.requestEvent.count({
      where: { requestId: { in: stuck.map((s) => s.request.id) }, kind: "RECOVERY_ESCALATED" },
    });
    expect(stuckEvents).toBe(0);
  });

  test("two instances running at once escalate each case once", async () => {
    const { request } = await overdueCase();
    const now = new Date();
    await Promise.all([escalateRecoveryCases(now), escalateRecoveryCases(now)]);
    expect(await escalationsOf(request.id)).toHaveLength(1);
    expect((await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: request.id } })).escalationLevel).toBe(1);
  });

  test("the managers it escalated to may act on it", async () => {
    const { request } = await overdueCase();
    await escalateRecoveryCases(new Date());
    const page = await requestPageData(await signInAs(opsManager.id), request.number);
    expect(page.recovery).toMatchObject({ canAct: true, waitingOn: "Operations" });
  });
});
