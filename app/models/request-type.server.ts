// A provider team's service catalogue: its request types and their SLA targets. Managers of the
// team (or above it) and admins change it; every change is audited. An inactive type stays in
// the catalogue (its requests keep pointing at it) but is no longer offered for new requests.
import crypto from "node:crypto";
import { json } from "@remix-run/node";
import { prisma, type Tx, isUniqueViolation } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { describeTarget } from "~/utils/sla";
import type { Priority } from "~/utils/request-number";
import { targetMinutes } from "~/validation/requests";
import { editRequestTypeFormSchema, requestTypeFormSchema } from "~/validation/request-types";
import { requireUser } from "~/utils/auth.server";
import { assertCan, notFound } from "~/policies/authorize.server";
import { canManageCatalogue } from "~/policies/request.server";
import { audit } from "./audit.server";
import { getTeamScope } from "./team-scope.server";
import { StaleRecordError } from "./user.server";
import { equalsIgnoringCase } from "~/utils/text-match";

export interface RequestTypeInput {
  name: string;
  description: string;
  defaultPriority: Priority;
  firstResponseTargetMinutes: number;
  resolutionTargetMinutes: number;
  active: boolean;
}

export class RequestTypeNameTakenError extends Error {
  constructor(name: string) {
    super(`This team already has a request type called "${name}".`);
  }
}

/**
 * Who is asking about which team's catalogue. Every employee may read any team's catalogue (the
 * team directory is open to all); only its managers, managers above it and admins may change it.
 */
export async function catalogueAccess(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  assertCan(user, "team.view");
  const team = await prisma.team.findUnique({
    where: { slug: slug ?? "" },
    select: { id: true, name: true, slug: true, acceptsRequests: true },
  });
  if (!team) throw notFound();
  const scope = await getTeamScope(user.id, request);
  return { user, team, mayManage: canManageCatalogue(user, scope, team.id) };
}

const catalogueSelect = {
  id: true,
  name: true,
  description: true,
  defaultPriority: true,
  firstResponseTargetMinutes: true,
  resolutionTargetMinutes: true,
  active: true,
  updatedAt: true,
} as const;

/** The whole catalogue, active types first, with the targets as people read them. */
export async function listCatalogue(teamId: string) {
  const types = await prisma.requestType.findMany({
    where: { teamId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: catalogueSelect,
  });
  return types.map((t) => ({
    ...t,
    firstResponseTarget: describeTarget(t.firstResponseTargetMinutes),
    resolutionTarget: describeTarget(t.resolutionTargetMinutes),
  }));
}

export type CatalogueEntry = Awaited<ReturnType<typeof listCatalogue>>[number];

export function getRequestTypeOfTeam(teamId: string, id: string) {
  return prisma.requestType.findFirst({ where: { id, teamId }, select: catalogueSelect });
}

async function assertNameFree(tx: Tx, teamId: string, name: string, exceptId?: string) {
  const clash = await tx.requestType.findFirst({
    where: { teamId, name: equalsIgnoringCase(name), ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new RequestTypeNameTakenError(name);
}

export async function createRequestType(actorId: string, teamId: string, input: RequestTypeInput, ip: string) {
  try {
    return await prisma.$transaction(async (tx) => {
      await assertNameFree(tx, teamId, input.name);
      const type = await tx.requestType.create({ data: { id: crypto.randomUUID(), teamId, ...input }, select: { id: true } });
      await audit(
        {
          action: "request_type.created",
          actorId,
          targetType: "request_type",
          targetId: type.id,
          ip,
          details: { teamId, name: input.name },
        },
        tx,
      );
      return type;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RequestTypeNameTakenError(input.name);
    throw error;
  }
}

/** Optimistic locking on updatedAt: `version` is the updatedAt the form was rendered from. */
export async function updateRequestType(actorId: string, teamId: string, id: string, version: Date, input: RequestTypeInput, ip: string) {
  try {
    await prisma.$transaction(async (tx) => {
      await assertNameFree(tx, teamId, input.name, id);
      const { count } = await tx.requestType.updateMany({ where: { id, teamId, updatedAt: version }, data: input });
      if (count === 0) throw new StaleRecordError();
      await audit(
        {
          action: "request_type.updated",
          actorId,
          targetType: "request_type",
          targetId: id,
          ip,
          details: { teamId, name: input.name, active: input.active },
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RequestTypeNameTakenError(input.name);
    throw error;
  }
}

function toInput(value: {
  name: string;
  description: string;
  defaultPriority: Priority;
  firstResponseTarget: number;
  firstResponseUnit: "hours" | "days";
  resolutionTarget: number;
  resolutionUnit: "hours" | "days";
  active: boolean;
}): RequestTypeInput {
  return {
    name: value.name,
    description: value.description,
    defaultPriority: value.defaultPriority,
    firstResponseTargetMinutes: targetMinutes(value.firstResponseTarget, value.firstResponseUnit),
    resolutionTargetMinutes: targetMinutes(value.resolutionTarget, value.resolutionUnit),
    active: value.active,
  };
}

interface ActionContext {
  request: Request;
  actorId: string;
  team: { id: string; slug: string };
  ip: string;
}

export async function createRequestTypeAction({ request, actorId, team, ip }: ActionContext, formData: FormData) {
  const submission = parseWithZod(formData, { schema: requestTypeFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    await createRequestType(actorId, team.id, toInput(submission.value), ip);
  } catch (error) {
    if (!(error instanceof RequestTypeNameTakenError)) throw error;
    return json({ result: submission.reply({ fieldErrors: { name: [error.message] } }) }, { status: 400 });
  }
  return redirectWithFlash(request, `/teams/${team.slug}/catalogue`, {
    kind: "success",
    message: `"${submission.value.name}" was added to the catalogue.`,
  });
}

export async function updateRequestTypeAction({ request, actorId, team, ip }: ActionContext, typeId: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: editRequestTypeFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const { version, ...value } = submission.value;
  try {
    await updateRequestType(actorId, team.id, typeId, version, toInput(value), ip);
  } catch (error) {
    if (error instanceof RequestTypeNameTakenError) {
      return json({ result: submission.reply({ fieldErrors: { name: [error.message] } }) }, { status: 400 });
    }
    if (error instanceof StaleRecordError) {
      const message = "Someone else changed this request type since you opened it. Reload to see their changes, then make yours again.";
      return json({ result: submission.reply({ formErrors: [message] }) }, { status: 409 });
    }
    throw error;
  }
  return redirectWithFlash(request, `/teams/${team.slug}/catalogue`, { kind: "success", message: `"${value.name}" was saved.` });
}
