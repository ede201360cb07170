// Cross-site request forgery defence (SECURITY.md 3.5.1): a state-changing request needs an
// Origin header naming our own origin. And redirects after sign-in stay on our site.
import { describe, expect, test } from "vitest";
import { checkOrigin, expectedOrigin } from "~/utils/origin-check.server";
import { safeRedirect } from "~/validation/auth";

const OURS = "https://upstream.example.com";

describe("checkOrigin", () => {
  test.each(["GET", "HEAD", "OPTIONS", "get"])("lets a %s through without an Origin", (method) => {
    expect(checkOrigin(method, null, OURS)).toEqual({ ok: true });
    expect(checkOrigin(method, "https://evil.example", OURS)).toEqual({ ok: true });
  });

  test.each(["POST", "PUT", "PATCH", "DELETE"])("accepts a %s from our own origin", (method) => {
    expect(checkOrigin(method, OURS, OURS)).toEqual({ ok: true });
  });

  test('refuses a POST without an Origin, or with the opaque origin "null"', () => {
    expect(checkOrigin("POST", null, OURS)).toEqual({ ok: false, reason: "missing-origin" });
    expect(checkOrigin("POST", "", OURS)).toEqual({ ok: false, reason: "missing-origin" });
    expect(checkOrigin("POST", "null", OURS)).toEqual({ ok: false, reason: "missing-origin" });
  });

  test.each([
    "https://evil.example",
    "https://upstream.example.com.evil.example",
    "https://evil.upstream.example.com",
    "http://upstream.example.com",
    "https://upstream.example.com:8443",
  ])("refuses a POST from the foreign origin %s", (origin) => {
    expect(checkOrigin("POST", origin, OURS)).toEqual({ ok: false, reason: "foreign-origin" });
  });

  test.each(["not a url", "upstream.example.com", "https://", "://upstream.example.com"])(
    "refuses a POST with the malformed origin %s",
    (origin) => {
      expect(checkOrigin("POST", origin, OURS)).toEqual({ ok: false, reason: "foreign-origin" });
    },
  );
});

describe("expectedOrigin", () => {
  test("is the request's own origin, or APP_URL's when configured", () => {
    expect(expectedOrigin("http://localhost:3000/teams?x=1")).toBe("http://localhost:3000");
    expect(expectedOrigin("http://10.0.0.5:3000/teams", "https://upstream.example.com/")).toBe(OURS);
  });
});

describe("safeRedirect", () => {
  test.each(["/", "/teams", "/teams/support?tab=members", "/account#password"])("keeps the local path %s", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });

  test.each([
    "//evil.com",
    "https://evil.com",
    "http://evil.com/teams",
    "/\\evil.com",
    "evil.com",
    "javascript:alert(1)",
    // Browsers strip tabs and newlines from URLs: these would become //evil.com.
    "/\t/evil.com",
    "/\n/evil.com",
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  test("falls back when nothing is given", () => {
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
    expect(safeRedirect("", "/home")).toBe("/home");
  });
});
