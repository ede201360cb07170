// Every main page passes axe-core's WCAG 2.0/2.1/2.2 A and AA rules with no serious or critical
// violation, in the state a person first sees it (and the log-complaint form also after a bad
// submit, with its errors showing). Runs in both projects: with JavaScript off the pages are
// checked as the server renders them; with it on, after hydration.
//
// The pages use the demo data: each is opened as a demo account that may see it, and the few
// records a page needs (a request, a resolved request to rate) are made here.
import type { Page } from "@playwright/test";
import type { DemoRole } from "./support/app";
import { expectNoSeriousViolations } from "./support/axe";
import { IT_SERVICE_DESK, raiseRequestOverHttp } from "./support/requests";
import { expect, test } from "./support/test";

const CUSTOMER_CARE = { name: "Customer Care", slug: "customer-care" } as const;

interface PageCase {
  name: string;
  role: DemoRole | null;
  /** The page's path, or how to get there from a signed-in browser. */
  open: string | ((page: Page) => Promise<void>);
}

/**
 * Opens the page that the first link in `from`'s main content matching `pattern` leads to (its
 * address passed through `to`, if given): for a record of the demo data, whatever its number.
 */
function viaFirstLink(from: string, pattern: RegExp, to = (href: string) => href) {
  return async (page: Page) => {
    await page.goto(from);
    const href = await page
      .getByRole("main")
      .locator("a[href]")
      .evaluateAll((links, source) => links.map((a) => a.getAttribute("href")!).find((h) => new RegExp(source).test(h)), pattern.source);
    expect(href, `${from} links to nothing matching ${pattern}`).toBeTruthy();
    const response = await page.goto(to(href!));
    expect(response?.status(), `GET ${to(href!)}`).toBe(200);
  };
}

const pages: PageCase[] = [
  { name: "sign-in", role: null, open: "/login" },
  { name: "forgotten password", role: null, open: "/forgot-password" },
  { name: "home (employee)", role: "employee", open: "/" },
  { name: "home (admin)", role: "admin", open: "/" },
  { name: "new request: team picker", role: "employee", open: "/requests/new" },
  {
    name: "new request: the type's form",
    role: "employee",
    open: async (page) => {
      await page.goto(`/requests/new?team=${IT_SERVICE_DESK.slug}`);
      await page.getByRole("radio").first().check();
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByLabel("Title", { exact: true })).toBeVisible();
    },
  },
  { name: "my requests", role: "employee", open: "/requests" },
  { name: "team queue", role: "admin", open: `/teams/${IT_SERVICE_DESK.slug}/queue` },
  { name: "teams", role: "employee", open: "/teams" },
  { name: "a team", role: "employee", open: `/teams/${IT_SERVICE_DESK.slug}` },
  { name: "notifications", role: "employee", open: "/notifications" },
  { name: "account", role: "employee", open: "/account" },
  { name: "recovery cases", role: "manager", open: "/recovery" },
  { name: "log complaint", role: "rep", open: "/complaints/new" },
  {
    name: "log complaint, after a bad submit",
    role: "rep",
    open: async (page) => {
      await page.goto("/complaints/new");
      await page.getByRole("button", { name: "Log complaint", exact: true }).click();
      await expect(page.getByLabel("Summary")).toHaveAttribute("aria-invalid", "true");
    },
  },
  { name: "my complaints", role: "rep", open: "/complaints" },
  { name: "a complaint", role: "rep", open: viaFirstLink("/complaints", /^\/complaints\/CMP-\d+$/) },
  {
    name: "a complaint, for a manager",
    role: "manager",
    open: viaFirstLink("/complaints/inbox", /^\/complaints\/CMP-\d+\/manage$/, (href) => href.replace(/\/manage$/, "")),
  },
  { name: "complaints inbox", role: "manager", open: "/complaints/inbox" },
  {
    name: "a complaint, to work on",
    role: "manager",
    open: viaFirstLink("/complaints/inbox", /^\/complaints\/CMP-\d+\/manage$/),
  },
  { name: "complaint themes", role: "manager", open: "/complaints/themes" },
  { name: "dashboards: escalations", role: "admin", open: "/dashboards/escalations" },
  { name: "dashboards: service", role: "admin", open: "/dashboards/service" },
  {
    name: "dashboards: escalation drill-down",
    role: "admin",
    open: `/dashboards/escalations/complaints?measure=heard&routed=${IT_SERVICE_DESK.slug}`,
  },
  { name: "scorecard", role: "manager", open: `/teams/${CUSTOMER_CARE.slug}/scorecard` },
  { name: "scorecard drill-down", role: "manager", open: `/teams/${CUSTOMER_CARE.slug}/scorecard/requests?measure=csat&period=30` },
  { name: "admin: people", role: "admin", open: "/admin/people" },
  { name: "admin: teams", role: "admin", open: "/admin/teams" },
  { name: "admin: a team", role: "admin", open: `/admin/teams/${IT_SERVICE_DESK.slug}` },
  { name: "admin: a team, people found to add", role: "admin", open: `/admin/teams/${IT_SERVICE_DESK.slug}?q=an` },
  { name: "admin: add a person", role: "admin", open: "/admin/people/new" },
  { name: "admin: a person", role: "admin", open: viaFirstLink("/admin/people", /^\/admin\/people\/(?!new$)[^/?]+$/) },
  { name: "admin: complaint categories", role: "admin", open: "/admin/complaint-categories" },
  { name: "admin: settings", role: "admin", open: "/admin/settings" },
  { name: "admin: audit log", role: "admin", open: "/admin/audit" },
  { name: "kudos", role: "employee", open: "/kudos" },
  { name: "give kudos", role: "employee", open: "/kudos/new" },
  { name: "feedback", role: "employee", open: "/feedback" },
  { name: "give feedback", role: "employee", open: "/feedback/new" },
  { name: "feedback inbox", role: "manager", open: "/feedback/inbox" },
  { name: "feedback report", role: "admin", open: "/feedback/report" },
];

for (const { name, role, open } of pages) {
  test(`${name} has no serious accessibility violations`, async ({ page, signInAs }) => {
    if (role) await signInAs(role);
    if (typeof open === "string") {
      const response = await page.goto(open);
      expect(response?.status(), `GET ${open}`).toBe(200);
    } else {
      await open(page);
    }
    await expectNoSeriousViolations(page, name);
  });
}

test.describe("a request's pages", () => {
  test.describe.configure({ mode: "serial" });
  let ref = "";
  let path = "";

  test.beforeAll(async ({ demoSession }, testInfo) => {
    ({ ref, path } = await raiseRequestOverHttp(await demoSession("employee"), {
      team: CUSTOMER_CARE.slug,
      typeName: "Customer communication review",
      title: `Check the renewal letter e2e-${testInfo.project.name}-${Date.now().toString(36)}`,
      body: "Could you check the wording of the renewal letter before it goes out?",
    }));
  });

  test("a request, for the team that handles it, has no serious accessibility violations", async ({ page, signInAs }) => {
    await signInAs("manager");
    await page.goto(path);
    await expectNoSeriousViolations(page, `${path} (team)`);
  });

  test("a request, for its requester, has no serious accessibility violations", async ({ page, signInAs }) => {
    await signInAs("employee");
    await page.goto(path);
    await expectNoSeriousViolations(page, `${path} (requester)`);
  });

  test("rate a request has no serious accessibility violations", async ({ page, signInAs }) => {
    await signInAs("manager");
    await page.goto(path);
    await page.getByRole("button", { name: "Assign to me" }).click();
    await expect(page.getByRole("status")).toHaveText(`${ref} is assigned to you.`);
    await page.getByRole("button", { name: "Start work" }).click();
    await expect(page.getByRole("status")).toHaveText(`${ref} is now in progress.`);
    await page.getByRole("button", { name: "Resolve" }).click();
    await expect(page.getByRole("status")).toHaveText(`${ref} is now resolved.`);

    await signInAs("employee");
    await page.goto(`${path}/rate`);
    await expect(page.getByRole("button", { name: "Send rating" })).toBeVisible();
    await expectNoSeriousViolations(page, `${path}/rate`);
  });
});
