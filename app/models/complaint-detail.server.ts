// The complaint page: who is looking (and with what rights), and everything the page shows.
// The customer's contact details are selected only for those allowed to see them (the reporting
// rep, managers of the routed team and above, admins), and each time they are shown the view is
// written to the audit log (DESIGN.md, Permissions). Anyone else — including members of the
// routed team who are not managers — gets the same 404 as for a complaint that doesn't exist.
import { prisma } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { notFound, type Actor } from "~/policies/authorize.server";
import { canManageComplaint, canSeeCustomerContact, canViewComplaint } from "~/policies/complaint.server";
import {
  CHANNEL_LABELS,
  COMPLAINT_STATUS_LABELS,
  parseComplaintNumber,
  SEVERITY_LABELS,
  type ComplaintStatus,
} from "~/utils/complaint-rules";
import { audit } from "./audit.server";
import { getTeamScope, type TeamScope } from "./team-scope.server";
import { SIGHTING_TARGET_SELECT, type SightingTarget } from "./complaint-sighting.server";
import { COMPLAINT_FACTS_SELECT, iso, toComplaintFacts } from "./complaint-facts.server";

export interface ComplaintAccess {
  user: Actor & { name: string };
  scope: TeamScope;
  complaint: SightingTarget & { routedTeamId: string };
  /** Acknowledge, respond, tag…: a manager of the routed team or above, or an admin. */
  manager: boolean;
  seesContact: boolean;
  addedSighting: boolean;
}

/**
 * The complaint named by the URL ("CMP-311", "cmp-311" or "311") as the user may see it.
 * Unknown, malformed and not-visible numbers all throw the same 404.
 */
export async function loadComplaintAccess(
  user: ComplaintAccess["user"],
  numberParam: string | undefined,
  key?: object,
): Promise<ComplaintAccess> {
  const number = parseComplaintNumber(numberParam);
  if (number === null) throw notFound();
  const [complaint, scope] = await Promise.all([
    prisma.complaint.findUnique({ where: { number }, select: { ...SIGHTING_TARGET_SELECT, routedTeamId: true } }),
    getTeamScope(user.id, key),
  ]);
  if (!complaint) throw notFound();
  const addedSighting =
    complaint.reporterId !== user.id &&
    !!(await prisma.complaintSighting.findFirst({ where: { complaintId: complaint.id, reporterId: user.id }, select: { id: true } }));
  if (!canViewComplaint(user, scope, complaint, addedSighting)) {
    log.warn("access denied", { userId: user.id, permission: "complaint.view", complaintId: complaint.id });
    throw notFound();
  }
  return {
    user,
    scope,
    complaint,
    manager: canManageComplaint(user, scope, complaint),
    seesContact: canSeeCustomerContact(user, scope, complaint),
    addedSighting,
  };
}

interface HolderFacts {
  status: ComplaintStatus;
  routedTeam: { name: string };
  waitingOn: { name: string };
  escalationLevel: number;
  acknowledgedBy: { name: string } | null;
}

/** "Who has it", in words, for the rep: the page and the "My complaints" list say the same. */
export function describeHolder(c: HolderFacts) {
  switch (c.status) {
    case "LOGGED":
      return `Resolved at the front line; ${c.routedTeam.name} has it for information`;
    case "ESCALATED":
      return c.escalationLevel > 0
        ? `Waiting on the managers of ${c.waitingOn.name} (escalated ${c.escalationLevel === 1 ? "one level" : `${c.escalationLevel} levels`} up)`
        : `Waiting on the managers of ${c.waitingOn.name}`;
    case "ACKNOWLEDGED":
    case "ACTION_PLANNED":
      return `${c.acknowledgedBy ? `${c.acknowledgedBy.name}, ` : ""}${c.waitingOn.name}`;
    case "CLOSED":
      return `Closed by ${c.waitingOn.name}`;
  }
}

interface EventRow {
  kind: string;
  actor: string | null;
  fromTeam: string | null;
  toTeam: string | null;
  note: string | null;
}

function describeEvent(e: EventRow, manager: boolean): string {
  const who = e.actor ?? "Upstream";
  switch (e.kind) {
    case "LOGGED":
      return `${who} logged the complaint for ${e.toTeam ?? "a team"}`;
    case "CRITICAL_ALERT":
      return e.fromTeam && e.toTeam && e.fromTeam !== e.toTeam
        ? `Critical: the managers of ${e.fromTeam} and ${e.toTeam} were alerted at once`
        : `Critical: the managers of ${e.fromTeam ?? e.toTeam ?? "the team"} were alerted at once`;
    case "ESCALATED":
      // No destination: it was already at the top of the organisation and stays there.
      return e.toTeam
        ? `Not acknowledged in time: escalated from ${e.fromTeam ?? "a team"} to ${e.toTeam}`
        : `Not acknowledged in time at ${e.fromTeam ?? "the top team"}, the top of the organisation: it stays there`;
    case "ACKNOWLEDGED":
      return `${who} acknowledged it`;
    case "REROUTED":
      return `${who} rerouted it from ${e.fromTeam ?? "?"} to ${e.toTeam ?? "?"}${e.note ? `: ${e.note}` : ""}`;
    case "THEMES_CHANGED":
      return `${who} changed its themes${e.note ? `: ${e.note}` : ""}`;
    case "ACTION_PLANNED":
      return `${who} planned an action${manager && e.note ? `: ${e.note}` : ""}`;
    case "RESPONDED":
      return `${who} responded to the rep`;
    case "CLOSED":
      return `${who} closed it`;
    case "SIGHTING_ADDED":
      return `${who} heard it too${e.note ? `: ${e.note}` : ""}`;
    case "CONTACT_VIEWED":
      return `${who} viewed the customer's contact details`;
    case "CONTACT_PURGED":
      return "The customer's contact details were erased (retention period over)";
    default:
      return `${who}: ${e.kind.toLowerCase()}`;
  }
}

const CONTACT_SELECT = { customerName: true, customerEmail: true, customerPhone: true, customerReference: true } as const;

/** Everything the complaint page shows to this viewer. Audits the view when it includes contact details. */
export async function getComplaintPage(access: ComplaintAccess, context: { ip?: string } = {}) {
  const { complaint: target, manager, seesContact } = access;
  const [c, events, sightings, themes] = await Promise.all([
    prisma.complaint.findUniqueOrThrow({
      where: { id: target.id },
      select: {
        ...COMPLAINT_FACTS_SELECT,
        contactPurgedAt: true,
        acknowledgedById: true,
        respondedById: true,
        ...(seesContact ? CONTACT_SELECT : {}),
      },
    }),
    prisma.complaintEvent.findMany({
      where: { complaintId: target.id, kind: { not: "CONTACT_VIEWED" } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, at: true, actorId: true, fromTeamId: true, toTeamId: true, note: true },
    }),
    prisma.complaintSighting.findMany({
      where: { complaintId: target.id },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: { id: true, channel: true, note: true, occurredAt: true, reporter: { select: { name: true } } },
    }),
    prisma.complaintTheme.findMany({
      where: { complaintId: target.id },
      orderBy: { theme: { name: "asc" } },
      select: { theme: { select: { name: true } } },
    }),
  ]);
  const userIds = new Set<string>();
  const teamIds = new Set<string>();
  for (const e of events) {
    if (e.actorId) userIds.add(e.actorId);
    if (e.fromTeamId) teamIds.add(e.fromTeamId);
    if (e.toTeamId) teamIds.add(e.toTeamId);
  }
  if (c.acknowledgedById) userIds.add(c.acknowledgedById);
  if (c.respondedById) userIds.add(c.respondedById);
  const [users, teams] = await Promise.all([
    userIds.size ? prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }) : [],
    teamIds.size ? prisma.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true, name: true } }) : [],
  ]);
  const userName = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? null) : null);
  const teamName = (id: string | null) => (id ? (teams.find((t) => t.id === id)?.name ?? null) : null);
  const acknowledgedBy = c.acknowledgedById ? { name: userName(c.acknowledgedById) ?? "a manager" } : null;

  let contact: { name: string | null; email: string | null; phone: string | null; reference: string | null } | null = null;
  if (seesContact && "customerName" in c) {
    contact = { name: c.customerName, email: c.customerEmail, phone: c.customerPhone, reference: c.customerReference };
    // Only a view that actually shows something is a view of personal data.
    if (Object.values(contact).some(Boolean)) {
      await audit({
        action: "complaint.contact_viewed",
        actorId: access.user.id,
        targetType: "complaint",
        targetId: target.id,
        ip: context.ip,
        details: { number: c.number },
      });
    } else contact = null;
  }

  return {
    complaint: {
      ...toComplaintFacts(c),
      number: c.number,
      channel: CHANNEL_LABELS[c.channel],
      severityLabel: SEVERITY_LABELS[c.severity],
      statusLabel: COMPLAINT_STATUS_LABELS[c.status],
      holder: describeHolder({ ...c, acknowledgedBy }),
      // The plan is the managers' working note; the rep hears back through the response.
      actionPlan: manager ? c.actionPlan : null,
      response: c.response ? { text: c.response, by: userName(c.respondedById), at: iso(c.respondedAt) } : null,
      contactPurged: !!c.contactPurgedAt,
    },
    contact,
    timeline: events.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      text: describeEvent(
        { kind: e.kind, actor: userName(e.actorId), fromTeam: teamName(e.fromTeamId), toTeam: teamName(e.toTeamId), note: e.note },
        manager,
      ),
    })),
    sightings: sightings.map((s) => ({
      id: s.id,
      reporter: s.reporter.name,
      channel: CHANNEL_LABELS[s.channel],
      note: s.note,
      occurredAt: s.occurredAt.toISOString(),
    })),
    themes: themes.map((t) => t.theme.name),
    viewer: { manager, seesContact, isReporter: target.reporterId === access.user.id, addedSighting: access.addedSighting },
  };
}

export type ComplaintPageData = Awaited<ReturnType<typeof getComplaintPage>>;
