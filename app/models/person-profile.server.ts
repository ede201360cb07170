// A person's profile as every signed-in employee sees it: who they are, their teams and the
// kudos they received. No email, role or account details: those are the admin's people pages.
import { prisma } from "~/utils/db.server";
import { latestKudosForPerson } from "./kudos.server";

export const PROFILE_KUDOS_LIMIT = 20;

export async function getPersonProfile(id: string) {
  const [person, kudos] = await Promise.all([
    prisma.user.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        title: true,
        active: true,
        memberships: { select: { role: true, team: { select: { name: true, slug: true } } }, orderBy: { team: { name: "asc" } } },
      },
    }),
    latestKudosForPerson(id, PROFILE_KUDOS_LIMIT),
  ]);
  if (!person) return null;
  const { memberships, ...rest } = person;
  return { ...rest, teams: memberships.map((m) => ({ ...m.team, role: m.role })), kudos };
}
