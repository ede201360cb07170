// Typed text handed to Prisma's string filters (LIKE / ILIKE underneath) matches as itself.
import { describe, expect, test } from "vitest";
import { containsExactly, containsIgnoringCase, equalsIgnoringCase, escapeLikePattern, startsWithExactly } from "~/utils/text-match";

describe("escapeLikePattern", () => {
  test("the wildcards % and _ and the escape character \\ are escaped", () => {
    expect(escapeLikePattern("100% a_b")).toBe("100\\% a\\_b");
    expect(escapeLikePattern("C:\\temp")).toBe("C:\\\\temp");
    expect(escapeLikePattern("\\'; --")).toBe("\\\\'; --");
  });

  test("everything else is left alone (values are bound as parameters, never spliced into SQL)", () => {
    expect(escapeLikePattern("'; DROP TABLE requests; --")).toBe("'; DROP TABLE requests; --");
    expect(escapeLikePattern("Ünïcode * ? [a-z] ^$")).toBe("Ünïcode * ? [a-z] ^$");
  });
});

describe("filters", () => {
  test("each carries the escaped text, case-insensitive where it says so", () => {
    expect(equalsIgnoringCase("a_b")).toEqual({ equals: "a\\_b", mode: "insensitive" });
    expect(containsIgnoringCase("50%")).toEqual({ contains: "50\\%", mode: "insensitive" });
    expect(containsExactly("jo_smith@")).toEqual({ contains: "jo\\_smith@" });
    expect(startsWithExactly("user_")).toEqual({ startsWith: "user\\_" });
  });
});
