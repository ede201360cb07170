// The demo ratings and recovery cases are pure and seeded: the same requests and moment give the
// same data, and whatever the moment, they keep the rules the app enforces — the requester rates
// once, after resolution and within the window; every poor first rating has exactly one case;
// each case's steps are in order and on the timeline — and they tell the story the demo promises.
import { describe, expect, test } from "vitest";
import { demoPeople, demoTeams } from "~/demo/demo-organisation";
import { buildDemoRatings, DEMO_RECOVERY_STORY, type DemoRatingRow } from "~/demo/demo-ratings";
import { buildDemoRequests, type DemoOrg } from "~/demo/demo-requests";
import { RATING_WINDOW_DAYS, ratingOption } from "~/utils/rating-rules";
import { acknowledgeDueAt, RECOVERY_STATUSES } from "~/utils/recovery-lifecycle";

const DAY = 86_400_000;
const org: DemoOrg = {
  teamIds: new Map(demoTeams.map((t) => [t.key, `team-${t.key}`])),
  teamNames: new Map(demoTeams.map((t) => [`team-${t.key}`, t.name])),
  people: demoPeople.map((p, i) => ({ id: `person-${i}`, name: p.name, teams: p.teams })),
};
const personId = (name: string) => org.people.find((p) => p.name === name)!.id;
const managersOf = (teamId: string) =>
  new Set(org.people.filter((p) => p.teams.some(([k, role]) => `team-${k}` === teamId && role === "MANAGER")).map((p) => p.id));
const parentOf = (teamId: string) => {
  const parent = demoTeams.find((t) => `team-${t.key}` === teamId)!.parent;
  return parent ? `team-${parent}` : null;
};

function rates(ratings: DemoRatingRow[]) {
  const n = ratings.length;
  return { n, csat: ratings.filter((r) => r.overall >= 4).length / n, delight: ratings.filter((r) => r.exceededExpectations).length / n };
}

test("the same requests and moment give the same ratings, cases and events", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const requests = buildDemoRequests(org, now);
  expect(buildDemoRatings(org, requests, now, "UTC")).toEqual(buildDemoRatings(org, requests, now, "UTC"));
});

// The moments demo-requests.test.ts uses, and a seed in a zone far from UTC.
describe.each([
  ["2026-11-23T08:05:00Z", "UTC"],
  ["2026-11-28T23:30:00Z", "UTC"],
  ["2027-01-01T00:10:00Z", "UTC"],
  ["2026-11-23T08:05:00Z", "America/Los_Angeles"],
])("seeded at %s in %s", (iso, timeZone) => {
  const now = new Date(iso);
  const requests = buildDemoRequests(org, now);
  const data = buildDemoRatings(org, requests, now, timeZone);
  const requestOf = new Map(requests.requests.map((r) => [r.id, r]));
  const first = data.ratings.filter((r) => r.kind === "FIRST");
  const reratings = data.ratings.filter((r) => r.kind === "RERATING");
  const eventsOf = (requestId: string) => data.events.filter((e) => e.requestId === requestId);

  test("about three in four resolved requests have one first rating, by the requester, after resolution and within the window", () => {
    const resolved = requests.requests.filter((r) => r.resolvedAt);
    expect(first.length / resolved.length).toBeGreaterThan(0.65);
    expect(first.length / resolved.length).toBeLessThan(0.9);
    expect(new Set(first.map((r) => r.requestId)).size).toBe(first.length);
    for (const rating of first) {
      const request = requestOf.get(rating.requestId)!;
      expect(request.resolvedAt).not.toBeNull();
      expect(rating.raterId).toBe(request.requesterId);
      expect(rating.createdAt > request.resolvedAt!).toBe(true);
      expect(rating.createdAt.getTime() - request.resolvedAt!.getTime()).toBeLessThan(RATING_WINDOW_DAYS * DAY);
      expect(rating.createdAt <= now).toBe(true);
      for (const score of [rating.overall, rating.availability, rating.timeliness, rating.reliability, rating.overallService]) {
        if (score !== null) expect(score >= 1 && score <= 5).toBe(true);
      }
      expect(rating.comment).not.toMatch(/[{}]/);
      const rated = eventsOf(rating.requestId).filter((e) => e.kind === "RATED");
      expect(rated).toEqual([{ requestId: rating.requestId, actorId: request.requesterId, kind: "RATED", at: rating.createdAt }]);
    }
    // Some answer the optional questions and comment, some don't.
    expect(first.some((r) => r.availability === null) && first.some((r) => r.availability !== null)).toBe(true);
    expect(first.filter((r) => r.comment).length).toBeGreaterThan(first.length / 4);
    expect(first.filter((r) => !r.comment).length).toBeGreaterThan(first.length / 4);
  });

  test("the Service Desk is clearly better than Facilities, and Field Service recovered from a bad stretch", () => {
    const ofTeam = (key: string, ratings = first) => ratings.filter((r) => requestOf.get(r.requestId)!.providerTeamId === `team-${key}`);
    const desk = rates(ofTeam("servicedesk"));
    const facilities = rates(ofTeam("facilities"));
    expect(desk.csat).toBeGreaterThanOrEqual(0.8);
    expect(desk.delight).toBeGreaterThanOrEqual(0.15);
    expect(facilities.csat).toBeLessThanOrEqual(0.7);
    expect(desk.csat - facilities.csat).toBeGreaterThanOrEqual(0.15);
    expect(desk.delight).toBeGreaterThan(facilities.delight);

    const field = `team-${DEMO_RECOVERY_STORY.teamKey}`;
    const fieldCases = data.recoveryCases.filter((c) => c.teamId === field);
    const recovered = fieldCases.filter(
      (c) => c.status === "CLOSED" && reratings.some((r) => r.requestId === c.requestId && r.overall === 5),
    );
    expect(recovered.length).toBeGreaterThanOrEqual(3);
    const age = (r: DemoRatingRow) => (now.getTime() - r.createdAt.getTime()) / DAY;
    const fieldRatings = ofTeam(DEMO_RECOVERY_STORY.teamKey);
    const stretch = fieldRatings.filter((r) => age(r) > DEMO_RECOVERY_STORY.toDaysAgo && age(r) <= DEMO_RECOVERY_STORY.fromDaysAgo);
    const since = fieldRatings.filter((r) => age(r) <= DEMO_RECOVERY_STORY.toDaysAgo);
    expect(rates(since).csat).toBeGreaterThan(rates(stretch).csat + 0.2);
  });

  test("every first rating of 2 or less has exactly one recovery case, owned once acknowledged by a manager of the rated team", () => {
    const poor = first.filter((r) => r.overall <= 2);
    expect(data.recoveryCases.map((c) => c.ratingId).sort()).toEqual(poor.map((r) => r.id).sort());
    expect(new Set(data.recoveryCases.map((c) => c.requestId)).size).toBe(data.recoveryCases.length);
    for (const c of data.recoveryCases) {
      const rating = first.find((r) => r.id === c.ratingId)!;
      expect(c.requestId).toBe(rating.requestId);
      expect(c.teamId).toBe(requestOf.get(c.requestId)!.providerTeamId);
      if (c.status === "OPEN") expect(c.ownerId).toBeNull();
      else expect(managersOf(c.teamId).has(c.ownerId!)).toBe(true);
      expect(c.createdAt).toEqual(rating.createdAt);
      expect(eventsOf(c.requestId).filter((e) => e.kind === "RECOVERY_OPENED")).toHaveLength(1);
    }
  });

  test("cases are at every step, in order, with their notes and events", () => {
    for (const status of RECOVERY_STATUSES) expect(data.recoveryCases.filter((c) => c.status === status).length, status).toBeGreaterThan(0);
    for (const c of data.recoveryCases) {
      const reached = RECOVERY_STATUSES.indexOf(c.status);
      const steps = [c.acknowledgedAt, c.apologySentAt, c.actionRecordedAt, c.closedAt];
      steps.forEach((at, i) => expect(at !== null, `${c.status} step ${i + 1}`).toBe(i < reached));
      const times = [c.createdAt, ...steps.filter((at) => at !== null), now].map((d) => d!.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(c.updatedAt <= now).toBe(true);
      expect(c.apologyNote !== null).toBe(c.apologySentAt !== null);
      expect(c.correctiveAction !== null).toBe(c.actionRecordedAt !== null);
      const events = eventsOf(c.requestId);
      const one = (kind: string) => events.filter((e) => e.kind === kind);
      if (c.acknowledgedAt) {
        expect(one("RECOVERY_ACKNOWLEDGED")).toEqual([
          { requestId: c.requestId, actorId: c.ownerId, kind: "RECOVERY_ACKNOWLEDGED", at: c.acknowledgedAt },
        ]);
        // Acknowledged in time, so it never went up a level.
        expect(c.acknowledgedAt < c.acknowledgeDueAt).toBe(true);
        expect(c.escalationLevel).toBe(0);
      }
      // The notes live on the case only: the timeline is also seen by the requesting team.
      if (c.apologySentAt) expect(one("RECOVERY_APOLOGY_SENT").map((e) => [e.at, e.reason])).toEqual([[c.apologySentAt, undefined]]);
      if (c.apologySentAt) expect(c.apologyNote).toBeTruthy();
      if (c.actionRecordedAt)
        expect(one("RECOVERY_ACTION_RECORDED").map((e) => [e.at, e.reason])).toEqual([[c.actionRecordedAt, undefined]]);
      if (c.actionRecordedAt) expect(c.correctiveAction).toBeTruthy();
      expect(one("RECOVERY_CLOSED").map((e) => e.at)).toEqual(c.closedAt ? [c.closedAt] : []);
      for (const text of [c.apologyNote, c.correctiveAction, c.closingNote]) expect(text ?? "").not.toMatch(/[{}]/);
    }
  });

  test("open cases wait on the rated team until due, then escalate a level at a time", () => {
    const open = data.recoveryCases.filter((c) => c.status === "OPEN");
    expect(open.some((c) => c.escalationLevel === 0)).toBe(true);
    expect(open.some((c) => c.escalationLevel === 1)).toBe(true);
    for (const c of open) {
      const escalations = eventsOf(c.requestId).filter((e) => e.kind === "RECOVERY_ESCALATED");
      expect(escalations).toHaveLength(c.escalationLevel);
      let waiting = c.teamId;
      let due = acknowledgeDueAt(c.createdAt, timeZone);
      for (const e of escalations) {
        expect(e).toMatchObject({ at: due, fromTeamId: waiting, toTeamId: parentOf(waiting), actorId: null });
        expect(e.reason).toBeTruthy();
        waiting = e.toTeamId!;
        due = acknowledgeDueAt(due, timeZone);
      }
      expect(c.waitingOnTeamId).toBe(waiting);
      expect(c.acknowledgeDueAt).toEqual(due);
      // Still due, unless there is no team above to escalate to.
      if (parentOf(waiting)) expect(c.acknowledgeDueAt > now).toBe(true);
    }
    for (const c of data.recoveryCases.filter((c) => c.status !== "OPEN")) {
      expect(c.waitingOnTeamId).toBe(c.teamId);
      expect(c.acknowledgeDueAt).toEqual(acknowledgeDueAt(c.createdAt, timeZone));
    }
  });

  test("re-ratings come only after a closed case, once, from the requester; most are recovered", () => {
    expect(reratings.length).toBeGreaterThan(0);
    expect(new Set(reratings.map((r) => r.requestId)).size).toBe(reratings.length);
    for (const again of reratings) {
      const c = data.recoveryCases.find((c) => c.requestId === again.requestId)!;
      expect(c.status).toBe("CLOSED");
      expect(again.createdAt > c.closedAt!).toBe(true);
      expect(again.createdAt <= now).toBe(true);
      expect(again.raterId).toBe(requestOf.get(again.requestId)!.requesterId);
      expect(
        eventsOf(again.requestId)
          .filter((e) => e.kind === "RERATED")
          .map((e) => [e.at, e.actorId]),
      ).toEqual([[again.createdAt, again.raterId]]);
    }
    expect(reratings.filter((r) => r.overall >= 4).length / reratings.length).toBeGreaterThan(0.5);
    expect(reratings.some((r) => r.overall < 4)).toBe(true);
  });

  test("the demo accounts find something to do: Daniel a request to rate, Marcus a Customer Care case", () => {
    const daniel = personId("Daniel Kim");
    const his = requests.requests.filter((r) => r.requesterId === daniel && r.resolvedAt);
    const toRate = his.filter((r) => !first.some((x) => x.requestId === r.id));
    expect(toRate.some((r) => now.getTime() - r.resolvedAt!.getTime() < 7 * DAY)).toBe(true);
    const facts = {
      status: toRate.at(-1)!.status,
      resolvedAt: toRate.at(-1)!.resolvedAt,
      requesterId: daniel,
      first: null,
      rerating: null,
      recoveryStatus: null,
    };
    expect(ratingOption(facts, daniel, now).kind).toBe("rate");
    expect(his.some((r) => first.some((x) => x.requestId === r.id))).toBe(true);

    const care = data.recoveryCases.filter((c) => c.teamId === "team-care" && c.status !== "CLOSED");
    expect(care.some((c) => c.ownerId === personId("Marcus Bell") && c.status === "ACKNOWLEDGED")).toBe(true);
  });
});
