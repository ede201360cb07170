// The report's suppression rules over every small combination: no figure shown is a group under
// the minimum, and no hidden cell can be worked out from what is shown.
import { describe, expect, test } from "vitest";
import { buildFeedbackReport, monthsBetween, parseReportPeriod } from "~/utils/feedback-report";

describe("buildFeedbackReport", () => {
  test.each([3, 5])("with a minimum of %i, nothing small shows and nothing hidden can be derived", (min) => {
    for (let s = 0; s <= 12; s++) {
      for (let c = 0; c <= 12; c++) {
        const counts = [
          { addressee: "t", month: "2026-01", kind: "SUGGESTION" as const, count: s },
          { addressee: "t", month: "2026-01", kind: "CONCERN" as const, count: c },
        ];
        const [row] = buildFeedbackReport(counts, ["t"], ["2026-01"], min);
        const shown = [row!.total, row!.cells.SUGGESTION, row!.cells.CONCERN].filter((v): v is number => v !== null);
        for (const value of shown) expect(value).toBeGreaterThanOrEqual(min);
        const hidden = [row!.cells.SUGGESTION, row!.cells.CONCERN].filter((v) => v === null).length;
        if (row!.total !== null) expect(hidden === 0 || hidden === 2).toBe(true);
        if (s >= min && c >= min) expect(row).toMatchObject({ cells: { SUGGESTION: s, CONCERN: c }, total: s + c });
      }
    }
  });
});

describe("report periods", () => {
  test("default: the last six finished months", () => {
    expect(parseReportPeriod(new URLSearchParams(), "2026-03-15")).toMatchObject({ from: "2025-09", to: "2026-02", errors: {} });
  });
  test("months across a year end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
  test("the current month and periods over 24 months are refused", () => {
    expect(parseReportPeriod(new URLSearchParams({ from: "2026-01", to: "2026-03" }), "2026-03-15").errors.to).toMatch(/ended/);
    expect(parseReportPeriod(new URLSearchParams({ from: "2023-01", to: "2026-02" }), "2026-03-15").errors.to).toBe(
      "Choose at most 24 months.",
    );
  });
});
