// The demo kudos are pure and seeded, and keep the rules the kudos form enforces: one recipient,
// nobody thanking themselves, a kudos about a request comes from its requester to whoever served
// it, and a hidden one says who hid it and why.
import { describe, expect, test } from "vitest";
import { buildDemoKudos, DEMO_KUDOS_DAYS } from "~/demo/demo-kudos";
import { demoPeople, demoTeams } from "~/demo/demo-organisation";
import { buildDemoRatings } from "~/demo/demo-ratings";
import { buildDemoRequests, type DemoOrg } from "~/demo/demo-requests";
import { KUDOS_MESSAGE_MAX } from "~/validation/kudos";

const DAY = 86_400_000;
const org: DemoOrg = {
  teamIds: new Map(demoTeams.map((t) => [t.key, `team-${t.key}`])),
  teamNames: new Map(demoTeams.map((t) => [`team-${t.key}`, t.name])),
  people: demoPeople.map((p, i) => ({ id: `person-${i}`, name: p.name, teams: p.teams })),
};
const teamsOf = new Map(org.people.map((p) => [p.id, new Set(p.teams.map(([key]) => `team-${key}`))]));
const manages = new Map(
  org.people.map((p) => [p.id, new Set(p.teams.filter(([, role]) => role === "MANAGER").map(([key]) => `team-${key}`))]),
);

function build(now: Date) {
  const requests = buildDemoRequests(org, now);
  const { ratings } = buildDemoRatings(org, requests, now, "UTC");
  return { requests, ratings, kudos: buildDemoKudos(org, requests, ratings, now) };
}

test("the same requests, ratings and moment give the same kudos", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const { requests, ratings } = build(now);
  expect(buildDemoKudos(org, requests, ratings, now)).toEqual(buildDemoKudos(org, requests, ratings, now));
});

describe.each(["2026-11-23T08:05:00Z", "2026-11-28T23:30:00Z", "2027-01-01T00:10:00Z"])("seeded at %s", (iso) => {
  const now = new Date(iso);
  const { requests, ratings, kudos } = build(now);
  const requestOf = new Map(requests.requests.map((r) => [r.id, r]));

  test("about 60 over the last 90 days, each to exactly one person or team, never to the author or their own team", () => {
    expect(kudos.length).toBeGreaterThanOrEqual(50);
    expect(kudos.length).toBeLessThanOrEqual(70);
    expect(new Set(kudos.map((k) => k.id)).size).toBe(kudos.length);
    for (const k of kudos) {
      expect((k.recipientUserId === null) !== (k.recipientTeamId === null)).toBe(true);
      expect(k.recipientUserId).not.toBe(k.authorId);
      if (k.recipientTeamId) expect(teamsOf.get(k.authorId)!.has(k.recipientTeamId)).toBe(false);
      if (k.recipientUserId) expect(teamsOf.has(k.recipientUserId)).toBe(true);
      expect(k.createdAt <= now).toBe(true);
      expect(now.getTime() - k.createdAt.getTime()).toBeLessThanOrEqual(DEMO_KUDOS_DAYS * DAY);
      expect(k.message.length).toBeGreaterThan(20);
      expect(k.message.length).toBeLessThanOrEqual(KUDOS_MESSAGE_MAX);
      expect(k.message).not.toMatch(/[{}]/);
    }
    expect(kudos.some((k) => k.recipientTeamId)).toBe(true);
    expect(kudos.filter((k) => k.recipientUserId).length).toBeGreaterThan(kudos.length / 2);
    expect(new Set(kudos.map((k) => k.message)).size).toBeGreaterThan(30);
  });

  test("a kudos about a request comes from its requester, after a top rating, to whoever resolved it or their team", () => {
    const about = kudos.filter((k) => k.requestId);
    expect(about.length).toBeGreaterThanOrEqual(15);
    for (const k of about) {
      const request = requestOf.get(k.requestId!)!;
      expect(k.authorId).toBe(request.requesterId);
      if (k.recipientUserId) expect(k.recipientUserId).toBe(request.assigneeId);
      else expect(k.recipientTeamId).toBe(request.providerTeamId);
      const rating = ratings.find((r) => r.requestId === k.requestId && r.kind === "FIRST")!;
      expect(rating.overall).toBe(5);
      expect(k.createdAt >= rating.createdAt).toBe(true);
    }
    expect(about.some((k) => k.recipientTeamId) && about.some((k) => k.recipientUserId)).toBe(true);
  });

  test("one or two are hidden by a manager of the thanked person's team, with a reason", () => {
    const hidden = kudos.filter((k) => k.hiddenAt);
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    expect(hidden.length).toBeLessThanOrEqual(2);
    for (const k of hidden) {
      expect(k.hiddenAt! >= k.createdAt && k.hiddenAt! <= now).toBe(true);
      expect(k.hiddenReason).toBeTruthy();
      const managed = manages.get(k.hiddenById!)!;
      expect([...teamsOf.get(k.recipientUserId!)!].some((t) => managed.has(t))).toBe(true);
    }
    expect(kudos.filter((k) => !k.hiddenAt).every((k) => k.hiddenById === null && k.hiddenReason === null)).toBe(true);
  });
});
