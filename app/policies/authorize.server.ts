// The one way routes ask "may this user do that?". Everything is denied unless a policy allows
// it. A refusal answers 404 — the same as a record that does not exist — so nobody learns what
// they may not see; every refusal is logged for the audit trail.
import type { SessionUser } from "~/utils/auth.server";
import { log } from "~/utils/logger.server";
import { teamPolicy } from "./team.server";
import { userPolicy } from "./user.server";

export type Actor = Pick<SessionUser, "id" | "role">;

const policies = { ...teamPolicy, ...userPolicy } as const;
export type Permission = keyof typeof policies;

export function can(actor: Actor, permission: Permission, record?: unknown): boolean {
  const rule = policies[permission] as (actor: Actor, record?: unknown) => boolean;
  return rule(actor, record);
}

export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}

export function assertCan(actor: Actor, permission: Permission, record?: unknown): void {
  if (!can(actor, permission, record)) {
    log.warn("access denied", { userId: actor.id, permission });
    throw notFound();
  }
}
