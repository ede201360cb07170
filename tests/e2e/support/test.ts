// The `test` every browser test imports: Playwright's, with the app's address, sign-in without
// the form, and names that are unique per run and project (both projects share one database).
/* eslint-disable no-empty-pattern -- Playwright fixtures must destructure their first argument, even when they use nothing from it. */
import crypto from "node:crypto";
import { test as base, expect, type Locator } from "@playwright/test";
import { SESSION_COOKIE, appBaseURL, demoAccounts, signInOverHttp, type DemoRole } from "./app";

interface TestFixtures {
  /** Signs the page's browser context in as a demo account, without the sign-in form. */
  signInAs: (role: DemoRole) => Promise<void>;
  /** A value no other test (in this run, in either project) gets: `unique("team")` → "team e2e-js-1a2b3c". */
  unique: (label: string) => string;
  /** An email address made unique the same way. */
  uniqueEmail: (label: string) => string;
}

interface WorkerFixtures {
  /** Session cookies, one sign-in per demo account per worker. */
  demoSession: (role: DemoRole) => Promise<string>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // The server is started by the global setup, after the config was read: take its address here.
  baseURL: async ({}, use) => use(appBaseURL()),

  demoSession: [
    async ({}, use) => {
      const sessions = new Map<DemoRole, Promise<string>>();
      await use((role) => {
        if (!sessions.has(role)) sessions.set(role, signInOverHttp(demoAccounts[role].email));
        return sessions.get(role)!;
      });
    },
    { scope: "worker" },
  ],

  signInAs: async ({ context, demoSession }, use) => {
    await use(async (role) => {
      await context.addCookies([{ name: SESSION_COOKIE, value: await demoSession(role), url: appBaseURL() }]);
    });
  },

  unique: async ({}, use, testInfo) => {
    const tag = `e2e-${testInfo.project.name}-${crypto.randomBytes(3).toString("hex")}`;
    await use((label) => `${label} ${tag}`);
  },

  uniqueEmail: async ({ unique }, use) => {
    await use(
      (label) =>
        `${unique(label)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ".")}@example.com`,
    );
  },
});

export { expect };

/** Selects the option whose text, without the indentation that shows the tree, is `text`. */
export async function selectOptionByText(select: Locator, text: string) {
  const value = await select.evaluate(
    (el, wanted) => [...(el as HTMLSelectElement).options].find((o) => o.text.trim() === wanted)?.value,
    text,
  );
  if (value === undefined) throw new Error(`No option "${text}" to select.`);
  await select.selectOption(value);
}
