// The demo request generator is pure and seeded: the same organisation and moment give the same
// data, and whatever the moment, every request agrees with its own timeline.
import { describe, expect, test } from "vitest";
import { demoPeople, demoTeams } from "~/demo/demo-organisation";
import { buildDemoNotifications, buildDemoRequests, DEMO_REQUEST_COUNT, type DemoOrg } from "~/demo/demo-requests";
import { AUTO_CLOSE_AFTER_DAYS, REOPEN_WINDOW_DAYS } from "~/utils/request-lifecycle";

const DAY = 86_400_000;
const org: DemoOrg = {
  teamIds: new Map(demoTeams.map((t) => [t.key, `team-${t.key}`])),
  teamNames: new Map(demoTeams.map((t) => [`team-${t.key}`, t.name])),
  people: demoPeople.map((p, i) => ({ id: `person-${i}`, name: p.name, teams: p.teams })),
};
const memberTeams = new Map(org.people.map((p) => [p.id, new Set(p.teams.map(([key]) => `team-${key}`))]));

test("the same organisation and moment give the same data", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  expect(buildDemoRequests(org, now)).toEqual(buildDemoRequests(org, now));
});

// Different moments: a Monday morning, a Saturday night, New Year's Day.
describe.each(["2026-11-23T08:05:00Z", "2026-11-28T23:30:00Z", "2027-01-01T00:10:00Z"])("seeded at %s", (iso) => {
  const now = new Date(iso);
  const data = buildDemoRequests(org, now);

  test("about 300 requests in creation order, in every status", () => {
    expect(data.requests).toHaveLength(DEMO_REQUEST_COUNT);
    const times = data.requests.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThan(now.getTime() - 121 * DAY);
    expect(new Set(data.requests.map((r) => r.status)).size).toBe(6);
  });

  test("every request agrees with its events, and the events with the lifecycle", () => {
    const byRequest = new Map<string, typeof data.events>();
    for (const e of data.events) byRequest.set(e.requestId, [...(byRequest.get(e.requestId) ?? []), e]);
    const typeTeam = new Map(data.types.map((t) => [t.id, t.teamId]));
    for (const r of data.requests) {
      const events = byRequest.get(r.id)!;
      const label = `${r.title} (${r.status})`;
      expect(events[0]!.kind, label).toBe("CREATED");
      for (let i = 1; i < events.length; i++) expect(events[i]!.at >= events[i - 1]!.at, label).toBe(true);
      expect(events.at(-1)!.at <= now, label).toBe(true);
      // Every change counts towards the version; the SLA job's announcements aren't changes.
      expect(r.version, label).toBe(events.filter((e) => !e.kind.startsWith("SLA_")).length);
      expect(typeTeam.get(r.typeId), label).toBe(r.providerTeamId);
      expect(memberTeams.get(r.requesterId)!.has(r.providerTeamId), label).toBe(false);
      if (r.assigneeId) expect(memberTeams.get(r.assigneeId)!.has(r.providerTeamId), label).toBe(true);

      // Status changes chain: each starts from where the last one ended.
      let status = "NEW";
      for (const e of events.filter((e) => e.kind === "STATUS_CHANGED" || e.kind === "REOPENED")) {
        expect(e.fromStatus, label).toBe(status);
        status = e.toStatus!;
      }
      expect(status, label).toBe(r.status);
      expect(events.filter((e) => e.kind === "TRANSFERRED").length, label).toBe(r.transferCount);

      if (r.resolvedAt) expect(r.resolvedAt >= r.createdAt, label).toBe(true);
      if (r.status === "CLOSED")
        expect(r.closedAt!.getTime() - r.resolvedAt!.getTime()).toBeGreaterThanOrEqual(AUTO_CLOSE_AFTER_DAYS * DAY);
      if (r.status === "RESOLVED") expect(now.getTime() - r.resolvedAt!.getTime()).toBeLessThan(AUTO_CLOSE_AFTER_DAYS * DAY + 3_600_000);
      for (const e of events.filter((e) => e.kind === "REOPENED")) {
        const resolved = events.filter((x) => x.toStatus === "RESOLVED" && x.at <= e.at).at(-1)!;
        expect(e.at.getTime() - resolved.at.getTime()).toBeLessThan(REOPEN_WINDOW_DAYS * DAY);
        expect(e.actorId, label).toBe(r.requesterId);
      }
      if (r.status === "CANCELLED") expect(events.at(-1)!.actorId, label).toBe(r.requesterId);
      if (r.promisedAt)
        expect(
          events.some((e) => e.kind === "PROMISE_SET"),
          label,
        ).toBe(true);
    }
  });

  test("SLA warnings and breaches happen while the clock runs, once each, with an alert for the SLA job", () => {
    const rows = new Map(data.requests.map((r) => [r.id, r]));
    const slaEvents = data.events.filter((e) => e.kind === "SLA_WARNING" || e.kind === "SLA_BREACHED");
    expect(slaEvents.length).toBe(data.slaAlerts.length);
    expect(new Set(data.slaAlerts.map((a) => `${a.requestId} ${a.clock} ${a.level}`)).size).toBe(data.slaAlerts.length);
    for (const alert of data.slaAlerts) {
      const r = rows.get(alert.requestId)!;
      const due = alert.clock === "FIRST_RESPONSE" ? r.firstResponseDueAt : r.resolutionDueAt;
      expect(alert.dueAt).toEqual(due);
      expect(alert.at <= now).toBe(true);
      if (alert.level === "BREACHED") expect(alert.at >= due).toBe(true);
      else expect(alert.at < due).toBe(true);
      if (alert.clock === "FIRST_RESPONSE" && r.firstResponseAt) expect(alert.at < r.firstResponseAt).toBe(true);
    }
    // An open request past its resolution target has had its breach announced.
    for (const r of data.requests.filter(
      (r) => ["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER"].includes(r.status) && r.resolutionDueAt < now,
    )) {
      expect(data.slaAlerts.some((a) => a.requestId === r.id && a.clock === "RESOLUTION" && a.level === "BREACHED")).toBe(true);
    }
    expect(data.slaAlerts.some((a) => a.level === "WARNING")).toBe(true);
  });

  test("comments are on the timeline, and notifications only cover the last week", () => {
    const commentIds = new Set(data.events.map((e) => e.commentId).filter(Boolean));
    expect(data.comments.every((c) => commentIds.has(c.id))).toBe(true);
    const numbers = new Map(data.requests.map((r, i) => [r.id, i + 1]));
    const notifications = buildDemoNotifications(org, data, numbers, now);
    expect(notifications.length).toBeGreaterThan(0);
    for (const n of notifications) {
      expect(n.createdAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 7 * DAY);
      if (n.readAt) expect(n.readAt <= now && n.readAt >= n.createdAt).toBe(true);
      expect(n.link).toBe(`/requests/REQ-${numbers.get(n.requestId)}`);
    }
  });
});
