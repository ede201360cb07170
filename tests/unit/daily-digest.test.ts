import { describe, expect, test } from "vitest";
import { DIGEST_MAX_ITEMS, digestEmail, lastDigestTime } from "~/utils/daily-digest";

describe("lastDigestTime", () => {
  test("after the hour it is today at that hour (UTC)", () => {
    expect(lastDigestTime(new Date("2026-11-23T07:00:00Z"), 7)).toEqual(new Date("2026-11-23T07:00:00Z"));
    expect(lastDigestTime(new Date("2026-11-23T16:45:12Z"), 7)).toEqual(new Date("2026-11-23T07:00:00Z"));
  });

  test("before the hour it is yesterday at that hour, across month and year ends", () => {
    expect(lastDigestTime(new Date("2026-11-23T06:59:59.999Z"), 7)).toEqual(new Date("2026-11-22T07:00:00Z"));
    expect(lastDigestTime(new Date("2027-01-01T03:00:00Z"), 7)).toEqual(new Date("2026-12-31T07:00:00Z"));
  });

  test("every run during one day agrees on one boundary", () => {
    const runs = ["2026-11-23T07:05:00Z", "2026-11-23T12:00:00Z", "2026-11-24T06:55:00Z"].map((t) => lastDigestTime(new Date(t), 7));
    expect(new Set(runs.map((d) => d.toISOString()))).toEqual(new Set(["2026-11-23T07:00:00.000Z"]));
  });

  test("hour 0 and hour 23", () => {
    expect(lastDigestTime(new Date("2026-11-23T00:00:00Z"), 0)).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(lastDigestTime(new Date("2026-11-23T22:59:00Z"), 23)).toEqual(new Date("2026-11-22T23:00:00Z"));
  });
});

describe("digestEmail", () => {
  const base = "https://upstream.example.com";

  test("lists each notification's title and full link, oldest first, and counts them in the subject", () => {
    const email = digestEmail({
      name: "Ada",
      baseUrl: base,
      items: [
        { title: "REQ-2 missed its resolution target: Printer", link: "/requests/REQ-2", createdAt: new Date("2026-11-23T10:00:00Z") },
        { title: "New request for IT: REQ-1 Laptop", link: "/requests/REQ-1", createdAt: new Date("2026-11-23T09:00:00Z") },
      ],
    });
    expect(email.subject).toBe("Upstream: 2 new notifications");
    expect(email.text).toContain("Hello Ada,");
    expect(email.text).toContain(`- New request for IT: REQ-1 Laptop\n  ${base}/requests/REQ-1`);
    expect(email.text.indexOf("REQ-1 Laptop")).toBeLessThan(email.text.indexOf("REQ-2 missed"));
    expect(email.text).toContain(`${base}/account`);
  });

  test("one item is singular; a very long list is cut with a link to the rest", () => {
    const one = digestEmail({ name: "Ada", baseUrl: base, items: [{ title: "T", link: "/x", createdAt: new Date() }] });
    expect(one.subject).toBe("Upstream: 1 new notification");

    const many = Array.from({ length: DIGEST_MAX_ITEMS + 3 }, (_, i) => ({
      title: `Item ${i}`,
      link: `/requests/REQ-${i}`,
      createdAt: new Date(Date.UTC(2026, 10, 23, 0, i)),
    }));
    const long = digestEmail({ name: "Ada", baseUrl: base, items: many });
    expect(long.subject).toBe(`Upstream: ${DIGEST_MAX_ITEMS + 3} new notifications`);
    expect(long.text).toContain(`Item ${DIGEST_MAX_ITEMS - 1}\n`);
    expect(long.text).not.toContain(`Item ${DIGEST_MAX_ITEMS}\n`);
    expect(long.text).toContain(`…and 3 more: ${base}/notifications`);
  });
});
