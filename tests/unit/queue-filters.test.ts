// Reading queue filters from an address bar: every value a person could type either works or is
// dropped with a notice; nothing throws.
import { describe, expect, test } from "vitest";
import {
  QUEUE_SORTS,
  decodeCursor,
  encodeCursor,
  myRequestsSearchParams,
  parseMyRequestsQuery,
  parseQueueQuery,
  queueSearchParams,
  type CursorKey,
} from "~/validation/queue-filters";

const parse = (query: string) => parseQueueQuery(new URLSearchParams(query));

describe("defaults", () => {
  test("an empty query is the open requests, anyone's, newest first, first page", () => {
    const { filters, page, notices } = parse("");
    expect(filters).toEqual({
      statuses: ["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER"],
      assignee: "any",
      priorities: [],
      typeId: null,
      overdue: false,
      q: "",
      sort: "newest",
    });
    expect(page).toBeNull();
    expect(notices).toEqual([]);
    expect(queueSearchParams(filters).toString()).toBe("");
  });
});

describe("status", () => {
  test("several statuses, in lifecycle order, case-insensitive", () => {
    expect(parse("status=closed&status=NEW").filters.statuses).toEqual(["NEW", "CLOSED"]);
  });

  test("'all' and 'open' keywords", () => {
    expect(parse("status=all").filters.statuses).toHaveLength(6);
    expect(parse("status=open&status=RESOLVED").filters.statuses).toEqual(["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER", "RESOLVED"]);
  });

  test("an unknown status is ignored with a notice; nothing valid falls back to open", () => {
    const { filters, notices } = parse("status=DELETED&status=' OR 1=1 --");
    expect(filters.statuses).toEqual(["NEW", "IN_PROGRESS", "WAITING_ON_REQUESTER"]);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/unknown status "DELETED"/);
  });

  test("written back canonically: open is the default, all is 'all'", () => {
    expect(queueSearchParams(parse("status=NEW&status=IN_PROGRESS&status=WAITING_ON_REQUESTER").filters).toString()).toBe("");
    expect(
      queueSearchParams(
        parse("status=NEW&status=IN_PROGRESS&status=WAITING_ON_REQUESTER&status=RESOLVED&status=CLOSED&status=CANCELLED").filters,
      ).toString(),
    ).toBe("status=all");
    expect(queueSearchParams(parse("status=RESOLVED&status=NEW").filters).toString()).toBe("status=NEW&status=RESOLVED");
  });
});

describe("assignee, priority, type, overdue, sort", () => {
  test("assignee keywords and ids", () => {
    expect(parse("assignee=me").filters.assignee).toBe("me");
    expect(parse("assignee=unassigned").filters.assignee).toBe("unassigned");
    expect(parse("assignee=3f1c2a4e-0000-4000-8000-000000000001").filters.assignee).toBe("3f1c2a4e-0000-4000-8000-000000000001");
    const bad = parse("assignee=%27%3B%20DROP%20TABLE%20users");
    expect(bad.filters.assignee).toBe("any");
    expect(bad.notices).toHaveLength(1);
  });

  test("priorities repeat; unknown ones are dropped", () => {
    const { filters, notices } = parse("priority=urgent&priority=HIGH&priority=CRITICAL");
    expect(filters.priorities).toEqual(["HIGH", "URGENT"]);
    expect(notices).toEqual(['Ignored the unknown priority "CRITICAL".']);
  });

  test("type must look like an id", () => {
    expect(parse("type=abc-123").filters.typeId).toBe("abc-123");
    expect(parse("type=a%20b").filters.typeId).toBeNull();
  });

  test("overdue is a checkbox", () => {
    expect(parse("overdue=1").filters.overdue).toBe(true);
    expect(parse("overdue=on").filters.overdue).toBe(true);
    expect(parse("overdue=0").filters.overdue).toBe(false);
  });

  test("each sort order; an unknown one is newest with a notice", () => {
    for (const sort of QUEUE_SORTS) expect(parse(`sort=${sort}`).filters.sort).toBe(sort);
    const bad = parse("sort=created_at;DROP");
    expect(bad.filters.sort).toBe("newest");
    expect(bad.notices).toHaveLength(1);
  });
});

describe("search", () => {
  test("trimmed, spaces collapsed, capped at 200 characters with a notice", () => {
    expect(parse("q=%20%20printer%20%20%20jam%20").filters.q).toBe("printer jam");
    const long = parse(`q=${"x".repeat(500)}`);
    expect(long.filters.q).toHaveLength(200);
    expect(long.notices).toHaveLength(1);
  });
});

describe("cursors", () => {
  const keys: CursorKey[] = [
    { sort: "newest", createdAt: new Date("2026-03-01T10:00:00.123Z"), id: "0f6c9a1e-1111-4000-8000-000000000001" },
    { sort: "oldest", createdAt: new Date("2026-03-01T10:00:00.000Z"), id: "abc" },
    { sort: "priority", priority: "URGENT", createdAt: new Date("2026-03-01T10:00:00.000Z"), id: "abc" },
    { sort: "due", resolutionDueAt: new Date("2026-03-04T10:00:00.000Z"), id: "abc" },
  ];

  test.each(keys)("round-trips a $sort cursor", (key) => {
    const token = encodeCursor(key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token, key.sort)).toEqual(key);
  });

  test("a cursor of another sort order is refused", () => {
    expect(decodeCursor(encodeCursor(keys[0]!), "due")).toBeNull();
  });

  test.each([
    "garbage",
    "",
    "%%%",
    btoa("[1,2,3]"),
    btoa('["newest","not a date","abc"]'),
    btoa('["newest","2026-03-01T10:00:00.000Z","a b"]'),
    btoa('["priority","CRITICAL","2026-03-01T10:00:00.000Z","abc"]'),
    btoa('["newest","2026-13-45T10:00:00.000Z","abc"]'),
    "A".repeat(1000),
  ])("garbage %s is refused, not thrown", (token) => {
    expect(decodeCursor(token, token.includes("priority") ? "priority" : "newest")).toBeNull();
  });

  test("a bad page link gives the first page and says so", () => {
    const { page, notices } = parse("after=not-a-cursor");
    expect(page).toBeNull();
    expect(notices[0]).toMatch(/page link didn't work/);
  });

  test("after and before carry a direction, and are written back", () => {
    const token = encodeCursor(keys[0]!);
    expect(parse(`after=${token}`).page).toEqual({ direction: "after", key: keys[0] });
    const before = parse(`before=${token}&status=all`);
    expect(before.page?.direction).toBe("before");
    expect(queueSearchParams(before.filters, before.page).toString()).toBe(`status=all&before=${token}`);
  });
});

describe("My requests", () => {
  test("tab and status; unknown tab falls back to raised", () => {
    expect(parseMyRequestsQuery(new URLSearchParams("tab=team&status=all")).filters).toMatchObject({ tab: "team" });
    const bad = parseMyRequestsQuery(new URLSearchParams("tab=everyone"));
    expect(bad.filters.tab).toBe("raised");
    expect(bad.notices).toHaveLength(1);
    expect(myRequestsSearchParams({ tab: "team", statuses: ["CLOSED"] }).toString()).toBe("tab=team&status=CLOSED");
  });
});
