// The demo organisation's customer complaints (issue 5): about 370 complaints logged over the
// last 120 days by front-line reps (Customer Care, and field technicians on site), in eight
// categories — one retired — each routed to the team that owns it. Their lives are played out
// as the app would: logged (resolved at the front line, or escalated to the routed team), a
// CRITICAL alert for critical ones, escalated one team up each time the waiting team's 24-hour
// target passes unacknowledged, acknowledged, tagged with themes, an action planned, a response
// to the rep and closed — all cut off at `now`, so recent ones are still waiting (some at the top
// of the organisation). "Heard it too" sightings cluster on a few complaints, and one theme, "App
// login failures", climbs sharply in the last three weeks. A handful closed over a year ago have
// already had their customer contact details erased. A complaint's columns are read back from
// its own timeline, so the two always agree.
// Pure and deterministic: the same organisation, `now` and seed give the same data.
import {
  DEFAULT_ACK_TARGET_MINUTES,
  DEFAULT_CONTACT_RETENTION_DAYS,
  type ComplaintChannel,
  type ComplaintStatus,
  type Severity,
} from "~/utils/complaint-rules";
import { contactPurgedNote } from "~/utils/contact-retention";
import { describeTarget } from "~/utils/sla";
import { demoTeams } from "./demo-organisation";
import {
  demoActionPlans,
  demoCategories,
  demoComplaintStories,
  demoCustomerNames,
  demoFillers,
  demoFrontLineResponses,
  demoResponses,
  demoSightingNotes,
  demoThemes,
  RISING_THEME,
  type DemoCategory,
  type DemoComplaintStory,
  type DemoThemeKey,
} from "./demo-complaint-stories";
import { DAY, HOUR, MINUTE, Random, workingMoment, type DemoOrg } from "./demo-requests";

const DEMO_COMPLAINTS_SEED = 20_260_707;
export const DEMO_COMPLAINT_DAYS = 120;
/** Complaints spread over the whole period, besides the rising theme's wave. */
const BASE_COMPLAINTS = 330;
/** The rising theme: many in the last three weeks, a trickle before. */
const WAVE_COMPLAINTS = 30;
const WAVE_DAYS = 21;
const TRICKLE_COMPLAINTS = 5;
/** Closed over a year ago; their contact details are already erased. */
const ANCIENT_COMPLAINTS = 5;

export interface DemoCategoryRow {
  id: string;
  name: string;
  description: string;
  ownerTeamId: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoThemeRow {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoComplaintRow {
  id: string;
  number: number;
  reporterId: string;
  channel: ComplaintChannel;
  categoryId: string;
  severity: Severity;
  summary: string;
  details: string;
  actionTaken: string;
  resolvedAtFrontLine: boolean;
  occurredAt: Date;
  status: ComplaintStatus;
  routedTeamId: string;
  waitingOnTeamId: string;
  escalationLevel: number;
  escalatedAt: Date | null;
  acknowledgeDueAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedById: string | null;
  actionPlan: string | null;
  actionPlannedAt: Date | null;
  response: string | null;
  respondedAt: Date | null;
  respondedById: string | null;
  closedAt: Date | null;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  customerReference: string | null;
  contactPurgedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type DemoComplaintEventKind =
  | "LOGGED"
  | "CRITICAL_ALERT"
  | "ESCALATED"
  | "ACKNOWLEDGED"
  | "THEMES_CHANGED"
  | "ACTION_PLANNED"
  | "RESPONDED"
  | "CLOSED"
  | "SIGHTING_ADDED"
  | "CONTACT_PURGED";

export interface DemoComplaintEvent {
  complaintId: string;
  actorId: string | null;
  kind: DemoComplaintEventKind;
  at: Date;
  fromTeamId: string | null;
  toTeamId: string | null;
  note: string | null;
}

export interface DemoSightingRow {
  id: string;
  complaintId: string;
  reporterId: string;
  channel: ComplaintChannel;
  note: string;
  occurredAt: Date;
  createdAt: Date;
}

export interface DemoComplaintThemeRow {
  complaintId: string;
  themeId: string;
  taggedAt: Date;
  taggedById: string;
}

export interface DemoComplaintData {
  categories: DemoCategoryRow[];
  themes: DemoThemeRow[];
  /** In logging order, numbered 1, 2, 3… */
  complaints: DemoComplaintRow[];
  sightings: DemoSightingRow[];
  complaintThemes: DemoComplaintThemeRow[];
  /** In time order. */
  events: DemoComplaintEvent[];
}

type Person = DemoOrg["people"][number];

/** How a complaint's life goes; `simulate` turns it into a timeline, cut off at `now`. */
interface Plan {
  loggedAt: Date;
  category: DemoCategory;
  story: DemoComplaintStory;
  severity: Severity;
  reporter: Person;
  channel: ComplaintChannel;
  frontLine: boolean;
  /** Hours from logging to acknowledgement; null: nobody acknowledges it. */
  ackAfter: number | null;
  planAfter: number | null;
  respondAfter: number | null;
  closeAfter: number | null;
  sightings: number;
  contact: boolean;
  /** Closed long ago: contact details already erased by the retention rule. */
  ancient?: boolean;
}

const CHANNEL_WEIGHTS: Array<[ComplaintChannel, number]> = [
  ["PHONE", 32],
  ["EMAIL", 15],
  ["CHAT", 18],
  ["WEB", 9],
  ["IN_PERSON", 7],
  ["SOCIAL", 7],
  ["COMMENT_CARD", 3],
  ["SURVEY", 6],
  ["OTHER", 3],
];

/** Who hears complaints, and how often (Sofia, the demo's front-line rep, most of all). */
const REPORTER_WEIGHTS: Record<string, number> = {
  "Sofia Alvarez": 4,
  "Jamal Carter": 2,
  "Mei Lin Chen": 2,
  "Oliver Grant": 2,
  "Lucas Moreau": 2,
  "Hannah Schulz": 2,
  "Fatima Zahra Idrissi": 0.4,
  "Victor Okoye": 0.6,
  "Keiko Watanabe": 0.5,
  "Grace O'Connor": 0.7,
  "Diego Fernández": 0.7,
  "Julia Novak": 0.6,
  "Yuki Tanaka": 0.5,
};

const SEVERITY_STEPS: Severity[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];

/** Hours to acknowledge an escalated complaint: mostly within the 24-hour target, some a level or two later. */
const ACK_DELAYS: Array<[weight: number, hours: (r: Random) => number]> = [
  [50, (r) => r.between(0.3, 8)],
  [27, (r) => r.between(8, 22)],
  [16, (r) => r.between(25, 46)],
  [7, (r) => r.between(49, 70)],
];

class ComplaintGenerator {
  private random = new Random(DEMO_COMPLAINTS_SEED);
  private reporters: Person[];
  private parentKey = new Map(demoTeams.map((t) => [t.key, t.parent ?? null]));
  private teamKeyOf: Map<string, string>;
  private categoryIds = new Map<string, string>();
  private themeIds = new Map<DemoThemeKey, string>();
  private data: DemoComplaintData = { categories: [], themes: [], complaints: [], sightings: [], complaintThemes: [], events: [] };

  constructor(
    private org: DemoOrg,
    private now: Date,
  ) {
    this.reporters = org.people.filter((p) => REPORTER_WEIGHTS[p.name]);
    this.teamKeyOf = new Map([...org.teamIds].map(([key, id]) => [id, key]));
  }

  private teamId(key: string) {
    const id = this.org.teamIds.get(key);
    if (!id) throw new Error(`Demo team ${key} is missing`);
    return id;
  }

  private managerOf(teamKey: string) {
    const managers = this.org.people.filter((p) => p.teams.some(([k, r]) => k === teamKey && r === "MANAGER"));
    if (!managers.length) throw new Error(`Demo team ${teamKey} has no manager`);
    return this.random.pick(managers);
  }

  private at(hoursAfter: Date, hours: number) {
    return new Date(hoursAfter.getTime() + hours * HOUR);
  }

  private fill(text: string) {
    const r = this.random;
    const values: Record<string, () => string> = {
      order: () => `ORD-${r.int(310_000, 489_999)}`,
      account: () => `AC-${r.int(1_000_000, 9_999_999)}`,
      amount: () => `$${r.int(12, 480)}.${String(r.int(0, 99)).padStart(2, "0")}`,
      days: () => String(r.int(2, 12)),
      n: () => String(r.int(3, 45)),
      product: () => r.pick(demoFillers.product),
      time: () => r.pick(demoFillers.time),
    };
    return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key]?.() ?? key);
  }

  build(): DemoComplaintData {
    this.buildCategoriesAndThemes();
    const plans = [...this.basePlans(), ...this.risingThemePlans(), ...this.stuckPlans(), ...this.ancientPlans()];
    plans.sort((a, b) => a.loggedAt.getTime() - b.loggedAt.getTime());
    plans.forEach((plan, i) => this.simulate(plan, i + 1));
    this.data.events.sort((a, b) => a.at.getTime() - b.at.getTime());
    return this.data;
  }

  private buildCategoriesAndThemes() {
    const since = new Date(this.now.getTime() - 600 * DAY);
    for (const category of demoCategories) {
      const id = this.random.uuid();
      this.categoryIds.set(category.key, id);
      this.data.categories.push({
        id,
        name: category.name,
        description: category.description,
        ownerTeamId: this.teamId(category.owner),
        active: category.active,
        createdAt: since,
        // The retired category was switched off when the showrooms closed.
        updatedAt: category.active ? since : new Date(this.now.getTime() - 200 * DAY),
      });
    }
    for (const [key, name] of Object.entries(demoThemes) as Array<[DemoThemeKey, string]>) {
      const id = this.random.uuid();
      this.themeIds.set(key, id);
      this.data.themes.push({ id, name, createdAt: since, updatedAt: since });
    }
  }

  private basePlan(loggedAt: Date, category: DemoCategory, story: DemoComplaintStory): Plan {
    const r = this.random;
    const reporter = r.weighted(this.reporters, (p) => REPORTER_WEIGHTS[p.name]!);
    const onSite = reporter.teams.some(([k]) => k === "field");
    const channel = onSite && r.chance(0.7) ? "IN_PERSON" : r.weighted(CHANNEL_WEIGHTS, ([, w]) => w)[0];
    let severity = SEVERITY_STEPS.indexOf(story.severity);
    if (r.chance(0.2)) severity += r.chance(0.5) ? 1 : -1;
    severity = Math.max(0, Math.min(2, severity));
    if (story.mayBeCritical && r.chance(0.45)) severity = 3;
    const frontLine = severity < 3 && r.chance(story.fixable ? 0.75 : 0.12);
    // Most are acknowledged within the 24-hour target; some wait a level or two up.
    const ackAfter = frontLine
      ? r.chance(0.4)
        ? r.between(2, 40)
        : null
      : severity === 3
        ? r.between(0.2, 3)
        : r.weighted(ACK_DELAYS, ([w]) => w)[1](r);
    return {
      loggedAt,
      category,
      story,
      severity: SEVERITY_STEPS[severity]!,
      reporter,
      channel,
      frontLine,
      ackAfter,
      planAfter: frontLine ? null : r.chance(0.8) ? r.between(2, 60) : null,
      respondAfter: frontLine ? r.between(0.5, 20) : r.between(1, 72),
      // Some fixes take long: planned, perhaps answered, not closed yet.
      closeAfter: r.chance(frontLine ? 0.95 : 0.88) ? r.between(0.2, 36) : null,
      sightings: r.chance(0.12) ? r.int(1, 3) : 0,
      contact: r.chance(0.35),
    };
  }

  private basePlans() {
    const r = this.random;
    const plans: Plan[] = [];
    const active = demoCategories.filter((c) => c.active);
    for (let i = 0; i < BASE_COMPLAINTS; i++) {
      // workingMoment may move a weekend back to Friday: stay clear of the 120-day edge.
      const daysAgo = r.between(0, DEMO_COMPLAINT_DAYS - 2.5);
      // The retired category only has complaints from before it was switched off.
      const category = daysAgo > 100 && r.chance(0.03) ? demoCategories.find((c) => !c.active)! : r.weighted(active, (c) => c.weight);
      const stories = demoComplaintStories[category.key]!.filter((s) => s.theme !== RISING_THEME);
      plans.push(this.basePlan(workingMoment(r, this.now, daysAgo), category, r.pick(stories)));
    }
    // Heard again and again: a few complaints collect 5–20 sightings.
    const clustered = plans.filter((p) => !p.frontLine && p.story.theme);
    for (let i = 0; i < 22; i++) r.pick(clustered).sightings = r.int(5, 20);
    return plans;
  }

  private risingThemePlans() {
    const r = this.random;
    const technical = demoCategories.find((c) => c.key === "technical")!;
    const stories = demoComplaintStories.technical!.filter((s) => s.theme === RISING_THEME);
    const plans: Plan[] = [];
    for (let i = 0; i < WAVE_COMPLAINTS + TRICKLE_COMPLAINTS; i++) {
      const wave = i < WAVE_COMPLAINTS;
      // The wave grows towards today: more of it in the last days than three weeks ago.
      const daysAgo = wave ? WAVE_DAYS * (1 - Math.sqrt(r.next())) : r.between(WAVE_DAYS + 1, DEMO_COMPLAINT_DAYS - 2.5);
      const plan = this.basePlan(workingMoment(r, this.now, daysAgo), technical, r.pick(stories));
      plan.sightings = wave ? r.int(2, i < 4 ? 18 : 8) : r.int(0, 1);
      plans.push(plan);
    }
    return plans;
  }

  /**
   * Recent complaints nobody has acknowledged: waiting on the routed team, one level up, two
   * levels up, and at the top with nowhere further to go — so the inbox shows every stage.
   */
  private stuckPlans() {
    const r = this.random;
    const deep = demoCategories.filter((c) => c.active && demoTeams.find((t) => t.key === c.owner)!.parent !== "exec" && c.owner !== "ops");
    return [0.3, 0.6, 1.3, 1.6, 1.8, 2.3, 2.6, 2.9, 3.6, 5.2].map((daysAgo) => {
      const category = r.pick(deep);
      const story = r.pick(demoComplaintStories[category.key]!.filter((s) => !s.fixable));
      const loggedAt = new Date(this.now.getTime() - daysAgo * DAY);
      return { ...this.basePlan(loggedAt, category, story), frontLine: false, ackAfter: null, severity: story.severity };
    });
  }

  private ancientPlans() {
    const r = this.random;
    const active = demoCategories.filter((c) => c.active);
    return Array.from({ length: ANCIENT_COMPLAINTS }, () => {
      const category = r.weighted(active, (c) => c.weight);
      const story = r.pick(demoComplaintStories[category.key]!);
      const loggedAt = workingMoment(r, this.now, r.between(DEFAULT_CONTACT_RETENTION_DAYS + 30, DEFAULT_CONTACT_RETENTION_DAYS + 200));
      return {
        ...this.basePlan(loggedAt, category, story),
        frontLine: false,
        severity: story.severity,
        ackAfter: r.between(1, 10),
        closeAfter: r.between(1, 24),
        contact: true,
        sightings: 0,
        ancient: true,
      };
    });
  }

  private contact(category: DemoCategory) {
    const r = this.random;
    const first = r.pick(demoCustomerNames.first);
    const last = r.pick(demoCustomerNames.last);
    const local = `${first}.${last}`.toLowerCase().replace(/'/g, "");
    return {
      customerName: `${first} ${last}`,
      customerEmail: r.chance(0.75) ? `${r.chance(0.3) ? local.replace(".", "") + r.int(1, 99) : local}@example.com` : null,
      // 555-0100 to 555-0199 are reserved for fiction.
      customerPhone: r.chance(0.6) ? `555-01${String(r.int(0, 99)).padStart(2, "0")}` : null,
      customerReference: r.chance(0.5)
        ? category.key === "billing" || category.key === "account"
          ? `AC-${r.int(1_000_000, 9_999_999)}`
          : `ORD-${r.int(310_000, 489_999)}`
        : null,
    };
  }

  private simulate(plan: Plan, number: number) {
    const r = this.random;
    const now = this.now.getTime();
    const id = r.uuid();
    const routedKey = plan.category.owner;
    const routedTeamId = this.teamId(routedKey);
    const events: DemoComplaintEvent[] = [];
    const event = (kind: DemoComplaintEventKind, at: Date, actorId: string | null, extra: Partial<DemoComplaintEvent> = {}) =>
      events.push({ complaintId: id, actorId, kind, at, fromTeamId: null, toTeamId: null, note: null, ...extra });
    const t0 = plan.loggedAt;
    event("LOGGED", t0, plan.reporter.id, { toTeamId: routedTeamId });
    if (plan.severity === "CRITICAL") {
      const parent = this.parentKey.get(routedKey);
      event("CRITICAL_ALERT", t0, plan.reporter.id, { fromTeamId: routedTeamId, toTeamId: parent ? this.teamId(parent) : routedTeamId });
    }

    // Escalation: every time the waiting team's target passes before anyone acknowledges.
    const target = DEFAULT_ACK_TARGET_MINUTES;
    const ackAt = plan.ackAfter === null ? null : this.at(t0, plan.ackAfter);
    const ackTime = ackAt?.getTime() ?? Infinity;
    let waitingKey = routedKey;
    let level = 0;
    let due: Date | null = plan.frontLine ? null : new Date(t0.getTime() + target * MINUTE);
    while (due && due.getTime() <= Math.min(ackTime, now)) {
      const parent = this.parentKey.get(waitingKey);
      const fromTeamId = this.teamId(waitingKey);
      const missed = `Not acknowledged within ${describeTarget(target)} by ${this.org.teamNames.get(fromTeamId)}'s managers.`;
      if (parent) {
        event("ESCALATED", due, null, { fromTeamId, toTeamId: this.teamId(parent), note: missed });
        waitingKey = parent;
        level += 1;
        due = new Date(due.getTime() + target * MINUTE);
      } else {
        const top = `${missed} ${this.org.teamNames.get(fromTeamId)} is the top of the organisation: it stays there and escalates no further.`;
        event("ESCALATED", due, null, { fromTeamId, note: top });
        due = null;
      }
    }

    const acked = ackAt !== null && ackAt.getTime() <= now;
    const manager = this.managerOf(waitingKey);
    if (acked) event("ACKNOWLEDGED", ackAt, manager.id);

    // Managers file complaints under themes as they triage them, acknowledged or not.
    let tag: DemoComplaintThemeRow | null = null;
    if (plan.story.theme) {
      const taggedAt = acked ? this.at(ackAt, r.between(0.05, 2)) : this.at(t0, r.between(0.3, 6));
      if (taggedAt.getTime() <= now) {
        const tagger = acked ? manager : this.managerOf(routedKey);
        tag = { complaintId: id, themeId: this.themeIds.get(plan.story.theme)!, taggedAt, taggedById: tagger.id };
        event("THEMES_CHANGED", taggedAt, tagger.id, { note: `Added ${demoThemes[plan.story.theme]}.` });
      }
    }

    let last = ackAt ?? t0;
    const step = (after: number | null) => {
      if (!acked || after === null) return null;
      const at = this.at(last, after);
      if (at.getTime() > now) return null;
      last = at;
      return at;
    };
    const plannedAt = step(plan.planAfter);
    const actionPlan = plannedAt ? r.pick(demoActionPlans[plan.category.key]!) : null;
    if (plannedAt) event("ACTION_PLANNED", plannedAt, manager.id, { note: actionPlan });
    const respondedAt = step(plan.respondAfter);
    const response = respondedAt ? r.pick(plan.frontLine ? demoFrontLineResponses : demoResponses[plan.category.key]!) : null;
    if (respondedAt) event("RESPONDED", respondedAt, manager.id, { note: response });
    const closedAt = respondedAt ? step(plan.closeAfter) : null;
    if (closedAt) event("CLOSED", closedAt, manager.id);

    this.addSightings(plan, id, closedAt, event);

    const contact = plan.contact ? this.contact(plan.category) : null;
    let contactPurgedAt: Date | null = null;
    if (plan.ancient && closedAt) {
      contactPurgedAt = this.at(closedAt, DEFAULT_CONTACT_RETENTION_DAYS * 24 + r.between(0.1, 1));
      event("CONTACT_PURGED", contactPurgedAt, null, { note: contactPurgedNote(DEFAULT_CONTACT_RETENTION_DAYS) });
    }

    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    const status: ComplaintStatus = closedAt
      ? "CLOSED"
      : plannedAt
        ? "ACTION_PLANNED"
        : acked
          ? "ACKNOWLEDGED"
          : plan.frontLine
            ? "LOGGED"
            : "ESCALATED";
    const purged = contactPurgedAt !== null;
    this.data.complaints.push({
      id,
      number,
      reporterId: plan.reporter.id,
      channel: plan.channel,
      categoryId: this.categoryIds.get(plan.category.key)!,
      severity: plan.severity,
      summary: this.fill(plan.story.summary),
      details: this.fill(plan.story.details),
      actionTaken: plan.story.action,
      resolvedAtFrontLine: plan.frontLine,
      occurredAt: new Date(
        t0.getTime() - r.between(2, plan.channel === "EMAIL" || plan.channel === "SURVEY" ? 72 : 30) * MINUTE * (r.chance(0.2) ? 60 : 1),
      ),
      status,
      routedTeamId,
      waitingOnTeamId: this.teamId(waitingKey),
      escalationLevel: level,
      escalatedAt: plan.frontLine ? null : t0,
      acknowledgeDueAt: status === "ESCALATED" ? due : null,
      acknowledgedAt: acked ? ackAt : null,
      acknowledgedById: acked ? manager.id : null,
      actionPlan,
      actionPlannedAt: plannedAt,
      response,
      respondedAt,
      respondedById: respondedAt ? manager.id : null,
      closedAt,
      customerName: purged ? null : (contact?.customerName ?? null),
      customerEmail: purged ? null : (contact?.customerEmail ?? null),
      customerPhone: purged ? null : (contact?.customerPhone ?? null),
      customerReference: purged ? null : (contact?.customerReference ?? null),
      contactPurgedAt,
      version: events.filter((e) => e.kind !== "LOGGED" && e.kind !== "CRITICAL_ALERT").length + 1,
      createdAt: t0,
      updatedAt: events[events.length - 1]!.at,
    });
    if (tag) this.data.complaintThemes.push(tag);
    this.data.events.push(...events);
  }

  /** "Heard it too": other reps hearing the same complaint while it is open, front-loaded. */
  private addSightings(
    plan: Plan,
    complaintId: string,
    closedAt: Date | null,
    event: (kind: DemoComplaintEventKind, at: Date, actorId: string | null, extra?: Partial<DemoComplaintEvent>) => void,
  ) {
    const r = this.random;
    const start = plan.loggedAt.getTime();
    const end = Math.min(closedAt?.getTime() ?? Infinity, this.now.getTime(), start + 14 * DAY);
    if (end - start < HOUR) return;
    const others = this.reporters.filter((p) => p.id !== plan.reporter.id);
    const times = Array.from({ length: plan.sightings }, () => start + (end - start) * Math.pow(r.next(), 1.6)).sort((a, b) => a - b);
    for (const time of times) {
      const at = new Date(Math.max(time, start + MINUTE));
      const reporter = r.weighted(others, (p) => REPORTER_WEIGHTS[p.name]!);
      const note = r.pick(demoSightingNotes);
      this.data.sightings.push({
        id: r.uuid(),
        complaintId,
        reporterId: reporter.id,
        channel: r.weighted(CHANNEL_WEIGHTS, ([, w]) => w)[0],
        note,
        occurredAt: new Date(at.getTime() - r.between(1, 90) * MINUTE),
        createdAt: at,
      });
      event("SIGHTING_ADDED", at, reporter.id, { note: note || null });
    }
  }
}

export function buildDemoComplaints(org: DemoOrg, now = new Date()): DemoComplaintData {
  return new ComplaintGenerator(org, now).build();
}
