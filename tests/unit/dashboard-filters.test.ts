import { describe, expect, test } from "vitest";
import { dashboardQuery, parseDashboardQuery, type DashboardOptions } from "~/validation/dashboard-filters";

const options: DashboardOptions = {
  teams: [
    { id: "t-care", slug: "customer-care" },
    { id: "t-field", slug: "field-service" },
  ],
  allTeamSlugs: new Set(["customer-care", "field-service", "finance"]),
  categories: [{ id: "cat-1" }],
  themes: [{ id: "theme-1" }],
  types: [{ id: "type-1" }],
};
const TODAY = "2026-11-23";
const parse = (query: string) => parseDashboardQuery(new URLSearchParams(query), TODAY, options);

describe("dashboard filters from the URL", () => {
  test("the default view: last 90 days, everything in view", () => {
    const q = parse("");
    expect(q.period).toMatchObject({ from: "2026-08-26", to: TODAY, days: 90 });
    expect(q.filters).toEqual({ team: null, categoryId: null, channel: null, severity: null, themeId: null, typeId: null });
    expect(q.filterErrors).toEqual({});
    expect(q.forbiddenTeam).toBe(false);
  });

  test("every filter the page knows is applied", () => {
    const q = parse("period=30&team=field-service&category=cat-1&channel=PHONE&severity=HIGH&theme=theme-1&type=type-1");
    expect(q.period.days).toBe(30);
    expect(q.filters).toEqual({
      team: { id: "t-field", slug: "field-service" },
      categoryId: "cat-1",
      channel: "PHONE",
      severity: "HIGH",
      themeId: "theme-1",
      typeId: "type-1",
    });
  });

  test("values that name nothing get a message beside their field and are left out", () => {
    const q = parse("team=nope&category=x&channel=FAX&severity=URGENT&theme=gone&type=old");
    expect(Object.keys(q.filterErrors).sort()).toEqual(["category", "channel", "severity", "team", "theme", "type"]);
    expect(q.filterErrors.team).toMatch(/No team has that name/);
    expect(q.filters.team).toBeNull();
    expect(q.filters.channel).toBeNull();
    expect(q.forbiddenTeam).toBe(false);
  });

  test("a team that exists outside the person's teams is not 'unknown': the page answers 404", () => {
    const q = parse("team=finance");
    expect(q.forbiddenTeam).toBe(true);
    expect(q.filterErrors.team).toBeUndefined();
  });

  test("a bad period falls back to the default with the message beside the field", () => {
    expect(parse("period=custom&from=2026-03-01&to=2026-01-01").errors.to).toMatch(/on or after the first day/);
    expect(parse("period=custom&from=2020-01-01&to=2026-01-01").errors.to).toMatch(/at most 3 years/);
    expect(parse("period=custom&from=2026-03-01&to=2026-01-01").period.days).toBe(90);
  });

  test("links keep the view and change only what they must", () => {
    const q = parse("period=custom&from=2026-01-01&to=2026-01-31&team=customer-care&severity=LOW");
    expect(dashboardQuery(q).toString()).toBe("period=custom&from=2026-01-01&to=2026-01-31&team=customer-care&severity=LOW");
    expect(dashboardQuery(q, { severity: null, measure: "heard" }).toString()).toBe(
      "period=custom&from=2026-01-01&to=2026-01-31&team=customer-care&measure=heard",
    );
  });
});
