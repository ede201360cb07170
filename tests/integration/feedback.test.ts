// Employee feedback: signed feedback notifies its readers at once and its author follows it on
// its page; anonymous feedback keeps no author, shows its follow-up code once (only a hash is
// stored) and reaches readers after the daily batch; the code finds the entry and its answers, a
// wrong code gets a clear message and guesses are limited per address; managers answer on the
// record, which notifies a signed author only; who reads what (teams, the teams above, management
// for the heads of top-level teams, admins) and 404 for everyone else; a double submit sends one.
import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import * as feedbackNew from "~/routes/feedback.new";
import * as feedbackPage from "~/routes/feedback.$id";
import * as inbox from "~/routes/feedback.inbox";
import * as myFeedback from "~/routes/feedback._index";
import { prisma } from "~/utils/db.server";
import { announceAnonymousFeedback } from "~/jobs/announce-anonymous-feedback.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";
import { followByCode, openFeedbackForm, sendFeedback, type SentAnonymously } from "../support/feedback";

interface EntryView {
  id: string;
  subject: string;
  author: string | null;
  status: string;
  to: string;
  submittedOn: string;
  responses: Array<{ body: string; responder: string }>;
}

let operations: Team; // top level
let support: Team; // below Operations
let sales: Team; // top level
let author: User;
let supportMember: User;
let supportManager: User;
let opsManager: User;
let salesManager: User;
let admin: User;
const cookies = new Map<string, string>();

async function as(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await signInAs(user.id));
  return cookies.get(user.id)!;
}

beforeAll(async () => {
  operations = await createTeam({ name: "Operations" });
  support = await createTeam({ name: "Customer Support", parentId: operations.id });
  sales = await createTeam({ name: "Sales" });
  author = await createUser({ name: "Dana Author" });
  supportMember = await createUser({ name: "Sam Member" });
  supportManager = await createUser({ name: "Sue Manager" });
  opsManager = await createUser({ name: "Olga Ops" });
  salesManager = await createUser({ name: "Sid Sales" });
  admin = await createUser({ name: "Ada Admin", role: "ADMIN" });
  await addMember(author.id, sales.id);
  await addMember(supportMember.id, support.id);
  await addMember(supportManager.id, support.id, "MANAGER");
  await addMember(opsManager.id, operations.id, "MANAGER");
  await addMember(salesManager.id, sales.id, "MANAGER");
});

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");
const tomorrow = () => new Date(Date.now() + 24 * 60 * 60_000);

async function sendAnonymously(to: string, subject: string) {
  const response = await sendFeedback(await as(author), { to, subject, anonymous: true });
  expect(response.status).toBe(200);
  const { sent } = await readJson<SentAnonymously>(response);
  return { code: sent!.code, entry: await prisma.feedback.findFirstOrThrow({ where: { subject } }) };
}

async function view(user: User, id: string) {
  return callLoader(feedbackPage, getRequest(`/feedback/${id}`, { cookie: await as(user) }), { id });
}

async function respond(user: User, id: string, body: string, extra: Record<string, string> = {}) {
  const fields = { intent: "respond", formToken: crypto.randomBytes(18).toString("base64url"), body, ...extra };
  return callAction(feedbackPage, formRequest(`/feedback/${id}`, fields, { cookie: await as(user) }), { id });
}

describe("signed feedback", () => {
  test("is stored with its author and the day, notifies the team's managers and those above at once, and redirects to it", async () => {
    const response = await sendFeedback(await as(author), { to: support.id, kind: "CONCERN", subject: "Queue times" });
    expect(response.status).toBe(302);
    const entry = await prisma.feedback.findFirstOrThrow({ where: { subject: "Queue times" } });
    expect(response.headers.get("Location")).toBe(`/feedback/${entry.id}`);
    expect(await flashOf(response)).toEqual({ kind: "success", message: "Your concern was sent to Customer Support." });
    expect(entry).toMatchObject({ authorId: author.id, anonymous: false, teamId: support.id, status: "OPEN", followUpCodeHash: null });
    const notes = await prisma.notification.findMany({ where: { link: `/feedback/${entry.id}` } });
    expect(new Set(notes.map((n) => n.userId))).toEqual(new Set([supportManager.id, opsManager.id]));
    expect(notes[0]).toMatchObject({
      kind: "FEEDBACK_RECEIVED",
      title: "Concern for Customer Support from Dana Author",
      body: "Queue times",
    });

    const mine = await readJson<{ mine: EntryView[] }>(await callLoader(myFeedback, getRequest("/feedback", { cookie: await as(author) })));
    expect(mine.mine.map((e) => [e.subject, e.author, e.to])).toContainEqual(["Queue times", "Dana Author", "Customer Support"]);
  });

  test("to management: the managers of top-level teams and admins are told, and read it", async () => {
    const response = await sendFeedback(await as(author), { to: "management", subject: "Pay review timing" });
    expect(response.status).toBe(302);
    const entry = await prisma.feedback.findFirstOrThrow({ where: { subject: "Pay review timing" } });
    expect(entry.teamId).toBeNull();
    const notified = (await prisma.notification.findMany({ where: { link: `/feedback/${entry.id}` } })).map((n) => n.userId);
    expect(new Set(notified)).toEqual(new Set([opsManager.id, salesManager.id, admin.id]));
    for (const reader of [opsManager, salesManager, admin]) expect((await view(reader, entry.id)).status).toBe(200);
    for (const other of [supportManager, supportMember]) expect((await view(other, entry.id)).status).toBe(404);
  });

  test("bad input is refused beside the field, with what was typed kept", async () => {
    const response = await sendFeedback(await as(author), { to: support.id, subject: "x".repeat(121), body: "Keep me" });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response.clone(), "subject")).toEqual(["Keep the subject to 120 characters or fewer."]);
    expect((await formReply(response)).initialValue).toMatchObject({ body: "Keep me" });
    const unknownTeam = await sendFeedback(await as(author), { to: "no-such-team" });
    expect(await fieldErrors(unknownTeam, "to")).toEqual(["Choose a team from the list, or Management."]);
  });

  test("the same form sent twice sends one entry and one round of notifications", async () => {
    const formToken = await openFeedbackForm(await as(author));
    const first = await sendFeedback(await as(author), { to: sales.id, subject: "Twice", formToken });
    const second = await sendFeedback(await as(author), { to: sales.id, subject: "Twice", formToken });
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await prisma.feedback.count({ where: { subject: "Twice" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: salesManager.id, body: "Twice" } })).toBe(1);
  });
});

describe("anonymous feedback", () => {
  test("keeps no author, only the day and a hash of the code; the code is shown once, on a page that isn't cached", async () => {
    const notificationsBefore = await prisma.notification.count();
    const response = await sendFeedback(await as(author), { to: support.id, subject: "Anonymous one", anonymous: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Location")).toBeNull();
    const { sent } = await readJson<SentAnonymously>(response);
    expect(sent!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(sent!.to).toBe("Customer Support");
    const entry = await prisma.feedback.findFirstOrThrow({ where: { subject: "Anonymous one" } });
    expect(entry).toMatchObject({ authorId: null, anonymous: true, announcedOn: null, followUpCodeHash: sha256(sent!.code) });
    expect(entry.submittedOn.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(JSON.stringify(entry)).not.toContain(sent!.code);
    // Nobody is told now: the daily batch does it.
    expect(await prisma.notification.count()).toBe(notificationsBefore);
    // The form page offers a new form, never the code.
    const page = await callLoader(feedbackNew, getRequest("/feedback/new", { cookie: await as(author) }));
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(await page.text()).not.toContain(sent!.code);
    // It isn't among the author's signed feedback.
    const mine = await readJson<{ mine: EntryView[] }>(await callLoader(myFeedback, getRequest("/feedback", { cookie: await as(author) })));
    expect(mine.mine.map((e) => e.subject)).not.toContain("Anonymous one");
  });

  test("a second submit of the same form shows the same code and stores one entry; another form gets another code", async () => {
    const formToken = await openFeedbackForm(await as(author));
    const send = () =>
      as(author).then((cookie) => sendFeedback(cookie, { to: sales.id, subject: "Anon twice", anonymous: true, formToken }));
    const first = await readJson<SentAnonymously>(await send());
    const second = await readJson<SentAnonymously>(await send());
    expect(second.sent!.code).toBe(first.sent!.code);
    expect(await prisma.feedback.count({ where: { subject: "Anon twice" } })).toBe(1);
    const other = await sendAnonymously(sales.id, "Anon other");
    expect(other.code).not.toBe(first.sent!.code);
  });

  test("the code follows the entry and its answers; a wrong code gets a clear message", async () => {
    const { code, entry } = await sendAnonymously(support.id, "Follow me");
    const typed = code.toLowerCase().replace(/(.{4})(?!$)/g, "$1-");
    const found = await followByCode(await as(supportMember), typed);
    expect(found.status).toBe(200);
    expect(found.headers.get("Cache-Control")).toBe("no-store");
    const followed = (await readJson<{ followed: EntryView }>(found)).followed;
    expect(followed).toMatchObject({ id: entry.id, subject: "Follow me", author: null, to: "Customer Support", responses: [] });

    const wrong = await followByCode(await as(author), "ABCD-EFGH-JKMN-PQRS");
    expect(wrong.status).toBe(400);
    expect(await fieldErrors(wrong, "code")).toEqual([
      "No feedback has this code. Check it against the one you were shown, character by character.",
    ]);
    const malformed = await followByCode(await as(author), "hello");
    expect(await fieldErrors(malformed, "code")).toEqual(["Enter the 16-character code you were given, e.g. 7KQ2-M9XD-4TRP-0WZA."]);
  });

  test("wrong guesses are limited per address, and the right code leaves no trace", async () => {
    const { code } = await sendAnonymously(sales.id, "Guess me");
    const ip = "198.51.100.77";
    const before = await prisma.rateLimitEvent.count();
    expect((await followByCode(await as(author), code, ip)).status).toBe(200);
    expect(await prisma.rateLimitEvent.count()).toBe(before);
    for (let i = 0; i < 10; i++) expect((await followByCode(await as(author), "0000-0000-0000-0000", ip)).status).toBe(400);
    const throttled = await followByCode(await as(author), code, ip);
    expect(throttled.status).toBe(429);
    expect((await formReply(throttled)).error?.[""]).toEqual([
      "Too many wrong codes from your network. Please wait a few minutes and try again.",
    ]);
    expect((await followByCode(await as(author), code, "198.51.100.78")).status).toBe(200);
  });

  test("readers see it only after the daily batch, as Anonymous with the day only", async () => {
    const { entry } = await sendAnonymously(support.id, "Held until tomorrow");
    expect((await view(supportManager, entry.id)).status).toBe(404);
    const listed = async () => {
      const page = await readJson<{ entries: Array<{ id: string; from: string | null; submittedOn: string }> }>(
        await callLoader(inbox, getRequest("/feedback/inbox", { cookie: await as(supportManager) })),
      );
      return page.entries.find((e) => e.id === entry.id);
    };
    expect(await listed()).toBeUndefined();
    await announceAnonymousFeedback(tomorrow());
    expect(await listed()).toEqual(expect.objectContaining({ from: null, submittedOn: entry.submittedOn.toISOString().slice(0, 10) }));
    const page = await readJson<{ entry: EntryView; mayAnswer: boolean }>(await view(supportManager, entry.id));
    expect(page.entry.author).toBeNull();
    expect(page.mayAnswer).toBe(true);
  });
});

describe("answering on the record", () => {
  test("a response answers the entry and notifies the signed author only; a resend adds nothing", async () => {
    await sendFeedback(await as(author), { to: support.id, subject: "Answer me" });
    const entry = await prisma.feedback.findFirstOrThrow({ where: { subject: "Answer me" } });
    const formToken = crypto.randomBytes(18).toString("base64url");
    const response = await respond(opsManager, entry.id, "We added a second shift.", { formToken });
    expect(response.status).toBe(302);
    expect(await flashOf(response)).toEqual({ kind: "success", message: "Your response is on the record." });
    await respond(opsManager, entry.id, "We added a second shift.", { formToken });
    expect(await prisma.feedbackResponse.count({ where: { feedbackId: entry.id } })).toBe(1);
    expect((await prisma.feedback.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("ANSWERED");
    const answered = await prisma.notification.findMany({ where: { kind: "FEEDBACK_ANSWERED", link: `/feedback/${entry.id}` } });
    expect(answered.map((n) => [n.userId, n.title])).toEqual([[author.id, "Your feedback was answered: Answer me"]]);
    const page = await readJson<{ entry: EntryView; mayAnswer: boolean }>(await view(author, entry.id));
    expect(page.mayAnswer).toBe(false);
    expect(page.entry.responses).toEqual([expect.objectContaining({ body: "We added a second shift.", responder: "Olga Ops" })]);
  });

  test("an anonymous entry's response notifies nobody and is read with the code; close closes it", async () => {
    const { code, entry } = await sendAnonymously(support.id, "Anon answered");
    await announceAnonymousFeedback(tomorrow());
    const before = await prisma.notification.count({ where: { kind: "FEEDBACK_ANSWERED" } });
    expect((await respond(supportManager, entry.id, "You said, we did: done.")).status).toBe(302);
    expect(await prisma.notification.count({ where: { kind: "FEEDBACK_ANSWERED" } })).toBe(before);
    const close = await callAction(
      feedbackPage,
      formRequest(`/feedback/${entry.id}`, { intent: "close" }, { cookie: await as(supportManager) }),
      {
        id: entry.id,
      },
    );
    expect(close.status).toBe(302);
    const followed = (await readJson<{ followed: EntryView }>(await followByCode(await as(author), code))).followed;
    expect(followed.status).toBe("CLOSED");
    expect(followed.responses.map((r) => [r.body, r.responder])).toEqual([["You said, we did: done.", "Sue Manager"]]);
  });

  test("an empty response is refused beside the field", async () => {
    await sendFeedback(await as(author), { to: support.id, subject: "Empty answer" });
    const entry = await prisma.feedback.findFirstOrThrow({ where: { subject: "Empty answer" } });
    const response = await respond(supportManager, entry.id, "  ");
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "body")).toEqual(["Write your response."]);
  });
});

describe("who reads feedback", () => {
  test("a team's managers, the managers above and admins; not its members, other managers or other people", async () => {
    await sendFeedback(await as(author), { to: support.id, subject: "Who reads" });
    const entry = await prisma.feedback.findFirstOrThrow({ where: { subject: "Who reads" } });
    for (const reader of [supportManager, opsManager, admin]) expect((await view(reader, entry.id)).status).toBe(200);
    for (const other of [supportMember, salesManager]) {
      expect((await view(other, entry.id)).status).toBe(404);
      expect((await respond(other, entry.id, "Not mine to answer")).status).toBe(404);
      const close = formRequest(`/feedback/${entry.id}`, { intent: "close" }, { cookie: await as(other) });
      expect((await callAction(feedbackPage, close, { id: entry.id })).status).toBe(404);
    }
    expect(await prisma.feedbackResponse.count({ where: { feedbackId: entry.id } })).toBe(0);
    expect((await prisma.feedback.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("OPEN");
    // The author sees their own, but doesn't answer it.
    expect((await respond(author, entry.id, "Answering myself")).status).toBe(404);
  });

  test("the inbox and the report are for readers only; the inbox filters by addressee", async () => {
    for (const other of [author, supportMember]) {
      expect((await callLoader(inbox, getRequest("/feedback/inbox", { cookie: await as(other) }))).status).toBe(404);
    }
    const page = await readJson<{ entries: Array<{ to: string }>; addressees: Array<{ name: string }> }>(
      await callLoader(inbox, getRequest(`/feedback/inbox?to=${support.id}`, { cookie: await as(opsManager) })),
    );
    expect(page.addressees.map((a) => a.name)).toEqual(["Management", "Customer Support", "Operations"]);
    expect(page.entries.length).toBeGreaterThan(0);
    expect(new Set(page.entries.map((e) => e.to))).toEqual(new Set(["Customer Support"]));
    const supportOnly = await readJson<{ addressees: Array<{ name: string }> }>(
      await callLoader(inbox, getRequest("/feedback/inbox", { cookie: await as(supportManager) })),
    );
    expect(supportOnly.addressees.map((a) => a.name)).toEqual(["Customer Support"]);
  });
});
