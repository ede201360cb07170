// CSV exports: what a spreadsheet user gets back (every value round-trips, formulas are defused),
// and that a large export is produced only as fast as it is downloaded.
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { CSV_ROWS_PER_CHUNK, csvResponse, keysetPages, safeCsvFilename, type CsvColumn, type CsvValue } from "~/utils/csv.server";
import { log } from "~/utils/logger.server";

vi.mock("~/utils/logger.server", () => ({
  log: { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() },
}));

beforeEach(() => {
  vi.clearAllMocks();
});

async function* source<T>(rows: T[]) {
  yield* rows;
}

/** Columns over array rows: column i shows row[i]. */
function columnsFor(headers: string[]): CsvColumn<CsvValue[]>[] {
  return headers.map((header, i) => ({ header, value: (row) => row[i] }));
}

/** The body as text with a leading BOM kept (Response.text() would silently drop it). */
async function bodyText(response: Response) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** Parsed as a spreadsheet reads it: any unquoted line break (CRLF, LF or a lone CR) ends a row. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: ["\r\n", "\n", "\r"] });
}

function logged() {
  return JSON.stringify([vi.mocked(log.debug).mock.calls, vi.mocked(log.info).mock.calls, vi.mocked(log.error).mock.calls]);
}

describe("csvResponse", () => {
  const when = new Date("2026-11-23T07:40:00.000Z");
  const cases: Array<[string, CsvValue, string]> = [
    ["comma", "Smith, Jane", "Smith, Jane"],
    ["quotes", 'She said "it is broken"', 'She said "it is broken"'],
    ["newline", "line 1\nline 2", "line 1\nline 2"],
    ["crlf", "line 1\r\nline 2", "line 1\r\nline 2"],
    ["lone cr", "line 1\rline 2", "line 1\rline 2"],
    ["unicode", "Zoë Ånström — 東京, Ελλάδα", "Zoë Ånström — 東京, Ελλάδα"],
    ["emoji", "👩‍💻 fixed it 🎉", "👩‍💻 fixed it 🎉"],
    ["empty", "", ""],
    ["null", null, ""],
    ["undefined", undefined, ""],
    ["date", when, "2026-11-23T07:40:00.000Z"],
    ["calendar day", "2026-11-23", "2026-11-23"],
    ["integer", 42, "42"],
    ["negative", -3, "-3"],
    ["decimal", 3.25, "3.25"],
    ["zero", 0, "0"],
    ["big integer", 12345678901234567890n, "12345678901234567890"],
    ["true", true, "yes"],
    ["false", false, "no"],
  ];

  test("every kind of value reads back as the spreadsheet should show it", async () => {
    const headers = cases.map(([header]) => header);
    const row = cases.map(([, value]) => value);
    const otherRow = [...row].reverse();
    const text = await bodyText(csvResponse({ filename: "values.csv", columns: columnsFor(headers), rows: source([row, otherRow]) }));

    const [headerRow, ...rows] = parseCsv(text);
    expect(headerRow).toEqual(headers);
    const expected = cases.map(([, , shown]) => shown);
    expect(rows).toEqual([expected, [...expected].reverse()]);
  });

  test("starts with exactly one UTF-8 byte order mark, then one header row, lines ending CRLF", async () => {
    const response = csvResponse({ filename: "x.csv", columns: columnsFor(["Name", "Team"]), rows: source([["Ann", "Billing"]]) });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\uFEFF")).toHaveLength(2);
    expect(text).toBe("\uFEFFName,Team\r\nAnn,Billing\r\n");
  });

  test("an export with no rows is the BOM and the header row", async () => {
    const text = await bodyText(csvResponse({ filename: "x.csv", columns: columnsFor(["Name"]), rows: source<CsvValue[]>([]) }));
    expect(text).toBe("\uFEFFName\r\n");
  });

  test("answers as a download that is neither cached nor sniffed", () => {
    const response = csvResponse({ filename: "requests 2026-11.csv", columns: columnsFor(["a"]), rows: source<CsvValue[]>([]) });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="requests-2026-11.csv"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    // X-Content-Type-Options: nosniff comes from helmet on every response (server/index.ts).
  });

  test.each([
    ["requests.csv", "requests.csv"],
    ["requests 2026-11.csv", "requests-2026-11.csv"],
    ["a\"; filename*=UTF-8''evil.exe", "a-filename-UTF-8-evil.exe.csv"],
    ["../../etc/passwd", "etc-passwd.csv"],
    ["Zoë's team\r\nreport", "Zo-s-team-report.csv"],
    ["", "export.csv"],
    ["...", "export.csv"],
    ["report.", "report.csv"],
  ])("the file name %j is sent as %j", (given, sent) => {
    expect(safeCsvFilename(given)).toBe(sent);
  });
});

describe("formula injection guard", () => {
  test.each(["=", "+", "-", "@", "\t", "\r"])("text starting with %j is prefixed with a single quote", async (first) => {
    const value = `${first}HYPERLINK("https://evil.example","x")`;
    const text = await bodyText(csvResponse({ filename: "x.csv", columns: columnsFor(["Comment"]), rows: source([[value]]) }));
    expect(parseCsv(text)[1]).toEqual([`'${value}`]);
  });

  test("numbers are not text: a negative number stays a number, while the text -3 is guarded", async () => {
    const text = await bodyText(
      csvResponse({ filename: "x.csv", columns: columnsFor(["a", "b", "c", "d"]), rows: source([[-3, -0.5, "-3", "a=b"]]) }),
    );
    expect(parseCsv(text)[1]).toEqual(["-3", "-0.5", "'-3", "a=b"]);
  });
});

describe("streaming", () => {
  test("300,000 rows are fetched only as fast as the body is read", async () => {
    const total = 300_000;
    const pageSize = 1_000;
    let fetched = 0;
    let fetches = 0;
    const fetchPage = async (after: { id: number } | null) => {
      fetches++;
      const start = after ? after.id + 1 : 1;
      const page = Array.from({ length: Math.max(0, Math.min(pageSize, total - start + 1)) }, (_, i) => ({
        id: start + i,
        name: `Customer ${start + i}`,
      }));
      fetched += page.length;
      return page;
    };
    const response = csvResponse({
      filename: "big.csv",
      columns: [
        { header: "Id", value: (row: { id: number; name: string }) => row.id },
        { header: "Name", value: (row: { id: number; name: string }) => row.name },
      ],
      rows: keysetPages(fetchPage, pageSize),
    });

    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    // At most: the page the generator holds, the chunk in the stream's queue and the one being built.
    const allowedLead = pageSize + 2 * CSV_ROWS_PER_CHUNK;
    let lines = 0;
    let maxLead = 0;
    let tail = "";
    for (;;) {
      // Let any eager producer run ahead before looking, as a slow network would.
      await new Promise((resolve) => setImmediate(resolve));
      const consumed = Math.max(0, lines - 1);
      maxLead = Math.max(maxLead, fetched - consumed);
      expect(fetched - consumed).toBeLessThanOrEqual(allowedLead);
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      lines += text.split("\r\n").length - 1;
      tail = (tail + text).slice(-200);
    }

    expect(lines).toBe(total + 1);
    expect(fetched).toBe(total);
    expect(fetches).toBe(total / pageSize + 1);
    expect(maxLead).toBeGreaterThan(0);
    expect(tail.endsWith("299999,Customer 299999\r\n300000,Customer 300000\r\n")).toBe(true);
  });

  test("a source that fails mid-stream errors the download and logs no row contents", async () => {
    let closed = false;
    async function* failing() {
      try {
        for (let i = 1; i <= 600; i++) yield { name: `Jane Customer ${i}`, email: `jane${i}@customer.example` };
        throw new Error("could not read the row after jane600@customer.example (Jane Customer 600)");
      } finally {
        closed = true;
      }
    }
    const response = csvResponse({
      filename: "people.csv",
      columns: [
        { header: "Name", value: (row: { name: string; email: string }) => row.name },
        { header: "Email", value: (row: { name: string; email: string }) => row.email },
      ],
      rows: failing(),
      requestId: "req-123",
    });

    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    let failure: unknown;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    } catch (error) {
      failure = error;
    }

    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(`CSV export failed after ${2 * CSV_ROWS_PER_CHUNK} rows`);
    expect(received).toContain("Jane Customer 1,jane1@customer.example");
    expect(closed).toBe(true);

    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith(
      "csv export failed",
      expect.objectContaining({ filename: "people.csv", requestId: "req-123", rowsWritten: 2 * CSV_ROWS_PER_CHUNK }),
    );
    expect(vi.mocked(log.error).mock.calls[0]![1]).toMatchObject({ error: { name: "Error" } });
    expect(logged()).not.toMatch(/customer|jane/i);
  });

  test("a column that throws on a row errors the download the same way, naming only the error's kind and code", async () => {
    let closed = false;
    const error = Object.assign(new TypeError("bad value for jane@customer.example"), { code: "P2024" });
    const response = csvResponse({
      filename: "people.csv",
      columns: [
        {
          header: "Email",
          value: (row: { email: string }) => {
            if (row.email.startsWith("jane")) throw error;
            return row.email;
          },
        },
      ],
      rows: (async function* () {
        try {
          yield* [{ email: "ann@customer.example" }, { email: "jane@customer.example" }, { email: "bob@customer.example" }];
        } finally {
          closed = true;
        }
      })(),
    });

    await expect(response.text()).rejects.toThrow("CSV export failed after 0 rows");
    expect(closed).toBe(true);
    expect(vi.mocked(log.error).mock.calls[0]![1]).toMatchObject({ error: { name: "TypeError", code: "P2024" } });
    expect(logged()).not.toMatch(/customer|jane|ann|bob/i);
  });

  test("when the client goes away, paging stops and the source is closed", async () => {
    const abort = new AbortController();
    let fetches = 0;
    let closed = false;
    async function* pages() {
      try {
        yield* keysetPages(async (after: number | null) => {
          fetches++;
          const start = (after ?? 0) + 1;
          return start > 10_000 ? [] : Array.from({ length: 100 }, (_, i) => start + i);
        }, 100);
      } finally {
        closed = true;
      }
    }
    const response = csvResponse({
      filename: "x.csv",
      columns: [{ header: "n", value: (n: number) => n }],
      rows: pages(),
      signal: abort.signal,
    });
    const reader = response.body!.getReader();
    await reader.read(); // header
    await reader.read(); // first rows
    abort.abort();
    await expect(async () => {
      for (;;) if ((await reader.read()).done) break;
    }).rejects.toThrow(/client went away/);
    const fetchesWhenStopped = fetches;
    await new Promise((resolve) => setImmediate(resolve));
    expect(fetches).toBe(fetchesWhenStopped);
    expect(fetches).toBeLessThanOrEqual(2 * (CSV_ROWS_PER_CHUNK / 100 + 1));
    expect(closed).toBe(true);
    expect(log.error).not.toHaveBeenCalled();
  });

  test("cancelling the body closes the source", async () => {
    let closed = false;
    async function* rows() {
      try {
        for (let i = 0; ; i++) yield [i];
      } finally {
        closed = true;
      }
    }
    const reader = csvResponse({ filename: "x.csv", columns: columnsFor(["n"]), rows: rows() }).body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });
});

describe("keysetPages", () => {
  test("asks for each page after the last row of the previous one and stops at a short page", async () => {
    const asked: Array<number | null> = [];
    const all = Array.from({ length: 25 }, (_, i) => i + 1);
    const rows: number[] = [];
    for await (const row of keysetPages(async (after: number | null) => {
      asked.push(after);
      return all.filter((n) => n > (after ?? 0)).slice(0, 10);
    }, 10)) {
      rows.push(row);
    }
    expect(rows).toEqual(all);
    expect(asked).toEqual([null, 10, 20]);
  });

  test("when the rows fill the last page exactly, one more (empty) page ends it", async () => {
    const asked: Array<number | null> = [];
    const rows: number[] = [];
    for await (const row of keysetPages(async (after: number | null) => {
      asked.push(after);
      return after === null ? [1, 2] : after === 2 ? [3, 4] : [];
    }, 2)) {
      rows.push(row);
    }
    expect(rows).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([null, 2, 4]);
  });

  test.each([0, -1, 1.5, Number.NaN])("refuses the page size %s", async (pageSize) => {
    await expect(keysetPages(async () => [], pageSize).next()).rejects.toThrow(RangeError);
  });
});
