// What the home page shows a person: their open requests, the requests waiting for their rating,
// the open work of the teams they work for, the recovery cases a manager should act on, where
// their complaints stand, and their latest notifications. A fixed handful of queries.
import { prisma } from "~/utils/db.server";
import { OPEN_STATUSES } from "~/utils/request-lifecycle";
import type { TeamScope } from "./team-scope.server";
import { workTeams } from "./team-scope.server";
import { requestsAwaitingMyRating } from "./rating.server";
import { recoveryCasesToActOn } from "./recovery.server";
import { loadMyComplaints } from "./my-complaints.server";

const HOME_COMPLAINTS = 5;

export async function loadHome(userId: string, scope: TeamScope) {
  const teamIds = [...workTeams(scope)];
  const [myOpen, teams, queueCounts, mine, notifications, awaitingRating, recoveryCases, complaints] = await Promise.all([
    prisma.request.findMany({
      where: { requesterId: userId, status: { in: [...OPEN_STATUSES, "RESOLVED"] } },
      orderBy: { createdAt: "desc" },
      take: 8,
      select: {
        number: true,
        title: true,
        status: true,
        resolutionDueAt: true,
        createdAt: true,
        providerTeam: { select: { name: true } },
      },
    }),
    prisma.team.findMany({
      where: { id: { in: teamIds }, acceptsRequests: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true },
    }),
    prisma.request.groupBy({
      by: ["providerTeamId", "status"],
      where: { providerTeamId: { in: teamIds }, status: { in: [...OPEN_STATUSES] } },
      _count: { _all: true },
    }),
    prisma.request.count({ where: { assigneeId: userId, status: { in: [...OPEN_STATUSES] } } }),
    prisma.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, title: true, link: true, createdAt: true, readAt: true },
    }),
    requestsAwaitingMyRating(userId),
    recoveryCasesToActOn(scope),
    loadMyComplaints(userId, { take: HOME_COMPLAINTS }),
  ]);
  const unassigned = await prisma.request.groupBy({
    by: ["providerTeamId"],
    where: { providerTeamId: { in: teams.map((t) => t.id) }, status: { in: [...OPEN_STATUSES] }, assigneeId: null },
    _count: { _all: true },
  });
  const queues = teams.map((team) => {
    const counts = queueCounts.filter((c) => c.providerTeamId === team.id);
    return {
      ...team,
      open: counts.reduce((sum, c) => sum + c._count._all, 0),
      new: counts.find((c) => c.status === "NEW")?._count._all ?? 0,
      unassigned: unassigned.find((u) => u.providerTeamId === team.id)?._count._all ?? 0,
    };
  });
  return { myOpen, queues, assignedToMe: mine, notifications, awaitingRating, recoveryCases, myComplaints: complaints.rows };
}
