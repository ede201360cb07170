// The protections that live in HTTP, checked without a browser: cross-site form posts are
// refused, pages carry an enforced CSP whose nonce is on every inline script, and the health
// endpoints answer.
import { DEMO_PASSWORD, demoAccounts } from "./support/app";
import { expect, test } from "./support/test";

const validSignIn = { email: demoAccounts.rep.email, password: DEMO_PASSWORD, redirectTo: "" };

test.describe("cross-site form posts", () => {
  test("a sign-in posted from another site is refused", async ({ request }) => {
    const response = await request.post("/login", { form: validSignIn, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });

  test("a sign-in posted without an Origin is refused", async ({ request }) => {
    const response = await request.post("/login", { form: validSignIn, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });

  test("the same sign-in from the app's own origin goes through", async ({ request, baseURL }) => {
    const response = await request.post("/login", { form: validSignIn, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
  });
});

test("pages carry an enforced CSP with a nonce that every inline script has", async ({ request }) => {
  const response = await request.get("/login");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-security-policy-report-only"]).toBeUndefined();
  expect(headers["x-content-type-options"]).toBe("nosniff");

  const csp = new Map(
    (headers["content-security-policy"] ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  const nonce = csp
    .get("script-src")
    ?.map((v) => /^'nonce-(.+)'$/.exec(v)?.[1])
    .find(Boolean);
  expect(nonce, "script-src has a nonce").toBeTruthy();
  expect(csp.get("script-src")).not.toContain("'unsafe-inline'");

  const html = await response.text();
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!).filter((attrs) => !/\bsrc=/i.test(attrs));
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const attrs of inlineScripts) expect(attrs).toContain(`nonce="${nonce}"`);

  // A fresh nonce per response.
  const again = (await request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);
});

test("the health endpoints answer", async ({ request }) => {
  expect((await request.get("/healthz")).status()).toBe(200);
  expect((await request.get("/readyz")).status()).toBe(200);
});
