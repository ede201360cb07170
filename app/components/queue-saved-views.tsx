// A person's saved views of a team queue: apply (a link), delete, and save the filters now shown.
import { Form, Link } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, parseWithZod, useForm } from "~/utils/forms";
import { SAVED_VIEW_NAME_MAX, saveViewSchema } from "~/validation/queue-filters";
import { Button, TextField } from "./ui/form-controls";
import { textLinkClass } from "./ui/page-header";

interface SavedView {
  id: string;
  name: string;
  query: string;
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
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const [form, fields] = useForm({
    id: "save-view",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: saveViewSchema }),
  });
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
      <Form method="post" className="mt-4 space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save-view" />
        <input type="hidden" name="query" value={currentQuery} />
        <TextField
          label="Save these filters as"
          {...getInputProps(fields.name, { type: "text" })}
          id={fields.name.id}
          maxLength={SAVED_VIEW_NAME_MAX}
          errors={fields.name.errors}
        />
        <Button type="submit" variant="secondary">
          Save view
        </Button>
      </Form>
    </section>
  );
}
