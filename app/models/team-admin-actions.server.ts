// The actions of the admin team page: edit the team, add people, change roles, remove people.
import { json } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { addMemberSchema, editTeamSchema } from "~/validation/teams";
import { removeMembership, setMembership, updateTeam } from "./team.server";
import { teamConflictReply, toTeamInput } from "./team-form.server";
import { StaleRecordError } from "./user.server";
import { containsExactly, containsIgnoringCase } from "~/utils/text-match";

interface Ctx {
  request: Request;
  adminId: string;
  team: { id: string; name: string; slug: string };
  ip: string;
}

export async function editTeamAction({ request, adminId, team, ip }: Ctx, formData: FormData) {
  const submission = parseWithZod(formData, { schema: editTeamSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const { version, ...value } = submission.value;
  try {
    const { slug } = await updateTeam(adminId, team.id, version, toTeamInput(value), ip);
    return redirectWithFlash(request, `/admin/teams/${slug}`, { kind: "success", message: "Team saved." });
  } catch (error) {
    if (error instanceof StaleRecordError) {
      return json(
        {
          result: submission.reply({
            formErrors: ["Someone else changed this team since you opened the page. Reload to see their changes, then make yours again."],
          }),
        },
        { status: 409 },
      );
    }
    const reply = teamConflictReply(error, (o) => submission.reply(o), { slugWasTyped: !!submission.value.slug });
    if (reply) return json({ result: reply }, { status: 400 });
    throw error;
  }
}

export async function membershipAction({ request, adminId, team, ip }: Ctx, formData: FormData, intent: string) {
  const back = `/admin/teams/${team.slug}`;
  const submission = parseWithZod(formData, { schema: addMemberSchema });
  if (submission.status !== "success") return redirectWithFlash(request, back, { kind: "error", message: "Choose a person and a role." });
  const person = await prisma.user.findUnique({ where: { id: submission.value.userId }, select: { id: true, name: true, active: true } });
  if (!person) return redirectWithFlash(request, back, { kind: "error", message: "That person no longer exists." });
  if (intent === "remove-member") {
    await removeMembership(adminId, team.id, person.id, ip);
    return redirectWithFlash(request, back, { kind: "success", message: `${person.name} was removed from ${team.name}.` });
  }
  if (!person.active)
    return redirectWithFlash(request, back, { kind: "error", message: `${person.name} is deactivated; reactivate them first.` });
  await setMembership(adminId, team.id, person.id, submission.value.role, ip);
  const as = submission.value.role === "MANAGER" ? "a manager" : "a member";
  return redirectWithFlash(request, back, { kind: "success", message: `${person.name} is now ${as} of ${team.name}.` });
}

/** Active people matching a search who are not yet in the team, for the "add people" list. */
export async function findPeopleToAdd(teamId: string, query: string) {
  const q = query.trim();
  if (q.length < 2) return [];
  return prisma.user.findMany({
    where: {
      active: true,
      memberships: { none: { teamId } },
      OR: [{ name: containsIgnoringCase(q) }, { email: containsExactly(q.toLowerCase()) }],
    },
    orderBy: { name: "asc" },
    take: 10,
    select: { id: true, name: true, email: true, title: true },
  });
}
