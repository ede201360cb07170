// Matching what a person typed against stored text through Prisma's string filters.
//
// On PostgreSQL those filters are LIKE / ILIKE patterns underneath — `contains`, `startsWith`,
// and also `equals` with mode "insensitive" (prisma/orm#20318) — and Prisma passes the value
// through unescaped. So a typed "%" or "_" would act as a wildcard ("A_B" would find "AxB"; a
// theme called "A_B" would be refused because "AxB" exists) and a typed "\" as an escape (a
// name with a backslash would not find itself, and a unique index then refuses the write).
// Escaping the three pattern characters makes the text match as itself.

/** `text` as a LIKE pattern that matches exactly that text (backslash is LIKE's escape). */
export function escapeLikePattern(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Filter: the column contains `text`, whatever the capitals. */
export function containsIgnoringCase(text: string) {
  return { contains: escapeLikePattern(text), mode: "insensitive" as const };
}

/** Filter: the column is `text`, whatever the capitals. */
export function equalsIgnoringCase(text: string) {
  return { equals: escapeLikePattern(text), mode: "insensitive" as const };
}

/** Filter: the column contains `text` exactly (for columns stored in one case, like emails). */
export function containsExactly(text: string) {
  return { contains: escapeLikePattern(text) };
}

/** Filter: the column starts with `text` exactly. */
export function startsWithExactly(text: string) {
  return { startsWith: escapeLikePattern(text) };
}
