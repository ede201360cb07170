// An administrator's day one: sign in through the form, add a person, create a team under an
// existing one, put the person in it, sign out — and the old session is dead.
import { demoAccounts, DEMO_PASSWORD } from "./support/app";
import { expect, selectOptionByText, test } from "./support/test";

test("an administrator adds a person, creates a team, adds the person to it and signs out", async ({
  page,
  context,
  unique,
  uniqueEmail,
}) => {
  const person = { name: unique("Alex Newcomer"), email: uniqueEmail("alex"), title: "Support Analyst" };
  const teamName = unique("Escalations");
  const flash = page.getByRole("status");

  await test.step("sign in through the form", async () => {
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(demoAccounts.admin.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: `Welcome, ${demoAccounts.admin.name}` })).toBeVisible();
  });

  await test.step("add a person", async () => {
    await page.goto("/admin/people/new");
    await page.getByLabel("Name", { exact: true }).fill(person.name);
    await page.getByLabel("Email", { exact: true }).fill(person.email);
    await page.getByLabel("Job title").fill(person.title);
    await page.getByRole("button", { name: "Add and send invitation" }).click();
    await expect(flash).toContainText(`${person.name} was added`);
    await expect(flash).toContainText(`invitation to choose a password is on its way to ${person.email}`);
  });

  let teamPath = "";
  await test.step("create a team that reports to Customer Care", async () => {
    await page.goto("/admin/teams/new");
    await page.getByLabel("Name", { exact: true }).fill(teamName);
    await page.getByLabel("What the team does").fill("Takes over the hardest cases.");
    await selectOptionByText(page.getByLabel("Reports to"), "Customer Care");
    await page.getByLabel("Takes requests from other teams").check();
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page).toHaveURL(/\/admin\/teams\/[^/?]+$/);
    await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
    await expect(flash).toContainText(`${teamName} was created`);
    teamPath = new URL(page.url()).pathname.replace(/^\/admin/, "");
  });

  await test.step("find the person and add them as a member", async () => {
    await page.getByLabel("Find by name or email").fill(person.email);
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.getByRole("button", { name: `Add as member: ${person.name}` }).click();
    await expect(flash).toHaveText(`${person.name} is now a member of ${teamName}.`);
  });

  await test.step("the team's page lists the new member and where the team reports", async () => {
    await page.goto(teamPath);
    await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
    await expect(page.getByRole("region", { name: "Members" }).getByRole("listitem")).toContainText([person.name]);
    await expect(page.getByRole("link", { name: "Customer Care" })).toBeVisible();
  });

  await test.step("sign out, and the old session opens nothing", async () => {
    const oldCookies = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await context.addCookies(oldCookies);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByRole("heading", { name: "Sign in to Upstream" })).toBeVisible();
  });
});
