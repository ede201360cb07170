// Lengths of time typed as an amount and a unit, stored as whole minutes, and shown back in the
// largest unit that divides them.
import { describe, expect, test } from "vitest";
import { durationForForm, durationMinutes, isWholeMinutes } from "~/validation/durations";

describe("durations", () => {
  test("an amount in a unit is minutes", () => {
    expect(durationMinutes(1, "minutes")).toBe(1);
    expect(durationMinutes(2.5, "hours")).toBe(150);
    expect(durationMinutes(30, "days")).toBe(43_200);
  });

  test("only whole minutes are whole", () => {
    expect(isWholeMinutes(2.5, "hours")).toBe(true);
    expect(isWholeMinutes(1.5, "minutes")).toBe(false);
    expect(isWholeMinutes(0.01, "hours")).toBe(false);
  });

  test("stored minutes are shown in the largest unit offered that divides them", () => {
    expect(durationForForm(1440, ["minutes", "hours"])).toEqual({ value: "24", unit: "hours" });
    expect(durationForForm(90, ["minutes", "hours"])).toEqual({ value: "90", unit: "minutes" });
    expect(durationForForm(2880, ["hours", "days"])).toEqual({ value: "2", unit: "days" });
    expect(durationForForm(90, ["hours", "days"])).toEqual({ value: "1.5", unit: "hours" });
  });
});
