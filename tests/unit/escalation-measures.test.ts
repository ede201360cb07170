import { describe, expect, test } from "vitest";
import {
  ageBand,
  formatChangePercent,
  frontLinePercent,
  heardVolume,
  heatTable,
  levelLabel,
  risingThemes,
  stackKeys,
  weeklyStacks,
} from "~/utils/escalation-measures";

describe("heard volume and front-line resolution", () => {
  test("heard volume is complaints plus their sightings", () => {
    expect(heardVolume({ complaints: 7, sightings: 5, frontLine: 3 })).toBe(12);
  });

  test("front-line resolution is over complaints only, never over sightings", () => {
    expect(frontLinePercent({ complaints: 8, sightings: 100, frontLine: 2 })).toBe(25);
  });

  test("nothing logged means no percentage, not 0% or NaN", () => {
    expect(frontLinePercent({ complaints: 0, sightings: 4, frontLine: 0 })).toBeNull();
  });
});

describe("rising themes", () => {
  const theme = (name: string, current: number, previous: number) => ({ themeId: name, name, current, previous });

  test("only themes heard at least 5 times that rose, new ones first, then by the size of the rise", () => {
    const rising = risingThemes([
      theme("Four only", 4, 0),
      theme("Falling", 9, 12),
      theme("Flat", 6, 6),
      theme("Doubled", 10, 5),
      theme("New", 5, 0),
      theme("Up half", 15, 10),
    ]);
    expect(rising.map((t) => [t.name, t.changePercent])).toEqual([
      ["New", null],
      ["Doubled", 100],
      ["Up half", 50],
    ]);
  });

  test("the minimum is configurable", () => {
    expect(risingThemes([theme("Three", 3, 1)], 3).map((t) => t.name)).toEqual(["Three"]);
  });

  test("changes read as a user expects", () => {
    expect(formatChangePercent(null)).toBe("new");
    expect(formatChangePercent(183.33)).toBe("+183%");
    expect(formatChangePercent(6600)).toBe("+6,600%");
  });
});

describe("open escalations", () => {
  test("age bands include their start and exclude their end", () => {
    expect(ageBand(0)).toBe("under1");
    expect(ageBand(23.99)).toBe("under1");
    expect(ageBand(24)).toBe("1to3");
    expect(ageBand(71.9)).toBe("1to3");
    expect(ageBand(72)).toBe("3to7");
    expect(ageBand(168)).toBe("over7");
    expect(ageBand(2000)).toBe("over7");
  });

  test("levels in words", () => {
    expect([0, 1, 3].map(levelLabel)).toEqual(["At the routed team", "1 level up", "3 levels up"]);
  });
});

describe("weekly stacks", () => {
  const keys = stackKeys("severity", []);

  test("severities from most to least severe; channels and categories as given", () => {
    expect(keys.map((k) => k.key)).toEqual(["CRITICAL", "HIGH", "MEDIUM", "LOW"]);
    expect(stackKeys("category", [{ id: "c1", name: "Billing" }])).toEqual([{ key: "c1", label: "Billing" }]);
    expect(stackKeys("channel", [])[0]).toEqual({ key: "PHONE", label: "Phone" });
  });

  test("every week of the period is there, empty weeks at zero, and only keys that were heard", () => {
    // 2026-11-04 is a Wednesday: its week starts Monday 2026-11-02.
    const { weeks, keys: shown } = weeklyStacks(
      [
        { week: "2026-11-02", key: "HIGH", heard: 3 },
        { week: "2026-11-02", key: "LOW", heard: 1 },
        { week: "2026-11-16", key: "HIGH", heard: 2 },
      ],
      "2026-11-04",
      "2026-11-20",
      keys,
    );
    expect(shown.map((k) => k.key)).toEqual(["HIGH", "LOW"]);
    expect(weeks.map((w) => [w.week, w.total])).toEqual([
      ["2026-11-02", 4],
      ["2026-11-09", 0],
      ["2026-11-16", 2],
    ]);
    expect(weeks[0]!.segments).toEqual([
      { key: "HIGH", label: "High", heard: 3 },
      { key: "LOW", label: "Low", heard: 1 },
    ]);
  });
});

describe("team-by-category table", () => {
  const teams = [
    { id: "t1", name: "Care" },
    { id: "t2", name: "Field" },
    { id: "t3", name: "Quiet" },
  ];
  const categories = [
    { id: "a", name: "Account" },
    { id: "b", name: "Billing" },
    { id: "z", name: "Never heard" },
  ];

  test("rows and columns that heard something, totals, and shades relative to the busiest cell", () => {
    const table = heatTable(
      [
        { teamId: "t1", categoryId: "a", heard: 8 },
        { teamId: "t1", categoryId: "b", heard: 1 },
        { teamId: "t2", categoryId: "b", heard: 4 },
      ],
      teams,
      categories,
    );
    expect(table.columns.map((c) => c.id)).toEqual(["a", "b"]);
    expect(table.rows.map((r) => [r.team.id, r.total, r.values.map((v) => [v.heard, v.shade])])).toEqual([
      [
        "t1",
        9,
        [
          [8, 4],
          [1, 1],
        ],
      ],
      [
        "t2",
        4,
        [
          [0, 0],
          [4, 2],
        ],
      ],
    ]);
  });

  test("nothing heard: no rows", () => {
    expect(heatTable([], teams, categories).rows).toEqual([]);
  });
});
