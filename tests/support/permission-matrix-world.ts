// The organisation the permission matrix (tests/support/permission-matrix.ts) runs against: a
// small hierarchy, one person in each role, one record of every type owned by the provider team,
// and helpers that make a fresh record for each attempt to change one (so one role's successful
// post can't make the next role's attempt fail for another reason).
//
//   Company ─┬─ Operations ─┬─ Support desk   (the provider team: it owns every record below)
//            │              └─ Facilities     (where requests and complaints are transferred to)
//            ├─ Finance                       (the other branch)
//            └─ Sales                         (the requester's team)
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { issueAuthToken } from "~/models/auth-token.server";
import type { Complaint, Feedback, Kudos, Team, User } from "~/generated/prisma/client";
import type { ComplaintStatus, Request as RequestRow, RequestStatus } from "~/generated/prisma/client";
import { addMember, createRequest, createRequestType, createTeam, createUser } from "./factories";
import * as requestPage from "~/routes/requests.$number";
import { formatRequestNumber } from "~/utils/request-number";
import { addSighting, createCategory, createComplaint, type CreateComplaintOptions } from "./complaint-factories";
import { createPoorlyRatedRequest, type CreateRecoveryCaseOptions } from "./rating-factories";
import { insertFeedback } from "./feedback";
import { callAction, formRequest, signInAs } from "./http";

/** Who asks. Every row of the matrix says what each of them gets. */
export const ROLES = ["anonymous", "employee", "requester", "provider", "manager", "aboveManager", "otherManager", "admin"] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, "anonymous">;

/** What each role is, in words, for test names and messages. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  anonymous: "not signed in",
  employee: "a plain member of Finance",
  requester: "the Sales member who raised the records (requester, reporting rep, feedback author)",
  provider: "a member of Support desk, the team that provides the records",
  manager: "the manager of Support desk",
  aboveManager: "the manager of Operations, the team above Support desk",
  otherManager: "the manager of Finance (another branch)",
  admin: "an admin (member of no team)",
};

/** The team each role asks from when raising a request ("" for none). */
const REQUESTING_TEAM: Record<SignedInRole, keyof World["teams"] | null> = {
  employee: "finance",
  requester: "sales",
  provider: "support",
  manager: "support",
  aboveManager: "operations",
  otherManager: "finance",
  admin: null,
};

export interface World {
  teams: { company: Team; operations: Team; support: Team; facilities: Team; finance: Team; sales: Team };
  users: Record<SignedInRole, User> & { colleague: User; invitee: User };
  cookies: Record<SignedInRole, string>;
  supportType: { id: string };
  facilitiesType: { id: string };
  category: { id: string; name: string };
  theme: { id: string; name: string };
  /** NEW, raised by the requester for Sales, to Support desk, with an internal note by the provider member. */
  request: RequestRow;
  internalNote: string;
  /** Resolved, rated 1, with an open recovery case. */
  recovered: RequestRow;
  /** Routed to Support desk, logged by the requester, with the customer's contact. */
  complaint: Complaint;
  /** Another of the requester's complaints, which the employee heard too (and so may see, without the contact). */
  heardComplaint: Complaint;
  /** The requester's signed feedback to Support desk. */
  signedFeedback: Feedback;
  /** Anonymous feedback to Support desk, already announced to its readers. */
  anonymousFeedback: Feedback;
  /** Anonymous feedback the daily batch has not announced yet: nobody reads it. */
  unannouncedFeedback: Feedback;
  teamKudos: Kudos;
  savedView: { id: string; name: string };
  notification: { id: string; title: string };
  invitationToken: string;
  resetToken: string;
}

let counter = 0;
/** Unique within the file: names, emails and form tokens of what the attempts create. */
export function unique(prefix = "m") {
  counter += 1;
  return `${prefix}${counter}-${crypto.randomBytes(3).toString("hex")}`;
}

export function todayIso(offsetDays = 0) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export async function buildWorld(): Promise<World> {
  const company = await createTeam({ name: "Company", slug: "company" });
  const operations = await createTeam({ name: "Operations", slug: "operations", parentId: company.id });
  const support = await createTeam({ name: "Support desk", slug: "support-desk", parentId: operations.id, acceptsRequests: true });
  const facilities = await createTeam({ name: "Facilities", slug: "facilities", parentId: operations.id, acceptsRequests: true });
  const finance = await createTeam({ name: "Finance", slug: "finance", parentId: company.id });
  const sales = await createTeam({ name: "Sales", slug: "sales", parentId: company.id });
  const teams = { company, operations, support, facilities, finance, sales };

  const users = {
    employee: await createUser({ name: "Erin Employee" }),
    requester: await createUser({ name: "Rita Requester" }),
    provider: await createUser({ name: "Paul Provider" }),
    manager: await createUser({ name: "Mona Manager" }),
    aboveManager: await createUser({ name: "Abe Abovemanager" }),
    otherManager: await createUser({ name: "Oscar Othermanager" }),
    admin: await createUser({ name: "Ada Admin", role: "ADMIN" }),
    colleague: await createUser({ name: "Cole Colleague" }),
    invitee: await createUser({ name: "Ivy Invitee", password: null }),
  };
  await addMember(users.employee.id, finance.id);
  await addMember(users.requester.id, sales.id);
  await addMember(users.provider.id, support.id);
  await addMember(users.colleague.id, support.id);
  await addMember(users.manager.id, support.id, "MANAGER");
  await addMember(users.aboveManager.id, operations.id, "MANAGER");
  await addMember(users.otherManager.id, finance.id, "MANAGER");

  const cookies = {} as Record<SignedInRole, string>;
  for (const role of ROLES) if (role !== "anonymous") cookies[role] = await signInAs(users[role].id);

  const supportType = await createRequestType(support.id, { name: "Laptop repair" });
  const facilitiesType = await createRequestType(facilities.id, { name: "Desk move" });
  const category = await createCategory({ name: "Billing & refunds", ownerTeamId: support.id });
  const theme = await prisma.theme.create({ data: { id: crypto.randomUUID(), name: "Late refunds" } });

  const partial: Base = { teams, users, supportType, facilitiesType, category };
  const request = await newRequest(partial, { title: "Laptop will not boot (matrix)" });
  const internalNote = "Internal: the requester dropped it (matrix)";
  const ref = formatRequestNumber(request.number);
  const noted = await callAction(
    requestPage,
    formRequest(`/requests/${ref}`, { intent: "note", formToken: unique("note-token-"), body: internalNote }, { cookie: cookies.provider }),
    { number: ref },
  );
  if (noted.status !== 302) throw new Error(`Adding the internal note answered ${noted.status}`);
  const { request: recovered } = await newRecoveryCase(partial);
  const complaint = await newComplaint(partial, {
    summary: "Charged twice for one order (matrix)",
    customerName: "Carla Customer",
    customerEmail: "carla@example.com",
  });
  const heardComplaint = await newComplaint(partial, {
    summary: "Parcel left in the rain (matrix)",
    customerName: "Hugo Heard",
    customerEmail: "hugo@example.com",
  });
  await addSighting(heardComplaint.id, { reporterId: users.employee.id });
  const signedFeedback = await newFeedback(partial, { subject: "Signed: the queue is slow (matrix)" });
  const anonymousFeedback = await prisma.feedback.update({
    where: { id: (await insertFeedback({ teamId: support.id, on: todayIso(), announced: true })).id },
    data: { subject: "Anonymous: please answer faster (matrix)" },
  });
  const unannouncedFeedback = await prisma.feedback.update({
    where: { id: (await insertFeedback({ teamId: support.id, on: todayIso(), announced: false })).id },
    data: { subject: "Anonymous, not yet announced (matrix)" },
  });
  const teamKudos = await newKudos(partial, "team");
  const savedView = await newSavedView(partial);
  const notification = await newNotification(users.provider.id);
  const invitationToken = await prisma.$transaction((tx) => issueAuthToken(tx, users.invitee.id, "INVITATION"));
  const resetToken = await prisma.$transaction((tx) => issueAuthToken(tx, users.colleague.id, "PASSWORD_RESET"));

  return {
    ...partial,
    cookies,
    theme,
    request,
    internalNote,
    recovered,
    complaint,
    heardComplaint,
    signedFeedback,
    anonymousFeedback,
    unannouncedFeedback,
    teamKudos,
    savedView,
    notification,
    invitationToken,
    resetToken,
  };
}

// ---------------------------------------------------------------------------------------------
// Fresh records, one per attempt.

type Base = Pick<World, "teams" | "users" | "supportType" | "facilitiesType" | "category">;

/** A request from the requester (for Sales) to Support desk. */
export function newRequest(w: Base, options: { status?: RequestStatus; title?: string } = {}) {
  return createRequest({
    requesterId: w.users.requester.id,
    requestingTeamId: w.teams.sales.id,
    providerTeamId: w.teams.support.id,
    typeId: w.supportType.id,
    title: options.title ?? `Request ${unique()}`,
    status: options.status,
  });
}

/** A resolved request of the requester's, rated 1, with its recovery case at `status`. */
export async function newRecoveryCase(w: Base, recovery: CreateRecoveryCaseOptions = {}) {
  const { request, recoveryCase } = await createPoorlyRatedRequest({
    requesterId: w.users.requester.id,
    requestingTeamId: w.teams.sales.id,
    providerTeamId: w.teams.support.id,
    typeId: w.supportType.id,
    recovery,
  });
  return { request, recoveryCase };
}

/** A complaint the requester logged, routed to Support desk. */
export function newComplaint(w: Base, options: CreateComplaintOptions & { status?: ComplaintStatus } = {}) {
  return createComplaint({
    reporterId: w.users.requester.id,
    categoryId: w.category.id,
    routedTeamId: w.teams.support.id,
    summary: `Complaint ${unique()}`,
    ...options,
  });
}

/** The requester's signed feedback to Support desk. */
export async function newFeedback(w: Base, options: { subject?: string } = {}) {
  const entry = await insertFeedback({ teamId: w.teams.support.id, on: todayIso(), anonymous: false, authorId: w.users.requester.id });
  return prisma.feedback.update({ where: { id: entry.id }, data: { subject: options.subject ?? `Feedback ${unique()}` } });
}

/** The requester's kudos to Support desk, or to one of its members. */
export function newKudos(w: Base, to: "team" | "member") {
  return prisma.kudos.create({
    data: {
      id: crypto.randomUUID(),
      authorId: w.users.requester.id,
      recipientTeamId: to === "team" ? w.teams.support.id : null,
      recipientUserId: to === "member" ? w.users.colleague.id : null,
      message: `Thank you ${unique()}`,
    },
  });
}

/** A saved view of Support desk's queue, the provider member's. */
export function newSavedView(w: Base) {
  return prisma.savedView.create({
    data: {
      id: crypto.randomUUID(),
      userId: w.users.provider.id,
      teamId: w.teams.support.id,
      name: `View ${unique()}`,
      query: "status=NEW",
    },
    select: { id: true, name: true },
  });
}

/** An unread notification for `userId`. */
export function newNotification(userId: string) {
  return prisma.notification.create({
    data: { id: crypto.randomUUID(), userId, kind: "REQUEST_ASSIGNED", title: `Notice ${unique()}`, link: "/requests" },
    select: { id: true, title: true },
  });
}

export function newTheme() {
  return prisma.theme.create({ data: { id: crypto.randomUUID(), name: `Theme ${unique()}` } });
}

/** The team `role` asks from when raising a request, as the form's value. */
export function requestingTeamOf(w: World, role: SignedInRole) {
  const team = REQUESTING_TEAM[role];
  return team ? w.teams[team].id : "";
}

/**
 * A new person standing in for `role` (same global role, same memberships) with a session of
 * their own, for posts that end the poster's sessions (sign out, password change). For the
 * anonymous role: a plain employee, and no cookie.
 */
export async function standIn(w: World, role: Role): Promise<{ user: User; cookie: string | null }> {
  const model = role === "anonymous" ? null : w.users[role];
  const user = await createUser({ role: model?.role ?? "EMPLOYEE" });
  if (model) {
    const memberships = await prisma.membership.findMany({ where: { userId: model.id } });
    for (const m of memberships) await addMember(user.id, m.teamId, m.role);
  }
  return { user, cookie: model ? await signInAs(user.id) : null };
}

/** The session cookie of `role` (none when anonymous). */
export function cookieOf(w: World, role: Role) {
  return role === "anonymous" ? null : w.cookies[role];
}

/** The user `role` is, or a fresh person for the anonymous role (whose details a form needs). */
export async function personFor(w: World, role: Role) {
  return role === "anonymous" ? createUser() : w.users[role];
}
