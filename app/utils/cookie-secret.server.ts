// The secret that signs our small cookies (flash messages). SESSION_SECRET when set; otherwise
// one generated on first use and kept in the database, so every app instance shares it and it
// survives restarts without any set-up.
import crypto from "node:crypto";
import { prisma } from "./db.server";

let secrets: Promise<string[]> | undefined;

async function loadSecrets(): Promise<string[]> {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv)
    return fromEnv
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const generated = crypto.randomBytes(32).toString("base64url");
  await prisma.appSetting.upsert({
    where: { key: "cookie_secret" },
    create: { key: "cookie_secret", value: generated },
    update: {},
  });
  const row = await prisma.appSetting.findUniqueOrThrow({ where: { key: "cookie_secret" } });
  return [String(row.value)];
}

export function cookieSecrets() {
  secrets ??= loadSecrets().catch((error) => {
    secrets = undefined;
    throw error;
  });
  return secrets;
}
