// The request status machine (DESIGN.md): every (from, to, actor) combination is checked against
// one table of what is allowed, so a rule added or lost by mistake fails here.
import { describe, expect, test } from "vitest";
import {
  AUTO_CLOSE_AFTER_DAYS,
  REOPEN_WINDOW_DAYS,
  REQUEST_STATUSES,
  autoCloseCutoff,
  availableTransitions,
  checkTransition,
  isOpen,
  type LifecycleActor,
  type RequestStatus,
} from "~/utils/request-lifecycle";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-03-10T12:00:00Z");
const ACTORS: LifecycleActor[] = ["provider", "requester", "system"];

/** Everything allowed, as "FROM>TO": the actors who may do it. */
const ALLOWED: Record<string, LifecycleActor[]> = {
  "NEW>IN_PROGRESS": ["provider"],
  "IN_PROGRESS>WAITING_ON_REQUESTER": ["provider"],
  "WAITING_ON_REQUESTER>IN_PROGRESS": ["provider", "requester"],
  "IN_PROGRESS>RESOLVED": ["provider"],
  "WAITING_ON_REQUESTER>RESOLVED": ["provider"],
  "RESOLVED>CLOSED": ["requester", "system"],
  "RESOLVED>IN_PROGRESS": ["requester"],
  "CLOSED>IN_PROGRESS": ["requester"],
  "NEW>CANCELLED": ["requester"],
  "IN_PROGRESS>CANCELLED": ["requester"],
};

const recentlyResolved = { resolvedAt: new Date(NOW.getTime() - DAY), now: NOW };

const cases = REQUEST_STATUSES.flatMap((from) =>
  REQUEST_STATUSES.flatMap((to) => ACTORS.map((actor) => ({ from, to, actor, allowed: (ALLOWED[`${from}>${to}`] ?? []).includes(actor) }))),
);

describe("checkTransition", () => {
  test.each(cases.filter((c) => c.allowed))("$actor may move a request from $from to $to", ({ from, to, actor }) => {
    expect(checkTransition(from, to, actor, recentlyResolved)).toEqual({
      ok: true,
      reopen: (from === "RESOLVED" || from === "CLOSED") && to === "IN_PROGRESS",
    });
  });

  test.each(cases.filter((c) => !c.allowed))("$actor may not move a request from $from to $to", ({ from, to, actor }) => {
    const check = checkTransition(from, to, actor, recentlyResolved);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/\.$/);
  });

  test("the refusal says why: staying put, a move that doesn't exist, or the wrong person", () => {
    expect(checkTransition("NEW", "NEW", "provider")).toEqual({ ok: false, message: "The request is already new." });
    expect(checkTransition("NEW", "RESOLVED", "provider")).toEqual({ ok: false, message: "A request can't go from new to resolved." });
    expect(checkTransition("CANCELLED", "IN_PROGRESS", "requester")).toEqual({
      ok: false,
      message: "A request can't go from cancelled to in progress.",
    });
    expect(checkTransition("CANCELLED", "NEW", "provider")).toEqual({ ok: false, message: "A request can't go from cancelled to new." });
    expect(checkTransition("NEW", "IN_PROGRESS", "requester")).toEqual({ ok: false, message: "Only the team handling it can do that." });
    expect(checkTransition("RESOLVED", "CLOSED", "provider")).toEqual({ ok: false, message: "Only the person who raised it can do that." });
    expect(checkTransition("NEW", "CANCELLED", "provider")).toEqual({ ok: false, message: "Only the person who raised it can do that." });
    expect(checkTransition("RESOLVED", "IN_PROGRESS", "provider", recentlyResolved)).toEqual({
      ok: false,
      message: "Only the person who raised it can do that.",
    });
  });

  test("cancelled is final, and closed only reopens (by the requester, within the window)", () => {
    for (const to of REQUEST_STATUSES)
      for (const actor of ACTORS) expect(checkTransition("CANCELLED", to, actor, recentlyResolved).ok).toBe(false);
    for (const to of REQUEST_STATUSES)
      for (const actor of ACTORS) {
        const expected = to === "IN_PROGRESS" && actor === "requester";
        expect(checkTransition("CLOSED", to, actor, recentlyResolved).ok).toBe(expected);
      }
    const lateClosed = checkTransition("CLOSED", "IN_PROGRESS", "requester", { resolvedAt: new Date(NOW.getTime() - 15 * DAY), now: NOW });
    expect(lateClosed.ok).toBe(false);
  });

  test(`a reopen is allowed up to ${REOPEN_WINDOW_DAYS} days after resolution, and not after`, () => {
    const reopen = (resolvedAt: Date | null) => checkTransition("RESOLVED", "IN_PROGRESS", "requester", { resolvedAt, now: NOW });
    expect(reopen(new Date(NOW.getTime() - 13 * DAY))).toEqual({ ok: true, reopen: true });
    expect(reopen(new Date(NOW.getTime() - REOPEN_WINDOW_DAYS * DAY))).toEqual({ ok: true, reopen: true });
    const late = reopen(new Date(NOW.getTime() - REOPEN_WINDOW_DAYS * DAY - 1000));
    expect(late).toEqual({
      ok: false,
      message: "A request can be reopened only within 14 days of being resolved. Raise a new request instead.",
    });
    expect(reopen(null).ok).toBe(false);
  });

  test("the window is measured from the real clock when no time is given", () => {
    expect(checkTransition("RESOLVED", "IN_PROGRESS", "requester", { resolvedAt: new Date(Date.now() - DAY) }).ok).toBe(true);
    expect(checkTransition("RESOLVED", "IN_PROGRESS", "requester", { resolvedAt: new Date(Date.now() - 15 * DAY) }).ok).toBe(false);
  });
});

describe("availableTransitions", () => {
  const offered = (from: RequestStatus, actor: LifecycleActor, context = recentlyResolved) =>
    availableTransitions(from, actor, context).map((t) => `${t.to}: ${t.action}`);

  test("offers the team handling it the moves of its work", () => {
    expect(offered("NEW", "provider")).toEqual(["IN_PROGRESS: Start work"]);
    expect(offered("IN_PROGRESS", "provider")).toEqual(["WAITING_ON_REQUESTER: Wait for requester", "RESOLVED: Resolve"]);
    expect(offered("WAITING_ON_REQUESTER", "provider")).toEqual(["IN_PROGRESS: Resume work", "RESOLVED: Resolve"]);
    expect(offered("RESOLVED", "provider")).toEqual([]);
    expect(offered("CLOSED", "provider")).toEqual([]);
  });

  test("offers the requester cancel, resume, close and reopen when they apply", () => {
    expect(offered("NEW", "requester")).toEqual(["CANCELLED: Cancel request"]);
    expect(offered("IN_PROGRESS", "requester")).toEqual(["CANCELLED: Cancel request"]);
    expect(offered("WAITING_ON_REQUESTER", "requester")).toEqual(["IN_PROGRESS: Resume work"]);
    expect(offered("RESOLVED", "requester")).toEqual(["CLOSED: Confirm and close", "IN_PROGRESS: Reopen"]);
    expect(offered("CANCELLED", "requester")).toEqual([]);
    // Auto-close comes after 7 days; the requester can still reopen until day 14.
    expect(offered("CLOSED", "requester")).toEqual(["IN_PROGRESS: Reopen"]);
  });

  test("stops offering a reopen once the window has passed", () => {
    expect(offered("RESOLVED", "requester", { resolvedAt: new Date(NOW.getTime() - 20 * DAY), now: NOW })).toEqual([
      "CLOSED: Confirm and close",
    ]);
  });

  test("agrees with checkTransition for every status and actor", () => {
    for (const from of REQUEST_STATUSES) {
      for (const actor of ACTORS) {
        const expected = REQUEST_STATUSES.filter((to) => checkTransition(from, to, actor, recentlyResolved).ok);
        expect(availableTransitions(from, actor, recentlyResolved).map((t) => t.to)).toEqual(expect.arrayContaining(expected));
        expect(availableTransitions(from, actor, recentlyResolved)).toHaveLength(expected.length);
      }
    }
  });
});

describe("open statuses and auto-close", () => {
  test("new, in progress and waiting are open; the rest are not", () => {
    expect(REQUEST_STATUSES.filter(isOpen)).toEqual(["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER"]);
  });

  test(`resolved requests close themselves ${AUTO_CLOSE_AFTER_DAYS} days after resolution`, () => {
    expect(autoCloseCutoff(NOW)).toEqual(new Date(NOW.getTime() - 7 * DAY));
  });
});
