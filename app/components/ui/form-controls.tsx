// Labelled form controls. Each error sits next to its field and is tied to it with
// aria-describedby and aria-invalid, so screen readers announce it with the field. Our
// aria-describedby comes after the spread props: conform's getInputProps also sets one (its own
// error id, or undefined), which would otherwise cut the field off from its hint and errors.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

const controlClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-[invalid=true]:border-red-700";

interface FieldProps {
  label: string;
  hint?: string;
  errors?: string[] | null;
}

function describedBy(id: string, hint?: string, errors?: string[] | null) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(" ") || undefined;
}

/** What every control carries: its id, the shared look, and its ties to its hint and errors. */
function controlProps(id: string, hint?: string, errors?: string[] | null) {
  return {
    id,
    className: controlClass,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy(id, hint, errors),
  };
}

function FieldFrame({ id, label, hint, errors, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

export function TextField({ label, hint, errors, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <input {...input} {...controlProps(id, hint, errors)} />
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  errors,
  id,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <textarea rows={4} {...input} {...controlProps(id, hint, errors)} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  id,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { id: string; children: ReactNode }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <select {...select} {...controlProps(id, hint, errors)}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ label, hint, errors, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          {...input}
          id={id}
          type="checkbox"
          className="mt-1 h-4 w-4 rounded border-slate-400"
          aria-describedby={describedBy(id, hint, errors)}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="ml-6 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** Errors that belong to the whole form (e.g. "this record changed since you opened it"). */
export function FormErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

const buttonStyles = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof buttonStyles }) {
  return (
    <button
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:opacity-60 ${buttonStyles[variant]} ${className}`}
      {...props}
    />
  );
}
