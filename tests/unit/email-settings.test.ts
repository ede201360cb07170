// The email settings read from the environment: SMTP_URL must be an smtp:// or smtps:// URL
// (an empty one counts as unset), and the digest hour is an hour of the day.
import { afterEach, describe, expect, test } from "vitest";
import { env, resetEnvCache } from "~/utils/env.server";

const NAMES = ["SMTP_URL", "UPSTREAM_DIGEST_HOUR"] as const;
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));

function withEnv(values: Partial<Record<(typeof NAMES)[number], string>>) {
  for (const name of NAMES) {
    if (values[name] === undefined) delete process.env[name];
    else process.env[name] = values[name];
  }
  resetEnvCache();
  return env;
}

afterEach(() => {
  withEnv(saved);
});

describe("SMTP_URL", () => {
  test.each(["smtp://mail.example.com:587", "smtps://user:p%40ss@mail.example.com", "smtp://127.0.0.1:2525?tls.rejectUnauthorized=false"])(
    "accepts %s",
    (url) => {
      expect(withEnv({ SMTP_URL: url })().SMTP_URL).toBe(url);
    },
  );

  test("an empty value is the same as none", () => {
    expect(withEnv({ SMTP_URL: "" })().SMTP_URL).toBeUndefined();
  });

  test.each(["mail.example.com", "http://mail.example.com", "smtp//broken"])("refuses %s, naming the setting", (url) => {
    expect(withEnv({ SMTP_URL: url })).toThrow(/SMTP_URL: must be a URL starting smtp:\/\/ or smtps:\/\//);
  });
});

describe("UPSTREAM_DIGEST_HOUR", () => {
  test("defaults to 7 and takes 0 to 23", () => {
    expect(withEnv({})().UPSTREAM_DIGEST_HOUR).toBe(7);
    expect(withEnv({ UPSTREAM_DIGEST_HOUR: "0" })().UPSTREAM_DIGEST_HOUR).toBe(0);
    expect(withEnv({ UPSTREAM_DIGEST_HOUR: "23" })().UPSTREAM_DIGEST_HOUR).toBe(23);
  });

  test.each(["24", "-1", "7.5", "seven"])("refuses %s", (hour) => {
    expect(withEnv({ UPSTREAM_DIGEST_HOUR: hour })).toThrow(/UPSTREAM_DIGEST_HOUR/);
  });
});
