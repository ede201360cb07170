// The first two steps of raising a request: choose the team, then the kind of request. Plain GET
// forms and links, so they work the same with or without JavaScript.
import { Form, Link } from "@remix-run/react";
import { Button, FieldErrors } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

const STEPS = ["Team", "Type of request", "Details"] as const;

export function NewRequestProgress({ step }: { step: 1 | 2 | 3 }) {
  return (
    <ol aria-label="Steps" className="mb-6 flex flex-wrap gap-2 text-sm">
      {STEPS.map((label, i) => (
        <li
          key={label}
          aria-current={i + 1 === step ? "step" : undefined}
          className={`rounded-full px-3 py-1 ${i + 1 === step ? "bg-brand-600 font-semibold text-white" : "bg-slate-200 text-slate-800"}`}
        >
          {i + 1}. {label}
        </li>
      ))}
    </ol>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="alert" className="mb-4 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900">
      {children}
    </p>
  );
}

interface TeamChoice {
  id: string;
  name: string;
  slug: string;
  description: string;
}

export function TeamStep({ query, teams, notice }: { query: string; teams: TeamChoice[]; notice?: string | null }) {
  return (
    <section aria-labelledby="team-step-heading" className="rounded-lg bg-white p-6 shadow">
      <h2 id="team-step-heading" className="text-lg font-semibold">
        Which team are you asking?
      </h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <Form method="get" action="/requests/new" role="search" className="mt-3 flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="team-search" className="block text-sm font-medium text-slate-800">
            Search teams
          </label>
          <input
            id="team-search"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={100}
            className="block w-full rounded-md border border-slate-400 px-3 py-2 shadow-sm"
          />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </Form>
      {teams.length ? (
        <ul className="mt-4 divide-y divide-slate-200" aria-label="Teams that take requests">
          {teams.map((team) => (
            <li key={team.id} className="py-3">
              <Link to={`/requests/new?team=${encodeURIComponent(team.slug)}`} className={textLinkClass}>
                {team.name}
              </Link>
              {team.description ? <p className="text-sm text-slate-700">{team.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-slate-700">
          {query ? <>No team that takes requests matches "{query}". </> : <>No team takes requests yet. </>}
          {query ? (
            <Link to="/requests/new" className={textLinkClass}>
              Show every team
            </Link>
          ) : null}
        </p>
      )}
    </section>
  );
}

export interface TypeChoice {
  id: string;
  name: string;
  description: string;
  firstResponseTarget: string;
  resolutionTarget: string;
}

export function Targets({ type }: { type: Pick<TypeChoice, "firstResponseTarget" | "resolutionTarget"> }) {
  return (
    <>
      First response within {type.firstResponseTarget} · resolved within {type.resolutionTarget}
    </>
  );
}

export function TypeStep({
  team,
  types,
  selected,
  error,
}: {
  team: { name: string; slug: string };
  types: TypeChoice[];
  selected?: string | null;
  error?: string | null;
}) {
  if (types.length === 0) {
    return (
      <section className="rounded-lg bg-white p-6 shadow">
        <p className="text-slate-700">{team.name} has no request types you can choose at the moment.</p>
        <p className="mt-2">
          <Link to="/requests/new" className={textLinkClass}>
            Choose another team
          </Link>
        </p>
      </section>
    );
  }
  return (
    <Form method="get" action="/requests/new" className="space-y-4 rounded-lg bg-white p-6 shadow">
      <input type="hidden" name="team" value={team.slug} />
      <fieldset aria-describedby={error ? "type-errors" : undefined}>
        <legend className="text-lg font-semibold">What do you need from {team.name}?</legend>
        <FieldErrors id="type-errors" errors={error ? [error] : null} />
        <div className="mt-3 space-y-3">
          {types.map((type) => (
            <div key={type.id} className="flex items-start gap-3 rounded-md border border-slate-300 p-3">
              <input
                id={`type-${type.id}`}
                type="radio"
                name="type"
                value={type.id}
                defaultChecked={selected === type.id}
                required
                className="mt-1 h-4 w-4"
                aria-describedby={`type-${type.id}-about`}
              />
              <div>
                <label htmlFor={`type-${type.id}`} className="font-medium">
                  {type.name}
                </label>
                <p id={`type-${type.id}-about`} className="text-sm text-slate-700">
                  {type.description ? <span className="block">{type.description}</span> : null}
                  <span className="block text-slate-600">
                    <Targets type={type} />
                  </span>
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-4">
        <Button type="submit">Continue</Button>
        <Link to="/requests/new" className={textLinkClass}>
          Choose another team
        </Link>
      </div>
    </Form>
  );
}
