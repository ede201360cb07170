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
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
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
