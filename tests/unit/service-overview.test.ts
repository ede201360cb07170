import { describe, expect, test } from "vitest";
import { addCounts, emptyCounts, overviewCells, readOverviewSort, sortOverviewRows, type OverviewCounts } from "~/utils/service-overview";

function counts(partial: Partial<OverviewCounts>): OverviewCounts {
  return { ...emptyCounts(), ...partial };
}

const cell = (cells: ReturnType<typeof overviewCells>, key: string) => cells.find((c) => c.key === key)!;

describe("a team's row", () => {
  test("each measure from its own counts, as the scorecard defines it", () => {
    const cells = overviewCells(
      counts({
        volume: 20,
        csat_d: 8,
        csat_n: 6,
        delight_n: 2,
        frs_d: 10,
        frs_n: 9,
        bounce_n: 5,
        reopen_d: 16,
        reopen_n: 4,
        recovery_d: 3,
        recovery_n: 1,
      }),
      counts({ volume: 10, csat_d: 4, csat_n: 4 }),
    );
    expect(cell(cells, "volume").value).toBe(20);
    expect(cell(cells, "csat").value).toBe(75);
    expect(cell(cells, "csat").ratio).toEqual({ numerator: 6, denominator: 8 });
    expect(cell(cells, "delight").value).toBe(25);
    expect(cell(cells, "firstResponseSla").value).toBe(90);
    // Bounce is over every request received; reopen over those ever resolved.
    expect(cell(cells, "bounce").value).toBe(25);
    expect(cell(cells, "reopen").value).toBe(25);
    expect(cell(cells, "recovery").value).toBeCloseTo(33.33, 2);
  });

  test("change against the previous period, with whether it is good news", () => {
    const cells = overviewCells(counts({ csat_d: 8, csat_n: 6 }), counts({ csat_d: 4, csat_n: 4 }));
    expect(cell(cells, "csat").change).toMatchObject({ trend: "down", verdict: "worse", words: "down 25 points from 100%" });
    const bounce = overviewCells(counts({ volume: 10, bounce_n: 1 }), counts({ volume: 10, bounce_n: 3 }));
    expect(cell(bounce, "bounce").change).toMatchObject({ trend: "down", verdict: "better" });
  });

  test("an empty period says so, never NaN or 0%", () => {
    const cells = overviewCells(emptyCounts(), emptyCounts());
    expect(cell(cells, "csat")).toMatchObject({ value: null, text: "No ratings yet", change: null });
    expect(cell(cells, "volume")).toMatchObject({ value: 0, text: "0" });
    expect(JSON.stringify(cells)).not.toMatch(/NaN/);
  });
});

describe("the organisation's total", () => {
  test("adds the teams' counts: a big team weighs more than a small one", () => {
    const total = addCounts([counts({ csat_d: 100, csat_n: 90 }), counts({ csat_d: 2, csat_n: 0 })]);
    // (90 + 0) ÷ (100 + 2), not the average of 90% and 0%.
    expect(cell(overviewCells(total, emptyCounts()), "csat").value).toBeCloseTo(88.24, 2);
  });
});

describe("sorting", () => {
  const row = (name: string, csat: [number, number]) => ({
    name,
    cells: overviewCells(counts({ csat_n: csat[0], csat_d: csat[1] }), emptyCounts()),
  });
  const rows = [row("Bravo", [1, 2]), row("Alpha", [3, 4]), row("Empty", [0, 0]), row("Charlie", [3, 4])];

  test("by a measure, highest first by default, teams without a value last either way, ties by name", () => {
    expect(sortOverviewRows(rows, "csat", "desc").map((r) => r.name)).toEqual(["Alpha", "Charlie", "Bravo", "Empty"]);
    expect(sortOverviewRows(rows, "csat", "asc").map((r) => r.name)).toEqual(["Bravo", "Alpha", "Charlie", "Empty"]);
  });

  test("by name", () => {
    expect(sortOverviewRows(rows, "name", "asc").map((r) => r.name)).toEqual(["Alpha", "Bravo", "Charlie", "Empty"]);
    expect(sortOverviewRows(rows, "name", "desc").map((r) => r.name)).toEqual(["Empty", "Charlie", "Bravo", "Alpha"]);
  });

  test("the order from the URL; anything else falls back to names A–Z", () => {
    expect(readOverviewSort(new URLSearchParams("sort=csat"))).toEqual({ by: "csat", direction: "desc" });
    expect(readOverviewSort(new URLSearchParams("sort=csat&dir=asc"))).toEqual({ by: "csat", direction: "asc" });
    expect(readOverviewSort(new URLSearchParams("sort=drop+table&dir=sideways"))).toEqual({ by: "name", direction: "asc" });
  });
});
