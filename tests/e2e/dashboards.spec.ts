// Manager dashboards end to end (issue 6): the admin opens Dashboards from the navigation, narrows
// the escalation trends with the filter form (a plain GET form, so the view is a URL that
// reloads the same), follows numbers to the complaints behind them — the list's count is the
// number that was clicked — and downloads them as CSV (BOM, header, one row per complaint, and
// the customer contact columns only when asked for). The service overview keeps the period,
// sorts by a column, and each figure leads to the team's scorecard and the requests behind it,
// which agree with the overview's own download. A bad period or an unknown team is explained
// beside its field while the default view shows; an employee who manages nothing gets 404, and a
// manager sees only their own teams.
//
// The demo data moves with the date, so the test reads each number from the page and expects the
// same number where it leads. The dashboards count from daily figures brought up to date every
// 2 s in these tests (support/server.ts): each test first waits for figures counted after it
// started, so what earlier tests wrote is in them.
import fs from "node:fs/promises";
import type { Download, Locator, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { demoAccounts } from "./support/app";
import { IT_SERVICE_DESK } from "./support/requests";
import { expect, test } from "./support/test";

const ESCALATIONS = "/dashboards/escalations";
const SERVICE = "/dashboards/service";
/** The demo's rising theme: complaints about the app, routed to IT Service Desk. */
const RISING_THEME = "App login failures";
/** The team the demo manager (Marcus Bell) manages; nothing below it. */
const CUSTOMER_CARE = "Customer Care";

/** Demo teams outside Customer Care's part of the tree. */
const OTHER_DEMO_TEAMS = [
  "Executive Office",
  "Operations",
  "Field Service",
  "Facilities",
  "IT",
  IT_SERVICE_DESK.name,
  "People & Culture",
  "Finance",
];
/** The service overview's last row. */
const TOTAL_ROWS = ["Organisation total", "All teams shown"];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HEARD_HEADING = /^([\d,]+) heard: complaints logged and “heard it too”$/;

const main = (page: Page) => page.getByRole("navigation", { name: "Main" });
const filters = (page: Page) => page.getByRole("search", { name: "Filters" });
const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const notices = (page: Page) => page.getByRole("status");
const heading1 = (page: Page) => page.getByRole("heading", { level: 1 });
/** The sentence under a dashboard's heading: the period shown, the one it is compared with, and the filters. */
const viewDescription = (page: Page) => page.getByRole("main").getByText(/, compared with /);

const toNumber = (text: string) => Number(text.replace(/,/g, ""));

/**
 * Opens `path` once the daily figures were counted after `since` (they are counted every 2 s
 * here, and for the first time just after the server starts).
 */
async function openWithFiguresSince(page: Page, path: string, since: Date) {
  await expect(async () => {
    await page.goto(path);
    const at = await page
      .getByText(/^Figures as of/)
      .locator("time")
      .getAttribute("datetime", { timeout: 1_000 });
    expect(at !== null && new Date(at) >= since, `figures counted at ${at}, not after ${since.toISOString()}`).toBe(true);
  }).toPass({ timeout: 60_000, intervals: [1_000] });
}

/** A section's "Download CSV" link, named after its section ("Download CSV: Rising themes"). */
function csvLink(page: Page, section: string) {
  return region(page, section).getByRole("link", { name: `Download CSV: ${section}`, exact: true });
}

/** A column header's sort link ("CSAT, sort descending"). */
function sortLink(table: Locator, column: string, direction: "ascending" | "descending") {
  return table.getByRole("link", { name: `${column}, sort ${direction}`, exact: true });
}

/** One of the escalation dashboard's summary cards, by its heading. */
function summaryCard(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) });
}

/** The count in the drill-down's heading ("1,234 heard: …"), after checking the heading reads so. */
async function drillDownCount(page: Page, headingPattern: RegExp) {
  await expect(heading1(page)).toHaveText(headingPattern);
  const count = headingPattern.exec(await heading1(page).innerText())?.[1];
  return toNumber(count ?? "NaN");
}

/** Clicks what starts a download and returns the file's name and contents. */
async function download(page: Page, start: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), start()]);
  return { name: file.suggestedFilename(), bytes: await readDownload(file) };
}

async function readDownload(file: Download) {
  const failure = await file.failure();
  expect(failure, `the download failed: ${failure}`).toBeNull();
  return fs.readFile(await file.path());
}

/** A CSV file as a spreadsheet opens it: UTF-8 with a BOM, a header row, then the data rows. */
function readCsv(bytes: Buffer) {
  expect(bytes.subarray(0, 3).equals(BOM), "the file starts with the UTF-8 byte order mark").toBe(true);
  const rows = parse(bytes, { bom: true }) as string[][];
  const [header, ...data] = rows;
  expect(header, "the file has a header row").toBeDefined();
  const records = data.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ""])));
  return { header: header!, records };
}

/** The cells of a table's rows that have a row header (but not the total at its foot), as text. */
async function bodyRows(table: Locator) {
  const rows = table.getByRole("row").filter({ has: table.page().getByRole("rowheader") });
  const out: Array<{ name: string; cells: string[] }> = [];
  for (const row of await rows.all()) {
    const name = (await row.getByRole("rowheader").innerText()).trim();
    if (TOTAL_ROWS.includes(name)) continue;
    const cells = (await row.getByRole("cell").allInnerTexts()).map((t) => t.trim());
    out.push({ name, cells });
  }
  return out;
}

test.describe("the admin reads the escalation trends, drills down and downloads", () => {
  test("filters make a bookmarkable view; numbers lead to the complaints behind them, also as CSV", async ({ page, signInAs }) => {
    test.setTimeout(120_000);
    const since = new Date();
    await signInAs("admin");

    await test.step("Dashboards in the navigation opens the escalation trends", async () => {
      await page.goto("/");
      await main(page).getByRole("link", { name: "Dashboards" }).click();
      await expect(page).toHaveURL(new RegExp(`${ESCALATIONS}$`));
      await expect(heading1(page)).toHaveText("Escalation trends");
      await expect(page.getByRole("navigation", { name: "Dashboards" }).getByRole("link", { name: "Escalation trends" })).toHaveAttribute(
        "aria-current",
        "page",
      );
    });

    await openWithFiguresSince(page, ESCALATIONS, since);
    const heardCard = summaryCard(page, "Heard volume");
    await expect(heardCard.getByRole("link")).toHaveText(/^[\d,]+$/);
    expect(toNumber(await heardCard.getByRole("link").innerText())).toBeGreaterThan(0);
    await expect(summaryCard(page, "Front-line resolution")).toBeVisible();
    await expect(summaryCard(page, "Time to acknowledge")).toBeVisible();
    await expect(region(page, "Heard per week, by category")).toBeVisible();

    let heard = 0;
    await test.step("the last 30 days, the chart split by channel: the URL holds the view", async () => {
      const form = filters(page);
      await form.getByLabel("Period").selectOption({ label: "Last 30 days" });
      await form.getByLabel("Split the chart by").selectOption({ label: "Channel" });
      await form.getByRole("button", { name: "Apply filters" }).click();

      await expect(page).toHaveURL(/[?&]period=30(&|$)/);
      await expect(page).toHaveURL(/[?&]stack=channel(&|$)/);
      const chart = region(page, "Heard per week, by channel");
      await expect(chart).toBeVisible();
      await expect(chart.getByRole("img", { name: /bars from .* Heard per bar/ })).toBeVisible();
      heard = toNumber(await heardCard.getByRole("link").innerText());
      expect(heard).toBeGreaterThan(0);

      // The chart's numbers, as a table: a column per channel, and the weeks add up to the heard volume.
      await chart.getByText("Show the data as a table").click();
      const table = chart.getByRole("table");
      await expect(table.getByRole("columnheader", { name: "Phone", exact: true })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: "Technical", exact: true })).toHaveCount(0);
      const weeks = await bodyRows(table);
      expect(weeks.length).toBeGreaterThanOrEqual(4);
      expect(weeks.reduce((sum, week) => sum + toNumber(week.cells[0]!), 0)).toBe(heard);
    });

    await test.step("reloading the URL shows the same view", async () => {
      const url = page.url();
      await page.reload();
      expect(page.url()).toBe(url);
      await expect(filters(page).getByLabel("Period")).toHaveValue("30");
      await expect(filters(page).getByLabel("Split the chart by")).toHaveValue("channel");
      await expect(region(page, "Heard per week, by channel")).toBeVisible();
      await expect(heardCard.getByRole("link")).toHaveText(heard.toLocaleString("en"));
    });

    await test.step("the heard volume lists exactly that many complaints and sightings", async () => {
      await heardCard.getByRole("link").click();
      await expect(page).toHaveURL(/\/dashboards\/escalations\/complaints\?.*measure=heard/);
      expect(await drillDownCount(page, HEARD_HEADING)).toBe(heard);
      await expect(page).toHaveTitle(/heard: complaints logged and “heard it too” · Escalation trends · Upstream$/);
      const list = page.getByRole("table", { name: HEARD_HEADING });
      await expect(list.getByRole("row")).toHaveCount(Math.min(heard, 50) + 1);
      await page.getByRole("link", { name: "Back to escalation trends" }).click();
      await expect(page).toHaveURL(/[?&]period=30(&|$)/);
      await expect(heading1(page)).toHaveText("Escalation trends");
    });

    let themeCount = 0;
    await test.step(`the rising theme ${RISING_THEME}: its count lists its complaints`, async () => {
      const themes = page.getByRole("table", { name: /^Rising themes/ });
      const row = themes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: RISING_THEME, exact: true }) });
      await expect(row).toHaveCount(1);
      themeCount = toNumber(await row.getByRole("link").innerText());
      expect(themeCount).toBeGreaterThanOrEqual(5);

      // The section's download has the same rows as the table.
      const file = await download(page, () => csvLink(page, "Rising themes").click());
      expect(file.name).toMatch(/^escalations-themes-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readCsv(file.bytes);
      expect(csv.header).toEqual(["Theme", "Heard this period", "Heard in the previous period", "Change %"]);
      const shown = await bodyRows(themes);
      expect(csv.records.map((r) => r.Theme)).toEqual(shown.map((r) => r.name));
      expect(csv.records.find((r) => r.Theme === RISING_THEME)?.["Heard this period"]).toBe(String(themeCount));

      await row.getByRole("link").click();
      expect(await drillDownCount(page, HEARD_HEADING)).toBe(themeCount);
      await expect(page.getByRole("main").getByText(`Theme: ${RISING_THEME}`)).toBeVisible();
      const list = page.getByRole("table", { name: HEARD_HEADING });
      const rows = list.getByRole("row").filter({ has: page.getByRole("link", { name: /^CMP-\d+$/ }) });
      await expect(rows).toHaveCount(Math.min(themeCount, 50));
      await expect(rows.first()).toContainText(IT_SERVICE_DESK.name);
    });

    await test.step("the list downloads as CSV: a row per complaint or sighting, no contact details", async () => {
      const firstShown = await page
        .getByRole("table", { name: HEARD_HEADING })
        .getByRole("link", { name: /^CMP-\d+$/ })
        .first()
        .innerText();
      const file = await download(page, () => page.getByRole("button", { name: "Download CSV" }).click());
      expect(file.name).toMatch(/^complaints-heard-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readCsv(file.bytes);
      expect(csv.header).toEqual(expect.arrayContaining(["When", "Heard as", "Complaint", "Summary", "Routed team", "Status"]));
      expect(csv.header.filter((name) => name.startsWith("Customer"))).toEqual([]);
      expect(csv.records).toHaveLength(themeCount);
      expect(csv.records.every((r) => /^CMP-\d+$/.test(r.Complaint!))).toBe(true);
      // Newest first, as on the page.
      expect(csv.records[0]!.Complaint).toBe(firstShown);
      // Still on the list.
      expect(await drillDownCount(page, HEARD_HEADING)).toBe(themeCount);
    });

    await test.step("with customer contact details when asked for", async () => {
      await page.getByLabel(/^Include customer contact details/).check();
      const file = await download(page, () => page.getByRole("button", { name: "Download CSV" }).click());
      expect(file.name).toMatch(/-with-contacts\.csv$/);
      const csv = readCsv(file.bytes);
      expect(csv.header).toEqual(expect.arrayContaining(["Customer name", "Customer email", "Customer phone", "Customer reference"]));
      expect(csv.records).toHaveLength(themeCount);

      // The download is the newest entry in the admin's audit log.
      await page.goto(`/admin/audit?actor=${encodeURIComponent(demoAccounts.admin.email)}`);
      const newest = page.getByRole("table", { name: "Audit log entries, newest first" }).getByRole("row").nth(1);
      await expect(newest).toContainText("complaint.contacts_exported");
      await expect(newest).toContainText(demoAccounts.admin.name);
      await expect(newest).toContainText("heard");
    });
  });

  test("the service overview keeps the period, sorts by CSAT, and its figures agree with the scorecard", async ({ page, signInAs }) => {
    test.setTimeout(120_000);
    const since = new Date();
    await signInAs("admin");
    await openWithFiguresSince(page, `${ESCALATIONS}?period=30`, since);

    await test.step("the tab keeps the period", async () => {
      await page.getByRole("navigation", { name: "Dashboards" }).getByRole("link", { name: "Service overview" }).click();
      await expect(page).toHaveURL(new RegExp(`${SERVICE}\\?period=30$`));
      await expect(heading1(page)).toHaveText("Service overview");
      await expect(filters(page).getByLabel("Period")).toHaveValue("30");
    });

    const overview = page.getByRole("table", { name: /^Service measures by provider team/ });
    const csatValues = async () =>
      (await bodyRows(overview)).map((r) => ({ team: r.name, csat: /^([\d.]+)%/.exec(r.cells[1] ?? "")?.[1] }));

    await test.step("teams A–Z at first; CSAT's header sorts highest first, then lowest first", async () => {
      // Team, Requests received, CSAT, …: a row's second cell is its CSAT.
      await expect(overview.getByRole("columnheader").nth(2)).toHaveText(/^CSAT/);
      await expect(overview.getByRole("columnheader", { name: /^Team/ })).toHaveAttribute("aria-sort", "ascending");
      const byName = (await bodyRows(overview)).map((r) => r.name);
      expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, "en")));

      await sortLink(overview, "CSAT", "descending").click();
      await expect(page).toHaveURL(/[?&]sort=csat(&|$)/);
      await expect(page).toHaveURL(/[?&]period=30(&|$)/);
      await expect(overview.getByRole("columnheader", { name: /^CSAT/ })).toHaveAttribute("aria-sort", "descending");
      const descending = await csatValues();
      const rated = descending.filter((r) => r.csat !== undefined).map((r) => Number(r.csat));
      expect(rated.length).toBeGreaterThan(0);
      expect(rated).toEqual([...rated].sort((a, b) => b - a));
      // Teams without ratings come last.
      expect(descending.slice(0, rated.length).every((r) => r.csat !== undefined)).toBe(true);

      await sortLink(overview, "CSAT", "ascending").click();
      await expect(page).toHaveURL(/[?&]dir=asc(&|$)/);
      await expect(overview.getByRole("columnheader", { name: /^CSAT/ })).toHaveAttribute("aria-sort", "ascending");
      const ascending = (await csatValues()).filter((r) => r.csat !== undefined).map((r) => Number(r.csat));
      expect(ascending).toEqual([...rated].reverse());
    });

    // The team with the highest CSAT, its share as the overview shows it, and the counts behind it
    // from the overview's download.
    await sortLink(overview, "CSAT", "descending").click();
    await expect(overview.getByRole("columnheader", { name: /^CSAT/ })).toHaveAttribute("aria-sort", "descending");
    const top = (await csatValues())[0]!;
    expect(top.csat).toBeDefined();
    const percent = `${top.csat}%`;
    const teamRow = overview.getByRole("row").filter({ has: page.getByRole("rowheader", { name: top.team, exact: true }) });
    // Its CSAT cell: the second column after the team's name (Requests received, CSAT, …).
    const csatCell = teamRow.getByRole("cell").nth(1);
    await expect(csatCell.getByRole("link")).toHaveText(percent);

    let satisfied = 0;
    let rated = 0;
    await test.step("the download has the rows in the page's order, with the counts behind each share", async () => {
      const file = await download(page, () => csvLink(page, "Provider teams").click());
      expect(file.name).toMatch(/^service-overview-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readCsv(file.bytes);
      const teams = (await bodyRows(overview)).map((r) => r.name);
      expect(csv.records.map((r) => r.Team)).toEqual([...teams, "Organisation total"]);
      const record = csv.records.find((r) => r.Team === top.team)!;
      satisfied = Number(record["CSAT: count"]);
      rated = Number(record["CSAT: of"]);
      expect(satisfied).toBeGreaterThan(0);
      expect(Number(record["CSAT %"])).toBe(Number(top.csat));
      expect(((satisfied / rated) * 100).toFixed(1).replace(/\.0$/, "")).toBe(top.csat);
    });

    await test.step("the team's name leads to its scorecard for the same days, with the same CSAT", async () => {
      await teamRow.getByRole("link", { name: top.team, exact: true }).click();
      await expect(heading1(page)).toHaveText(`${top.team} scorecard`);
      await expect(page).toHaveURL(/\/scorecard\?period=custom&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
      const card = page
        .getByRole("region", { name: "Measures", exact: true })
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { level: 3, name: "CSAT", exact: true }) });
      await expect(card).toContainText(`${satisfied.toLocaleString("en")} of ${rated.toLocaleString("en")} ratings`);
      await expect(card.getByRole("link", { name: percent, exact: true })).toBeVisible();
      await page.goBack();
      await expect(heading1(page)).toHaveText("Service overview");
    });

    await test.step("the CSAT value lists the requests rated 4 or 5: as many as the overview counted", async () => {
      await csatCell.getByRole("link").click();
      await expect(heading1(page)).toHaveText(`${top.team} · CSAT`);
      await expect(page).toHaveTitle(`CSAT requests · ${top.team} · Upstream`);
      await expect(page.getByRole("heading", { level: 2 })).toHaveText(
        `${satisfied.toLocaleString("en")} ${satisfied === 1 ? "request" : "requests"} first rated 4 or 5 in this period`,
      );
    });
  });
});

test("a bad custom period or an unknown team is explained beside its field, and the default view shows", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto(ESCALATIONS);
  const defaultView = (await viewDescription(page).innerText()).trim();
  expect(defaultView).toMatch(/^\d{1,2} \w+ \d{4} – \d{1,2} \w+ \d{4}, compared with /);

  await test.step("the last day before the first day", async () => {
    const today = await filters(page).getByLabel("First day").getAttribute("max");
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const [first, last] = [daysAgo(3), daysAgo(10)];

    const form = filters(page);
    await form.getByLabel("Period").selectOption({ label: "Custom dates" });
    await form.getByLabel("First day").fill(first);
    await form.getByLabel("Last day").fill(last);
    await form.getByRole("button", { name: "Apply filters" }).click();

    await expect(page).toHaveURL(new RegExp(`[?&]to=${last}(&|$)`));
    const lastDay = filters(page).getByLabel("Last day");
    await expect(lastDay).toHaveAttribute("aria-invalid", "true");
    await expect(lastDay).toHaveAccessibleDescription(/The last day must be on or after the first day\./);
    // What was typed stays, to correct.
    await expect(lastDay).toHaveValue(last);
    await expect(filters(page).getByLabel("First day")).toHaveValue(first);
    await expect(notices(page)).toContainText("The period asked for couldn't be used: showing the last 90 days instead.");
    await expect(viewDescription(page)).toHaveText(defaultView);
  });

  await test.step("a team that does not exist", async () => {
    await page.goto(`${ESCALATIONS}?team=nope`);
    const team = filters(page).getByLabel("Team and the teams below it");
    await expect(team).toHaveAttribute("aria-invalid", "true");
    await expect(team).toHaveAccessibleDescription("No team has that name: showing all your teams.");
    await expect(team).toHaveValue("");
    await expect(notices(page)).toContainText("No team has that name: showing all your teams.");
    await expect(viewDescription(page)).toHaveText(defaultView);
  });
});

test("an employee who manages no team has no dashboards", async ({ page, signInAs }) => {
  await signInAs("employee");
  await page.goto("/");
  await expect(main(page).getByRole("link", { name: "Home" })).toBeVisible();
  await expect(main(page).getByRole("link", { name: "Dashboards" })).toHaveCount(0);

  for (const path of ["/dashboards", ESCALATIONS, SERVICE, `${ESCALATIONS}/complaints?measure=heard`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(heading1(page)).toHaveText("Page not found");
  }
  // Nor the downloads.
  for (const path of [`${ESCALATIONS}/complaints.csv?measure=heard`, `${SERVICE}.csv`, `${ESCALATIONS}.csv?table=themes`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});

test("a manager sees only the teams they manage, and 404 for any other", async ({ page, signInAs }) => {
  await signInAs("manager");
  await page.goto("/");
  await main(page).getByRole("link", { name: "Dashboards" }).click();
  await expect(heading1(page)).toHaveText("Escalation trends");

  // Customer Care at the top and, indented, any team below it (other tests create some): nothing else.
  const teamOptions = filters(page).getByLabel("Team and the teams below it").getByRole("option");
  await expect(teamOptions.nth(1)).toHaveText(CUSTOMER_CARE);
  const [all, top, ...below] = await teamOptions.allTextContents();
  expect([all, top]).toEqual(["All my teams", CUSTOMER_CARE]);
  for (const option of below) expect(option, "a team below Customer Care is indented under it").toMatch(/^\u00a0\u00a0\S/);
  const mine = [CUSTOMER_CARE, ...below.map((option) => option.trim())];
  for (const other of OTHER_DEMO_TEAMS) expect(mine).not.toContain(other);

  await page.getByRole("navigation", { name: "Dashboards" }).getByRole("link", { name: "Service overview" }).click();
  await expect(heading1(page)).toHaveText("Service overview");
  const overview = page.getByRole("table", { name: /^Service measures by provider team/ });
  await expect(overview.getByRole("rowheader", { name: CUSTOMER_CARE, exact: true })).toBeVisible();
  const rows = (await bodyRows(overview)).map((r) => r.name);
  expect(
    rows.every((team) => mine.includes(team)),
    `only their teams: ${rows.join(", ")}`,
  ).toBe(true);

  for (const path of [`${ESCALATIONS}?team=${IT_SERVICE_DESK.slug}`, `${SERVICE}?team=${IT_SERVICE_DESK.slug}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(heading1(page)).toHaveText("Page not found");
  }
  const drillDown = await page.goto(`${ESCALATIONS}/complaints?measure=heard&routed=${IT_SERVICE_DESK.slug}`);
  expect(drillDown?.status()).toBe(404);
  expect((await page.request.get(`${ESCALATIONS}/complaints.csv?measure=heard&team=${IT_SERVICE_DESK.slug}`)).status()).toBe(404);
});
