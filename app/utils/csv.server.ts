// CSV downloads for resource routes. Rows are read from an async iterable only as fast as the
// response body is read, so an export of hundreds of thousands of rows never sits in memory.
// Quoting, escaping and the formula guard come from csv-stringify (docs/decisions/014-csv-exports.md).
import { stringify, type Options } from "csv-stringify/sync";
import { log } from "./logger.server";

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export interface CsvResponseOptions<T> {
  /** Suggested download name; reduced to [A-Za-z0-9._-] and given a .csv ending. */
  filename: string;
  columns: ReadonlyArray<CsvColumn<T>>;
  rows: AsyncIterable<T>;
  /** Pass `request.signal`: when the client goes away, paging through the database stops. */
  signal?: AbortSignal;
  /** For the log line if the export fails. */
  requestId?: string;
}

const BOM = "\uFEFF";
/** Rows per chunk handed to the response body: small enough to start the download at once. */
export const CSV_ROWS_PER_CHUNK = 250;

const FORMULA_AFTER_SPACE = /^\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

const STRINGIFY_OPTIONS: Options = {
  // RFC 4180 line ends. Setting record_delimiter turns csv-stringify's quoting of a lone \n or \r
  // off unless quote_record_delimiter is set too; without it a multi-line comment breaks the row.
  record_delimiter: "windows",
  quote_record_delimiter: true,
  // Prefixes ' to text starting with = + - @ tab or CR (OWASP CSV injection); numbers are left alone.
  escape_formulas: true,
  cast: {
    boolean: (value) => (value ? "yes" : "no"),
    date: (value) => value.toISOString(),
    // escape_formulas looks at the first character only, and spreadsheets that trim a cell run
    // " =1+1" too: text whose first non-space character is a formula sign gets the quote as well.
    string: (value) => (FORMULA_AFTER_SPACE.test(value) ? `'${value}` : value),
  },
};

const encoder = new TextEncoder();

/**
 * A download response for a resource route's loader:
 * `return csvResponse({ filename: "requests.csv", columns, rows: keysetPages(fetchPage, 1000), signal: request.signal })`.
 */
export function csvResponse<T>({ filename, columns, rows, signal, requestId }: CsvResponseOptions<T>): Response {
  const name = safeCsvFilename(filename);
  return new Response(csvStream(columns, rows, { signal, logFields: { filename: name, requestId } }), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * The CSV body: BOM and header row first, then rows as the consumer asks for them (pull-based,
 * so at most one chunk waits in the stream's queue). If the row source fails, the stream errors
 * so the download visibly fails instead of ending short; the log line carries no row contents.
 */
export function csvStream<T>(
  columns: ReadonlyArray<CsvColumn<T>>,
  rows: AsyncIterable<T>,
  { signal, logFields = {} }: { signal?: AbortSignal; logFields?: Record<string, unknown> } = {},
): ReadableStream<Uint8Array> {
  const iterator = rows[Symbol.asyncIterator]();
  let headerSent = false;
  let rowsWritten = 0;

  const stop = async () => {
    try {
      await iterator.return?.();
    } catch {
      // The source is being abandoned; an error while closing it changes nothing.
    }
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(BOM + stringify([columns.map((column) => column.header)], STRINGIFY_OPTIONS)));
          return;
        }
        const batch: CsvValue[][] = [];
        try {
          let done = false;
          while (!done && batch.length < CSV_ROWS_PER_CHUNK) {
            if (signal?.aborted) {
              log.info("csv export stopped: the client went away", { ...logFields, rowsWritten });
              await stop();
              controller.error(new Error(`CSV export stopped after ${rowsWritten} rows: the client went away`));
              return;
            }
            const next = await iterator.next();
            if (next.done) done = true;
            else batch.push(columns.map((column) => column.value(next.value)));
          }
          if (batch.length > 0) controller.enqueue(encoder.encode(stringify(batch, STRINGIFY_OPTIONS)));
          rowsWritten += batch.length;
          if (done) controller.close();
        } catch (error) {
          log.error("csv export failed", { ...logFields, rowsWritten, error: describeWithoutContent(error) });
          await stop();
          // A fresh error: the original's message may quote row contents, and whatever reads the
          // body (Remix, then Express's default handler) prints the error it gets.
          controller.error(new Error(`CSV export failed after ${rowsWritten} rows`));
        }
      },
      async cancel() {
        await stop();
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * Rows of a keyset-paginated query, one page at a time: `fetchPage(null)` for the first page,
 * then `fetchPage(lastRowOfPreviousPage)`, until a page comes back shorter than `pageSize`.
 */
export async function* keysetPages<T>(fetchPage: (after: T | null) => Promise<T[]>, pageSize: number): AsyncGenerator<T, void, undefined> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError("pageSize must be a positive integer");
  let after: T | null = null;
  for (;;) {
    const page = await fetchPage(after);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1] as T;
  }
}

export function safeCsvFilename(filename: string): string {
  const name = filename
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+/, "")
    .slice(0, 120);
  if (!name) return "export.csv";
  return /\.csv$/i.test(name) ? name : `${name.replace(/\.+$/, "")}.csv`;
}

/**
 * What went wrong, without the error message: messages of database and validation errors quote
 * the values involved (Prisma prints a failed call's arguments), which may be personal data.
 */
function describeWithoutContent(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const head = String(error);
  // The stack starts with "Name: message"; keep only the frames after it, or nothing if unsure.
  const frames =
    typeof error.stack === "string" && error.stack.startsWith(head)
      ? error.stack.slice(head.length).split("\n").filter(Boolean).slice(0, 10).join("\n")
      : undefined;
  return {
    name: error.name,
    // Codes such as Prisma's P2024 or PostgreSQL's 57014 say what failed without quoting data.
    ...((typeof code === "string" || typeof code === "number") && /^[\w.-]{1,40}$/.test(String(code)) ? { code: String(code) } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}
