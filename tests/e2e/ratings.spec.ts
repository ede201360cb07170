// Ratings end to end (issue 4): a request to Customer Care is resolved, its requester rates it 2
// (with the keyboard), the poor rating opens a recovery case that Customer Care's manager takes
// through every step, the requester rates it again 5 and thanks the team, and the team's
// scorecard moves by exactly that: one more rating in CSAT (the 2; a re-rating never counts) and
// one more recovered case in the recovery rate. Demo data changes with the date, so the test
// reads the scorecard's "x of y" counts first and expects the change from them. Plus: someone
// outside the team gets 404 for its scorecard, and a rating missing its required answers says so
// beside them without hiding the comment that was typed.
import type { Locator, Page } from "@playwright/test";
import { demoAccounts } from "./support/app";
import { raiseRequestOverHttp } from "./support/requests";
import { expect, test } from "./support/test";

/** The demo team Marcus Bell (the demo manager) manages, and one of the types it takes. */
const CUSTOMER_CARE = { name: "Customer Care", slug: "customer-care" } as const;
const TYPE = "Customer communication review";
const SCORECARD = `/teams/${CUSTOMER_CARE.slug}/scorecard`;

const employee = demoAccounts.employee.name;
const manager = demoAccounts.manager.name;

const flash = (page: Page) => page.getByRole("status");
const timeline = (page: Page) => page.getByRole("region", { name: "Timeline" }).getByRole("listitem");
const latestEvent = (page: Page) => timeline(page).last();
const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** The element has focus, with a focus ring you can see (as keyboard.spec.ts checks the sign-in form). */
async function expectVisibleFocus(element: Locator) {
  await expect(element).toBeFocused();
  const outline = await element.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThan(0);
}

/** One measure's card on the scorecard, found by its heading. */
function measureCard(page: Page, label: string) {
  return region(page, "Measures")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: label, exact: true }) });
}

interface Counts {
  numerator: number;
  denominator: number;
}

/** The "x of y <unit>" a card shows under its value, or 0 of 0 when it says there is nothing to count yet (`empty`). */
async function readCounts(card: Locator, unit: string, empty: string): Promise<Counts> {
  await expect(card).toBeVisible();
  const text = (await card.innerText()).replace(/\s+/g, " ");
  const match = new RegExp(`([\\d,]+) of ([\\d,]+) ${unit}`).exec(text);
  if (!match) {
    expect(text, `The card shows neither "x of y ${unit}" nor "${empty}"`).toContain(empty);
    return { numerator: 0, denominator: 0 };
  }
  const number = (s: string) => Number(s.replace(/,/g, ""));
  return { numerator: number(match[1]!), denominator: number(match[2]!) };
}

/** Expects a card to show `counts` ("x of y <unit>") and the share they make as its value. */
async function expectCard(card: Locator, counts: Counts, unit: string) {
  const n = (value: number) => value.toLocaleString("en");
  await expect(card).toContainText(`${n(counts.numerator)} of ${n(counts.denominator)} ${unit}`);
  // The card's value comes first; the previous period's figure below it may be the same share.
  await expect(card.getByRole("link", { name: percentText(counts), exact: true }).first()).toBeVisible();
}

/** A share as the scorecard writes it: one decimal, none when it is whole ("66.7%", "80%"). */
function percentText({ numerator, denominator }: Counts) {
  return `${((numerator / denominator) * 100).toFixed(1).replace(/\.0$/, "")}%`;
}

/** The scorecard of Customer Care over the last 30 days, chosen with the period form. */
async function openScorecardForLast30Days(page: Page) {
  await page.goto(SCORECARD);
  await expect(page.getByRole("heading", { level: 1, name: `${CUSTOMER_CARE.name} scorecard` })).toBeVisible();
  await page.getByRole("combobox", { name: "Show" }).selectOption({ label: "Last 30 days" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/[?&]period=30(&|$)/);
  await expect(page.getByRole("combobox", { name: "Show" })).toHaveValue("30");
}

test.describe("a poor rating, its recovery, a better rating and the scorecard", () => {
  test.describe.configure({ mode: "serial" });

  // Shared by the steps of the journey (each test is a later step with the same request).
  let title = "";
  let ref = "";
  let path = "";
  let recoveryPath = "";
  let csatBefore: Counts = { numerator: 0, denominator: 0 };
  let delightBefore: Counts = { numerator: 0, denominator: 0 };
  let recoveryBefore: Counts = { numerator: 0, denominator: 0 };

  test("Customer Care's manager resolves a request an employee raised", async ({ page, demoSession, signInAs, unique }) => {
    title = unique("Review the price-change letter");
    ({ ref, path } = await raiseRequestOverHttp(await demoSession("employee"), {
      team: CUSTOMER_CARE.slug,
      typeName: TYPE,
      title,
      body: "Could you check the wording of the price-change letter before it goes out?",
    }));
    recoveryPath = `${path}/recovery`;
    await signInAs("manager");

    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.getByRole("button", { name: "Assign to me" }).click();
    await expect(flash(page)).toHaveText(`${ref} is assigned to you.`);
    await page.getByRole("button", { name: "Start work" }).click();
    await expect(flash(page)).toHaveText(`${ref} is now in progress.`);
    await page.getByRole("button", { name: "Resolve" }).click();
    await expect(flash(page)).toHaveText(`${ref} is now resolved.`);
    await expect(latestEvent(page)).toContainText(`${manager} changed the status from in progress to resolved`);
    // Not rated yet: the team sees no rating.
    await expect(page.getByRole("heading", { level: 2, name: "Rating" })).toHaveCount(0);
  });

  test("the manager notes the scorecard's CSAT and recovery rate for the last 30 days", async ({ page, signInAs }) => {
    await signInAs("manager");
    await openScorecardForLast30Days(page);
    csatBefore = await readCounts(measureCard(page, "CSAT"), "ratings", "No ratings yet");
    delightBefore = await readCounts(measureCard(page, "Delight"), "ratings", "No ratings yet");
    recoveryBefore = await readCounts(measureCard(page, "Recovery rate"), "closed cases", "No recovery cases closed");
  });

  test("the employee rates it 2, with the keyboard, and a recovery case opens", async ({ page, signInAs, unique }) => {
    const comment = unique("The letter came back after the deadline had passed.");
    await signInAs("employee");
    await page.goto(path);

    const rating = region(page, "How did we do?");
    await expect(rating).toBeVisible();
    // At the top of the page: above what was asked.
    const ratingTop = (await rating.boundingBox())!.y;
    const askedTop = (await region(page, "What was asked").boundingBox())!.y;
    expect(ratingTop).toBeLessThan(askedTop);

    const overall = rating.getByRole("group", { name: "Overall, how satisfied are you with the service? (required)" });
    const exceeded = rating.getByRole("group", { name: "Did they exceed your expectations? (required)" });
    const timeliness = rating.getByRole("group", { name: "Timeliness: Was it done when you needed it?" });

    await test.step("overall and 'exceeded expectations' with Tab and the arrow keys", async () => {
      // Start from the form's introduction, as a pointer click on it would.
      await rating.getByText(`Your rating tells ${CUSTOMER_CARE.name} what to keep doing`).click();
      await page.keyboard.press("Tab");
      await expectVisibleFocus(overall.getByRole("radio", { name: "1 · Very dissatisfied" }));
      await expect(overall.getByRole("radio", { checked: true })).toHaveCount(0);
      await page.keyboard.press("ArrowRight");
      await expectVisibleFocus(overall.getByRole("radio", { name: "2 · Dissatisfied" }));
      await expect(overall.getByRole("radio", { name: "2 · Dissatisfied" })).toBeChecked();

      await page.keyboard.press("Tab");
      await expect(exceeded.getByRole("radio", { name: "Yes" })).toBeFocused();
      await page.keyboard.press("ArrowRight");
      await expect(exceeded.getByRole("radio", { name: "No" })).toBeChecked();
    });

    await test.step("one expectation and a comment, in the optional part", async () => {
      await page.keyboard.press("Tab");
      const more = rating.getByText("More detail (optional): seven expectations and a comment");
      await expectVisibleFocus(more);
      await page.keyboard.press("Enter");
      await expect(timeliness).toBeVisible();
      await timeliness.getByRole("radio", { name: "2 · Poor" }).check();
      await rating.getByLabel("Comment").fill(comment);
    });

    await rating.getByRole("button", { name: "Send rating" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(flash(page)).toHaveText(
      `Thanks for rating ${ref}. We've asked ${CUSTOMER_CARE.name}'s managers to put right what went wrong.`,
    );

    await test.step("the page shows the rating as given, to change for a while", async () => {
      const yours = region(page, "Your rating");
      await expect(yours).toContainText("2 of 5 · Dissatisfied · Did not exceed expectations");
      await expect(yours).toContainText(comment);
      await yours.getByText("Change your rating").click();
      const given = yours;
      await expect(given.getByRole("radio", { name: "2 · Dissatisfied" })).toBeChecked();
      await expect(given.getByRole("group", { name: /^Did they exceed/ }).getByRole("radio", { name: "No" })).toBeChecked();
      await expect(given.getByRole("group", { name: /^Timeliness/ }).getByRole("radio", { name: "2 · Poor" })).toBeChecked();
      await expect(given.getByLabel("Comment")).toHaveValue(comment);
      await expect(given.getByRole("button", { name: "Save changes" })).toBeVisible();
    });

    await test.step("and the recovery case it opened, on the page and in the timeline", async () => {
      const recovery = region(page, `Service recovery by ${CUSTOMER_CARE.name}`);
      await expect(recovery).toContainText(`Waiting to be acknowledged by ${CUSTOMER_CARE.name}'s managers`);
      await expect(recovery).toContainText("after a rating of 2 of 5 (dissatisfied)");
      await expect(recovery.getByRole("link", { name: "Open the recovery case" })).toBeVisible();
      await expect(timeline(page).filter({ hasText: `${employee} rated the service` })).toHaveCount(1);
      await expect(
        timeline(page).filter({ hasText: `The rating opened a recovery case for ${CUSTOMER_CARE.name}'s managers` }),
      ).toHaveCount(1);
    });
  });

  test("the manager acknowledges, apologises, puts it right and closes the case", async ({ page, signInAs, unique }) => {
    const apology = unique("Sorry: the review sat in the queue for a week. It won't happen again.");
    const action = unique("Reviews of customer letters now have a two-day target and a named owner.");
    const closing = unique("Thanked the requester for telling us.");
    await signInAs("manager");

    /** The step's entry in the case's list of steps ("Acknowledged · Marcus Bell · …"). */
    const stepEntry = (label: string) =>
      region(page, "Where it stands")
        .getByRole("listitem")
        .filter({ hasText: new RegExp(`^${label} · `) });

    /** The request's page has the step in its timeline; then back to the case. */
    async function expectInTimeline(event: string) {
      await page.goto(path);
      await expect(latestEvent(page)).toContainText(`${manager} ${event}`);
      await page.goto(recoveryPath);
    }

    await test.step("the case is in the list of recovery cases", async () => {
      await page.goto("/recovery");
      const row = page
        .getByRole("table", { name: "Recovery cases" })
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name: `${ref} ${title}`, exact: true }) });
      await expect(row).toContainText(CUSTOMER_CARE.name);
      await expect(row).toContainText("2 of 5");
      await expect(row).toContainText("Waiting to be acknowledged");
      await row.getByRole("link", { name: `${ref} ${title}`, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${recoveryPath}$`));
      await expect(page.getByRole("heading", { level: 1, name: `Recovery case for ${ref}` })).toBeVisible();
    });

    await test.step("acknowledge", async () => {
      await page
        .getByRole("group", { name: "Next step: acknowledge the problem" })
        .getByRole("button", { name: "Acknowledge the problem" })
        .click();
      await expect(flash(page)).toHaveText("Problem acknowledged; the requester has been told.");
      await expect(stepEntry("Acknowledged")).toContainText(manager);
      await expect(stepEntry("Apology sent")).toContainText("not yet");
      await expectInTimeline("acknowledged the problem");
    });

    await test.step("record the apology", async () => {
      const form = page.getByRole("group", { name: "Next step: record the apology" });
      await form.getByLabel("The apology sent to the requester").fill(apology);
      await form.getByRole("button", { name: "Record the apology" }).click();
      await expect(flash(page)).toHaveText("Apology recorded; the requester has been told.");
      await expect(stepEntry("Apology sent")).toContainText(manager);
      await expect(stepEntry("Apology sent")).toContainText(apology);
      await expectInTimeline("recorded the apology sent to the requester");
    });

    await test.step("record the corrective action", async () => {
      const form = page.getByRole("group", { name: "Next step: record the corrective action" });
      await form.getByLabel("What was done so it does not happen again").fill(action);
      await form.getByRole("button", { name: "Record the corrective action" }).click();
      await expect(flash(page)).toHaveText("Corrective action recorded; the requester has been told.");
      await expect(stepEntry("Corrective action recorded")).toContainText(action);
      await expectInTimeline("recorded the corrective action");
    });

    await test.step("close the case", async () => {
      const form = page.getByRole("group", { name: "Next step: close the case" });
      await form.getByLabel("Closing note (optional)").fill(closing);
      await form.getByRole("button", { name: "Close the case" }).click();
      await expect(flash(page)).toHaveText("Recovery case closed; the requester may now rate the service again.");
      await expect(region(page, "Where it stands").getByRole("strong")).toHaveText("Closed");
      await expect(stepEntry("Closed")).toContainText(manager);
      await expect(page.getByRole("group", { name: /^Next step/ })).toHaveCount(0);
      await expectInTimeline("closed the recovery case");
    });
  });

  test("the employee rates it again 5, keeps both ratings, and thanks the team", async ({ page, signInAs, unique }) => {
    const message = unique("Thank you for turning this around so quickly.");
    await signInAs("employee");

    await test.step("home offers to rate it again; the rate page shows the first rating", async () => {
      await page.goto("/");
      const waiting = region(page, "Waiting for your rating");
      await expect(waiting.getByRole("listitem").filter({ hasText: `Rate again ${ref} ${title}` })).toContainText(
        `${CUSTOMER_CARE.name} closed the recovery case`,
      );
      await waiting.getByRole("link", { name: `Rate again ${ref} ${title}`, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Rate ${ref}` })).toBeVisible();
    });

    const rerate = region(page, "Rate it again, now the recovery case is closed");
    await expect(rerate).toContainText("The requester's rating");
    await expect(rerate).toContainText("2 of 5 · Dissatisfied · Did not exceed expectations");
    await rerate.getByRole("radio", { name: "5 · Very satisfied" }).check();
    await rerate
      .getByRole("group", { name: /^Did they exceed/ })
      .getByRole("radio", { name: "Yes" })
      .check();
    await rerate.getByRole("button", { name: "Send new rating" }).click();

    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(flash(page)).toHaveText(`Thanks for rating ${ref} again.`);
    const rating = region(page, "Rating");
    await expect(rating.getByRole("heading", { level: 3 })).toHaveText(["Rating after the recovery", "First rating"]);
    await expect(rating).toContainText("5 of 5 · Very satisfied · Exceeded expectations");
    await expect(rating).toContainText("2 of 5 · Dissatisfied · Did not exceed expectations");
    await expect(rating.getByRole("radio")).toHaveCount(0);
    await expect(latestEvent(page)).toContainText(`${employee} rated the service again after the recovery`);

    await test.step("send kudos to the team from the offer", async () => {
      await rating.getByRole("link", { name: `Send kudos to ${CUSTOMER_CARE.name}` }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Send kudos to ${CUSTOMER_CARE.name}` })).toBeVisible();
      await expect(page.getByText(`About: ${ref}`)).toBeVisible();
      await page.getByLabel("Message").fill(message);
      await page.getByRole("button", { name: "Send kudos" }).click();
      await expect(page).toHaveURL(/\/kudos$/);
      await expect(flash(page)).toHaveText(`Your kudos to ${CUSTOMER_CARE.name} is on the wall.`);
      const entry = page.getByRole("list", { name: "Kudos, newest first" }).getByRole("listitem").filter({ hasText: message });
      await expect(entry).toContainText(`${employee} thanked ${CUSTOMER_CARE.name}`);
      await expect(entry.getByRole("link", { name: ref, exact: true })).toBeVisible();
    });
  });

  test("the scorecard counts the first rating and one more recovered case", async ({ page, signInAs }) => {
    await signInAs("manager");
    await openScorecardForLast30Days(page);

    // The 2 is one more rating, not a satisfied one and not "exceeded expectations"; the re-rating
    // (5, exceeded) is not a rating for CSAT or delight.
    const csat = { numerator: csatBefore.numerator, denominator: csatBefore.denominator + 1 };
    await expectCard(measureCard(page, "CSAT"), csat, "ratings");
    await expectCard(
      measureCard(page, "Delight"),
      { numerator: delightBefore.numerator, denominator: delightBefore.denominator + 1 },
      "ratings",
    );

    // The case closed in the period and was re-rated 5: recovered.
    const recovered = { numerator: recoveryBefore.numerator + 1, denominator: recoveryBefore.denominator + 1 };
    const recoveryCard = measureCard(page, "Recovery rate");
    await expectCard(recoveryCard, recovered, "closed cases");

    await test.step("the recovery rate's number lists this request, rated 2 and re-rated 5", async () => {
      await recoveryCard
        .getByRole("link", { name: percentText(recovered), exact: true })
        .first()
        .click();
      await expect(page.getByRole("heading", { level: 1, name: `${CUSTOMER_CARE.name} · Recovery rate` })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2 })).toHaveText(
        `${recovered.numerator.toLocaleString("en")} ${recovered.numerator === 1 ? "request" : "requests"} whose recovery case closed in this period, re-rated 4 or 5`,
      );
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
      await expect(row).toContainText(ref);
      await expect(row).toContainText("2 of 5, re-rated 5 of 5");
    });

    await test.step("CSAT's ratings list it too", async () => {
      await page.getByRole("link", { name: "Back to the scorecard" }).click();
      await expect(page).toHaveURL(/[?&]period=30(&|$)/);
      await measureCard(page, "CSAT")
        .getByRole("link", { name: `${csat.denominator.toLocaleString("en")} ratings`, exact: true })
        .click();
      await expect(page.getByRole("heading", { level: 1, name: `${CUSTOMER_CARE.name} · CSAT` })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2 })).toHaveText(
        `${csat.denominator.toLocaleString("en")} ${csat.denominator === 1 ? "request" : "requests"} first rated in this period`,
      );
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
      await expect(row).toContainText("2 of 5, re-rated 5 of 5");
    });
  });
});

test("an employee outside Customer Care gets 404 for its scorecard", async ({ page, signInAs }) => {
  await signInAs("employee");
  const response = await page.goto(SCORECARD);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText(`${CUSTOMER_CARE.name} scorecard`)).toHaveCount(0);

  const drillDown = await page.goto(`${SCORECARD}/requests?measure=csat&period=30`);
  expect(drillDown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("a rating sent without its required answers shows why beside them and keeps the comment in view", async ({
  page,
  demoSession,
  signInAs,
  unique,
}) => {
  const title = unique("Check the new FAQ on invoices");
  const comment = unique("Quick and friendly.");
  const { ref, path } = await raiseRequestOverHttp(await demoSession("employee"), {
    team: CUSTOMER_CARE.slug,
    typeName: TYPE,
    title,
    body: "Could you review the FAQ for tone?",
  });
  await signInAs("manager");
  await page.goto(path);
  await page.getByRole("button", { name: "Start work" }).click();
  await expect(flash(page)).toHaveText(`${ref} is now in progress.`);
  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(flash(page)).toHaveText(`${ref} is now resolved.`);

  await signInAs("employee");
  await page.goto(path);
  const rating = region(page, "How did we do?");
  await rating.getByText("More detail (optional): seven expectations and a comment").click();
  await rating.getByLabel("Comment").fill(comment);
  await rating.getByRole("button", { name: "Send rating" }).click();

  // With JavaScript the form stops it; without, the rate page answers with the same form.
  const form = region(page, "How did we do?");
  await expect(form.getByRole("group", { name: /^Overall, how satisfied/ })).toHaveAccessibleDescription(
    "Choose how satisfied you are, from 1 (very dissatisfied) to 5 (very satisfied).",
  );
  await expect(form.getByRole("group", { name: /^Did they exceed/ })).toHaveAccessibleDescription(
    /Say whether they exceeded your expectations\./,
  );
  await expect(form.getByLabel("Comment")).toBeVisible();
  await expect(form.getByLabel("Comment")).toHaveValue(comment);
  // Nothing was saved.
  await page.goto(path);
  await expect(timeline(page).filter({ hasText: "rated the service" })).toHaveCount(0);
});
