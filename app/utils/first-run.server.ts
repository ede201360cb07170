// What happens the first time the app meets an empty database: the demo organisation (unless
// UPSTREAM_DEMO_DATA=off) and the first administrator. A database that has any user is never
// seeded. Several instances starting together are serialised by an advisory lock.
import crypto from "node:crypto";
import { prisma, type Tx } from "./db.server";
import type { Env } from "./env.server";
import { hashPassword } from "./auth.server";
import { log } from "./logger.server";
import { demoBanner, seedDemoOrganisation } from "~/demo/seed-demo.server";
import { refreshDashboardFigures } from "~/jobs/refresh-dashboard-figures.server";

const FIRST_RUN_LOCK = 72707370;

async function createFirstAdmin(tx: Tx, email: string, password: string) {
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    await tx.user.update({ where: { email }, data: { role: "ADMIN", active: true } });
    return;
  }
  await tx.user.create({
    data: {
      id: crypto.randomUUID(),
      email,
      name: "Administrator",
      title: "Administrator",
      role: "ADMIN",
      password: { create: { hash: await hashPassword(password) } },
    },
  });
}

export async function seedIfEmpty(config: Pick<Env, "UPSTREAM_DEMO_DATA" | "UPSTREAM_ADMIN_EMAIL" | "UPSTREAM_ADMIN_PASSWORD">) {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK})`;
      if ((await tx.user.count()) > 0) return { seeded: false as const };
      if (config.UPSTREAM_DEMO_DATA) await seedDemoOrganisation(tx);
      let generatedAdmin: { email: string; password: string } | undefined;
      if (config.UPSTREAM_ADMIN_EMAIL) {
        const email = config.UPSTREAM_ADMIN_EMAIL.toLowerCase();
        const password = config.UPSTREAM_ADMIN_PASSWORD ?? crypto.randomBytes(12).toString("base64url");
        await createFirstAdmin(tx, email, password);
        if (!config.UPSTREAM_ADMIN_PASSWORD) generatedAdmin = { email, password };
      } else if (!config.UPSTREAM_DEMO_DATA) {
        generatedAdmin = { email: "admin@upstream.local", password: crypto.randomBytes(12).toString("base64url") };
        await createFirstAdmin(tx, generatedAdmin.email, generatedAdmin.password);
      }
      return { seeded: true as const, demo: config.UPSTREAM_DEMO_DATA, generatedAdmin };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

export async function prepareFirstRun(config: Env) {
  const result = await seedIfEmpty(config);
  // The dashboards read daily figures: count them now rather than on the first job tick.
  if (result.seeded) await refreshDashboardFigures(new Date());
  const parts: string[] = [];
  if (result.seeded) log.info("empty database prepared", { demoData: result.demo });
  if (result.seeded && result.generatedAdmin) {
    // Shown once, on the console of the person who started the server; never again.
    parts.push(
      "",
      "First administrator created. Sign in and change this password now (it is not shown again):",
      `  email:    ${result.generatedAdmin.email}`,
      `  password: ${result.generatedAdmin.password}`,
    );
  }
  const demo = await prisma.appSetting.findUnique({ where: { key: "demo_data" }, select: { key: true } });
  if (demo) parts.push(demoBanner());
  return { banner: parts.join("\n") };
}
