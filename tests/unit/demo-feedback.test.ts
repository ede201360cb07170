// The demo feedback is pure and seeded, and keeps the promises the app makes about anonymous
// entries: no author, only a day, no follow-up code in the demo, announced the day after; answers
// come from a manager who reads the entry, after it became readable, and never from the future.
import { describe, expect, test } from "vitest";
import { buildDemoFeedback, DEMO_FEEDBACK_DAYS } from "~/demo/demo-feedback";
import { demoPeople, demoTeams } from "~/demo/demo-organisation";
import type { DemoOrg } from "~/demo/demo-requests";
import { FEEDBACK_BODY_MAX, RESPONSE_MAX, SUBJECT_MAX } from "~/validation/feedback";
import { orgDateIso, startOfOrgDate } from "~/utils/org-time";

const DAY = 86_400_000;
const org: DemoOrg = {
  teamIds: new Map(demoTeams.map((t) => [t.key, `team-${t.key}`])),
  teamNames: new Map(demoTeams.map((t) => [`team-${t.key}`, t.name])),
  people: demoPeople.map((p, i) => ({ id: `person-${i}`, name: p.name, teams: p.teams })),
};
const managers = new Set(org.people.filter((p) => p.teams.some(([, r]) => r === "MANAGER")).map((p) => p.id));
const iso = (d: Date) => d.toISOString().slice(0, 10);

test("the same organisation and moment give the same feedback", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  expect(buildDemoFeedback(org, now, "Europe/London")).toEqual(buildDemoFeedback(org, now, "Europe/London"));
});

describe.each([
  ["2026-11-23T08:05:00Z", "UTC"],
  ["2026-11-28T23:30:00Z", "Europe/London"],
  ["2027-01-01T00:10:00Z", "America/New_York"],
])("seeded at %s in %s", (at, timeZone) => {
  const now = new Date(at);
  const today = orgDateIso(now, timeZone);
  const { feedback, responses } = buildDemoFeedback(org, now, timeZone);

  test("about 40 entries: suggestions and concerns, to teams and to management, about half anonymous", () => {
    expect(feedback.length).toBeGreaterThanOrEqual(35);
    expect(feedback.length).toBeLessThanOrEqual(45);
    expect(new Set(feedback.map((f) => f.kind))).toEqual(new Set(["SUGGESTION", "CONCERN"]));
    expect(feedback.some((f) => f.teamId === null) && feedback.some((f) => f.teamId !== null)).toBe(true);
    const anonymous = feedback.filter((f) => f.anonymous).length;
    expect(anonymous).toBeGreaterThanOrEqual(feedback.length * 0.3);
    expect(anonymous).toBeLessThanOrEqual(feedback.length * 0.7);
    expect(new Set(feedback.map((f) => f.status))).toEqual(new Set(["OPEN", "ANSWERED", "CLOSED"]));
    for (const f of feedback) {
      expect(f.subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
      expect(f.body.length).toBeLessThanOrEqual(FEEDBACK_BODY_MAX);
      expect(iso(f.submittedOn) <= today).toBe(true);
      expect(now.getTime() - f.submittedOn.getTime()).toBeLessThanOrEqual((DEMO_FEEDBACK_DAYS + 2) * DAY);
    }
  });

  test("anonymous entries have no author, only a date, no follow-up code; they were announced the day after", () => {
    for (const f of feedback) {
      expect(f.submittedOn.getUTCHours() + f.submittedOn.getUTCMinutes()).toBe(0);
      expect(f.followUpCodeHash).toBeNull();
      if (f.anonymous) {
        expect(f.authorId).toBeNull();
        if (iso(f.submittedOn) < today) expect(f.announcedOn && iso(f.announcedOn)).toBe(iso(new Date(f.submittedOn.getTime() + DAY)));
        else expect(f.announcedOn).toBeNull();
      } else {
        expect(f.authorId).not.toBeNull();
        expect(f.announcedOn).toBeNull();
        // Nobody writes to a team they manage.
        const author = org.people.find((p) => p.id === f.authorId)!;
        expect(author.teams.some(([k, r]) => `team-${k}` === f.teamId && r === "MANAGER")).toBe(false);
      }
    }
  });

  test("answered and closed entries have a manager's response, after the entry became readable and not in the future", () => {
    const byId = new Map(feedback.map((f) => [f.id, f]));
    for (const f of feedback) {
      const mine = responses.filter((r) => r.feedbackId === f.id);
      expect(mine.length > 0).toBe(f.status !== "OPEN");
    }
    expect(responses.length).toBeGreaterThanOrEqual(10);
    for (const r of responses) {
      const f = byId.get(r.feedbackId)!;
      expect(managers.has(r.responderId)).toBe(true);
      expect(r.body.length).toBeGreaterThan(10);
      expect(r.body.length).toBeLessThanOrEqual(RESPONSE_MAX);
      expect(r.createdAt <= now).toBe(true);
      const readable = f.anonymous ? startOfOrgDate(iso(f.announcedOn!), timeZone) : startOfOrgDate(iso(f.submittedOn), timeZone);
      expect(r.createdAt >= readable).toBe(true);
    }
  });
});
