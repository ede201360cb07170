// Stored XSS: every free-text field a person can write holds `<script>`, an attribute break-out
// (`"><img onerror>`) and a `javascript:` URL, and every page that shows one is rendered to HTML
// through Remix's own request handler (tests/support/render-page.ts: the real loaders, components,
// layouts and document shell, including the loader data serialised into the page). The payload
// must appear only escaped: never as a live tag, event-handler attribute or javascript: link.
// Each field carries its own marker, so the test also proves every field was shown somewhere.
//
// And the CSV downloads: text that a spreadsheet would run as a formula (= + - @, also after
// leading white space or a tab) reaches each export and comes out with a leading single quote.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { refreshDashboardFigures } from "~/jobs/refresh-dashboard-figures.server";
import { RISING_MINIMUM } from "~/utils/escalation-measures";
import type { Complaint, Request as RequestRow, Team, User } from "~/generated/prisma/client";
import { addMember, createRequest, createRequestType, createTeam, createUser } from "../support/factories";
import { addSighting, createCategory, createComplaint } from "../support/complaint-factories";
import { createRating, createRecoveryCase } from "../support/rating-factories";
import { useTimeZone } from "../support/dashboard-fixtures";
import { callAction, formRequest, signInAs } from "../support/http";
import { postToRequest } from "../support/request-page";
import { renderPage } from "../support/render-page";
import * as queueRoute from "~/routes/teams.$slug_.queue";

useTimeZone("UTC");

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

/** The hostile text stored in field `field`: a script, an attribute break-out, a javascript: URL. */
function payload(field: string) {
  return `<script>alert('${field}')</script>"><img src=x onerror=alert('${field}')> javascript:alert('${field}')`;
}

/** How the start of `payload(field)` reads once React has escaped it (text or attribute value). */
function escapedMarker(field: string) {
  return `&lt;script&gt;alert(&#x27;${field}&#x27;)&lt;/script&gt;`;
}

// An unquoted attribute value runs to white space or ">" (browsers accept quotes and "=" in it).
const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "background"]);

function decodeEntities(value: string) {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * What in the markup would run: a <script> whose code is the payload's, an element with an
 * event-handler attribute (React never renders one on the server, so any is injected), the
 * payload's <img>, or a javascript: URL in a link or source. Tags are read with their attributes
 * (quoted values included), so escaped text inside an attribute is not mistaken for markup.
 */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  for (const script of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (/^\s*alert\(/.test(script[1]!)) found.push(`a live script: ${script[0].slice(0, 120)}`);
  }
  for (const tag of html.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    for (const attribute of (tag[2] ?? "").matchAll(ATTRIBUTE)) {
      const attr = attribute[1]!.toLowerCase();
      const value = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? "");
      // eslint-disable-next-line no-control-regex
      const bare = value.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
      if (attr.startsWith("on")) found.push(`an event handler: ${tag[0].slice(0, 160)}`);
      if (URL_ATTRIBUTES.has(attr) && bare.startsWith("javascript:")) found.push(`a javascript: URL: ${tag[0].slice(0, 160)}`);
      if (name === "img" && attr === "src" && value === "x") found.push(`the payload's <img>: ${tag[0].slice(0, 160)}`);
    }
  }
  return found;
}

let admin: User, manager: User, agent: User, requester: User, member: User;
let team: Team, otherTeam: Team;
let request: RequestRow, ratedRequest: RequestRow;
let complaint: Complaint;
let feedbackId: string, categoryId: string;
const FIELDS = new Set<string>();
const cookies = new Map<string, string>();

/** Stores `payload(name)` for the field called `name` and remembers to look for it. */
function xss(name: string) {
  FIELDS.add(name);
  return payload(name);
}

async function cookieOf(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await signInAs(user.id));
  return cookies.get(user.id)!;
}

beforeAll(async () => {
  admin = await createUser({ name: xss("admin name"), role: "ADMIN" });
  manager = await createUser({ name: xss("manager name"), title: xss("manager title") });
  agent = await createUser({ name: xss("agent name") });
  requester = await createUser({ name: xss("requester name"), title: xss("requester title") });
  member = await createUser({ name: "Queue member" });
  team = await createTeam({ name: xss("team name"), slug: "care", acceptsRequests: true });
  await prisma.team.update({ where: { id: team.id }, data: { description: xss("team description") } });
  otherTeam = await createTeam({ name: xss("other team name"), slug: "sales" });
  await addMember(manager.id, team.id, "MANAGER");
  await addMember(agent.id, team.id);
  await addMember(member.id, team.id);
  await addMember(requester.id, otherTeam.id);

  const type = await createRequestType(team.id, { name: xss("request type name") });
  await prisma.requestType.update({ where: { id: type.id }, data: { description: xss("request type description") } });

  // A request with a reply, an internal note and a promise, written through the request page's forms.
  request = await createRequest({
    requesterId: requester.id,
    requestingTeamId: otherTeam.id,
    providerTeamId: team.id,
    typeId: type.id,
    assigneeId: agent.id,
    status: "IN_PROGRESS",
    title: xss("request title"),
    body: xss("request description"),
  });
  const agentCookie = await cookieOf(agent);
  for (const [intent, field] of [
    ["reply", "reply"],
    ["note", "internal note"],
  ] as const) {
    const response = await postToRequest(agentCookie, request.number, { intent, formToken: crypto.randomUUID(), body: xss(field) });
    expect(response.status, `${intent} was not saved`).toBe(302);
  }
  const promised = await postToRequest(agentCookie, request.number, {
    intent: "promise",
    version: String((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).version),
    promisedAt: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    reason: xss("promise reason"),
  });
  expect(promised.status, "the promise was not saved").toBe(302);

  // A resolved request, rated poorly with a comment, and its closed recovery case with every note.
  ratedRequest = await createRequest({
    requesterId: requester.id,
    requestingTeamId: otherTeam.id,
    providerTeamId: team.id,
    typeId: type.id,
    status: "RESOLVED",
    title: xss("rated request title"),
  });
  const rating = await createRating(ratedRequest, { overall: 1, comment: xss("rating comment") });
  const recoveryCase = await createRecoveryCase(ratedRequest, rating.id, { status: "CLOSED" });
  await prisma.recoveryCase.update({
    where: { id: recoveryCase.id },
    data: { apologyNote: xss("apology note"), correctiveAction: xss("corrective action"), closingNote: xss("closing note") },
  });

  // A complaint with every text of its own, a sighting and a theme.
  const category = await createCategory({ ownerTeamId: team.id, name: xss("category name"), description: xss("category description") });
  categoryId = category.id;
  complaint = await createComplaint({
    categoryId: category.id,
    reporterId: requester.id,
    status: "ACKNOWLEDGED",
    summary: xss("complaint summary"),
    details: xss("complaint details"),
    actionTaken: xss("complaint action taken"),
    actionPlan: xss("complaint action plan"),
    response: xss("complaint response"),
    customerName: xss("customer name"),
    customerReference: xss("customer reference"),
  });
  await addSighting(complaint.id, { reporterId: agent.id, note: xss("sighting note") });
  const theme = await prisma.theme.create({ data: { id: crypto.randomUUID(), name: xss("theme name") } });
  await prisma.complaintTheme.create({ data: { complaintId: complaint.id, themeId: theme.id } });

  // Signed feedback to the team with a response; kudos; a notification; a saved view; an audit entry.
  const feedback = await prisma.feedback.create({
    data: {
      id: crypto.randomBytes(16).toString("base64url"),
      kind: "CONCERN",
      teamId: team.id,
      authorId: requester.id,
      anonymous: false,
      subject: xss("feedback subject"),
      body: xss("feedback body"),
      submittedOn: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
      status: "ANSWERED",
    },
  });
  feedbackId = feedback.id;
  await prisma.feedbackResponse.create({
    data: { id: crypto.randomUUID(), feedbackId: feedback.id, responderId: manager.id, body: xss("feedback response") },
  });
  await prisma.kudos.create({
    data: { id: crypto.randomUUID(), authorId: requester.id, recipientTeamId: team.id, message: xss("kudos to a team") },
  });
  await prisma.kudos.create({
    data: {
      id: crypto.randomUUID(),
      authorId: requester.id,
      recipientUserId: agent.id,
      message: xss("kudos to a person"),
      requestId: request.id,
    },
  });
  await prisma.notification.create({
    data: {
      id: crypto.randomUUID(),
      userId: requester.id,
      kind: "REQUEST_REPLY",
      title: xss("notification title"),
      body: xss("notification body"),
      link: "/requests",
    },
  });
  await prisma.savedView.create({
    data: { id: crypto.randomUUID(), userId: member.id, teamId: team.id, name: xss("saved view name"), query: "" },
  });
  await prisma.auditLog.create({ data: { action: "kudos.hidden", actorId: admin.id, details: { reason: xss("audit detail") } } });
  await refreshDashboardFigures(new Date());
});

const TODAY = new Date().toISOString().slice(0, 10);
const PERIOD = `period=custom&from=${new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10)}&to=${TODAY}`;

/** Every page that shows user text, with someone who may open it. */
function pages(): Array<{ url: string; as: User }> {
  const req = `/requests/REQ-${request.number}`;
  const rated = `/requests/REQ-${ratedRequest.number}`;
  const cmp = `/complaints/CMP-${complaint.number}`;
  return [
    { url: "/", as: requester },
    { url: "/", as: agent },
    { url: "/", as: manager },
    { url: "/account", as: requester },
    { url: "/requests", as: requester },
    { url: req, as: requester },
    { url: req, as: agent },
    { url: `${rated}`, as: requester },
    { url: `${rated}/rate`, as: requester },
    { url: `${rated}/recovery`, as: manager },
    { url: "/recovery", as: manager },
    { url: "/requests/new", as: requester },
    { url: `/requests/new?team=${team.slug}`, as: requester },
    { url: `/teams`, as: requester },
    { url: `/teams/${team.slug}`, as: requester },
    { url: `/teams/${team.slug}/queue`, as: member },
    { url: `/teams/${team.slug}/catalogue`, as: manager },
    { url: `/teams/${team.slug}/scorecard?${PERIOD}`, as: manager },
    { url: `/teams/${team.slug}/scorecard/requests?measure=volume&part=population&${PERIOD}`, as: manager },
    { url: `/people/${agent.id}`, as: requester },
    { url: `/people/${manager.id}`, as: requester },
    { url: "/kudos", as: requester },
    { url: "/notifications", as: requester },
    { url: "/complaints", as: requester },
    { url: "/complaints/new", as: requester },
    { url: cmp, as: requester },
    { url: cmp, as: manager },
    { url: `${cmp}/manage`, as: manager },
    { url: "/complaints/inbox", as: manager },
    { url: "/complaints/themes", as: manager },
    { url: "/feedback", as: requester },
    { url: `/feedback/${feedbackId}`, as: requester },
    { url: `/feedback/${feedbackId}`, as: manager },
    { url: "/feedback/inbox", as: manager },
    { url: `/dashboards/service?${PERIOD}`, as: admin },
    { url: `/dashboards/escalations?${PERIOD}`, as: admin },
    { url: `/dashboards/escalations/complaints?measure=logged&${PERIOD}`, as: admin },
    { url: "/admin/people", as: admin },
    { url: `/admin/people/${manager.id}`, as: admin },
    { url: "/admin/teams", as: admin },
    { url: `/admin/teams/${team.slug}`, as: admin },
    { url: "/admin/complaint-categories", as: admin },
    { url: `/admin/complaint-categories/${categoryId}`, as: admin },
    { url: "/admin/audit", as: admin },
  ];
}

function expectNothingLive(html: string, where: string) {
  expect(liveMarkup(html), `${where} has live markup from user text`).toEqual([]);
}

describe("stored XSS: user text on every page is escaped", () => {
  const shown = new Set<string>();

  test("every page that shows user text renders it inert", { timeout: 120_000 }, async () => {
    for (const page of pages()) {
      const user = page.as;
      const { status, html } = await renderPage(page.url, await cookieOf(user));
      const where = `${page.url} (as ${user.id === admin.id ? "admin" : user.id})`;
      expect(status, `${where} did not render: ${html.slice(0, 300)}`).toBe(200);
      expectNothingLive(html, where);
      for (const field of FIELDS) if (html.includes(escapedMarker(field))) shown.add(field);
    }
  });

  test("the check sees live markup when there is some (and not in escaped text or attribute values)", () => {
    const field = "control";
    expect(liveMarkup(`<p>${payload(field)}</p>`)).toHaveLength(3); // the script, the img's handler, its src
    expect(liveMarkup(`<a href="javascript:alert(1)">x</a><a href=" JaVa\tScRiPt:alert(1)">y</a>`)).toHaveLength(2);
    expect(liveMarkup(`<input value="${payload(field)}">`)).not.toEqual([]);
    const escaped = payload(field)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#x27;");
    expect(liveMarkup(`<p title="${escaped}">${escaped}</p><input value="${escaped}"/>`)).toEqual([]);
  });

  test("every stored field was shown, escaped, on at least one page", () => {
    expect([...FIELDS].filter((field) => !shown.has(field)).sort()).toEqual([]);
  });

  test("a flash message quoting user text is escaped on the next page", async () => {
    const cookie = await cookieOf(member);
    const saved = await callAction(
      queueRoute,
      formRequest(`/teams/${team.slug}/queue`, { intent: "save-view", name: payload("flash").slice(0, 60), query: "" }, { cookie }),
      { slug: team.slug },
    );
    expect(saved.status).toBe(302);
    const flashCookie = saved.headers
      .getSetCookie()
      .map((c) => c.split(";", 1)[0]!)
      .join("; ");
    const { status, html } = await renderPage(saved.headers.get("Location")!, `${cookie}; ${flashCookie}`);
    expect(status).toBe(200);
    expectNothingLive(html, "the queue after saving a view");
    expect(html).toContain(escapedMarker("flash"));
  });

  test("no component or route writes raw HTML (what React would not escape)", () => {
    const files = fs.readdirSync(APP_DIR, { recursive: true, encoding: "utf8" }).filter((f) => /\.(tsx?|jsx?)$/.test(f));
    const raw = files.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML/.test(fs.readFileSync(path.join(APP_DIR, f), "utf8")),
    );
    expect(raw).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** Text a spreadsheet would run: = + - @ first, also after white space, a tab or a line break. */
const FORMULAS = [
  '=HYPERLINK("http://evil.test","x")',
  "+SUM(1,2)",
  "-2+3",
  "@SUM(A1)",
  " =1+1",
  "\t=1+1",
  "  @cmd",
  "\r\n=1+1",
  "\uFF1D1+1",
];

/** A cell a spreadsheet would evaluate: after optional white space, a formula sign (numbers are fine). */
function isLiveFormula(cell: string) {
  if (/^-?\d+(\.\d+)?$/.test(cell)) return false;
  return /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);
}

async function download(url: string, user: User) {
  const { status, html } = await renderPage(url, await cookieOf(user));
  expect(status, `${url}: ${html.slice(0, 200)}`).toBe(200);
  return parse(html, { bom: true, relax_column_count: true }) as string[][];
}

describe("CSV exports defuse formulas", () => {
  let csvTeam: Team;
  let csvTeamMember: User;

  beforeAll(async () => {
    csvTeamMember = await createUser();
    // One team, category, theme, complaint and request per formula: every text column that can start with one.
    for (const [i, formula] of FORMULAS.entries()) {
      const t = await createTeam({ name: `${formula} team ${i}`, slug: `formula-${i}`, acceptsRequests: true });
      if (i === 0) csvTeam = t;
      await addMember(csvTeamMember.id, t.id, "MANAGER");
      const type = await createRequestType(t.id, { name: `${formula} type ${i}` });
      await createRequest({ providerTeamId: t.id, typeId: type.id, title: `${formula} title ${i}`, requesterId: requester.id });
      const category = await createCategory({ ownerTeamId: t.id, name: `${formula} category ${i}` });
      const theme = await prisma.theme.create({ data: { id: crypto.randomUUID(), name: `${formula} theme ${i}` } });
      // Enough complaints for the theme to count as rising (the themes table lists only those).
      for (let n = 0; n < RISING_MINIMUM; n++) {
        const c = await createComplaint({
          categoryId: category.id,
          summary: `${formula} summary ${i}`,
          customerName: `${formula} customer ${i}`,
          customerEmail: `c${i}@customer.test`,
          customerPhone: "+44 20 7946 0958",
          customerReference: `${formula} ref ${i}`,
        });
        await prisma.complaintTheme.create({ data: { complaintId: c.id, themeId: theme.id } });
      }
    }
    // Every team's scorecard requests in one file is not a thing: put every formula title in the first team.
    for (const [i, formula] of FORMULAS.entries()) {
      const type = await createRequestType(csvTeam.id, { name: `${formula} type in first ${i}` });
      await createRequest({ providerTeamId: csvTeam.id, typeId: type.id, title: `${formula} first title ${i}`, requesterId: requester.id });
    }
    await refreshDashboardFigures(new Date());
  });

  const exports = () => [
    { url: `/dashboards/service.csv?${PERIOD}`, as: admin, expect: ["team"] },
    { url: `/dashboards/escalations.csv?table=heat&${PERIOD}`, as: admin, expect: ["team", "category"] },
    { url: `/dashboards/escalations.csv?table=themes&${PERIOD}`, as: admin, expect: ["theme"] },
    // Category names appear here as "Category: <name>" headers: checked for live cells, not for a quote.
    { url: `/dashboards/escalations.csv?table=weekly&stack=category&${PERIOD}`, as: admin, expect: [] },
    { url: `/dashboards/escalations/complaints.csv?measure=logged&${PERIOD}`, as: admin, expect: ["summary", "category", "team"] },
    { url: `/dashboards/escalations/complaints.csv?measure=logged&contact=1&${PERIOD}`, as: admin, expect: ["customer", "ref"] },
    {
      url: `/teams/formula-0/scorecard/requests.csv?measure=volume&part=population&${PERIOD}`,
      as: csvTeamMember,
      expect: ["title", "type"],
    },
  ];

  test("every cell that starts like a formula is prefixed with a single quote", { timeout: 60_000 }, async () => {
    for (const file of exports()) {
      const rows = await download(file.url, file.as);
      const cells = rows.flat();
      const live = cells.filter(isLiveFormula);
      expect(live, `${file.url} has cells a spreadsheet would run`).toEqual([]);
      // The formulas did reach the file (so the check above looked at them), quoted.
      for (const word of file.expect) {
        for (const [i, formula] of FORMULAS.entries()) {
          const wanted = cells.filter((cell) => cell.includes(` ${word} ${i}`) || cell.includes(` ${word} in first ${i}`));
          expect(wanted.length, `${file.url}: no ${word} cell for ${JSON.stringify(formula)}`).toBeGreaterThan(0);
          for (const cell of wanted) expect(cell.startsWith("'"), `${file.url}: ${JSON.stringify(cell)} is not defused`).toBe(true);
        }
      }
    }
  });
});
