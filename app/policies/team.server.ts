// Who may do what to teams and memberships.
import type { Actor } from "./authorize.server";

export const teamPolicy = {
  /** The team directory (names, hierarchy, members) is open to every signed-in employee. */
  "team.view": (_actor: Actor, _record?: undefined) => true,
  "team.manage": (actor: Actor, _record?: undefined) => actor.role === "ADMIN",
};
