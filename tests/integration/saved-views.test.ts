// Saved views on the team queue: save the filters shown, apply, delete; a clear error for a name
// already used; each person's views are their own.
import { beforeAll, describe, expect, test } from "vitest";
import * as queueRoute from "~/routes/teams.$slug_.queue";
import { prisma } from "~/utils/db.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { insertRequest, insertRequestType } from "../support/request-factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";

interface View {
  id: string;
  name: string;
  query: string;
}

let team: Team;
let otherTeam: Team;
let alice: User;
let bob: User;
let outsider: User;
let aliceCookie: string;
let bobCookie: string;

const queuePath = () => `/teams/${team.slug}/queue`;

function post(cookie: string, fields: Record<string, string>, slug = team.slug) {
  return callAction(queueRoute, formRequest(`/teams/${slug}/queue`, fields, { cookie }), { slug });
}

async function viewsOf(cookie: string, slug = team.slug) {
  const response = await callLoader(queueRoute, getRequest(`/teams/${slug}/queue`, { cookie }), { slug });
  expect(response.status).toBe(200);
  return (await readJson<{ views: View[] }>(response)).views;
}

beforeAll(async () => {
  team = await createTeam({ name: "Payroll", acceptsRequests: true });
  otherTeam = await createTeam({ name: "Legal", acceptsRequests: true });
  [alice, bob, outsider] = await Promise.all([createUser({ name: "Alice" }), createUser({ name: "Bob" }), createUser({ name: "Oscar" })]);
  await addMember(alice.id, team.id);
  await addMember(bob.id, team.id);
  await addMember(alice.id, otherTeam.id);
  aliceCookie = await signInAs(alice.id);
  bobCookie = await signInAs(bob.id);
  const type = await insertRequestType(team.id);
  await insertRequest({
    providerTeamId: team.id,
    typeId: type.id,
    requesterId: outsider.id,
    title: "Urgent payslip fix",
    priority: "URGENT",
  });
  await insertRequest({ providerTeamId: team.id, typeId: type.id, requesterId: outsider.id, title: "Routine question" });
});

describe("saving", () => {
  test("saves the filters shown under a name, and goes to them with a message", async () => {
    const response = await post(aliceCookie, {
      intent: "save-view",
      name: "  Urgent unassigned ",
      query: "assignee=unassigned&priority=URGENT&after=xyz",
    });
    expect(response.status).toBe(302);
    // The page position is not part of a view; the filters are stored canonically.
    expect(response.headers.get("Location")).toBe(`${queuePath()}?assignee=unassigned&priority=URGENT`);
    expect(await flashOf(response)).toEqual({ kind: "success", message: "Saved the view “Urgent unassigned”." });
    const views = await viewsOf(aliceCookie);
    expect(views).toEqual([expect.objectContaining({ name: "Urgent unassigned", query: "assignee=unassigned&priority=URGENT" })]);
  });

  test("applying a view is following its link: the filters take effect", async () => {
    const [view] = await viewsOf(aliceCookie);
    const response = await callLoader(queueRoute, getRequest(`${queuePath()}?${view!.query}`, { cookie: aliceCookie }), {
      slug: team.slug,
    });
    const data = await readJson<{ rows: Array<{ title: string }>; currentQuery: string }>(response);
    expect(data.rows.map((r) => r.title)).toEqual(["Urgent payslip fix"]);
    expect(data.currentQuery).toBe(view!.query);
  });

  test("the same name again (any case) is refused beside the name, keeping what was typed", async () => {
    const response = await post(aliceCookie, { intent: "save-view", name: "urgent UNASSIGNED", query: "status=all" });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response.clone(), "name")).toEqual([
      "You already have a view called “Urgent unassigned”. Choose another name, or delete that view first.",
    ]);
    expect((await formReply(response)).initialValue).toMatchObject({ name: "urgent UNASSIGNED" });
    expect(await viewsOf(aliceCookie)).toHaveLength(1);
  });

  test("the same name is fine for another person, and for another team", async () => {
    expect((await post(bobCookie, { intent: "save-view", name: "Urgent unassigned", query: "" })).status).toBe(302);
    const legal = await post(aliceCookie, { intent: "save-view", name: "Urgent unassigned", query: "" }, otherTeam.slug);
    expect(legal.status).toBe(302);
    expect(legal.headers.get("Location")).toBe(`/teams/${otherTeam.slug}/queue`);
  });

  test("a missing or over-long name gets a clear message", async () => {
    expect(await fieldErrors(await post(aliceCookie, { intent: "save-view", name: "   ", query: "" }), "name")).toEqual([
      "Name the view, e.g. “Urgent and unassigned”.",
    ]);
    expect(await fieldErrors(await post(aliceCookie, { intent: "save-view", name: "x".repeat(61), query: "" }), "name")).toEqual([
      "Keep the name under 60 characters.",
    ]);
  });

  test("garbage in the saved query is cleaned, not stored", async () => {
    const response = await post(aliceCookie, { intent: "save-view", name: "Odd", query: "status=NOPE&sort=%27;drop&q=%20hello%20" });
    expect(response.status).toBe(302);
    const view = (await viewsOf(aliceCookie)).find((v) => v.name === "Odd");
    expect(view?.query).toBe("q=hello");
  });
});

describe("privacy", () => {
  test("each person sees only their own views", async () => {
    expect((await viewsOf(aliceCookie)).map((v) => v.name)).toEqual(["Odd", "Urgent unassigned"]);
    const bobs = await viewsOf(bobCookie);
    expect(bobs).toHaveLength(1);
    expect(bobs[0]!.query).toBe("");
    expect((await viewsOf(aliceCookie, otherTeam.slug)).map((v) => v.name)).toEqual(["Urgent unassigned"]);
  });

  test("nobody can delete another person's view: 404, and it stays", async () => {
    const [alicesView] = await viewsOf(aliceCookie);
    const response = await post(bobCookie, { intent: "delete-view", viewId: alicesView!.id });
    expect(response.status).toBe(404);
    expect(await prisma.savedView.count({ where: { id: alicesView!.id } })).toBe(1);
  });

  test("someone outside the team can neither save nor delete there", async () => {
    const cookie = await signInAs(outsider.id);
    const [alicesView] = await viewsOf(aliceCookie);
    expect((await post(cookie, { intent: "save-view", name: "Mine", query: "" })).status).toBe(404);
    expect((await post(cookie, { intent: "delete-view", viewId: alicesView!.id })).status).toBe(404);
    expect(await prisma.savedView.count({ where: { userId: outsider.id } })).toBe(0);
  });

  test("an unknown action is a 400, not a crash", async () => {
    expect((await post(aliceCookie, { intent: "drop-everything" })).status).toBe(400);
  });
});

describe("deleting", () => {
  test("the owner deletes a view and stays on the filters they had", async () => {
    const view = (await viewsOf(aliceCookie)).find((v) => v.name === "Odd")!;
    const response = await post(aliceCookie, { intent: "delete-view", viewId: view.id, query: "status=all" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${queuePath()}?status=all`);
    expect(await flashOf(response)).toEqual({ kind: "success", message: "Deleted the view “Odd”." });
    expect((await viewsOf(aliceCookie)).map((v) => v.name)).toEqual(["Urgent unassigned"]);
    // Deleting it again: it's gone.
    expect((await post(aliceCookie, { intent: "delete-view", viewId: view.id })).status).toBe(404);
  });
});
