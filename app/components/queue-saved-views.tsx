// A person's saved views of a team queue: apply (a link), delete, and save the filters now shown.
// The save form is checked on the server only (a name, not too long, not taken): its reply puts
// the message beside the name and keeps what was typed.
import { Form, Link } from "@remix-run/react";
import { SAVED_VIEW_NAME_MAX } from "~/validation/queue-filters";
import { Button, TextField } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

interface SavedView {
  id: string;
  name: string;
  query: string;
}

/** The parts of conform's reply to a refused save that this form shows. */
export interface SaveViewReply {
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
}

export function QueueSavedViews({
  views,
  basePath,
  currentQuery,
  lastResult,
}: {
  views: SavedView[];
  basePath: string;
  /** The filters now applied, as the canonical query string. */
  currentQuery: string;
  lastResult?: SaveViewReply | null;
}) {
  const typed = lastResult?.initialValue?.name;
  const errors = lastResult?.error?.name ?? null;
  return (
    <section aria-labelledby="saved-views-heading" className="rounded-lg bg-white p-4 shadow">
      <h2 id="saved-views-heading" className="font-semibold">
        My saved views
      </h2>
      {views.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {views.map((view) => (
            <li key={view.id} className="flex items-center justify-between gap-2">
              <Link
                to={view.query ? `${basePath}?${view.query}` : basePath}
                className={textLinkClass}
                aria-current={view.query === currentQuery ? "page" : undefined}
              >
                {view.name}
              </Link>
              <Form method="post">
                <input type="hidden" name="intent" value="delete-view" />
                <input type="hidden" name="viewId" value={view.id} />
                <input type="hidden" name="query" value={currentQuery} />
                <button type="submit" className="text-sm text-red-800 underline" aria-label={`Delete the view ${view.name}`}>
                  Delete
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">None yet. Set the filters you use often, then save them here.</p>
      )}
      {/* Posted to the page with its filters, so a refused save shows the same filters again. */}
      <Form method="post" action={currentQuery ? `${basePath}?${currentQuery}` : basePath} className="mt-4 space-y-2">
        <input type="hidden" name="intent" value="save-view" />
        <input type="hidden" name="query" value={currentQuery} />
        <TextField
          key={typeof typed === "string" ? `typed-${typed}` : "empty"}
          id="save-view-name"
          name="name"
          label="Save these filters as"
          required
          maxLength={SAVED_VIEW_NAME_MAX}
          defaultValue={typeof typed === "string" ? typed : ""}
          errors={errors}
          autoFocus={errors ? true : undefined}
        />
        <Button type="submit" variant="secondary">
          Save view
        </Button>
      </Form>
    </section>
  );
}
