// Members and managers of a team, with forms to add people (found by a search), change their
// role and remove them. Every control is a plain form, so it all works without JavaScript.
import { Form } from "@remix-run/react";
import { Button } from "./ui/form-controls";

interface Member {
  role: "MEMBER" | "MANAGER";
  user: { id: string; name: string; title: string; email: string; active: boolean };
}

interface Candidate {
  id: string;
  name: string;
  email: string;
  title: string;
}

export function TeamMembersEditor({
  team,
  query,
  candidates,
}: {
  team: { name: string; memberships: Member[] };
  query: string;
  candidates: Candidate[];
}) {
  return (
    <section aria-labelledby="members-heading" className="space-y-4 rounded-lg bg-white p-6 shadow">
      <h2 id="members-heading" className="text-lg font-semibold">
        People in {team.name}
      </h2>
      {team.memberships.length ? (
        <ul className="divide-y divide-slate-200">
          {team.memberships.map((m) => (
            <li key={m.user.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <span className="font-medium">{m.user.name}</span>
                {!m.user.active ? <span className="ml-1 text-sm text-slate-600">(deactivated)</span> : null}
                <div className="text-sm text-slate-600">
                  {m.role === "MANAGER" ? "Manager" : "Member"}
                  {m.user.title ? ` · ${m.user.title}` : ""}
                </div>
              </div>
              <div className="flex gap-2">
                <Form method="post">
                  <input type="hidden" name="userId" value={m.user.id} />
                  <input type="hidden" name="role" value={m.role === "MANAGER" ? "MEMBER" : "MANAGER"} />
                  <Button
                    type="submit"
                    name="intent"
                    value="change-role"
                    variant="secondary"
                    aria-label={`${m.role === "MANAGER" ? "Make member" : "Make manager"}: ${m.user.name}`}
                  >
                    {m.role === "MANAGER" ? "Make member" : "Make manager"}
                  </Button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="userId" value={m.user.id} />
                  <Button
                    type="submit"
                    name="intent"
                    value="remove-member"
                    variant="secondary"
                    aria-label={`Remove ${m.user.name} from ${team.name}`}
                  >
                    Remove
                  </Button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">Nobody yet.</p>
      )}
      <div className="border-t border-slate-200 pt-4">
        <h3 className="font-semibold">Add people</h3>
        <Form method="get" role="search" className="mt-2 flex items-end gap-2">
          <div className="grow">
            <label htmlFor="member-search" className="block text-sm font-medium">
              Find by name or email
            </label>
            <input
              id="member-search"
              name="q"
              type="search"
              defaultValue={query}
              className="w-full rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <Button type="submit" variant="secondary">
            Find
          </Button>
        </Form>
        {query.trim().length >= 2 ? (
          candidates.length ? (
            <ul className="mt-3 divide-y divide-slate-200" aria-label="Matching people">
              {candidates.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <span className="font-medium">{c.name}</span>
                    <div className="text-sm text-slate-600">{c.email}</div>
                  </div>
                  <Form method="post" className="flex gap-2">
                    <input type="hidden" name="userId" value={c.id} />
                    <Button type="submit" name="role" value="MEMBER" aria-label={`Add as member: ${c.name}`}>
                      Add as member
                    </Button>
                    <Button type="submit" name="role" value="MANAGER" variant="secondary" aria-label={`Add as manager: ${c.name}`}>
                      Add as manager
                    </Button>
                    <input type="hidden" name="intent" value="add-member" />
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-slate-700">Nobody outside the team matches “{query}”.</p>
          )
        ) : null}
      </div>
    </section>
  );
}
