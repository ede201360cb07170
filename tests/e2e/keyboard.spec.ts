// The sign-in form works from the keyboard, with a focus ring you can see; and a rep logs a
// complaint from the home page with the keyboard alone.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";

async function expectVisibleFocus(element: Locator) {
  await expect(element).toBeFocused();
  const outline = await element.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThan(0);
}

test("Tab moves through Email, Password and Sign in, each with a visible focus ring", async ({ page }) => {
  await page.goto("/login");
  const email = page.getByLabel("Email", { exact: true });
  // The field is focused on arrival; step back out of it so that Tab has to reach it.
  await expect(email).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(email).not.toBeFocused();

  await page.keyboard.press("Tab");
  await expectVisibleFocus(email);
  await page.keyboard.press("Tab");
  await expectVisibleFocus(page.getByLabel("Password"));
  await page.keyboard.press("Tab");
  await expectVisibleFocus(page.getByRole("button", { name: "Sign in" }));
});

/** Presses Tab until `target` has the focus (failing after `max` presses), then expects its focus ring. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return expectVisibleFocus(target);
  }
  throw new Error(`${max} presses of Tab did not reach ${target}.`);
}

test("a rep logs a complaint from the home page with the keyboard alone", async ({ page, signInAs, unique }) => {
  // Unusual words, so that no open complaint is similar and the form logs it straight away.
  const summary = unique("Quokka-shaped lamp came with a zebra shade instead of the striped one");
  await signInAs("rep");
  await page.goto("/");

  await test.step("from the home page to the log form", async () => {
    // The first Tab shows the skip link; then on through the header to Complaints.
    await page.keyboard.press("Tab");
    await expectVisibleFocus(page.getByRole("link", { name: "Skip to main content" }));
    await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Complaints", exact: true }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "My complaints" })).toBeVisible();
    await tabTo(page, page.getByRole("main").getByRole("link", { name: "Log a complaint" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Log a complaint" })).toBeVisible();
  });

  const summaryField = page.getByLabel("Summary");
  const logButton = page.getByRole("button", { name: "Log complaint", exact: true });

  await test.step("sent empty, the focus goes to the first field at fault", async () => {
    await tabTo(page, logButton);
    await page.keyboard.press("Enter");
    await expectVisibleFocus(summaryField);
    await expect(summaryField).toHaveAttribute("aria-invalid", "true");
    await expect(summaryField).toHaveAccessibleDescription(/Say in a line what the customer complained about\./);
    await expect(page.getByLabel("Category")).toHaveAccessibleDescription(/Choose a category\./);
    await expect(page).toHaveURL(/\/complaints\/new$/);
  });

  await test.step("the required fields, typed and chosen with the keyboard", async () => {
    await page.keyboard.type(summary);
    await expect(summaryField).toHaveValue(summary);

    // A closed list box takes the first letters of an option.
    const category = page.getByLabel("Category");
    await tabTo(page, category);
    await page.keyboard.type("Deliv");
    await expect(category.locator("option:checked")).toHaveText("Delivery");
    await expect(category).not.toHaveAttribute("aria-invalid", "true");

    // Into the severity group (on its checked radio, Medium) and one to the right.
    const severity = page.getByRole("group", { name: "Severity" });
    await tabTo(page, severity.getByRole("radio", { name: "Medium" }));
    await page.keyboard.press("ArrowRight");
    await expectVisibleFocus(severity.getByRole("radio", { name: "High" }));
    await expect(severity.getByRole("radio", { name: "High" })).toBeChecked();
  });

  await test.step("sent with the button, it lands on the complaint with its confirmation", async () => {
    await tabTo(page, logButton);
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/\/complaints\/CMP-\d+$/);
    const ref = /CMP-\d+$/.exec(page.url())![0];
    await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(`${ref} was logged and sent to Field Service's managers.`);
    await expect(page.getByRole("region", { name: "Details", exact: true })).toContainText("High");
  });
});
