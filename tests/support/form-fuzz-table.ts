// The form fuzz test's table: every route with an action, the forms it takes (told apart by an
// intent field, or named here when something else tells them apart), each form's fields, who may
// use it, and how to put the database in a state where the form makes sense. A new route with an
// action fails the test until it has a row here.
//
// prepare() runs before every fuzzed submission and creates the record the form is about (a fresh
// request, complaint, person...), so what one run changes never decides what the next one sees.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { issueAuthToken } from "~/models/auth-token.server";
import {
  COMPLAINT_CHANNELS,
  CUSTOMER_FIELD_MAX,
  DETAILS_MAX,
  NOTE_MAX,
  SEVERITIES,
  SIGHTING_NOTE_MAX,
  SUMMARY_MAX,
} from "~/utils/complaint-rules";
import { RECOVERY_NOTE_MAX } from "~/utils/recovery-lifecycle";
import { RATING_COMMENT_MAX, DIMENSIONS } from "~/utils/rating-rules";
import { PRIORITIES } from "~/utils/request-number";
import { REQUEST_STATUSES } from "~/utils/request-lifecycle";
import { SAVED_VIEW_NAME_MAX, SAVED_VIEW_QUERY_MAX } from "~/validation/queue-filters";
import { EMAIL_PREFERENCES } from "~/validation/notifications";
import type { RecoveryStatus, Team, User, RequestType, ComplaintCategory, Theme } from "~/generated/prisma/client";
import { addMember, createRequest, createRequestType, createTeam, createUser, DEFAULT_PASSWORD } from "./factories";
import { createCategory, createComplaint } from "./complaint-factories";
import { createRating, createRecoveryCase, resolveRequest } from "./rating-factories";
import { signInAs, type RouteModule } from "./http";
import type { Field, FieldValue } from "./form-fuzz-values";

/** The people and teams every row's prepare() builds on. */
export interface FuzzWorld {
  admin: User;
  /** Manages Care (which takes requests and owns a complaint category) and so sits in the complaint inbox. */
  manager: User;
  /** A member of Care: works its queue and requests. */
  agent: User;
  /** A member of Sales who raises requests and complaints and gives kudos. */
  requester: User;
  care: Team;
  sales: Team;
  /** Another team that takes requests, to transfer and reroute to. */
  other: Team;
  laptop: RequestType;
  otherType: RequestType;
  category: ComplaintCategory;
  theme: Theme;
}

export interface Prepared {
  /** The Cookie header of the person posting; null for the signed-out forms. */
  cookie: string | null;
  url: string;
  params: Record<string, string>;
  /** Values the form accepts in this run's state (each form of the row, by name). */
  valid: Record<string, Record<string, FieldValue>>;
  /** The person posting, whose role and teams must come out unchanged. */
  actorId: string | null;
}

export interface FuzzEntry {
  /** The file in app/routes. */
  route: string;
  load: () => Promise<RouteModule>;
  /** The route's URL parameters (a record's id, number, slug...), fuzzed with records that are not there. */
  params?: readonly string[];
  /** The action reads its record from the body, not from the URL (the token pages). */
  paramsIgnoredByAction?: boolean;
  /** Who posts: someone allowed to use the forms. */
  who: string;
  /** The field telling the forms apart (its value is the form's name), if there is one. */
  intentField?: string;
  forms: Record<string, Record<string, Field>>;
  /** An intent the route does not know: refused (4xx), or handled as the form named here. */
  unknownIntent?: "refused" | { fallsBackTo: string };
  /** Forms whose refusals are a redirect with an error flash rather than a 4xx. */
  refusedByFlash?: readonly string[];
  /** Tables a refused submission may rightly write: throttles count failures; failed sign-ins are audited. */
  refusalMayWrite?: readonly string[];
  /** The form may make someone an administrator (the people admin pages). */
  mayGrantAdmin?: boolean;
  /** The form may change the poster's own team memberships. */
  mayChangeOwnTeams?: boolean;
  prepare(world: FuzzWorld, form: string): Promise<Prepared>;
}

// ---------------------------------------------------------------------------------------------

let counter = 0;
function unique(prefix: string) {
  counter += 1;
  return `${prefix} ${counter}-${crypto.randomBytes(3).toString("hex")}`;
}
const token = () => crypto.randomBytes(18).toString("base64url");
const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const cookies = new Map<string, Promise<string>>();
/** One signed-in session per person for the whole file (the logout row makes its own). */
function cookieOf(user: { id: string }) {
  if (!cookies.has(user.id)) cookies.set(user.id, signInAs(user.id));
  return cookies.get(user.id)!;
}

export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const care = await createTeam({ name: unique("Care"), acceptsRequests: true });
  const sales = await createTeam({ name: unique("Sales") });
  const other = await createTeam({ name: unique("Other desk"), acceptsRequests: true });
  const admin = await createUser({ name: "Fuzz Admin", role: "ADMIN" });
  const manager = await createUser({ name: "Fuzz Manager" });
  const agent = await createUser({ name: "Fuzz Agent" });
  const requester = await createUser({ name: "Fuzz Requester" });
  await addMember(manager.id, care.id, "MANAGER");
  await addMember(agent.id, care.id, "MEMBER");
  await addMember(requester.id, sales.id, "MEMBER");
  const laptop = await createRequestType(care.id, { name: "Laptop" });
  const otherType = await createRequestType(other.id, { name: "Desk move" });
  const category = await createCategory({ ownerTeamId: care.id, name: "Billing" });
  const theme = await prisma.theme.create({ data: { id: crypto.randomUUID(), name: "Late delivery" } });
  return { admin, manager, agent, requester, care, sales, other, laptop, otherType, category, theme };
}

function newTheme() {
  return prisma.theme.create({ data: { id: crypto.randomUUID(), name: unique("Theme") } });
}

// ---------------------------------------------------------------------------------------------
// Field groups several rows share.

const text = (max: number, required = false, min?: number): Field => ({ kind: "text", max, required, ...(min ? { min } : {}) });
const ref = (required = true, unknownIsRefused = true): Field => ({ kind: "ref", required, unknownIsRefused });
const choice = (values: readonly string[], required = true): Field => ({ kind: "enum", values, required });
const anything: Field = { kind: "anything" };

const setPasswordFields: Record<string, Field> = {
  token: ref(),
  password: text(256, true, 10),
  confirmPassword: text(256, true),
};

const requestTypeFields: Record<string, Field> = {
  name: text(100, true, 2),
  description: text(2000),
  defaultPriority: choice(PRIORITIES, false),
  firstResponseTarget: { kind: "number", min: 0.001, max: 10_000, required: true },
  firstResponseUnit: choice(["hours", "days"], false),
  resolutionTarget: { kind: "number", min: 0.001, max: 10_000, required: true },
  resolutionUnit: choice(["hours", "days"], false),
  active: anything,
};

const categoryFields: Record<string, Field> = {
  name: text(60, true, 2),
  description: text(500),
  ownerTeamId: ref(),
  active: anything,
};

const teamFields: Record<string, Field> = {
  name: text(80, true, 2),
  slug: { kind: "pattern", invalid: ["Bad Slug!", "-lead", "trail-", "a--b", "a_b", "ünï", "x".repeat(61), "a/b", "<script>"] },
  description: text(2000),
  parentId: ref(false),
  acceptsRequests: anything,
  complaintAckTarget: { kind: "number", min: 1, max: 720, required: false },
  complaintAckTargetUnit: choice(["minutes", "hours"], false),
};

const personFields: Record<string, Field> = {
  name: text(120, true),
  email: { kind: "email", max: 254, required: true },
  title: text(120),
  role: choice(["EMPLOYEE", "ADMIN"], false),
};

const dimensionFields = Object.fromEntries(
  DIMENSIONS.map((d) => [d.key, { kind: "number", min: 1, max: 5, int: true, required: false } satisfies Field]),
) as Record<string, Field>;

// ---------------------------------------------------------------------------------------------
// Records made fresh for one run.

async function freshRequest(world: FuzzWorld) {
  return createRequest({
    requesterId: world.requester.id,
    requestingTeamId: world.sales.id,
    providerTeamId: world.care.id,
    typeId: world.laptop.id,
  });
}

const RECOVERY_FROM: Record<string, RecoveryStatus> = {
  acknowledge: "OPEN",
  apologise: "ACKNOWLEDGED",
  correct: "APOLOGY_SENT",
  close: "ACTION_RECORDED",
};

const requestRef = (n: number) => `REQ-${n}`;
const complaintRef = (n: number) => `CMP-${n}`;

// ---------------------------------------------------------------------------------------------

export const FUZZ_TABLE: FuzzEntry[] = [
  {
    route: "account.tsx",
    load: () => import("~/routes/account"),
    who: "any signed-in person (their own account)",
    intentField: "intent",
    forms: {
      "change-password": {
        currentPassword: text(1024, true),
        password: text(256, true, 10),
        confirmPassword: text(256, true),
      },
      "email-preference": { emailPreference: choice(EMAIL_PREFERENCES) },
    },
    unknownIntent: { fallsBackTo: "change-password" },
    async prepare() {
      // A new person each run: a successful change would otherwise move the password on.
      const user = await createUser();
      const password = `Quartz-lantern-${crypto.randomBytes(4).toString("hex")}`;
      return {
        cookie: await signInAs(user.id),
        url: "/account",
        params: {},
        actorId: user.id,
        valid: {
          "change-password": { currentPassword: DEFAULT_PASSWORD, password, confirmPassword: password },
          "email-preference": { emailPreference: "DAILY_DIGEST" },
        },
      };
    },
  },
  {
    route: "admin.complaint-categories.$id.tsx",
    params: ["id"],
    load: () => import("~/routes/admin.complaint-categories.$id"),
    who: "an administrator",
    forms: { edit: { ...categoryFields, version: { kind: "version", of: "timestamp" } } },
    async prepare(world) {
      const category = await createCategory({ ownerTeamId: world.care.id, name: unique("Category") });
      return {
        cookie: await cookieOf(world.admin),
        url: `/admin/complaint-categories/${category.id}`,
        params: { id: category.id },
        actorId: world.admin.id,
        valid: {
          edit: {
            name: unique("Renamed"),
            description: "What it covers",
            ownerTeamId: world.other.id,
            active: "on",
            version: category.updatedAt.toISOString(),
          },
        },
      };
    },
  },
  {
    route: "admin.complaint-categories.new.tsx",
    load: () => import("~/routes/admin.complaint-categories.new"),
    who: "an administrator",
    forms: { create: categoryFields },
    async prepare(world) {
      return {
        cookie: await cookieOf(world.admin),
        url: "/admin/complaint-categories/new",
        params: {},
        actorId: world.admin.id,
        valid: { create: { name: unique("Category"), description: "", ownerTeamId: world.care.id, active: "on" } },
      };
    },
  },
  {
    route: "admin.people.$id.tsx",
    params: ["id"],
    load: () => import("~/routes/admin.people.$id"),
    who: "an administrator (about someone else)",
    intentField: "intent",
    forms: {
      edit: { ...personFields, version: { kind: "version", of: "timestamp" } },
      deactivate: {},
      reactivate: {},
      "resend-invitation": {},
    },
    unknownIntent: { fallsBackTo: "edit" },
    mayGrantAdmin: true,
    async prepare(world, form) {
      const person = await createUser({
        active: form !== "reactivate",
        password: form === "resend-invitation" ? null : undefined,
      });
      return {
        cookie: await cookieOf(world.admin),
        url: `/admin/people/${person.id}`,
        params: { id: person.id },
        actorId: world.admin.id,
        valid: {
          edit: { name: unique("Person"), email: person.email, title: "Agent", role: "EMPLOYEE", version: person.updatedAt.toISOString() },
          deactivate: {},
          reactivate: {},
          "resend-invitation": {},
        },
      };
    },
  },
  {
    route: "admin.people.new.tsx",
    load: () => import("~/routes/admin.people.new"),
    who: "an administrator",
    forms: { create: personFields },
    mayGrantAdmin: true,
    async prepare(world) {
      return {
        cookie: await cookieOf(world.admin),
        url: "/admin/people/new",
        params: {},
        actorId: world.admin.id,
        valid: { create: { name: unique("New person"), email: `${token().toLowerCase()}@example.com`, title: "", role: "EMPLOYEE" } },
      };
    },
  },
  {
    route: "admin.settings.tsx",
    load: () => import("~/routes/admin.settings"),
    who: "an administrator",
    forms: {
      settings: {
        contactRetentionDays: { kind: "number", min: 1, max: 3650, int: true, required: true },
        feedbackMinGroupSize: { kind: "number", min: 3, max: 50, int: true, required: true },
      },
    },
    async prepare(world) {
      return {
        cookie: await cookieOf(world.admin),
        url: "/admin/settings",
        params: {},
        actorId: world.admin.id,
        valid: { settings: { contactRetentionDays: String(300 + (counter % 50)), feedbackMinGroupSize: "5" } },
      };
    },
  },
  {
    route: "admin.teams.$slug.tsx",
    params: ["slug"],
    load: () => import("~/routes/admin.teams.$slug"),
    who: "an administrator",
    intentField: "intent",
    forms: {
      "edit-team": {
        ...teamFields,
        complaintAckTarget: { kind: "number", min: 1, max: 720, required: true },
        version: { kind: "version", of: "timestamp" },
      },
      "add-member": { userId: ref(), role: choice(["MEMBER", "MANAGER"], false) },
      "change-role": { userId: ref(), role: choice(["MEMBER", "MANAGER"], false) },
      "remove-member": { userId: ref(), role: anything },
    },
    unknownIntent: { fallsBackTo: "edit-team" },
    // The members editor answers a bad choice with an error message on the team page (post/redirect/get).
    refusedByFlash: ["add-member", "change-role", "remove-member"],
    async prepare(world, form) {
      const team = await createTeam({ name: unique("Team") });
      const person = await createUser();
      if (form === "change-role" || form === "remove-member") await addMember(person.id, team.id);
      return {
        cookie: await cookieOf(world.admin),
        url: `/admin/teams/${team.slug}`,
        params: { slug: team.slug },
        actorId: world.admin.id,
        valid: {
          "edit-team": {
            name: unique("Renamed team"),
            slug: team.slug,
            description: "",
            parentId: world.care.id,
            acceptsRequests: "on",
            complaintAckTarget: "24",
            complaintAckTargetUnit: "hours",
            version: team.updatedAt.toISOString(),
          },
          "add-member": { userId: person.id, role: "MEMBER" },
          "change-role": { userId: person.id, role: "MANAGER" },
          "remove-member": { userId: person.id },
        },
      };
    },
  },
  {
    route: "admin.teams.new.tsx",
    load: () => import("~/routes/admin.teams.new"),
    who: "an administrator",
    forms: { create: teamFields },
    async prepare(world) {
      const name = unique("New team");
      return {
        cookie: await cookieOf(world.admin),
        url: "/admin/teams/new",
        params: {},
        actorId: world.admin.id,
        valid: {
          create: {
            name,
            slug: slugOf(name),
            description: "",
            parentId: "",
            acceptsRequests: "on",
            complaintAckTarget: "4",
            complaintAckTargetUnit: "hours",
          },
        },
      };
    },
  },
  {
    route: "auth.oidc.tsx",
    load: () => import("~/routes/auth.oidc"),
    who: "someone signed out (single sign-on is not set up in tests: 404)",
    forms: { start: { redirectTo: anything } },
    async prepare() {
      return { cookie: null, url: "/auth/oidc", params: {}, actorId: null, valid: { start: { redirectTo: "/requests" } } };
    },
  },
  {
    route: "complaints.$number.tsx",
    params: ["number"],
    load: () => import("~/routes/complaints.$number"),
    who: "a manager of the team the complaint is routed to",
    forms: {
      sighting: {
        formToken: { kind: "token", min: 8, max: 100 },
        channel: choice(COMPLAINT_CHANNELS),
        occurredAt: { kind: "local-datetime" },
        note: text(SIGHTING_NOTE_MAX),
      },
    },
    async prepare(world) {
      const complaint = await createComplaint({ categoryId: world.category.id, reporterId: world.requester.id });
      const number = complaintRef(complaint.number);
      return {
        cookie: await cookieOf(world.manager),
        url: `/complaints/${number}`,
        params: { number },
        actorId: world.manager.id,
        valid: { sighting: { formToken: token(), channel: "EMAIL", occurredAt: "", note: "A customer said so too" } },
      };
    },
  },
  {
    route: "complaints.$number_.manage.tsx",
    params: ["number"],
    load: () => import("~/routes/complaints.$number_.manage"),
    who: "a manager of the team the complaint is routed to",
    intentField: "intent",
    forms: {
      acknowledge: { version: { kind: "version", of: "counter" } },
      themes: {
        version: { kind: "version", of: "counter" },
        themeIds: { kind: "ref", required: false, multiple: true },
        newTheme: text(60),
      },
      plan: { version: { kind: "version", of: "counter" }, plan: text(NOTE_MAX, true) },
      respond: { version: { kind: "version", of: "counter" }, response: text(NOTE_MAX, true) },
      close: { version: { kind: "version", of: "counter" } },
      reroute: { version: { kind: "version", of: "counter" }, toTeamId: ref(), reason: text(500, true) },
    },
    unknownIntent: "refused",
    async prepare(world, form) {
      const acknowledged = form === "plan" || form === "close";
      const complaint = await createComplaint({
        categoryId: world.category.id,
        reporterId: world.requester.id,
        status: acknowledged ? "ACKNOWLEDGED" : "ESCALATED",
        response: form === "close" ? "We refunded the customer." : null,
      });
      const number = complaintRef(complaint.number);
      const version = String(complaint.version);
      return {
        cookie: await cookieOf(world.manager),
        url: `/complaints/${number}/manage`,
        params: { number },
        actorId: world.manager.id,
        valid: {
          acknowledge: { version },
          themes: { version, themeIds: [world.theme.id], newTheme: unique("New theme").slice(0, 60) },
          plan: { version, plan: "Call the customer back" },
          respond: { version, response: "We refunded them" },
          close: { version },
          reroute: { version, toTeamId: world.other.id, reason: "Theirs to handle" },
        },
      };
    },
  },
  {
    route: "complaints.inbox.tsx",
    load: () => import("~/routes/complaints.inbox"),
    who: "a manager (their inbox)",
    intentField: "intent",
    forms: {
      acknowledge: { complaint: { kind: "ref", required: true, unknownIsRefused: false, multiple: true } },
      tag: { complaint: { kind: "ref", required: true, unknownIsRefused: false, multiple: true }, themeId: ref() },
    },
    unknownIntent: "refused",
    async prepare(world) {
      const complaint = await createComplaint({ categoryId: world.category.id, reporterId: world.requester.id });
      return {
        cookie: await cookieOf(world.manager),
        url: "/complaints/inbox",
        params: {},
        actorId: world.manager.id,
        valid: { acknowledge: { complaint: [complaint.id] }, tag: { complaint: [complaint.id], themeId: world.theme.id } },
      };
    },
  },
  {
    route: "complaints.new.tsx",
    load: () => import("~/routes/complaints.new"),
    who: "any signed-in person (a front-line rep)",
    // The "heard it too" button adds `sightingOf`, which makes it the sighting form.
    forms: {
      log: {
        formToken: { kind: "token", min: 8, max: 100 },
        channel: choice(COMPLAINT_CHANNELS),
        categoryId: ref(),
        severity: choice(SEVERITIES),
        summary: text(SUMMARY_MAX, true),
        details: text(DETAILS_MAX),
        actionTaken: text(NOTE_MAX),
        resolvedAtFrontLine: choice(["yes", "no"]),
        occurredAt: { kind: "local-datetime" },
        routedTeamId: ref(false),
        customerName: text(CUSTOMER_FIELD_MAX),
        customerEmail: { kind: "email", max: CUSTOMER_FIELD_MAX },
        customerPhone: {
          kind: "pattern",
          invalid: ["call me", "123", "+", "1".repeat(16), "1".repeat(41), "+44 20 7946 0958 ext 2", "0x1234567"],
        },
        customerReference: text(CUSTOMER_FIELD_MAX),
        choice: choice(["new"], false),
      },
      sighting: {
        formToken: { kind: "token", min: 8, max: 100 },
        sightingOf: ref(),
        channel: choice(COMPLAINT_CHANNELS),
        occurredAt: { kind: "local-datetime" },
        note: text(SIGHTING_NOTE_MAX),
      },
    },
    async prepare(world) {
      const complaint = await createComplaint({ categoryId: world.category.id });
      return {
        cookie: await cookieOf(world.requester),
        url: "/complaints/new",
        params: {},
        actorId: world.requester.id,
        valid: {
          log: {
            formToken: token(),
            channel: "PHONE",
            categoryId: world.category.id,
            severity: "MEDIUM",
            summary: unique("Refund was late"),
            details: "",
            actionTaken: "",
            resolvedAtFrontLine: "no",
            occurredAt: "",
            routedTeamId: "",
            customerName: "",
            customerEmail: "",
            customerPhone: "+44 20 7946 0958",
            customerReference: "",
            choice: "new",
          },
          sighting: { formToken: token(), sightingOf: complaintRef(complaint.number), channel: "EMAIL", occurredAt: "", note: "" },
        },
      };
    },
  },
  {
    route: "complaints.themes.tsx",
    load: () => import("~/routes/complaints.themes"),
    who: "a manager",
    intentField: "intent",
    forms: {
      create: { name: text(60, true) },
      rename: { themeId: ref(), name: text(60, true) },
      merge: { themeId: ref(), intoId: ref() },
    },
    unknownIntent: "refused",
    async prepare(world) {
      const [a, b] = [await newTheme(), await newTheme()];
      return {
        cookie: await cookieOf(world.manager),
        url: "/complaints/themes",
        params: {},
        actorId: world.manager.id,
        valid: {
          create: { name: unique("Theme") },
          rename: { themeId: a.id, name: unique("Renamed theme") },
          merge: { themeId: a.id, intoId: b.id },
        },
      };
    },
  },
  {
    route: "feedback.$id.tsx",
    params: ["id"],
    load: () => import("~/routes/feedback.$id"),
    who: "a manager of the team the feedback is addressed to",
    intentField: "intent",
    forms: {
      respond: { formToken: { kind: "token", min: 16, max: 100 }, body: text(4000, true), close: anything },
      close: {},
    },
    unknownIntent: "refused",
    async prepare(world) {
      const feedback = await prisma.feedback.create({
        data: {
          id: crypto.randomBytes(16).toString("base64url"),
          kind: "CONCERN",
          teamId: world.care.id,
          authorId: world.requester.id,
          anonymous: false,
          subject: "Queue times",
          body: "The queue is slow",
          submittedOn: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
        },
      });
      return {
        cookie: await cookieOf(world.manager),
        url: `/feedback/${feedback.id}`,
        params: { id: feedback.id },
        actorId: world.manager.id,
        valid: { respond: { formToken: token(), body: "Thanks, we are on it", close: "" }, close: {} },
      };
    },
  },
  {
    route: "feedback._index.tsx",
    load: () => import("~/routes/feedback._index"),
    who: "any signed-in person (following anonymous feedback by its code)",
    forms: { follow: { code: text(40, true, 16) } },
    // A wrong code counts toward the network's limit of wrong guesses.
    refusalMayWrite: ["rate_limit_events"],
    async prepare(world) {
      return {
        cookie: await cookieOf(world.requester),
        url: "/feedback",
        params: {},
        actorId: world.requester.id,
        valid: { follow: { code: "7KQ2-M9XD-4TRP-0WZA" } },
      };
    },
  },
  {
    route: "feedback.new.tsx",
    load: () => import("~/routes/feedback.new"),
    who: "any signed-in person",
    forms: {
      send: {
        formToken: { kind: "token", min: 16, max: 100 },
        kind: choice(["SUGGESTION", "CONCERN"]),
        to: ref(),
        subject: text(120, true),
        body: text(4000, true),
        anonymous: anything,
      },
    },
    async prepare(world) {
      return {
        cookie: await cookieOf(world.requester),
        url: "/feedback/new",
        params: {},
        actorId: world.requester.id,
        valid: {
          send: { formToken: token(), kind: "SUGGESTION", to: world.care.id, subject: "Coffee", body: "Better coffee", anonymous: "" },
        },
      };
    },
  },
  {
    route: "forgot-password.tsx",
    load: () => import("~/routes/forgot-password"),
    who: "someone signed out",
    forms: { reset: { email: { kind: "email", max: 254, required: true } } },
    refusalMayWrite: ["rate_limit_events"],
    async prepare(world) {
      return { cookie: null, url: "/forgot-password", params: {}, actorId: null, valid: { reset: { email: world.requester.email } } };
    },
  },
  {
    route: "invitation.$token.tsx",
    params: ["token"],
    paramsIgnoredByAction: true,
    load: () => import("~/routes/invitation.$token"),
    who: "someone signed out, holding an invitation",
    forms: { "set-password": setPasswordFields },
    async prepare() {
      const invited = await createUser({ password: null });
      const secret = await issueAuthToken(prisma, invited.id, "INVITATION");
      const password = `Quartz-lantern-${crypto.randomBytes(4).toString("hex")}`;
      return {
        cookie: null,
        url: `/invitation/${secret}`,
        params: { token: secret },
        actorId: null,
        valid: { "set-password": { token: secret, password, confirmPassword: password } },
      };
    },
  },
  {
    route: "kudos._index.tsx",
    load: () => import("~/routes/kudos._index"),
    who: "a manager of the team the kudos went to",
    intentField: "intent",
    forms: { hide: { id: ref(), reason: text(200, true) } },
    unknownIntent: "refused",
    async prepare(world) {
      const kudos = await prisma.kudos.create({
        data: { id: crypto.randomUUID(), authorId: world.requester.id, recipientTeamId: world.care.id, message: "Thanks all" },
      });
      return {
        cookie: await cookieOf(world.manager),
        url: "/kudos",
        params: {},
        actorId: world.manager.id,
        valid: { hide: { id: kudos.id, reason: "Off topic" } },
      };
    },
  },
  {
    route: "kudos.new.tsx",
    load: () => import("~/routes/kudos.new"),
    who: "any signed-in person",
    forms: {
      send: {
        formToken: { kind: "token", min: 8, max: 100 },
        recipientType: choice(["person", "team"]),
        recipientId: ref(),
        request: { kind: "ref", required: false },
        message: text(500, true),
      },
    },
    async prepare(world) {
      return {
        cookie: await cookieOf(world.requester),
        url: "/kudos/new",
        params: {},
        actorId: world.requester.id,
        valid: { send: { formToken: token(), recipientType: "person", recipientId: world.agent.id, request: "", message: "Thank you!" } },
      };
    },
  },
  {
    route: "login.tsx",
    load: () => import("~/routes/login"),
    who: "someone signed out",
    forms: { "sign-in": { email: { kind: "email", max: 254, required: true }, password: text(1024, true), redirectTo: anything } },
    // Failed attempts are counted (throttling) and audited.
    refusalMayWrite: ["rate_limit_events", "audit_log"],
    async prepare() {
      const user = await createUser();
      return {
        cookie: null,
        url: "/login",
        params: {},
        actorId: null,
        valid: { "sign-in": { email: user.email, password: DEFAULT_PASSWORD, redirectTo: "/requests" } },
      };
    },
  },
  {
    route: "logout.tsx",
    load: () => import("~/routes/logout"),
    who: "any signed-in person",
    forms: { "sign-out": {} },
    async prepare(world) {
      return {
        cookie: await signInAs(world.requester.id),
        url: "/logout",
        params: {},
        actorId: world.requester.id,
        valid: { "sign-out": {} },
      };
    },
  },
  {
    route: "notifications.tsx",
    load: () => import("~/routes/notifications"),
    who: "the person the notification is for",
    intentField: "intent",
    forms: { "read-all": {}, open: { id: ref() }, read: { id: ref() } },
    unknownIntent: "refused",
    async prepare(world) {
      const notification = await prisma.notification.create({
        data: { id: crypto.randomUUID(), userId: world.requester.id, kind: "REQUEST_REPLY", title: "A reply", link: "/requests" },
      });
      return {
        cookie: await cookieOf(world.requester),
        url: "/notifications",
        params: {},
        actorId: world.requester.id,
        valid: { "read-all": {}, open: { id: notification.id }, read: { id: notification.id } },
      };
    },
  },
  {
    route: "requests.$number.tsx",
    params: ["number"],
    load: () => import("~/routes/requests.$number"),
    who: "a member of the team handling the request",
    intentField: "intent",
    forms: {
      assign: { version: { kind: "version", of: "counter" }, assigneeId: ref(false) },
      status: { version: { kind: "version", of: "counter" }, to: choice(REQUEST_STATUSES) },
      reply: { formToken: { kind: "token", min: 8, max: 100 }, body: text(20_000, true) },
      note: { formToken: { kind: "token", min: 8, max: 100 }, body: text(20_000, true) },
      promise: { version: { kind: "version", of: "counter" }, promisedAt: { kind: "day", required: true }, reason: text(500, true) },
      transfer: { version: { kind: "version", of: "counter" }, toTeamId: ref(), typeId: ref(), reason: text(500, true) },
    },
    unknownIntent: "refused",
    async prepare(world) {
      const request = await freshRequest(world);
      const number = requestRef(request.number);
      const version = String(request.version);
      return {
        cookie: await cookieOf(world.agent),
        url: `/requests/${number}`,
        params: { number },
        actorId: world.agent.id,
        valid: {
          assign: { version, assigneeId: world.agent.id },
          status: { version, to: "IN_PROGRESS" },
          reply: { formToken: token(), body: "On it" },
          note: { formToken: token(), body: "Internal: check stock" },
          promise: { version, promisedAt: daysFromNow(7), reason: "Stock arrives Monday" },
          transfer: { version, toTeamId: world.other.id, typeId: world.otherType.id, reason: "Theirs" },
        },
      };
    },
  },
  {
    route: "requests.$number_.rate.tsx",
    params: ["number"],
    load: () => import("~/routes/requests.$number_.rate"),
    who: "the person who raised the (resolved) request",
    forms: {
      rate: {
        mode: choice(["rate", "edit", "rerate"]),
        version: { kind: "version", of: "counter", required: false },
        overall: { kind: "number", min: 1, max: 5, int: true, required: true },
        exceeded: choice(["yes", "no"]),
        ...dimensionFields,
        comment: text(RATING_COMMENT_MAX),
      },
    },
    async prepare(world) {
      const request = await resolveRequest({
        requesterId: world.requester.id,
        requestingTeamId: world.sales.id,
        providerTeamId: world.care.id,
        typeId: world.laptop.id,
      });
      const number = requestRef(request.number);
      return {
        cookie: await cookieOf(world.requester),
        url: `/requests/${number}/rate`,
        params: { number },
        actorId: world.requester.id,
        valid: { rate: { mode: "rate", overall: "4", exceeded: "no", reliability: "5", comment: "Quick and kind" } },
      };
    },
  },
  {
    route: "requests.$number_.recovery.tsx",
    params: ["number"],
    load: () => import("~/routes/requests.$number_.recovery"),
    who: "a manager of the team that handled the poorly rated request",
    intentField: "step",
    forms: {
      acknowledge: { version: { kind: "version", of: "counter" }, note: anything },
      apologise: { version: { kind: "version", of: "counter" }, note: text(RECOVERY_NOTE_MAX, true) },
      correct: { version: { kind: "version", of: "counter" }, note: text(RECOVERY_NOTE_MAX, true) },
      close: { version: { kind: "version", of: "counter" }, note: text(RECOVERY_NOTE_MAX) },
    },
    unknownIntent: "refused",
    async prepare(world, form) {
      const request = await resolveRequest({
        requesterId: world.requester.id,
        requestingTeamId: world.sales.id,
        providerTeamId: world.care.id,
        typeId: world.laptop.id,
      });
      const rating = await createRating(request, { overall: 1 });
      const recoveryCase = await createRecoveryCase(request, rating.id, { status: RECOVERY_FROM[form] ?? "OPEN" });
      const number = requestRef(request.number);
      const version = String(recoveryCase.version);
      return {
        cookie: await cookieOf(world.manager),
        url: `/requests/${number}/recovery`,
        params: { number },
        actorId: world.manager.id,
        valid: {
          acknowledge: { version },
          apologise: { version, note: "We are sorry" },
          correct: { version, note: "New checklist" },
          close: { version, note: "" },
        },
      };
    },
  },
  {
    route: "requests.new.tsx",
    load: () => import("~/routes/requests.new"),
    who: "any signed-in person (asking for one of their teams)",
    forms: {
      raise: {
        formToken: { kind: "token", min: 8, max: 100 },
        providerTeamId: ref(),
        typeId: ref(),
        title: text(200, true),
        body: text(20_000, true),
        priority: choice(PRIORITIES, false),
        dueAt: { kind: "day" },
        requestingTeamId: ref(false),
      },
    },
    async prepare(world) {
      return {
        cookie: await cookieOf(world.requester),
        url: "/requests/new",
        params: {},
        actorId: world.requester.id,
        valid: {
          raise: {
            formToken: token(),
            providerTeamId: world.care.id,
            typeId: world.laptop.id,
            title: unique("New laptop"),
            body: "Mine broke",
            priority: "HIGH",
            dueAt: daysFromNow(10),
            requestingTeamId: world.sales.id,
          },
        },
      };
    },
  },
  {
    route: "reset-password.$token.tsx",
    params: ["token"],
    paramsIgnoredByAction: true,
    load: () => import("~/routes/reset-password.$token"),
    who: "someone signed out, holding a reset link",
    forms: { "set-password": setPasswordFields },
    async prepare() {
      const user = await createUser();
      const secret = await issueAuthToken(prisma, user.id, "PASSWORD_RESET");
      const password = `Quartz-lantern-${crypto.randomBytes(4).toString("hex")}`;
      return {
        cookie: null,
        url: `/reset-password/${secret}`,
        params: { token: secret },
        actorId: null,
        valid: { "set-password": { token: secret, password, confirmPassword: password } },
      };
    },
  },
  {
    route: "teams.$slug_.catalogue.tsx",
    params: ["slug"],
    load: () => import("~/routes/teams.$slug_.catalogue"),
    who: "a manager of the team",
    forms: { create: requestTypeFields },
    async prepare(world) {
      return {
        cookie: await cookieOf(world.manager),
        url: `/teams/${world.care.slug}/catalogue`,
        params: { slug: world.care.slug },
        actorId: world.manager.id,
        valid: {
          create: {
            name: unique("Type"),
            description: "",
            defaultPriority: "NORMAL",
            firstResponseTarget: "4",
            firstResponseUnit: "hours",
            resolutionTarget: "3",
            resolutionUnit: "days",
            active: "on",
          },
        },
      };
    },
  },
  {
    route: "teams.$slug_.catalogue_.$typeId.tsx",
    params: ["slug", "typeId"],
    load: () => import("~/routes/teams.$slug_.catalogue_.$typeId"),
    who: "a manager of the team",
    forms: { edit: { ...requestTypeFields, version: { kind: "version", of: "timestamp" } } },
    async prepare(world) {
      const type = await createRequestType(world.care.id, { name: unique("Type") });
      return {
        cookie: await cookieOf(world.manager),
        url: `/teams/${world.care.slug}/catalogue/${type.id}`,
        params: { slug: world.care.slug, typeId: type.id },
        actorId: world.manager.id,
        valid: {
          edit: {
            name: unique("Renamed type"),
            description: "",
            defaultPriority: "HIGH",
            firstResponseTarget: "2",
            firstResponseUnit: "hours",
            resolutionTarget: "1",
            resolutionUnit: "days",
            active: "on",
            version: type.updatedAt.toISOString(),
          },
        },
      };
    },
  },
  {
    route: "teams.$slug_.queue.tsx",
    params: ["slug"],
    load: () => import("~/routes/teams.$slug_.queue"),
    who: "a member of the team (their own saved views)",
    intentField: "intent",
    forms: {
      "save-view": { name: text(SAVED_VIEW_NAME_MAX, true), query: text(SAVED_VIEW_QUERY_MAX) },
      "delete-view": { viewId: ref(), query: anything },
    },
    unknownIntent: "refused",
    async prepare(world) {
      // A fresh member each run: saved views are limited per person and team.
      const member = await createUser();
      await addMember(member.id, world.care.id);
      const view = await prisma.savedView.create({
        data: { id: crypto.randomUUID(), userId: member.id, teamId: world.care.id, name: "Mine", query: "" },
      });
      return {
        cookie: await signInAs(member.id),
        url: `/teams/${world.care.slug}/queue`,
        params: { slug: world.care.slug },
        actorId: member.id,
        valid: {
          "save-view": { name: unique("View"), query: "status=NEW&priority=HIGH" },
          "delete-view": { viewId: view.id, query: "" },
        },
      };
    },
  },
];
