// Single sign-on with OpenID Connect, against a real provider: oauth2-mock-server listening on
// 127.0.0.1, reached over HTTP for discovery, its keys and the token exchange. The browser's
// part is played here: post the sign-in button, follow the provider's redirect, come back to the
// callback with the cookies the app set (SECURITY.md 6.3.8, 7.2.4, 16.3, 16.2.5).
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { OAuth2Server, type MutableToken } from "oauth2-mock-server";
import * as oidcStart from "~/routes/auth.oidc";
import * as oidcCallback from "~/routes/auth.oidc.callback";
import * as login from "~/routes/login";
import * as forgotPassword from "~/routes/forgot-password";
import * as resetPassword from "~/routes/reset-password.$token";
import * as invitation from "~/routes/invitation.$token";
import * as newPerson from "~/routes/admin.people.new";
import * as personPage from "~/routes/admin.people.$id";
import * as home from "~/routes/_index";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { issueAuthToken } from "~/models/auth-token.server";
import { addMember, createTeam, createUser, DEFAULT_PASSWORD } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { flashOf, formReply, sessionCookieOf, submitSignIn } from "../support/replies";

// Letters only: the mock provider does not decode the form-encoding of HTTP Basic credentials
// (openid-client writes "-" as %2D there), and would put the encoded id in the token's `aud`.
const CLIENT_ID = "upstreamtest";
const CLIENT_SECRET = crypto.randomBytes(16).toString("hex");
const CALLBACK = "http://localhost/auth/oidc/callback";
const NO_ACCOUNT = "There is no active Upstream account for you";
const FAILED = "Single sign-on didn't complete";
const UNVERIFIED = "didn't confirm your email address";

const provider = new OAuth2Server();
let issuer = "";

interface Claims {
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}
/** What the provider says about the person who signs in next. */
let claims: Claims = {};
/** A change to the next ID token, after the provider has filled it in. */
let tamperNextIdToken: ((payload: MutableToken["payload"]) => void) | undefined;
/** Every token request the provider received, as it read the form. */
const tokenRequests: Record<string, unknown>[] = [];
/** Every ID token the provider issued, to make sure none reaches a log. */
const idTokens: string[] = [];

const saved: Record<string, string | undefined> = {};
function setEnv(vars: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(vars)) {
    if (!(name in saved)) saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
}

beforeAll(async () => {
  await provider.issuer.keys.generate("RS256");
  await provider.start(0, "127.0.0.1");
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  provider.issuer.url = issuer;
  // The ID token is the one addressed to the client (`aud`); the access token has none.
  provider.service.on("beforeTokenSigning", (token: MutableToken) => {
    if (!token.payload.aud) return;
    Object.assign(token.payload, claims);
    for (const key of Object.keys(claims) as (keyof Claims)[]) if (claims[key] === undefined) delete token.payload[key];
    tamperNextIdToken?.(token.payload);
    tamperNextIdToken = undefined;
  });
  provider.service.on("beforeUserinfo", (response: { body: Record<string, unknown> }) => {
    Object.assign(response.body, claims);
  });
  provider.service.on("beforeResponse", (response: { body: Record<string, unknown> }, req: { body: Record<string, unknown> }) => {
    tokenRequests.push({ ...req.body });
    if (typeof response.body.id_token === "string") idTokens.push(response.body.id_token);
  });
});

afterAll(async () => {
  if (provider.listening) await provider.stop();
});

beforeEach(() => {
  setEnv({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_BUTTON_LABEL: undefined,
    OIDC_CREATE_USERS: undefined,
    OIDC_DEFAULT_TEAM: undefined,
    PASSWORD_SIGN_IN: undefined,
    APP_URL: undefined,
  });
  claims = {};
  tamperNextIdToken = undefined;
  tokenRequests.length = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    delete saved[name];
  }
  resetEnvCache();
});

/** The Set-Cookie headers of a response, by cookie name. */
function setCookies(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((c) => [c.slice(0, c.indexOf("=")), c]));
}

function pair(setCookie: string) {
  return setCookie.split(";", 1)[0]!;
}

/** Presses the sign-in page's single sign-on button; returns the provider URL and the flow cookie. */
async function pressButton(options: { cookie?: string; redirectTo?: string } = {}) {
  const response = await callAction(
    oidcStart,
    formRequest("/auth/oidc", { redirectTo: options.redirectTo ?? "" }, { cookie: options.cookie }),
  );
  expect(response.status).toBe(302);
  const flow = setCookies(response).get("upstream_oidc");
  expect(flow, "the flow cookie").toBeTruthy();
  return { authorizeUrl: new URL(response.headers.get("Location")!), flowSetCookie: flow!, flowCookie: pair(flow!) };
}

/** The provider signs the person in and sends the browser back: the callback URL it redirects to. */
async function authorizeAtProvider(authorizeUrl: URL) {
  const response = await fetch(authorizeUrl, { redirect: "manual" });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get("Location")!);
  expect(back.origin + back.pathname).toBe(CALLBACK);
  return back;
}

function callBack(url: URL, cookie?: string) {
  return callLoader(oidcCallback, getRequest(url.pathname + url.search, { cookie }));
}

/** The whole round trip, as a browser with `cookie` (besides the flow cookie) would make it. */
async function signInWithSso(options: { cookie?: string; redirectTo?: string } = {}) {
  const { authorizeUrl, flowCookie } = await pressButton(options);
  const back = await authorizeAtProvider(authorizeUrl);
  return callBack(back, [options.cookie, flowCookie].filter(Boolean).join("; "));
}

async function expectSignedInAs(cookie: string, name: string) {
  const response = await callLoader(home, getRequest("/", { cookie }));
  expect(response.status).toBe(200);
  expect((await readJson<{ name: string }>(response)).name).toBe(name);
}

/** Back on the sign-in page with `message`, no session, and the flow cookie cleared. */
async function expectRefused(response: Response, message: string) {
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toMatch(/^\/login(\?|$)/);
  const cookies = setCookies(response);
  expect(cookies.has("upstream_session")).toBe(false);
  expect(cookies.get("upstream_oidc")).toMatch(/Max-Age=0/i);
  const flash = await flashOf(response);
  expect(flash?.kind).toBe("error");
  expect(flash?.message).toContain(message);
}

describe("the authorization code flow", () => {
  test("discovery, a PKCE (S256) request with state and nonce, the code exchanged with its verifier, a new session", async () => {
    const user = await createUser({ name: "Sso Person" });
    claims = { email: user.email, email_verified: true, name: "Whatever The Provider Says" };

    const { authorizeUrl, flowSetCookie, flowCookie } = await pressButton({ redirectTo: "/teams" });
    expect(authorizeUrl.origin).toBe(issuer);
    expect(authorizeUrl.pathname).toBe("/authorize");
    const query = authorizeUrl.searchParams;
    expect(query.get("response_type")).toBe("code");
    expect(query.get("client_id")).toBe(CLIENT_ID);
    expect(query.get("redirect_uri")).toBe(CALLBACK);
    expect(query.get("scope")!.split(" ")).toEqual(expect.arrayContaining(["openid", "email", "profile"]));
    expect(query.get("code_challenge_method")).toBe("S256");
    expect(query.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(query.get("state")!.length).toBeGreaterThanOrEqual(32);
    expect(query.get("nonce")!.length).toBeGreaterThanOrEqual(32);
    expect(query.get("state")).not.toBe(query.get("nonce"));
    // The flow waits in a short-lived cookie only this browser sends back.
    expect(flowSetCookie).toMatch(/;\s*HttpOnly/i);
    expect(flowSetCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(flowSetCookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(flowSetCookie).toMatch(/;\s*Max-Age=600(;|$)/);

    const back = await authorizeAtProvider(authorizeUrl);
    expect(back.searchParams.get("state")).toBe(query.get("state"));
    const response = await callBack(back, flowCookie);

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/teams");
    // The token request carried the verifier whose S256 hash is the challenge sent earlier.
    expect(tokenRequests).toHaveLength(1);
    const tokenRequest = tokenRequests[0]!;
    expect(tokenRequest).toMatchObject({ grant_type: "authorization_code", code: back.searchParams.get("code"), redirect_uri: CALLBACK });
    const verifier = String(tokenRequest.code_verifier);
    expect(verifier).toMatch(/^[\w-]{43,128}$/);
    expect(crypto.createHash("sha256").update(verifier).digest("base64url")).toBe(query.get("code_challenge"));

    const cookies = setCookies(response);
    expect(cookies.get("upstream_oidc")).toMatch(/Max-Age=0/i);
    const session = cookies.get("upstream_session")!;
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    // The account's own name is kept; the provider's is only used for new accounts.
    await expectSignedInAs(pair(session), "Sso Person");
    const audit = await prisma.auditLog.findFirst({ where: { actorId: user.id, action: "auth.sign_in" } });
    expect(audit?.details).toEqual({ method: "single sign-on" });
  });

  test("the session id is new, whatever session cookie the browser already had", async () => {
    const user = await createUser();
    claims = { email: user.email, email_verified: true };
    const planted = "upstream_session=chosenbyanattacker0000000000000000000000";
    const ended = await signInAs(user.id);
    await prisma.session.deleteMany({ where: { userId: user.id } });

    const first = sessionCookieOf(await signInWithSso({ cookie: planted }));
    const second = sessionCookieOf(await signInWithSso({ cookie: ended }));

    expect(new Set([planted, ended, first, second]).size).toBe(4);
    await expectSignedInAs(first, user.name);
    await expectSignedInAs(second, user.name);
    expect((await callLoader(home, getRequest("/", { cookie: planted }))).status).toBe(302);
  });

  test("emails match whatever their case at the provider", async () => {
    const user = await createUser({ email: "mixed.case@example.com" });
    claims = { email: "Mixed.Case@EXAMPLE.com", email_verified: true };
    await expectSignedInAs(sessionCookieOf(await signInWithSso()), user.name);
  });

  test.each(["//evil.example", "https://evil.example/", "/\t/evil.example"])(
    "the off-site redirectTo %j is ignored",
    async (redirectTo) => {
      const user = await createUser();
      claims = { email: user.email, email_verified: true };
      const response = await signInWithSso({ redirectTo });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/");
    },
  );

  test("a signed-in person pressing the button goes home; a bare POST starts a flow; a GET only shows the sign-in page", async () => {
    const user = await createUser();
    const signedIn = await callAction(oidcStart, formRequest("/auth/oidc", {}, { cookie: await signInAs(user.id) }));
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/");
    expect(signedIn.headers.getSetCookie()).toEqual([]);

    // A hand-made POST without a form body still starts a flow, to the home page afterwards.
    const bare = await callAction(oidcStart, new Request("http://localhost/auth/oidc", { method: "POST" }));
    expect(bare.status).toBe(302);
    expect(new URL(bare.headers.get("Location")!).origin).toBe(issuer);

    const get = await callLoader(oidcStart, getRequest("/auth/oidc"));
    expect(get.status).toBe(302);
    expect(get.headers.get("Location")).toBe("/login");
    expect(get.headers.getSetCookie()).toEqual([]);
  });
});

describe("what the callback refuses", () => {
  test("a tampered state: no token request, no session", async () => {
    const user = await createUser();
    claims = { email: user.email, email_verified: true };
    const { authorizeUrl, flowCookie } = await pressButton();
    const back = await authorizeAtProvider(authorizeUrl);
    back.searchParams.set("state", crypto.randomBytes(32).toString("base64url"));

    await expectRefused(await callBack(back, flowCookie), FAILED);
    expect(tokenRequests).toHaveLength(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("a callback in a browser that did not start the flow, or with an altered flow cookie", async () => {
    const user = await createUser();
    claims = { email: user.email, email_verified: true };
    const { authorizeUrl, flowCookie } = await pressButton();
    const back = await authorizeAtProvider(authorizeUrl);

    await expectRefused(await callBack(back), FAILED);
    // The cookie is signed: its state, nonce and verifier cannot be swapped for an attacker's.
    const [name, value] = [flowCookie.slice(0, flowCookie.indexOf("=")), decodeURIComponent(flowCookie.slice(flowCookie.indexOf("=") + 1))];
    const payload = value.slice(0, value.lastIndexOf("."));
    const withSignature = (flow: unknown) =>
      `${name}=${encodeURIComponent(`${Buffer.from(JSON.stringify(flow)).toString("base64")}${value.slice(value.lastIndexOf("."))}`)}`;
    const flow = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as Record<string, string>;
    await expectRefused(await callBack(back, withSignature({ ...flow, redirectTo: "/admin" })), FAILED);
    expect(tokenRequests).toHaveLength(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    // The same cookie, unaltered, is accepted: it was the change that was refused.
    const accepted = await callBack(back, withSignature(flow));
    expect(accepted.headers.get("Location")).toBe("/");
    await expectSignedInAs(sessionCookieOf(accepted), user.name);
  });

  test("an error from the provider (the person cancelled)", async () => {
    const { authorizeUrl, flowCookie } = await pressButton({ redirectTo: "/requests" });
    const back = new URL(CALLBACK);
    back.searchParams.set("error", "access_denied");
    back.searchParams.set("state", authorizeUrl.searchParams.get("state")!);
    const response = await callBack(back, flowCookie);
    await expectRefused(response, FAILED);
    // Back to the sign-in page that still knows where the person was going.
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Frequests");
    expect(await prisma.auditLog.findFirst({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "desc" } })).toMatchObject({
      details: { method: "single sign-on", reason: "the provider answered with an error: access_denied" },
    });
  });

  test("an ID token with another nonce than this browser's", async () => {
    const user = await createUser();
    claims = { email: user.email, email_verified: true };
    tamperNextIdToken = (payload) => {
      payload.nonce = crypto.randomBytes(32).toString("base64url");
    };
    await expectRefused(await signInWithSso(), FAILED);
    expect(tokenRequests).toHaveLength(1);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an ID token for another client, or expired", async () => {
    const user = await createUser();
    claims = { email: user.email, email_verified: true };
    tamperNextIdToken = (payload) => {
      payload.aud = "some-other-app";
    };
    await expectRefused(await signInWithSso(), FAILED);
    tamperNextIdToken = (payload) => {
      payload.exp = Math.floor(Date.now() / 1000) - 3600;
    };
    await expectRefused(await signInWithSso(), FAILED);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test.each([
    ["false", false],
    ["the string 'true'", "true"],
    ["missing", undefined],
  ])("an email whose email_verified is %s", async (_label, verified) => {
    const user = await createUser();
    claims = { email: user.email, email_verified: verified };
    await expectRefused(await signInWithSso(), UNVERIFIED);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an ID token without an email", async () => {
    claims = { email: undefined, email_verified: true };
    await expectRefused(await signInWithSso(), UNVERIFIED);
  });

  test("an unknown email, when accounts are not created: refused, and no account appears", async () => {
    const email = `stranger-${crypto.randomBytes(4).toString("hex")}@example.com`;
    claims = { email, email_verified: true, name: "A Stranger" };
    await expectRefused(await signInWithSso(), NO_ACCOUNT);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  test("a deactivated person, with the same message as an unknown one", async () => {
    const user = await createUser({ active: false });
    claims = { email: user.email, email_verified: true };
    await expectRefused(await signInWithSso(), NO_ACCOUNT);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.auditLog.findFirst({ where: { actorId: user.id }, orderBy: { id: "desc" } })).toMatchObject({
      action: "auth.sign_in_failed",
      details: { method: "single sign-on", reason: "deactivated" },
    });
  });

  test("refusals are logged with their reason, never with the email or a token", async () => {
    const user = await createUser();
    setEnv({ LOG_LEVEL: "debug" });
    let logged = "";
    const capture = (chunk: unknown) => {
      logged += String(chunk);
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(capture);
    vi.spyOn(process.stderr, "write").mockImplementation(capture);
    const issuedBefore = idTokens.length;

    claims = { email: user.email, email_verified: false };
    await signInWithSso();
    claims = { email: user.email, email_verified: true };
    const { authorizeUrl, flowCookie } = await pressButton();
    const back = await authorizeAtProvider(authorizeUrl);
    back.searchParams.set("state", "tampered");
    await callBack(back, flowCookie);
    vi.restoreAllMocks();

    expect(logged).toContain("email is not verified");
    expect(logged).toContain("the state does not match");
    expect(logged.toLowerCase()).not.toContain(user.email);
    expect(logged).not.toContain(back.searchParams.get("code"));
    for (const token of idTokens.slice(issuedBefore)) expect(logged).not.toContain(token.split(".")[1]);
    expect(logged).not.toContain(CLIENT_SECRET);
  });
});

describe("accounts created at first sign-in", () => {
  test("with OIDC_CREATE_USERS on, an unknown verified email gets an account in the default team, without a password", async () => {
    const team = await createTeam({ slug: `newcomers-${crypto.randomBytes(3).toString("hex")}` });
    setEnv({ OIDC_CREATE_USERS: "on", OIDC_DEFAULT_TEAM: team.slug });
    const email = `newcomer-${crypto.randomBytes(4).toString("hex")}@example.com`;
    claims = { email: email.toUpperCase(), email_verified: true, name: "Nia Newcomer" };

    const response = await signInWithSso({ redirectTo: "/teams" });
    expect(response.headers.get("Location")).toBe("/teams");
    await expectSignedInAs(sessionCookieOf(response), "Nia Newcomer");
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, active: true, password: true, memberships: { select: { teamId: true, role: true } } },
    });
    expect(user).toMatchObject({ role: "EMPLOYEE", active: true, password: null, memberships: [{ teamId: team.id, role: "MEMBER" }] });
    expect(await prisma.auditLog.findFirst({ where: { action: "user.created", targetId: user.id } })).toMatchObject({
      details: { via: "single sign-on" },
    });

    // The next sign-in finds the account instead of making another.
    await expectSignedInAs(sessionCookieOf(await signInWithSso()), "Nia Newcomer");
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  test("creation still needs a verified email, and never revives a deactivated account", async () => {
    const team = await createTeam();
    setEnv({ OIDC_CREATE_USERS: "on", OIDC_DEFAULT_TEAM: team.slug });
    const email = `unverified-${crypto.randomBytes(4).toString("hex")}@example.com`;
    claims = { email, email_verified: false, name: "Not Verified" };
    await expectRefused(await signInWithSso(), UNVERIFIED);
    expect(await prisma.user.count({ where: { email } })).toBe(0);

    const former = await createUser({ active: false });
    claims = { email: former.email, email_verified: true };
    await expectRefused(await signInWithSso(), NO_ACCOUNT);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: former.id } })).toMatchObject({ active: false });
  });

  test("a default team that does not exist refuses instead of creating a team-less account", async () => {
    setEnv({ OIDC_CREATE_USERS: "on", OIDC_DEFAULT_TEAM: "no-such-team" });
    const email = `orphan-${crypto.randomBytes(4).toString("hex")}@example.com`;
    claims = { email, email_verified: true };
    await expectRefused(await signInWithSso(), NO_ACCOUNT);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});

describe("the provider's discovery document", () => {
  test("is read again after a failure", async () => {
    // A client id of its own, so the discovery cached by earlier tests is not used.
    setEnv({ OIDC_CLIENT_ID: "upstreamretry" });
    const port = (provider.address() as AddressInfo).port;
    await provider.stop();
    try {
      const down = await callAction(oidcStart, formRequest("/auth/oidc", { redirectTo: "/teams" }));
      expect(down.status).toBe(302);
      expect(down.headers.get("Location")).toBe("/login?redirectTo=%2Fteams");
      expect((await flashOf(down))?.message).toContain("Single sign-on is unavailable");
      expect(setCookies(down).has("upstream_oidc")).toBe(false);
    } finally {
      await provider.start(port, "127.0.0.1");
      provider.issuer.url = issuer;
    }
    const user = await createUser();
    claims = { email: user.email, email_verified: true };
    await expectSignedInAs(sessionCookieOf(await signInWithSso()), user.name);
  });
});

describe("the sign-in page", () => {
  test("offers the single sign-on button, with the configured label, beside the password form", async () => {
    setEnv({ OIDC_BUTTON_LABEL: "Sign in with Contoso" });
    const page = await readJson(await callLoader(login, getRequest("/login")));
    expect(page).toEqual({ sso: { label: "Sign in with Contoso" }, passwordSignIn: true });
  });

  test("without single sign-on configured: no button, and its routes answer 404", async () => {
    setEnv({ OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined });
    expect(await readJson(await callLoader(login, getRequest("/login")))).toEqual({ sso: null, passwordSignIn: true });
    expect((await callAction(oidcStart, formRequest("/auth/oidc", {}))).status).toBe(404);
    expect((await callLoader(oidcCallback, getRequest("/auth/oidc/callback?code=x&state=y"))).status).toBe(404);
  });
});

describe("with PASSWORD_SIGN_IN off", () => {
  beforeEach(() => setEnv({ PASSWORD_SIGN_IN: "off" }));

  test("the page offers only single sign-on, and the password form is refused even with the right password", async () => {
    expect(await readJson(await callLoader(login, getRequest("/login")))).toEqual({
      sso: { label: "Sign in with single sign-on" },
      passwordSignIn: false,
    });
    const user = await createUser();
    const response = await submitSignIn(user.email, DEFAULT_PASSWORD);
    expect(response.status).toBe(400);
    expect((await formReply(response)).error?.[""]).toEqual(["Sign-in with a password is turned off here. Use single sign-on instead."]);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    claims = { email: user.email, email_verified: true };
    await expectSignedInAs(sessionCookieOf(await signInWithSso()), user.name);
  });

  test("password reset is refused: the request form, and a reset link issued before", async () => {
    const user = await createUser();
    const page = await callLoader(forgotPassword, getRequest("/forgot-password"));
    expect(page.status).toBe(404);
    expect(await readJson(page)).toEqual({ passwordSignIn: false });
    const emailsBefore = await prisma.outboundEmail.count();
    const request = await callAction(forgotPassword, formRequest("/forgot-password", { email: user.email }));
    expect(request.status).toBe(404);
    expect(await prisma.outboundEmail.count()).toBe(emailsBefore);

    const token = await prisma.$transaction((tx) => issueAuthToken(tx, user.id, "PASSWORD_RESET"));
    const link = await callLoader(resetPassword, getRequest(`/reset-password/${token}`), { token });
    expect(link.status).toBe(404);
    const newPassword = "a brand new passphrase";
    const reset = await callAction(
      resetPassword,
      formRequest(`/reset-password/${token}`, { token, password: newPassword, confirmPassword: newPassword }),
      { token },
    );
    expect(reset.status).toBe(404);
    expect(reset.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an invitation says to sign in with single sign-on, carries no password link, and the person is active at once", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const cookie = await signInAs(admin.id);
    const fields = { name: "Sso Newcomer", email: "sso.newcomer@example.com", title: "Analyst", role: "EMPLOYEE" };
    const response = await callAction(newPerson, formRequest("/admin/people/new", fields, { cookie }));
    expect(response.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: fields.email } });
    expect(await prisma.authToken.count({ where: { userId: user.id } })).toBe(0);
    const emails = await prisma.outboundEmail.findMany({ where: { to: fields.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain("Sign in with your organisation's account (single sign-on) here:");
    expect(emails[0]!.text).toContain("/login\n");
    expect(emails[0]!.text).not.toContain("/invitation/");
    expect(emails[0]!.text).not.toMatch(/password/i);

    const page = await readJson<{ person: { invitationPending: boolean } }>(
      await callLoader(personPage, getRequest(`/admin/people/${user.id}`, { cookie }), { id: user.id }),
    );
    expect(page.person.invitationPending).toBe(false);
    const resend = await callAction(personPage, formRequest(`/admin/people/${user.id}`, { intent: "resend-invitation" }, { cookie }), {
      id: user.id,
    });
    expect(await flashOf(resend)).toMatchObject({
      kind: "info",
      message: "Sso Newcomer signs in with single sign-on: there is no invitation to send.",
    });
    expect(await prisma.outboundEmail.count({ where: { to: fields.email } })).toBe(1);

    claims = { email: user.email, email_verified: true };
    await expectSignedInAs(sessionCookieOf(await signInWithSso()), user.name);
  });

  test("an invitation link sent before password sign-in was turned off only points to single sign-on", async () => {
    const user = await createUser({ password: null });
    const token = await prisma.$transaction((tx) => issueAuthToken(tx, user.id, "INVITATION"));
    const page = await callLoader(invitation, getRequest(`/invitation/${token}`), { token });
    expect(await readJson(page)).toEqual({ passwordSignIn: false, invitee: null, token: "" });
    const password = "a brand new passphrase";
    const accept = await callAction(invitation, formRequest(`/invitation/${token}`, { token, password, confirmPassword: password }), {
      token,
    });
    expect(accept.status).toBe(404);
    expect(accept.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.password.count({ where: { userId: user.id } })).toBe(0);
  });

  test("a team member added by hand signs in with single sign-on alone", async () => {
    const team = await createTeam();
    const user = await createUser({ password: null });
    await addMember(user.id, team.id);
    claims = { email: user.email, email_verified: true };
    await expectSignedInAs(sessionCookieOf(await signInWithSso()), user.name);
  });
});
