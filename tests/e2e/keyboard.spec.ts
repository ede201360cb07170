// The sign-in form works from the keyboard, with a focus ring you can see.
import type { Locator } from "@playwright/test";
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
