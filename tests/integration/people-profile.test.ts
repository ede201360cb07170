// A person's profile at /people/<id>: any signed-in employee sees their name, title, teams and the
// latest 20 kudos they received (hidden ones left out), with a link to thank them; no email or
// account details. Someone no longer active is shown as such and can't be thanked. An unknown id
// is a 404, and signed-out visitors are sent to sign in.
import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import * as profile from "~/routes/people.$id";
import { prisma } from "~/utils/db.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { callLoader, getRequest, readJson, signInAs } from "../support/http";

interface Profile {
  person: {
    id: string;
    name: string;
    title: string;
    active: boolean;
    teams: Array<{ name: string; slug: string; role: string }>;
    kudos: Array<{ id: string; message: string; author: { name: string } }>;
  };
  isMe: boolean;
  mayManage: boolean;
}

let person: User;
let viewer: User;
let cookie: string;
let billing: Team;
let platform: Team;

beforeAll(async () => {
  person = await createUser({ name: "Priya Shah", title: "Billing specialist", email: "priya.shah@example.com" });
  viewer = await createUser({ name: "Victor Viewer" });
  billing = await createTeam({ name: "Billing", slug: "billing" });
  platform = await createTeam({ name: "Platform", slug: "platform" });
  await addMember(person.id, platform.id, "MANAGER");
  await addMember(person.id, billing.id);
  cookie = await signInAs(viewer.id);
});

function insertKudos(recipientUserId: string, message: string, createdAt: Date, hidden = false) {
  return prisma.kudos.create({
    data: {
      id: crypto.randomUUID(),
      authorId: viewer.id,
      recipientUserId,
      message,
      createdAt,
      ...(hidden ? { hiddenAt: new Date(), hiddenById: viewer.id, hiddenReason: "test" } : {}),
    },
  });
}

async function open(id: string, as = cookie) {
  const response = await callLoader(profile, getRequest(`/people/${id}`, { cookie: as }), { id });
  return { response, status: response.status };
}

describe("a person's profile", () => {
  test("shows name, title and teams (with roles), but no email or account details", async () => {
    const { response, status } = await open(person.id);
    expect(status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("priya.shah@example.com");
    const data = JSON.parse(text) as Profile;
    expect(data.person).toMatchObject({ name: "Priya Shah", title: "Billing specialist", active: true });
    expect(data.person.teams).toEqual([
      { name: "Billing", slug: "billing", role: "MEMBER" },
      { name: "Platform", slug: "platform", role: "MANAGER" },
    ]);
    expect(Object.keys(data.person).sort()).toEqual(["active", "id", "kudos", "name", "teams", "title"]);
    expect(data).toMatchObject({ isMe: false, mayManage: false });
  });

  test("lists the latest 20 kudos received, newest first, without hidden ones", async () => {
    const start = Date.now() - 86_400_000;
    for (let i = 0; i < 22; i += 1) await insertKudos(person.id, `Thanks #${i}`, new Date(start + i * 60_000));
    await insertKudos(person.id, "Hidden one", new Date(), true);
    const data = await readJson<Profile>((await open(person.id)).response);
    expect(data.person.kudos.map((k) => k.message)).toEqual(Array.from({ length: 20 }, (_, i) => `Thanks #${21 - i}`));
    expect(data.person.kudos[0]?.author.name).toBe("Victor Viewer");
  });

  test("your own profile says so (the page offers no kudos to yourself)", async () => {
    const data = await readJson<Profile>((await open(viewer.id)).response);
    expect(data.isMe).toBe(true);
    expect(data.person.kudos).toEqual([]);
  });

  test("someone no longer active is shown as such, with the kudos they had", async () => {
    const gone = await createUser({ name: "Gina Gone", active: false });
    await insertKudos(gone.id, "Thanks for everything", new Date());
    const data = await readJson<Profile>((await open(gone.id)).response);
    expect(data.person.active).toBe(false);
    expect(data.person.kudos.map((k) => k.message)).toEqual(["Thanks for everything"]);
  });

  test("an unknown id is a 404; a signed-out visitor is sent to sign in", async () => {
    expect((await open(crypto.randomUUID())).status).toBe(404);
    expect((await open("not-an-id")).status).toBe(404);
    const signedOut = await callLoader(profile, getRequest(`/people/${person.id}`), { id: person.id });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/login/);
  });

  test("an admin gets a link to manage the account", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const data = await readJson<Profile>((await open(person.id, await signInAs(admin.id))).response);
    expect(data.mayManage).toBe(true);
  });
});
