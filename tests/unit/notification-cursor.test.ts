import { describe, expect, test } from "vitest";
import { decodeNotificationCursor, encodeNotificationCursor } from "~/utils/notifications";

describe("notification list cursor", () => {
  test("round-trips the creation time (to the millisecond) and the id", () => {
    const cursor = { createdAt: new Date("2026-11-23T10:11:12.345Z"), id: "5f0c1a52-7d7b-4c43-9c1e-2f7a1e0b9d11" };
    const text = encodeNotificationCursor(cursor);
    expect(decodeNotificationCursor(text)).toEqual(cursor);
  });

  test.each([
    null,
    undefined,
    "",
    "garbage",
    "2026-11-23T10:11:12.345Z",
    "2026-13-45T99:99:99.999Z_abc",
    "2026-11-23T10:11:12.345Z_a b",
    "x_2026",
  ])("%s is no cursor (the first page)", (text) => {
    expect(decodeNotificationCursor(text)).toBeNull();
  });
});
