// The home page: what a person sees first each working day.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createRequest } from "~/models/request-create.server";
import * as home from "~/routes/_index";
import { addMember, createTeam, createUser } from "../support/factories";
import { callLoader, getRequest, readJson, signInAs } from "../support/http";

interface HomeData {
  name: string;
  myOpen: Array<{ number: number; title: string; status: string }>;
  queues: Array<{ slug: string; open: number; new: number; unassigned: number }>;
  assignedToMe: number;
  notifications: Array<{ title: string; readAt: string | null }>;
}

async function providerTeamWithType() {
  const team = await createTeam({ acceptsRequests: true });
  const type = await prisma.requestType.create({
    data: { id: crypto.randomUUID(), teamId: team.id, name: "Laptop", firstResponseTargetMinutes: 60, resolutionTargetMinutes: 600 },
  });
  return { team, type };
}

async function homeFor(userId: string) {
  const response = await callLoader(home, getRequest("/", { cookie: await signInAs(userId) }));
  expect(response.status).toBe(200);
  return readJson<HomeData>(response);
}

describe("home page", () => {
  it("shows my open requests, my team's queue counts and the notification my team got", async () => {
    const { team, type } = await providerTeamWithType();
    const requester = await createUser({ name: "Rita Requester" });
    const provider = await createUser({ name: "Paul Provider" });
    await addMember(provider.id, team.id);
    const { number } = await createRequest(requester, {
      formToken: crypto.randomUUID(),
      providerTeamId: team.id,
      typeId: type.id,
      title: "Need a laptop",
      body: "Mine broke.",
    });

    const mine = await homeFor(requester.id);
    expect(mine.name).toBe("Rita Requester");
    expect(mine.myOpen).toEqual([expect.objectContaining({ number, title: "Need a laptop", status: "NEW" })]);
    expect(mine.queues).toEqual([]);

    const theirs = await homeFor(provider.id);
    expect(theirs.myOpen).toEqual([]);
    expect(theirs.queues).toEqual([expect.objectContaining({ slug: team.slug, open: 1, new: 1, unassigned: 1 })]);
    expect(theirs.assignedToMe).toBe(0);
    expect(theirs.notifications[0]).toMatchObject({ title: expect.stringContaining("Need a laptop"), readAt: null });
  });

  it("does not show closed or cancelled requests as open", async () => {
    const { team, type } = await providerTeamWithType();
    const requester = await createUser();
    const { number } = await createRequest(requester, {
      formToken: crypto.randomUUID(),
      providerTeamId: team.id,
      typeId: type.id,
      title: "Old thing",
      body: "Done long ago.",
    });
    await prisma.request.update({ where: { number }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect((await homeFor(requester.id)).myOpen).toEqual([]);
  });

  it("sends someone who is not signed in to the sign-in page", async () => {
    const response = await callLoader(home, getRequest("/"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });
});
