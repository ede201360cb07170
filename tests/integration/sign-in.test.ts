// Signing in and out, throttling, sessions and password changes, through the routes a browser
// uses (SECURITY.md 6.2, 6.3, 7.x, 16.3).
import { beforeEach, describe, expect, test } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as home from "~/routes/_index";
import * as account from "~/routes/account";
import { prisma } from "~/utils/db.server";
import { setPersonActive } from "~/models/user.server";
import { ENTERED_PASSWORD_MAX_LENGTH } from "~/validation/auth";
import { createUser, DEFAULT_PASSWORD } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs, testContext } from "../support/http";

const NO_MATCH = "That email and password don't match an active account";
const MINUTE = 60_000;

interface FormReply {
  result: {
    status?: string;
    initialValue: Record<string, unknown> | null;
    error?: Record<string, string[] | null>;
  };
}

async function replyOf(response: Response) {
  return (await readJson<FormReply>(response)).result;
}

/** The form-level messages of a reply, joined. */
async function formMessage(response: Response) {
  return ((await replyOf(response)).error?.[""] ?? []).join(" ");
}

/** Posts the sign-in form, as the server would hand it over (client address from the context). */
async function signIn(
  email: string,
  password: string,
  options: { ip?: string; cookie?: string; headers?: HeadersInit; redirectTo?: string } = {},
) {
  const request = formRequest(
    "/login",
    { email, password, ...(options.redirectTo ? { redirectTo: options.redirectTo } : {}) },
    { cookie: options.cookie, headers: options.headers },
  );
  const context: AppLoadContext = { ...testContext, clientIp: options.ip ?? testContext.clientIp };
  try {
    return (await login.action({ request, params: {}, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** "name=value" from a Set-Cookie header, to send back as a Cookie header. */
function cookieFrom(response: Response) {
  const setCookie = response.headers.get("Set-Cookie");
  expect(setCookie, "a Set-Cookie header").toBeTruthy();
  return setCookie!.split(";", 1)[0]!;
}

function sessionIdOf(cookie: string) {
  return cookie.slice(cookie.indexOf("=") + 1);
}

/** Opens the home page with `cookie`: 200 and the user's name, or a redirect to /login. */
async function openHome(cookie: string) {
  return callLoader(home, getRequest("/", { cookie }));
}

async function expectSignedIn(cookie: string, name?: string) {
  const response = await openHome(cookie);
  expect(response.status).toBe(200);
  if (name) expect((await readJson<{ name: string }>(response)).name).toBe(name);
}

async function expectSignedOut(cookie: string) {
  const response = await openHome(cookie);
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toMatch(/^\/login/);
}

async function expectRefused(response: Response) {
  expect(response.status).toBe(401);
  expect(await formMessage(response)).toContain(NO_MATCH);
  expect(response.headers.get("Set-Cookie")).toBeNull();
}

async function signedInCookie(email: string, password = DEFAULT_PASSWORD) {
  const response = await signIn(email, password);
  expect(response.status).toBe(302);
  return cookieFrom(response);
}

// Failed attempts are counted per account and per client address; each test starts afresh.
beforeEach(async () => {
  await prisma.rateLimitEvent.deleteMany();
});

describe("signing in", () => {
  test("the right password redirects with an HttpOnly, SameSite=Lax session cookie that opens the home page", async () => {
    const user = await createUser();
    const response = await signIn(user.email, DEFAULT_PASSWORD, { redirectTo: "/teams" });

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/teams");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^upstream_session=/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\/(;|$)/);
    await expectSignedIn(cookieFrom(response), user.name);
  });

  test("over HTTPS the cookie is Secure and uses the __Host- prefix", async () => {
    const user = await createUser();
    const request = new Request("https://upstream.example.com/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://upstream.example.com" },
      body: new URLSearchParams({ email: user.email, password: DEFAULT_PASSWORD }),
    });
    const response = (await login.action({ request, params: {}, context: testContext })) as Response;

    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^__Host-upstream_session=/);
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).not.toMatch(/;\s*Domain=/i);
    const page = await callLoader(home, new Request("https://upstream.example.com/", { headers: { Cookie: cookieFrom(response) } }));
    expect(page.status).toBe(200);
  });

  test.each(["//evil.example", "https://evil.example/", "/\t/evil.example"])(
    "the off-site redirectTo %j is ignored",
    async (redirectTo) => {
      const user = await createUser();
      const response = await signIn(user.email, DEFAULT_PASSWORD, { redirectTo });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/");
    },
  );

  test("every sign-in gets a new session id with at least 128 bits, whatever cookie the browser already had", async () => {
    const user = await createUser();
    const existing = await signInAs(user.id);
    const planted = "upstream_session=chosenbyanattacker0000000000000000000000";

    const first = cookieFrom(await signIn(user.email, DEFAULT_PASSWORD, { cookie: existing }));
    const second = cookieFrom(await signIn(user.email, DEFAULT_PASSWORD, { cookie: planted }));

    const ids = [existing, first, second, planted].map(sessionIdOf);
    expect(new Set(ids).size).toBe(4);
    // Lucia's ids are base32 (5 bits a character).
    for (const id of ids.slice(0, 3)) expect(id.length * 5).toBeGreaterThanOrEqual(128);
    await expectSignedIn(first);
    await expectSignedIn(second);
  });

  test("a wrong password and an unknown email get the same status and message", async () => {
    const user = await createUser();
    const wrongPassword = await signIn(user.email, "not the password at all");
    const unknownEmail = await signIn("nobody-here@example.com", DEFAULT_PASSWORD);

    await expectRefused(wrongPassword.clone());
    await expectRefused(unknownEmail.clone());
    expect(await formMessage(wrongPassword)).toBe(await formMessage(unknownEmail));
  });

  test("a refused form keeps the typed email and drops the password", async () => {
    const user = await createUser();
    const reply = await replyOf(await signIn(user.email, "a wrong password here"));
    expect(reply.initialValue).toMatchObject({ email: user.email });
    expect(reply.initialValue).not.toHaveProperty("password");
  });

  test("a deactivated person cannot sign in, and gets the same message", async () => {
    const user = await createUser({ active: false });
    await expectRefused(await signIn(user.email, DEFAULT_PASSWORD));
  });
});

describe("throttling", () => {
  async function failTimes(email: string, times: number, ip?: string) {
    for (let i = 0; i < times; i++) {
      expect((await signIn(email, `wrong password ${i}`, { ip })).status).toBe(401);
    }
  }

  async function expectThrottled(response: Response) {
    expect(response.status).toBe(429);
    expect(await formMessage(response)).toMatch(/too many/i);
    expect(response.headers.get("Set-Cookie")).toBeNull();
  }

  test("after 5 failures the right password is refused until the 15-minute window has passed", async () => {
    const user = await createUser();
    await failTimes(user.email, 5);
    const sessionsBefore = await prisma.session.count({ where: { userId: user.id } });

    await expectThrottled(await signIn(user.email, DEFAULT_PASSWORD));
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);

    // Let the failures age out of the window.
    await prisma.rateLimitEvent.updateMany({ data: { at: new Date(Date.now() - 16 * MINUTE) } });
    const response = await signIn(user.email, DEFAULT_PASSWORD);
    expect(response.status).toBe(302);
    await expectSignedIn(cookieFrom(response), user.name);
  });

  test("a forged X-Forwarded-For header does not escape the throttle", async () => {
    const user = await createUser();
    await failTimes(user.email, 5);
    const forged = await signIn(user.email, DEFAULT_PASSWORD, { headers: { "X-Forwarded-For": "203.0.113.99" } });
    await expectThrottled(forged);
  });

  test("the email's case and spacing do not reset the count", async () => {
    const user = await createUser();
    await failTimes(user.email, 5);
    await expectThrottled(await signIn(`  ${user.email.toUpperCase()}  `, DEFAULT_PASSWORD));
  });

  test("30 failures from one address, spread over many accounts, block that address", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < 6; i++) await failTimes(`spray-${i}@example.com`, 5, ip);
    const user = await createUser();

    await expectThrottled(await signIn(user.email, DEFAULT_PASSWORD, { ip }));
    // Someone else, from another address, is not affected.
    expect((await signIn(user.email, DEFAULT_PASSWORD, { ip: "198.51.100.8" })).status).toBe(302);
  });
});

describe("the audit log", () => {
  test("records successful and failed sign-ins, never with the password", async () => {
    const user = await createUser();
    const wrong = "a-wrong-password-to-look-for";
    await signIn(user.email, wrong);
    await signIn(user.email, DEFAULT_PASSWORD);

    const rows = await prisma.auditLog.findMany({ where: { actorId: user.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["auth.sign_in_failed", "auth.sign_in"]);
    expect(rows.every((r) => r.ip === testContext.clientIp)).toBe(true);

    const everything = JSON.stringify(await prisma.auditLog.findMany({ select: { details: true, targetId: true } }));
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(DEFAULT_PASSWORD);
  });
});

describe("sessions", () => {
  test("signing out ends the session: the old cookie replayed afterwards is refused", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.email);

    const response = await callAction(logout, formRequest("/logout", {}, { cookie }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    await expectSignedOut(cookie);
  });

  test("deactivating a person ends their open sessions at once", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const user = await createUser();
    const cookie = await signedInCookie(user.email);
    await expectSignedIn(cookie);

    await setPersonActive(admin.id, user.id, false, testContext.clientIp);
    await expectSignedOut(cookie);
  });

  test("a session of an inactive account is refused even if its row survived", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    await expectSignedOut(cookie);
  });

  async function ageSession(cookie: string, data: { createdAt?: Date; lastSeenAt?: Date }) {
    await prisma.session.update({ where: { id: sessionIdOf(cookie) }, data });
  }

  test("a session older than 30 days is refused however active it is", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    await ageSession(cookie, { createdAt: new Date(Date.now() - 31 * 24 * 60 * MINUTE) });
    await expectSignedOut(cookie);
  });

  test("an administrator's session ends after 12 idle hours", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const cookie = await signInAs(admin.id);
    await ageSession(cookie, { lastSeenAt: new Date(Date.now() - 13 * 60 * MINUTE) });
    await expectSignedOut(cookie);
  });

  test("an employee's session survives 13 idle hours", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    await ageSession(cookie, { lastSeenAt: new Date(Date.now() - 13 * 60 * MINUTE) });
    await expectSignedIn(cookie, user.name);
  });
});

describe("changing one's password on /account", () => {
  function changePassword(cookie: string, currentPassword: string, password: string, confirmPassword = password) {
    return callAction(account, formRequest("/account", { currentPassword, password, confirmPassword }, { cookie }));
  }

  async function fieldErrors(response: Response, field: string) {
    return (await replyOf(response)).error?.[field] ?? [];
  }

  test("a wrong current password is refused next to that field", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    const response = await changePassword(cookie, "not my current password", "a brand new passphrase");
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "currentPassword")).toEqual(["That isn't your current password."]);
    await expectRefused(await signIn(user.email, "a brand new passphrase"));
  });

  test("an over-long current password is refused next to that field, and the password stays as it was", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    const response = await changePassword(cookie, "x".repeat(ENTERED_PASSWORD_MAX_LENGTH + 1), "a brand new passphrase");
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "currentPassword")).toEqual(["That is longer than any password (at most 1,024 characters)."]);
    await expectRefused(await signIn(user.email, "a brand new passphrase"));
  });

  test.each([
    ["too short", "short1", "Use at least 10 characters."],
    ["too long", "x".repeat(257), "Use at most 256 characters."],
    ["very common", "password1234", "This password is too common. Choose one that is harder to guess."],
  ])("a %s password is refused with the policy's message", async (_label, password, message) => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    const response = await changePassword(cookie, DEFAULT_PASSWORD, password);
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "password")).toEqual([message]);
    expect((await signIn(user.email, DEFAULT_PASSWORD)).status).toBe(302);
  });

  test("a mismatched confirmation is refused next to it", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    const response = await changePassword(cookie, DEFAULT_PASSWORD, "a brand new passphrase", "a different passphrase");
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "confirmPassword")).toEqual(["The two passwords don't match."]);
  });

  test("a change ends the person's other sessions and keeps the current one", async () => {
    const user = await createUser();
    const current = await signInAs(user.id);
    const otherDevice = await signInAs(user.id);

    const response = await changePassword(current, DEFAULT_PASSWORD, "a brand new passphrase");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account");

    await expectSignedIn(current, user.name);
    await expectSignedOut(otherDevice);
    await expectRefused(await signIn(user.email, DEFAULT_PASSWORD));
    expect((await signIn(user.email, "a brand new passphrase")).status).toBe(302);
  });

  test("a 64-character password works and is not truncated", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    const long = "Sixty-four characters of passphrase, every one of them counts!!!";
    expect(long).toHaveLength(64);

    expect((await changePassword(cookie, DEFAULT_PASSWORD, long)).status).toBe(302);
    await expectRefused(await signIn(user.email, long.slice(0, 63)));
    expect((await signIn(user.email, long)).status).toBe(302);
  });

  test("the new password is stored as an argon2id hash with m=19456, t=2, p=1", async () => {
    const user = await createUser();
    const cookie = await signInAs(user.id);
    const password = "another fine passphrase";
    expect((await changePassword(cookie, DEFAULT_PASSWORD, password)).status).toBe(302);

    const { hash } = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash.split("$")[3]).toBe("m=19456,t=2,p=1");
    expect(hash).not.toContain(password);
  });
});
