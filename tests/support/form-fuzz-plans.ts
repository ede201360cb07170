// What one fuzzed submission sends, as plain data fast-check can print and shrink: which form,
// how the body departs from a valid one, and which fields a hand-made request adds. The plan is
// turned into a body only once the run's records exist (their ids and versions are filled in then).
import fc from "fast-check";
import type { FuzzEntry, FuzzWorld, Prepared } from "./form-fuzz-table";
import {
  EXTRA_FIELD_NAMES,
  HOSTILE_STRINGS,
  hostileString,
  hostileValue,
  invalidValue,
  unknownIds,
  type FieldValue,
} from "./form-fuzz-values";

/** A field a form does not offer; `@admin`-style values name a record of the run. */
export interface ExtraField {
  name: string;
  value: string;
}

export type Plan =
  /** A valid body with one field made invalid: must be refused, and write nothing. */
  | { mode: "one-bad-field"; form: string; field: string; value: FieldValue; extras: ExtraField[] }
  /** A valid body under an intent the route does not know: must be refused. */
  | { mode: "unknown-intent"; form: string; intent: FieldValue; extras: ExtraField[] }
  /** Any mix of valid, hostile and missing values: must not fail, and write nothing if refused. */
  | {
      mode: "chaos";
      form: string;
      intent?: FieldValue;
      values: Record<string, { valid: true } | { valid: false; value: FieldValue }>;
      extras: ExtraField[];
    }
  /**
   * A valid body whose free-text fields hold hostile text the form accepts (NUL, RTL, zero-width,
   * SQL, HTML, CR/LF, within the length limit): must not fail (it is saved, or refused without a write).
   */
  | { mode: "hostile-text"; form: string; texts: Record<string, string | null>; extras: ExtraField[] }
  /** A valid body posted to the URL of a record that is not there: must be refused (404), and write nothing. */
  | { mode: "unknown-record"; form: string; param: string; value: string; extras: ExtraField[] }
  /** A valid body with extra fields: must not fail, nor make anyone an admin or change the poster's teams. */
  | { mode: "valid-with-extras"; form: string; extras: ExtraField[] };

const RECORD_PLACEHOLDERS = ["@admin", "@actor", "@other-team", "@care"] as const;

const extraFields: fc.Arbitrary<ExtraField[]> = fc.array(
  fc.record({
    name: fc.constantFrom(...EXTRA_FIELD_NAMES),
    value: fc.oneof(fc.constantFrom("ADMIN", "MANAGER", "CLOSED", "true", "on", ...RECORD_PLACEHOLDERS), hostileString),
  }),
  { maxLength: 4 },
);

function wrongIntents(entry: FuzzEntry): fc.Arbitrary<FieldValue> {
  const known = Object.keys(entry.forms);
  return fc.oneof(
    fc.constant(null),
    hostileString.filter((v) => !known.includes(v)),
    fc.constantFrom(...known).map((v) => v.toUpperCase() + " "),
  );
}

/** The plans fuzzing one row of the table draws from. */
export function planArbitrary(entry: FuzzEntry): fc.Arbitrary<Plan> {
  const forms = Object.keys(entry.forms);
  const options: Array<{ weight: number; arbitrary: fc.Arbitrary<Plan> }> = [];

  const badFields = forms.flatMap((form) =>
    Object.entries(entry.forms[form]!)
      .filter(([, field]) => invalidValue(field) !== null)
      .map(([name, field]) => ({ form, name, invalid: invalidValue(field)! })),
  );
  if (badFields.length) {
    options.push({
      weight: 4,
      arbitrary: fc.constantFrom(...badFields).chain(({ form, name, invalid }) =>
        fc.record({
          mode: fc.constant("one-bad-field" as const),
          form: fc.constant(form),
          field: fc.constant(name),
          value: invalid,
          extras: extraFields,
        }),
      ),
    });
  }

  if (entry.intentField && entry.unknownIntent === "refused") {
    options.push({
      weight: 1,
      arbitrary: fc.record({
        mode: fc.constant("unknown-intent" as const),
        form: fc.constantFrom(...forms),
        intent: wrongIntents(entry),
        extras: extraFields,
      }),
    });
  }

  options.push({
    weight: 2,
    arbitrary: fc.constantFrom(...forms).chain((form) => {
      const fields = entry.forms[form]!;
      const choice = (name: string) => {
        const field = fields[name]!;
        const bad = invalidValue(field);
        const value = fc.oneof(hostileValue, ...(bad ? [bad] : []), ...(field.kind === "ref" ? [unknownIds] : []));
        return fc.oneof(
          { weight: 2, arbitrary: fc.constant({ valid: true as const }) },
          { weight: 2, arbitrary: value.map((v) => ({ valid: false as const, value: v })) },
        );
      };
      return fc.record({
        mode: fc.constant("chaos" as const),
        form: fc.constant(form),
        ...(entry.intentField
          ? { intent: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileValue }) }
          : {}),
        values: fc.record(Object.fromEntries(Object.keys(fields).map((name) => [name, choice(name)]))),
        extras: extraFields,
      }) as fc.Arbitrary<Plan>;
    }),
  });

  if (entry.params?.length) {
    options.push({
      weight: 1,
      arbitrary: fc.record({
        mode: fc.constant("unknown-record" as const),
        form: fc.constantFrom(...forms),
        param: fc.constantFrom(...entry.params),
        // No NUL: server/index.ts refuses a URL with %00 before any action sees it. No lone
        // surrogate: a URL can't carry one (invalid UTF-8 is not decoded into a parameter).
        value: fc.oneof(unknownIds, hostileString).filter((v) => v !== "" && !v.includes("\u0000") && !/\p{Cs}/u.test(v)),
        extras: extraFields,
      }),
    });
  }

  const textForms = forms.filter((form) => Object.values(entry.forms[form]!).some((field) => field.kind === "text"));
  if (textForms.length) {
    options.push({
      weight: 3,
      arbitrary: fc.constantFrom(...textForms).chain((form) => {
        const texts = Object.entries(entry.forms[form]!).filter(([, field]) => field.kind === "text");
        return fc.record({
          mode: fc.constant("hostile-text" as const),
          form: fc.constant(form),
          texts: fc.record(
            Object.fromEntries(
              texts.map(([name, field]) => {
                const max = field.kind === "text" ? Math.min(field.max, 5000) : 100;
                const min = field.kind === "text" ? (field.min ?? 1) : 1;
                const fits = (v: string) => v.trim().length >= min && v.length <= max;
                return [
                  name,
                  fc.oneof(
                    { weight: 1, arbitrary: fc.constant(null) },
                    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter(fits)) },
                    { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: min, maxLength: Math.min(max, 60) }).filter(fits) },
                  ),
                ];
              }),
            ),
          ),
          extras: extraFields,
        });
      }),
    });
  }

  options.push({
    weight: 1,
    arbitrary: fc.record({
      mode: fc.constant("valid-with-extras" as const),
      form: fc.constantFrom(...forms),
      extras: fc.array(
        fc.record({ name: fc.constantFrom(...EXTRA_FIELD_NAMES), value: fc.constantFrom("ADMIN", "MANAGER", ...RECORD_PLACEHOLDERS) }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  });

  return fc.oneof(...options);
}

/** Whether the plan's body must be refused whatever the state of the records. */
export function mustBeRefused(plan: Plan, entry: FuzzEntry) {
  if (plan.mode === "unknown-record") return !entry.paramsIgnoredByAction;
  return plan.mode === "one-bad-field" || plan.mode === "unknown-intent";
}

/** The route parameters of a plan: those of the run's records, or a record that is not there. */
export function paramsOf(plan: Plan, prepared: Prepared): Record<string, string> {
  return plan.mode === "unknown-record" ? { ...prepared.params, [plan.param]: plan.value } : prepared.params;
}

/** The body of a plan, as ordered name/value pairs (a field may repeat, and `__proto__` is just a name). */
export function bodyOf(entry: FuzzEntry, plan: Plan, prepared: Prepared, world: FuzzWorld): Array<[string, string]> {
  const fields = entry.forms[plan.form]!;
  const valid = prepared.valid[plan.form] ?? {};
  const values = new Map<string, FieldValue>();
  if (entry.intentField) values.set(entry.intentField, plan.form);
  for (const name of Object.keys(fields)) values.set(name, valid[name] ?? null);

  if (plan.mode === "one-bad-field") values.set(plan.field, plan.value);
  if (plan.mode === "unknown-intent") values.set(entry.intentField!, plan.intent);
  if (plan.mode === "chaos") {
    if (entry.intentField && plan.intent !== undefined) values.set(entry.intentField, plan.intent);
    for (const [name, choice] of Object.entries(plan.values)) if (!choice.valid) values.set(name, choice.value);
  }
  if (plan.mode === "hostile-text") {
    for (const [name, value] of Object.entries(plan.texts)) if (value !== null) values.set(name, value);
  }

  const placeholder: Record<string, string> = {
    "@admin": world.admin.id,
    "@actor": prepared.actorId ?? world.requester.id,
    "@other-team": world.other.id,
    "@care": world.care.id,
  };
  for (const extra of plan.extras) {
    // An extra field never replaces one the form has: it is only what the form does not offer.
    if (values.has(extra.name) || extra.name === entry.intentField) continue;
    values.set(extra.name, placeholder[extra.value] ?? extra.value);
  }

  const pairs: Array<[string, string]> = [];
  for (const [name, value] of values) {
    if (value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push([name, item]);
  }
  return pairs;
}

/** A short description of a body for failure messages (long values cut). */
export function describeBody(pairs: Array<[string, string]>) {
  return pairs
    .map(([name, value]) => `${name}=${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…(${value.length})` : value)}`)
    .join(" ");
}
