// Requests end to end: an employee raises one, the team handling it works it through to resolved,
// and the employee sees the outcome — but never the team's internal note. Plus a rejected form
// that keeps what was typed, and two pages of the same request where the stale one gets a
// conflict instead of overwriting.
import type { Page } from "@playwright/test";
import { demoAccounts } from "./support/app";
import { IT_SERVICE_DESK, raiseRequestOverHttp } from "./support/requests";
import { expect, test } from "./support/test";

const TYPE = "Access to a system";

/** Steps 1 and 2 of /requests/new: search for the team, pick it, pick the type. */
async function openNewRequestForm(page: Page) {
  await page.goto("/requests/new");
  await page.getByLabel("Search teams").fill("service desk");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("list", { name: "Teams that take requests" }).getByRole("link", { name: IT_SERVICE_DESK.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `New request to ${IT_SERVICE_DESK.name}` })).toBeVisible();
  await page.getByLabel(TYPE, { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toBeVisible();
}

/** The value shown for `label` in the request page's Details. */
function detail(page: Page, label: string) {
  return page
    .getByRole("region", { name: "Details" })
    .locator("div")
    .filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }) })
    .getByRole("definition");
}

const timeline = (page: Page) => page.getByRole("region", { name: "Timeline" }).getByRole("listitem");
const latestEvent = (page: Page) => timeline(page).last();

/** A future day (UTC) as yyyy-mm-dd. */
function daysFromNow(days: number) {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

test.describe("a request from raising to resolved", () => {
  test.describe.configure({ mode: "serial" });

  // Shared by the steps of the journey (each test is a later step of the same request).
  let title = "";
  let ref = "";
  let path = "";
  let reply = "";
  let note = "";

  test("an employee raises a request to IT Service Desk", async ({ page, signInAs, unique }) => {
    title = unique("Access to the audit share");
    const body = "I need read access to the audit share for the Q3 close.";
    await signInAs("employee");

    await openNewRequestForm(page);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Description").fill(body);
    await page.getByRole("button", { name: "Send request" }).click();

    await expect(page).toHaveURL(/\/requests\/REQ-\d+$/);
    ref = /REQ-\d+$/.exec(page.url())![0];
    path = `/requests/${ref}`;
    await expect(page.getByRole("status")).toHaveText(`${ref} was sent to ${IT_SERVICE_DESK.name}.`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(detail(page, "Status")).toHaveText("New");
    await expect(detail(page, "Handled by")).toHaveText(IT_SERVICE_DESK.name);
    await expect(page.getByRole("region", { name: "What was asked" })).toContainText(body);
    await expect(latestEvent(page)).toContainText(`${demoAccounts.employee.name} raised the request`);

    await page.goto("/requests");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
    await expect(row).toContainText(ref);
    await expect(row).toContainText("New");
  });

  test("the team handling it works it through to resolved", async ({ page, signInAs, unique }) => {
    reply = unique("Access granted for the close; it lapses at month end.");
    note = unique("Approved by the share owner on the phone; no ticket in the access tool.");
    const promiseDate = daysFromNow(10);
    const promiseReason = unique("Waiting on the share owner's approval.");
    const admin = demoAccounts.admin.name;
    const flash = page.getByRole("status");
    await signInAs("admin");

    await test.step("the queue lists it, found by its title", async () => {
      await page.goto(`/teams/${IT_SERVICE_DESK.slug}/queue`);
      await page.getByLabel("Search titles and descriptions").fill(title);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/[?&]q=/);
      const rows = page.getByRole("table").getByRole("row");
      await expect(rows).toHaveCount(2); // the header and this request
      await expect(rows.nth(1)).toContainText(ref);
      await rows.nth(1).getByRole("link", { name: title, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    });

    await test.step("assign it to herself", async () => {
      await page.getByRole("button", { name: "Assign to me" }).click();
      await expect(flash).toHaveText(`${ref} is assigned to you.`);
      await expect(detail(page, "Assigned to")).toHaveText(admin);
      await expect(latestEvent(page)).toContainText(`${admin} took it on`);
    });

    await test.step("reply to the requester", async () => {
      await page.getByLabel("Your reply").fill(reply);
      await page.getByRole("button", { name: "Send reply" }).click();
      await expect(flash).toHaveText("Reply sent.");
      await expect(latestEvent(page)).toContainText(`${admin} replied`);
      await expect(latestEvent(page)).toContainText(reply);
    });

    await test.step("add an internal note", async () => {
      await page.getByLabel("Note for the team").fill(note);
      await page.getByRole("button", { name: "Add internal note" }).click();
      await expect(flash).toHaveText("Internal note added.");
      await expect(latestEvent(page)).toContainText(`${admin} added an internal note`);
      await expect(latestEvent(page)).toContainText("Internal note");
      await expect(latestEvent(page)).toContainText(note);
    });

    await test.step("promise a date, with the reason", async () => {
      const promise = page.getByRole("group", { name: "Promise a date" });
      await promise.getByLabel("Promised by").fill(promiseDate);
      await promise.getByLabel("Reason").fill(promiseReason);
      await promise.getByRole("button", { name: "Record promise" }).click();
      await expect(flash).toHaveText("Promise recorded; the requester has been told.");
      await expect(latestEvent(page)).toContainText(`${admin} promised it by`);
      await expect(latestEvent(page).locator(`time[datetime="${promiseDate}"]`)).toBeVisible();
      await expect(latestEvent(page)).toContainText(`Reason: ${promiseReason}`);
      await expect(detail(page, "Promised by").locator(`time[datetime="${promiseDate}"]`)).toBeVisible();
    });

    await test.step("start work: in progress", async () => {
      await page.getByRole("button", { name: "Start work" }).click();
      await expect(flash).toHaveText(`${ref} is now in progress.`);
      await expect(detail(page, "Status")).toHaveText("In progress");
      await expect(latestEvent(page)).toContainText(`${admin} changed the status from new to in progress`);
    });

    await test.step("resolve it", async () => {
      await page.getByRole("button", { name: "Resolve" }).click();
      await expect(flash).toHaveText(`${ref} is now resolved.`);
      await expect(detail(page, "Status")).toHaveText("Resolved");
      await expect(latestEvent(page)).toContainText(`${admin} changed the status from in progress to resolved`);
    });
  });

  test("the requester sees the reply and the outcome, not the internal note", async ({ page, signInAs }) => {
    await signInAs("employee");

    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(detail(page, "Status")).toHaveText("Resolved");
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText(reply);
    await expect(timeline(page).filter({ hasText: "added an internal note" })).toHaveCount(0);
    await expect(page.getByLabel("Note for the team")).toHaveCount(0);
    // Neither in what the server sent (markup and loader data) nor in the page as it is now.
    const html = await (await page.request.get(path)).text();
    expect(html).toContain(reply);
    expect(html).not.toContain(note);
    expect(await page.content()).not.toContain(note);

    await page.goto("/notifications");
    const notice = page
      .getByRole("list", { name: "Notifications, newest first" })
      .getByRole("listitem")
      .filter({ hasText: `New reply on ${ref} ${title}` });
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText("Unread");
    await expect(notice).toContainText(`${demoAccounts.admin.name}: ${reply}`);
  });
});

test("a new request without a title shows the error at Title and keeps the description", async ({ page, signInAs, unique }) => {
  const body = unique("Please set up a shared mailbox for the audit team.");
  await signInAs("employee");
  await openNewRequestForm(page);
  const formUrl = page.url();

  await page.getByLabel("Description").fill(body);
  await page.getByRole("button", { name: "Send request" }).click();

  const titleField = page.getByLabel("Title", { exact: true });
  await expect(titleField).toHaveAttribute("aria-invalid", "true");
  await expect(titleField).toHaveAccessibleDescription(/Give the request a short title\./);
  await expect(page.getByLabel("Description")).toHaveValue(body);
  await expect(page).toHaveURL(formUrl);
});

test("a status change from a page opened before someone else's change gets a conflict", async ({
  page,
  context,
  demoSession,
  signInAs,
  unique,
}) => {
  const title = unique("Conflicting access request");
  const { ref, path } = await raiseRequestOverHttp(await demoSession("employee"), {
    typeName: TYPE,
    title,
    body: "Two people of the desk open this at once.",
  });
  await signInAs("admin");

  const first = page;
  const second = await context.newPage();
  await first.goto(path);
  await second.goto(path);
  await expect(second.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await first.getByRole("button", { name: "Start work" }).click();
  await expect(first.getByRole("status")).toHaveText(`${ref} is now in progress.`);

  await second.getByRole("button", { name: "Start work" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "This request changed since you opened it" })).toBeVisible();
  await expect(second.getByRole("region", { name: "Someone else changed this request since you opened it" })).toContainText(
    "It is now in progress",
  );
  // The second click changed nothing: one status change in the timeline.
  await second.goto(path);
  await expect(timeline(second).filter({ hasText: "changed the status" })).toHaveCount(1);
});
