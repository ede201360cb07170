// A new person accepts the invitation from their mailbox and arrives signed in.
import { addPersonOverHttp } from "./support/app";
import { linkPath, waitForEmail } from "./support/mailbox";
import { expect, test } from "./support/test";

test("an invited person chooses a password from the email and lands signed in", async ({ page, demoSession, unique, uniqueEmail }) => {
  const person = { name: unique("Robin Invitee"), email: uniqueEmail("robin") };
  await addPersonOverHttp(await demoSession("admin"), person);

  const email = await waitForEmail(person.email, { subject: "invited" });
  await page.goto(linkPath(email, "/invitation/"));
  await expect(page.getByRole("heading", { name: `Welcome to Upstream, ${person.name}` })).toBeVisible();

  const password = "correct horse battery staple river";
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Type it again").fill(password);
  await page.getByRole("button", { name: "Save password and sign in" }).click();

  await expect(page.getByRole("heading", { name: `Welcome, ${person.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: person.name })).toBeVisible();
});
