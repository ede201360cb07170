// Step 1 of sending kudos: whom to thank. People are found by a search (there may be thousands),
// teams are few enough for a select; both are plain GET forms, so the step works without
// JavaScript. A kudos about a request keeps its ?request= through the step.
import { Form, Link } from "@remix-run/react";
import { formatRequestNumber } from "~/utils/request-number";
import { Notice } from "./new-request-steps";
import { Button, SelectField, TextField } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

export interface KudosSuggestion {
  kind: "person" | "team";
  /** The person's id or the team's slug. */
  key: string;
  name: string;
}

interface Props {
  query: string;
  people: Array<{ id: string; name: string; email: string; title: string }>;
  teams: Array<{ name: string; slug: string }>;
  suggestions: KudosSuggestion[];
  about: { number: number } | null;
  notices: string[];
}

/** The link to step 2 for a recipient, keeping the request the kudos is about. */
export function kudosFormHref(kind: "person" | "team", key: string, about: { number: number } | null) {
  const params = new URLSearchParams({ [kind]: key });
  if (about) params.set("request", formatRequestNumber(about.number));
  return `/kudos/new?${params}`;
}

function RequestField({ about }: { about: { number: number } | null }) {
  return about ? <input type="hidden" name="request" value={formatRequestNumber(about.number)} /> : null;
}

export function KudosRecipientStep({ query, people, teams, suggestions, about, notices }: Props) {
  return (
    <div className="space-y-6">
      {notices.map((notice) => (
        <Notice key={notice}>{notice}</Notice>
      ))}
      {suggestions.length && about ? (
        <section aria-labelledby="kudos-suggested-heading" className="rounded-lg bg-white p-6 shadow">
          <h2 id="kudos-suggested-heading" className="text-lg font-semibold">
            Thank someone for {formatRequestNumber(about.number)}
          </h2>
          <ul className="mt-2 space-y-1">
            {suggestions.map((s) => (
              <li key={`${s.kind}-${s.key}`}>
                <Link to={kudosFormHref(s.kind, s.key, about)} className={textLinkClass}>
                  {s.name}
                </Link>{" "}
                <span className="text-sm text-slate-600">{s.kind === "team" ? "(the team that handled it)" : "(who worked on it)"}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="kudos-person-heading" className="rounded-lg bg-white p-6 shadow">
        <h2 id="kudos-person-heading" className="text-lg font-semibold">
          A person
        </h2>
        <Form method="get" action="/kudos/new" role="search" className="mt-3 flex flex-wrap items-end gap-2">
          <RequestField about={about} />
          <div className="grow">
            <TextField
              id="kudos-person-search"
              name="q"
              type="search"
              label="Name, email or job title"
              defaultValue={query}
              maxLength={100}
            />
          </div>
          <Button type="submit" variant="secondary">
            Find
          </Button>
        </Form>
        {query ? (
          people.length ? (
            <ul aria-label="People found" className="mt-4 divide-y divide-slate-200">
              {people.map((p) => (
                <li key={p.id} className="py-2">
                  <Link to={kudosFormHref("person", p.id, about)} className={textLinkClass}>
                    {p.name}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {p.title ? ` · ${p.title}` : ""} · {p.email}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-4 text-slate-700">Nobody active matches "{query}". Try part of their name or their email.</p>
          )
        ) : null}
      </section>
      <section aria-labelledby="kudos-team-heading" className="rounded-lg bg-white p-6 shadow">
        <h2 id="kudos-team-heading" className="text-lg font-semibold">
          A team
        </h2>
        <Form method="get" action="/kudos/new" className="mt-3 flex flex-wrap items-end gap-2">
          <RequestField about={about} />
          <div className="grow">
            <SelectField id="kudos-team-choice" name="team" label="Team" defaultValue="">
              <option value="" disabled>
                Choose a team
              </option>
              {teams.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </SelectField>
          </div>
          <Button type="submit" variant="secondary">
            Choose
          </Button>
        </Form>
      </section>
    </div>
  );
}
