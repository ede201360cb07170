// Small helpers shared by forms: the conform submission → our field components.
import { parseWithZod as parseWithConform } from "@conform-to/zod/v4";

export { getZodConstraint } from "@conform-to/zod/v4";
export { useForm, getInputProps, getFormProps, getTextareaProps, getSelectProps } from "@conform-to/react";

const NUL = "\u0000";

function withoutNul(payload: FormData | URLSearchParams): FormData | URLSearchParams {
  if (payload instanceof URLSearchParams) {
    const clean = new URLSearchParams();
    for (const [name, value] of payload) clean.append(name.replaceAll(NUL, ""), value.replaceAll(NUL, ""));
    return clean;
  }
  const clean = new FormData();
  for (const [name, value] of payload)
    clean.append(name.replaceAll(NUL, ""), typeof value === "string" ? value.replaceAll(NUL, "") : value);
  return clean;
}

/**
 * conform's parseWithZod, after taking NUL characters (U+0000) out of every value. Nobody types
 * one, but a hand-made request can send it, and PostgreSQL text cannot hold it: left in, a value
 * would pass its schema and then fail the INSERT, answering 500 instead of saving or refusing.
 */
export const parseWithZod = ((payload: FormData | URLSearchParams, options: Parameters<typeof parseWithConform>[1]) =>
  parseWithConform(withoutNul(payload), options)) as typeof parseWithConform;
