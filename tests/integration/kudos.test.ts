// Kudos: any employee thanks a person or a team, optionally about a request they can see. The
// recipient (or every member of the team) is notified; the wall lists kudos newest first, a page
// at a time, filtered by team (the team and its people); self-kudos, inactive people, unknown
// teams, other teams' requests and bad messages are refused with nothing saved; a double submit
// sends one; managers of the recipient's teams (and above) and admins may hide one, audited, and
// it disappears everywhere; anyone else asking to hide gets 404.
import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import * as kudosNew from "~/routes/kudos.new";
import * as wall from "~/routes/kudos._index";
import * as teamPage from "~/routes/teams.$slug";
import * as profile from "~/routes/people.$id";
import { prisma } from "~/utils/db.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createRequest, createTeam, createUser } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";

interface Entry {
  id: string;
  message: string;
  author: { id: string; name: string };
  recipient: { kind: "person" | "team"; id: string; name: string; slug?: string };
  requestNumber: number | null;
  mayHide: boolean;
}
interface WallPage {
  kudos: Entry[];
  isFirstPage: boolean;
  olderQuery: string | null;
  team: { slug: string } | null;
  notices: string[];
}
type FormPage =
  | { step: 1; notices: string[]; people: Array<{ id: string; name: string }>; suggestions: Array<{ kind: string; key: string }> }
  | {
      step: 2;
      notices: string[];
      recipient: { kind: string; id: string; name: string };
      about: { number: number } | null;
      formToken: string;
    };

let support: Team; // Customer Support, below Operations
let operations: Team;
let sales: Team; // the author's team
let author: User;
let alice: User; // Support member
let bob: User; // Support member
let supportManager: User;
let opsManager: User; // manages Operations, so Support too
let salesManager: User;
let carol: User; // Sales member
let ghost: User; // deactivated
let admin: User;
const cookies = new Map<string, string>();

async function as(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await signInAs(user.id));
  return cookies.get(user.id)!;
}

beforeAll(async () => {
  operations = await createTeam({ name: "Operations", slug: "operations" });
  support = await createTeam({ name: "Customer Support", slug: "customer-support", parentId: operations.id, acceptsRequests: true });
  sales = await createTeam({ name: "Sales", slug: "sales" });
  author = await createUser({ name: "Dan Author" });
  alice = await createUser({ name: "Alice Helper", title: "Support agent" });
  bob = await createUser({ name: "Bob Helper" });
  supportManager = await createUser({ name: "Sue Manager" });
  opsManager = await createUser({ name: "Olga Ops" });
  salesManager = await createUser({ name: "Sam Sales" });
  carol = await createUser({ name: "Carol Seller" });
  ghost = await createUser({ name: "Gus Gone", active: false });
  admin = await createUser({ name: "Ada Admin", role: "ADMIN" });
  await addMember(author.id, sales.id);
  await addMember(carol.id, sales.id);
  await addMember(salesManager.id, sales.id, "MANAGER");
  await addMember(alice.id, support.id);
  await addMember(bob.id, support.id);
  await addMember(ghost.id, support.id);
  await addMember(supportManager.id, support.id, "MANAGER");
  await addMember(opsManager.id, operations.id, "MANAGER");
});

const token = () => crypto.randomBytes(12).toString("base64url");

async function openForm(query: string, user = author) {
  const response = await callLoader(kudosNew, getRequest(`/kudos/new${query}`, { cookie: await as(user) }));
  return { status: response.status, page: await readJson<FormPage>(response) };
}

function send(fields: Record<string, string>, user = author) {
  return as(user).then((cookie) =>
    callAction(kudosNew, formRequest("/kudos/new", { formToken: token(), message: "Thank you for your help!", ...fields }, { cookie })),
  );
}

async function openWall(query = "", user = author) {
  const response = await callLoader(wall, getRequest(`/kudos${query}`, { cookie: await as(user) }));
  expect(response.status).toBe(200);
  return readJson<WallPage>(response);
}

async function hide(kudosId: string, reason: string, user: User, query = "") {
  return callAction(wall, formRequest(`/kudos?index${query}`, { intent: "hide", id: kudosId, reason }, { cookie: await as(user) }));
}

/** A kudos written straight to the database, for the lists and hiding. */
function insertKudos(fields: { to: User | Team; message?: string; createdAt?: Date; authorId?: string }) {
  const toTeam = "slug" in fields.to;
  return prisma.kudos.create({
    data: {
      id: crypto.randomUUID(),
      authorId: fields.authorId ?? author.id,
      recipientUserId: toTeam ? null : fields.to.id,
      recipientTeamId: toTeam ? fields.to.id : null,
      message: fields.message ?? `Thanks ${crypto.randomBytes(3).toString("hex")}`,
      createdAt: fields.createdAt ?? new Date(),
    },
  });
}

const kudosCount = () => prisma.kudos.count();

describe("sending kudos", () => {
  test("the form for a person: step 2 with a form token; sending it thanks them, notifies them and flashes", async () => {
    const { status, page } = await openForm(`?person=${alice.id}`);
    expect(status).toBe(200);
    if (page.step !== 2) throw new Error("expected the message step");
    expect(page.recipient).toMatchObject({ kind: "person", id: alice.id, name: "Alice Helper" });

    const response = await send({
      formToken: page.formToken,
      recipientType: "person",
      recipientId: alice.id,
      message: "  You saved my demo.  ",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/kudos");
    expect(await flashOf(response)).toEqual({ kind: "success", message: "Your kudos to Alice Helper is on the wall." });

    const kudos = await prisma.kudos.findFirstOrThrow({ where: { recipientUserId: alice.id, authorId: author.id } });
    expect(kudos).toMatchObject({ message: "You saved my demo.", recipientTeamId: null, requestId: null, hiddenAt: null });
    const notes = await prisma.notification.findMany({ where: { kind: "KUDOS_RECEIVED", link: { contains: kudos.id } } });
    expect(notes.map((n) => [n.userId, n.title, n.body, n.link])).toEqual([
      [alice.id, "Dan Author sent you kudos", "You saved my demo.", `/people/${alice.id}#kudos-${kudos.id}`],
    ]);
  });

  test("kudos to a team notify each active member and manager, linking to the team's kudos", async () => {
    const response = await send({ recipientType: "team", recipientId: support.id, message: "Great week, team." });
    expect(response.status).toBe(302);
    const kudos = await prisma.kudos.findFirstOrThrow({ where: { recipientTeamId: support.id, message: "Great week, team." } });
    const notes = await prisma.notification.findMany({ where: { link: { contains: kudos.id } } });
    expect(new Set(notes.map((n) => n.userId))).toEqual(new Set([alice.id, bob.id, supportManager.id]));
    expect(notes[0]).toMatchObject({
      title: "Dan Author sent Customer Support kudos",
      link: `/kudos?team=customer-support#kudos-${kudos.id}`,
    });
  });

  test("a person may thank their own team; they are not notified of their own kudos", async () => {
    const response = await send({ recipientType: "team", recipientId: sales.id, message: "Proud of us." });
    expect(response.status).toBe(302);
    const kudos = await prisma.kudos.findFirstOrThrow({ where: { recipientTeamId: sales.id, message: "Proud of us." } });
    const notified = (await prisma.notification.findMany({ where: { link: { contains: kudos.id } } })).map((n) => n.userId);
    expect(new Set(notified)).toEqual(new Set([carol.id, salesManager.id]));
  });

  test("the same form sent twice sends one kudos and one notification", async () => {
    const formToken = token();
    const fields = { formToken, recipientType: "person", recipientId: bob.id, message: "Double thanks?" };
    const first = await send(fields);
    const second = await send(fields);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(await flashOf(second)).toEqual({ kind: "success", message: "Your kudos to Bob Helper is on the wall." });
    expect(await prisma.kudos.count({ where: { message: "Double thanks?" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: bob.id, body: "Double thanks?" } })).toBe(1);
  });

  test("form fields the form doesn't offer, such as authorId, are ignored", async () => {
    await send({ recipientType: "person", recipientId: alice.id, message: "Signed by me", authorId: carol.id });
    expect((await prisma.kudos.findFirstOrThrow({ where: { message: "Signed by me" } })).authorId).toBe(author.id);
  });
});

describe("refused kudos: a clear message and nothing saved", () => {
  test("thanking yourself", async () => {
    const before = await kudosCount();
    const response = await send({ recipientType: "person", recipientId: author.id });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "recipientId")).toEqual(["You can't send kudos to yourself. Thank someone who helped you."]);
    expect(await kudosCount()).toBe(before);

    const { status, page } = await openForm(`?person=${author.id}`);
    expect([status, page.step, page.notices]).toEqual([400, 1, ["You can't send kudos to yourself. Thank someone who helped you."]]);
  });

  test("an inactive person, who also isn't offered in the search", async () => {
    const before = await kudosCount();
    const response = await send({ recipientType: "person", recipientId: ghost.id });
    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "recipientId")).toEqual(["Gus Gone is no longer active, so they can't receive kudos."]);
    expect(await kudosCount()).toBe(before);
    expect(await prisma.notification.count({ where: { userId: ghost.id } })).toBe(0);

    const { page } = await openForm(`?person=${ghost.id}`);
    expect(page.step === 1 && page.notices).toEqual(["Gus Gone is no longer active, so they can't receive kudos."]);
    const search = await openForm("?q=helper");
    expect(search.page.step === 1 && search.page.people.map((p) => p.name)).toEqual(["Alice Helper", "Bob Helper"]);
    const gone = await openForm("?q=gus");
    expect(gone.page.step === 1 && gone.page.people).toEqual([]);
  });

  test("an unknown team or person", async () => {
    const before = await kudosCount();
    const team = await send({ recipientType: "team", recipientId: "no-such-team" });
    expect(await fieldErrors(team, "recipientId")).toEqual(["We couldn't find that team. Choose one from the list."]);
    const person = await send({ recipientType: "person", recipientId: crypto.randomUUID() });
    expect(person.status).toBe(400);
    expect(await kudosCount()).toBe(before);

    const { status, page } = await openForm("?team=no-such-team");
    expect([status, page.step]).toEqual([404, 1]);
  });

  test("a message that is empty or longer than 500 characters, with what was typed kept", async () => {
    const before = await kudosCount();
    const empty = await send({ recipientType: "person", recipientId: alice.id, message: "   " });
    expect(empty.status).toBe(400);
    expect(await fieldErrors(empty, "message")).toEqual(["Say what you're thanking them for."]);
    const long = "x".repeat(501);
    const tooLong = await send({ recipientType: "person", recipientId: alice.id, message: long });
    const reply = await formReply(tooLong);
    expect(reply.error?.message).toEqual(["Keep the message to 500 characters or fewer."]);
    expect(reply.initialValue?.message).toBe(long);
    expect(await kudosCount()).toBe(before);

    expect((await send({ recipientType: "person", recipientId: alice.id, message: "y".repeat(500) })).status).toBe(302);
  });
});

describe("kudos about a request", () => {
  test("a request the author can see is tied to the kudos, shown on the wall by number only", async () => {
    const request = await createRequest({
      requesterId: author.id,
      providerTeamId: support.id,
      title: "Secret migration plan",
      assigneeId: alice.id,
    });
    const ref = `REQ-${request.number}`;
    const { page } = await openForm(`?request=${ref}`);
    if (page.step !== 1) throw new Error("expected the recipient step");
    expect(page.suggestions).toEqual([
      { kind: "team", key: "customer-support", name: "Customer Support" },
      { kind: "person", key: alice.id, name: "Alice Helper" },
    ]);
    const form = await openForm(`?team=customer-support&request=${ref}`);
    expect(form.page.step === 2 && form.page.about).toEqual({ number: request.number });

    const response = await send({ recipientType: "team", recipientId: support.id, request: ref, message: "Smooth migration" });
    expect(response.status).toBe(302);
    const kudos = await prisma.kudos.findFirstOrThrow({ where: { message: "Smooth migration" } });
    expect(kudos.requestId).toBe(request.id);

    const response2 = await callLoader(wall, getRequest("/kudos", { cookie: await as(carol) }));
    const text = await response2.text();
    expect(text).not.toContain("Secret migration plan");
    const entry = (JSON.parse(text) as WallPage).kudos.find((k) => k.id === kudos.id);
    expect(entry?.requestNumber).toBe(request.number);
  });

  test("a request the author can't see is refused exactly like one that doesn't exist", async () => {
    const hidden = await createRequest({ providerTeamId: support.id });
    const before = await kudosCount();
    const invisible = await send({ recipientType: "person", recipientId: alice.id, request: `REQ-${hidden.number}` });
    const missing = await send({ recipientType: "person", recipientId: alice.id, request: "REQ-999999" });
    expect([invisible.status, missing.status]).toEqual([400, 400]);
    expect(await fieldErrors(invisible, "request")).toEqual([`We couldn't find REQ-${hidden.number}, so the kudos can't be about it.`]);
    expect(await fieldErrors(missing, "request")).toEqual(["We couldn't find REQ-999999, so the kudos can't be about it."]);
    expect(await kudosCount()).toBe(before);

    const page = await openForm(`?person=${alice.id}&request=REQ-${hidden.number}`);
    expect(page.status).toBe(404);
    expect(page.page.step === 2 && page.page.about).toBeNull();
  });
});

describe("the wall", () => {
  test("filtered by team: kudos to the team and to its current members, not others", async () => {
    const toTeam = await insertKudos({ to: support });
    const toMember = await insertKudos({ to: bob });
    const toOther = await insertKudos({ to: carol });
    const ids = (await openWall("?team=customer-support")).kudos.map((k) => k.id);
    expect(ids).toEqual(expect.arrayContaining([toTeam.id, toMember.id]));
    expect(ids).not.toContain(toOther.id);
    expect((await openWall()).kudos.map((k) => k.id)).toEqual(expect.arrayContaining([toTeam.id, toMember.id, toOther.id]));

    const unknown = await openWall("?team=nope");
    expect(unknown.team).toBeNull();
    expect(unknown.notices).toEqual(["We couldn't find that team, so this shows everyone's kudos."]);
  });

  test("newest first, 25 a page, with an 'Older kudos' link that neither skips nor repeats", async () => {
    const team = await createTeam({ name: "Paging", slug: "paging" });
    const paged = await createUser({ name: "Pat Paged" });
    await addMember(paged.id, team.id);
    const start = Date.now() - 3_600_000;
    const written = [];
    // Pairs share a timestamp, so the id breaks ties.
    for (let i = 0; i < 30; i += 1)
      written.push(await insertKudos({ to: i % 2 ? team : paged, createdAt: new Date(start + Math.floor(i / 2) * 1000) }));
    const first = await openWall("?team=paging");
    expect(first.kudos).toHaveLength(25);
    expect(first.olderQuery).toMatch(/team=paging/);
    const second = await openWall(`?${first.olderQuery}`);
    expect(second.isFirstPage).toBe(false);
    expect(second.olderQuery).toBeNull();
    const seen = [...first.kudos, ...second.kudos].map((k) => k.id);
    expect(new Set(seen).size).toBe(30);
    expect(new Set(seen)).toEqual(new Set(written.map((k) => k.id)));
    const newestFirst = [...written].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1));
    expect(seen).toEqual(newestFirst.map((k) => k.id));
  });

  test("the team page shows the latest 5 kudos to the team or its people, and links members to their profiles", async () => {
    const response = await callLoader(teamPage, getRequest("/teams/customer-support", { cookie: await as(carol) }), {
      slug: "customer-support",
    });
    const data = await readJson<{ kudos: Entry[]; members: Array<{ id: string }> }>(response);
    expect(data.kudos.length).toBe(5);
    expect(data.kudos.every((k) => k.recipient.id === support.id || [alice.id, bob.id].includes(k.recipient.id))).toBe(true);
  });
});

describe("hiding a kudos", () => {
  test("the manager of a team the person belongs to hides it with a reason: audited, and gone everywhere", async () => {
    const kudos = await insertKudos({ to: alice, message: "Something inappropriate" });
    expect((await openWall("", supportManager)).kudos.find((k) => k.id === kudos.id)?.mayHide).toBe(true);
    expect((await openWall("", carol)).kudos.find((k) => k.id === kudos.id)?.mayHide).toBe(false);

    const response = await hide(kudos.id, "Not appropriate for the wall", supportManager, "&team=customer-support");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/kudos?team=customer-support");
    expect(await flashOf(response)).toEqual({ kind: "success", message: "The kudos is hidden. Nobody sees it any more." });
    const row = await prisma.kudos.findUniqueOrThrow({ where: { id: kudos.id } });
    expect(row).toMatchObject({ hiddenById: supportManager.id, hiddenReason: "Not appropriate for the wall" });
    expect(row.hiddenAt).not.toBeNull();
    const audits = await prisma.auditLog.findMany({ where: { targetId: kudos.id } });
    expect(audits.map((a) => [a.action, a.actorId, a.targetType, a.details])).toEqual([
      ["kudos.hidden", supportManager.id, "kudos", { reason: "Not appropriate for the wall" }],
    ]);

    for (const user of [author, admin, alice]) expect((await openWall("", user)).kudos.map((k) => k.id)).not.toContain(kudos.id);
    const person = await readJson<{ person: { kudos: Entry[] } }>(
      await callLoader(profile, getRequest(`/people/${alice.id}`, { cookie: await as(carol) }), { id: alice.id }),
    );
    expect(person.person.kudos.map((k) => k.id)).not.toContain(kudos.id);
    const team = await readJson<{ kudos: Entry[] }>(
      await callLoader(teamPage, getRequest("/teams/customer-support", { cookie: await as(carol) }), { slug: "customer-support" }),
    );
    expect(team.kudos.map((k) => k.id)).not.toContain(kudos.id);

    const again = await hide(kudos.id, "Twice", opsManager);
    expect(await flashOf(again)).toEqual({ kind: "info", message: "Someone had already hidden that kudos." });
    expect(await prisma.auditLog.count({ where: { targetId: kudos.id } })).toBe(1);
  });

  test("a manager above the thanked team, and an admin, may hide too", async () => {
    const toTeam = await insertKudos({ to: support });
    expect((await hide(toTeam.id, "Off topic", opsManager)).status).toBe(302);
    const toSeller = await insertKudos({ to: carol });
    expect((await hide(toSeller.id, "Off topic", admin)).status).toBe(302);
    expect(await prisma.kudos.count({ where: { id: { in: [toTeam.id, toSeller.id] }, hiddenAt: { not: null } } })).toBe(2);
  });

  test("a reason is required: the message beside the field, nothing hidden", async () => {
    const kudos = await insertKudos({ to: bob });
    const response = await hide(kudos.id, "  ", supportManager);
    expect(response.status).toBe(400);
    expect(await readJson(response)).toEqual({
      hide: { id: kudos.id, reason: "  ", errors: ["Say why you're hiding it; the reason goes in the audit log."] },
    });
    const tooLong = await hide(kudos.id, "r".repeat(201), supportManager);
    expect(tooLong.status).toBe(400);
    expect((await prisma.kudos.findUniqueOrThrow({ where: { id: kudos.id } })).hiddenAt).toBeNull();
  });

  test("anyone else gets 404 and nothing changes: the author, a colleague, another team's manager, the recipient", async () => {
    const kudos = await insertKudos({ to: alice, authorId: carol.id });
    for (const user of [carol, bob, salesManager, alice]) {
      expect((await hide(kudos.id, "I don't like it", user)).status).toBe(404);
      expect((await hide(kudos.id, "", user)).status).toBe(404);
    }
    expect((await hide(crypto.randomUUID(), "No such kudos", admin)).status).toBe(404);
    expect((await prisma.kudos.findUniqueOrThrow({ where: { id: kudos.id } })).hiddenAt).toBeNull();
    expect(await prisma.auditLog.count({ where: { targetId: kudos.id } })).toBe(0);
  });
});
