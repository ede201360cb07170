// Writes the demo organisation into an empty database, in one transaction.
import crypto from "node:crypto";
import type { Tx } from "~/utils/db.server";
import { hashPassword } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { slugify } from "~/validation/teams";
import { DEMO_PASSWORD, demoEmail, demoPeople, demoTeams } from "./demo-organisation";
import { buildDemoComplaints } from "./demo-complaints";
import { buildDemoFeedback } from "./demo-feedback";
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
  const org: DemoOrg = { teamIds, teamNames, people };
  await seedDemoRequests(tx, org, now, timeZone);
  await seedDemoComplaints(tx, org, now);
  await seedDemoFeedback(tx, org, now, timeZone);
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

/**
 * Complaint categories, themes and ~380 complaints with their sightings, theme tags and
 * timelines, in bulk. The complaints carry their numbers (the generator numbers them in logging
 * order), so the sequence is moved past them afterwards: the next complaint logged continues
 * from the last demo number instead of colliding with CMP-1.
 */
async function seedDemoComplaints(tx: Tx, org: DemoOrg, now: Date) {
  const data = buildDemoComplaints(org, now);
  await tx.complaintCategory.createMany({ data: data.categories });
  await tx.theme.createMany({ data: data.themes });
  await insertRows(tx, "complaints", data.complaints);
  await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('complaints', 'number'), COALESCE(MAX(number), 0) + 1, false) FROM complaints`;
  await insertRows(tx, "complaint_sightings", data.sightings);
  await tx.complaintTheme.createMany({ data: data.complaintThemes });
  await insertRows(tx, "complaint_events", data.events);
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The biggest tables go in as one JSON parameter: a createMany with thousands of rows binds tens
 * of thousands of parameters, which took the embedded database three times as long, and the first
 * start holds its only connection while it seeds. Column names are the fields' snake_case (as
 * their @map says); PostgreSQL casts each value to its column's type, enums included.
 */
async function insertRows(tx: Tx, table: "complaints" | "complaint_sightings" | "complaint_events", rows: object[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!)
    .map((key) => `"${snakeCase(key)}"`)
    .join(", ");
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [snakeCase(key), value]))));
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`,
    json,
  );
}

async function seedDemoFeedback(tx: Tx, org: DemoOrg, now: Date, timeZone: string) {
  const data = buildDemoFeedback(org, now, timeZone);
  await tx.feedback.createMany({ data: data.feedback });
  await tx.feedbackResponse.createMany({ data: data.responses });
}

export function demoBanner() {
  const accounts = demoPeople.filter((p) => p.demoAccount);
  const width = Math.max(...accounts.map((p) => demoEmail(p.name).length));
  const lines = accounts.map((p) => `  ${p.demoAccount!.padEnd(15)} ${demoEmail(p.name).padEnd(width)}  (${p.name}, ${p.title})`);
  return ["", "Demo organisation — sign in with any of these, password: " + DEMO_PASSWORD, ...lines, ""].join("\n");
}
