// Complaints end to end (issue 5): a rep logs a complaint, a second rep says "heard it too" from
// the similar complaints the log form offers, nobody at the routed team acknowledges it, so it
// escalates one level up; that team's manager acknowledges it, responds to the rep and closes it,
// and the first rep sees the response. Only the rep who logged it (and the managers) see the
// customer's contact details.
//
// The escalation is real: the admin sets the routed team's acknowledgement target to 1 minute
// through the team form, and the server's jobs tick every 2 s in these tests
// (UPSTREAM_JOB_INTERVAL_SECONDS, support/server.ts), so the test waits a little over a minute.
import type { Page } from "@playwright/test";
import { SESSION_COOKIE, appBaseURL, signInOverHttp } from "./support/app";
import { expect, test } from "./support/test";

/** Delivery complaints go to Field Service (managed by Ravi Patel, who stays idle here), which reports to Operations. */
const CATEGORY = "Delivery";
const ROUTED = { name: "Field Service", slug: "field-service" } as const;
const PARENT = "Operations";
/** Manages Operations. */
const UPPER_MANAGER = { name: "Kwame Mensah", email: "kwame.mensah@example.com" } as const;
/** A second Customer Care representative. */
const SECOND_REP = { name: "Jamal Carter", email: "jamal.carter@example.com" } as const;

const ESCALATION_WAIT_MS = 150_000;

const sessions = new Map<string, Promise<string>>();

/** Switches the page's browser to `email`'s session (signed in over HTTP once per worker). */
async function actAs(page: Page, email: string) {
  if (!sessions.has(email)) sessions.set(email, signInOverHttp(email));
  await page.context().addCookies([{ name: SESSION_COOKIE, value: await sessions.get(email)!, url: appBaseURL() }]);
}

const flash = (page: Page) => page.getByRole("status");
const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const timeline = (page: Page) => region(page, "Timeline").getByRole("listitem");

test("a complaint escalates past an idle manager, is answered one level up, and the rep sees the response", async ({
  page,
  signInAs,
  unique,
  javaScriptEnabled,
}) => {
  test.setTimeout(ESCALATION_WAIT_MS + 90_000);
  const summary = unique("Marimba delivered with cracked resonator bars");
  const customerEmail = `marimba.${unique("owner").split(" ").pop()}@example.com`;
  const response = unique("A replacement set of bars is on its way by courier; the customer hears from us tomorrow.");

  await test.step("the admin sets the routed team's acknowledgement target to 1 minute", async () => {
    await signInAs("admin");
    await page.goto(`/admin/teams/${ROUTED.slug}`);
    const target = page.getByRole("group", { name: "Complaint acknowledgement target" });
    await target.getByLabel("Amount").fill("1");
    await target.getByLabel("Unit").selectOption("minutes");
    await page.getByRole("button", { name: "Save team" }).click();
    await expect(flash(page)).toContainText("Team saved.");
    await expect(target.getByLabel("Amount")).toHaveValue("1");
    await expect(target.getByLabel("Unit")).toHaveValue("minutes");
  });

  let ref = "";
  await test.step("the first rep logs the complaint with the customer's contact", async () => {
    await signInAs("rep");
    await page.goto("/complaints/new");
    await page.getByLabel("Summary").fill(summary);
    await page.getByLabel("Category").selectOption({ label: CATEGORY });
    await page.getByLabel("Heard by").selectOption({ label: "Phone" });
    await page.getByRole("radio", { name: "High" }).check();
    await page.getByLabel("Details (optional)").fill("Two bars split along the grain; the box was dropped, by the dents in it.");
    const contact = page.getByRole("group", { name: "Customer contact (optional)" });
    await contact.getByLabel("Name").fill("Ana Ferreira");
    await contact.getByLabel("Email").fill(customerEmail);
    await page.getByRole("button", { name: "Log complaint", exact: true }).click();

    await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
    await expect(flash(page)).toBeVisible();
    ref = /\/complaints\/(CMP-\d+)$/.exec(new URL(page.url()).pathname)?.[1] ?? "";
    expect(ref, "the complaint page's address names the complaint").not.toBe("");
    await expect(region(page, "Who has it")).toContainText(`Waiting on the managers of ${ROUTED.name}`);
    await expect(region(page, "Customer contact")).toContainText(customerEmail);
  });

  await test.step("a second rep hears the same and adds a sighting from the similar complaints", async () => {
    await actAs(page, SECOND_REP.email);
    await page.goto("/complaints/new");
    await page.getByLabel("Summary").fill(summary.replace("delivered with", "arrived with"));
    const heardIt = page.getByRole("button", { name: `Heard it too: add to ${ref}` });
    if (javaScriptEnabled) {
      // The live suggestions, as the summary is typed.
      const similar = region(page, "Similar open complaints");
      const match = similar.getByRole("listitem").filter({ hasText: ref });
      await match.getByRole("button", { name: "Heard it too", exact: true }).click();
      // The button gives way to the note, which takes the focus.
      await expect(match.getByLabel("Note for your sighting (optional)")).toBeFocused();
      await match.getByLabel("Note for your sighting (optional)").fill("Same courier, same dents.");
    } else {
      // The server's check when the form is sent.
      await page.getByLabel("Category").selectOption({ label: CATEGORY });
      await page.getByRole("button", { name: "Log complaint", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Is it one of these?" })).toBeVisible();
      await page.getByLabel("Note for your sighting (optional)").fill("Same courier, same dents.");
    }
    await heardIt.click();

    await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
    await expect(region(page, "Heard it too (1)")).toContainText(SECOND_REP.name);
    await expect(region(page, "Heard it too (1)")).toContainText("Same courier, same dents.");
    await expect(region(page, "Details")).toContainText(/Heard again\s*1 time/);
    // The contact stays with the rep who logged it and the managers.
    await expect(region(page, "Customer contact")).toHaveCount(0);
    await expect(page.getByText(customerEmail)).toHaveCount(0);
  });

  await test.step("nobody at the routed team acknowledges it: it escalates one level up", async () => {
    await signInAs("rep");
    await expect(async () => {
      await page.goto(`/complaints/${ref}`);
      await expect(timeline(page).filter({ hasText: `Not acknowledged in time: escalated from ${ROUTED.name} to ${PARENT}` })).toHaveCount(
        1,
        {
          timeout: 1_000,
        },
      );
    }).toPass({ timeout: ESCALATION_WAIT_MS, intervals: [5_000] });
    await expect(region(page, "Who has it")).toContainText(`Waiting on the managers of ${PARENT} (escalated one level up)`);
  });

  await test.step("the upper manager finds it in the inbox, acknowledges, responds and closes it", async () => {
    await actAs(page, UPPER_MANAGER.email);
    await page.goto("/complaints/inbox");
    const filters = page.getByRole("search", { name: "Filters" });
    await filters.getByLabel("Status").selectOption({ label: "Waiting for a manager" });
    await filters.getByLabel("Category").selectOption({ label: CATEGORY });
    await filters.getByRole("checkbox", { name: "High" }).check();
    await filters.getByRole("button", { name: "Apply filters" }).click();
    const row = page.getByRole("table", { name: "Complaints matching the filters" }).getByRole("row").filter({ hasText: summary });
    await expect(row).toContainText("Waiting for a manager");
    await row.getByRole("link", { name: ref, exact: true }).click();

    // Each step answers on the complaint's page; "Work on this complaint" leads back to the forms.
    await page.getByRole("button", { name: "Acknowledge", exact: true }).click();
    await expect(flash(page)).toContainText(`${ref} is acknowledged`);
    await expect(region(page, "Who has it")).toContainText(`${UPPER_MANAGER.name}, ${PARENT}`);
    await page.getByRole("link", { name: "Work on this complaint" }).click();
    await page.getByLabel("Your response").fill(response);
    await page.getByRole("button", { name: "Send the response" }).click();
    await expect(region(page, "Response to the rep")).toContainText(response);
    await page.getByRole("link", { name: "Work on this complaint" }).click();
    await page.getByRole("button", { name: "Close the complaint" }).click();
    await expect(region(page, "Who has it")).toContainText(`Closed by ${PARENT}`);
  });

  await test.step("the first rep sees it closed, with the manager's response", async () => {
    await signInAs("rep");
    await page.goto("/complaints");
    const row = page.getByRole("table", { name: "My complaints, newest first" }).getByRole("row").filter({ hasText: ref });
    await expect(row).toContainText("Closed");
    await expect(row).toContainText(response);
    await row.getByRole("link", { name: `${ref} ${summary}` }).click();

    await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
    await expect(region(page, "Who has it")).toContainText(`Closed by ${PARENT}`);
    await expect(region(page, "Details").getByRole("term").filter({ hasText: "Closed" })).toBeVisible();
    const answer = region(page, "Response to the rep");
    await expect(answer).toContainText(response);
    await expect(answer).toContainText(UPPER_MANAGER.name);
    await expect(timeline(page).filter({ hasText: `escalated from ${ROUTED.name} to ${PARENT}` })).toHaveCount(1);
    await expect(region(page, "Customer contact")).toContainText(customerEmail);
  });
});
