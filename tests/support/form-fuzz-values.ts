// Hostile form values for the form fuzz test (tests/integration/form-fuzz.test.ts): what a field
// holds (its kind and limits), values of any validity for it, and values it must refuse.
// Everything is plain data (strings, arrays of strings, null for "left out") so fast-check can
// print and shrink a failing body.
import fc from "fast-check";

/** One form field, as its zod schema describes it. */
export type Field =
  /** Free text; `required`: blank (after trimming) is refused. `min`: fewer characters are refused. */
  | { kind: "text"; max: number; min?: number; required?: boolean }
  /** A number typed into a box (whole numbers only when `int`). */
  | { kind: "number"; min: number; max: number; int?: boolean; required?: boolean }
  /** A choice from a fixed list. */
  | { kind: "enum"; values: readonly string[]; required?: boolean }
  /**
   * The id (or number, or code) of a record. An unknown one is refused unless `unknownIsRefused`
   * is false (e.g. a bulk action that reports "nothing done" instead).
   */
  | { kind: "ref"; required?: boolean; unknownIsRefused?: boolean; multiple?: boolean }
  /** The optimistic-locking version the form was rendered from: a counter or a timestamp. */
  | { kind: "version"; of: "counter" | "timestamp"; required?: boolean }
  /** A hidden per-form token (double-submit protection). */
  | { kind: "token"; min: number; max: number }
  /** yyyy-mm-dd, today or later. */
  | { kind: "day"; required?: boolean }
  /** A datetime-local value in the organisation's zone, not in the future. */
  | { kind: "local-datetime" }
  /** An email address. */
  | { kind: "email"; max: number; required?: boolean }
  /** Text of a given shape (a slug, a phone number): `invalid` lists values that don't fit it. */
  | { kind: "pattern"; invalid: readonly string[] }
  /** A checkbox or any other field whose every value is acceptable (it is only ever read as a flag or ignored). */
  | { kind: "anything" };

/** A value as it goes into the form body: one value, a repeated field, or null for "left out". */
export type FieldValue = string | string[] | null;

// ---------------------------------------------------------------------------------------------
// The hostile strings: unicode edge cases, injection attempts, numbers that break parsers.

const RTL_OVERRIDE = "\u202Eevil\u202C";
const ZERO_WIDTH = "a\u200Bb\u200C\u200D\uFEFF";

export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\t \n",
  "\u00A0\u2003",
  "x",
  "ok",
  RTL_OVERRIDE,
  `name ${RTL_OVERRIDE}gpj.exe`,
  "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
  ZERO_WIDTH,
  "\u200B",
  "\u0000",
  "a\u0000b",
  "\u0000' OR 1=1 --",
  "e\u0301\u0301\u0301",
  "\uD83D\uDC4D\uD83C\uDFFD \uD835\uDD4F",
  "\uFFFF\uFFFE",
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  "1; SELECT pg_sleep(5) --",
  "%' OR '%'='",
  "\\'; --",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}} ${7*7}",
  "line one\r\nSet-Cookie: session=stolen",
  "\r\n\r\n<html>",
  '=HYPERLINK("http://evil.test")',
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "1e-400",
  "-1",
  "0",
  "-0",
  "1.5",
  "0x10",
  "1_000",
  "99999999999999999999999",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "null",
  "undefined",
  "true",
  "on",
  "[object Object]",
  "__proto__",
  "constructor",
  "toString",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "1999-12-31",
  "2026-13-01T25:61",
  "../../etc/passwd",
  "%00%0d%0a",
  "%s%n%x",
  "ADMIN",
  "MANAGER",
];

const withoutNul = (value: string) => value.replaceAll("\u0000", "");

const CHARS = ["x", "é", "\u05D0", "\u200B", "\uD83D\uDC4D", " ", "<", "'", "\n"];

/** A long string of `length` units built from awkward characters (emoji count as two). */
function longString(length: number, fill: string) {
  return fill.repeat(Math.ceil(length / fill.length)).slice(0, length);
}

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 70_000 }), fc.constantFrom(...CHARS)).map(([length, fill]) => longString(length, fill)),
  },
  {
    weight: 1,
    arbitrary: fc.double({ noDefaultInfinity: false }).map(String),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  },
);

/** Any value at all for a field: hostile text, a repeated field, or nothing. */
export const hostileValue: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Ids of nothing: well-formed and malformed. */
export const unknownIds: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    "00000000-0000-0000-0000-000000000000",
    "does-not-exist",
    "0",
    "-1",
    "REQ-999999",
    "CMP-999999",
    "' OR 1=1 --",
    "x".repeat(101),
    "a\u0000b",
    "<script>alert(1)</script>",
    "../admin",
  ),
);

/** A string of `length` visible characters: over a limit even after trimming. */
const overLimit = (max: number) => fc.integer({ min: max + 1, max: max + 3000 }).map((n) => longString(n, "x"));

const blank = fc.constantFrom("", " ", "\t\r\n", "\u00A0");

const twoOf = (arb: fc.Arbitrary<string>) => fc.array(arb, { minLength: 2, maxLength: 3 });

/**
 * Values `field` must refuse whatever else the body holds (null: the field left out). Every
 * kind refuses a repeated value where one is expected.
 */
export function invalidValue(field: Field): fc.Arbitrary<FieldValue> | null {
  const missing = fc.constant(null);
  switch (field.kind) {
    case "text": {
      const options: Array<fc.Arbitrary<FieldValue>> = [twoOf(fc.constantFrom("one", "two"))];
      if (Number.isFinite(field.max)) options.push(overLimit(field.max));
      if (field.required) options.push(missing, blank);
      if (field.min && field.min > 1) options.push(fc.constant("x".repeat(field.min - 1)));
      return fc.oneof(...options);
    }
    case "number": {
      const options: Array<fc.Arbitrary<FieldValue>> = [
        fc.constantFrom("NaN", "1e309", "-1e309", "Infinity", "abc", "1,5", "--1", String(field.min - 1), String(field.max + 1)),
        fc.integer({ min: Math.ceil(field.max + 1), max: Number.MAX_SAFE_INTEGER }).map(String),
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Math.floor(field.min - 1) }).map(String),
        twoOf(fc.constant(String(field.min))),
      ];
      if (field.int) options.push(fc.constantFrom(`${field.min}.5`, "1.0000001"));
      if (field.required) options.push(missing, fc.constant(""));
      return fc.oneof(...options);
    }
    case "enum": {
      const options: Array<fc.Arbitrary<FieldValue>> = [
        // Forms drop NUL characters before parsing (app/utils/forms.ts): "\u0000" is a blank, "LOW\u0000" is LOW.
        hostileString.map(withoutNul).filter((v) => v.trim() !== "" && !field.values.includes(v)),
        fc.constantFrom(...field.values).map((v) => `${v} `.repeat(2)),
        fc.constantFrom(...field.values).map((v) => v.toLowerCase() + "x"),
        twoOf(fc.constantFrom(...field.values)),
      ];
      if (field.required) options.push(missing);
      return fc.oneof(...options);
    }
    case "ref": {
      const options: Array<fc.Arbitrary<FieldValue>> = [];
      if (field.unknownIsRefused !== false) options.push(unknownIds);
      if (field.required) options.push(missing, fc.constant(""));
      if (!field.multiple) options.push(twoOf(unknownIds));
      return options.length ? fc.oneof(...options) : null;
    }
    case "version": {
      const options: Array<fc.Arbitrary<FieldValue>> = [
        fc.constantFrom("abc", "NaN", "1e309", "not a date"),
        twoOf(fc.constantFrom("1", "2")),
      ];
      if (field.of === "counter") options.push(fc.constantFrom("0", "-1", "1.5"));
      // A version the record never had is a conflict, but only where the form checks it.
      if (field.required !== false) {
        options.push(missing, fc.constant(field.of === "counter" ? "99999999" : "2001-01-01T00:00:00.000Z"));
      }
      return fc.oneof(...options);
    }
    case "token":
      return fc.oneof(
        missing,
        fc.constant(""),
        fc.constant("x".repeat(field.min - 1)),
        overLimit(field.max),
        twoOf(fc.constant("x".repeat(20))),
      );
    case "day":
      return fc.oneof(
        fc.constantFrom(
          "yesterday",
          "31/12/2030",
          "2030-1-1",
          "20301231",
          "1999-12-31",
          "2000-01-01",
          "2030-13-01",
          "2030-02-30",
          "2030-04-31",
          "<script>",
        ),
        twoOf(fc.constant("2099-01-01")),
        ...(field.required ? [missing, fc.constant("")] : []),
      );
    case "local-datetime":
      return fc.oneof(
        fc.constantFrom("tomorrow", "2999-01-01T00:00", "2026-13-01T10:00", "2026-02-30T10:00", "2026-01-01T24:00", "2026-01-01"),
        twoOf(fc.constant("2020-01-01T10:00")),
      );
    case "email":
      return fc.oneof(
        fc.constantFrom("not-an-email", "a@", "@b.test", "a b@c.test", "<script>@x.test", "a@b.test\r\nBcc: x@y.test"),
        fc.integer({ min: field.max - 8, max: field.max + 500 }).map((n) => `${"x".repeat(n)}@example.com`),
        twoOf(fc.constant("a@b.test")),
        ...(field.required ? [missing, fc.constant("")] : []),
      );
    case "pattern":
      return fc.oneof(fc.constantFrom(...field.invalid), twoOf(fc.constantFrom(...field.invalid)));
    case "anything":
      return null;
  }
}

/**
 * Fields a form does not offer, that a hand-made request might add to reach further: a role, a
 * team, an owner. The values are filled in per run (an admin's id, another team's id, "ADMIN").
 */
export const EXTRA_FIELD_NAMES = [
  "role",
  "teamId",
  "ownerId",
  "userId",
  "authorId",
  "requesterId",
  "providerTeamId",
  "assigneeId",
  "status",
  "id",
  "createdAt",
  "number",
  "isAdmin",
  "active",
  "__proto__",
] as const;
