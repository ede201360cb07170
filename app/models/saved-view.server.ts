// Saved views: a person's named set of queue filters for one team. Private to their owner:
// every query here is scoped by the owner's id, so nobody can list, apply or delete another's.
import crypto from "node:crypto";
import { json } from "@remix-run/node";
import { prisma, isUniqueViolation } from "~/utils/db.server";
import { parseWithZod } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/policies/authorize.server";
import { deleteViewSchema, parseQueueQuery, queueSearchParams, saveViewSchema } from "~/validation/queue-filters";
import { equalsIgnoringCase } from "~/utils/text-match";

export const SAVED_VIEWS_PER_TEAM = 50;

export class SavedViewError extends Error {}

/** The query string as the queue would write it: no page position, unknown values dropped. */
export function canonicalViewQuery(query: string) {
  return queueSearchParams(parseQueueQuery(new URLSearchParams(query)).filters).toString();
}

function nameTaken(name: string) {
  return new SavedViewError(`You already have a view called “${name}”. Choose another name, or delete that view first.`);
}

export async function saveView(userId: string, teamId: string, name: string, query: string) {
  // The unique index is case-sensitive; "Urgent" and "urgent" side by side would only confuse.
  const [clash, count] = await Promise.all([
    prisma.savedView.findFirst({ where: { userId, teamId, name: equalsIgnoringCase(name) }, select: { name: true } }),
    prisma.savedView.count({ where: { userId, teamId } }),
  ]);
  if (clash) throw nameTaken(clash.name);
  if (count >= SAVED_VIEWS_PER_TEAM) {
    throw new SavedViewError(`You have ${SAVED_VIEWS_PER_TEAM} saved views for this team. Delete one you no longer use first.`);
  }
  try {
    return await prisma.savedView.create({
      data: { id: crypto.randomUUID(), userId, teamId, name, query: canonicalViewQuery(query) },
      select: { id: true, name: true, query: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Deletes the owner's view; null when there is no such view of theirs. */
export async function deleteSavedView(userId: string, teamId: string, id: string) {
  const view = await prisma.savedView.findFirst({ where: { id, userId, teamId }, select: { id: true, name: true } });
  if (!view) return null;
  await prisma.savedView.deleteMany({ where: { id: view.id, userId } });
  return view;
}

/**
 * The queue page's saved-view actions (intent=save-view, intent=delete-view). A refused save
 * answers 400 with the message beside the name field and what was typed kept.
 */
export async function savedViewAction(request: Request, formData: FormData, user: { id: string }, team: { id: string; slug: string }) {
  const queuePath = `/teams/${team.slug}/queue`;
  if (formData.get("intent") === "delete-view") {
    const submission = parseWithZod(formData, { schema: deleteViewSchema });
    if (submission.status !== "success") throw notFound();
    const deleted = await deleteSavedView(user.id, team.id, submission.value.viewId);
    if (!deleted) throw notFound();
    const back = canonicalViewQuery(String(formData.get("query") ?? ""));
    return redirectWithFlash(request, back ? `${queuePath}?${back}` : queuePath, {
      kind: "success",
      message: `Deleted the view “${deleted.name}”.`,
    });
  }
  const submission = parseWithZod(formData, { schema: saveViewSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const view = await saveView(user.id, team.id, submission.value.name, submission.value.query);
    return redirectWithFlash(request, view.query ? `${queuePath}?${view.query}` : queuePath, {
      kind: "success",
      message: `Saved the view “${view.name}”.`,
    });
  } catch (error) {
    if (!(error instanceof SavedViewError)) throw error;
    return json({ result: submission.reply({ fieldErrors: { name: [error.message] } }) }, { status: 400 });
  }
}
