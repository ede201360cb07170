import { requireUser, type SessionUser } from "./auth.server";
import { assertCan } from "~/policies/authorize.server";

/** Admin pages answer 404 to everyone else: they don't exist as far as others can tell. */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  assertCan(user, "person.manage");
  return user;
}
