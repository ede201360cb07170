// Rating a request (issue 4: asking, the rating form, bad input): the requester is asked when
// the request is resolved, rates it once on the rate page (or from the request page, which posts
// there), may change the rating for 7 days and re-rate once after a recovery case closed; a poor
// rating opens a recovery case for the provider team's managers. Every refusal answers with a
// message beside the field and saves nothing; a double submit saves one rating.
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { acknowledgeDueAt } from "~/utils/recovery-lifecycle";
import type { Request as RequestRow, RequestType, Team, User } from "~/generated/prisma/client";
import * as home from "~/routes/_index";
import { createRequest, createUser } from "../support/factories";
import { callLoader, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";
import { postToRequest, requestPageData } from "../support/request-page";
import {
  cookieFor,
  createRating,
  createRecoveryCase,
  createServiceOrg,
  openRatePage,
  postRating,
  ratingFields,
  resolveRequest,
  toldAbout,
} from "../support/rating-factories";

const DAY = 24 * 60 * 60 * 1000;

let it: Team;
let laptop: RequestType;
let requester: User, colleague: User, agent: User, itManager: User, outsider: User;
const cookieOf = cookieFor;
let itRequest: Awaited<ReturnType<typeof createServiceOrg>>["itRequest"];

async function rate(user: User, request: RequestRow, fields: Record<string, string>) {
  return postRating(await cookieOf(user), request.number, fields);
}

function resolvedItRequest(options: Parameters<typeof resolveRequest>[0] = {}) {
  return resolveRequest({ ...itRequest, ...options });
}

/** Everything rating could write. */
async function snapshot(request: RequestRow) {
  const [ratings, cases, events, notifications, emails] = await Promise.all([
    prisma.rating.findMany({ where: { requestId: request.id }, orderBy: { kind: "asc" } }),
    prisma.recoveryCase.count({ where: { requestId: request.id } }),
    prisma.requestEvent.count({ where: { requestId: request.id } }),
    prisma.notification.count({ where: { requestId: request.id } }),
    prisma.outboundEmail.count(),
  ]);
  return { ratings, cases, events, notifications, emails };
}

async function kindsOf(request: RequestRow) {
  const events = await prisma.requestEvent.findMany({ where: { requestId: request.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return events.map((e) => e.kind);
}

beforeAll(async () => {
  const org = await createServiceOrg();
  ({ requester, colleague, agent, itManager, outsider, laptop, itRequest } = org);
  it = org.teams.it;
});

// ---------------------------------------------------------------------------------------------

describe("asking", () => {
  test("resolving a request asks the requester to rate it, in the app and by email, with a link to the form", async () => {
    const request = await createRequest({ requesterId: requester.id, providerTeamId: it.id, typeId: laptop.id, status: "IN_PROGRESS" });
    const emailsBefore = await prisma.outboundEmail.count({ where: { to: requester.email } });
    const response = await postToRequest(await cookieOf(agent), request.number, {
      intent: "status",
      to: "RESOLVED",
      version: String(request.version),
    });
    expect(response.status).toBe(302);
    expect(await toldAbout(request)).toEqual(["Rita Requester: RATING_REQUESTED"]);
    const notice = await prisma.notification.findFirstOrThrow({ where: { requestId: request.id } });
    expect(notice).toMatchObject({
      title: `REQ-${request.number} is resolved — how did we do?`,
      link: `/requests/REQ-${request.number}/rate`,
    });
    const emails = await prisma.outboundEmail.findMany({ where: { to: requester.email }, orderBy: { createdAt: "desc" } });
    expect(emails.length).toBe(emailsBefore + 1);
    expect(emails[0]!.subject).toBe(`REQ-${request.number} is resolved — how did we do?`);
    expect(emails[0]!.text).toContain(`/requests/REQ-${request.number}/rate`);
  });

  test("the request page shows the requester the form at the top, and nobody else", async () => {
    const request = await resolvedItRequest();
    const mine = await requestPageData(await cookieOf(requester), request.number);
    expect(mine.rating.option).toMatchObject({ kind: "rate" });
    expect(mine.rating.ratePath).toBe(`/requests/REQ-${request.number}/rate`);
    for (const user of [colleague, agent, itManager]) {
      const theirs = await requestPageData(await cookieOf(user), request.number);
      expect(theirs.rating.option.kind).toBe("none");
      expect(theirs.rating.first).toBeNull();
    }
  });

  test("the rate page opens for anyone who may see the request, and is 404 for others", async () => {
    const request = await resolvedItRequest({ title: "Printer jam" });
    const page = await openRatePage(await cookieOf(requester), request.number);
    expect(page.status).toBe(200);
    expect(await readJson(page)).toMatchObject({ ref: `REQ-${request.number}`, title: "Printer jam", panel: { option: { kind: "rate" } } });
    const colleagues = await readJson<{ panel: { option: { reason: string } } }>(
      await openRatePage(await cookieOf(colleague), request.number),
    );
    expect(colleagues.panel.option.reason).toBe("Only the person who raised the request can rate it.");
    expect((await openRatePage(await cookieOf(outsider), request.number)).status).toBe(404);
  });

  test("home lists my resolved requests waiting for my rating, within 28 days", async () => {
    const person = await createUser({ name: "Hana Home" });
    const waiting = await resolvedItRequest({ requesterId: person.id, title: "Waiting one", resolvedDaysAgo: 3 });
    const closed = await resolvedItRequest({ requesterId: person.id, title: "Closed one", status: "CLOSED", resolvedDaysAgo: 10 });
    const rated = await resolvedItRequest({ requesterId: person.id, title: "Rated one" });
    await createRating(rated);
    await resolvedItRequest({ requesterId: person.id, title: "Too old", resolvedDaysAgo: 29 });
    await createRequest({ requesterId: person.id, providerTeamId: it.id, typeId: laptop.id, title: "Still open" });
    const response = await callLoader(home, getRequest("/", { cookie: await signInAs(person.id) }));
    const data = await readJson<{ awaitingRating: Array<{ title: string; link: string; rerate: boolean }> }>(response);
    expect(data.awaitingRating.map((r) => r.title).sort()).toEqual(["Closed one", "Waiting one"]);
    expect(data.awaitingRating.find((r) => r.title === "Waiting one")).toMatchObject({
      link: `/requests/REQ-${waiting.number}/rate`,
      rerate: false,
    });
    expect(closed.status).toBe("CLOSED");
  });
});

// ---------------------------------------------------------------------------------------------

describe("giving a rating", () => {
  test("saves every answer, puts it on the timeline, tells whoever had it and goes back to the request", async () => {
    const request = await resolvedItRequest();
    const response = await rate(
      requester,
      request,
      ratingFields({ overall: "4", exceeded: "no", availability: "5", reliability: "3", timeliness: "", comment: "  Quick, thanks.  " }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/requests/REQ-${request.number}`);
    expect(await flashOf(response)).toEqual({ kind: "success", message: `Thanks for rating REQ-${request.number}.` });
    const rating = await prisma.rating.findFirstOrThrow({ where: { requestId: request.id } });
    expect(rating).toMatchObject({
      kind: "FIRST",
      raterId: requester.id,
      overall: 4,
      exceededExpectations: false,
      availability: 5,
      reliability: 3,
      timeliness: null,
      responsiveness: null,
      comment: "Quick, thanks.",
      version: 1,
    });
    expect(await kindsOf(request)).toEqual(["CREATED", "RATED"]);
    expect(await toldAbout(request)).toEqual(["Alex Agent: RATING_RECEIVED"]);
    expect(await prisma.recoveryCase.count({ where: { requestId: request.id } })).toBe(0);

    // Everyone who may see the request sees the rating; the requester may now change it.
    const colleagues = await requestPageData(await cookieOf(colleague), request.number);
    expect(colleagues.rating.first).toMatchObject({ overall: 4, comment: "Quick, thanks." });
    expect(colleagues.timeline.at(-1)).toMatchObject({ kind: "RATED", actor: "Rita Requester" });
    expect((await requestPageData(await cookieOf(requester), request.number)).rating.option.kind).toBe("edit");
  });

  test("tells the whole team when nobody was assigned", async () => {
    const request = await resolvedItRequest({ assigneeId: null });
    await rate(requester, request, ratingFields());
    expect(await toldAbout(request)).toEqual(["Alex Agent: RATING_RECEIVED", "Bea Agent: RATING_RECEIVED", "Mia Manager: RATING_RECEIVED"]);
  });

  test("a closed request can still be rated within 28 days of resolution", async () => {
    const request = await resolvedItRequest({ status: "CLOSED", resolvedDaysAgo: 20 });
    expect((await rate(requester, request, ratingFields())).status).toBe(302);
  });

  test.each([
    ["exceeded expectations", { overall: "4", exceeded: "yes" }],
    ["very satisfied", { overall: "5", exceeded: "no" }],
  ])("offers a delighted requester (%s) to send kudos to the team", async (_name, answers) => {
    const request = await resolvedItRequest();
    await rate(requester, request, ratingFields(answers));
    const page = await requestPageData(await cookieOf(requester), request.number);
    expect(page.rating.kudosLink).toBe(`/kudos/new?team=it&request=REQ-${request.number}`);
    // Nobody else is offered to thank the team for someone else's request.
    expect((await requestPageData(await cookieOf(agent), request.number)).rating.kudosLink).toBeNull();
  });

  test("a satisfied but not delighted requester is not pushed to send kudos", async () => {
    const request = await resolvedItRequest();
    await rate(requester, request, ratingFields({ overall: "4", exceeded: "no" }));
    expect((await requestPageData(await cookieOf(requester), request.number)).rating.kudosLink).toBeNull();
  });

  test.each(["1", "2"])("an overall %s opens a recovery case for the provider team's managers", async (overall) => {
    const request = await resolvedItRequest();
    const before = new Date();
    const response = await rate(requester, request, ratingFields({ overall, comment: "Took three weeks." }));
    expect(await flashOf(response)).toEqual({
      kind: "success",
      message: `Thanks for rating REQ-${request.number}. We've asked IT's managers to put right what went wrong.`,
    });
    const recoveryCase = await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(recoveryCase).toMatchObject({ status: "OPEN", teamId: it.id, waitingOnTeamId: it.id, escalationLevel: 0, version: 1 });
    const due = acknowledgeDueAt(recoveryCase.createdAt, "UTC");
    expect(recoveryCase.acknowledgeDueAt).toEqual(due);
    expect(recoveryCase.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(await kindsOf(request)).toEqual(["CREATED", "RATED", "RECOVERY_OPENED"]);
    // The managers of the team hear at once; managers further up only if it escalates.
    expect(await toldAbout(request)).toEqual(["Alex Agent: RATING_RECEIVED", "Mia Manager: RECOVERY_OPENED"]);
    const notice = await prisma.notification.findFirstOrThrow({ where: { requestId: request.id, kind: "RECOVERY_OPENED" } });
    expect(notice.link).toBe(`/requests/REQ-${request.number}/recovery`);
    const page = await requestPageData(await cookieOf(colleague), request.number);
    expect(page.recovery).toMatchObject({ status: "OPEN", team: "IT", waitingOn: "IT" });
  });

  test("a 3 opens no recovery case", async () => {
    const request = await resolvedItRequest();
    await rate(requester, request, ratingFields({ overall: "3" }));
    expect(await prisma.recoveryCase.count({ where: { requestId: request.id } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe("bad input is refused beside the field, and nothing is saved", () => {
  test.each([
    ["0", "Choose how satisfied you are, from 1 (very dissatisfied) to 5 (very satisfied)."],
    ["6", "Choose how satisfied you are, from 1 (very dissatisfied) to 5 (very satisfied)."],
    ["2.5", "Choose how satisfied you are, from 1 (very dissatisfied) to 5 (very satisfied)."],
    ["abc", "Choose how satisfied you are, from 1 (very dissatisfied) to 5 (very satisfied)."],
    ["", "Choose how satisfied you are, from 1 (very dissatisfied) to 5 (very satisfied)."],
  ])("an overall score of %j", async (overall, message) => {
    const request = await resolvedItRequest();
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields({ overall, comment: "Keep this text" }));
    expect(response.status).toBe(400);
    expect(await fieldErrors(response.clone(), "overall")).toEqual([message]);
    // What was typed comes back to the form.
    expect((await formReply(response)).initialValue).toMatchObject({ comment: "Keep this text" });
    expect(await snapshot(request)).toEqual(before);
  });

  test.each([
    ["no answer to exceeded", "exceeded", { exceeded: "" }, "Say whether they exceeded your expectations."],
    ["exceeded = maybe", "exceeded", { exceeded: "maybe" }, "Say whether they exceeded your expectations."],
    ["reliability 7", "reliability", { reliability: "7" }, "Choose 1 to 5 for reliability, or leave it blank."],
    ["availability 0", "availability", { availability: "0" }, "Choose 1 to 5 for availability, or leave it blank."],
    ["a 2,001-character comment", "comment", { comment: "x".repeat(2001) }, "Keep the comment under 2,000 characters."],
  ])("%s", async (_name, field, overrides, message) => {
    const request = await resolvedItRequest();
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields(overrides));
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, field)).toEqual([message]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("rating before the request is resolved", async () => {
    const request = await createRequest({ requesterId: requester.id, providerTeamId: it.id, typeId: laptop.id, status: "IN_PROGRESS" });
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields());
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "overall")).toEqual(["You can rate a request once the team has resolved it."]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("rating more than 28 days after resolution", async () => {
    const request = await resolvedItRequest({ status: "CLOSED", resolvedDaysAgo: 29 });
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields());
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "overall")).toEqual(["Requests can be rated for 28 days after they are resolved."]);
    expect(await snapshot(request)).toEqual(before);
  });

  test.each([
    ["a colleague in the requesting team", () => colleague],
    ["the agent who handled it", () => agent],
    ["the provider team's manager", () => itManager],
  ])("rating someone else's request, as %s, is refused with 403", async (_name, who) => {
    const request = await resolvedItRequest();
    const before = await snapshot(request);
    const response = await rate(who(), request, ratingFields());
    expect(response.status).toBe(403);
    expect(await fieldErrors(response, "")).toEqual(["Only the person who raised the request can rate it."]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("someone who may not see the request gets 404", async () => {
    const request = await resolvedItRequest();
    const before = await snapshot(request);
    expect((await rate(outsider, request, ratingFields())).status).toBe(404);
    expect(await snapshot(request)).toEqual(before);
  });

  test("a second, different rating", async () => {
    const request = await resolvedItRequest();
    await rate(requester, request, ratingFields({ overall: "4" }));
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields({ overall: "2" }));
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "overall")).toEqual(["You have already rated this request. Change your rating instead."]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("re-rating without a closed recovery case", async () => {
    const request = await resolvedItRequest();
    const rating = await createRating(request, { overall: 1, createdAt: new Date(Date.now() - 8 * DAY) });
    await createRecoveryCase(request, rating.id, { status: "APOLOGY_SENT" });
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields({ mode: "rerate", overall: "4" }));
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "overall")).toEqual(["You can rate it again once the team has closed the recovery case."]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("re-rating a request that was never poorly rated", async () => {
    const request = await resolvedItRequest();
    await createRating(request, { overall: 4, createdAt: new Date(Date.now() - 8 * DAY) });
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields({ mode: "rerate" }));
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "overall")).toEqual(["A rating can be changed for 7 days after it is given."]);
    expect(await snapshot(request)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("double submits", () => {
  test("two submits at once save one rating and both go back to the request", async () => {
    const request = await resolvedItRequest();
    const fields = ratingFields({ overall: "1", comment: "Twice" });
    const responses = await Promise.all([rate(requester, request, fields), rate(requester, request, fields)]);
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    expect(await prisma.rating.count({ where: { requestId: request.id } })).toBe(1);
    expect(await prisma.recoveryCase.count({ where: { requestId: request.id } })).toBe(1);
    expect((await kindsOf(request)).filter((k) => k === "RATED")).toHaveLength(1);
    expect(await toldAbout(request)).toEqual(["Alex Agent: RATING_RECEIVED", "Mia Manager: RECOVERY_OPENED"]);
  });

  test("the same form sent again later is the same rating, not an error", async () => {
    const request = await resolvedItRequest();
    const fields = ratingFields({ overall: "5", exceeded: "yes" });
    await rate(requester, request, fields);
    const again = await rate(requester, request, fields);
    expect(again.status).toBe(302);
    expect(await flashOf(again)).toEqual({ kind: "success", message: `Your rating of REQ-${request.number} is saved.` });
    expect(await prisma.rating.count({ where: { requestId: request.id } })).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe("changing a rating", () => {
  test("within 7 days, with the version it was shown at", async () => {
    const request = await resolvedItRequest();
    const rating = await createRating(request, { overall: 3, createdAt: new Date(Date.now() - 6 * DAY) });
    const response = await rate(
      requester,
      request,
      ratingFields({ mode: "edit", version: "1", overall: "4", exceeded: "yes", comment: "Better on reflection" }),
    );
    expect(response.status).toBe(302);
    expect(await flashOf(response)).toEqual({ kind: "success", message: `Your rating of REQ-${request.number} is changed.` });
    expect(await prisma.rating.findUniqueOrThrow({ where: { id: rating.id } })).toMatchObject({
      overall: 4,
      exceededExpectations: true,
      comment: "Better on reflection",
      version: 2,
    });
    expect((await kindsOf(request)).at(-1)).toBe("RATING_CHANGED");
    expect(await toldAbout(request)).toEqual(["Alex Agent: RATING_RECEIVED"]);
    expect((await requestPageData(await cookieOf(requester), request.number)).rating.first).toMatchObject({ changed: true, version: 2 });
  });

  test("from a stale page gets a conflict, and nothing changes", async () => {
    const request = await resolvedItRequest();
    await createRating(request, { overall: 3 });
    await rate(requester, request, ratingFields({ mode: "edit", version: "1", overall: "4" }));
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields({ mode: "edit", version: "1", overall: "5" }));
    expect(response.status).toBe(409);
    expect(await fieldErrors(response, "")).toEqual([
      "Your rating changed since you opened this page (perhaps in another tab). It now shows what is saved: check it, then try again.",
    ]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("after 7 days is refused", async () => {
    const request = await resolvedItRequest({ resolvedDaysAgo: 9 });
    await createRating(request, { overall: 3, createdAt: new Date(Date.now() - 8 * DAY) });
    const before = await snapshot(request);
    const response = await rate(requester, request, ratingFields({ mode: "edit", version: "1", overall: "4" }));
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "overall")).toEqual(["A rating can be changed for 7 days after it is given."]);
    expect(await snapshot(request)).toEqual(before);
  });

  test("down to 2 opens the recovery case a poor first rating would have", async () => {
    const request = await resolvedItRequest();
    await createRating(request, { overall: 4 });
    await rate(requester, request, ratingFields({ mode: "edit", version: "1", overall: "2" }));
    expect(await prisma.recoveryCase.findUniqueOrThrow({ where: { requestId: request.id } })).toMatchObject({
      status: "OPEN",
      teamId: it.id,
    });
    expect((await kindsOf(request)).slice(-2)).toEqual(["RATING_CHANGED", "RECOVERY_OPENED"]);
  });

  test("up again keeps the recovery case already open", async () => {
    const request = await resolvedItRequest();
    await rate(requester, request, ratingFields({ overall: "1" }));
    await rate(requester, request, ratingFields({ mode: "edit", version: "1", overall: "3" }));
    expect(await prisma.recoveryCase.count({ where: { requestId: request.id } })).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe("re-rating after the recovery case closed", () => {
  test("keeps both ratings; the second is a RERATING, once", async () => {
    const request = await resolvedItRequest({ resolvedDaysAgo: 40 });
    const first = await createRating(request, { overall: 1, createdAt: new Date(Date.now() - 39 * DAY) });
    await createRecoveryCase(request, first.id, { status: "CLOSED", ownerId: itManager.id });
    expect((await requestPageData(await cookieOf(requester), request.number)).rating.option.kind).toBe("rerate");

    const response = await rate(requester, request, ratingFields({ mode: "rerate", overall: "5", exceeded: "yes" }));
    expect(response.status).toBe(302);
    expect(await flashOf(response)).toEqual({ kind: "success", message: `Thanks for rating REQ-${request.number} again.` });
    const ratings = await prisma.rating.findMany({ where: { requestId: request.id }, orderBy: { kind: "asc" } });
    expect(ratings.map((r) => [r.kind, r.overall])).toEqual([
      ["FIRST", 1],
      ["RERATING", 5],
    ]);
    expect((await kindsOf(request)).at(-1)).toBe("RERATED");
    // The manager who took the case hears how it ended, with whoever had the request.
    expect(await toldAbout(request)).toEqual(["Alex Agent: RATING_RECEIVED", "Mia Manager: RATING_RECEIVED"]);
    const page = await requestPageData(await cookieOf(colleague), request.number);
    expect(page.rating.rerating).toMatchObject({ overall: 5 });
    expect(page.rating.first).toMatchObject({ overall: 1 });

    const before = await snapshot(request);
    const again = await rate(requester, request, ratingFields({ mode: "rerate", overall: "3" }));
    expect(again.status).toBe(400);
    expect(await fieldErrors(again, "overall")).toEqual(["You have already rated it again after the recovery."]);
    expect(await snapshot(request)).toEqual(before);
  });
});
