// The themes page's list: each theme with how many complaints carry it, and a form per row to
// rename it or merge it into another. Plain forms (no JavaScript needed); a refused row keeps what
// was typed and shows why beside the field.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { THEME_NAME_MAX } from "~/validation/themes";
import { DataTable } from "./ui/data-table";
import { Button, FieldErrors, FormErrors, TextField } from "./ui/form-controls";

export interface ThemeReply {
  intent: string | null;
  themeId?: string;
  result: SubmissionResult<string[]>;
}

interface ThemeRow {
  id: string;
  name: string;
  complaints: number;
  open: number;
}

const inputClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-[invalid=true]:border-red-700";

function typed(result: SubmissionResult<string[]> | undefined, name: string) {
  const value = result?.initialValue?.[name];
  return typeof value === "string" ? value : undefined;
}

function RenameForm({ theme, reply }: { theme: ThemeRow; reply?: ThemeReply }) {
  const result = reply?.intent === "rename" && reply.themeId === theme.id ? reply.result : undefined;
  const errors = result?.error?.name;
  const id = `rename-${theme.id}`;
  return (
    <Form method="post" className="flex items-start gap-2">
      <input type="hidden" name="intent" value="rename" />
      <input type="hidden" name="themeId" value={theme.id} />
      <div className="min-w-40">
        <label htmlFor={id} className="sr-only">
          New name for {theme.name}
        </label>
        <input
          id={id}
          name="name"
          defaultValue={typed(result, "name") ?? theme.name}
          maxLength={THEME_NAME_MAX}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-errors` : undefined}
          className={inputClass}
        />
        <FieldErrors id={`${id}-errors`} errors={errors} />
      </div>
      <Button type="submit" variant="secondary">
        Rename
      </Button>
    </Form>
  );
}

function MergeForm({ theme, others, reply }: { theme: ThemeRow; others: ThemeRow[]; reply?: ThemeReply }) {
  if (!others.length) return <span className="text-slate-700">No other theme</span>;
  const result = reply?.intent === "merge" && reply.themeId === theme.id ? reply.result : undefined;
  const errors = result?.error?.intoId;
  const id = `merge-${theme.id}`;
  return (
    <Form method="post" className="flex items-start gap-2">
      <input type="hidden" name="intent" value="merge" />
      <input type="hidden" name="themeId" value={theme.id} />
      <div>
        <label htmlFor={id} className="sr-only">
          Merge {theme.name} into
        </label>
        <select
          id={id}
          name="intoId"
          defaultValue={typed(result, "intoId") ?? ""}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-errors` : undefined}
          className={inputClass}
        >
          <option value="">Merge into…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <FieldErrors id={`${id}-errors`} errors={errors} />
      </div>
      <Button type="submit" variant="secondary">
        Merge
      </Button>
    </Form>
  );
}

export function ThemeList({ themes, reply }: { themes: ThemeRow[]; reply?: ThemeReply }) {
  // A refusal that belongs to no row (the theme was merged away meanwhile) shows above the list.
  const orphan = reply && reply.intent !== "create" ? reply.result.error?.[""] : undefined;
  if (!themes.length) return <p className="rounded-lg bg-white p-4 shadow">No themes yet. Create the first one above.</p>;
  return (
    <div className="space-y-3">
      <FormErrors id="theme-list-errors" errors={orphan} />
      <DataTable caption="Themes" columns={["Theme", "Complaints", "Open", "Rename", "Merge into another theme"]}>
        {themes.map((theme) => (
          <tr key={theme.id} className="align-top">
            <th scope="row" className="px-4 py-2 text-left font-medium">
              {theme.name}
            </th>
            <td className="px-4 py-2">{theme.complaints}</td>
            <td className="px-4 py-2">{theme.open}</td>
            <td className="px-4 py-2">
              <RenameForm theme={theme} reply={reply} />
            </td>
            <td className="px-4 py-2">
              <MergeForm theme={theme} others={themes.filter((t) => t.id !== theme.id)} reply={reply} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export function ThemeCreateForm({ reply }: { reply?: ThemeReply }) {
  const result = reply?.intent === "create" ? reply.result : undefined;
  return (
    <Form method="post" className="space-y-3 rounded-lg bg-white p-4 shadow">
      <fieldset className="space-y-3">
        <legend className="font-semibold">New theme</legend>
        <FormErrors id="create-theme-errors" errors={result?.error?.[""]} />
        <input type="hidden" name="intent" value="create" />
        <TextField
          id="theme-name"
          name="name"
          label="Name"
          hint="Names are unique whatever their capitals: “Late delivery” and “late delivery” are one theme."
          defaultValue={typed(result, "name") ?? ""}
          maxLength={THEME_NAME_MAX}
          errors={result?.error?.name}
          required
        />
        <Button type="submit">Create theme</Button>
      </fieldset>
    </Form>
  );
}
