// UPSTREAM_JOB_INTERVAL_SECONDS (tests and development): when set, every background job runs at
// least that often; unset, each keeps its own interval. Only whole seconds from 1 to 3600.
import { afterEach, describe, expect, test } from "vitest";
import { jobIntervalMs, type Job } from "~/jobs/job-runner.server";
import { env, resetEnvCache } from "~/utils/env.server";

const saved = process.env.UPSTREAM_JOB_INTERVAL_SECONDS;

function withInterval(value: string | undefined) {
  if (value === undefined) delete process.env.UPSTREAM_JOB_INTERVAL_SECONDS;
  else process.env.UPSTREAM_JOB_INTERVAL_SECONDS = value;
  resetEnvCache();
  return env;
}

afterEach(() => {
  withInterval(saved);
});

const job = (everyMs: number): Job => ({ name: "test", everyMs, run: async () => undefined });

describe("UPSTREAM_JOB_INTERVAL_SECONDS", () => {
  test("unset or empty, every job keeps its own interval", () => {
    expect(withInterval(undefined)().UPSTREAM_JOB_INTERVAL_SECONDS).toBeUndefined();
    expect(withInterval("")().UPSTREAM_JOB_INTERVAL_SECONDS).toBeUndefined();
    expect(jobIntervalMs(job(60_000))).toBe(60_000);
  });

  test("set, a slower job runs that often and a faster one keeps its pace", () => {
    expect(withInterval("2")().UPSTREAM_JOB_INTERVAL_SECONDS).toBe(2);
    expect(jobIntervalMs(job(60 * 60_000))).toBe(2_000);
    expect(jobIntervalMs(job(1_000))).toBe(1_000);
  });

  test.each(["0", "3601", "1.5", "soon"])("refuses %s, naming the setting", (value) => {
    expect(withInterval(value)).toThrow(/UPSTREAM_JOB_INTERVAL_SECONDS/);
  });
});
