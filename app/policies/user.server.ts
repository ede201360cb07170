// Who may do what to people's accounts.
import type { Actor } from "./authorize.server";

const isAdmin = (actor: Actor) => actor.role === "ADMIN";

export const userPolicy = {
  /** The people directory and profiles are open to every signed-in employee. */
  "person.view": (_actor: Actor, _record?: undefined) => true,
  "person.manage": (actor: Actor, _record?: undefined) => isAdmin(actor),
  /** An admin cannot demote or deactivate themselves (the organisation would lose its admin). */
  "person.change-access": (actor: Actor, target?: { id: string }) => isAdmin(actor) && !!target && target.id !== actor.id,
  "audit.view": (actor: Actor, _record?: undefined) => isAdmin(actor),
};
