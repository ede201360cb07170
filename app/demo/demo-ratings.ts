// The demo organisation's ratings and service recovery (issue 4): most resolved demo requests are
// rated by their requester, with a spread a manager would recognise — the IT Service Desk clearly
// better than Facilities, and Field Service with a bad stretch some weeks ago that it recovered
// from. Every poor first rating opens a recovery case, as the app does, and the cases are played
// through acknowledge → apology → corrective action → close → re-rating as far as time has got,
// so each step of the recovery pages has something to show.
// Pure and deterministic: the same requests, `now` and time zone give the same data.
import { RATING_WINDOW_DAYS, opensRecovery } from "~/utils/rating-rules";
import { ACKNOWLEDGE_WITHIN_WORKING_DAYS, acknowledgeDueAt, type RecoveryStatus } from "~/utils/recovery-lifecycle";
import { demoPeople, demoTeams } from "./demo-organisation";
import { DAY, HOUR, Random, type DemoOrg, type DemoRequestData, type DemoRequestRow } from "./demo-requests";

const DEMO_RATINGS_SEED = 20_260_404;

type Score = 1 | 2 | 3 | 4 | 5;
const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

export interface DemoRatingRow {
  id: string;
  requestId: string;
  raterId: string;
  kind: "FIRST" | "RERATING";
  overall: Score;
  exceededExpectations: boolean;
  availability: Score | null;
  responsiveness: Score | null;
  timeliness: Score | null;
  comprehensiveness: Score | null;
  pleasantness: Score | null;
  reliability: Score | null;
  overallService: Score | null;
  comment: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoRecoveryCaseRow {
  id: string;
  requestId: string;
  ratingId: string;
  teamId: string;
  status: RecoveryStatus;
  waitingOnTeamId: string;
  escalationLevel: number;
  acknowledgeDueAt: Date;
  acknowledgedAt: Date | null;
  /** Whoever acknowledged it, as in the app: nobody owns a case that is still OPEN. */
  ownerId: string | null;
  apologySentAt: Date | null;
  apologyNote: string | null;
  actionRecordedAt: Date | null;
  correctiveAction: string | null;
  closedAt: Date | null;
  closingNote: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoRatingEvent {
  requestId: string;
  actorId: string | null;
  kind:
    | "RATED"
    | "RERATED"
    | "RECOVERY_OPENED"
    | "RECOVERY_ESCALATED"
    | "RECOVERY_ACKNOWLEDGED"
    | "RECOVERY_APOLOGY_SENT"
    | "RECOVERY_ACTION_RECORDED"
    | "RECOVERY_CLOSED";
  at: Date;
  fromTeamId?: string;
  toTeamId?: string;
  reason?: string;
}

export interface DemoRatingData {
  /** FIRST ratings and RERATINGs, in time order. */
  ratings: DemoRatingRow[];
  recoveryCases: DemoRecoveryCaseRow[];
  /** In time order. */
  events: DemoRatingEvent[];
}

// ---------------------------------------------------------------------------------------------
// How each team serves: the chance of each overall score (1–5), and how often a 5 or a 4 also
// "exceeded expectations". Tuned so the scorecard tells a clear story (see the unit test for the
// resulting CSAT and delight): the Service Desk delights, Facilities disappoints.

interface QualityProfile {
  overall: [number, number, number, number, number];
  delightAt5: number;
  delightAt4: number;
}

export const DEMO_QUALITY: Record<string, QualityProfile> = {
  servicedesk: { overall: [0.01, 0.02, 0.04, 0.36, 0.57], delightAt5: 0.56, delightAt4: 0.04 },
  facilities: { overall: [0.08, 0.12, 0.18, 0.42, 0.2], delightAt5: 0.45, delightAt4: 0 },
  people: { overall: [0.03, 0.04, 0.1, 0.45, 0.38], delightAt5: 0.55, delightAt4: 0.02 },
  finance: { overall: [0.04, 0.05, 0.14, 0.47, 0.3], delightAt5: 0.5, delightAt4: 0.02 },
  field: { overall: [0.02, 0.04, 0.1, 0.42, 0.42], delightAt5: 0.55, delightAt4: 0.03 },
  care: { overall: [0.03, 0.06, 0.14, 0.45, 0.32], delightAt5: 0.5, delightAt4: 0.02 },
};

/**
 * Field Service's bad stretch: a spare-parts shortage between 12 and 5 weeks ago, when visits were
 * rescheduled again and again. Its recovery cases were all worked through, and most requesters
 * came back with a 5 — the "recovered customers are more loyal" story of Principle 4. The team's
 * share of the random requests varies, so the stretch reaches further back if it needs to, to
 * hold at least `minRequests` of them.
 */
export const DEMO_RECOVERY_STORY = {
  teamKey: "field",
  fromDaysAgo: 84,
  toDaysAgo: 35,
  minRequests: 10,
  profile: { overall: [0.36, 0.38, 0.1, 0.1, 0.06], delightAt5: 0.3, delightAt4: 0 } satisfies QualityProfile,
};

// ---------------------------------------------------------------------------------------------

interface Rated {
  request: DemoRequestRow;
  teamKey: string;
  at: Date;
  overall: Score;
  inStory: boolean;
  /** A case whose state the demo needs, whatever the dice say, and who must own it. */
  forced?: RecoveryStatus;
  ownerId?: string;
}

const MIN_CASES_PER_STEP = 2;
const CASE_STEPS: Array<Exclude<RecoveryStatus, "OPEN">> = ["ACKNOWLEDGED", "APOLOGY_SENT", "ACTION_RECORDED", "CLOSED"];

function clampScore(n: number): Score {
  return Math.min(5, Math.max(1, Math.round(n))) as Score;
}

function firstName(name: string) {
  return name.split(" ")[0]!;
}

function fill(text: string, values: Record<string, string>) {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {${key}} in demo text`);
    return value;
  });
}

class RatingGenerator {
  private random = new Random(DEMO_RATINGS_SEED);
  private teamKeys: Map<string, string>;
  private names: Map<string, string>;
  private data: DemoRatingData = { ratings: [], recoveryCases: [], events: [] };

  constructor(
    private org: DemoOrg,
    private requests: DemoRequestData,
    private now: Date,
    private timeZone: string,
  ) {
    this.teamKeys = new Map([...org.teamIds].map(([key, id]) => [id, key]));
    this.names = new Map(org.people.map((p) => [p.id, p.name]));
  }

  private daysAgo(at: Date) {
    return (this.now.getTime() - at.getTime()) / DAY;
  }

  private managersOf(teamKey: string) {
    return this.org.people.filter((p) => p.teams.some(([k, role]) => k === teamKey && role === "MANAGER"));
  }

  private parentOf(teamId: string) {
    const parent = demoTeams.find((t) => t.key === this.teamKeys.get(teamId))?.parent;
    return parent ? this.org.teamIds.get(parent)! : null;
  }

  private personId(name: string) {
    const found = this.org.people.find((p) => p.name === name);
    if (!found) throw new Error(`Demo person ${name} is missing`);
    return found.id;
  }

  /** Most people rate within a day; some a few days later, when they get round to it. */
  private ratingDelay() {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.55) return r.between(2, 20) * HOUR;
    if (roll < 0.9) return r.between(20, 72) * HOUR;
    return r.between(3, 10) * DAY;
  }

  /**
   * Who rates what, and when. The demo accounts rate everything they had resolved except their
   * newest request, which waits for them ("how did we do?") when they sign in.
   */
  private chooseRated(): Rated[] {
    const r = this.random;
    const demoAccounts = new Set(demoPeople.filter((p) => p.demoAccount).map((p) => this.personId(p.name)));
    const resolved = this.requests.requests.filter((q) => q.resolvedAt).sort((a, b) => a.resolvedAt!.getTime() - b.resolvedAt!.getTime());
    const waiting = new Set<string>();
    for (const accountId of demoAccounts) {
      const newest = resolved.filter((q) => q.requesterId === accountId).at(-1);
      if (newest && this.daysAgo(newest.resolvedAt!) < RATING_WINDOW_DAYS) waiting.add(newest.id);
    }
    const story = DEMO_RECOVERY_STORY;
    const storyTeamId = this.org.teamIds.get(story.teamKey);
    const before = resolved.filter((q) => q.providerTeamId === storyTeamId && this.daysAgo(q.resolvedAt!) >= story.toDaysAgo);
    const stretch = new Set(
      [...before.filter((q) => this.daysAgo(q.resolvedAt!) <= story.fromDaysAgo), ...before.slice(-story.minRequests)].map((q) => q.id),
    );
    const rated: Rated[] = [];
    for (const request of resolved) {
      const resolvedAt = request.resolvedAt!.getTime();
      const inStory = stretch.has(request.id);
      // Unhappy customers are the ones who always say so.
      const rates = r.chance(inStory ? 0.95 : 0.8);
      let at = resolvedAt + this.ratingDelay();
      if (waiting.has(request.id)) continue;
      if (demoAccounts.has(request.requesterId)) {
        // Their older requests are always rated, if need be sooner than the dice said.
        if (at > this.now.getTime()) at = resolvedAt + (this.now.getTime() - resolvedAt) * r.between(0.2, 0.8);
      } else if (!rates || at > this.now.getTime()) continue;
      const teamKey = this.teamKeys.get(request.providerTeamId)!;
      const ratedAt = new Date(at);
      const profile = inStory ? story.profile : DEMO_QUALITY[teamKey]!;
      let overall = r.weighted(SCORES, (s) => profile.overall[s - 1]!);
      // A missed target, a broken promise or a reopen sometimes costs a point.
      if (this.disappointed(request) && r.chance(0.35)) overall = clampScore(overall - 1);
      rated.push({ request, teamKey, at: ratedAt, overall, inStory });
    }
    this.script(rated);
    return rated;
  }

  private brokePromise(request: DemoRequestRow) {
    return !!request.promisedAt && request.resolvedAt!.getTime() >= request.promisedAt.getTime() + DAY;
  }

  private disappointed(request: DemoRequestRow) {
    return request.resolvedAt! > request.resolutionDueAt || request.reopenCount > 0 || this.brokePromise(request);
  }

  /**
   * The cases the demo needs whatever the dice say: one just opened (nobody has had time to act),
   * one nobody acknowledged that went up a level, and one for the demo manager's own team
   * (Customer Care, Marcus Bell) acknowledged and waiting for its apology.
   */
  private script(rated: Rated[]) {
    const force = (pick: Rated | undefined, state: RecoveryStatus, overall: Score, ownerId?: string) => {
      if (!pick) return;
      Object.assign(pick, { overall, forced: state, ownerId });
    };
    // The latest matching rating, from the weakest team if it has one, so the story stays clear.
    const latest = (match: (x: Rated) => boolean) => {
      const free = rated.filter((x) => !x.forced && !x.inStory && match(x));
      return free.filter((x) => x.teamKey === "facilities").at(-1) ?? free.at(-1);
    };
    const manager = demoPeople.find((p) => p.demoAccount === "manager")!;
    for (const [key, role] of manager.teams) {
      if (role !== "MANAGER" || !demoTeams.find((t) => t.key === key)?.acceptsRequests) continue;
      force(
        latest((x) => x.teamKey === key),
        "ACKNOWLEDGED",
        2,
        this.personId(manager.name),
      );
    }
    force(
      latest((x) => this.daysAgo(x.at) < 1.5),
      "OPEN",
      1,
    );
    // Exactly one level up: past its first due time but not yet its second.
    const oneLevel = (x: Rated) => {
      const due = acknowledgeDueAt(x.at, this.timeZone);
      return due <= this.now && acknowledgeDueAt(due, this.timeZone) > this.now;
    };
    force(latest(oneLevel) ?? latest(() => true), "OPEN", 2);
  }

  private dimensions(request: DemoRequestRow, overall: Score) {
    const r = this.random;
    const none = {
      availability: null,
      responsiveness: null,
      timeliness: null,
      comprehensiveness: null,
      pleasantness: null,
      reliability: null,
      overallService: null,
    };
    // A quarter skip the optional questions altogether; the rest answer most of them.
    if (r.chance(0.25)) return none;
    const near = (bias = 0): Score | null =>
      r.chance(0.12) ? null : clampScore(overall + bias + r.weighted([-1, 0, 1], (d) => (d === 0 ? 0.6 : 0.2)));
    return {
      availability: near(),
      responsiveness: near(),
      timeliness: near(request.resolvedAt! > request.resolutionDueAt ? -1 : 0),
      comprehensiveness: near(request.reopenCount > 0 ? -1 : 0),
      pleasantness: near(),
      reliability: near(this.brokePromise(request) ? -1 : 0),
      overallService: r.chance(0.1) ? null : clampScore(overall + (r.chance(0.8) ? 0 : r.pick([-1, 1]))),
    };
  }

  /** Unhappy people write most; about half of the delighted say why. */
  private comment(x: Pick<Rated, "request" | "teamKey" | "overall" | "inStory">, kind: "FIRST" | "RERATING") {
    const r = this.random;
    const chance = kind === "RERATING" ? 0.7 : x.overall <= 2 ? 0.85 : x.overall === 5 ? 0.5 : 0.35;
    if (!r.chance(chance)) return "";
    const w = demoRatingWords;
    const team = w.teams[x.teamKey]!;
    const options =
      kind === "RERATING"
        ? x.overall < 4
          ? w.rerateBad
          : x.inStory
            ? w.storyRerateGood
            : w.rerateGood
        : x.overall <= 2
          ? [...(x.inStory ? w.storyCritical : team.critical), ...w.critical]
          : x.overall === 3
            ? w.mixed
            : x.overall === 4
              ? w.good
              : [...team.praise, ...w.praise];
    const assignee = x.request.assigneeId ? firstName(this.names.get(x.request.assigneeId)!) : "the team";
    return fill(r.pick(options), { assignee });
  }

  private rating(x: Rated, kind: "FIRST" | "RERATING"): DemoRatingRow {
    const r = this.random;
    const profile = x.inStory ? DEMO_RECOVERY_STORY.profile : DEMO_QUALITY[x.teamKey]!;
    const delight = x.overall === 5 ? profile.delightAt5 : x.overall === 4 ? profile.delightAt4 : 0;
    return {
      id: r.uuid(),
      requestId: x.request.id,
      raterId: x.request.requesterId,
      kind,
      overall: x.overall,
      exceededExpectations: r.chance(delight),
      ...this.dimensions(x.request, x.overall),
      comment: this.comment(x, kind),
      version: 1,
      createdAt: x.at,
      updatedAt: x.at,
    };
  }

  /** The state a case has reached by now: mostly by its age, some forgotten along the way. */
  private targetState(x: Rated): RecoveryStatus {
    if (x.forced) return x.forced;
    const r = this.random;
    const age = this.daysAgo(x.at);
    if (x.inStory) return "CLOSED";
    if (age < 2) return r.pick(["OPEN", "ACKNOWLEDGED"] as const);
    if (age < 7)
      return r.weighted(["ACKNOWLEDGED", "APOLOGY_SENT", "ACTION_RECORDED"] as const, (s) => (s === "ACTION_RECORDED" ? 0.3 : 0.35));
    if (age < 14) return r.weighted(["APOLOGY_SENT", "ACTION_RECORDED", "CLOSED"] as const, (s) => (s === "APOLOGY_SENT" ? 0.2 : 0.4));
    return r.chance(0.1) ? "ACTION_RECORDED" : "CLOSED";
  }

  /**
   * A few cases at every step, so each has something to show: a short step takes the youngest
   * case of a well-stocked one. Steps are filled in order, so younger cases stay earlier ones.
   */
  private coverStates(cases: Array<{ x: Rated; state: RecoveryStatus }>) {
    const count = (s: RecoveryStatus) => cases.filter((c) => c.state === s).length;
    for (const state of CASE_STEPS) {
      while (count(state) < MIN_CASES_PER_STEP) {
        const donor = cases
          .filter((c) => !c.x.forced && !c.x.inStory && c.state !== state && count(c.state) > MIN_CASES_PER_STEP)
          .sort((a, b) => b.x.at.getTime() - a.x.at.getTime())[0];
        if (!donor) break;
        donor.state = state;
      }
    }
  }

  private recoveryCase(first: DemoRatingRow, x: Rated, state: RecoveryStatus) {
    const r = this.random;
    const request = x.request;
    const teamId = request.providerTeamId;
    const managers = this.managersOf(x.teamKey);
    // The manager who acknowledges it, and takes it through the remaining steps.
    const ownerId = x.ownerId ?? r.pick(managers).id;
    const openedAt = x.at;
    const events: DemoRatingEvent[] = [];
    const event = (e: Omit<DemoRatingEvent, "requestId">) => events.push({ requestId: request.id, ...e });
    event({ actorId: null, kind: "RECOVERY_OPENED", at: openedAt, toTeamId: teamId });

    const row: DemoRecoveryCaseRow = {
      id: r.uuid(),
      requestId: request.id,
      ratingId: first.id,
      teamId,
      status: state,
      waitingOnTeamId: teamId,
      escalationLevel: 0,
      acknowledgeDueAt: acknowledgeDueAt(openedAt, this.timeZone),
      acknowledgedAt: null,
      ownerId: null,
      apologySentAt: null,
      apologyNote: null,
      actionRecordedAt: null,
      correctiveAction: null,
      closedAt: null,
      closingNote: null,
      version: 1,
      createdAt: openedAt,
      updatedAt: openedAt,
    };

    if (state === "OPEN") {
      // Nobody acknowledged it: it has gone up a level each time its due time passed, as the
      // escalation job does, until there is no team above.
      let parent = this.parentOf(row.waitingOnTeamId);
      while (row.acknowledgeDueAt <= this.now && parent) {
        event({
          actorId: null,
          kind: "RECOVERY_ESCALATED",
          at: row.acknowledgeDueAt,
          fromTeamId: row.waitingOnTeamId,
          toTeamId: parent,
          reason: `Not acknowledged within ${ACKNOWLEDGE_WITHIN_WORKING_DAYS} working days.`,
        });
        row.updatedAt = row.acknowledgeDueAt;
        row.waitingOnTeamId = parent;
        row.escalationLevel += 1;
        row.version += 1;
        row.acknowledgeDueAt = acknowledgeDueAt(row.acknowledgeDueAt, this.timeZone);
        parent = this.parentOf(row.waitingOnTeamId);
      }
      return { row, events };
    }

    // Acknowledged in time, then each step a little later; squeezed into the time there has been.
    const steps = CASE_STEPS.slice(0, CASE_STEPS.indexOf(state as (typeof CASE_STEPS)[number]) + 1);
    const ackWithin = Math.min(30 * HOUR, (row.acknowledgeDueAt.getTime() - openedAt.getTime()) * 0.9);
    const delays = [r.between(HOUR, ackWithin), r.between(1, 30) * HOUR, r.between(12, 96) * HOUR, r.between(12, 120) * HOUR].slice(
      0,
      steps.length,
    );
    const total = delays.reduce((a, b) => a + b, 0);
    const room = (this.now.getTime() - openedAt.getTime()) * 0.9;
    const scale = total > room ? room / total : 1;
    let t = openedAt.getTime();
    const requester = firstName(this.names.get(request.requesterId)!);
    const team = this.org.teamNames.get(teamId)!;
    const words = { first: requester, team, manager: firstName(this.names.get(ownerId)!) };
    steps.forEach((step, i) => {
      t += delays[i]! * scale;
      const at = new Date(t);
      row.updatedAt = at;
      row.version += 1;
      if (step === "ACKNOWLEDGED") {
        row.acknowledgedAt = at;
        row.ownerId = ownerId;
        event({ actorId: ownerId, kind: "RECOVERY_ACKNOWLEDGED", at });
      } else if (step === "APOLOGY_SENT") {
        row.apologySentAt = at;
        row.apologyNote = fill(r.pick(demoRatingWords.apologies), words);
        event({ actorId: ownerId, kind: "RECOVERY_APOLOGY_SENT", at });
      } else if (step === "ACTION_RECORDED") {
        row.actionRecordedAt = at;
        row.correctiveAction = r.pick(x.inStory ? demoRatingWords.storyActions : demoRatingWords.actions[x.teamKey]!);
        event({ actorId: ownerId, kind: "RECOVERY_ACTION_RECORDED", at });
      } else {
        row.closedAt = at;
        row.closingNote = r.chance(0.75) ? fill(r.pick(demoRatingWords.closing), words) : null;
        event({ actorId: ownerId, kind: "RECOVERY_CLOSED", at });
      }
    });
    return { row, events };
  }

  /** Most requesters come back once the case is closed; the story team's all do, nearly all with a 5. */
  private rerating(x: Rated, closedAt: Date) {
    const r = this.random;
    const at = closedAt.getTime() + r.between(2, 72) * HOUR;
    const comes = x.inStory || r.chance(0.85);
    if (!comes || at > this.now.getTime()) return null;
    const overall: Score = x.inStory ? (r.chance(0.88) ? 5 : 4) : r.weighted(SCORES, (s) => [0.03, 0.12, 0.15, 0.4, 0.3][s - 1]!);
    return this.rating({ ...x, overall, at: new Date(at) }, "RERATING");
  }

  build(): DemoRatingData {
    const rated = this.chooseRated();
    const cases: Array<{ x: Rated; first: DemoRatingRow; state: RecoveryStatus }> = [];
    for (const x of rated) {
      const first = this.rating(x, "FIRST");
      this.data.ratings.push(first);
      this.data.events.push({ requestId: x.request.id, actorId: x.request.requesterId, kind: "RATED", at: x.at });
      if (opensRecovery(x.overall)) cases.push({ x, first, state: this.targetState(x) });
    }
    this.coverStates(cases);
    for (const { x, first, state } of cases) {
      const { row, events } = this.recoveryCase(first, x, state);
      this.data.recoveryCases.push(row);
      this.data.events.push(...events);
      if (row.closedAt) {
        const again = this.rerating(x, row.closedAt);
        if (again) {
          this.data.ratings.push(again);
          this.data.events.push({ requestId: x.request.id, actorId: x.request.requesterId, kind: "RERATED", at: again.createdAt });
        }
      }
    }
    this.data.ratings.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    this.data.events.sort((a, b) => a.at.getTime() - b.at.getTime());
    return this.data;
  }
}

export function buildDemoRatings(org: DemoOrg, requests: DemoRequestData, now = new Date(), timeZone = "UTC"): DemoRatingData {
  return new RatingGenerator(org, requests, now, timeZone).build();
}

// ---------------------------------------------------------------------------------------------
// The words. `{assignee}` is the first name of whoever resolved the request; in recovery texts
// `{first}` is the requester's first name, `{team}` the rated team, `{manager}` the case owner's.

export const demoRatingWords = {
  praise: [
    "{assignee} kept me posted at every step, so I never had to chase. That's rare.",
    "Quick, friendly and done properly the first time. Thank you {assignee}.",
    "{assignee} explained what had gone wrong so I know what to do next time.",
    "Faster than I expected and {assignee} checked back the next day to make sure it was still fine.",
    "Exactly what I asked for, on the day I needed it.",
  ],
  good: [
    "Sorted, thanks. Took a day longer than I hoped but I was told why.",
    "Good service. It would help to know up front how long these usually take.",
    "All fine in the end, and {assignee} was helpful.",
    "Done as asked. Had to answer the same question twice, but no big deal.",
    "Works now. Thanks for fitting it in during a busy week.",
    "Solid job, no complaints.",
  ],
  mixed: [
    "It got done, but only after I chased twice.",
    "The fix works, though nobody told me it was finished. I found out by trying it.",
    "OK in the end. The first answer didn't really address what I'd asked.",
    "Resolved, but it took over a week for something I was told was quick.",
    "Fine, but I had to explain the problem to three different people.",
    "The outcome is right; the communication along the way wasn't.",
  ],
  critical: [
    "Marked as resolved when it wasn't. I had to reopen it and start again.",
    "Nobody replied for days and the date I was given came and went without a word.",
    "I was passed from team to team and had to explain it every time.",
    "The answer was a copy-and-paste that had nothing to do with my question.",
  ],
  teams: {
    servicedesk: {
      praise: [
        "{assignee} had the new laptop imaged and my files moved before I'd finished my coffee.",
        "Access sorted in under an hour, with a note on how to request it for the next starter. Brilliant.",
        "{assignee} stayed on the call until MFA worked on both my phone and the laptop.",
        "Clear, patient and quick. {assignee} even set up the VPN shortcut I didn't know I needed.",
      ],
      critical: [
        "Three days without access to the system I need for month-end, and no update in between.",
        "The replacement laptop arrived without half my software. I lost another morning.",
        "The ticket was closed while I was still locked out.",
      ],
    },
    facilities: {
      praise: [
        "{assignee} fixed the chair the same afternoon. My back thanks you.",
        "The meeting room screen works perfectly now, just in time for the board visit.",
        "{assignee} arranged the badge and walked it up to my desk. Much appreciated.",
      ],
      critical: [
        "The heating on floor 3 has been 'fixed' three times now and it's still 15 degrees by 10am.",
        "We booked the room for a customer and the screen still didn't work. Embarrassing.",
        "I waited two weeks for a desk repair that took ten minutes once someone came.",
        "My badge was promised for Monday, then Wednesday. I was let in by reception all week.",
      ],
    },
    people: {
      praise: [
        "{assignee} answered my payslip question clearly and put the correction in the next run.",
        "Onboarding for our new starter was seamless: laptop, badge and buddy all ready on day one.",
        "{assignee} found me a course that fits my development plan and booked it the same day.",
      ],
      critical: [
        "My leave balance is still wrong and I've had no explanation why.",
        "Our new starter arrived to no contract and no system access. Not the first impression we wanted.",
        "The payslip error was acknowledged but I'm still waiting for the money.",
      ],
    },
    finance: {
      praise: [
        "{assignee} chased the supplier payment the same day and told me exactly when it would land.",
        "The purchase order came back within hours, with the cost centre already corrected.",
        "{assignee} walked me through the budget report line by line. Very helpful.",
      ],
      critical: [
        "The supplier called me three times about the unpaid invoice before I got an answer.",
        "My expense claim was rejected with no reason given.",
        "The PO took so long that we lost the supplier's discount.",
      ],
    },
    field: {
      praise: [
        "{assignee} got the visit booked for the customer's preferred morning and confirmed it with them directly.",
        "The part arrived a day early and the technician fixed it first time. The customer was delighted.",
        "{assignee} gave me clear technical advice I could pass straight on to the customer.",
      ],
      critical: [
        "The customer took a day off for the visit and nobody came.",
        "The technician arrived without the part we'd told you about.",
        "I couldn't give the customer a date because nobody could tell me one.",
      ],
    },
    care: {
      praise: [
        "{assignee} called the customer back within the hour and turned a complaint into a thank-you.",
        "The account review was thorough and {assignee} copied me on the outcome letter.",
        "{assignee} rewrote our customer letter so it actually answers the question. Great job.",
      ],
      critical: [
        "The customer was promised a callback that never happened, and they called me instead.",
        "The account review missed the issue the customer actually raised.",
        "The letter went out with the wrong customer's details in it.",
      ],
    },
  } as Record<string, { praise: string[]; critical: string[] }>,
  storyCritical: [
    "Third visit rescheduled because the part still hasn't arrived. The customer has given up on us.",
    "We were told the engineer would bring the control board. He didn't have one.",
    "Two weeks with no working boiler at the customer's site while we waited for parts.",
    "Nobody could tell me when the part would come, so I couldn't tell the customer either.",
  ],
  apologies: [
    "Hi {first}, I'm sorry. You raised this with {team} in good time and we let you down. I've read your comments and I'm looking into what went wrong myself. {manager}",
    "{first}, thank you for telling us. You shouldn't have had to chase us, and I apologise for the time it cost you. I'll let you know what we change. {manager}",
    "Dear {first}, I apologise for how this was handled. The delay was ours, not yours, and you should have been kept informed throughout. {manager}, {team}",
    "Hi {first}, I'm sorry we missed the date we gave you without telling you. That's not the service {team} wants to give. {manager}",
    "{first}, I apologise. The first answer you got didn't deal with the problem you described, and you had to start again. I've gone through it with the team. {manager}",
  ],
  actions: {
    servicedesk: [
      "New laptops are now checked against the requester's software list before they leave the desk.",
      "Access requests that need a manager's approval now get a same-day reminder, so none wait silently.",
      "We no longer close a ticket until the requester confirms they can sign in.",
    ],
    facilities: [
      "A weekly temperature check on floor 3 until the new valves are fitted, and a named contact for heating issues.",
      "Rooms booked for customer visits are now tested the morning before.",
      "Badge requests are printed on the day they are approved; reception keeps a list of who is waiting.",
    ],
    people: [
      "Leave balance corrections are now checked by a second person before we reply.",
      "A start-date checklist shared with IT and Facilities two weeks before every new starter.",
      "Payroll corrections are paid in an off-cycle run instead of waiting for the next month.",
    ],
    finance: [
      "Invoices older than 30 days are reviewed every Monday and the requester is told the payment date.",
      "Every rejected expense claim now states the reason and what to resubmit.",
      "Purchase orders under €5,000 are now approved within one working day.",
    ],
    field: [
      "Schedulers now confirm the part is on the van before confirming a visit to the customer.",
      "Technicians call the customer the evening before if anything about the visit changes.",
      "Visit requests get a date or a reason why not within one working day.",
    ],
    care: [
      "Promised callbacks now go into the shared callback list, checked twice a day by the team lead.",
      "Account reviews now start with a call to the customer to confirm the issue in their words.",
      "Every outgoing customer letter is checked by a second person against the account before it is sent.",
    ],
  } as Record<string, string[]>,
  storyActions: [
    "Agreed a buffer stock of control boards and pressure sensors with Northwind Traders; schedulers check stock before booking.",
    "Added a second parts supplier so a single backorder can't stop our visits again.",
    "Visits that depend on a part are only confirmed to the customer once the part is in the depot.",
  ],
  rerateGood: [
    "Thank you for following up. The apology was sincere and the fix has held.",
    "Much better. Good to see something actually changed.",
    "{assignee} came back to check it was still working. That made the difference.",
  ],
  rerateBad: [
    "The apology was appreciated but the underlying problem is still there.",
    "Better, but I'm not convinced it won't happen again.",
    "I got an apology, but I'm still waiting for what was promised.",
  ],
  storyRerateGood: [
    "The new parts routine works: my last two visits happened on the day booked. Thank you.",
    "The Field Service manager called me personally and the customer's next visit went perfectly.",
    "Impressed by how this was handled. The customer has renewed their contract.",
  ],
  closing: [
    "Spoke to {first} on the phone; happy with the outcome.",
    "{first} confirmed the problem hasn't come back.",
    "Change in place for two weeks with no repeat. Closing.",
    "Discussed in the {team} team meeting so everyone knows the new routine.",
    "{first} thanked us for following up.",
  ],
};
