// What the "new request" page needs: the teams one can ask (searchable), their active request
// types, the asker's own teams, a fresh form token; and the action that raises the request.
import crypto from "node:crypto";
import { json } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { formatRequestNumber, requestPath } from "~/utils/request-number";
import { describeTarget } from "~/utils/sla";
import { newRequestSchema } from "~/validation/requests";
import { createRequest, RequestInputError } from "./request-create.server";
import { containsIgnoringCase } from "~/utils/text-match";

const TEAM_LIST_LIMIT = 50;

/** Teams that take requests, whose name or description contains `query`, by name. */
export function searchProviderTeams(query: string) {
  const q = query.trim();
  return prisma.team.findMany({
    where: {
      acceptsRequests: true,
      ...(q ? { OR: [{ name: containsIgnoringCase(q) }, { description: containsIgnoringCase(q) }] } : {}),
    },
    orderBy: { name: "asc" },
    take: TEAM_LIST_LIMIT,
    select: { id: true, name: true, slug: true, description: true },
  });
}

/** A team one can send a request to, by its address; null when there is none or it takes none. */
export function findProviderTeam(slug: string) {
  return prisma.team.findFirst({
    where: { slug, acceptsRequests: true },
    select: { id: true, name: true, slug: true, description: true },
  });
}

/** The types a team offers for new requests (active only), with targets as people read them. */
export async function offeredTypes(teamId: string) {
  const types = await prisma.requestType.findMany({
    where: { teamId, active: true },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      defaultPriority: true,
      firstResponseTargetMinutes: true,
      resolutionTargetMinutes: true,
    },
  });
  return types.map(({ firstResponseTargetMinutes, resolutionTargetMinutes, ...t }) => ({
    ...t,
    firstResponseTarget: describeTarget(firstResponseTargetMinutes),
    resolutionTarget: describeTarget(resolutionTargetMinutes),
  }));
}

export type OfferedType = Awaited<ReturnType<typeof offeredTypes>>[number];

/** The teams a person belongs to: whom they may say they are asking for. */
export async function teamsOf(userId: string) {
  const rows = await prisma.membership.findMany({
    where: { userId },
    orderBy: { team: { name: "asc" } },
    select: { team: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.team);
}

/** Rendered into the form; a second submit with the same token finds the first request. */
export function newFormToken() {
  return crypto.randomBytes(18).toString("base64url");
}

/** The new-request form's POST: 400 with the message beside the field, or a redirect to the request. */
export async function raiseRequestAction(request: Request, user: { id: string }, formData: FormData) {
  const submission = parseWithZod(formData, { schema: newRequestSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const refuse = (field: string, message: string) =>
    json({ result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 400 });
  if (!value.requestingTeamId && (await prisma.membership.count({ where: { userId: user.id } })) > 0) {
    return refuse("requestingTeamId", "Choose which of your teams you're asking for.");
  }
  let number: number;
  try {
    ({ number } = await createRequest(user, value));
  } catch (error) {
    if (error instanceof RequestInputError) return refuse(error.field, error.message);
    throw error;
  }
  // A double submit lands here too, with the number of the request the first one created.
  const created = await prisma.request.findUniqueOrThrow({ where: { number }, select: { providerTeam: { select: { name: true } } } });
  return redirectWithFlash(request, requestPath(number), {
    kind: "success",
    message: `${formatRequestNumber(number)} was sent to ${created.providerTeam.name}.`,
  });
}
