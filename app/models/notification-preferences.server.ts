// How a person hears about notifications besides the in-app list (User.emailPreference).
import { prisma } from "~/utils/db.server";
import type { EmailPreference } from "~/generated/prisma/client";

export async function getEmailPreference(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailPreference: true } });
  return user.emailPreference;
}

/**
 * Saves the choice. Leaving the digest also settles what was waiting for it: the person asked
 * not to get digests any more, and everything stays in their in-app list.
 */
export async function setEmailPreference(userId: string, preference: EmailPreference, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { emailPreference: preference } });
    if (preference !== "DAILY_DIGEST") {
      await tx.notification.updateMany({ where: { userId, digestedAt: null }, data: { digestedAt: now } });
    }
  });
}
