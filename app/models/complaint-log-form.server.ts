// What the "log a complaint" page needs (categories with their owning teams, every team, a fresh
// form token, "now" on the organisation's clock), and its action: log the complaint, add a
// sighting instead ("heard it too"), or — when the rep hasn't yet seen complaints like this one —
// answer with the similar open complaints and let them choose. Without JavaScript that is the
// only place the rep sees them; every typed value comes back in the reply, so nothing is lost.
import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { complaintPath, formatComplaintNumber, parseComplaintNumber } from "~/utils/complaint-rules";
import { canViewComplaint } from "~/policies/complaint.server";
import type { Actor } from "~/policies/authorize.server";
import { complaintLogSchema, sightingSchema, toLocalDateTime } from "~/validation/complaints";
import { newFormToken } from "./new-request.server";
import { ComplaintInputError, createComplaint } from "./complaint-create.server";
import { findSimilarComplaints, type SimilarComplaint } from "./complaint-similar.server";
import { addSighting, NO_SUCH_COMPLAINT, SIGHTING_TARGET_SELECT, sightingRefusal } from "./complaint-sighting.server";
import { getTeamScope } from "./team-scope.server";

type Reporter = Actor & { name: string };

/** What a "heard it too" form needs: a form token, the zone and "now" in it, the rep's usual channel. */
export async function sightingFormDefaults(userId: string, now = new Date()) {
  const timeZone = env().UPSTREAM_TIME_ZONE;
  // A rep usually works one channel: start where they were last time.
  const last = await prisma.complaint.findFirst({
    where: { reporterId: userId },
    orderBy: { createdAt: "desc" },
    select: { channel: true },
  });
  return { formToken: newFormToken(), timeZone, now: toLocalDateTime(now, timeZone), defaultChannel: last?.channel ?? ("PHONE" as const) };
}

export async function loadLogForm(userId: string, now = new Date()) {
  const [categories, teams, defaults] = await Promise.all([
    prisma.complaintCategory.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, description: true, ownerTeam: { select: { id: true, name: true } } },
    }),
    prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    sightingFormDefaults(userId, now),
  ]);
  return { categories, teams, ...defaults };
}

function complaintForSubmission(reporterId: string, formToken: string) {
  return prisma.complaint.findFirst({ where: { reporterId, submissionKey: `${reporterId}:${formToken}` }, select: { number: true } });
}

async function redirectToComplaint(request: Request, number: number) {
  const c = await prisma.complaint.findUniqueOrThrow({
    where: { number },
    select: { status: true, routedTeam: { select: { name: true } } },
  });
  const message =
    c.status === "LOGGED"
      ? `${formatComplaintNumber(number)} was logged. ${c.routedTeam.name}'s managers see it for information.`
      : `${formatComplaintNumber(number)} was logged and sent to ${c.routedTeam.name}'s managers.`;
  return redirectWithFlash(request, complaintPath(number), { kind: "success", message });
}

function reply(result: SubmissionResult<string[]>, status = 400, similar: SimilarComplaint[] | null = null) {
  return json({ result, similar }, { status, headers: { "Cache-Control": "no-store" } });
}

/** "Heard it too" from the log form's matches or the complaint page's form: `sightingOf` names the complaint. */
export async function sightingAction(request: Request, user: Reporter, formData: FormData, now = new Date()) {
  const submission = parseWithZod(formData, { schema: sightingSchema({ timeZone: env().UPSTREAM_TIME_ZONE, now }) });
  if (submission.status !== "success") return reply(submission.reply());
  const refuse = (message: string) => reply(submission.reply({ formErrors: [message] }));
  const number = parseComplaintNumber(submission.value.sightingOf);
  const target =
    number === null
      ? null
      : await prisma.complaint.findUnique({ where: { number }, select: { ...SIGHTING_TARGET_SELECT, routedTeamId: true } });
  if (!target) return refuse(NO_SUCH_COMPLAINT);
  const scope = await getTeamScope(user.id, request);
  const added = !!(await prisma.complaintSighting.findFirst({
    where: { complaintId: target.id, reporterId: user.id },
    select: { id: true },
  }));
  const refusal = sightingRefusal(target, canViewComplaint(user, scope, target, added), now);
  if (refusal) return refuse(refusal);
  await addSighting(user, target, submission.value, now);
  return redirectWithFlash(request, complaintPath(target.number), {
    kind: "success",
    message: `Thank you: your sighting was added to ${formatComplaintNumber(target.number)}, and counts toward it.`,
  });
}

/** The log form's POST: a redirect to the complaint, 400 with the messages, or 200 with similar complaints to choose from. */
export async function logComplaintAction(request: Request, user: Reporter, formData: FormData, now = new Date()) {
  if (formData.has("sightingOf")) return sightingAction(request, user, formData, now);
  const submission = parseWithZod(formData, { schema: complaintLogSchema({ timeZone: env().UPSTREAM_TIME_ZONE, now }) });
  if (submission.status !== "success") return reply(submission.reply());
  const { choice, resolvedAtFrontLine, ...value } = submission.value;

  // A second submit of a form that already logged a complaint lands on it, matches or not.
  const earlier = await complaintForSubmission(user.id, value.formToken);
  if (earlier) return redirectToComplaint(request, earlier.number);
  if (choice !== "new") {
    const similar = await findSimilarComplaints(value.summary, now);
    if (similar.length) return reply(submission.reply(), 200, similar);
  }
  try {
    const { number } = await createComplaint(user, { ...value, resolvedAtFrontLine: resolvedAtFrontLine === "yes" }, now);
    return redirectToComplaint(request, number);
  } catch (error) {
    if (error instanceof ComplaintInputError) return reply(submission.reply({ fieldErrors: { [error.field]: [error.message] } }));
    throw error;
  }
}
