// Pages that aren't yours don't exist, as far as you can tell.
import { expect, test } from "./support/test";

test("an employee opening the people admin gets Page not found (404)", async ({ page, signInAs }) => {
  await signInAs("employee");
  const response = await page.goto("/admin/people");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
});
