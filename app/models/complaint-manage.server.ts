// The manager's page for one complaint (/complaints/CMP-n/manage): what it shows, and its action
// (one route, several forms told apart by a hidden `intent`). Answers like every form in the app:
// a redirect with a flash message to the complaint's page on success; the conform reply (errors
// beside the fields, what was typed kept) with 400 on bad input, 409 when the complaint's state
// doesn't allow the step or it changed since the page was rendered.
import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { prisma } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { checkComplaintAction, complaintPath, formatComplaintNumber, type ComplaintAction } from "~/utils/complaint-rules";
import {
  acknowledgeSchema,
  closeSchema,
  isManageIntent,
  planSchema,
  rerouteSchema,
  respondSchema,
  themesSchema,
  type ManageIntent,
} from "~/validation/complaint-manage";
import {
  acknowledgeComplaint,
  closeComplaint,
  ComplaintActionError,
  planComplaintAction,
  rerouteComplaint,
  respondToRep,
  setComplaintThemes,
  StaleComplaintError,
  type ManagedComplaint,
} from "./complaint-actions.server";
import { themeChoices } from "./theme.server";
import { COMPLAINT_FACTS_SELECT, iso, toComplaintFacts } from "./complaint-facts.server";

export async function getManagePage(access: ManagedComplaint) {
  const [c, themes, teams] = await Promise.all([
    prisma.complaint.findUniqueOrThrow({
      where: { id: access.complaint.id },
      // Deliberately no customer contact fields: the complaint page shows them, with auditing.
      select: {
        ...COMPLAINT_FACTS_SELECT,
        version: true,
        _count: { select: { sightings: true } },
      },
    }),
    themeChoices(),
    prisma.team.findMany({
      where: { id: { not: access.complaint.routedTeamId } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const hasResponse = Boolean(c.response);
  const allowed = (action: ComplaintAction) => checkComplaintAction(c.status, action, hasResponse);
  const closeCheck = allowed("close");
  return {
    complaint: {
      ...toComplaintFacts(c),
      link: complaintPath(c.number),
      channel: c.channel,
      escalationLevel: c.escalationLevel,
      actionPlan: c.actionPlan,
      response: c.response,
      respondedAt: iso(c.respondedAt),
      sightings: c._count.sightings,
      version: c.version,
      themeIds: access.complaint.themeIds,
    },
    themes,
    teams,
    can: {
      acknowledge: allowed("acknowledge").ok,
      tag: allowed("tag").ok,
      plan: allowed("plan").ok,
      respond: allowed("respond").ok,
      reroute: allowed("reroute").ok,
      close: closeCheck.ok,
    },
    /** Why closing isn't possible yet, shown beside the disabled button. */
    closeBlockedBecause: closeCheck.ok || c.status === "CLOSED" ? null : closeCheck.message,
  };
}

// ---------------------------------------------------------------------------------------------

export interface ManageActionReply {
  intent: ManageIntent | null;
  result: SubmissionResult<string[]>;
  /** The newest version when the complaint changed meanwhile. */
  currentVersion?: number;
}

function reply(intent: ManageIntent | null, result: SubmissionResult<string[]>, status: number, currentVersion?: number) {
  return json<ManageActionReply>({ intent, result, ...(currentVersion ? { currentVersion } : {}) }, { status });
}

type Submission = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> };

async function answerError(error: unknown, access: ManagedComplaint, intent: ManageIntent, submission: Submission) {
  if (error instanceof StaleComplaintError) {
    const current = await prisma.complaint.findUnique({ where: { id: access.complaint.id }, select: { version: true } });
    return reply(intent, submission.reply({ formErrors: [error.message] }), 409, current?.version);
  }
  if (error instanceof ComplaintActionError) {
    const result = error.field
      ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
      : submission.reply({ formErrors: [error.message] });
    return reply(intent, result, error.status);
  }
  throw error;
}

const SCHEMAS = {
  acknowledge: acknowledgeSchema,
  themes: themesSchema,
  plan: planSchema,
  respond: respondSchema,
  close: closeSchema,
  reroute: rerouteSchema,
} as const;

export async function manageAction(request: Request, access: ManagedComplaint, formData: FormData) {
  const intent = formData.get("intent");
  if (!isManageIntent(intent)) {
    return reply(null, { status: "error", error: { "": ["That form isn't one this page knows. Reload the page and try again."] } }, 400);
  }
  const ref = formatComplaintNumber(access.complaint.number);
  const success = (message: string, to = complaintPath(access.complaint.number)) =>
    redirectWithFlash(request, to, { kind: "success", message });
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] });
  if (submission.status !== "success") return reply(intent, submission.reply(), 400);
  const value = submission.value;
  try {
    switch (intent) {
      case "acknowledge":
        await acknowledgeComplaint(access, value.version);
        return success(`${ref} is acknowledged; the rep has been told.`);
      case "themes": {
        const v = value as { version: number; themeIds?: string[]; newTheme?: string };
        const { added, removed } = await setComplaintThemes(access, v.version, {
          themeIds: v.themeIds ?? [],
          newTheme: v.newTheme || undefined,
        });
        const parts = [added.length ? `added ${added.join(", ")}` : "", removed.length ? `removed ${removed.join(", ")}` : ""].filter(
          Boolean,
        );
        return success(`Themes of ${ref} saved: ${parts.join("; ")}.`);
      }
      case "plan": {
        const { changed } = await planComplaintAction(access, value.version, (value as { plan: string }).plan);
        return success(
          changed ? `The plan for ${ref} is updated; the rep has been told.` : `Action planned for ${ref}; the rep has been told.`,
        );
      }
      case "respond": {
        const { changed, acknowledged } = await respondToRep(access, value.version, (value as { response: string }).response);
        return success(
          `${changed ? "Response updated" : "Response sent"}${acknowledged ? " and the complaint acknowledged" : ""}; the rep has been told.`,
        );
      }
      case "close":
        await closeComplaint(access, value.version);
        return success(`${ref} is closed; the rep has been told.`);
      case "reroute": {
        const v = value as { version: number; toTeamId: string; reason: string };
        const { team, stillManages } = await rerouteComplaint(access, v.version, v);
        const message = `${ref} is rerouted to ${team.name}; its managers and the rep have been told.`;
        // Rerouted out of the person's teams: its pages are no longer theirs to see.
        return stillManages ? success(message) : success(message, "/complaints/inbox");
      }
    }
  } catch (error) {
    return answerError(error, access, intent, submission);
  }
}
