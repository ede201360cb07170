// The production server as a browser or an attacker meets it: every route that takes a POST
// refuses one sent from another site (or with no Origin), and what the server writes to its log
// holds no password, session cookie or customer contact detail, even at debug level.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signIn, startAppProcess, type AppProcess } from "../../scripts/lib/app-process";
import { hasAction, routeFiles, routePath } from "../support/route-files";

const DEMO_PASSWORD = "upstream-demo-2026";
const REP_EMAIL = "sofia.alvarez@example.com";
const FOREIGN_REFUSAL = "This form was sent from another site";

let app: AppProcess;
let dataDir: string;
let repCookie: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-http-"));
  app = await startAppProcess({
    env: { UPSTREAM_DATA_DIR: dataDir, UPSTREAM_DEMO_DATA: "on", LOG_LEVEL: "debug" },
    readySeconds: 150,
  });
  repCookie = await signIn(app.origin, REP_EMAIL, DEMO_PASSWORD);
});

afterAll(async () => {
  await app?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function post(pathname: string, body: Record<string, string>, headers: Record<string, string>) {
  return fetch(new URL(pathname, app.origin), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: repCookie, ...headers },
    body: new URLSearchParams(body),
  });
}

const actionRoutes = routeFiles().filter(hasAction);

describe("cross-site request forgery", () => {
  test("the app has form actions to check (the route list is read correctly)", () => {
    expect(actionRoutes).toContain("login.tsx");
    expect(actionRoutes).toContain("complaints.new.tsx");
    expect(actionRoutes.length).toBeGreaterThan(20);
  });

  test.each(actionRoutes)("%s: a POST from another site is refused, with a message", async (file) => {
    const response = await post(routePath(file), { intent: "save", title: "from evil.example" }, { Origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(FOREIGN_REFUSAL);
  });

  test.each(actionRoutes)("%s: a POST without an Origin is refused", async (file) => {
    const response = await post(routePath(file), { intent: "save" }, {});
    expect(response.status).toBe(403);
  });

  test("the same POST from the app's own pages reaches the app", async () => {
    const response = await post("/notifications", { intent: "read-all" }, { Origin: app.origin });
    expect(response.status).not.toBe(403);
  });

  test("a look-alike origin (another port, a sub-domain, http vs https) is foreign", async () => {
    const port = new URL(app.origin).port;
    for (const origin of [`http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`, `http://evil.127.0.0.1:${port}`, "null"]) {
      const response = await post("/notifications", { intent: "read-all" }, { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
  });
});

describe("what the server logs", () => {
  test("no password, session cookie or customer contact detail, whatever happened", async () => {
    const page = await (await fetch(new URL("/complaints/new", app.origin), { headers: { Cookie: repCookie } })).text();
    const formToken = /name="formToken"[^>]*value="([^"]+)"/.exec(page)?.[1];
    const categoryId = /<select[^>]*name="categoryId"[\s\S]*?<option[^>]*value="([^"]+)"/.exec(page)?.[1];
    expect(formToken, "the log form carries a token").toBeTruthy();
    expect(categoryId, "the log form offers a category").toBeTruthy();

    const contact = {
      customerName: "Wilhelmina Zzyzx",
      customerEmail: "wilhelmina.zzyzx@customer.example",
      customerPhone: "+44 20 7946 0958",
    };
    const fields = {
      formToken: formToken!,
      channel: "PHONE",
      categoryId: categoryId!,
      severity: "HIGH",
      summary: "Charged twice for one order",
      details: 'She was charged twice.\r\n{"level":"error","msg":"forged line"}',
      resolvedAtFrontLine: "no",
      occurredAt: new Date(Date.now() - 86_400_000).toISOString().slice(0, 16).replace("T", " "),
      choice: "new",
      ...contact,
    };
    // A refused submission (the email is malformed) and an accepted one.
    const refused = await post("/complaints/new", { ...fields, customerEmail: `${contact.customerEmail}@@` }, { Origin: app.origin });
    expect(refused.status).toBe(400);
    const logged = await post("/complaints/new", fields, { Origin: app.origin });
    expect(
      logged.status,
      (await logged.clone().text())
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .slice(0, 3000),
    ).toBe(302);
    const complaintPage = await fetch(new URL(logged.headers.get("location")!, app.origin), { headers: { Cookie: repCookie } });
    expect(await complaintPage.text()).toContain(contact.customerEmail);

    // A failed sign-in with a password that must not be written anywhere.
    const secretPassword = "correct horse battery staple 9f3k";
    await post("/login", { email: REP_EMAIL, password: secretPassword }, { Origin: app.origin });
    await post("/login", { email: REP_EMAIL, password: secretPassword }, { Origin: "https://evil.example" });

    // Give the process a moment to flush what it wrote.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const output = app.output();
    expect(output, "the server logged at debug level").toMatch(/"level":"(debug|info)"/);
    for (const secret of [...Object.values(contact), "7946", secretPassword, repCookie.split("=")[1]!]) {
      expect(output, `the log holds ${secret}`).not.toContain(secret);
    }
    // CR/LF typed into a form cannot start a line of its own that looks like a log entry.
    expect(output.split("\n").some((line) => line.startsWith('{"level":"error","msg":"forged line"'))).toBe(false);
  });
});

describe("addresses with an encoded NUL", () => {
  // PostgreSQL fails on a NUL in a query rather than finding nothing, so an id, number or search
  // carrying %00 must be refused before it reaches a loader: a clear 400, never a 500.
  test.each([
    ["a request number", "/requests/REQ-1%00"],
    ["a complaint number", "/complaints/CMP-1%00"],
    ["a team slug", "/teams/customer-care%00/queue"],
    ["a queue search", "/teams/customer-care/queue?q=printer%00"],
  ])("%s with %%00 gets 400 with a plain message", async (_label, address) => {
    const response = await fetch(new URL(address, app.origin), { headers: { Cookie: repCookie }, redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("That address isn't one Upstream knows.");
  });

  test("the same addresses without it are answered as usual", async () => {
    const response = await fetch(new URL("/teams/customer-care/queue?q=printer", app.origin), {
      headers: { Cookie: repCookie },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
  });
});
