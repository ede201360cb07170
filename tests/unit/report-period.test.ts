// Choosing a scorecard's period from its URL: presets, custom dates, every way the input can be
// unusable (reported beside the field, default view shown), the previous equal period, and the
// period's instants in a time zone with summer time.
import { describe, expect, test } from "vitest";
import { DEFAULT_PRESET, formatPeriod, parsePeriod, periodBounds, periodQuery, previousPeriod } from "~/utils/report-period";

const TODAY = "2026-11-23";
const parse = (query: string) => parsePeriod(new URLSearchParams(query), TODAY);

describe("presets", () => {
  test("no period: the last 90 days, today included", () => {
    expect(DEFAULT_PRESET).toBe("90");
    expect(parse("")).toEqual({
      period: { preset: "90", from: "2026-08-26", to: "2026-11-23", days: 90 },
      previous: { preset: "90", from: "2026-05-28", to: "2026-08-25", days: 90 },
      errors: {},
    });
  });

  test.each([
    ["30", "2026-10-25", "2026-09-25", "2026-10-24"],
    ["365", "2025-11-24", "2024-11-24", "2025-11-23"],
  ])("last %s days from %s, against %s – %s", (preset, from, previousFrom, previousTo) => {
    const { period, previous, errors } = parse(`period=${preset}`);
    expect(errors).toEqual({});
    expect(period).toMatchObject({ preset, from, to: TODAY, days: Number(preset) });
    expect(previous).toMatchObject({ from: previousFrom, to: previousTo, days: Number(preset) });
  });

  test("presets ignore stray dates", () => {
    expect(parse("period=30&from=2020-01-01&to=2020-02-01").period.from).toBe("2026-10-25");
  });

  test("an unknown preset is refused", () => {
    const { period, errors } = parse("period=7");
    expect(errors).toEqual({ period: "Choose one of the periods offered." });
    expect(period.preset).toBe("90");
  });
});

describe("custom dates", () => {
  test("both days included; the previous period is as long and ends the day before", () => {
    const { period, previous, errors } = parse("period=custom&from=2024-02-01&to=2024-03-01");
    expect(errors).toEqual({});
    // 2024 is a leap year: 29 days of February plus 1 March.
    expect(period).toEqual({ preset: "custom", from: "2024-02-01", to: "2024-03-01", days: 30 });
    expect(previous).toEqual({ preset: "custom", from: "2024-01-02", to: "2024-01-31", days: 30 });
  });

  test("a single day", () => {
    expect(parse("period=custom&from=2026-11-23&to=2026-11-23").period.days).toBe(1);
  });

  test.each([
    [
      "no dates",
      "period=custom",
      { from: "Enter the first day as a date, e.g. 2026-01-31.", to: "Enter the last day as a date, e.g. 2026-03-31." },
    ],
    [
      "a day that doesn't exist",
      "period=custom&from=2025-02-29&to=2025-03-10",
      { from: "Enter the first day as a date, e.g. 2026-01-31." },
    ],
    ["not a date", "period=custom&from=2025-03-01&to=next+week", { to: "Enter the last day as a date, e.g. 2026-03-31." }],
    ["the end before the start", "period=custom&from=2025-03-10&to=2025-03-01", { to: "The last day must be on or after the first day." }],
    ["an end in the future", "period=custom&from=2026-11-01&to=2026-11-24", { to: "The last day can't be in the future." }],
    ["more than three years", "period=custom&from=2023-11-23&to=2026-11-23", { to: "Choose a period of at most 3 years." }],
  ])("%s: the message beside the field and the default view", (_case, query, errors) => {
    const choice = parse(query);
    expect(choice.errors).toEqual(errors);
    expect(choice.period).toMatchObject({ preset: "90", to: TODAY });
  });

  test("exactly three years (with a leap day) is allowed", () => {
    const { period, errors } = parse("period=custom&from=2023-11-24&to=2026-11-23");
    expect(errors).toEqual({});
    expect(period.days).toBe(3 * 365 + 1);
  });
});

describe("previous period and links", () => {
  test("equal in days, not in calendar months", () => {
    const march = { preset: "custom" as const, from: "2025-03-01", to: "2025-03-31", days: 31 };
    expect(previousPeriod(march)).toEqual({ preset: "custom", from: "2025-01-29", to: "2025-02-28", days: 31 });
    expect(previousPeriod(previousPeriod(march))).toEqual({ preset: "custom", from: "2024-12-29", to: "2025-01-28", days: 31 });
  });

  test("the query string selects the same period again", () => {
    expect(periodQuery(parse("period=30").period)).toEqual({ period: "30" });
    expect(periodQuery(parse("period=custom&from=2025-03-01&to=2025-03-30").period)).toEqual({
      period: "custom",
      from: "2025-03-01",
      to: "2025-03-30",
    });
  });

  test("labels", () => {
    expect(formatPeriod({ from: "2025-03-01", to: "2025-03-30" })).toBe("1 Mar 2025 – 30 Mar 2025");
    expect(formatPeriod({ from: "2025-03-01", to: "2025-03-01" })).toBe("1 Mar 2025");
  });
});

describe("bounds in the organisation's time zone", () => {
  test("New York across the start of summer time: midnight to midnight local, 23 hours shorter by one", () => {
    const { start, end } = periodBounds({ from: "2025-03-01", to: "2025-03-30" }, "America/New_York");
    expect(start.toISOString()).toBe("2025-03-01T05:00:00.000Z"); // EST, UTC−5
    expect(end.toISOString()).toBe("2025-03-31T04:00:00.000Z"); // EDT, UTC−4
    expect(end.getTime() - start.getTime()).toBe((30 * 24 - 1) * 3_600_000);
  });

  test("London across the end of summer time", () => {
    const { start, end } = periodBounds({ from: "2025-10-26", to: "2025-10-26" }, "Europe/London");
    expect(start.toISOString()).toBe("2025-10-25T23:00:00.000Z");
    expect(end.toISOString()).toBe("2025-10-27T00:00:00.000Z");
  });

  test("UTC", () => {
    const { start, end } = periodBounds({ from: "2026-01-01", to: "2026-01-31" }, "UTC");
    expect([start.toISOString(), end.toISOString()]).toEqual(["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"]);
  });
});
