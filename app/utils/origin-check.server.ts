// Cross-site request forgery defence: a state-changing request must come from a page of ours.
// Browsers send Origin on every POST (forms included), so a missing or foreign Origin is refused.
// The expected origin is APP_URL when configured (behind a proxy), else the request's own
// protocol and Host.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function expectedOrigin(requestUrl: string, appUrl?: string) {
  return new URL(appUrl ?? requestUrl).origin;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: "missing-origin" | "foreign-origin" };

export function checkOrigin(method: string, originHeader: string | null, expected: string): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  if (!originHeader || originHeader === "null") return { ok: false, reason: "missing-origin" };
  let origin: string;
  try {
    origin = new URL(originHeader).origin;
  } catch {
    return { ok: false, reason: "foreign-origin" };
  }
  return origin === expected ? { ok: true } : { ok: false, reason: "foreign-origin" };
}
