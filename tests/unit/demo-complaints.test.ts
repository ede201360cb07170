// The demo complaints are pure and seeded, and tell consistent stories: every timeline starts
// with LOGGED, runs in time order and never reaches past `now`; the columns agree with the
// timeline; escalation follows the team hierarchy and the 24-hour target; closed complaints
// always answered the rep; and "App login failures" really rises in the last three weeks.
import { describe, expect, test } from "vitest";
import { buildDemoComplaints, DEMO_COMPLAINT_DAYS } from "~/demo/demo-complaints";
import { demoCategories, demoThemes, RISING_THEME } from "~/demo/demo-complaint-stories";
import { demoPeople, demoTeams } from "~/demo/demo-organisation";
import type { DemoOrg } from "~/demo/demo-requests";
import { COMPLAINT_STATUSES, DEFAULT_ACK_TARGET_MINUTES, DETAILS_MAX, SEVERITIES, SUMMARY_MAX } from "~/utils/complaint-rules";

const DAY = 86_400_000;
const org: DemoOrg = {
  teamIds: new Map(demoTeams.map((t) => [t.key, `team-${t.key}`])),
  teamNames: new Map(demoTeams.map((t) => [`team-${t.key}`, t.name])),
  people: demoPeople.map((p, i) => ({ id: `person-${i}`, name: p.name, teams: p.teams })),
};
const parentOf = new Map(demoTeams.map((t) => [`team-${t.key}`, t.parent ? `team-${t.parent}` : null]));
const managersOf = (teamId: string) =>
  new Set(org.people.filter((p) => p.teams.some(([k, r]) => `team-${k}` === teamId && r === "MANAGER")).map((p) => p.id));
const personId = (name: string) => org.people.find((p) => p.name === name)!.id;

test("the same organisation and moment give the same complaints", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  expect(buildDemoComplaints(org, now)).toEqual(buildDemoComplaints(org, now));
});

describe.each(["2026-11-23T08:05:00Z", "2026-11-28T23:30:00Z", "2027-03-01T00:10:00Z"])("seeded at %s", (iso) => {
  const now = new Date(iso);
  const data = buildDemoComplaints(org, now);
  const { complaints, events, sightings, complaintThemes } = data;
  const eventsOf = new Map<string, typeof events>();
  for (const e of events) eventsOf.set(e.complaintId, [...(eventsOf.get(e.complaintId) ?? []), e]);
  const sightingsOf = (id: string) => sightings.filter((s) => s.complaintId === id);

  test("several hundred complaints over 120 days (a few older, closed ones), numbered in logging order", () => {
    expect(complaints.length).toBeGreaterThanOrEqual(300);
    expect(complaints.length).toBeLessThanOrEqual(450);
    expect(complaints.map((c) => c.number)).toEqual(complaints.map((_, i) => i + 1));
    for (let i = 1; i < complaints.length; i++) expect(complaints[i]!.createdAt >= complaints[i - 1]!.createdAt).toBe(true);
    const old = complaints.filter((c) => now.getTime() - c.createdAt.getTime() > DEMO_COMPLAINT_DAYS * DAY);
    expect(old.length).toBeGreaterThanOrEqual(3);
    expect(old.every((c) => c.status === "CLOSED" && c.contactPurgedAt && c.customerName === null)).toBe(true);
    expect(new Set(complaints.map((c) => c.id)).size).toBe(complaints.length);
  });

  test("every status, severity, channel and active category appears; Sofia is among the reporters", () => {
    expect(new Set(complaints.map((c) => c.status))).toEqual(new Set(COMPLAINT_STATUSES));
    expect(new Set(complaints.map((c) => c.severity))).toEqual(new Set(SEVERITIES));
    expect(new Set(complaints.map((c) => c.channel)).size).toBe(9);
    const used = new Set(complaints.map((c) => c.categoryId));
    expect(data.categories.filter((c) => c.active).every((c) => used.has(c.id))).toBe(true);
    expect(complaints.filter((c) => c.reporterId === personId("Sofia Alvarez")).length).toBeGreaterThan(30);
    expect(new Set(complaints.map((c) => c.summary)).size).toBeGreaterThan(100);
    for (const c of complaints) {
      expect(c.summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(c.details.length).toBeLessThanOrEqual(DETAILS_MAX);
      expect(`${c.summary} ${c.details}`).not.toMatch(/[{}]/);
    }
  });

  test("categories: unique names, owned by demo teams, Customer Care owns some, one retired", () => {
    expect(data.categories.map((c) => c.name)).toEqual(demoCategories.map((c) => c.name));
    expect(new Set(data.categories.map((c) => c.name.toLowerCase())).size).toBe(data.categories.length);
    expect(data.categories.filter((c) => c.ownerTeamId === "team-care").length).toBeGreaterThanOrEqual(2);
    expect(data.categories.filter((c) => !c.active)).toHaveLength(1);
    for (const c of complaints) {
      const category = data.categories.find((x) => x.id === c.categoryId)!;
      expect(c.routedTeamId).toBe(category.ownerTeamId);
    }
  });

  test("timelines start with LOGGED, run in time order, never reach the future and match the columns", () => {
    for (const c of complaints) {
      const timeline = eventsOf.get(c.id)!;
      expect(timeline[0]).toMatchObject({ kind: "LOGGED", at: c.createdAt, actorId: c.reporterId, toTeamId: c.routedTeamId });
      for (let i = 1; i < timeline.length; i++) expect(timeline[i]!.at >= timeline[i - 1]!.at).toBe(true);
      for (const e of timeline) expect(e.at <= now).toBe(true);
      expect(c.updatedAt).toEqual(timeline.at(-1)!.at);
      expect(c.occurredAt <= c.createdAt).toBe(true);
      const kinds = timeline.map((e) => e.kind);
      const one = (kind: string) => timeline.filter((e) => e.kind === kind);
      expect(kinds.includes("CRITICAL_ALERT")).toBe(c.severity === "CRITICAL");
      expect(one("ACKNOWLEDGED").map((e) => e.at)).toEqual(c.acknowledgedAt ? [c.acknowledgedAt] : []);
      expect(one("ACTION_PLANNED").map((e) => e.note)).toEqual(c.actionPlan ? [c.actionPlan] : []);
      expect(one("RESPONDED").map((e) => e.note)).toEqual(c.response ? [c.response] : []);
      expect(one("CLOSED").map((e) => e.at)).toEqual(c.closedAt ? [c.closedAt] : []);
      expect(one("SIGHTING_ADDED")).toHaveLength(sightingsOf(c.id).length);
      expect(one("CONTACT_PURGED")).toHaveLength(c.contactPurgedAt ? 1 : 0);
      // Order of the steps.
      const order = ["ACKNOWLEDGED", "ACTION_PLANNED", "RESPONDED", "CLOSED"].filter((k) => kinds.includes(k as never));
      expect(order.map((k) => kinds.indexOf(k as never))).toEqual([...order.map((k) => kinds.indexOf(k as never))].sort((a, b) => a - b));
      if (c.acknowledgedAt) expect(managersOf(c.waitingOnTeamId).has(c.acknowledgedById!)).toBe(true);
    }
  });

  test("statuses agree with what happened; closed complaints all have a response to the rep", () => {
    for (const c of complaints) {
      if (c.status === "CLOSED") expect(c.response && c.respondedAt && c.respondedAt <= c.closedAt!).toBeTruthy();
      if (c.status === "ESCALATED") expect(c.acknowledgedAt === null && !c.resolvedAtFrontLine).toBe(true);
      if (c.status === "LOGGED") expect(c.resolvedAtFrontLine && c.acknowledgedAt === null).toBe(true);
      if (c.status === "ACTION_PLANNED") expect(c.actionPlan).toBeTruthy();
      expect(c.escalatedAt).toEqual(c.resolvedAtFrontLine ? null : c.createdAt);
      if (c.status !== "ESCALATED") expect(c.acknowledgeDueAt).toBeNull();
      if (c.contactPurgedAt) expect(c.contactPurgedAt > c.closedAt!).toBe(true);
    }
  });

  test("escalation climbs the hierarchy one level per missed 24-hour target; some wait at every level, some at the top", () => {
    const target = DEFAULT_ACK_TARGET_MINUTES * 60_000;
    for (const c of complaints) {
      const steps = eventsOf.get(c.id)!.filter((e) => e.kind === "ESCALATED");
      const moves = steps.filter((e) => e.toTeamId);
      expect(moves).toHaveLength(c.escalationLevel);
      let team = c.routedTeamId;
      steps.forEach((step, i) => {
        expect(step.fromTeamId).toBe(team);
        expect(step.toTeamId).toBe(parentOf.get(team) ?? null);
        expect(step.at.getTime()).toBe(c.createdAt.getTime() + (i + 1) * target);
        team = step.toTeamId ?? team;
      });
      expect(c.waitingOnTeamId).toBe(team);
      if (c.status === "ESCALATED") {
        const atTop = steps.some((s) => s.toTeamId === null);
        expect(c.acknowledgeDueAt).toEqual(atTop ? null : new Date(c.createdAt.getTime() + (steps.length + 1) * target));
        if (c.acknowledgeDueAt) expect(c.acknowledgeDueAt > now).toBe(true);
      }
    }
    const waiting = complaints.filter((c) => c.status === "ESCALATED");
    expect(new Set(waiting.map((c) => c.escalationLevel))).toEqual(new Set([0, 1, 2]));
    expect(waiting.some((c) => c.waitingOnTeamId === "team-exec" && c.acknowledgeDueAt === null)).toBe(true);
    expect(complaints.some((c) => c.status === "CLOSED" && c.escalationLevel === 2)).toBe(true);
  });

  test("sightings cluster: some complaints were heard 5–20 times, never by their own reporter, while open", () => {
    const counts = complaints.map((c) => sightingsOf(c.id).length);
    expect(counts.filter((n) => n >= 5).length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
    for (const c of complaints) {
      for (const s of sightingsOf(c.id)) {
        expect(s.reporterId).not.toBe(c.reporterId);
        expect(s.createdAt > c.createdAt && s.createdAt <= now).toBe(true);
        if (c.closedAt) expect(s.createdAt <= c.closedAt).toBe(true);
        expect(s.occurredAt <= s.createdAt).toBe(true);
      }
    }
  });

  test("some have plausible, fictional customer contact details", () => {
    const withContact = complaints.filter((c) => c.customerName);
    expect(withContact.length).toBeGreaterThan(50);
    for (const c of withContact) {
      if (c.customerEmail) expect(c.customerEmail).toMatch(/^[a-z0-9.]+@example\.com$/);
      if (c.customerPhone) expect(c.customerPhone).toMatch(/^555-01\d\d$/);
    }
  });

  test(`themes: each used, tagged by a manager of the routed team or the acknowledger, and "${demoThemes[RISING_THEME]}" rising`, () => {
    const byId = new Map(complaints.map((c) => [c.id, c]));
    expect(new Set(complaintThemes.map((t) => t.themeId)).size).toBe(data.themes.length);
    for (const tag of complaintThemes) {
      const c = byId.get(tag.complaintId)!;
      expect(tag.taggedAt >= c.createdAt && tag.taggedAt <= now).toBe(true);
      expect(tag.taggedById === c.acknowledgedById || managersOf(c.routedTeamId).has(tag.taggedById)).toBe(true);
    }
    const rising = data.themes.find((t) => t.name === demoThemes[RISING_THEME])!;
    const heard = (fromDaysAgo: number, toDaysAgo: number) => {
      const inWindow = (d: Date) => d.getTime() > now.getTime() - fromDaysAgo * DAY && d.getTime() <= now.getTime() - toDaysAgo * DAY;
      const tagged = complaintThemes.filter((t) => t.themeId === rising.id).map((t) => byId.get(t.complaintId)!);
      return (
        tagged.filter((c) => inWindow(c.createdAt)).length +
        sightings.filter((s) => tagged.some((c) => c.id === s.complaintId) && inWindow(s.createdAt)).length
      );
    };
    const last = heard(21, 0);
    const previous = heard(42, 21);
    expect(last).toBeGreaterThanOrEqual(5);
    expect(last).toBeGreaterThan(3 * Math.max(previous, 1));
  });
});
