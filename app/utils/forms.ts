// Small helpers shared by forms: the conform submission → our field components.
export { parseWithZod, getZodConstraint } from "@conform-to/zod/v4";
export { useForm, getInputProps, getFormProps, getTextareaProps, getSelectProps } from "@conform-to/react";
