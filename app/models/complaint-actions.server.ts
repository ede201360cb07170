// What managers do with a complaint (DESIGN.md: Complaint, Escalation): acknowledge, tag with
// themes, plan an action, respond to the rep, close, reroute; and the inbox's bulk acknowledge
// and bulk tag.
//
// Who: canManageComplaint (managers of the routed team or of a team above it, admins). Anyone
// else gets 404 whether or not the complaint exists: loadManagedComplaint throws it.
// How: each change is one transaction with its timeline event and notices. Changes to the
// complaint row are optimistic: they update only `where {id, version}` (the version the
// manager's page was rendered from) and increment it, so of two managers acting at once the
// second gets StaleComplaintError instead of overwriting. Bulk actions are the exception: they
// act on each complaint's current state (acknowledging twice is harmless) and report what they
// skipped.
// Closing the loop: the rep who logged it is told of every change. Reps who added a sighting are
// told of the response and the closing only: that is what they can pass on to their customers.
import { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/utils/db.server";
import { notFound, type Actor } from "~/policies/authorize.server";
import { canManageComplaint } from "~/policies/complaint.server";
import {
  acknowledgeDueAt,
  checkComplaintAction,
  complaintPath,
  formatComplaintNumber,
  parseComplaintNumber,
  type ComplaintAction,
  type ComplaintStatus,
} from "~/utils/complaint-rules";
import { log } from "~/utils/logger.server";
import { notify } from "./notification.server";
import { complaintManagers, sightingReporters } from "./complaint-notices.server";
import { getTeamScope, type TeamScope } from "./team-scope.server";
import { findOrCreateTheme } from "./theme.server";

export const STALE_COMPLAINT_MESSAGE =
  "Someone else updated this complaint since you opened it. The page now shows where it stands: check it, then try again.";

export class StaleComplaintError extends Error {
  constructor() {
    super(STALE_COMPLAINT_MESSAGE);
  }
}

/** Input the manager can correct: shown beside `field` (or above the form when field is ""). */
export class ComplaintActionError extends Error {
  constructor(
    public field: string,
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

export type ComplaintActor = Actor & { name: string };

const ACCESS_SELECT = {
  id: true,
  number: true,
  summary: true,
  status: true,
  version: true,
  reporterId: true,
  routedTeamId: true,
  waitingOnTeamId: true,
  response: true,
  actionPlan: true,
  themes: { select: { themeId: true } },
} as const;

export interface ManagedComplaint {
  user: ComplaintActor;
  scope: TeamScope;
  complaint: {
    id: string;
    number: number;
    summary: string;
    status: ComplaintStatus;
    version: number;
    reporterId: string;
    routedTeamId: string;
    waitingOnTeamId: string;
    response: string | null;
    actionPlan: string | null;
    themeIds: string[];
  };
}

/** The complaint numbered `numberParam` if `user` may manage it; otherwise a 404 is thrown. */
export async function loadManagedComplaint(
  user: ComplaintActor,
  numberParam: string | undefined,
  scopeKey?: object,
): Promise<ManagedComplaint> {
  const number = parseComplaintNumber(numberParam);
  if (number === null) throw notFound();
  const [row, scope] = await Promise.all([
    prisma.complaint.findUnique({ where: { number }, select: ACCESS_SELECT }),
    getTeamScope(user.id, scopeKey),
  ]);
  if (!row || !canManageComplaint(user, scope, row)) {
    if (row) log.warn("access denied", { userId: user.id, permission: "complaint.manage" });
    throw notFound();
  }
  const { themes, ...complaint } = row;
  return { user, scope, complaint: { ...complaint, themeIds: themes.map((t) => t.themeId) } };
}

function check(access: ManagedComplaint, action: ComplaintAction, field = "") {
  const { status, response } = access.complaint;
  const result = checkComplaintAction(status, action, Boolean(response));
  if (!result.ok) throw new ComplaintActionError(field, result.message, 409);
}

/** The form was rendered from an older version: answer with the conflict before judging the input. */
function assertFresh(access: ManagedComplaint, version: number) {
  if (version !== access.complaint.version) throw new StaleComplaintError();
}

async function updateVersioned(tx: Tx, access: ManagedComplaint, version: number, data: Prisma.ComplaintUncheckedUpdateManyInput) {
  const { count } = await tx.complaint.updateMany({
    where: { id: access.complaint.id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new StaleComplaintError();
}

function excerpt(text: string, max = 300) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

interface RepNotice {
  title: string;
  body: string;
  /** Also tell the reps who added a sighting. */
  sightings?: boolean;
}

async function tellReps(tx: Tx, access: ManagedComplaint, notice: RepNotice) {
  const { complaint, user } = access;
  const recipients = [complaint.reporterId, ...(notice.sightings ? await sightingReporters(tx, complaint.id) : [])];
  await notify(
    tx,
    recipients,
    {
      kind: "COMPLAINT_UPDATED",
      title: `${formatComplaintNumber(complaint.number)}: ${notice.title}`,
      body: notice.body,
      link: complaintPath(complaint.number),
    },
    user.id,
  );
}

function acknowledgement(user: ComplaintActor, now: Date): Prisma.ComplaintUncheckedUpdateManyInput {
  return { status: "ACKNOWLEDGED", acknowledgedAt: now, acknowledgedById: user.id, acknowledgeDueAt: null, updatedAt: now };
}

// ---------------------------------------------------------------------------------------------

export async function acknowledgeComplaint(access: ManagedComplaint, version: number, now = new Date()) {
  const { complaint, user } = access;
  assertFresh(access, version);
  check(access, "acknowledge");
  await prisma.$transaction(async (tx) => {
    await updateVersioned(tx, access, version, acknowledgement(user, now));
    await tx.complaintEvent.create({ data: { complaintId: complaint.id, actorId: user.id, kind: "ACKNOWLEDGED", at: now } });
    await tellReps(tx, access, {
      title: "acknowledged by a manager",
      body: `${user.name} acknowledged "${complaint.summary}". You will hear what is done about it.`,
    });
  });
}

/**
 * Sets the complaint's themes to `themeIds` plus, when `newTheme` is given, that theme (an
 * existing one of that name, or a new one). Returns the names added and removed.
 */
export async function setComplaintThemes(
  access: ManagedComplaint,
  version: number,
  input: { themeIds: string[]; newTheme?: string },
  now = new Date(),
) {
  const { complaint, user } = access;
  assertFresh(access, version);
  check(access, "tag", "themeIds");
  return prisma.$transaction(async (tx) => {
    const wanted = new Set(input.themeIds);
    const known = await tx.theme.findMany({ where: { id: { in: [...wanted, ...complaint.themeIds] } }, select: { id: true, name: true } });
    if ([...wanted].some((id) => !known.some((t) => t.id === id)))
      throw new ComplaintActionError(
        "themeIds",
        "One of the themes you ticked no longer exists (it may have been merged). Check the list again.",
      );
    if (input.newTheme) {
      const { theme } = await findOrCreateTheme(tx, user, input.newTheme);
      wanted.add(theme.id);
      known.push(theme);
    }
    const nameOf = (id: string) => known.find((t) => t.id === id)?.name ?? "a deleted theme";
    const added = [...wanted].filter((id) => !complaint.themeIds.includes(id));
    const removed = complaint.themeIds.filter((id) => !wanted.has(id));
    if (!added.length && !removed.length)
      throw new ComplaintActionError("themeIds", "Nothing changed: tick or untick a theme, or type a new one.");

    await updateVersioned(tx, access, version, { updatedAt: now });
    if (removed.length) await tx.complaintTheme.deleteMany({ where: { complaintId: complaint.id, themeId: { in: removed } } });
    if (added.length)
      await tx.complaintTheme.createMany({
        data: added.map((themeId) => ({ complaintId: complaint.id, themeId, taggedAt: now, taggedById: user.id })),
      });
    const summary = [
      added.length ? `Added ${added.map(nameOf).join(", ")}.` : "",
      removed.length ? `Removed ${removed.map(nameOf).join(", ")}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
    await tx.complaintEvent.create({
      data: { complaintId: complaint.id, actorId: user.id, kind: "THEMES_CHANGED", at: now, note: summary },
    });
    await tellReps(tx, access, { title: "themes changed", body: `${user.name} filed "${complaint.summary}" under its themes. ${summary}` });
    return { added: added.map(nameOf), removed: removed.map(nameOf) };
  });
}

export async function planComplaintAction(access: ManagedComplaint, version: number, plan: string, now = new Date()) {
  const { complaint, user } = access;
  assertFresh(access, version);
  check(access, "plan", "plan");
  if (plan === complaint.actionPlan) throw new ComplaintActionError("plan", "That is the plan already: change it, or leave it as it is.");
  const changed = complaint.actionPlan !== null;
  await prisma.$transaction(async (tx) => {
    await updateVersioned(tx, access, version, { status: "ACTION_PLANNED", actionPlan: plan, actionPlannedAt: now, updatedAt: now });
    await tx.complaintEvent.create({ data: { complaintId: complaint.id, actorId: user.id, kind: "ACTION_PLANNED", at: now, note: plan } });
    // The plan is the managers' working note (the complaint page shows it to managers only): the
    // rep hears that something is planned, and what to tell the customer through the response.
    await tellReps(tx, access, {
      title: changed ? "the planned action changed" : "an action is planned",
      body: `${user.name} ${changed ? "changed the plan of action" : "planned an action"} about "${complaint.summary}". You will hear the outcome in the manager's response.`,
    });
  });
  return { changed };
}

/**
 * Writes (or rewrites) the response to the rep: the latest is on the complaint, each one on the
 * timeline. Responding to a complaint nobody acknowledged yet acknowledges it too: whoever
 * answers the rep has plainly seen it, and it must stop escalating.
 */
export async function respondToRep(access: ManagedComplaint, version: number, response: string, now = new Date()) {
  const { complaint, user } = access;
  assertFresh(access, version);
  check(access, "respond", "response");
  if (response === complaint.response) throw new ComplaintActionError("response", "That is the response already.");
  const acknowledges = checkComplaintAction(complaint.status, "acknowledge", false).ok;
  await prisma.$transaction(async (tx) => {
    await updateVersioned(tx, access, version, {
      ...(acknowledges ? acknowledgement(user, now) : {}),
      response,
      respondedAt: now,
      respondedById: user.id,
      updatedAt: now,
    });
    if (acknowledges)
      await tx.complaintEvent.create({ data: { complaintId: complaint.id, actorId: user.id, kind: "ACKNOWLEDGED", at: now } });
    await tx.complaintEvent.create({ data: { complaintId: complaint.id, actorId: user.id, kind: "RESPONDED", at: now, note: response } });
    await tellReps(tx, access, {
      title: complaint.response ? "the manager's response changed" : "a manager responded",
      body: `${user.name} about "${complaint.summary}": ${excerpt(response)}`,
      sightings: true,
    });
  });
  return { acknowledged: acknowledges, changed: complaint.response !== null };
}

export async function closeComplaint(access: ManagedComplaint, version: number, now = new Date()) {
  const { complaint, user } = access;
  assertFresh(access, version);
  check(access, "close");
  await prisma.$transaction(async (tx) => {
    await updateVersioned(tx, access, version, { status: "CLOSED", closedAt: now, acknowledgeDueAt: null, updatedAt: now });
    await tx.complaintEvent.create({ data: { complaintId: complaint.id, actorId: user.id, kind: "CLOSED", at: now } });
    await tellReps(tx, access, {
      title: "closed",
      body: `${user.name} closed "${complaint.summary}". The response: ${excerpt(complaint.response ?? "")}`,
      sightings: true,
    });
  });
}

/**
 * Sends the complaint to another team ("not my department"): it is routed there, waits on that
 * team's managers from level 0 with that team's target, and must be acknowledged again there (a
 * complaint resolved at the front line stays LOGGED and doesn't escalate). The first escalation
 * time is kept: time to acknowledge counts from when the rep first forwarded it.
 */
export async function rerouteComplaint(
  access: ManagedComplaint,
  version: number,
  input: { toTeamId: string; reason: string },
  now = new Date(),
) {
  const { complaint, user } = access;
  assertFresh(access, version);
  check(access, "reroute", "toTeamId");
  if (input.toTeamId === complaint.routedTeamId)
    throw new ComplaintActionError("toTeamId", "It is routed to that team already. Choose another.");
  const team = await prisma.team.findUnique({
    where: { id: input.toTeamId },
    select: { id: true, name: true, complaintAckTargetMinutes: true },
  });
  if (!team) throw new ComplaintActionError("toTeamId", "That team no longer exists. Choose another.");
  const waits = complaint.status !== "LOGGED";
  await prisma.$transaction(async (tx) => {
    await updateVersioned(tx, access, version, {
      routedTeamId: team.id,
      waitingOnTeamId: team.id,
      escalationLevel: 0,
      ...(waits
        ? {
            status: "ESCALATED",
            acknowledgeDueAt: acknowledgeDueAt(now, team.complaintAckTargetMinutes),
            acknowledgedAt: null,
            acknowledgedById: null,
          }
        : { acknowledgeDueAt: null }),
      updatedAt: now,
    });
    await tx.complaintEvent.create({
      data: {
        complaintId: complaint.id,
        actorId: user.id,
        kind: "REROUTED",
        at: now,
        fromTeamId: complaint.routedTeamId,
        toTeamId: team.id,
        note: input.reason,
      },
    });
    const ref = formatComplaintNumber(complaint.number);
    await notify(
      tx,
      await complaintManagers(tx, team.id),
      {
        kind: "COMPLAINT_ROUTED",
        title: `Complaint rerouted to ${team.name}: ${ref} ${complaint.summary}`,
        body: `${user.name} sent it to ${team.name}: ${excerpt(input.reason)}${waits ? " Please acknowledge it." : ""}`,
        link: `${complaintPath(complaint.number)}/manage`,
      },
      user.id,
    );
    await tellReps(tx, access, {
      title: `rerouted to ${team.name}`,
      body: `${user.name} sent "${complaint.summary}" to ${team.name}: ${excerpt(input.reason)}`,
    });
  });
  return { team, stillManages: canManageComplaint(user, access.scope, { routedTeamId: team.id }) };
}

// ---------------------------------------------------------------------------------------------
// Bulk actions from the inbox

export interface BulkOutcome {
  /** Changed by this action. */
  done: number;
  /** Already in the wanted state. */
  already: number;
  /** Closed: nothing more can be done to them. */
  closed: number;
  /** Not found, or not the person's to manage (counted, never described). */
  missing: number;
}

const BULK_MAX = 100;

interface BulkRow {
  id: string;
  number: number;
  summary: string;
  status: ComplaintStatus;
  reporter_id: string;
  routed_team_id: string;
}

/** The selected complaints the actor may manage, locked for this transaction. */
async function lockManageable(tx: Tx, actor: Actor, scope: TeamScope, ids: string[]) {
  const unique = [...new Set(ids)].slice(0, BULK_MAX);
  if (!unique.length) return { rows: [], missing: 0 };
  const rows = await tx.$queryRaw<BulkRow[]>(Prisma.sql`
    SELECT id, number, summary, status::text AS status, reporter_id, routed_team_id
      FROM complaints WHERE id IN (${Prisma.join(unique)}) ORDER BY id FOR UPDATE`);
  const manageable = rows.filter((r) => canManageComplaint(actor, scope, { routedTeamId: r.routed_team_id }));
  return { rows: manageable, missing: unique.length - manageable.length };
}

function bulkRepNotice(row: BulkRow, title: string, body: string) {
  return {
    kind: "COMPLAINT_UPDATED" as const,
    title: `${formatComplaintNumber(row.number)}: ${title}`,
    body,
    link: complaintPath(row.number),
  };
}

export async function bulkAcknowledge(actor: ComplaintActor, scope: TeamScope, ids: string[], now = new Date()): Promise<BulkOutcome> {
  return prisma.$transaction(async (tx) => {
    const { rows, missing } = await lockManageable(tx, actor, scope, ids);
    const outcome: BulkOutcome = { done: 0, already: 0, closed: 0, missing };
    const due = rows.filter((r) => {
      if (r.status === "CLOSED") outcome.closed++;
      else if (!checkComplaintAction(r.status, "acknowledge", false).ok) outcome.already++;
      else return true;
      return false;
    });
    if (!due.length) return outcome;
    const { count } = await tx.complaint.updateMany({
      where: { id: { in: due.map((r) => r.id) }, status: { in: ["ESCALATED", "LOGGED"] } },
      data: { ...acknowledgement(actor, now), version: { increment: 1 } },
    });
    outcome.done = count;
    await tx.complaintEvent.createMany({
      data: due.map((r) => ({ complaintId: r.id, actorId: actor.id, kind: "ACKNOWLEDGED" as const, at: now })),
    });
    for (const r of due) {
      await notify(
        tx,
        [r.reporter_id],
        bulkRepNotice(r, "acknowledged by a manager", `${actor.name} acknowledged "${r.summary}". You will hear what is done about it.`),
        actor.id,
      );
    }
    return outcome;
  });
}

export async function bulkTag(actor: ComplaintActor, scope: TeamScope, ids: string[], themeId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const theme = await tx.theme.findUnique({ where: { id: themeId }, select: { id: true, name: true } });
    if (!theme) throw new ComplaintActionError("themeId", "That theme no longer exists (it may have been merged). Choose another.");
    const { rows, missing } = await lockManageable(tx, actor, scope, ids);
    const outcome: BulkOutcome = { done: 0, already: 0, closed: 0, missing };
    const open = rows.filter((r) => (r.status === "CLOSED" ? (outcome.closed++, false) : true));
    if (!open.length) return { theme, outcome };
    const tagged = await queryTagged(tx, open, theme.id, actor.id, now);
    outcome.done = tagged.length;
    outcome.already = open.length - tagged.length;
    const taggedRows = open.filter((r) => tagged.includes(r.id));
    if (!taggedRows.length) return { theme, outcome };
    await tx.complaint.updateMany({ where: { id: { in: tagged } }, data: { version: { increment: 1 }, updatedAt: now } });
    const note = `Added ${theme.name}.`;
    await tx.complaintEvent.createMany({
      data: taggedRows.map((r) => ({ complaintId: r.id, actorId: actor.id, kind: "THEMES_CHANGED" as const, at: now, note })),
    });
    for (const r of taggedRows) {
      await notify(
        tx,
        [r.reporter_id],
        bulkRepNotice(r, "themes changed", `${actor.name} filed "${r.summary}" under its themes. ${note}`),
        actor.id,
      );
    }
    return { theme, outcome };
  });
}

/** Tags each row with the theme unless it has it; returns the ids tagged now. */
async function queryTagged(tx: Tx, rows: BulkRow[], themeId: string, actorId: string, now: Date) {
  const values = Prisma.join(rows.map((r) => Prisma.sql`(${r.id}, ${themeId}, ${now.toISOString()}::timestamptz, ${actorId})`));
  const inserted = await tx.$queryRaw<Array<{ complaint_id: string }>>(Prisma.sql`
    INSERT INTO complaint_themes (complaint_id, theme_id, tagged_at, tagged_by_id) VALUES ${values}
    ON CONFLICT (complaint_id, theme_id) DO NOTHING
    RETURNING complaint_id`);
  return inserted.map((r) => r.complaint_id);
}

function were(n: number) {
  return n === 1 ? "was" : "were";
}

/** "3 acknowledged, 1 was already acknowledged": what the inbox's flash message says. */
export function describeBulkOutcome(outcome: BulkOutcome, action: "acknowledge" | "tag", themeName = "") {
  const parts =
    action === "acknowledge"
      ? [`${outcome.done} acknowledged`, outcome.already ? `${outcome.already} ${were(outcome.already)} already acknowledged` : ""]
      : [`${outcome.done} tagged with ${themeName}`, outcome.already ? `${outcome.already} already had that theme` : ""];
  if (outcome.closed)
    parts.push(
      `${outcome.closed} ${outcome.closed === 1 ? "is" : "are"} closed and ${were(outcome.closed)} left as ${outcome.closed === 1 ? "it was" : "they were"}`,
    );
  if (outcome.missing) parts.push(`${outcome.missing} ${were(outcome.missing)} not found among your teams' complaints`);
  return `${parts.filter(Boolean).join(", ")}.`;
}
