// Sessions and passwords. This is the only module that imports Lucia (v3 is deprecated upstream;
// keeping it behind this file makes a later replacement a one-file change).
//
// Session rules (SECURITY.md 7.x):
// - the session id is Lucia's 200-bit random id, in an HttpOnly, SameSite=Lax cookie, Secure
//   with the __Host- prefix whenever the request arrived over HTTPS;
// - sessions are rows in the database: sign-out, deactivation and password changes delete them;
// - idle timeout: Lucia's sliding expiry (14 days), and 12 hours for admins (lastSeenAt);
// - absolute lifetime: 30 days from sign-in, whatever the activity.
import { hash, verify } from "@node-rs/argon2";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { redirect } from "@remix-run/node";
import { prisma, queryRows } from "./db.server";
import { requestKey } from "./request-key.server";
import type { GlobalRole } from "~/generated/prisma/client";

export const SESSION_IDLE_DAYS = 14;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
export const ADMIN_IDLE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so a busy user does not cause a write per request. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

// OWASP's argon2id minimum: m = 19 MiB, t = 2, p = 1. Algorithm 2 = Argon2id.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string) {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the account does not exist keeps the response time the
// same for known and unknown emails.
let dummyHash: Promise<string> | undefined;
export async function spendPasswordCheckTime(password: string) {
  dummyHash ??= hashPassword("upstream-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}

const adapter: Adapter = {
  // Runs on every signed-in request: one join sent straight through the pool (decision 008).
  async getSessionAndUser(sessionId) {
    const [row] = await queryRows<{
      id: string;
      user_id: string;
      expires_at: Date;
      created_at: Date;
      last_seen_at: Date;
      email: string;
      name: string;
      role: GlobalRole;
      active: boolean;
    }>({
      text: `SELECT s.id, s.user_id, s.expires_at, s.created_at, s.last_seen_at, u.email, u.name, u.role::text AS role, u.active
               FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      values: [sessionId],
    });
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: row.id,
      userId: row.user_id,
      expiresAt: row.expires_at,
      attributes: { createdAt: row.created_at, lastSeenAt: row.last_seen_at },
    };
    const user: DatabaseUser = { id: row.user_id, attributes: { email: row.email, name: row.name, role: row.role, active: row.active } };
    return [session, user];
  },
  async getUserSessions(userId) {
    const rows = await prisma.session.findMany({ where: { userId } });
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      expiresAt: r.expiresAt,
      attributes: { createdAt: r.createdAt, lastSeenAt: r.lastSeenAt },
    }));
  },
  async setSession(session) {
    await prisma.session.create({
      data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt },
    });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await prisma.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await prisma.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await prisma.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

function makeLucia(secure: boolean) {
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(SESSION_IDLE_DAYS, "d"),
    sessionCookie: {
      name: secure ? "__Host-upstream_session" : "upstream_session",
      // The cookie lives as long as the absolute lifetime; the server decides before that.
      expires: false,
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => attributes,
  });
}

const luciaHttps = makeLucia(true);
const luciaHttp = makeLucia(false);

declare module "lucia" {
  interface Register {
    Lucia: typeof luciaHttps;
    DatabaseUserAttributes: { email: string; name: string; role: GlobalRole; active: boolean };
    DatabaseSessionAttributes: { createdAt: Date; lastSeenAt: Date };
  }
}

function isHttps(request: Request) {
  return new URL(request.url).protocol === "https:";
}

function luciaFor(request: Request) {
  return isHttps(request) ? luciaHttps : luciaHttp;
}

// Lucia gives a non-expiring cookie 400 days; ours lasts as long as the absolute session lifetime.
function serializeWithMaxAge(cookie: { serialize(): string }, maxAgeSeconds: number) {
  return `${cookie.serialize().replace(/; Max-Age=\d+/i, "")}; Max-Age=${maxAgeSeconds}`;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  sessionId: string;
}

/** Creates a new session (a new id: no fixation) and returns the Set-Cookie header value. */
export async function createUserSession(request: Request, userId: string): Promise<string> {
  const lucia = luciaFor(request);
  const session = await lucia.createSession(userId, { createdAt: new Date(), lastSeenAt: new Date() });
  return serializeWithMaxAge(lucia.createSessionCookie(session.id), SESSION_ABSOLUTE_MS / 1000);
}

export function readSessionId(request: Request): string | null {
  return luciaFor(request).readSessionCookie(request.headers.get("cookie") ?? "");
}

export function blankSessionCookie(request: Request): string {
  return luciaFor(request).createBlankSessionCookie().serialize();
}

const resolved = new WeakMap<object, Promise<SessionUser | null>>();

async function resolveSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = readSessionId(request);
  if (!sessionId) return null;
  const lucia = luciaFor(request);
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  const now = Date.now();
  const idleLimit = user.role === "ADMIN" ? ADMIN_IDLE_MS : Infinity;
  if (!user.active || now - session.createdAt.getTime() > SESSION_ABSOLUTE_MS || now - session.lastSeenAt.getTime() > idleLimit) {
    await lucia.invalidateSession(session.id);
    return null;
  }
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id };
}

/** The signed-in user, or null. Resolved once per request however many loaders ask. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const key = requestKey(request);
  let pending = resolved.get(key);
  if (!pending) {
    pending = resolveSessionUser(request);
    resolved.set(key, pending);
  }
  return pending;
}

function signInRedirect(request: Request) {
  const url = new URL(request.url);
  const target = url.pathname + url.search;
  const params = target && target !== "/" ? `?${new URLSearchParams({ redirectTo: target })}` : "";
  const headers = new Headers();
  // A cookie that no longer names a valid session is cleared, so the browser stops sending it.
  if (readSessionId(request)) headers.append("Set-Cookie", blankSessionCookie(request));
  return redirect(`/login${params}`, { headers });
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw signInRedirect(request);
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getSessionUser(request)) throw redirect("/");
}

export async function endSession(request: Request): Promise<string> {
  const sessionId = readSessionId(request);
  if (sessionId) await luciaFor(request).invalidateSession(sessionId);
  return blankSessionCookie(request);
}

/** Ends every session of a user, optionally keeping the one they are using now. */
export async function endUserSessions(userId: string, options: { except?: string } = {}) {
  await prisma.session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
}

export async function deleteExpiredSessions() {
  const cutoff = new Date(Date.now() - SESSION_ABSOLUTE_MS);
  await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: new Date() } }, { createdAt: { lte: cutoff } }] },
  });
}
