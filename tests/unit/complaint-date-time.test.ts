import { describe, expect, test } from "vitest";
import { parseLocalDateTime, toLocalDateTime } from "~/validation/complaints";

describe("when a complaint happened, as typed", () => {
  test("reads the browser's datetime-local value on the organisation's clock", () => {
    expect(parseLocalDateTime("2026-11-23T14:05", "Europe/London")?.toISOString()).toBe("2026-11-23T14:05:00.000Z");
    expect(parseLocalDateTime("2026-07-01T09:30", "Europe/London")?.toISOString()).toBe("2026-07-01T08:30:00.000Z");
  });

  test("accepts a space instead of the T, as the error message shows it", () => {
    expect(parseLocalDateTime(" 2026-11-23 14:05 ", "UTC")?.toISOString()).toBe("2026-11-23T14:05:00.000Z");
  });

  test("refuses what is not a date and time, and dates that do not exist", () => {
    for (const value of ["23/11/2026 14:05", "2026-11-23", "2026-02-31T10:00", "2026-11-23T24:00", "tomorrow"]) {
      expect(parseLocalDateTime(value, "UTC"), value).toBeNull();
    }
  });

  test("round-trips with the value the form shows", () => {
    const date = new Date("2026-03-29T00:30:00Z");
    expect(parseLocalDateTime(toLocalDateTime(date, "Europe/Berlin"), "Europe/Berlin")?.toISOString()).toBe(date.toISOString());
  });
});
