// Complaint categories and routing (admin): each category names the team its complaints are
// routed to. Names are unique whatever their case ("Billing" and "billing" would confuse reps);
// the database's own index is case-sensitive, so writes take a transaction lock and check first.
// A deactivated category disappears from the log form but keeps its complaints and their history.
// Every change is audited.
import crypto from "node:crypto";
import { json } from "@remix-run/node";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { complaintCategorySchema, editComplaintCategorySchema, type ComplaintCategoryValue } from "~/validation/complaint-categories";
import { audit } from "./audit.server";
import { StaleRecordError } from "./user.server";
import { equalsIgnoringCase } from "~/utils/text-match";

/** Any number will do, as long as nothing else uses it: serialises category name checks. */
const CATEGORY_NAMES_LOCK = 73_501_001;

export class CategoryConflictError extends Error {
  constructor(
    public field: "name" | "ownerTeamId",
    message: string,
  ) {
    super(message);
  }
}

function nameTaken(name: string) {
  return new CategoryConflictError("name", `There is already a category called "${name}" (names are compared ignoring capitals).`);
}

/** Every category for the admin list, active first, with its owner and how many complaints it has. */
export function listComplaintCategories() {
  return prisma.complaintCategory.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      active: true,
      ownerTeam: { select: { name: true, slug: true } },
      _count: { select: { complaints: true } },
    },
  });
}

export function getComplaintCategory(id: string) {
  return prisma.complaintCategory.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      ownerTeamId: true,
      active: true,
      updatedAt: true,
      _count: { select: { complaints: true } },
    },
  });
}

async function checkInput(tx: Tx, input: ComplaintCategoryValue, exceptId?: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CATEGORY_NAMES_LOCK})`;
  const clash = await tx.complaintCategory.findFirst({
    where: { name: equalsIgnoringCase(input.name), ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw nameTaken(input.name);
  const team = await tx.team.findUnique({ where: { id: input.ownerTeamId }, select: { id: true } });
  if (!team) throw new CategoryConflictError("ownerTeamId", "Choose a team from the list.");
}

export async function createComplaintCategory(actorId: string, input: ComplaintCategoryValue, ip: string) {
  try {
    return await prisma.$transaction(async (tx) => {
      await checkInput(tx, input);
      const category = await tx.complaintCategory.create({ data: { id: crypto.randomUUID(), ...input }, select: { id: true } });
      await audit(
        {
          action: "complaint_category.created",
          actorId,
          targetType: "complaint_category",
          targetId: category.id,
          ip,
          details: { name: input.name, ownerTeamId: input.ownerTeamId, active: input.active },
        },
        tx,
      );
      return category;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Optimistic locking on updatedAt: `version` is the updatedAt the form was rendered from. */
export async function updateComplaintCategory(actorId: string, id: string, version: Date, input: ComplaintCategoryValue, ip: string) {
  try {
    await prisma.$transaction(async (tx) => {
      await checkInput(tx, input, id);
      const before = await tx.complaintCategory.findUnique({ where: { id }, select: { name: true, ownerTeamId: true, active: true } });
      const { count } = await tx.complaintCategory.updateMany({ where: { id, updatedAt: version }, data: input });
      if (!before || count === 0) throw new StaleRecordError();
      const changed = (["name", "ownerTeamId", "active"] as const).filter((k) => before[k] !== input[k]);
      await audit(
        {
          action: "complaint_category.updated",
          actorId,
          targetType: "complaint_category",
          targetId: id,
          ip,
          details: { name: input.name, ownerTeamId: input.ownerTeamId, active: input.active, changed: changed.join(",") },
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

interface ActionContext {
  request: Request;
  actorId: string;
  ip: string;
}

const LIST = "/admin/complaint-categories";

export async function createComplaintCategoryAction({ request, actorId, ip }: ActionContext, formData: FormData) {
  const submission = parseWithZod(formData, { schema: complaintCategorySchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    await createComplaintCategory(actorId, submission.value, ip);
  } catch (error) {
    if (!(error instanceof CategoryConflictError)) throw error;
    return json({ result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) }, { status: 400 });
  }
  return redirectWithFlash(request, LIST, { kind: "success", message: `"${submission.value.name}" was added.` });
}

export async function updateComplaintCategoryAction({ request, actorId, ip }: ActionContext, id: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: editComplaintCategorySchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const { version, ...value } = submission.value;
  try {
    await updateComplaintCategory(actorId, id, version, value, ip);
  } catch (error) {
    if (error instanceof CategoryConflictError) {
      return json({ result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) }, { status: 400 });
    }
    if (error instanceof StaleRecordError) {
      const message = "Someone else changed this category since you opened it. Reload to see their changes, then make yours again.";
      return json({ result: submission.reply({ formErrors: [message] }) }, { status: 409 });
    }
    throw error;
  }
  return redirectWithFlash(request, LIST, { kind: "success", message: `"${value.name}" was saved.` });
}
