// The permission matrix: for every route file in app/routes, every loader and every action (each
// intent a route handles), what each role gets — DESIGN.md "Permissions (default)" and SECURITY.md
// "Access control" as one table. tests/integration/permission-matrix.test.ts turns each row into a
// case per role and fails for a route file without an entry here.
//
// Outcomes:
//   ok         allowed: 200, or a redirect that is not to the sign-in page; a post changes what its
//              snapshot covers (and a redirect's flash message, if any, is a success).
//   login      redirected to /login; nothing changes.
//   not-found  404, and the answer does not contain the record; nothing changes. A record the
//              person may not see, and a page above their role, answer as if they did not exist.
//   forbidden  403: the person may see the record but not do that (the requester assigning their
//              own request); nothing changes.
//   home       a signed-in person opening a sign-in page is sent home ("/").
//   ignored    a form that names a record the person may not reach (in a field, not the address)
//              answers exactly as it does for a record that does not exist (the row's `missing`
//              post) — a bulk action's "not found among your teams'", a form's "we couldn't find
//              REQ-n" — and nothing changes.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { issueAuthToken } from "~/models/auth-token.server";
import { formatRequestNumber } from "~/utils/request-number";
import { formatComplaintNumber } from "~/utils/complaint-rules";
import type { ComplaintStatus, RecoveryStatus } from "~/generated/prisma/client";
import { REQUEST_INTENTS } from "~/validation/request-actions";
import { MANAGE_INTENTS } from "~/validation/complaint-manage";
import { THEME_INTENTS } from "~/validation/themes";
import { RECOVERY_STEP_ORDER } from "~/utils/recovery-lifecycle";
import { createRequestType, createTeam, createUser, addMember, DEFAULT_PASSWORD } from "./factories";
import { createCategory } from "./complaint-factories";
import { sendFeedback } from "./feedback";
import { readJson, type RouteParams } from "./http";
import {
  newComplaint,
  newFeedback,
  newKudos,
  newNotification,
  newRecoveryCase,
  newRequest,
  newSavedView,
  newTheme,
  personFor,
  requestingTeamOf,
  standIn,
  todayIso,
  unique,
  type Role,
  type World,
} from "./permission-matrix-world";

export type Outcome = "ok" | "login" | "not-found" | "forbidden" | "home" | "ignored";
export type Expectations = Record<Role, Outcome>;
type Fields = Record<string, string | string[]>;

export interface LoaderRow {
  /** What the row asks for, e.g. "by number". */
  name: string;
  url: (w: World) => string;
  params?: (w: World) => RouteParams;
  /** Text of the record the page is about: an allowed answer contains it, a denied one must not. */
  shows?: (w: World) => string;
  /**
   * For lists that everyone may open but that must show the record only to some: the roles whose
   * answer contains `shows`; every other answer must not. (Default: every role that gets "ok".)
   */
  showsTo?: Role[];
  expect: Expectations;
}

export interface Attempt {
  url: string;
  params?: RouteParams;
  /** The form as the page would post it: valid, so a denial is a denial and not a validation error. */
  fields: Fields;
  /** What the post may change, comparably: equal after a denial, different after a success. */
  snapshot?: () => Promise<unknown>;
  /** Sent instead of the role's own session (a stand-in's); null sends none. */
  cookie?: string | null;
  /** More checks of an allowed answer. */
  verify?: (response: Response, body: string) => void | Promise<void>;
  /** The same post naming a record that doesn't exist: an "ignored" answer must not differ from it. */
  missing?: Fields;
}

export interface ActionRow {
  /** The form's `intent` value (or what the form does, for a route with one form). */
  intent: string;
  /** Which record or case, when one intent has several rows. */
  variant?: string;
  /** Builds what the post acts on — fresh for each role — and the post itself. */
  attempt: (w: World, role: Role) => Promise<Attempt>;
  expect: Expectations;
  /** A successful post ends on the sign-in page (signing out). */
  signsOut?: boolean;
}

export interface RouteEntry {
  loader?: LoaderRow[];
  action?: ActionRow[];
}

// ---------------------------------------------------------------------------------------------
// Who gets what: one line per audience, used by the rows below.

// prettier-ignore
const SIGNED_IN: Expectations =         { anonymous: "login", employee: "ok",        requester: "ok",        provider: "ok",        manager: "ok",        aboveManager: "ok", otherManager: "ok",        admin: "ok" };
// prettier-ignore
const EVERYONE: Expectations =          { anonymous: "ok",    employee: "ok",        requester: "ok",        provider: "ok",        manager: "ok",        aboveManager: "ok", otherManager: "ok",        admin: "ok" };
// prettier-ignore
const SIGNED_OUT_PAGE: Expectations =   { anonymous: "ok",    employee: "home",      requester: "home",      provider: "home",      manager: "home",      aboveManager: "home", otherManager: "home",      admin: "home" };
// prettier-ignore
const SENT_HOME: Expectations =         { anonymous: "home",  employee: "home",      requester: "home",      provider: "home",      manager: "home",      aboveManager: "home", otherManager: "home",      admin: "home" };
// prettier-ignore
const SENT_TO_SIGN_IN: Expectations =   { anonymous: "login", employee: "login",     requester: "login",     provider: "login",     manager: "login",     aboveManager: "login", otherManager: "login",     admin: "login" };
// prettier-ignore
const ADMINS: Expectations =            { anonymous: "login", employee: "not-found", requester: "not-found", provider: "not-found", manager: "not-found", aboveManager: "not-found", otherManager: "not-found", admin: "ok" };
/** Inbox, themes, dashboards, recovery list, feedback inbox: anyone who manages a team, and admins. */
// prettier-ignore
const ANY_MANAGER: Expectations =       { anonymous: "login", employee: "not-found", requester: "not-found", provider: "not-found", manager: "ok",        aboveManager: "ok", otherManager: "ok",        admin: "ok" };
/** What belongs to Support desk's managers: its complaints, feedback, catalogue, kudos to hide. */
// prettier-ignore
const SUPPORT_MANAGERS: Expectations =  { anonymous: "login", employee: "not-found", requester: "not-found", provider: "not-found", manager: "ok",        aboveManager: "ok", otherManager: "not-found", admin: "ok" };
/** Support desk's queue and scorecard: its members, its managers, admins. */
// prettier-ignore
const SUPPORT_WORKERS: Expectations =   { anonymous: "login", employee: "not-found", requester: "not-found", provider: "ok",        manager: "ok",        aboveManager: "ok", otherManager: "not-found", admin: "ok" };
/** A request: its requester (and the requesting team), the provider team, its managers, admins. */
// prettier-ignore
const REQUEST_VIEWERS: Expectations =   { anonymous: "login", employee: "not-found", requester: "ok",        provider: "ok",        manager: "ok",        aboveManager: "ok", otherManager: "not-found", admin: "ok" };
/** Working a request (assign, notes, promises, transfers): the provider side; the requester sees it but may not. */
// prettier-ignore
const REQUEST_WORKERS: Expectations =   { anonymous: "login", employee: "not-found", requester: "forbidden", provider: "ok",        manager: "ok",        aboveManager: "ok", otherManager: "not-found", admin: "ok" };
/** Rating: the requester alone ("rate own"); others who see the request are told why not. */
// prettier-ignore
const REQUEST_RATER: Expectations =     { anonymous: "login", employee: "not-found", requester: "ok",        provider: "forbidden", manager: "forbidden", aboveManager: "forbidden", otherManager: "not-found", admin: "forbidden" };
/** Recovery steps: the rated team's managers (and above) and admins; others who see the case may not act. */
// prettier-ignore
const RECOVERY_ACTORS: Expectations =   { anonymous: "login", employee: "not-found", requester: "forbidden", provider: "forbidden", manager: "ok",        aboveManager: "ok", otherManager: "not-found", admin: "ok" };
/** A complaint: the rep who logged it, managers of the routed team (and above), admins — not its plain members. */
// prettier-ignore
const COMPLAINT_VIEWERS: Expectations = { anonymous: "login", employee: "not-found", requester: "ok",        provider: "not-found", manager: "ok",        aboveManager: "ok", otherManager: "not-found", admin: "ok" };
/** Signed feedback: its author and the addressed team's managers (and above), admins. */
const FEEDBACK_VIEWERS: Expectations = COMPLAINT_VIEWERS;
/** Personal things (notifications, saved views): their owner, the provider member, only. */
// prettier-ignore
const OWNER_ONLY: Expectations =        { anonymous: "login", employee: "not-found", requester: "not-found", provider: "ok",        manager: "not-found", aboveManager: "not-found", otherManager: "not-found", admin: "not-found" };
// prettier-ignore
const NOWHERE: Expectations =           { anonymous: "not-found", employee: "not-found", requester: "not-found", provider: "not-found", manager: "not-found", aboveManager: "not-found", otherManager: "not-found", admin: "not-found" };
// prettier-ignore
const NOBODY: Expectations =            { anonymous: "login", employee: "not-found", requester: "not-found", provider: "not-found", manager: "not-found", aboveManager: "not-found", otherManager: "not-found", admin: "not-found" };

function but(base: Expectations, changes: Partial<Expectations>): Expectations {
  return { ...base, ...changes };
}

// ---------------------------------------------------------------------------------------------
// Addresses and snapshots.

const reqRef = (r: { number: number }) => formatRequestNumber(r.number);
const cmpRef = (c: { number: number }) => formatComplaintNumber(c.number);

function requestState(id: string) {
  return prisma.request.findUniqueOrThrow({
    where: { id },
    include: { _count: { select: { comments: true, events: true, ratings: true } } },
  });
}
function complaintState(id: string) {
  return prisma.complaint.findUniqueOrThrow({
    where: { id },
    include: { _count: { select: { sightings: true, themes: true, events: true } } },
  });
}
function feedbackState(id: string) {
  return prisma.feedback.findUniqueOrThrow({ where: { id }, include: { _count: { select: { responses: true } } } });
}
function recoveryState(requestId: string) {
  return prisma.recoveryCase.findUniqueOrThrow({ where: { requestId } });
}
function personState(id: string) {
  return prisma.user.findUniqueOrThrow({ where: { id }, include: { password: true, authTokens: true, memberships: true } });
}
function teamState(id: string) {
  return prisma.team.findUniqueOrThrow({ where: { id }, include: { memberships: { orderBy: { userId: "asc" } } } });
}
function sessionsOf(userId: string) {
  return prisma.session.count({ where: { userId } });
}

/** A random form token, as the pages hand out. */
function formToken() {
  return crypto.randomBytes(24).toString("base64url");
}

const NEW_PASSWORD = "a brand new passphrase";
let settingsCounter = 0;

const requestTypeForm = (name: string) => ({
  name,
  description: "Broken chairs, wobbly desks.",
  defaultPriority: "LOW",
  firstResponseTarget: "4",
  firstResponseUnit: "hours",
  resolutionTarget: "5",
  resolutionUnit: "days",
  active: "on",
});

// ---- request page and its sub-pages

/** A post to a fresh NEW request's page. */
function requestPost(fields: (w: World, role: Role) => Fields) {
  return async (w: World, role: Role): Promise<Attempt> => {
    const r = await newRequest(w);
    return {
      url: `/requests/${reqRef(r)}`,
      params: { number: reqRef(r) },
      fields: { version: String(r.version), ...fields(w, role) },
      snapshot: () => requestState(r.id),
    };
  };
}

/** A recovery step on a fresh case at `from`. */
function recoveryStep(step: string, from: RecoveryStatus, note: string) {
  return async (w: World): Promise<Attempt> => {
    const { request, recoveryCase } = await newRecoveryCase(w, { status: from });
    return {
      url: `/requests/${reqRef(request)}/recovery`,
      params: { number: reqRef(request) },
      fields: { step, version: String(recoveryCase.version), note },
      snapshot: () => recoveryState(request.id),
    };
  };
}

// ---- complaints

/** A post to the manage page of a fresh complaint at `status` (with a response when `responded`). */
function managePost(status: ComplaintStatus, fields: (w: World) => Fields, responded = false) {
  return async (w: World): Promise<Attempt> => {
    const c = await newComplaint(w, { status, ...(responded ? { response: "We refunded the second charge." } : {}) });
    return {
      url: `/complaints/${cmpRef(c)}/manage`,
      params: { number: cmpRef(c) },
      fields: { version: String(c.version), ...fields(w) },
      snapshot: () => complaintState(c.id),
    };
  };
}

/** "Heard it too" from the log form, on a fresh complaint logged `daysAgo` days ago. */
function sightingFromLogForm(daysAgo: number) {
  return async (w: World): Promise<Attempt> => {
    const c = await newComplaint(w, { createdAt: new Date(Date.now() - daysAgo * 86_400_000) });
    const fields = { formToken: formToken(), sightingOf: cmpRef(c), channel: "PHONE", note: "A customer said the same today." };
    return {
      url: "/complaints/new",
      fields,
      snapshot: () => complaintState(c.id),
      missing: { ...fields, formToken: formToken(), sightingOf: "CMP-999999" },
    };
  };
}

function inboxPost(intent: string, extra: (w: World) => Fields = () => ({})) {
  return async (w: World): Promise<Attempt> => {
    const c = await newComplaint(w);
    return {
      url: "/complaints/inbox",
      fields: { intent, complaint: c.id, ...extra(w) },
      snapshot: () => complaintState(c.id),
      missing: { intent, complaint: "no-such-complaint", ...extra(w) },
    };
  };
}

// ---- feedback, kudos, notifications

function feedbackPost(fields: () => Fields) {
  return async (w: World): Promise<Attempt> => {
    const entry = await newFeedback(w);
    return { url: `/feedback/${entry.id}`, params: { id: entry.id }, fields: fields(), snapshot: () => feedbackState(entry.id) };
  };
}

function hideKudos(to: "team" | "member") {
  return async (w: World): Promise<Attempt> => {
    const kudos = await newKudos(w, to);
    return {
      url: "/kudos?index",
      fields: { intent: "hide", id: kudos.id, reason: "Not meant for the wall." },
      snapshot: () => prisma.kudos.findUniqueOrThrow({ where: { id: kudos.id } }),
    };
  };
}

function sendNewFeedback(anonymous: boolean) {
  return async (w: World): Promise<Attempt> => {
    const subject = `Subject ${unique()}`;
    return {
      url: "/feedback/new",
      fields: {
        formToken: formToken(),
        kind: "SUGGESTION",
        to: w.teams.support.id,
        subject,
        body: "Could the desk open earlier?",
        ...(anonymous ? { anonymous: "on" } : {}),
      },
      snapshot: () => prisma.feedback.count({ where: { subject } }),
    };
  };
}

function notificationPost(intent: "open" | "read") {
  return async (w: World): Promise<Attempt> => {
    const n = await newNotification(w.users.provider.id);
    return {
      url: "/notifications",
      fields: { intent, id: n.id },
      snapshot: () => prisma.notification.findUniqueOrThrow({ where: { id: n.id }, select: { readAt: true } }),
    };
  };
}

// ---- sign-in pages

function choosePassword(path: "invitation" | "reset-password") {
  return async (): Promise<Attempt> => {
    const person = await createUser(path === "invitation" ? { password: null } : {});
    const purpose = path === "invitation" ? "INVITATION" : "PASSWORD_RESET";
    const token = await prisma.$transaction((tx) => issueAuthToken(tx, person.id, purpose));
    return {
      url: `/${path}/${token}`,
      params: { token },
      fields: { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      snapshot: () => prisma.password.findUnique({ where: { userId: person.id } }),
    };
  };
}

// ---- admin pages

function adminPersonPost(
  intent: string,
  make: () => ReturnType<typeof createUser>,
  extra: (p: { email: string; updatedAt: Date }) => Fields = () => ({}),
) {
  return async (): Promise<Attempt> => {
    const person = await make();
    return {
      url: `/admin/people/${person.id}`,
      params: { id: person.id },
      fields: { intent, ...extra(person) },
      snapshot: () => personState(person.id),
    };
  };
}

function adminTeamPost(intent: string, memberAlready: boolean, extra: (team: { updatedAt: Date }, u: string) => Fields = () => ({})) {
  return async (): Promise<Attempt> => {
    const team = await createTeam();
    const person = await createUser();
    if (memberAlready) await addMember(person.id, team.id);
    return {
      url: `/admin/teams/${team.slug}`,
      params: { slug: team.slug },
      fields: { intent, userId: person.id, role: intent === "change-role" ? "MANAGER" : "MEMBER", ...extra(team, unique("t")) },
      snapshot: () => teamState(team.id),
    };
  };
}

// ---------------------------------------------------------------------------------------------
// The table: one entry per file in app/routes.

export const PERMISSION_MATRIX: Record<string, RouteEntry> = {
  "_index.tsx": {
    loader: [
      { name: "home page: the request", url: () => "/", shows: (w) => w.request.title, showsTo: ["requester"], expect: SIGNED_IN },
      { name: "home page: the complaint", url: () => "/", shows: (w) => w.complaint.summary, showsTo: ["requester"], expect: SIGNED_IN },
      { name: "home page: a notification", url: () => "/", shows: (w) => w.notification.title, showsTo: ["provider"], expect: SIGNED_IN },
    ],
  },

  "account.tsx": {
    loader: [{ name: "own account", url: () => "/account", expect: SIGNED_IN }],
    // Posted by a stand-in: a password change signs the person out everywhere else.
    action: [
      {
        intent: "email-preference",
        expect: SIGNED_IN,
        attempt: async (w, role) => {
          const { user, cookie } = await standIn(w, role);
          return {
            url: "/account",
            cookie,
            fields: { intent: "email-preference", emailPreference: "DAILY_DIGEST" },
            snapshot: () => personState(user.id),
          };
        },
      },
      {
        intent: "change-password",
        expect: SIGNED_IN,
        attempt: async (w, role) => {
          const { user, cookie } = await standIn(w, role);
          return {
            url: "/account",
            cookie,
            fields: { intent: "change-password", currentPassword: DEFAULT_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
            snapshot: () => personState(user.id),
          };
        },
      },
    ],
  },

  // --- admin: every page answers 404 to everyone but admins (they don't exist as far as others can tell)
  "admin.tsx": { loader: [{ name: "admin layout", url: () => "/admin/people", expect: ADMINS }] },
  "admin._index.tsx": { loader: [{ name: "admin home", url: () => "/admin", expect: ADMINS }] },
  "admin.audit.tsx": { loader: [{ name: "audit log", url: () => "/admin/audit", expect: ADMINS }] },
  "admin.settings.tsx": {
    loader: [{ name: "settings", url: () => "/admin/settings", expect: ADMINS }],
    action: [
      {
        intent: "save",
        expect: ADMINS,
        attempt: async () => {
          settingsCounter += 1;
          return {
            url: "/admin/settings",
            fields: { contactRetentionDays: String(100 + settingsCounter), feedbackMinGroupSize: "5" },
            snapshot: () => prisma.appSetting.findMany({ orderBy: { key: "asc" } }),
          };
        },
      },
    ],
  },
  "admin.people._index.tsx": { loader: [{ name: "people", url: () => "/admin/people?status=all", expect: ADMINS }] },
  "admin.people.new.tsx": {
    loader: [{ name: "add-person form", url: () => "/admin/people/new", expect: ADMINS }],
    action: [
      {
        intent: "create",
        expect: ADMINS,
        attempt: async () => {
          const email = `${unique("new")}@example.com`;
          return {
            url: "/admin/people/new",
            fields: { name: "New Person", email, title: "", role: "EMPLOYEE" },
            snapshot: () => prisma.user.count({ where: { email } }),
          };
        },
      },
    ],
  },
  "admin.people.$id.tsx": {
    loader: [
      {
        name: "a person by id",
        url: (w) => `/admin/people/${w.users.provider.id}`,
        params: (w) => ({ id: w.users.provider.id }),
        shows: (w) => w.users.provider.email,
        expect: ADMINS,
      },
    ],
    action: [
      {
        intent: "update",
        expect: ADMINS,
        attempt: adminPersonPost(
          "update",
          () => createUser(),
          (p) => ({
            name: `Renamed ${unique()}`,
            email: p.email,
            title: "Boss",
            role: "EMPLOYEE",
            version: p.updatedAt.toISOString(),
          }),
        ),
      },
      { intent: "deactivate", expect: ADMINS, attempt: adminPersonPost("deactivate", () => createUser()) },
      { intent: "reactivate", expect: ADMINS, attempt: adminPersonPost("reactivate", () => createUser({ active: false })) },
      { intent: "resend-invitation", expect: ADMINS, attempt: adminPersonPost("resend-invitation", () => createUser({ password: null })) },
    ],
  },
  "admin.teams._index.tsx": { loader: [{ name: "teams", url: () => "/admin/teams", expect: ADMINS }] },
  "admin.teams.new.tsx": {
    loader: [{ name: "new-team form", url: () => "/admin/teams/new", expect: ADMINS }],
    action: [
      {
        intent: "create",
        expect: ADMINS,
        attempt: async () => {
          const name = `Team ${unique()}`;
          return { url: "/admin/teams/new", fields: { name }, snapshot: () => prisma.team.count({ where: { name } }) };
        },
      },
    ],
  },
  "admin.teams.$slug.tsx": {
    loader: [
      {
        name: "Support desk by slug",
        url: () => "/admin/teams/support-desk",
        params: () => ({ slug: "support-desk" }),
        shows: (w) => w.users.provider.email,
        expect: ADMINS,
      },
    ],
    action: [
      {
        intent: "edit-team",
        expect: ADMINS,
        attempt: adminTeamPost("edit-team", false, (team, u) => ({
          name: `Renamed ${u}`,
          slug: `renamed-${u}`,
          complaintAckTarget: "48",
          complaintAckTargetUnit: "hours",
          version: team.updatedAt.toISOString(),
        })),
      },
      { intent: "add-member", expect: ADMINS, attempt: adminTeamPost("add-member", false) },
      { intent: "change-role", expect: ADMINS, attempt: adminTeamPost("change-role", true) },
      { intent: "remove-member", expect: ADMINS, attempt: adminTeamPost("remove-member", true) },
    ],
  },
  "admin.complaint-categories._index.tsx": {
    loader: [{ name: "categories", url: () => "/admin/complaint-categories", expect: ADMINS }],
  },
  "admin.complaint-categories.new.tsx": {
    loader: [{ name: "new-category form", url: () => "/admin/complaint-categories/new", expect: ADMINS }],
    action: [
      {
        intent: "create",
        expect: ADMINS,
        attempt: async (w) => {
          const name = `Category ${unique()}`;
          return {
            url: "/admin/complaint-categories/new",
            fields: { name, ownerTeamId: w.teams.support.id, active: "on" },
            snapshot: () => prisma.complaintCategory.count({ where: { name } }),
          };
        },
      },
    ],
  },
  "admin.complaint-categories.$id.tsx": {
    loader: [
      {
        name: "Support desk's category by id",
        url: (w) => `/admin/complaint-categories/${w.category.id}`,
        params: (w) => ({ id: w.category.id }),
        shows: (w) => w.category.name,
        expect: ADMINS,
      },
    ],
    action: [
      {
        intent: "update",
        expect: ADMINS,
        attempt: async (w) => {
          const category = await createCategory({ ownerTeamId: w.teams.support.id });
          return {
            url: `/admin/complaint-categories/${category.id}`,
            params: { id: category.id },
            fields: {
              name: `Renamed ${unique()}`,
              ownerTeamId: w.teams.facilities.id,
              active: "on",
              version: category.updatedAt.toISOString(),
            },
            snapshot: () => prisma.complaintCategory.findUniqueOrThrow({ where: { id: category.id } }),
          };
        },
      },
    ],
  },

  // --- complaints
  "complaints._index.tsx": {
    loader: [
      { name: "my complaints", url: () => "/complaints", shows: (w) => w.complaint.summary, showsTo: ["requester"], expect: SIGNED_IN },
    ],
  },
  "complaints.new.tsx": {
    loader: [{ name: "log form", url: () => "/complaints/new", expect: SIGNED_IN }],
    action: [
      {
        intent: "log",
        expect: SIGNED_IN,
        attempt: async (w) => {
          const summary = `Zq unusual wording ${unique()}`;
          return {
            url: "/complaints/new",
            fields: {
              formToken: formToken(),
              channel: "PHONE",
              categoryId: w.category.id,
              severity: "MEDIUM",
              summary,
              resolvedAtFrontLine: "no",
              choice: "new",
            },
            snapshot: () => prisma.complaint.count({ where: { summary } }),
          };
        },
      },
      // The log form offers every rep the open complaints of the last 90 days ("heard it too").
      { intent: "sighting", variant: "complaint logged today", expect: SIGNED_IN, attempt: sightingFromLogForm(0) },
      // Older ones only to those who may see them; anyone else is told to log it as new.
      {
        intent: "sighting",
        variant: "complaint logged 100 days ago",
        expect: but(COMPLAINT_VIEWERS, { employee: "ignored", provider: "ignored", otherManager: "ignored" }),
        attempt: sightingFromLogForm(100),
      },
    ],
  },
  // Suggestions are offered to every rep (summaries only, never the customer's contact).
  "complaints.similar.ts": {
    loader: [
      { name: "suggestions", url: () => "/complaints/similar?q=charged%20twice", shows: (w) => w.complaint.summary, expect: SIGNED_IN },
      {
        name: "suggestions: no contact",
        url: () => "/complaints/similar?q=charged%20twice",
        shows: () => "carla@example.com",
        showsTo: [],
        expect: SIGNED_IN,
      },
    ],
  },
  "complaints.$number.tsx": {
    loader: [
      {
        name: "by reference",
        url: (w) => `/complaints/${cmpRef(w.complaint)}`,
        params: (w) => ({ number: cmpRef(w.complaint) }),
        shows: (w) => w.complaint.summary,
        expect: COMPLAINT_VIEWERS,
      },
      {
        name: "by bare number",
        url: (w) => `/complaints/${w.complaint.number}`,
        params: (w) => ({ number: String(w.complaint.number) }),
        shows: (w) => w.complaint.summary,
        expect: COMPLAINT_VIEWERS,
      },
      // A rep who heard it too sees the complaint, but not the customer's contact.
      {
        name: "heard too by the employee",
        url: (w) => `/complaints/${cmpRef(w.heardComplaint)}`,
        params: (w) => ({ number: cmpRef(w.heardComplaint) }),
        shows: (w) => w.heardComplaint.summary,
        expect: but(COMPLAINT_VIEWERS, { employee: "ok" }),
      },
      {
        name: "heard too by the employee: the customer's contact",
        url: (w) => `/complaints/${cmpRef(w.heardComplaint)}`,
        params: (w) => ({ number: cmpRef(w.heardComplaint) }),
        shows: () => "hugo@example.com",
        showsTo: ["requester", "manager", "aboveManager", "admin"],
        expect: but(COMPLAINT_VIEWERS, { employee: "ok" }),
      },
    ],
    action: [
      {
        intent: "sighting",
        expect: COMPLAINT_VIEWERS,
        attempt: async (w) => {
          const c = await newComplaint(w);
          return {
            url: `/complaints/${cmpRef(c)}`,
            params: { number: cmpRef(c) },
            fields: { formToken: formToken(), channel: "EMAIL", note: "Heard it again." },
            snapshot: () => complaintState(c.id),
          };
        },
      },
    ],
  },
  "complaints.$number_.manage.tsx": {
    loader: [
      {
        name: "by reference",
        url: (w) => `/complaints/${cmpRef(w.complaint)}/manage`,
        params: (w) => ({ number: cmpRef(w.complaint) }),
        shows: (w) => w.complaint.summary,
        expect: SUPPORT_MANAGERS,
      },
      // The complaint page shows the contact (audited); the manage page never does.
      {
        name: "by reference: no contact",
        url: (w) => `/complaints/${cmpRef(w.complaint)}/manage`,
        params: (w) => ({ number: cmpRef(w.complaint) }),
        shows: () => "carla@example.com",
        showsTo: [],
        expect: SUPPORT_MANAGERS,
      },
    ],
    action: [
      { intent: "acknowledge", expect: SUPPORT_MANAGERS, attempt: managePost("ESCALATED", () => ({ intent: "acknowledge" })) },
      {
        intent: "themes",
        expect: SUPPORT_MANAGERS,
        attempt: managePost("ESCALATED", (w) => ({ intent: "themes", themeIds: [w.theme.id] })),
      },
      {
        intent: "plan",
        expect: SUPPORT_MANAGERS,
        attempt: managePost("ACKNOWLEDGED", () => ({ intent: "plan", plan: "Refund and call back." })),
      },
      {
        intent: "respond",
        expect: SUPPORT_MANAGERS,
        attempt: managePost("ACKNOWLEDGED", () => ({ intent: "respond", response: "We refunded the customer." })),
      },
      { intent: "close", expect: SUPPORT_MANAGERS, attempt: managePost("ACKNOWLEDGED", () => ({ intent: "close" }), true) },
      {
        intent: "reroute",
        expect: SUPPORT_MANAGERS,
        attempt: managePost("ESCALATED", (w) => ({
          intent: "reroute",
          toTeamId: w.teams.facilities.id,
          reason: "It is about the building.",
        })),
      },
    ],
  },
  "complaints.inbox.tsx": {
    loader: [
      {
        name: "manager inbox",
        url: () => "/complaints/inbox",
        shows: (w) => w.complaint.summary,
        showsTo: ["manager", "aboveManager", "admin"],
        expect: ANY_MANAGER,
      },
    ],
    // Finance's manager may use the inbox, but Support desk's complaint is "not found among your teams'".
    action: [
      { intent: "acknowledge", expect: but(SUPPORT_MANAGERS, { otherManager: "ignored" }), attempt: inboxPost("acknowledge") },
      {
        intent: "tag",
        expect: but(SUPPORT_MANAGERS, { otherManager: "ignored" }),
        attempt: inboxPost("tag", (w) => ({ themeId: w.theme.id })),
      },
    ],
  },
  "complaints.themes.tsx": {
    loader: [{ name: "themes", url: () => "/complaints/themes", expect: ANY_MANAGER }],
    action: [
      {
        intent: "create",
        expect: ANY_MANAGER,
        attempt: async () => {
          const name = `Theme ${unique()}`;
          return { url: "/complaints/themes", fields: { intent: "create", name }, snapshot: () => prisma.theme.count({ where: { name } }) };
        },
      },
      {
        intent: "rename",
        expect: ANY_MANAGER,
        attempt: async () => {
          const theme = await newTheme();
          return {
            url: "/complaints/themes",
            fields: { intent: "rename", themeId: theme.id, name: `Renamed ${unique()}` },
            snapshot: () => prisma.theme.findUniqueOrThrow({ where: { id: theme.id } }),
          };
        },
      },
      {
        intent: "merge",
        expect: ANY_MANAGER,
        attempt: async () => {
          const [from, into] = [await newTheme(), await newTheme()];
          return {
            url: "/complaints/themes",
            fields: { intent: "merge", themeId: from.id, intoId: into.id },
            snapshot: () => prisma.theme.count({ where: { id: { in: [from.id, into.id] } } }),
          };
        },
      },
    ],
  },

  // --- dashboards: managers (their teams and below) and admins; a team outside theirs is a 404
  "dashboards._index.tsx": { loader: [{ name: "dashboards", url: () => "/dashboards", expect: ANY_MANAGER }] },
  "dashboards.escalations.tsx": {
    loader: [
      { name: "own teams", url: () => "/dashboards/escalations", expect: ANY_MANAGER },
      { name: "Support desk by slug", url: () => "/dashboards/escalations?team=support-desk", expect: SUPPORT_MANAGERS },
    ],
  },
  "dashboards.escalations[.]csv.ts": {
    loader: [
      { name: "own teams", url: () => "/dashboards/escalations.csv?table=weekly", expect: ANY_MANAGER },
      { name: "Support desk by slug", url: () => "/dashboards/escalations.csv?table=heat&team=support-desk", expect: SUPPORT_MANAGERS },
    ],
  },
  "dashboards.escalations_.complaints.tsx": {
    loader: [
      {
        name: "own teams",
        url: () => "/dashboards/escalations/complaints?measure=heard",
        shows: (w) => w.complaint.summary,
        showsTo: ["manager", "aboveManager", "admin"],
        expect: ANY_MANAGER,
      },
      {
        name: "routed to Support desk",
        url: () => "/dashboards/escalations/complaints?measure=heard&routed=support-desk",
        expect: SUPPORT_MANAGERS,
      },
      {
        name: "Support desk by slug",
        url: () => "/dashboards/escalations/complaints?measure=open&team=support-desk",
        expect: SUPPORT_MANAGERS,
      },
    ],
  },
  "dashboards.escalations_.complaints[.]csv.ts": {
    loader: [
      {
        name: "own teams, with contacts",
        url: () => "/dashboards/escalations/complaints.csv?measure=heard&contact=1",
        shows: () => "carla@example.com",
        showsTo: ["manager", "aboveManager", "admin"],
        expect: ANY_MANAGER,
      },
      {
        name: "routed to Support desk, with contacts",
        url: () => "/dashboards/escalations/complaints.csv?measure=heard&contact=1&routed=support-desk",
        expect: SUPPORT_MANAGERS,
      },
    ],
  },
  "dashboards.service.tsx": {
    loader: [
      { name: "own teams", url: () => "/dashboards/service", expect: ANY_MANAGER },
      { name: "Support desk by slug", url: () => "/dashboards/service?team=support-desk", expect: SUPPORT_MANAGERS },
    ],
  },
  "dashboards.service[.]csv.ts": {
    loader: [
      { name: "own teams", url: () => "/dashboards/service.csv", expect: ANY_MANAGER },
      { name: "Support desk by slug", url: () => "/dashboards/service.csv?team=support-desk", expect: SUPPORT_MANAGERS },
    ],
  },

  // --- feedback
  "feedback._index.tsx": {
    loader: [
      { name: "my feedback", url: () => "/feedback", shows: (w) => w.signedFeedback.subject, showsTo: ["requester"], expect: SIGNED_IN },
    ],
    // The code is the key: anyone holding it may follow the entry it belongs to.
    action: [
      {
        intent: "follow",
        expect: SIGNED_IN,
        attempt: async (w) => {
          const sent = await sendFeedback(w.cookies.requester, { to: w.teams.support.id, anonymous: true });
          const { code } = (await readJson<{ sent: { code: string } }>(sent)).sent;
          return {
            url: "/feedback?index",
            fields: { code },
            verify: (_response, body) => {
              if (!(JSON.parse(body) as { followed: unknown }).followed) throw new Error("The entry was not shown");
            },
          };
        },
      },
    ],
  },
  "feedback.new.tsx": {
    loader: [{ name: "feedback form", url: () => "/feedback/new", expect: SIGNED_IN }],
    action: [
      { intent: "send", variant: "signed", expect: SIGNED_IN, attempt: sendNewFeedback(false) },
      { intent: "send", variant: "anonymous", expect: SIGNED_IN, attempt: sendNewFeedback(true) },
    ],
  },
  "feedback.inbox.tsx": {
    loader: [
      {
        name: "signed entry",
        url: () => "/feedback/inbox",
        shows: (w) => w.signedFeedback.subject,
        showsTo: ["manager", "aboveManager", "admin"],
        expect: ANY_MANAGER,
      },
      {
        name: "anonymous entry",
        url: () => "/feedback/inbox",
        shows: (w) => w.anonymousFeedback.subject,
        showsTo: ["manager", "aboveManager", "admin"],
        expect: ANY_MANAGER,
      },
      {
        name: "unannounced entry",
        url: () => "/feedback/inbox",
        shows: (w) => w.unannouncedFeedback.subject,
        showsTo: [],
        expect: ANY_MANAGER,
      },
    ],
  },
  "feedback.report.tsx": { loader: [{ name: "feedback report", url: () => "/feedback/report", expect: ANY_MANAGER }] },
  "feedback.$id.tsx": {
    loader: [
      {
        name: "signed entry by id",
        url: (w) => `/feedback/${w.signedFeedback.id}`,
        params: (w) => ({ id: w.signedFeedback.id }),
        shows: (w) => w.signedFeedback.subject,
        expect: FEEDBACK_VIEWERS,
      },
      // Nothing links an anonymous entry to its author: the requester, who wrote it, is no one here.
      {
        name: "anonymous entry by id",
        url: (w) => `/feedback/${w.anonymousFeedback.id}`,
        params: (w) => ({ id: w.anonymousFeedback.id }),
        shows: (w) => w.anonymousFeedback.subject,
        expect: SUPPORT_MANAGERS,
      },
      // Until the daily batch announces it, an anonymous entry reaches nobody.
      {
        name: "unannounced anonymous entry by id",
        url: (w) => `/feedback/${w.unannouncedFeedback.id}`,
        params: (w) => ({ id: w.unannouncedFeedback.id }),
        shows: (w) => w.unannouncedFeedback.subject,
        expect: NOBODY,
      },
    ],
    // Its author sees it but does not answer it.
    action: [
      {
        intent: "respond",
        expect: SUPPORT_MANAGERS,
        attempt: feedbackPost(() => ({ intent: "respond", formToken: formToken(), body: "Thanks: we open at eight from Monday." })),
      },
      { intent: "close", expect: SUPPORT_MANAGERS, attempt: feedbackPost(() => ({ intent: "close" })) },
    ],
  },

  // --- public and sign-in pages
  "healthz.ts": { loader: [{ name: "liveness", url: () => "/healthz", expect: EVERYONE }] },
  "readyz.ts": { loader: [{ name: "readiness", url: () => "/readyz", expect: EVERYONE }] },
  "login.tsx": {
    loader: [{ name: "sign-in form", url: () => "/login", expect: SIGNED_OUT_PAGE }],
    action: [
      {
        intent: "sign-in",
        expect: EVERYONE,
        attempt: async (w, role) => {
          const person = await personFor(w, role);
          return {
            url: "/login",
            fields: { email: person.email, password: DEFAULT_PASSWORD },
            snapshot: () => sessionsOf(person.id),
          };
        },
      },
    ],
  },
  "logout.tsx": {
    // Signing out is a POST; a GET just goes home, whoever asks.
    loader: [{ name: "sign-out link", url: () => "/logout", expect: SENT_HOME }],
    action: [
      {
        intent: "sign-out",
        signsOut: true,
        expect: but(SIGNED_IN, { anonymous: "login" }),
        attempt: async (w, role) => {
          const { user, cookie } = await standIn(w, role);
          return { url: "/logout", cookie, fields: {}, snapshot: () => sessionsOf(user.id) };
        },
      },
    ],
  },
  // Single sign-on is not set up in these tests (no OIDC_* settings): starting it and coming back
  // from it are 404 for everyone, and a GET of the start goes to the sign-in page. The flow itself
  // is tested in oidc-sign-in.test.ts.
  "auth.oidc.tsx": {
    loader: [{ name: "start single sign-on", url: () => "/auth/oidc", expect: SENT_TO_SIGN_IN }],
    action: [
      {
        intent: "start",
        expect: NOWHERE,
        attempt: async () => ({ url: "/auth/oidc", fields: { redirectTo: "/" }, snapshot: () => prisma.session.count() }),
      },
    ],
  },
  "auth.oidc.callback.tsx": {
    loader: [{ name: "back from single sign-on", url: () => "/auth/oidc/callback?code=x&state=y", expect: NOWHERE }],
  },
  "forgot-password.tsx": {
    loader: [{ name: "reset form", url: () => "/forgot-password", expect: SIGNED_OUT_PAGE }],
    action: [
      {
        intent: "ask-for-link",
        expect: EVERYONE,
        attempt: async (w, role) => {
          const person = await personFor(w, role);
          return {
            url: "/forgot-password",
            fields: { email: person.email },
            snapshot: () => prisma.outboundEmail.count({ where: { to: person.email } }),
          };
        },
      },
    ],
  },
  // The token in the address is the key: whoever holds it may use it, signed in or not.
  "invitation.$token.tsx": {
    loader: [
      {
        name: "with a valid token",
        url: (w) => `/invitation/${w.invitationToken}`,
        params: (w) => ({ token: w.invitationToken }),
        shows: (w) => w.users.invitee.name,
        expect: EVERYONE,
      },
    ],
    action: [{ intent: "choose-password", expect: EVERYONE, attempt: choosePassword("invitation") }],
  },
  "reset-password.$token.tsx": {
    loader: [
      {
        name: "with a valid token",
        url: (w) => `/reset-password/${w.resetToken}`,
        params: (w) => ({ token: w.resetToken }),
        expect: EVERYONE,
      },
    ],
    action: [{ intent: "choose-password", expect: EVERYONE, attempt: choosePassword("reset-password") }],
  },

  // --- kudos, notifications, people, teams
  "kudos._index.tsx": {
    loader: [
      { name: "the wall", url: () => "/kudos", expect: SIGNED_IN },
      { name: "the wall, Support desk", url: () => "/kudos?team=support-desk", expect: SIGNED_IN },
    ],
    action: [
      { intent: "hide", variant: "kudos to Support desk", expect: SUPPORT_MANAGERS, attempt: hideKudos("team") },
      { intent: "hide", variant: "kudos to a Support desk member", expect: SUPPORT_MANAGERS, attempt: hideKudos("member") },
    ],
  },
  "kudos.new.tsx": {
    loader: [
      { name: "choose whom", url: () => "/kudos/new", expect: SIGNED_IN },
      { name: "to Support desk", url: () => "/kudos/new?team=support-desk", expect: SIGNED_IN },
      { name: "to a person", url: (w) => `/kudos/new?person=${w.users.colleague.id}`, expect: SIGNED_IN },
      // A request the author can't see is treated as one that doesn't exist.
      { name: "about a request by number", url: (w) => `/kudos/new?request=${reqRef(w.request)}`, expect: REQUEST_VIEWERS },
    ],
    action: [
      {
        intent: "send",
        variant: "to Support desk",
        expect: SIGNED_IN,
        attempt: async (w) => {
          const message = `Thank you ${unique()}`;
          return {
            url: "/kudos/new",
            fields: { formToken: formToken(), recipientType: "team", recipientId: w.teams.support.id, message },
            snapshot: () => prisma.kudos.count({ where: { message } }),
          };
        },
      },
      {
        intent: "send",
        variant: "about a request by number",
        expect: but(REQUEST_VIEWERS, { employee: "ignored", otherManager: "ignored" }),
        attempt: async (w) => {
          const message = `Thank you ${unique()}`;
          const fields = { recipientType: "team", recipientId: w.teams.support.id, message };
          return {
            url: "/kudos/new",
            fields: { ...fields, formToken: formToken(), request: reqRef(w.request) },
            snapshot: () => prisma.kudos.count({ where: { message } }),
            missing: { ...fields, formToken: formToken(), request: "REQ-999999" },
          };
        },
      },
    ],
  },
  "notifications.tsx": {
    loader: [
      {
        name: "own notifications",
        url: () => "/notifications",
        shows: (w) => w.notification.title,
        showsTo: ["provider"],
        expect: SIGNED_IN,
      },
    ],
    action: [
      {
        intent: "read-all",
        expect: SIGNED_IN,
        attempt: async (w, role) => {
          const n = await newNotification(role === "anonymous" ? w.users.provider.id : w.users[role].id);
          return {
            url: "/notifications",
            fields: { intent: "read-all" },
            snapshot: () => prisma.notification.findUniqueOrThrow({ where: { id: n.id }, select: { readAt: true } }),
          };
        },
      },
      // The provider member's notification, by id.
      { intent: "open", expect: OWNER_ONLY, attempt: notificationPost("open") },
      { intent: "read", expect: OWNER_ONLY, attempt: notificationPost("read") },
    ],
  },
  // The people and team directories are open to every signed-in employee (policies/user, team).
  "people.$id.tsx": {
    loader: [
      {
        name: "a person by id",
        url: (w) => `/people/${w.users.provider.id}`,
        params: (w) => ({ id: w.users.provider.id }),
        shows: (w) => w.users.provider.name,
        expect: SIGNED_IN,
      },
    ],
  },
  "teams._index.tsx": { loader: [{ name: "team directory", url: () => "/teams", expect: SIGNED_IN }] },
  "teams.$slug.tsx": {
    loader: [
      {
        name: "Support desk by slug",
        url: () => "/teams/support-desk",
        params: () => ({ slug: "support-desk" }),
        shows: (w) => w.users.provider.name,
        expect: SIGNED_IN,
      },
    ],
  },
  "teams.$slug_.catalogue.tsx": {
    loader: [
      {
        name: "Support desk by slug",
        url: () => "/teams/support-desk/catalogue",
        params: () => ({ slug: "support-desk" }),
        shows: () => "Laptop repair",
        expect: SIGNED_IN,
      },
    ],
    action: [
      {
        intent: "add-type",
        expect: SUPPORT_MANAGERS,
        attempt: async (w) => {
          const name = `Type ${unique()}`;
          return {
            url: "/teams/support-desk/catalogue",
            params: { slug: "support-desk" },
            fields: requestTypeForm(name),
            snapshot: () => prisma.requestType.count({ where: { name, teamId: w.teams.support.id } }),
          };
        },
      },
    ],
  },
  "teams.$slug_.catalogue_.$typeId.tsx": {
    loader: [
      {
        name: "Support desk's type",
        url: (w) => `/teams/support-desk/catalogue/${w.supportType.id}`,
        params: (w) => ({ slug: "support-desk", typeId: w.supportType.id }),
        shows: () => "Laptop repair",
        expect: SUPPORT_MANAGERS,
      },
      // Finance's manager manages Finance's catalogue, not a type of Support desk under Finance's address.
      {
        name: "Support desk's type under Finance's address",
        url: (w) => `/teams/finance/catalogue/${w.supportType.id}`,
        params: (w) => ({ slug: "finance", typeId: w.supportType.id }),
        shows: () => "Laptop repair",
        expect: NOBODY,
      },
    ],
    action: [
      {
        intent: "save",
        variant: "Support desk's type",
        expect: SUPPORT_MANAGERS,
        attempt: async (w) => {
          const type = await createRequestType(w.teams.support.id);
          return {
            url: `/teams/support-desk/catalogue/${type.id}`,
            params: { slug: "support-desk", typeId: type.id },
            fields: { ...requestTypeForm(`Renamed ${unique()}`), version: type.updatedAt.toISOString() },
            snapshot: () => prisma.requestType.findUniqueOrThrow({ where: { id: type.id } }),
          };
        },
      },
      {
        intent: "save",
        variant: "Support desk's type under Finance's address",
        expect: NOBODY,
        attempt: async (w) => {
          const type = await createRequestType(w.teams.support.id);
          return {
            url: `/teams/finance/catalogue/${type.id}`,
            params: { slug: "finance", typeId: type.id },
            fields: { ...requestTypeForm(`Renamed ${unique()}`), version: type.updatedAt.toISOString() },
            snapshot: () => prisma.requestType.findUniqueOrThrow({ where: { id: type.id } }),
          };
        },
      },
    ],
  },
  "teams.$slug_.queue.tsx": {
    loader: [
      {
        name: "Support desk by slug",
        url: () => "/teams/support-desk/queue",
        params: () => ({ slug: "support-desk" }),
        shows: (w) => w.request.title,
        expect: SUPPORT_WORKERS,
      },
      // Saved views are their owner's.
      {
        name: "Support desk by slug: the provider member's saved view",
        url: () => "/teams/support-desk/queue",
        params: () => ({ slug: "support-desk" }),
        shows: (w) => w.savedView.name,
        showsTo: ["provider"],
        expect: SUPPORT_WORKERS,
      },
    ],
    action: [
      {
        intent: "save-view",
        expect: SUPPORT_WORKERS,
        attempt: async () => {
          const name = `View ${unique()}`;
          return {
            url: "/teams/support-desk/queue",
            params: { slug: "support-desk" },
            fields: { intent: "save-view", name, query: "status=NEW" },
            snapshot: () => prisma.savedView.count({ where: { name } }),
          };
        },
      },
      // Saved views are their owner's (the provider member's): not even an admin deletes another's.
      {
        intent: "delete-view",
        expect: OWNER_ONLY,
        attempt: async (w) => {
          const view = await newSavedView(w);
          return {
            url: "/teams/support-desk/queue",
            params: { slug: "support-desk" },
            fields: { intent: "delete-view", viewId: view.id },
            snapshot: () => prisma.savedView.count({ where: { id: view.id } }),
          };
        },
      },
    ],
  },
  "teams.$slug_.scorecard.tsx": {
    loader: [
      {
        name: "Support desk by slug",
        url: () => "/teams/support-desk/scorecard",
        params: () => ({ slug: "support-desk" }),
        expect: SUPPORT_WORKERS,
      },
    ],
  },
  "teams.$slug_.scorecard_.requests.tsx": {
    loader: [
      {
        name: "Support desk by slug",
        url: () => "/teams/support-desk/scorecard/requests?measure=csat",
        params: () => ({ slug: "support-desk" }),
        shows: (w) => w.recovered.title,
        expect: SUPPORT_WORKERS,
      },
    ],
  },
  "teams.$slug_.scorecard_.requests[.]csv.ts": {
    loader: [
      {
        name: "Support desk by slug",
        url: () => "/teams/support-desk/scorecard/requests.csv?measure=csat",
        params: () => ({ slug: "support-desk" }),
        shows: (w) => w.recovered.title,
        expect: SUPPORT_WORKERS,
      },
    ],
  },

  // --- recovery
  "recovery._index.tsx": {
    loader: [
      {
        name: "recovery cases",
        url: () => "/recovery",
        shows: (w) => w.recovered.title,
        showsTo: ["manager", "aboveManager", "admin"],
        expect: ANY_MANAGER,
      },
    ],
  },

  // --- requests
  "requests._index.tsx": {
    loader: [
      { name: "raised by me", url: () => "/requests", shows: (w) => w.request.title, showsTo: ["requester"], expect: SIGNED_IN },
      {
        name: "my teams' requests",
        url: () => "/requests?tab=team",
        shows: (w) => w.request.title,
        showsTo: ["requester"],
        expect: SIGNED_IN,
      },
    ],
  },
  "requests.new.tsx": {
    loader: [
      { name: "choose a team", url: () => "/requests/new", expect: SIGNED_IN },
      { name: "Support desk's type", url: (w) => `/requests/new?team=support-desk&type=${w.supportType.id}`, expect: SIGNED_IN },
    ],
    action: [
      {
        intent: "raise",
        expect: SIGNED_IN,
        attempt: async (w, role) => {
          const title = `Request ${unique()}`;
          return {
            url: `/requests/new?team=support-desk&type=${w.supportType.id}`,
            fields: {
              formToken: formToken(),
              providerTeamId: w.teams.support.id,
              typeId: w.supportType.id,
              title,
              body: "My laptop will not start.",
              requestingTeamId: role === "anonymous" ? "" : requestingTeamOf(w, role),
            },
            snapshot: () => prisma.request.count({ where: { title } }),
          };
        },
      },
    ],
  },
  "requests.$number.tsx": {
    loader: [
      {
        name: "by reference",
        url: (w) => `/requests/${reqRef(w.request)}`,
        params: (w) => ({ number: reqRef(w.request) }),
        shows: (w) => w.request.title,
        expect: REQUEST_VIEWERS,
      },
      {
        name: "by bare number",
        url: (w) => `/requests/${w.request.number}`,
        params: (w) => ({ number: String(w.request.number) }),
        shows: (w) => w.request.title,
        expect: REQUEST_VIEWERS,
      },
      // Internal notes are for the provider side only (DESIGN: "internal notes").
      {
        name: "by reference: the internal note",
        url: (w) => `/requests/${reqRef(w.request)}`,
        params: (w) => ({ number: reqRef(w.request) }),
        shows: (w) => w.internalNote,
        showsTo: ["provider", "manager", "aboveManager", "admin"],
        expect: REQUEST_VIEWERS,
      },
    ],
    action: [
      { intent: "assign", expect: REQUEST_WORKERS, attempt: requestPost((w) => ({ intent: "assign", assigneeId: w.users.provider.id })) },
      // The requester may cancel; the provider side starts work.
      {
        intent: "status",
        expect: REQUEST_VIEWERS,
        attempt: requestPost((_w, role) => ({ intent: "status", to: role === "requester" ? "CANCELLED" : "IN_PROGRESS" })),
      },
      {
        intent: "reply",
        expect: REQUEST_VIEWERS,
        attempt: requestPost(() => ({ intent: "reply", formToken: formToken(), body: "Any news?" })),
      },
      {
        intent: "note",
        expect: REQUEST_WORKERS,
        attempt: requestPost(() => ({ intent: "note", formToken: formToken(), body: "Waiting for the part." })),
      },
      {
        intent: "promise",
        expect: REQUEST_WORKERS,
        attempt: requestPost(() => ({ intent: "promise", promisedAt: todayIso(7), reason: "The part arrives next week." })),
      },
      {
        intent: "transfer",
        expect: REQUEST_WORKERS,
        attempt: requestPost((w) => ({
          intent: "transfer",
          toTeamId: w.teams.facilities.id,
          typeId: w.facilitiesType.id,
          reason: "It is a desk.",
        })),
      },
    ],
  },
  "requests.$number_.rate.tsx": {
    loader: [
      {
        name: "by reference",
        url: (w) => `/requests/${reqRef(w.recovered)}/rate`,
        params: (w) => ({ number: reqRef(w.recovered) }),
        shows: (w) => w.recovered.title,
        expect: REQUEST_VIEWERS,
      },
    ],
    action: [
      {
        intent: "rate",
        expect: REQUEST_RATER,
        attempt: async (w) => {
          const r = await newRequest(w, { status: "RESOLVED" });
          return {
            url: `/requests/${reqRef(r)}/rate`,
            params: { number: reqRef(r) },
            fields: { mode: "rate", overall: "4", exceeded: "no", comment: "" },
            snapshot: () => requestState(r.id),
          };
        },
      },
    ],
  },
  "requests.$number_.recovery.tsx": {
    loader: [
      {
        name: "by reference",
        url: (w) => `/requests/${reqRef(w.recovered)}/recovery`,
        params: (w) => ({ number: reqRef(w.recovered) }),
        shows: (w) => w.recovered.title,
        expect: REQUEST_VIEWERS,
      },
    ],
    action: [
      { intent: "acknowledge", expect: RECOVERY_ACTORS, attempt: recoveryStep("acknowledge", "OPEN", "") },
      { intent: "apologise", expect: RECOVERY_ACTORS, attempt: recoveryStep("apologise", "ACKNOWLEDGED", "We are sorry.") },
      { intent: "correct", expect: RECOVERY_ACTORS, attempt: recoveryStep("correct", "APOLOGY_SENT", "New checklist for laptops.") },
      { intent: "close", expect: RECOVERY_ACTORS, attempt: recoveryStep("close", "ACTION_RECORDED", "") },
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Which intents a route handles, so a new one can't be added without a row.

/** Routes whose intents are listed in app code rather than spelled out in the route file. */
const INTENT_LISTS: Record<string, readonly string[]> = {
  "requests.$number.tsx": REQUEST_INTENTS,
  "complaints.$number_.manage.tsx": MANAGE_INTENTS,
  "complaints.themes.tsx": THEME_INTENTS,
  "requests.$number_.recovery.tsx": RECOVERY_STEP_ORDER,
};

/**
 * The intents a route file handles: the lists above, and every `intent === "…"` test and hidden
 * `name="intent" value="…"` field in its source.
 */
export function handledIntents(file: string, source: string): string[] {
  const found = new Set(INTENT_LISTS[file] ?? []);
  for (const m of source.matchAll(/intent"?\)?\s*[!=]==?\s*"([a-z-]+)"/g)) found.add(m[1]!);
  for (const m of source.matchAll(/name="intent"\s+value="([a-z-]+)"/g)) found.add(m[1]!);
  return [...found].sort();
}
