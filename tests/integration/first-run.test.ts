// The first start on an empty database: the demo organisation and/or a first administrator,
// configured from the environment as the server reads it; and never again once anyone exists.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { env, resetEnvCache } from "~/utils/env.server";
import { prepareFirstRun, seedIfEmpty } from "~/utils/first-run.server";
import { DEMO_PASSWORD } from "~/demo/demo-organisation";
import * as home from "~/routes/_index";
import * as adminPeople from "~/routes/admin.people._index";
import { createUser } from "../support/factories";
import { callLoader, getRequest, readJson } from "../support/http";
import { sessionCookieOf, submitSignIn } from "../support/replies";

/** The sign-ins the start-up banner offers for the demo organisation. */
const DEMO_ACCOUNTS = [
  { email: "priya.raman@example.com", role: "ADMIN", kind: "admin" },
  { email: "marcus.bell@example.com", role: "EMPLOYEE", kind: "manager" },
  { email: "sofia.alvarez@example.com", role: "EMPLOYEE", kind: "front-line rep" },
  { email: "daniel.kim@example.com", role: "EMPLOYEE", kind: "employee" },
] as const;

const FIRST_RUN_VARIABLES = ["UPSTREAM_DEMO_DATA", "UPSTREAM_ADMIN_EMAIL", "UPSTREAM_ADMIN_PASSWORD"] as const;
const savedVariables = Object.fromEntries(FIRST_RUN_VARIABLES.map((name) => [name, process.env[name]]));

/** The configuration the server would read with these environment variables set. */
function configWith(variables: Partial<Record<(typeof FIRST_RUN_VARIABLES)[number], string>>) {
  for (const name of FIRST_RUN_VARIABLES) {
    if (variables[name] === undefined) delete process.env[name];
    else process.env[name] = variables[name];
  }
  resetEnvCache();
  return env();
}

/** Every table but the migrations', emptied: the state of a brand-new installation. */
async function emptyDatabase() {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  const list = tables.map((t) => `"${t.tablename.replace(/"/g, '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

beforeEach(async () => {
  await emptyDatabase();
});

afterEach(() => {
  for (const name of FIRST_RUN_VARIABLES) {
    if (savedVariables[name] === undefined) delete process.env[name];
    else process.env[name] = savedVariables[name];
  }
  resetEnvCache();
});

/** Signs in through the login form; returns the session cookie, failing the test if refused. */
async function signInWorks(email: string, password: string) {
  const response = await submitSignIn(email, password);
  expect(response.status, `${email} should sign in`).toBe(302);
  const cookie = sessionCookieOf(response);
  expect((await callLoader(home, getRequest("/", { cookie }))).status).toBe(200);
  return cookie;
}

async function counts() {
  const [users, teams, memberships] = await Promise.all([prisma.user.count(), prisma.team.count(), prisma.membership.count()]);
  return { users, teams, memberships };
}

describe("with demo data (the default)", () => {
  test("an empty database gets 9 teams in three levels, about 40 people, and a manager on every team", async () => {
    const result = await seedIfEmpty(configWith({}));
    expect(result).toMatchObject({ seeded: true, demo: true });
    expect(result.seeded && result.generatedAdmin).toBeUndefined();

    const teams = await prisma.team.findMany({ select: { id: true, parentId: true, name: true } });
    expect(teams).toHaveLength(9);
    const parentOf = new Map(teams.map((t) => [t.id, t.parentId]));
    const depth = (id: string): number => (parentOf.get(id) ? 1 + depth(parentOf.get(id)!) : 0);
    const perLevel = [0, 1, 2].map((level) => teams.filter((t) => depth(t.id) === level).length);
    expect(perLevel[0]).toBe(1);
    expect(perLevel[1]).toBeGreaterThan(0);
    expect(perLevel[2]).toBeGreaterThan(0);
    expect(perLevel.reduce((a, b) => a + b)).toBe(9);

    const people = await prisma.user.count({ where: { active: true } });
    expect(people).toBeGreaterThanOrEqual(35);
    expect(people).toBeLessThanOrEqual(45);

    const teamsWithoutManager = await prisma.team.findMany({
      where: { memberships: { none: { role: "MANAGER" } } },
      select: { name: true },
    });
    expect(teamsWithoutManager).toEqual([]);
    // Nobody is left outside every team.
    expect(await prisma.user.count({ where: { memberships: { none: {} } } })).toBe(0);
  });

  test("the four demo accounts sign in with the demo password; only the admin one reaches the admin pages", async () => {
    await seedIfEmpty(configWith({ UPSTREAM_DEMO_DATA: "on" }));
    for (const account of DEMO_ACCOUNTS) {
      const cookie = await signInWorks(account.email, DEMO_PASSWORD);
      expect((await prisma.user.findUniqueOrThrow({ where: { email: account.email } })).role).toBe(account.role);
      const adminPage = await callLoader(adminPeople, getRequest("/admin/people", { cookie }));
      expect(adminPage.status, account.email).toBe(account.role === "ADMIN" ? 200 : 404);
    }
    // The manager account manages a team.
    const manager = await prisma.user.findUniqueOrThrow({ where: { email: "marcus.bell@example.com" }, select: { memberships: true } });
    expect(manager.memberships.some((m) => m.role === "MANAGER")).toBe(true);
  });

  test("the start-up banner lists the demo accounts and their password", async () => {
    const { banner } = await prepareFirstRun(configWith({}));
    expect(banner).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) expect(banner).toContain(account.email);
  });

  test("a second start seeds nothing", async () => {
    await seedIfEmpty(configWith({}));
    const before = await counts();
    await prisma.user.update({ where: { email: "daniel.kim@example.com" }, data: { name: "Daniel K. (renamed)" } });

    expect(await seedIfEmpty(configWith({}))).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "daniel.kim@example.com" } })).name).toBe("Daniel K. (renamed)");
  });

  test("a database that already has one person is never seeded", async () => {
    await createUser();
    expect(await seedIfEmpty(configWith({ UPSTREAM_ADMIN_EMAIL: "boss@example.com" }))).toEqual({ seeded: false });
    expect(await counts()).toEqual({ users: 1, teams: 0, memberships: 0 });
  });

  test("two instances starting together seed once", async () => {
    const config = configWith({});
    const results = await Promise.all([seedIfEmpty(config), seedIfEmpty(config)]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect((await counts()).teams).toBe(9);
  });
});

describe("without demo data", () => {
  test("with UPSTREAM_ADMIN_EMAIL and a password, only that administrator is created", async () => {
    const result = await seedIfEmpty(
      configWith({
        UPSTREAM_DEMO_DATA: "off",
        UPSTREAM_ADMIN_EMAIL: "Boss@Example.com",
        UPSTREAM_ADMIN_PASSWORD: "the boss's own password",
      }),
    );
    expect(result).toEqual({ seeded: true, demo: false, generatedAdmin: undefined });

    const users = await prisma.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "boss@example.com", role: "ADMIN", active: true });
    expect(await counts()).toEqual({ users: 1, teams: 0, memberships: 0 });

    const cookie = await signInWorks("boss@example.com", "the boss's own password");
    expect((await callLoader(adminPeople, getRequest("/admin/people", { cookie }))).status).toBe(200);
  });

  test("with UPSTREAM_ADMIN_EMAIL and no password, a generated password is returned and works", async () => {
    const result = await seedIfEmpty(configWith({ UPSTREAM_DEMO_DATA: "false", UPSTREAM_ADMIN_EMAIL: "boss@example.com" }));
    expect(result.seeded && result.generatedAdmin?.email).toBe("boss@example.com");
    const password = result.seeded ? result.generatedAdmin!.password : "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    await signInWorks("boss@example.com", password);
    expect(await prisma.user.count()).toBe(1);
  });

  test("with neither, admin@upstream.local is created with a generated password shown once on the console", async () => {
    const config = configWith({ UPSTREAM_DEMO_DATA: "off" });
    const { banner } = await prepareFirstRun(config);

    const users = await prisma.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "admin@upstream.local", role: "ADMIN" });
    const password = /password:\s+(\S+)/.exec(banner)?.[1];
    expect(banner).toContain("admin@upstream.local");
    expect(password).toBeTruthy();
    const cookie = await signInWorks("admin@upstream.local", password!);
    expect((await callLoader(adminPeople, getRequest("/admin/people", { cookie }))).status).toBe(200);
    // The generated password is stored hashed, never as given.
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: users[0]!.id } });
    expect(stored.hash).toMatch(/^\$argon2id\$/);
    expect(stored.hash).not.toContain(password!);

    // Restarting shows no password again.
    expect((await prepareFirstRun(config)).banner).not.toContain(password!);
  });

  test("seedIfEmpty itself returns the generated administrator when neither is set", async () => {
    const result = await seedIfEmpty(configWith({ UPSTREAM_DEMO_DATA: "no" }));
    expect(result).toMatchObject({ seeded: true, demo: false, generatedAdmin: { email: "admin@upstream.local" } });
    await signInWorks("admin@upstream.local", result.seeded ? result.generatedAdmin!.password : "");
  });
});

describe("demo data and an administrator's email together", () => {
  test("the demo organisation is seeded and that person is an administrator too", async () => {
    const result = await seedIfEmpty(
      configWith({ UPSTREAM_ADMIN_EMAIL: "it.lead@example.org", UPSTREAM_ADMIN_PASSWORD: "a long admin password" }),
    );
    expect(result).toMatchObject({ seeded: true, demo: true });
    expect((await counts()).teams).toBe(9);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "it.lead@example.org" } })).toMatchObject({ role: "ADMIN" });
    await signInWorks("it.lead@example.org", "a long admin password");
  });
});

// What a demo employee sees first.
test("a demo employee's home page lists their teams", async () => {
  await seedIfEmpty(configWith({}));
  const cookie = await signInWorks("daniel.kim@example.com", DEMO_PASSWORD);
  const data = await readJson<{ name: string; memberships: Array<{ team: { name: string } }> }>(
    await callLoader(home, getRequest("/", { cookie })),
  );
  expect(data.name).toBe("Daniel Kim");
  expect(data.memberships.map((m) => m.team.name)).toEqual(["Finance"]);
});
