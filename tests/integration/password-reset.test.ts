// Password reset and invitation links: the same answer for known and unknown emails, a link in
// the outbox, single-use and short-lived tokens stored only as hashes, and signing in after
// choosing a password (SECURITY.md 6.3.8, 7.4.3).
import { beforeEach, describe, expect, test } from "vitest";
import * as forgotPassword from "~/routes/forgot-password";
import * as resetPassword from "~/routes/reset-password.$token";
import * as invitation from "~/routes/invitation.$token";
import * as login from "~/routes/login";
import * as home from "~/routes/_index";
import { prisma } from "~/utils/db.server";
import { createPerson } from "~/models/user.server";
import { createUser, DEFAULT_PASSWORD } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs, TEST_ORIGIN, testContext } from "../support/http";

const NEW_PASSWORD = "a completely new passphrase";
const USED_OR_EXPIRED = "This link has expired or was already used.";

interface FormReply {
  result: { initialValue: Record<string, unknown> | null; error?: Record<string, string[] | null> };
}

beforeEach(async () => {
  await prisma.rateLimitEvent.deleteMany();
});

function requestReset(email: string) {
  return callAction(forgotPassword, formRequest("/forgot-password", { email }));
}

/** The token in the last email queued for `to`, taken from its link to `path`. */
async function tokenFromEmail(to: string, path: "reset-password" | "invitation") {
  const email = await prisma.outboundEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = email.text.match(new RegExp(`${TEST_ORIGIN}/${path}/([A-Za-z0-9_-]+)`));
  expect(match, `a /${path}/<token> link in the email`).not.toBeNull();
  return match![1]!;
}

async function emailsTo(to: string) {
  return prisma.outboundEmail.count({ where: { to } });
}

function choosePassword(
  route: typeof resetPassword | typeof invitation,
  path: string,
  token: string,
  password = NEW_PASSWORD,
  confirmPassword = password,
) {
  return callAction(route, formRequest(`/${path}/${token}`, { token, password, confirmPassword }), { token });
}

function setPasswordWithResetLink(token: string, password?: string, confirmPassword?: string) {
  return choosePassword(resetPassword, "reset-password", token, password, confirmPassword);
}

async function resetLinkIsValid(token: string) {
  const response = await callLoader(resetPassword, getRequest(`/reset-password/${token}`), { token });
  expect(response.status).toBe(200);
  return (await readJson<{ valid: boolean }>(response)).valid;
}

async function formErrors(response: Response, field = "") {
  return (await readJson<FormReply>(response)).result.error?.[field] ?? [];
}

async function expectSignedIn(response: Response, name: string) {
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/");
  const cookie = response.headers.get("Set-Cookie")!.split(";", 1)[0]!;
  const page = await callLoader(home, getRequest("/", { cookie }));
  expect(page.status).toBe(200);
  expect((await readJson<{ name: string }>(page)).name).toBe(name);
}

async function expectSignedOut(cookie: string) {
  const response = await callLoader(home, getRequest("/", { cookie }));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toMatch(/^\/login/);
}

function signIn(email: string, password: string) {
  return callAction(login, formRequest("/login", { email, password }));
}

describe("asking for a reset link", () => {
  test("a known and an unknown email get the same answer; only the known one is sent a link", async () => {
    const user = await createUser();
    const unknown = "no-such-person@example.com";

    const known = await requestReset(user.email);
    const stranger = await requestReset(unknown);

    expect(known.status).toBe(200);
    expect(stranger.status).toBe(known.status);
    const knownBody = await readJson<{ sent: boolean }>(known);
    expect(knownBody.sent).toBe(true);
    expect(await readJson(stranger)).toEqual(knownBody);

    expect(await emailsTo(user.email)).toBe(1);
    expect(await emailsTo(unknown)).toBe(0);
    await tokenFromEmail(user.email, "reset-password");
  });

  test("a deactivated person is not sent a link, and the answer is the same", async () => {
    const user = await createUser({ active: false });
    const response = await requestReset(user.email);
    expect(response.status).toBe(200);
    expect((await readJson<{ sent: boolean }>(response)).sent).toBe(true);
    expect(await emailsTo(user.email)).toBe(0);
  });

  test("the token is stored only as a hash", async () => {
    const user = await createUser();
    await requestReset(user.email);
    const token = await tokenFromEmail(user.email, "reset-password");
    const stored = JSON.stringify(await prisma.authToken.findMany({ where: { userId: user.id } }));
    expect(stored).not.toContain(token);
  });

  test("one address gets 10 requests in 15 minutes; the 11th is refused with a message and sends nothing", async () => {
    const user = await createUser();
    for (let i = 0; i < 10; i++) expect((await requestReset(`someone-${i}@example.com`)).status).toBe(200);
    const refused = await requestReset(user.email);
    expect(refused.status).toBe(429);
    expect(JSON.stringify(await readJson(refused))).toContain("Too many reset requests from your network");
    expect(await emailsTo(user.email)).toBe(0);
  });
});

describe("using a reset link", () => {
  async function resetToken(email: string) {
    await requestReset(email);
    return tokenFromEmail(email, "reset-password");
  }

  test("choosing a password signs in, ends the other sessions, and the link then stops working", async () => {
    const user = await createUser();
    const elsewhere = await signInAs(user.id);
    const token = await resetToken(user.email);
    expect(await resetLinkIsValid(token)).toBe(true);

    await expectSignedIn(await setPasswordWithResetLink(token), user.name);
    await expectSignedOut(elsewhere);

    expect(await resetLinkIsValid(token)).toBe(false);
    const again = await setPasswordWithResetLink(token, "yet another new passphrase");
    expect(again.status).toBe(400);
    expect((await formErrors(again)).join(" ")).toContain(USED_OR_EXPIRED);

    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(302);
    expect((await signIn(user.email, DEFAULT_PASSWORD)).status).toBe(401);
  });

  test("an expired link is refused", async () => {
    const user = await createUser();
    const token = await resetToken(user.email);
    await prisma.authToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await resetLinkIsValid(token)).toBe(false);
    const response = await setPasswordWithResetLink(token);
    expect(response.status).toBe(400);
    expect((await formErrors(response)).join(" ")).toContain(USED_OR_EXPIRED);
    expect((await signIn(user.email, DEFAULT_PASSWORD)).status).toBe(302);
  });

  test("a newer link replaces an older one", async () => {
    const user = await createUser();
    const older = await resetToken(user.email);
    const newer = await resetToken(user.email);
    expect(await resetLinkIsValid(older)).toBe(false);
    expect(await resetLinkIsValid(newer)).toBe(true);
  });

  test("a mismatched confirmation is refused next to it, and the link still works", async () => {
    const user = await createUser();
    const token = await resetToken(user.email);
    const response = await setPasswordWithResetLink(token, NEW_PASSWORD, "something else entirely");
    expect(response.status).toBe(400);
    expect(await formErrors(response, "confirmPassword")).toEqual(["The two passwords don't match."]);
    expect(await resetLinkIsValid(token)).toBe(true);
  });

  test("the password policy applies", async () => {
    const user = await createUser();
    const token = await resetToken(user.email);
    const response = await setPasswordWithResetLink(token, "password1234");
    expect(response.status).toBe(400);
    expect((await formErrors(response, "password")).join(" ")).toMatch(/too common/);
    expect(await resetLinkIsValid(token)).toBe(true);
  });
});

describe("invitations", () => {
  test("a new person is emailed an invitation link; accepting it sets the password and signs them in", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const email = "new.colleague@example.com";
    const person = await createPerson(
      { id: admin.id, name: admin.name },
      { name: "New Colleague", email, title: "Analyst", role: "EMPLOYEE" },
      TEST_ORIGIN,
      testContext.clientIp,
    );
    const token = await tokenFromEmail(email, "invitation");

    const page = await callLoader(invitation, getRequest(`/invitation/${token}`), { token });
    expect(await readJson(page)).toMatchObject({ invitee: { name: "New Colleague", email } });
    // Not a reset link.
    expect(await resetLinkIsValid(token)).toBe(false);

    await expectSignedIn(await choosePassword(invitation, "invitation", token), "New Colleague");
    expect(await prisma.password.count({ where: { userId: person.id } })).toBe(1);

    const used = await callLoader(invitation, getRequest(`/invitation/${token}`), { token });
    expect((await readJson<{ invitee: unknown }>(used)).invitee).toBeNull();

    expect((await signIn(email, NEW_PASSWORD)).status).toBe(302);
  });
});
