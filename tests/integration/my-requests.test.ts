// "My requests" (/requests): what I raised, whatever team it went to; what was raised for my
// teams; never anyone else's. Filtered by status, in keyset pages, each row linking to the request.
import { beforeAll, describe, expect, test } from "vitest";
import * as myRequests from "~/routes/requests._index";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { insertRequest, insertRequests, insertRequestType } from "../support/request-factories";
import { callLoader, getRequest, readJson, signInAs } from "../support/http";

interface Row {
  id: string;
  number: number;
  title: string;
  status: string;
  requesterName: string;
  providerTeamName: string;
  requestingTeamName: string | null;
}

interface Data {
  rows: Row[];
  notices: string[];
  hasTeams: boolean;
  filters: { tab: string; statuses: string[] };
  pages: { next: string | null; prev: string | null; first: string | null };
}

async function load(cookie: string, query = ""): Promise<Data> {
  const response = await callLoader(myRequests, getRequest(`/requests${query ? `?${query}` : ""}`, { cookie }));
  expect(response.status).toBe(200);
  return readJson<Data>(response);
}

const titles = (data: Data) => data.rows.map((r) => r.title).sort();
const DAY = 86_400_000;

let me: User;
let colleague: User;
let stranger: User;
let myTeam: Team;
let cookie: string;

beforeAll(async () => {
  myTeam = await createTeam({ name: "Marketing" });
  const strangersTeam = await createTeam({ name: "Sales" });
  const it = await createTeam({ name: "IT", acceptsRequests: true });
  const facilities = await createTeam({ name: "Facilities", acceptsRequests: true });
  [me, colleague, stranger] = await Promise.all([
    createUser({ name: "Me Myself" }),
    createUser({ name: "Colin Colleague" }),
    createUser({ name: "Stan Stranger" }),
  ]);
  await addMember(me.id, myTeam.id);
  await addMember(colleague.id, myTeam.id);
  await addMember(stranger.id, strangersTeam.id);
  cookie = await signInAs(me.id);
  const itType = await insertRequestType(it.id);
  const facilitiesType = await insertRequestType(facilities.id);
  const at = (days: number) => new Date(Date.now() - days * DAY);

  await insertRequest({
    providerTeamId: it.id,
    typeId: itType.id,
    requesterId: me.id,
    requestingTeamId: myTeam.id,
    title: "My laptop",
    createdAt: at(1),
  });
  await insertRequest({
    providerTeamId: facilities.id,
    typeId: facilitiesType.id,
    requesterId: me.id,
    title: "My desk (no team)",
    createdAt: at(2),
  });
  await insertRequest({
    providerTeamId: it.id,
    typeId: itType.id,
    requesterId: me.id,
    requestingTeamId: myTeam.id,
    title: "My old request",
    status: "CLOSED",
    createdAt: at(30),
  });
  await insertRequest({
    providerTeamId: facilities.id,
    typeId: facilitiesType.id,
    requesterId: colleague.id,
    requestingTeamId: myTeam.id,
    title: "Colleague's chair",
    createdAt: at(3),
  });
  await insertRequest({
    providerTeamId: it.id,
    typeId: itType.id,
    requesterId: colleague.id,
    title: "Colleague's private ask",
    createdAt: at(4),
  });
  await insertRequest({
    providerTeamId: it.id,
    typeId: itType.id,
    requesterId: stranger.id,
    requestingTeamId: strangersTeam.id,
    title: "Stranger's request",
    createdAt: at(1),
  });
});

describe("raised by me", () => {
  test("the default list: my open requests, to any team, with or without a requesting team", async () => {
    const data = await load(cookie);
    expect(data.filters.tab).toBe("raised");
    expect(data.rows.map((r) => r.title)).toEqual(["My laptop", "My desk (no team)"]);
    expect(data.rows[0]).toMatchObject({ providerTeamName: "IT", requestingTeamName: "Marketing", requesterName: "Me Myself" });
  });

  test("status filter", async () => {
    expect(titles(await load(cookie, "status=CLOSED"))).toEqual(["My old request"]);
    expect(titles(await load(cookie, "status=all"))).toEqual(["My desk (no team)", "My laptop", "My old request"]);
  });
});

describe("my teams' requests", () => {
  test("everything raised for my team, by me or a teammate; nothing else", async () => {
    const data = await load(cookie, "tab=team&status=all");
    expect(titles(data)).toEqual(["Colleague's chair", "My laptop", "My old request"]);
    expect(data.rows.find((r) => r.title === "Colleague's chair")).toMatchObject({
      requesterName: "Colin Colleague",
      requestingTeamName: "Marketing",
    });
  });

  test("a colleague's request raised without our team stays theirs; strangers' requests never show", async () => {
    const seen = [...(await load(cookie, "status=all")).rows, ...(await load(cookie, "tab=team&status=all")).rows].map((r) => r.title);
    expect(seen).not.toContain("Colleague's private ask");
    expect(seen).not.toContain("Stranger's request");
  });

  test("someone on no team is told so", async () => {
    const loner = await createUser();
    const data = await load(await signInAs(loner.id), "tab=team");
    expect(data.hasTeams).toBe(false);
    expect(data.rows).toEqual([]);
  });
});

describe("pages and bad input", () => {
  test("keyset pages: every request once, newest first", async () => {
    const prolific = await createUser();
    const team = await createTeam({ acceptsRequests: true });
    const type = await insertRequestType(team.id);
    const start = Date.now() - 10 * DAY;
    await insertRequests(30, (i) => ({
      providerTeamId: team.id,
      typeId: type.id,
      requesterId: prolific.id,
      createdAt: new Date(start + Math.floor(i / 3) * 60_000),
    }));
    const prolificCookie = await signInAs(prolific.id);
    const first = await load(prolificCookie);
    expect(first.rows).toHaveLength(25);
    const second = await load(prolificCookie, new URL(first.pages.next!, "http://localhost").search.slice(1));
    expect(second.rows).toHaveLength(5);
    expect(second.pages.next).toBeNull();
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(30);
    const back = await load(prolificCookie, new URL(second.pages.prev!, "http://localhost").search.slice(1));
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });

  test("unknown tab, status or cursor: ignored with a notice", async () => {
    const data = await load(cookie, "tab=everyone&status=LOST&after=%27%20OR%201%3D1");
    expect(data.rows.map((r) => r.title)).toEqual(["My laptop", "My desk (no team)"]);
    expect(data.notices).toHaveLength(3);
  });

  test("signed out: sent to sign in", async () => {
    const response = await callLoader(myRequests, getRequest("/requests"));
    expect(response.status).toBe(302);
  });
});
