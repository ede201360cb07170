// The demo organisation's requests: every team that takes requests gets its catalogue
// (demo-catalogue.ts), and about 300 requests spread over the last 120 days are played out
// event by event — created, transferred, assigned, answered, waiting on the requester, promised,
// resolved, reopened, closed after 7 days, or cancelled — and cut off at `now`. A request's
// columns are read back from its own events, so they always agree with its timeline.
// Pure and deterministic: the same organisation, `now` and seed give the same data.
import { AUTO_CLOSE_AFTER_DAYS, REOPEN_WINDOW_DAYS, STATUS_LABELS, type RequestStatus } from "~/utils/request-lifecycle";
import { formatRequestNumber, requestPath, type Priority } from "~/utils/request-number";
import { formatDuration, SLA_WARNING_FRACTION, slaDueDates } from "~/utils/sla";
import { demoCatalogue, demoFillers, demoPhrases, demoTransferStories, type DemoRequestType, type DemoStory } from "./demo-catalogue";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const DEMO_REQUEST_COUNT = 300;
export const DEMO_HISTORY_DAYS = 120;
const DEMO_SEED = 20_260_101;

export interface DemoOrg {
  /** Team ids by demo key (demo-organisation.ts). */
  teamIds: Map<string, string>;
  /** Team names by id. */
  teamNames: Map<string, string>;
  people: Array<{ id: string; name: string; teams: Array<[teamKey: string, role: "MEMBER" | "MANAGER"]> }>;
}

type EventKind =
  | "CREATED"
  | "COMMENTED"
  | "NOTE_ADDED"
  | "STATUS_CHANGED"
  | "ASSIGNED"
  | "TRANSFERRED"
  | "PROMISE_SET"
  | "REOPENED"
  | "SLA_WARNING"
  | "SLA_BREACHED";

type SlaClock = "FIRST_RESPONSE" | "RESOLUTION";

export interface DemoEvent {
  requestId: string;
  actorId: string | null;
  kind: EventKind;
  at: Date;
  fromStatus?: RequestStatus;
  toStatus?: RequestStatus;
  fromTeamId?: string;
  toTeamId?: string;
  assigneeId?: string | null;
  promisedAt?: Date;
  reason?: string;
  commentId?: string;
  slaClock?: SlaClock;
}

/** An SLA warning or breach as the SLA job records it, so it never announces the demo's again. */
export interface DemoSlaAlert {
  requestId: string;
  clock: SlaClock;
  level: "WARNING" | "BREACHED";
  dueAt: Date;
  at: Date;
}

export interface DemoComment {
  id: string;
  requestId: string;
  authorId: string;
  body: string;
  internal: boolean;
  createdAt: Date;
}

export interface DemoRequestRow {
  id: string;
  title: string;
  body: string;
  requesterId: string;
  requestingTeamId: string | null;
  providerTeamId: string;
  typeId: string;
  assigneeId: string | null;
  priority: Priority;
  status: RequestStatus;
  dueAt: Date | null;
  promisedAt: Date | null;
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  transferCount: number;
  reopenCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoTypeRow {
  id: string;
  teamId: string;
  name: string;
  description: string;
  defaultPriority: Priority;
  firstResponseTargetMinutes: number;
  resolutionTargetMinutes: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoRequestData {
  types: DemoTypeRow[];
  /** In creation order, so that numbers from the sequence increase with time. */
  requests: DemoRequestRow[];
  comments: DemoComment[];
  /** In time order. */
  events: DemoEvent[];
  slaAlerts: DemoSlaAlert[];
}

// ---------------------------------------------------------------------------------------------
// Randomness: a small seeded generator (mulberry32), so every run tells the same stories. Shared
// by the other demo generators (ratings, kudos), each with its own seed.

export class Random {
  constructor(private state: number) {}
  next() {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  between(min: number, max: number) {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number) {
    return Math.floor(this.between(min, max + 1));
  }
  chance(p: number) {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1]!;
  }
  uuid() {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = "4";
    hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// A plan says how a request's life goes; the simulation turns it into events.

type Fate =
  | "normal" // answered, worked, resolved, closed 7 days later — as far as time has got
  | "unanswered" // nobody has picked it up yet
  | "assignedOnly" // someone took it but hasn't answered yet
  | "cancelEarly" // the requester cancels before anyone answers
  | "cancelLate" // the requester cancels while it's being worked on
  | "stuckWaiting"; // the team asked a question and is still waiting for the answer

interface Plan {
  createdAt: Date;
  teamKey: string;
  type: DemoRequestType;
  story: DemoStory;
  requester: Person;
  requestingTeamKey: string | null;
  transfer?: { path: string[]; types: DemoRequestType[]; reasons: string[] };
  fate: Fate;
  priority: Priority;
  assignee?: Person;
  /** Fractions of the targets; above 1 misses the target. */
  firstResponseFraction: number;
  resolutionFraction: number;
  waitCycle: boolean;
  note: boolean;
  promise: null | "kept" | "broken" | "renegotiated";
  reopen: boolean;
  thanks: boolean;
  needBy: number | null;
}

interface Person {
  id: string;
  name: string;
  teams: Array<[string, "MEMBER" | "MANAGER"]>;
}

const TEAM_WEIGHTS: Record<string, number> = { servicedesk: 30, facilities: 17, people: 15, finance: 14, field: 11, care: 13 };

function dayStart(date: Date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function addDays(date: Date, days: number) {
  return new Date(date.getTime() + days * DAY);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const OPEN: readonly RequestStatus[] = ["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER"];

/**
 * The SLA warnings and breaches the SLA job would have announced over the request's life: a
 * clock is watched while the request is open (and, for first response, not yet answered); the
 * warning comes at 80% of the target unless the clock is already out by then, the breach when it
 * runs out — or, if the request was not open at that moment, when it next is (a reopen).
 */
function slaAlertsOf(row: DemoRequestRow, events: DemoEvent[], now: Date): DemoSlaAlert[] {
  const open: Array<[Date, Date]> = [];
  let since: Date | null = null;
  for (const e of events) {
    if (!e.toStatus) continue;
    const isOpen = OPEN.includes(e.toStatus);
    if (isOpen && !since) since = e.at;
    if (!isOpen && since) {
      open.push([since, e.at]);
      since = null;
    }
  }
  if (since) open.push([since, now]);

  const alerts: DemoSlaAlert[] = [];
  const watch = (clock: SlaClock, dueAt: Date, stopAt: Date | null) => {
    const windows = open.map(([from, to]): [Date, Date] => [from, stopAt && stopAt < to ? stopAt : to]).filter(([from, to]) => from < to);
    /** The first moment at or after `t` when the clock is being watched. */
    const noticed = (t: Date) => {
      for (const [from, to] of windows) {
        if (t < from) return from;
        if (t < to) return t;
      }
      return null;
    };
    const warningAt = new Date(row.createdAt.getTime() + (dueAt.getTime() - row.createdAt.getTime()) * SLA_WARNING_FRACTION);
    const warned = noticed(warningAt);
    if (warned && warned < dueAt) alerts.push({ requestId: row.id, clock, level: "WARNING", dueAt, at: warned });
    const breached = noticed(dueAt);
    if (breached) alerts.push({ requestId: row.id, clock, level: "BREACHED", dueAt, at: breached });
  };
  watch("FIRST_RESPONSE", row.firstResponseDueAt, row.firstResponseAt);
  watch("RESOLUTION", row.resolutionDueAt, null);
  return alerts;
}

/** A working-hours moment `daysAgo` days back (weekends mostly moved to Friday), never after now. */
export function workingMoment(random: Random, now: Date, daysAgo: number) {
  let day = dayStart(addDays(now, -daysAgo));
  const weekday = day.getUTCDay();
  if ((weekday === 0 || weekday === 6) && daysAgo > 3 && random.chance(0.85)) day = addDays(day, weekday === 0 ? -2 : -1);
  const at = new Date(day.getTime() + random.between(7.5, 18) * HOUR);
  return at.getTime() < now.getTime() ? at : new Date(now.getTime() - random.between(10, 300) * MINUTE);
}

class Generator {
  private random = new Random(DEMO_SEED);
  private people: Person[];
  private typeIds = new Map<DemoRequestType, string>();
  private data: DemoRequestData = { types: [], requests: [], comments: [], events: [], slaAlerts: [] };

  constructor(
    private org: DemoOrg,
    private now: Date,
  ) {
    this.people = org.people;
  }

  private teamId(key: string) {
    const id = this.org.teamIds.get(key);
    if (!id) throw new Error(`Demo team ${key} is missing`);
    return id;
  }

  private membersOf(teamKey: string, role?: "MANAGER") {
    return this.people.filter((p) => p.teams.some(([k, r]) => k === teamKey && (!role || r === role)));
  }

  private person(name: string) {
    const found = this.people.find((p) => p.name === name);
    if (!found) throw new Error(`Demo person ${name} is missing`);
    return found;
  }

  private type(teamKey: string, name: string) {
    const found = demoCatalogue[teamKey]?.find((t) => t.name === name);
    if (!found) throw new Error(`Demo request type ${teamKey}/${name} is missing`);
    return found;
  }

  buildCatalogue() {
    const createdAt = addDays(this.now, -(DEMO_HISTORY_DAYS + 30));
    for (const [teamKey, types] of Object.entries(demoCatalogue)) {
      for (const t of types) {
        const id = this.random.uuid();
        this.typeIds.set(t, id);
        this.data.types.push({
          id,
          teamId: this.teamId(teamKey),
          name: t.name,
          description: t.description,
          defaultPriority: t.priority,
          firstResponseTargetMinutes: t.firstResponse,
          resolutionTargetMinutes: t.resolution,
          active: t.active !== false,
          createdAt,
          updatedAt: t.active === false ? addDays(this.now, -60) : createdAt,
        });
      }
    }
  }

  private createdAt(daysAgo: number) {
    return workingMoment(this.random, this.now, daysAgo);
  }

  private requesterFor(excludedTeams: string[]) {
    const candidates = this.people.filter((p) => !p.teams.some(([k]) => excludedTeams.includes(k)));
    return this.random.pick(candidates);
  }

  private requestingTeam(person: Person) {
    return person.teams[0]?.[0] ?? null;
  }

  private randomPlan(createdAt: Date, ageDays: number): Plan {
    const r = this.random;
    const teamKey = r.weighted(Object.keys(TEAM_WEIGHTS), (k) => TEAM_WEIGHTS[k]!);
    const retired = demoCatalogue[teamKey]!.filter((t) => t.active === false);
    const type = retired.length && ageDays > 60 && r.chance(0.25) ? r.pick(retired) : r.weighted(demoCatalogue[teamKey]!, (t) => t.weight);
    const requester = this.requesterFor([teamKey]);
    let fate: Fate = "normal";
    const roll = r.next();
    if (ageDays < 3) {
      // The current queue: some not picked up yet, some taken but not answered.
      if (roll < 0.2) fate = "unanswered";
      else if (roll < 0.32) fate = "assignedOnly";
      else if (roll < 0.36) fate = "cancelEarly";
    } else if (roll < 0.04) fate = "cancelEarly";
    else if (roll < 0.07) fate = "cancelLate";
    else if (roll < 0.12 && ageDays < 25) fate = "stuckWaiting";
    else if (roll < 0.14 && ageDays < 10) fate = "unanswered";
    return this.plan(createdAt, teamKey, type, requester, fate);
  }

  private plan(createdAt: Date, teamKey: string, type: DemoRequestType, requester: Person, fate: Fate, extra: Partial<Plan> = {}): Plan {
    const r = this.random;
    const promiseRoll = r.next();
    return {
      createdAt,
      teamKey,
      type,
      story: r.pick(type.stories),
      requester,
      requestingTeamKey: this.requestingTeam(requester),
      fate,
      priority: r.chance(0.8) ? type.priority : r.pick(["LOW", "NORMAL", "HIGH", "URGENT"] as const),
      firstResponseFraction: r.chance(0.78) ? r.between(0.1, 0.9) : r.between(1.15, 3),
      resolutionFraction: r.chance(0.72) ? r.between(0.3, 0.95) : r.between(1.1, 2.5),
      waitCycle: r.chance(0.25),
      note: r.chance(0.45),
      promise: promiseRoll < 0.12 ? "kept" : promiseRoll < 0.19 ? "broken" : promiseRoll < 0.23 ? "renegotiated" : null,
      reopen: r.chance(0.07),
      thanks: r.chance(0.3),
      needBy: r.chance(0.25) ? r.int(3, 20) : null,
      ...extra,
    };
  }

  // -------------------------------------------------------------------------------------------

  private fill(text: string, values: Map<string, string>, plan: Plan) {
    return text.replace(/\{(\w+)\}/g, (_, key: string) => {
      let value = values.get(key);
      if (value === undefined) {
        value = this.fillerValue(key, plan);
        values.set(key, value);
      }
      return value;
    });
  }

  private fillerValue(key: string, plan: Plan): string {
    const r = this.random;
    const created = plan.createdAt;
    switch (key) {
      case "asset":
        return `UPS-${r.int(1000, 9999)}`;
      case "floor":
        return String(r.int(1, 5));
      case "desk":
        return `${r.int(1, 5)}.${String(r.int(1, 40)).padStart(2, "0")}`;
      case "po":
        return `PO-${r.int(40000, 49999)}`;
      case "invoice":
        return `INV-${r.int(70000, 89999)}`;
      case "amount":
        return `€${(r.int(12, 950) * 10).toLocaleString("en")}`;
      case "costcentre":
        return `CC-${r.int(100, 480)}`;
      case "employee":
        return String(r.int(10000, 39999));
      case "month":
        return MONTHS[(created.getUTCMonth() + 11) % 12]!;
      case "date": {
        const d = addDays(created, r.int(7, 21));
        return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
      }
      case "colleague":
        return r.pick(this.people.filter((p) => p.id !== plan.requester.id)).name;
      default: {
        const options = demoFillers[key];
        if (!options) throw new Error(`No demo filler for {${key}}`);
        return r.pick(options);
      }
    }
  }

  // -------------------------------------------------------------------------------------------

  /** Plays a plan out into events, keeps those up to now, and derives the request from them. */
  private play(plan: Plan) {
    const r = this.random;
    const id = r.uuid();
    const values = new Map<string, string>();
    const say = (text: string) => this.fill(text, values, plan);
    const events: DemoEvent[] = [];
    const comments: DemoComment[] = [];
    const requester = plan.requester;
    const type = plan.type;
    const path = plan.transfer?.path ?? [plan.teamKey];
    const firstType = plan.transfer?.types[0] ?? type;

    const event = (e: Omit<DemoEvent, "requestId">) => events.push({ requestId: id, ...e });
    const comment = (at: Date, author: Person, body: string, internal = false) => {
      const c = { id: r.uuid(), requestId: id, authorId: author.id, body: say(body), internal, createdAt: at };
      comments.push(c);
      event({ actorId: author.id, kind: internal ? "NOTE_ADDED" : "COMMENTED", at, commentId: c.id });
    };
    const status = (at: Date, actor: Person | null, from: RequestStatus, to: RequestStatus, reason?: string) =>
      event({ actorId: actor?.id ?? null, kind: "STATUS_CHANGED", at, fromStatus: from, toStatus: to, ...(reason ? { reason } : {}) });
    const later = (t: Date, minutes: number) => new Date(t.getTime() + minutes * MINUTE);

    const created = plan.createdAt;
    event({ actorId: requester.id, kind: "CREATED", at: created, toStatus: "NEW", toTeamId: this.teamId(path[0]!) });

    // Passed on (and sometimes back) within hours, before anyone answers.
    let t = created;
    for (let hop = 1; hop < path.length; hop++) {
      t = later(t, r.between(40, 240));
      const by = r.pick(this.membersOf(path[hop - 1]!));
      event({
        actorId: by.id,
        kind: "TRANSFERRED",
        at: t,
        fromTeamId: this.teamId(path[hop - 1]!),
        toTeamId: this.teamId(path[hop]!),
        reason: plan.transfer!.reasons[hop - 1]!,
      });
    }

    const team = this.membersOf(plan.teamKey);
    const managers = this.membersOf(plan.teamKey, "MANAGER");
    // People who work in the team more often pick up its work than its managers do.
    const assignee =
      plan.assignee ?? r.weighted(team, (p) => (p.teams.some(([k, role]) => k === plan.teamKey && role === "MANAGER") ? 1 : 3));
    const firstResponseAt = new Date(
      Math.max(created.getTime() + firstType.firstResponse * MINUTE * plan.firstResponseFraction, later(t, 10).getTime()),
    );
    let resolvedAt = new Date(
      Math.max(created.getTime() + firstType.resolution * MINUTE * plan.resolutionFraction, later(firstResponseAt, 60).getTime()),
    );

    const assign = (at: Date) => {
      const by = r.chance(0.6) || managers.length === 0 ? assignee : r.pick(managers);
      event({ actorId: by.id, kind: "ASSIGNED", at, assigneeId: assignee.id });
    };

    if (plan.fate === "cancelEarly") {
      const at = later(t, r.between(20, 20 * 60));
      comment(at, requester, r.pick(demoPhrases.cancel));
      status(at, requester, "NEW", "CANCELLED");
      return this.finish(id, plan, values, events, comments);
    }
    if (plan.fate === "unanswered") return this.finish(id, plan, values, events, comments);
    const assignedAt = new Date(t.getTime() + (firstResponseAt.getTime() - t.getTime()) * r.between(0.2, 0.95));
    assign(assignedAt);
    if (plan.fate === "assignedOnly") return this.finish(id, plan, values, events, comments);

    // The first response: a reply and the start of work.
    if (r.chance(0.75)) comment(firstResponseAt, assignee, r.pick(demoPhrases.acknowledgements));
    status(firstResponseAt, assignee, "NEW", "IN_PROGRESS");
    const span = resolvedAt.getTime() - firstResponseAt.getTime();
    const at = (fraction: number) => new Date(firstResponseAt.getTime() + span * fraction);

    if (plan.note) comment(at(r.between(0.05, 0.3)), r.chance(0.7) ? assignee : r.pick(team), r.pick(type.notes), true);

    if (plan.fate === "cancelLate") {
      const when = at(r.between(0.35, 0.8));
      comment(when, requester, r.pick(demoPhrases.cancel));
      status(when, requester, "IN_PROGRESS", "CANCELLED");
      return this.finish(id, plan, values, events, comments);
    }

    if (plan.waitCycle || plan.fate === "stuckWaiting") {
      const asked = at(r.between(0.32, 0.45));
      comment(asked, assignee, r.pick(type.questions));
      status(asked, assignee, "IN_PROGRESS", "WAITING_ON_REQUESTER");
      if (plan.fate === "stuckWaiting") return this.finish(id, plan, values, events, comments);
      // The requester's answer puts the request back in the team's hands.
      const answered = new Date(asked.getTime() + Math.min(r.between(1, 26) * HOUR, (resolvedAt.getTime() - asked.getTime()) * 0.6));
      comment(answered, requester, r.pick(type.answers));
      status(answered, requester, "WAITING_ON_REQUESTER", "IN_PROGRESS");
    }

    if (plan.promise && !plan.reopen) {
      const promisedOn = at(r.between(0.08, 0.25));
      if (plan.promise === "kept") {
        const date = addDays(dayStart(resolvedAt), r.int(1, 3));
        event({ actorId: assignee.id, kind: "PROMISE_SET", at: promisedOn, promisedAt: date, reason: r.pick(demoPhrases.promise) });
      } else if (plan.promise === "broken") {
        const date = addDays(dayStart(promisedOn), r.int(1, 2));
        event({ actorId: assignee.id, kind: "PROMISE_SET", at: promisedOn, promisedAt: date, reason: r.pick(demoPhrases.promise) });
        // Resolved a day or more after the promised date: the requester chases meanwhile.
        resolvedAt = new Date(Math.max(resolvedAt.getTime(), addDays(date, 1).getTime() + r.between(2, 30) * HOUR));
        comment(new Date(date.getTime() + r.between(9, 16) * HOUR), requester, r.pick(demoPhrases.chase));
      } else {
        const first = addDays(dayStart(promisedOn), r.int(1, 2));
        event({ actorId: assignee.id, kind: "PROMISE_SET", at: promisedOn, promisedAt: first, reason: r.pick(demoPhrases.promise) });
        const changedAt = new Date(Math.max(promisedOn.getTime() + HOUR, first.getTime() - r.between(4, 14) * HOUR));
        resolvedAt = new Date(Math.max(resolvedAt.getTime(), first.getTime() + r.between(3, 30) * HOUR));
        const second = addDays(dayStart(resolvedAt), r.int(1, 2));
        event({ actorId: assignee.id, kind: "PROMISE_SET", at: changedAt, promisedAt: second, reason: r.pick(demoPhrases.renegotiate) });
      }
    }

    // Resolved (with a reply), perhaps reopened by the requester and resolved again, then closed
    // by the system 7 days later.
    comment(resolvedAt, assignee, r.pick(type.resolutions));
    status(resolvedAt, assignee, "IN_PROGRESS", "RESOLVED");
    if (plan.reopen) {
      const reopenedAt = new Date(resolvedAt.getTime() + r.between(3, Math.min(4 * 24, REOPEN_WINDOW_DAYS * 24)) * HOUR);
      comment(reopenedAt, requester, r.pick(demoPhrases.reopen));
      event({ actorId: requester.id, kind: "REOPENED", at: reopenedAt, fromStatus: "RESOLVED", toStatus: "IN_PROGRESS" });
      resolvedAt = new Date(reopenedAt.getTime() + r.between(3, 72) * HOUR);
      comment(resolvedAt, assignee, r.pick(type.resolutions));
      status(resolvedAt, assignee, "IN_PROGRESS", "RESOLVED");
    }
    if (plan.thanks) comment(new Date(resolvedAt.getTime() + r.between(10, 600) * MINUTE), requester, r.pick(demoPhrases.thanks));
    const closedAt = new Date(resolvedAt.getTime() + AUTO_CLOSE_AFTER_DAYS * DAY + r.between(1, 55) * MINUTE);
    status(closedAt, null, "RESOLVED", "CLOSED", `Closed automatically ${AUTO_CLOSE_AFTER_DAYS} days after it was resolved.`);
    return this.finish(id, plan, values, events, comments);
  }

  /** Keeps what has happened by now and reads the request's columns from it. */
  private finish(id: string, plan: Plan, values: Map<string, string>, allEvents: DemoEvent[], allComments: DemoComment[]) {
    const now = this.now.getTime();
    const events = allEvents.filter((e) => e.at.getTime() <= now).sort((a, b) => a.at.getTime() - b.at.getTime());
    const kept = new Set(events.map((e) => e.commentId).filter(Boolean));
    const comments = allComments.filter((c) => kept.has(c.id));

    const row: DemoRequestRow = {
      id,
      title: capitalise(this.fill(plan.story.title, values, plan)),
      body: this.fill(plan.story.body, values, plan),
      requesterId: plan.requester.id,
      requestingTeamId: plan.requestingTeamKey ? this.teamId(plan.requestingTeamKey) : null,
      providerTeamId: "",
      typeId: this.typeIds.get(plan.type)!,
      assigneeId: null,
      priority: plan.priority,
      status: "NEW",
      dueAt: plan.needBy ? addDays(dayStart(plan.createdAt), plan.needBy) : null,
      promisedAt: null,
      // The clocks start with the request and keep running through transfers.
      ...slaDueDates(plan.createdAt, {
        firstResponseTargetMinutes: (plan.transfer?.types[0] ?? plan.type).firstResponse,
        resolutionTargetMinutes: (plan.transfer?.types[0] ?? plan.type).resolution,
      }),
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      cancelledAt: null,
      transferCount: 0,
      reopenCount: 0,
      version: events.length,
      createdAt: plan.createdAt,
      updatedAt: events[events.length - 1]!.at,
    };
    const providerIds = new Set(this.membersOf(plan.teamKey).map((p) => p.id));
    for (const e of events) {
      if (e.kind === "CREATED" || e.kind === "TRANSFERRED") row.providerTeamId = e.toTeamId!;
      if (e.kind === "TRANSFERRED") {
        row.transferCount += 1;
        row.assigneeId = null;
      }
      if (e.kind === "ASSIGNED") row.assigneeId = e.assigneeId ?? null;
      if (e.kind === "PROMISE_SET") row.promisedAt = e.promisedAt!;
      const responds = (e.kind === "COMMENTED" || e.kind === "STATUS_CHANGED") && !!e.actorId && providerIds.has(e.actorId);
      if (responds && !row.firstResponseAt && e.actorId !== plan.requester.id) row.firstResponseAt = e.at;
      if (e.kind === "STATUS_CHANGED" || e.kind === "REOPENED") {
        row.status = e.toStatus!;
        if (e.toStatus === "RESOLVED") row.resolvedAt = e.at;
        if (e.kind === "REOPENED") {
          row.resolvedAt = null;
          row.reopenCount += 1;
        }
        if (e.toStatus === "CLOSED") row.closedAt = e.at;
        if (e.toStatus === "CANCELLED") row.cancelledAt = e.at;
      }
    }
    // A transfer cut short by `now` would leave it with a team its type doesn't belong to.
    if (row.providerTeamId !== this.teamId(plan.teamKey)) throw new Error("Demo transfer did not finish before now");
    const alerts = slaAlertsOf(row, events, this.now);
    for (const alert of alerts) {
      const kind = alert.level === "WARNING" ? "SLA_WARNING" : "SLA_BREACHED";
      events.push({ requestId: id, actorId: null, kind, at: alert.at, slaClock: alert.clock });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    this.data.requests.push(row);
    this.data.comments.push(...comments);
    this.data.events.push(...events);
    this.data.slaAlerts.push(...alerts);
  }

  // -------------------------------------------------------------------------------------------

  /** Requests the demo accounts should find when they sign in. */
  private scripted(): Plan[] {
    const ago = (days: number) => this.createdAt(days);
    const hoursAgo = (hours: number) => new Date(this.now.getTime() - hours * HOUR);
    const daniel = this.person("Daniel Kim");
    const sofia = this.person("Sofia Alvarez");
    const marcus = this.person("Marcus Bell");
    const priya = this.person("Priya Raman");
    const it = (name: string) => this.type("servicedesk", name);
    const met = { firstResponseFraction: 0.4, resolutionFraction: 0.6 };
    return [
      // Daniel Kim (employee, Finance): one of everything.
      this.plan(hoursAgo(0.7), "servicedesk", it("Software licence"), daniel, "unanswered"),
      this.plan(hoursAgo(30), "servicedesk", it("New laptop"), daniel, "normal", {
        ...met,
        promise: "kept",
        reopen: false,
        waitCycle: false,
      }),
      this.plan(ago(3), "people", this.type("people", "Leave balance"), daniel, "stuckWaiting", { firstResponseFraction: 0.5 }),
      this.plan(ago(4), "facilities", this.type("facilities", "Desk or chair repair"), daniel, "normal", {
        firstResponseFraction: 0.3,
        resolutionFraction: 0.5,
        reopen: false,
        promise: null,
      }),
      this.plan(ago(12), "facilities", this.type("facilities", "Access badge"), daniel, "cancelEarly"),
      this.plan(ago(33), "servicedesk", it("Password or MFA problem"), daniel, "normal", { ...met, reopen: false, promise: null }),
      this.plan(ago(47), "servicedesk", it("Access to a system"), daniel, "normal", {
        firstResponseFraction: 2.2,
        resolutionFraction: 1.8,
        promise: "broken",
        reopen: false,
      }),
      this.plan(ago(78), "facilities", this.type("facilities", "Meeting room problem"), daniel, "normal", {
        ...met,
        reopen: true,
        promise: null,
      }),
      // Sofia Alvarez (front-line rep, Customer Care).
      this.plan(hoursAgo(5), "servicedesk", it("Laptop or monitor problem"), sofia, "assignedOnly", { assignee: priya }),
      this.plan(ago(2), "field", this.type("field", "Schedule a customer visit"), sofia, "normal", {
        firstResponseFraction: 0.5,
        resolutionFraction: 1.4,
        promise: null,
        reopen: false,
      }),
      this.plan(ago(26), "servicedesk", it("Password or MFA problem"), sofia, "normal", { ...met, reopen: false, promise: null }),
      // Marcus Bell (manager, Customer Care).
      this.plan(ago(5), "people", this.type("people", "Onboarding a new starter"), marcus, "normal", {
        firstResponseFraction: 0.5,
        resolutionFraction: 0.9,
        promise: "kept",
        reopen: false,
      }),
      this.plan(ago(40), "facilities", this.type("facilities", "Meeting room problem"), marcus, "normal", { ...met, reopen: false }),
      // Priya Raman's IT Service Desk queue: waiting to be picked up, and her own open work.
      ...[0.3, 2, 6, 20].map((h) =>
        this.plan(
          hoursAgo(h),
          "servicedesk",
          it(this.random.pick(["Access to a system", "Software licence", "New laptop"])),
          this.requesterFor(["servicedesk"]),
          "unanswered",
        ),
      ),
      ...[1, 3].map((d) =>
        this.plan(ago(d), "servicedesk", it("New laptop"), this.requesterFor(["servicedesk"]), "normal", {
          assignee: priya,
          firstResponseFraction: 0.2,
          resolutionFraction: 0.9,
          reopen: false,
        }),
      ),
    ];
  }

  private transferPlans(count: number): Plan[] {
    const plans: Plan[] = [];
    for (let i = 0; i < count; i++) {
      const story = demoTransferStories[i % demoTransferStories.length]!;
      const types = story.types.map((name, hop) => this.type(story.path[hop]!, name));
      const finalKey = story.path[story.path.length - 1]!;
      const requester = this.requesterFor(story.path);
      // Old enough that every hop has happened.
      const createdAt = this.createdAt(this.random.int(2, DEMO_HISTORY_DAYS - 1));
      plans.push(
        this.plan(createdAt, finalKey, types[types.length - 1]!, requester, "normal", {
          story,
          transfer: { path: story.path, types, reasons: story.reasons },
        }),
      );
    }
    return plans;
  }

  build(): DemoRequestData {
    this.buildCatalogue();
    const plans = [...this.scripted(), ...this.transferPlans(24)];
    while (plans.length < DEMO_REQUEST_COUNT) {
      // Most requests spread evenly over the period; a quarter are from the last ten days.
      const ageDays = this.random.chance(0.25) ? this.random.between(0, 10) : this.random.between(0, DEMO_HISTORY_DAYS);
      plans.push(this.randomPlan(this.createdAt(Math.floor(ageDays)), ageDays));
    }
    plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const plan of plans) this.play(plan);
    this.data.events.sort((a, b) => a.at.getTime() - b.at.getTime());
    return this.data;
  }
}

export function buildDemoRequests(org: DemoOrg, now = new Date()): DemoRequestData {
  return new Generator(org, now).build();
}

// ---------------------------------------------------------------------------------------------
// The notifications of the last week, so the bell and the home page have something to show.

export const DEMO_NOTIFICATION_DAYS = 7;

type NotificationKind =
  | "REQUEST_RECEIVED"
  | "REQUEST_ASSIGNED"
  | "REQUEST_REPLY"
  | "STATUS_CHANGED"
  | "PROMISE_CHANGED"
  | "REQUEST_TRANSFERRED"
  | "SLA_WARNING"
  | "SLA_BREACHED";

export interface DemoNotificationRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  requestId: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
  /** Set, so the daily digest never mails the demo's history. */
  digestedAt: Date;
}

function excerpt(text: string) {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * What each event of the last week told whom, as the app would have: the provider team about a
 * new request, an assignee about an assignment, the requester about replies, status and promise
 * changes, the assignee about the requester's replies. Older than a day: mostly read.
 */
export function buildDemoNotifications(org: DemoOrg, data: DemoRequestData, numbers: Map<string, number>, now = new Date()) {
  const random = new Random(DEMO_SEED + 1);
  const since = now.getTime() - DEMO_NOTIFICATION_DAYS * DAY;
  const names = new Map(org.people.map((p) => [p.id, p.name]));
  const teamMembers = new Map<string, string[]>();
  const teamManagers = new Map<string, string[]>();
  for (const person of org.people) {
    for (const [key, role] of person.teams) {
      const id = org.teamIds.get(key)!;
      teamMembers.set(id, [...(teamMembers.get(id) ?? []), person.id]);
      if (role === "MANAGER") teamManagers.set(id, [...(teamManagers.get(id) ?? []), person.id]);
    }
  }
  const requests = new Map(data.requests.map((r) => [r.id, r]));
  const comments = new Map(data.comments.map((c) => [c.id, c]));
  const assigneeNow = new Map<string, string | null>();
  const rows: DemoNotificationRow[] = [];

  for (const e of data.events) {
    const request = requests.get(e.requestId)!;
    if (e.kind === "ASSIGNED") assigneeNow.set(e.requestId, e.assigneeId ?? null);
    if (e.kind === "TRANSFERRED") assigneeNow.set(e.requestId, null);
    if (e.at.getTime() < since) continue;
    const ref = formatRequestNumber(numbers.get(request.id)!);
    const actor = e.actorId ? (names.get(e.actorId) ?? "Someone") : "Upstream";
    const byRequester = e.actorId === request.requesterId;
    const tell = (userIds: Array<string | null | undefined>, kind: NotificationKind, title: string, body: string) => {
      for (const userId of new Set(userIds)) {
        if (!userId || userId === e.actorId) continue;
        const readAfter = e.at.getTime() + random.between(0.5, 20) * HOUR;
        const read = now.getTime() - e.at.getTime() > DAY && readAfter < now.getTime() && random.chance(0.85);
        rows.push({
          id: random.uuid(),
          userId,
          kind,
          requestId: request.id,
          title,
          body,
          link: requestPath(numbers.get(request.id)!),
          createdAt: e.at,
          readAt: read ? new Date(readAfter) : null,
          digestedAt: e.at,
        });
      }
    };
    const teamName = org.teamNames.get(e.toTeamId ?? request.providerTeamId) ?? "your team";
    switch (e.kind) {
      case "CREATED":
      case "TRANSFERRED":
        tell(
          teamMembers.get(e.toTeamId!) ?? [],
          e.kind === "CREATED" ? "REQUEST_RECEIVED" : "REQUEST_TRANSFERRED",
          `${e.kind === "CREATED" ? "New request" : "Request passed"} for ${teamName}: ${ref} ${request.title}`,
          e.kind === "CREATED" ? request.title : `${actor}: ${e.reason ?? ""}`,
        );
        break;
      case "ASSIGNED":
        tell([e.assigneeId], "REQUEST_ASSIGNED", `${ref} is assigned to you`, `${actor} assigned "${request.title}" to you.`);
        break;
      case "COMMENTED": {
        const text = excerpt(comments.get(e.commentId!)?.body ?? "");
        tell(
          [byRequester ? assigneeNow.get(e.requestId) : request.requesterId],
          "REQUEST_REPLY",
          `New reply on ${ref}`,
          `${actor}: ${text}`,
        );
        break;
      }
      case "STATUS_CHANGED":
      case "REOPENED": {
        const to = STATUS_LABELS[e.toStatus!].toLowerCase();
        const from = STATUS_LABELS[e.fromStatus!].toLowerCase();
        const title = e.kind === "REOPENED" ? `${ref} was reopened` : `${ref} is now ${to}`;
        tell(
          [byRequester ? assigneeNow.get(e.requestId) : request.requesterId],
          "STATUS_CHANGED",
          title,
          `${actor} changed "${request.title}" from ${from} to ${to}.`,
        );
        break;
      }
      case "SLA_WARNING":
      case "SLA_BREACHED": {
        // As the SLA job tells it: a warning to whoever holds it (or the team), a breach to the
        // holder and the team's managers.
        const clock = e.slaClock === "FIRST_RESPONSE" ? "first response" : "resolution";
        const due = e.slaClock === "FIRST_RESPONSE" ? request.firstResponseDueAt : request.resolutionDueAt;
        const holder = assigneeNow.get(e.requestId);
        const team = teamMembers.get(request.providerTeamId) ?? [];
        const dueText = `${due.toISOString().slice(0, 16).replace("T", " ")} UTC`;
        if (e.kind === "SLA_WARNING") {
          tell(
            holder ? [holder] : team,
            "SLA_WARNING",
            `${ref} ${clock} due in ${formatDuration(due.getTime() - e.at.getTime())}: ${request.title}`,
            `The ${clock} target runs out at ${dueText}.`,
          );
        } else {
          const managers = teamManagers.get(request.providerTeamId) ?? [];
          tell(
            holder || managers.length ? [holder, ...managers] : team,
            "SLA_BREACHED",
            `${ref} missed its ${clock} target: ${request.title}`,
            `The ${clock} target ran out at ${dueText}.`,
          );
        }
        break;
      }
      case "PROMISE_SET":
        tell(
          [request.requesterId],
          "PROMISE_CHANGED",
          `${ref}: promised by ${e.promisedAt!.toISOString().slice(0, 10)}`,
          `${actor} on "${request.title}": ${e.reason ?? ""}`,
        );
        break;
    }
  }
  return rows;
}
