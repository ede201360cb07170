// Settings admins change in the app (not the environment), kept in app_settings so every
// instance reads the same value. Each has a default, bounds and a label; a stored value outside
// its bounds (edited by hand, or from an older version) falls back to the default.
import { z } from "zod";
import { prisma } from "~/utils/db.server";
import { ADMIN_SETTING_LIMITS } from "~/validation/admin-settings";
import { audit } from "./audit.server";

export const ADMIN_SETTINGS = {
  contactRetentionDays: {
    key: "complaints.contactRetentionDays",
    label: "Erase customer contact details from complaints closed more than (days)",
    ...ADMIN_SETTING_LIMITS.contactRetentionDays,
  },
  feedbackMinGroupSize: {
    key: "feedback.minGroupSize",
    label: "Smallest group of anonymous feedback a report shows",
    ...ADMIN_SETTING_LIMITS.feedbackMinGroupSize,
  },
} as const;

export type AdminSettingName = keyof typeof ADMIN_SETTINGS;
export type AdminSettings = Record<AdminSettingName, number>;

function valid(name: AdminSettingName, value: unknown): number {
  const spec = ADMIN_SETTINGS[name];
  const parsed = z.number().int().min(spec.min).max(spec.max).safeParse(value);
  return parsed.success ? parsed.data : spec.default;
}

export async function getAdminSetting(name: AdminSettingName): Promise<number> {
  const row = await prisma.appSetting.findUnique({ where: { key: ADMIN_SETTINGS[name].key }, select: { value: true } });
  return valid(name, row?.value);
}

export async function getAdminSettings(): Promise<AdminSettings> {
  const names = Object.keys(ADMIN_SETTINGS) as AdminSettingName[];
  const rows = await prisma.appSetting.findMany({ where: { key: { in: names.map((n) => ADMIN_SETTINGS[n].key) } } });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(names.map((n) => [n, valid(n, byKey.get(ADMIN_SETTINGS[n].key))])) as AdminSettings;
}

/** Stores a value the caller has validated against the bounds above. */
export async function setAdminSetting(name: AdminSettingName, value: number) {
  const key = ADMIN_SETTINGS[name].key;
  await prisma.appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/**
 * Saves the admin settings form (values already validated) and audits what changed, with the
 * old and new values; nothing is written or audited when nothing changed.
 */
export async function updateAdminSettings(actorId: string, values: AdminSettings, ip: string) {
  return prisma.$transaction(async (tx) => {
    const names = Object.keys(ADMIN_SETTINGS) as AdminSettingName[];
    const rows = await tx.appSetting.findMany({ where: { key: { in: names.map((n) => ADMIN_SETTINGS[n].key) } } });
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    const changed = names.filter((n) => valid(n, byKey.get(ADMIN_SETTINGS[n].key)) !== values[n]);
    if (changed.length === 0) return changed;
    const details: Record<string, number> = {};
    for (const name of changed) {
      const key = ADMIN_SETTINGS[name].key;
      details[`${name}From`] = valid(name, byKey.get(key));
      details[name] = values[name];
      await tx.appSetting.upsert({ where: { key }, create: { key, value: values[name] }, update: { value: values[name] } });
    }
    await audit({ action: "settings.updated", actorId, targetType: "settings", ip, details }, tx);
    return changed;
  });
}
