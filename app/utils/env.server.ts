// The environment, validated once. Everything configurable lives here so a wrong value stops
// start-up with a clear message instead of failing later in a request.
import { z } from "zod";

const boolean = z.enum(["1", "0", "true", "false", "yes", "no", "on", "off"]).transform((v) => ["1", "true", "yes", "on"].includes(v));

function isTimeZone(name: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An unset or blank variable is absent (compose files often pass `NAME=`). */
function optionalText<T extends z.ZodType<string>>(inner: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), inner.optional());
}

/** https, or http on this machine only (a provider run locally for development and tests). */
function isProviderUrl(value: string) {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** A real PostgreSQL server. Without it the embedded database (PGlite) is used. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  UPSTREAM_DATA_DIR: z.string().default("./data"),
  /** Public address of the app, used in links inside emails. */
  APP_URL: z.string().url().optional(),
  /** Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  UPSTREAM_ADMIN_EMAIL: z.string().email().optional(),
  UPSTREAM_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Seed the demo organisation into an empty database on first start. */
  UPSTREAM_DEMO_DATA: boolean.default(true),
  UPSTREAM_JOBS: boolean.default(true),
  /**
   * For tests and development: every background job runs at least this often (in seconds), so
   * timers such as complaint escalation can be watched without waiting minutes. Unset in production.
   */
  UPSTREAM_JOB_INTERVAL_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(3600).optional()),
  /**
   * Outgoing mail server as one URL, e.g. smtp://user:password@mail.internal:587 or
   * smtps://mail.example.com:465. Wins over SMTP_HOST and the settings beside it.
   */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .refine((v) => URL.canParse(v) && ["smtp:", "smtps:"].includes(new URL(v).protocol), {
        message: "must be a URL starting smtp:// or smtps://, e.g. smtp://user:password@mail.example.com:587",
      })
      .optional(),
  ),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: boolean.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default("Upstream <no-reply@upstream.local>"),
  /** Hour of the day (UTC) after which the daily digest email goes out. */
  UPSTREAM_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /**
   * The organisation's time zone (IANA name): where its working days, "today" and the day and
   * week boundaries of scorecards and dashboards fall.
   */
  UPSTREAM_TIME_ZONE: z
    .string()
    .default("UTC")
    .refine((v) => isTimeZone(v), { message: "must be an IANA time zone such as Europe/London or America/New_York" }),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /**
   * OpenID Connect single sign-on: the provider's issuer URL (discovery is read from
   * ISSUER/.well-known/openid-configuration) and this app's client registration there.
   * All three or none.
   */
  OIDC_ISSUER: optionalText(
    z.string().refine((v) => isProviderUrl(v), {
      message: "must be the provider's https:// issuer URL (http:// only for localhost), e.g. https://login.example.com/realms/staff",
    }),
  ),
  OIDC_CLIENT_ID: optionalText(z.string()),
  OIDC_CLIENT_SECRET: optionalText(z.string()),
  OIDC_BUTTON_LABEL: optionalText(z.string().max(60)).transform((v) => v ?? "Sign in with single sign-on"),
  /** Create an account at first single sign-on for a verified email that has none. */
  OIDC_CREATE_USERS: boolean.default(false),
  /** The slug of the team such new accounts join. */
  OIDC_DEFAULT_TEAM: optionalText(z.string()),
  /** Off: email and password sign-in (and password reset) are refused; single sign-on only. */
  PASSWORD_SIGN_IN: boolean.default(true),
});

/** Settings that only make sense together: each missing one is named. */
const checkedSchema = schema.superRefine((config, ctx) => {
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
  const given = oidc.filter((name) => config[name] !== undefined);
  if (given.length > 0) {
    for (const name of oidc.filter((n) => config[n] === undefined)) {
      ctx.addIssue({ code: "custom", path: [name], message: `is required for single sign-on, because ${given.join(" and ")} is set` });
    }
  }
  const oidcConfigured = given.length === oidc.length;
  if (!config.PASSWORD_SIGN_IN && !oidcConfigured) {
    ctx.addIssue({
      code: "custom",
      path: ["PASSWORD_SIGN_IN"],
      message:
        "can only be off when single sign-on is configured (OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET); otherwise nobody could sign in",
    });
  }
  if (config.OIDC_CREATE_USERS && config.OIDC_DEFAULT_TEAM === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["OIDC_DEFAULT_TEAM"],
      message: "is required when OIDC_CREATE_USERS is on: the slug of the team new accounts join",
    });
  }
});

export type Env = z.infer<typeof checkedSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = checkedSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between files; this forgets the cached copy. */
export function resetEnvCache() {
  cached = undefined;
}
