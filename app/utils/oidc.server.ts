// OpenID Connect single sign-on, the protocol half (decision 015): discovery, the authorization
// request and the callback's checks. Who the verified email belongs to is decided in
// models/oidc-sign-in.server.ts.
//
// - Discovery is read once per process and read again after a failure.
// - Authorization code flow with PKCE (S256), `state` and `nonce`. All three, with where to go
//   afterwards, wait in a signed, HttpOnly, SameSite=Lax cookie that lives 10 minutes: the
//   callback only completes in the browser that started the flow.
// - openid-client checks the ID token: signature against the provider's keys, iss, aud, exp,
//   nonce. We then require `email` with `email_verified === true`.
// - Nothing logged from here holds a token, a code or an email: only what went wrong.
import * as client from "openid-client";
import { createCookie } from "@remix-run/node";
import { safeRedirect } from "~/validation/auth";
import { appUrl } from "./app-url.server";
import { cookieSecrets } from "./cookie-secret.server";
import { env } from "./env.server";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  buttonLabel: string;
  createUsers: boolean;
  defaultTeam?: string;
}

/** The single sign-on settings, or null when it is not configured. */
export function oidcSettings(): OidcSettings | null {
  const config = env();
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    buttonLabel: config.OIDC_BUTTON_LABEL,
    createUsers: config.OIDC_CREATE_USERS,
    defaultTeam: config.OIDC_DEFAULT_TEAM,
  };
}

export function passwordSignInEnabled() {
  return env().PASSWORD_SIGN_IN;
}

const SCOPES = "openid email profile";
const FLOW_MAX_AGE_SECONDS = 10 * 60;
const DISCOVERY_TIMEOUT_SECONDS = 10;

function isLoopback(url: URL) {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

// The provider says how it takes the client secret; the specification's default is HTTP Basic.
function clientAuthentication(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret);
  const post = client.ClientSecretPost(secret);
  return (as, metadata, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported;
    const usePost = !!methods?.includes("client_secret_post") && !methods.includes("client_secret_basic");
    (usePost ? post : basic)(as, metadata, body, headers);
  };
}

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

function providerConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  if (discovered?.key === key) return discovered.config;
  const issuer = new URL(settings.issuer);
  const config = client
    .discovery(issuer, settings.clientId, undefined, clientAuthentication(settings.clientSecret), {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      // env.server only lets http:// through for a provider on this machine (development, tests).
      execute: issuer.protocol === "http:" && isLoopback(issuer) ? [client.allowInsecureRequests] : [],
    })
    .catch((error: unknown) => {
      if (discovered?.config === config) discovered = undefined;
      throw error;
    });
  discovered = { key, config };
  return config;
}

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
}

function isFlow(value: unknown): value is Flow {
  if (!value || typeof value !== "object") return false;
  const flow = value as Record<string, unknown>;
  return ["state", "nonce", "verifier", "redirectTo"].every((k) => typeof flow[k] === "string" && flow[k] !== "");
}

async function flowCookie(request: Request) {
  const secure = new URL(request.url).protocol === "https:";
  return createCookie(secure ? "__Host-upstream_oidc" : "upstream_oidc", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: FLOW_MAX_AGE_SECONDS,
    secrets: await cookieSecrets(),
  });
}

function callbackUrl(request: Request) {
  return `${appUrl(request)}/auth/oidc/callback`;
}

/** Where to send the browser to sign in at the provider, and the cookie that remembers the flow. */
export async function startOidcSignIn(request: Request, settings: OidcSettings, redirectTo: string) {
  const config = await providerConfiguration(settings);
  const flow: Flow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo: safeRedirect(redirectTo),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(request),
    scope: SCOPES,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, setCookie: await (await flowCookie(request)).serialize(flow) };
}

export const OIDC_MESSAGES = {
  failed: "Single sign-on didn't complete, so you are not signed in. Please try again.",
  unavailable: "Single sign-on is unavailable at the moment. Please try again in a few minutes.",
  unverified: "Your sign-in service didn't confirm your email address, so you can't be signed in with it. Ask your administrator for help.",
  noAccount: "There is no active Upstream account for you. Ask an administrator to give you access.",
} as const;

export type OidcCallbackResult =
  | { ok: true; email: string; name: string; redirectTo: string; clearCookie: string }
  | {
      ok: false;
      /** For the log: what went wrong, never a token, a code or an email. */
      reason: string;
      message: string;
      /** Whether this browser had started a flow: a refusal then is worth an audit entry. */
      flowStarted: boolean;
      redirectTo: string;
      clearCookie: string;
    };

/** A library error, described without anything it may carry from the response (`cause`). */
export function describeError(error: unknown) {
  if (!(error instanceof Error)) return "unknown error";
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message}`.slice(0, 300);
}

/** Checks the provider's answer at the callback and returns the verified email and name. */
export async function finishOidcSignIn(request: Request, settings: OidcSettings): Promise<OidcCallbackResult> {
  const cookie = await flowCookie(request);
  const clearCookie = await cookie.serialize("", { maxAge: 0 });
  const stored: unknown = await cookie.parse(request.headers.get("cookie"));
  const flow = isFlow(stored) ? stored : null;
  const redirectTo = flow?.redirectTo ?? "/";
  const refuse = (reason: string, message: string = OIDC_MESSAGES.failed) =>
    ({ ok: false, reason, message, flowStarted: !!flow, redirectTo, clearCookie }) as const;

  const params = new URL(request.url).searchParams;
  const providerError = params.get("error");
  if (providerError !== null) {
    // The error is one of a few registered codes; keep the log line to such a word.
    return refuse(`the provider answered with an error: ${providerError.replace(/[^\w.-]/g, "?").slice(0, 40)}`);
  }
  if (!flow) return refuse("no sign-in in progress in this browser (the flow cookie is missing, expired or altered)");
  if (params.get("state") !== flow.state) return refuse("the state does not match the one this browser sent");

  let config: client.Configuration;
  try {
    config = await providerConfiguration(settings);
  } catch (error) {
    return refuse(`discovery failed: ${describeError(error)}`, OIDC_MESSAGES.unavailable);
  }
  // The redirect_uri sent to the token endpoint must be the one the flow started with, whatever
  // address a proxy handed the request on with.
  const currentUrl = new URL(callbackUrl(request));
  currentUrl.search = new URL(request.url).search;
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      pkceCodeVerifier: flow.verifier,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    return refuse(`the code exchange or the ID token was refused: ${describeError(error)}`);
  }
  if (!claims) return refuse("the provider returned no ID token");

  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email))
    return refuse("the ID token has no usable email claim", OIDC_MESSAGES.unverified);
  if (claims.email_verified !== true)
    return refuse("the ID token's email is not verified (email_verified is not true)", OIDC_MESSAGES.unverified);
  const name = (typeof claims.name === "string" ? claims.name.trim() : "") || email.slice(0, email.indexOf("@"));
  return { ok: true, email, name: name.slice(0, 120), redirectTo, clearCookie };
}
