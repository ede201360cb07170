// Writes the demo organisation into an empty database, in one transaction.
import crypto from "node:crypto";
import type { Tx } from "~/utils/db.server";
import { hashPassword } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { slugify } from "~/validation/teams";
import { DEMO_PASSWORD, demoEmail, demoPeople, demoTeams } from "./demo-organisation";
import { buildDemoKudos } from "./demo-kudos";
import { buildDemoRatings } from "./demo-ratings";
import { buildDemoNotifications, buildDemoRequests, type DemoOrg } from "./demo-requests";

// Everything goes in with a few bulk inserts, so the first start stays quick. Recovery cases fall
// due in working days of the organisation's time zone, as the app computes them.
export async function seedDemoOrganisation(tx: Tx, now = new Date(), timeZone = env().UPSTREAM_TIME_ZONE) {
  const teamIds = new Map(demoTeams.map((team) => [team.key, crypto.randomUUID()]));
  // Parents come before their children in demoTeams; PostgreSQL checks the references at the end
  // of the statement anyway.
  await tx.team.createMany({
    data: demoTeams.map((team) => ({
      id: teamIds.get(team.key)!,
      name: team.name,
      slug: slugify(team.name),
      description: team.description,
      acceptsRequests: team.acceptsRequests,
      parentId: team.parent ? teamIds.get(team.parent)! : null,
    })),
  });
  // One hash for all demo accounts: hashing is deliberately slow, and they share the password.
  const hash = await hashPassword(DEMO_PASSWORD);
  const people: DemoOrg["people"] = demoPeople.map((person) => ({ id: crypto.randomUUID(), name: person.name, teams: person.teams }));
  await tx.user.createMany({
    data: demoPeople.map((person, i) => ({
      id: people[i]!.id,
      name: person.name,
      email: demoEmail(person.name),
      title: person.title,
      role: person.admin ? ("ADMIN" as const) : ("EMPLOYEE" as const),
    })),
  });
  await tx.password.createMany({ data: people.map((p) => ({ userId: p.id, hash })) });
  await tx.membership.createMany({
    data: people.flatMap((p) => p.teams.map(([key, role]) => ({ userId: p.id, teamId: teamIds.get(key)!, role }))),
  });
  const teamNames = new Map(demoTeams.map((t) => [teamIds.get(t.key)!, t.name]));
  await seedDemoRequests(tx, { teamIds, teamNames, people }, now, timeZone);
  await tx.appSetting.create({ data: { key: "demo_data", value: { seededAt: now.toISOString() } } });
}

/**
 * The catalogue and ~300 requests with their comments, timelines, ratings, recovery cases and
 * kudos, in bulk. Requests go in in creation order, so the numbers the sequence gives them
 * increase with time; the rating and recovery events join the request events in one time-ordered
 * insert, so event ids follow the timeline too.
 */
async function seedDemoRequests(tx: Tx, org: DemoOrg, now: Date, timeZone: string) {
  const data = buildDemoRequests(org, now);
  const rated = buildDemoRatings(org, data, now, timeZone);
  await tx.requestType.createMany({ data: data.types });
  const created = await tx.request.createManyAndReturn({ data: data.requests, select: { id: true, number: true } });
  await tx.comment.createMany({ data: data.comments });
  const events = [...data.events, ...rated.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  await tx.requestEvent.createMany({ data: events });
  await tx.slaAlert.createMany({ data: data.slaAlerts });
  await tx.rating.createMany({ data: rated.ratings });
  await tx.recoveryCase.createMany({ data: rated.recoveryCases });
  await tx.kudos.createMany({ data: buildDemoKudos(org, data, rated.ratings, now) });
  const numbers = new Map(created.map((r) => [r.id, r.number]));
  await tx.notification.createMany({ data: buildDemoNotifications(org, data, numbers, now) });
}

export function demoBanner() {
  const accounts = demoPeople.filter((p) => p.demoAccount);
  const width = Math.max(...accounts.map((p) => demoEmail(p.name).length));
  const lines = accounts.map((p) => `  ${p.demoAccount!.padEnd(15)} ${demoEmail(p.name).padEnd(width)}  (${p.name}, ${p.title})`);
  return ["", "Demo organisation — sign in with any of these, password: " + DEMO_PASSWORD, ...lines, ""].join("\n");
}
