// Raising a request: checks the team and type, numbers it from the sequence, starts the SLA
// clocks, records the CREATED event and tells the provider team — all in one transaction.
// A second submit of the same form (same form token) returns the first request instead.
import crypto from "node:crypto";
import { prisma, isUniqueViolation } from "~/utils/db.server";
import { slaDueDates } from "~/utils/sla";
import { formatRequestNumber, requestPath, type Priority } from "~/utils/request-number";
import { notify, teamPeople } from "./notification.server";

export interface NewRequestInput {
  formToken: string;
  providerTeamId: string;
  typeId: string;
  title: string;
  body: string;
  priority?: Priority;
  dueAt?: string;
  requestingTeamId?: string;
}

export class RequestInputError extends Error {
  constructor(
    public field: keyof NewRequestInput,
    message: string,
  ) {
    super(message);
  }
}

async function findBySubmission(requesterId: string, submissionKey: string) {
  return prisma.request.findFirst({ where: { submissionKey, requesterId }, select: { number: true } });
}

export async function createRequest(
  requester: { id: string },
  input: NewRequestInput,
  now = new Date(),
): Promise<{ number: number; duplicate: boolean }> {
  // The key is per person, so one person's token can't collide with another's.
  const submissionKey = `${requester.id}:${input.formToken}`;
  const earlier = await findBySubmission(requester.id, submissionKey);
  if (earlier) return { number: earlier.number, duplicate: true };

  const [team, type, requestingMembership] = await Promise.all([
    prisma.team.findUnique({ where: { id: input.providerTeamId }, select: { id: true, name: true, acceptsRequests: true } }),
    prisma.requestType.findUnique({
      where: { id: input.typeId },
      select: {
        id: true,
        teamId: true,
        name: true,
        active: true,
        defaultPriority: true,
        firstResponseTargetMinutes: true,
        resolutionTargetMinutes: true,
      },
    }),
    input.requestingTeamId
      ? prisma.membership.findUnique({
          where: { userId_teamId: { userId: requester.id, teamId: input.requestingTeamId } },
          select: { teamId: true },
        })
      : null,
  ]);
  if (!team || !team.acceptsRequests)
    throw new RequestInputError("providerTeamId", "Choose a team from the list: that one doesn't take requests.");
  if (!type || type.teamId !== team.id) throw new RequestInputError("typeId", `Choose one of ${team.name}'s request types.`);
  if (!type.active) throw new RequestInputError("typeId", `${team.name} no longer offers "${type.name}". Choose another type.`);
  if (input.requestingTeamId && !requestingMembership) throw new RequestInputError("requestingTeamId", "Choose one of your own teams.");

  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.request.create({
        data: {
          id: crypto.randomUUID(),
          title: input.title,
          body: input.body,
          requesterId: requester.id,
          requestingTeamId: input.requestingTeamId || null,
          providerTeamId: team.id,
          typeId: type.id,
          priority: input.priority ?? type.defaultPriority,
          dueAt: input.dueAt ? new Date(`${input.dueAt}T00:00:00Z`) : null,
          submissionKey,
          createdAt: now,
          ...slaDueDates(now, type),
        },
        select: { id: true, number: true },
      });
      await tx.requestEvent.create({
        data: { requestId: created.id, actorId: requester.id, kind: "CREATED", at: now, toStatus: "NEW", toTeamId: team.id },
      });
      await notify(
        tx,
        await teamPeople(tx, team.id),
        {
          kind: "REQUEST_RECEIVED",
          title: `New request for ${team.name}: ${formatRequestNumber(created.number)} ${input.title}`,
          body: `${type.name} · ${input.title}`,
          link: requestPath(created.number),
          requestId: created.id,
        },
        requester.id,
      );
      return { number: created.number, duplicate: false };
    });
  } catch (error) {
    // Two submits raced past the first check: the loser finds the winner's request.
    if (isUniqueViolation(error)) {
      const winner = await findBySubmission(requester.id, submissionKey);
      if (winner) return { number: winner.number, duplicate: true };
    }
    throw error;
  }
}
