// Ratings and recovery cases for tests: resolved requests, ratings and cases written straight to
// the database (so a test can start from any age or step), and the rate and recovery pages
// opened and posted as a signed-in person would. Reusable by any test file (scorecards, kudos).
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import * as ratePage from "~/routes/requests.$number_.rate";
import * as recoveryPage from "~/routes/requests.$number_.recovery";
import { formatRequestNumber } from "~/utils/request-number";
import type { MembershipRole, RatingKind, RecoveryStatus, Request as RequestRow, Team, User } from "~/generated/prisma/client";
import { addMember, createRequest, createRequestType, createTeam, createUser, type CreateRequestOptions } from "./factories";
import { callAction, callLoader, formRequest, getRequest, signInAs } from "./http";

const DAY = 24 * 60 * 60 * 1000;

/** A request the provider resolved `resolvedDaysAgo` days ago (default: just now). */
export function resolveRequest(options: CreateRequestOptions & { resolvedDaysAgo?: number } = {}) {
  const { resolvedDaysAgo = 0, ...rest } = options;
  return createRequest({ status: "RESOLVED", resolvedAt: new Date(Date.now() - resolvedDaysAgo * DAY), ...rest });
}

export interface CreateRatingOptions {
  kind?: RatingKind;
  overall?: number;
  exceededExpectations?: boolean;
  comment?: string;
  createdAt?: Date;
  /** Scores of the seven expectations, e.g. { reliability: 2 }. */
  dimensions?: Partial<
    Record<
      "availability" | "responsiveness" | "timeliness" | "comprehensiveness" | "pleasantness" | "reliability" | "overallService",
      number
    >
  >;
}

/** A rating by the request's requester, with its RATED (or RERATED) event. */
export async function createRating(request: RequestRow, options: CreateRatingOptions = {}) {
  const kind = options.kind ?? "FIRST";
  const createdAt = options.createdAt ?? new Date();
  const rating = await prisma.rating.create({
    data: {
      id: crypto.randomUUID(),
      requestId: request.id,
      raterId: request.requesterId,
      kind,
      overall: options.overall ?? 4,
      exceededExpectations: options.exceededExpectations ?? false,
      comment: options.comment ?? "",
      ...options.dimensions,
      createdAt,
    },
  });
  await prisma.requestEvent.create({
    data: { requestId: request.id, actorId: request.requesterId, kind: kind === "FIRST" ? "RATED" : "RERATED", at: createdAt },
  });
  return rating;
}

export interface CreateRecoveryCaseOptions {
  status?: RecoveryStatus;
  /** Defaults to the request's provider team. */
  waitingOnTeamId?: string;
  escalationLevel?: number;
  /** Defaults to two days from now. */
  acknowledgeDueAt?: Date;
  createdAt?: Date;
  ownerId?: string | null;
}

/** A recovery case for a poor FIRST rating, at any step, with the timestamps its step implies. */
export async function createRecoveryCase(request: RequestRow, ratingId: string, options: CreateRecoveryCaseOptions = {}) {
  const status = options.status ?? "OPEN";
  const order: RecoveryStatus[] = ["OPEN", "ACKNOWLEDGED", "APOLOGY_SENT", "ACTION_RECORDED", "CLOSED"];
  const reached = (s: RecoveryStatus) => order.indexOf(status) >= order.indexOf(s);
  const now = new Date();
  const recoveryCase = await prisma.recoveryCase.create({
    data: {
      id: crypto.randomUUID(),
      requestId: request.id,
      ratingId,
      teamId: request.providerTeamId,
      waitingOnTeamId: options.waitingOnTeamId ?? request.providerTeamId,
      escalationLevel: options.escalationLevel ?? 0,
      status,
      acknowledgeDueAt: options.acknowledgeDueAt ?? new Date(now.getTime() + 2 * DAY),
      createdAt: options.createdAt ?? now,
      acknowledgedAt: reached("ACKNOWLEDGED") ? now : null,
      ownerId: options.ownerId ?? null,
      apologySentAt: reached("APOLOGY_SENT") ? now : null,
      apologyNote: reached("APOLOGY_SENT") ? "We are sorry." : null,
      actionRecordedAt: reached("ACTION_RECORDED") ? now : null,
      correctiveAction: reached("ACTION_RECORDED") ? "We changed the checklist." : null,
      closedAt: reached("CLOSED") ? now : null,
    },
  });
  await prisma.requestEvent.create({
    data: { requestId: request.id, actorId: null, kind: "RECOVERY_OPENED", at: recoveryCase.createdAt, toTeamId: request.providerTeamId },
  });
  return recoveryCase;
}

/** A resolved request rated `overall` (default 1) with its recovery case (open unless `recovery.status` says). */
export async function createPoorlyRatedRequest(
  options: CreateRequestOptions & { overall?: number; recovery?: CreateRecoveryCaseOptions } = {},
) {
  const { overall, recovery, ...requestOptions } = options;
  const request = await resolveRequest(requestOptions);
  const rating = await createRating(request, { overall: overall ?? 1 });
  const recoveryCase = await createRecoveryCase(request, rating.id, recovery);
  return { request, rating, recoveryCase };
}

// ---------------------------------------------------------------------------------------------

/** The fields of a complete rating form; blanks left out as a browser sends them (empty). */
export function ratingFields(overrides: Record<string, string> = {}): Record<string, string> {
  return { mode: "rate", overall: "4", exceeded: "no", comment: "", ...overrides };
}

const PAGES = { rate: ratePage, recovery: recoveryPage } as const;

/** GET /requests/REQ-<n>/<page>, as its loader answers it. */
function openPage(page: keyof typeof PAGES, cookie: string, number: number) {
  const ref = formatRequestNumber(number);
  return callLoader(PAGES[page], getRequest(`/requests/${ref}/${page}`, { cookie }), { number: ref });
}

/** POST a form to /requests/REQ-<n>/<page>, as its action answers it. */
function postPage(page: keyof typeof PAGES, cookie: string, number: number, fields: Record<string, string>) {
  const ref = formatRequestNumber(number);
  return callAction(PAGES[page], formRequest(`/requests/${ref}/${page}`, fields, { cookie }), { number: ref });
}

export const openRatePage = (cookie: string, number: number) => openPage("rate", cookie, number);
export const postRating = (cookie: string, number: number, fields: Record<string, string>) => postPage("rate", cookie, number, fields);
export const openRecoveryPage = (cookie: string, number: number) => openPage("recovery", cookie, number);
export const postRecoveryStep = (cookie: string, number: number, fields: Record<string, string>) =>
  postPage("recovery", cookie, number, fields);

// ---------------------------------------------------------------------------------------------

/**
 * The organisation the rating and recovery tests share: Operations (managed by Otto) above IT
 * (Alex and Bea work it, Mia manages it), Sales (Rita the requester and her colleague Colin),
 * Marketing (Olga, an outsider), and an admin.
 */
export async function createServiceOrg() {
  const operations = await createTeam({ name: "Operations", slug: "operations" });
  const it = await createTeam({ name: "IT", slug: "it", acceptsRequests: true, parentId: operations.id });
  const sales = await createTeam({ name: "Sales", slug: "sales" });
  const marketing = await createTeam({ name: "Marketing", slug: "marketing" });
  const laptop = await createRequestType(it.id, { name: "New laptop" });
  const people = {
    requester: await createUser({ name: "Rita Requester" }),
    colleague: await createUser({ name: "Colin Colleague" }),
    agent: await createUser({ name: "Alex Agent" }),
    agent2: await createUser({ name: "Bea Agent" }),
    itManager: await createUser({ name: "Mia Manager" }),
    opsManager: await createUser({ name: "Otto Ops" }),
    outsider: await createUser({ name: "Olga Outsider" }),
    admin: await createUser({ name: "Ada Admin", role: "ADMIN" }),
  };
  const memberships: Array<[User, Team, MembershipRole]> = [
    [people.requester, sales, "MEMBER"],
    [people.colleague, sales, "MEMBER"],
    [people.agent, it, "MEMBER"],
    [people.agent2, it, "MEMBER"],
    [people.itManager, it, "MANAGER"],
    [people.opsManager, operations, "MANAGER"],
    [people.outsider, marketing, "MEMBER"],
  ];
  for (const [user, team, role] of memberships) await addMember(user.id, team.id, role);
  /** Rita's laptop request to IT, handled by Alex. */
  const itRequest = {
    requesterId: people.requester.id,
    requestingTeamId: sales.id,
    providerTeamId: it.id,
    typeId: laptop.id,
    assigneeId: people.agent.id,
  };
  return { teams: { operations, it, sales, marketing }, laptop, itRequest, ...people };
}

const cookies = new Map<string, Promise<string>>();

/** A signed-in cookie for the user, made once per test file. */
export function cookieFor(user: Pick<User, "id">) {
  if (!cookies.has(user.id)) cookies.set(user.id, signInAs(user.id));
  return cookies.get(user.id)!;
}

/** Who was told what about a request, as "name: KIND", sorted. */
export async function toldAbout(request: Pick<RequestRow, "id">) {
  const rows = await prisma.notification.findMany({
    where: { requestId: request.id },
    select: { kind: true, user: { select: { name: true } } },
  });
  return rows.map((n) => `${n.user.name}: ${n.kind}`).sort();
}
