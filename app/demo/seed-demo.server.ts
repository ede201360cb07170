// Writes the demo organisation into an empty database, in one transaction.
import crypto from "node:crypto";
import type { Tx } from "~/utils/db.server";
import { hashPassword } from "~/utils/auth.server";
import { slugify } from "~/validation/teams";
import { DEMO_PASSWORD, demoEmail, demoPeople, demoTeams } from "./demo-organisation";

export async function seedDemoOrganisation(tx: Tx) {
  const teamIds = new Map<string, string>();
  for (const team of demoTeams) {
    const id = crypto.randomUUID();
    teamIds.set(team.key, id);
    await tx.team.create({
      data: {
        id,
        name: team.name,
        slug: slugify(team.name),
        description: team.description,
        acceptsRequests: team.acceptsRequests,
        parentId: team.parent ? teamIds.get(team.parent)! : null,
      },
    });
  }
  // One hash for all demo accounts: hashing is deliberately slow, and they share the password.
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const person of demoPeople) {
    const id = crypto.randomUUID();
    await tx.user.create({
      data: {
        id,
        name: person.name,
        email: demoEmail(person.name),
        title: person.title,
        role: person.admin ? "ADMIN" : "EMPLOYEE",
        password: { create: { hash } },
        memberships: { create: person.teams.map(([key, role]) => ({ teamId: teamIds.get(key)!, role })) },
      },
    });
  }
  await tx.appSetting.create({ data: { key: "demo_data", value: { seededAt: new Date().toISOString() } } });
}

export function demoBanner() {
  const accounts = demoPeople.filter((p) => p.demoAccount);
  const width = Math.max(...accounts.map((p) => demoEmail(p.name).length));
  const lines = accounts.map((p) => `  ${p.demoAccount!.padEnd(15)} ${demoEmail(p.name).padEnd(width)}  (${p.name}, ${p.title})`);
  return ["", "Demo organisation — sign in with any of these, password: " + DEMO_PASSWORD, ...lines, ""].join("\n");
}
