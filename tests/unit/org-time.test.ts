// Working days in the organisation's time zone: the clock behind recovery-case escalation.
import { describe, expect, test } from "vitest";
import { addWorkingDays, orgDateIso, startOfOrgDate } from "~/utils/org-time";

describe("addWorkingDays", () => {
  test("Friday afternoon plus 2 working days is Tuesday afternoon", () => {
    // 2026-11-20 is a Friday.
    expect(addWorkingDays(new Date("2026-11-20T15:30:00Z"), 2, "UTC")).toEqual(new Date("2026-11-24T15:30:00Z"));
  });

  test("a weekday plus 2 stays within the week", () => {
    expect(addWorkingDays(new Date("2026-11-23T09:00:00Z"), 2, "UTC")).toEqual(new Date("2026-11-25T09:00:00Z"));
  });

  test.each([
    ["Saturday", "2026-11-21T10:00:00Z"],
    ["Sunday", "2026-11-22T23:59:00Z"],
  ])("a start on %s counts from Monday 00:00, so it is due Wednesday 00:00", (_day, start) => {
    expect(addWorkingDays(new Date(start), 2, "UTC")).toEqual(new Date("2026-11-25T00:00:00Z"));
  });

  test("the weekend is the organisation's, not UTC's", () => {
    // Friday 22:00 in New York is already Saturday in UTC: still a working Friday for the organisation.
    const fridayEvening = new Date("2026-11-21T03:00:00Z");
    expect(orgDateIso(fridayEvening, "America/New_York")).toBe("2026-11-20");
    expect(addWorkingDays(fridayEvening, 2, "America/New_York")).toEqual(new Date("2026-11-25T03:00:00Z"));
    // In UTC the same instant is a Saturday: due Wednesday 00:00 UTC.
    expect(addWorkingDays(fridayEvening, 2, "UTC")).toEqual(new Date("2026-11-25T00:00:00Z"));
  });

  describe("across a daylight-saving change in Europe/London", () => {
    const london = "Europe/London";

    test("autumn: Friday 15:00 BST is due Tuesday 15:00 GMT, an hour longer by the clock", () => {
      // Clocks go back on Sunday 2026-10-25.
      const due = addWorkingDays(new Date("2026-10-23T14:00:00Z"), 2, london);
      expect(due).toEqual(new Date("2026-10-27T15:00:00Z"));
    });

    test("spring: Friday 15:00 GMT is due Tuesday 15:00 BST, an hour shorter", () => {
      // Clocks go forward on Sunday 2026-03-29.
      const due = addWorkingDays(new Date("2026-03-27T15:00:00Z"), 2, london);
      expect(due).toEqual(new Date("2026-03-31T14:00:00Z"));
    });

    test("a start on the weekend of the change is due Wednesday 00:00 local time", () => {
      const due = addWorkingDays(new Date("2026-10-24T12:00:00Z"), 2, london);
      expect(due).toEqual(startOfOrgDate("2026-10-28", london));
      expect(due).toEqual(new Date("2026-10-28T00:00:00Z"));
      const spring = addWorkingDays(new Date("2026-03-28T12:00:00Z"), 2, london);
      expect(spring).toEqual(new Date("2026-03-31T23:00:00Z"));
    });
  });
});
