// A rejected form says what is wrong next to the field and keeps what was typed.
import { demoAccounts } from "./support/app";
import { expect, test } from "./support/test";

test("adding a person with an invalid email shows the error at the field and keeps the name", async ({ page, signInAs, unique }) => {
  await signInAs("admin");
  const name = unique("Sam Typo");
  await page.goto("/admin/people/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill("sam.at.example.com");
  await page.getByRole("button", { name: "Add and send invitation" }).click();

  const email = page.getByLabel("Email", { exact: true });
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(page).toHaveURL(/\/admin\/people\/new$/);
});

test("a wrong password is refused clearly and the email stays filled in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(demoAccounts.manager.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("alert")).toHaveText("That email and password don't match an active account. Check them and try again.");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(demoAccounts.manager.email);
});
