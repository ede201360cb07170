// The scorecard's arithmetic: each measure from its counts (worked out by hand), nothing to
// divide by → "nothing yet" instead of NaN or a false 0%, how a change reads, and the weekly rows.
import { describe, expect, test } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import {
  MEASURES,
  MEASURE_BY_KEY,
  describeChange,
  dimensionRows,
  formatMeasure,
  formatMinutes,
  measureChange,
  scorecardCards,
  scorecardMeasures,
  weeklyTrend,
  type ScorecardCounts,
} from "~/utils/service-measures";
import { DIMENSIONS } from "~/utils/rating-rules";
import { TrendChart } from "~/components/ui/trend-chart";

function counts(overrides: Partial<ScorecardCounts> = {}): ScorecardCounts {
  const none = { numerator: 0, denominator: 0 };
  return {
    volume: 0,
    csat: none,
    delight: none,
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d.key, { sum: 0, count: 0 }])) as ScorecardCounts["dimensions"],
    responseRate: none,
    firstResponseSla: none,
    resolutionSla: none,
    promisesKept: none,
    transfers: none,
    bounce: none,
    reopen: none,
    recovery: none,
    medianFirstResponse: { minutes: null, count: 0 },
    medianResolution: { minutes: null, count: 0 },
    ...overrides,
  };
}

const busy = counts({
  volume: 40,
  csat: { numerator: 21, denominator: 28 },
  delight: { numerator: 7, denominator: 28 },
  responseRate: { numerator: 28, denominator: 35 },
  firstResponseSla: { numerator: 36, denominator: 38 },
  resolutionSla: { numerator: 30, denominator: 36 },
  promisesKept: { numerator: 9, denominator: 12 },
  transfers: { numerator: 10, denominator: 40 },
  bounce: { numerator: 6, denominator: 40 },
  reopen: { numerator: 2, denominator: 33 },
  recovery: { numerator: 2, denominator: 3 },
  medianFirstResponse: { minutes: 42, count: 38 },
  medianResolution: { minutes: 2 * 1440 + 720, count: 35 },
});

describe("each measure from its counts", () => {
  const shown = (c: ScorecardCounts) =>
    Object.fromEntries(Object.values(scorecardMeasures(c)).map((m) => [m.key, formatMeasure(MEASURE_BY_KEY[m.key], m.value)]));

  test("a busy period", () => {
    expect(shown(busy)).toEqual({
      csat: "75%", // 21 / 28
      delight: "25%", // 7 / 28
      responseRate: "80%", // 28 / 35
      firstResponseSla: "94.7%", // 36 / 38 = 94.74
      resolutionSla: "83.3%", // 30 / 36
      promisesKept: "75%", // 9 / 12
      transfers: "0.25", // 10 transfers / 40 requests
      bounce: "15%", // 6 / 40
      reopen: "6.1%", // 2 / 33 = 6.06
      recovery: "66.7%", // 2 / 3
      volume: "40",
      medianFirstResponse: "42 min",
      medianResolution: "2.5 days",
    });
  });

  test("each value carries the population it is computed over", () => {
    const m = scorecardMeasures(busy);
    expect(m.csat).toMatchObject({ value: 75, ratio: { numerator: 21, denominator: 28 }, population: 28 });
    expect(m.transfers).toMatchObject({ value: 0.25, population: 40 });
    expect(m.medianFirstResponse).toEqual({ key: "medianFirstResponse", value: 42, population: 38 });
  });

  test("an empty period: the empty wording, never NaN or 0%", () => {
    expect(shown(counts())).toEqual({
      csat: "No ratings yet",
      delight: "No ratings yet",
      responseRate: "Nothing resolved yet",
      firstResponseSla: "No first responses due yet",
      resolutionSla: "No resolutions due yet",
      promisesKept: "No promises due yet",
      transfers: "No requests yet",
      bounce: "No requests yet",
      reopen: "Nothing resolved yet",
      recovery: "No recovery cases closed",
      volume: "0",
      medianFirstResponse: "No first responses yet",
      medianResolution: "Nothing resolved yet",
    });
  });

  test("a real 0% is still shown as 0%", () => {
    expect(scorecardMeasures(counts({ csat: { numerator: 0, denominator: 4 } })).csat.value).toBe(0);
    expect(formatMeasure(MEASURE_BY_KEY.csat, 0)).toBe("0%");
  });

  test("every measure has its definition, unit and drill-down wording", () => {
    for (const m of MEASURES) {
      expect(m.definition.length, m.key).toBeGreaterThan(10);
      expect(m.unit, m.key).not.toBe("");
      expect(m.drillDown.population, m.key).not.toBe("");
    }
  });
});

describe("durations", () => {
  test.each([
    [0, "0 min"],
    [59.4, "59 min"],
    [60, "1 h"],
    [90, "1.5 h"],
    [47 * 60, "47 h"],
    [48 * 60, "2 days"],
    [3.25 * 1440, "3.3 days"],
  ])("%d minutes reads %s", (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe("changes against the previous period", () => {
  const csat = MEASURE_BY_KEY.csat;
  test("a rise in a higher-is-better share is good news, in points", () => {
    const change = measureChange(csat, 75.2, 71);
    expect(change).toMatchObject({ trend: "up", verdict: "better" });
    expect(describeChange(csat, change, 71)).toBe("up 4.2 points from 71%");
  });

  test("a rise in a lower-is-better measure is bad news", () => {
    const bounce = MEASURE_BY_KEY.bounce;
    expect(measureChange(bounce, 20, 15)).toMatchObject({ trend: "up", verdict: "worse" });
    const minutes = MEASURE_BY_KEY.medianResolution;
    const change = measureChange(minutes, 180, 300);
    expect(change).toMatchObject({ trend: "down", verdict: "better" });
    expect(describeChange(minutes, change, 300)).toBe("down 2 h from 5 h");
  });

  test("one point reads in the singular; per-request values keep two decimals", () => {
    expect(describeChange(csat, measureChange(csat, 51, 50), 50)).toBe("up 1 point from 50%");
    const transfers = MEASURE_BY_KEY.transfers;
    expect(describeChange(transfers, measureChange(transfers, 0.25, 0.4), 0.4)).toBe("down 0.15 from 0.40");
  });

  test("below the precision shown, no change", () => {
    const change = measureChange(csat, 71.02, 71);
    expect(change).toEqual({ delta: 0, trend: "same", verdict: "same" });
    expect(describeChange(csat, change, 71)).toBe("no change from 71%");
  });

  test("volume moves without a verdict", () => {
    expect(measureChange(MEASURE_BY_KEY.volume, 50, 40)).toMatchObject({ trend: "up", verdict: "neutral" });
  });

  test("nothing to compare when either period is empty", () => {
    expect(measureChange(csat, null, 71)).toBeNull();
    expect(measureChange(csat, 71, null)).toBeNull();
    expect(describeChange(csat, null, 71)).toBeNull();
  });

  test("cards put it together", () => {
    const before = counts({ csat: { numerator: 14, denominator: 20 }, volume: 20 });
    const cards = Object.fromEntries(scorecardCards(busy, before).map((c) => [c.key, c]));
    expect(cards.csat).toMatchObject({
      text: "75%",
      previousText: "70%",
      ratio: { numerator: 21, denominator: 28 },
      previousRatio: { numerator: 14, denominator: 20 },
      change: { verdict: "better", words: "up 5 points from 70%", lead: "up 5 points from" },
    });
    expect(cards.delight).toMatchObject({ previousText: "No ratings yet", change: null });
    expect(cards.volume).toMatchObject({ text: "40", change: { words: "up 20 from 20", verdict: "neutral" } });
  });
});

describe("expectations", () => {
  test("averages of the scores given, in the form's order; none given → not scored", () => {
    const dims = { ...counts().dimensions, availability: { sum: 10, count: 3 }, reliability: { sum: 9, count: 2 } };
    const before = { ...counts().dimensions, availability: { sum: 8, count: 2 } };
    const rows = dimensionRows(counts({ dimensions: dims }), counts({ dimensions: before }));
    expect(rows.map((r) => r.key)).toEqual(DIMENSIONS.map((d) => d.key));
    expect(rows[0]).toMatchObject({ label: "Availability", text: "3.3", count: 3, previousText: "4.0", change: { verdict: "worse" } });
    expect(rows.find((r) => r.key === "reliability")).toMatchObject({ text: "4.5", previousText: "Not scored yet", change: null });
    expect(rows.find((r) => r.key === "timeliness")).toMatchObject({ text: "Not scored yet", count: 0 });
  });
});

describe("weekly trend", () => {
  test("one row per Monday-started week, empty weeks filled, no ratings → a gap (null), not 0%", () => {
    // Wednesday 5 March to Monday 31 March 2025.
    const rows = weeklyTrend(
      [
        { week: "2025-03-03", ratings: 4, satisfied: 3, volume: 9 },
        { week: "2025-03-17", ratings: 0, satisfied: 0, volume: 2 },
        { week: "2025-03-24", ratings: 2, satisfied: 0, volume: 5 },
      ],
      "2025-03-05",
      "2025-03-31",
    );
    expect(rows).toEqual([
      { week: "2025-03-03", volume: 9, ratings: 4, csat: 75 },
      { week: "2025-03-10", volume: 0, ratings: 0, csat: null },
      { week: "2025-03-17", volume: 2, ratings: 0, csat: null },
      { week: "2025-03-24", volume: 5, ratings: 2, csat: 0 },
      { week: "2025-03-31", volume: 0, ratings: 0, csat: null },
    ]);
  });

  test("a period within one week, and across a year end", () => {
    expect(weeklyTrend([], "2025-03-04", "2025-03-09").map((r) => r.week)).toEqual(["2025-03-03"]);
    expect(weeklyTrend([], "2024-12-28", "2025-01-06").map((r) => r.week)).toEqual(["2024-12-23", "2024-12-30", "2025-01-06"]);
  });
});

describe("the trend chart", () => {
  const point = (key: string, bar: number, line: number | null) => ({
    key,
    label: key,
    bar,
    line,
    lineText: line === null ? "No ratings" : `${line}%`,
    lineBase: line === null ? 0 : 4,
  });
  const html = renderToStaticMarkup(
    createElement(TrendChart, {
      points: [point("3 Mar", 9, 75), point("10 Mar", 0, null), point("17 Mar", 2, 50), point("24 Mar", 5, 100)],
      barLabel: "Requests received",
      lineLabel: "CSAT",
      lineBaseLabel: "First ratings",
      periodLabel: "Week of",
      gapNote: "no line where a week had no ratings",
    }),
  );

  test("an image with a summary for screen readers, and no inline styles (the CSP refuses them)", () => {
    expect(html).toContain('role="img"');
    expect(html).toContain(
      "4 weeks from 3 Mar to 24 Mar. Requests received per week: 0 to 9. CSAT 50% to 100% in the 3 of 4 weeks with a value.",
    );
    expect(html).not.toContain("style=");
  });

  test("the line breaks where a week has no value", () => {
    const path = /<path d="([^"]+)"/.exec(html)![1]!;
    expect(path.match(/M/g)).toHaveLength(2);
  });

  test("the same numbers as a table", () => {
    expect(html).toContain("Show the data as a table");
    expect(html).toMatch(/<th scope="row"[^>]*>10 Mar<\/th><td>0<\/td><td>0<\/td><td>No ratings<\/td>/);
  });
});
