// What teams a person acts for: the teams they belong to, the teams they manage, and every team
// below a team they manage (managers see their teams and the teams below, DESIGN.md).
// Loaded once per request with one recursive query.
import { queryRows } from "~/utils/db.server";
import { requestKey } from "~/utils/request-key.server";

export interface TeamScope {
  /** Teams the person is a member or manager of. */
  memberOf: Set<string>;
  /** Teams the person manages directly. */
  managerOf: Set<string>;
  /** Teams the person manages directly or through a team above them. */
  manages: Set<string>;
}

const cache = new WeakMap<object, Promise<TeamScope>>();

/** The person's teams: memberships, and every team below one they manage (one recursive query). */
export function teamScopeQuery(userId: string) {
  return {
    text: `WITH RECURSIVE managed(id, depth) AS (
             SELECT team_id, 0 FROM memberships WHERE user_id = $1 AND role = 'MANAGER'
             UNION
             SELECT t.id, managed.depth + 1 FROM teams t JOIN managed ON t.parent_id = managed.id WHERE managed.depth < 50
           )
           SELECT team_id, role::text AS role, false AS inherited FROM memberships WHERE user_id = $1
           UNION ALL
           SELECT id, 'MANAGER', true FROM managed`,
    values: [userId],
  };
}

async function loadScope(userId: string): Promise<TeamScope> {
  // On most pages: sent straight through the pool (decision 008).
  const rows = await queryRows<{ team_id: string; role: "MEMBER" | "MANAGER"; inherited: boolean }>(teamScopeQuery(userId));
  const scope: TeamScope = { memberOf: new Set(), managerOf: new Set(), manages: new Set() };
  for (const row of rows) {
    if (row.inherited) scope.manages.add(row.team_id);
    else {
      scope.memberOf.add(row.team_id);
      if (row.role === "MANAGER") scope.managerOf.add(row.team_id);
    }
  }
  return scope;
}

/** The person's team scope; `key` (the Request) memoises it for the rest of the request. */
export function getTeamScope(userId: string, key?: object): Promise<TeamScope> {
  if (!key) return loadScope(userId);
  const memoKey = key instanceof Request ? requestKey(key) : key;
  let pending = cache.get(memoKey);
  if (!pending) {
    pending = loadScope(userId);
    cache.set(memoKey, pending);
  }
  return pending;
}

/** Teams whose provider queue the person works: member of, or manager above. */
export function workTeams(scope: TeamScope) {
  return new Set([...scope.memberOf, ...scope.manages]);
}
