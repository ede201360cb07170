// No query of the database can link an anonymous entry to its author (DESIGN.md, Measures).
//
// A signed-in person sends anonymous feedback through the real action while every table of the
// database is photographed before and after (all columns of all rows, as text, found through
// information_schema, so a table added later is covered without touching this test) and the
// app's log output is captured. Then:
// - the send added exactly one row, the entry, and changed nothing else but the session's
//   last_seen_at (see below); no audit, log, notification, outbox or rate-limit row;
// - no row written by the send holds the person's id, email or name, and no row anywhere holds
//   the client address;
// - no time column written by the send holds the moment of sending, except last_seen_at; the
//   entry itself has only a date;
// - the log says nothing identifying.
//
// Why sessions.last_seen_at is acceptable: every signed-in request may move it (at most every 5
// minutes, auth.server.ts) to enforce the idle timeout; it says "this person was using Upstream
// around then", which is equally true of every page they open. Nothing ties it to the entry: the
// entry has no time finer than the day, no notification or announcement is written at sending
// time (the daily batch announces the day's entries together the next day), and the entry's id
// is a hash of a random form token that is never stored. The anonymity set is everyone who could
// have sent feedback to that addressee on that day.
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import type { Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { readJson, signInAs } from "../support/http";
import { withPgClient } from "../support/database";
import { openFeedbackForm, sendFeedback, type SentAnonymously } from "../support/feedback";

interface Snapshot {
  /** table → its rows as JSON text */
  rows: Map<string, string[]>;
  /** table → its time-typed columns */
  timeColumns: Map<string, string[]>;
}

async function photographDatabase(): Promise<Snapshot> {
  return withPgClient(async (client) => {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const columns = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND (data_type LIKE 'timestamp%' OR data_type LIKE 'time %' OR data_type = 'interval')`,
    );
    const rows = new Map<string, string[]>();
    for (const { table_name } of tables.rows) {
      const result = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name.replace(/"/g, '""')}" t`);
      rows.set(
        table_name,
        result.rows.map((r) => r.row),
      );
    }
    const timeColumns = new Map<string, string[]>();
    for (const c of columns.rows) timeColumns.set(c.table_name, [...(timeColumns.get(c.table_name) ?? []), c.column_name]);
    return { rows, timeColumns };
  });
}

/** Rows present in `after` and not in `before` (a changed row counts as added), per table. */
function addedRows(before: Snapshot, after: Snapshot) {
  const added: Array<{ table: string; row: string }> = [];
  for (const [table, rows] of after.rows) {
    const remaining = new Map<string, number>();
    for (const row of before.rows.get(table) ?? []) remaining.set(row, (remaining.get(row) ?? 0) + 1);
    for (const row of rows) {
      const left = remaining.get(row) ?? 0;
      if (left > 0) remaining.set(row, left - 1);
      else added.push({ table, row });
    }
  }
  return added;
}

let team: Team;
let author: User;
const clientIp = "203.0.113.199";

beforeAll(async () => {
  team = await createTeam({ name: "Facilities" });
  const manager = await createUser({ name: "Mia Manager" });
  await addMember(manager.id, team.id, "MANAGER");
  author = await createUser({ name: "Quentin Zephyr-Author", email: "quentin.zephyr@example.com" });
  await addMember(author.id, team.id);
  // Someone else's anonymous feedback first: what the app sets up once (its signing secret) is
  // in place, so what the measured send writes is the send's alone.
  const other = await createUser();
  const response = await sendFeedback(await signInAs(other.id), { to: team.id, anonymous: true });
  expect(response.status).toBe(200);
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env.LOG_LEVEL = "silent";
  resetEnvCache();
});

describe("anonymous feedback can't be linked to its author", () => {
  test("the send writes one row with no author, no time and no address; nothing else identifying, logged or timed", async () => {
    const cookie = await signInAs(author.id);
    const formToken = await openFeedbackForm(cookie);
    // The worst case: the session is due a last_seen_at update on this very request.
    await prisma.session.updateMany({ where: { userId: author.id }, data: { lastSeenAt: new Date(Date.now() - 10 * 60_000) } });
    const counts = async () =>
      Promise.all([prisma.auditLog.count(), prisma.notification.count(), prisma.outboundEmail.count(), prisma.rateLimitEvent.count()]);
    const countsBefore = await counts();
    const before = await photographDatabase();

    // Everything the app logs, at its most talkative.
    process.env.LOG_LEVEL = "debug";
    resetEnvCache();
    let logged = "";
    const capture = (chunk: unknown) => {
      logged += String(chunk);
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(capture);
    vi.spyOn(process.stderr, "write").mockImplementation(capture);
    const startedAt = Date.now();
    const response = await sendFeedback(
      cookie,
      { to: team.id, kind: "CONCERN", subject: "The fire door sticks", body: "It has for weeks.", anonymous: true, formToken },
      { ip: clientIp },
    );
    const endedAt = Date.now();
    vi.restoreAllMocks();

    expect(response.status).toBe(200);
    const { sent } = await readJson<SentAnonymously>(response);
    const after = await photographDatabase();
    const added = addedRows(before, after);

    // One new row, the entry; the only other change is the session's last_seen_at.
    expect(added.map((a) => a.table).sort()).toEqual(["feedback", "sessions"]);
    const entry = JSON.parse(added.find((a) => a.table === "feedback")!.row) as Record<string, unknown>;
    expect(entry).toMatchObject({ author_id: null, anonymous: true, subject: "The fire door sticks", announced_on: null });
    const sessionAfter = JSON.parse(added.find((a) => a.table === "sessions")!.row) as Record<string, unknown>;
    const sessionBefore = (before.rows.get("sessions") ?? [])
      .map((r) => JSON.parse(r) as Record<string, unknown>)
      .find((s) => s.id === sessionAfter.id)!;
    expect({ ...sessionAfter, last_seen_at: null }).toEqual({ ...sessionBefore, last_seen_at: null });
    expect(await counts()).toEqual(countsBefore);

    // Nothing the send wrote names the author, except their own session's row, which it
    // already did; the client address is nowhere in the database; the code is stored hashed only.
    const identifying = [author.id, author.email, author.name];
    for (const { table, row } of added.filter((a) => a.table !== "sessions")) {
      for (const value of identifying) expect(row, `${table} holds ${value}`).not.toContain(value);
    }
    for (const [table, rows] of after.rows) {
      for (const row of rows) {
        expect(row, `${table} holds the client address`).not.toContain(clientIp);
        expect(row, `${table} holds the follow-up code`).not.toContain(sent!.code);
      }
    }
    // No row written by the send is tied to the entry and its author at once: the entry's id
    // appears in its own row only.
    for (const [table, rows] of after.rows) {
      if (table === "feedback") continue;
      for (const row of rows) expect(row, `${table} refers to the entry`).not.toContain(String(entry.id));
    }

    // The entry's table has no time column at all, only dates; no other time written by the
    // send falls within the minute of sending, but the session's last_seen_at.
    expect(after.timeColumns.get("feedback") ?? []).toEqual([]);
    expect(entry.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const { table, row } of added) {
      const values = JSON.parse(row) as Record<string, string | null>;
      // A changed row: only what the send changed was written by it.
      const previous = (before.rows.get(table) ?? []).map((r) => JSON.parse(r) as Record<string, unknown>).find((r) => r.id === values.id);
      for (const column of (after.timeColumns.get(table) ?? []).filter((c) => !previous || previous[c] !== values[c])) {
        const at = values[column] ? Date.parse(values[column]) : NaN;
        const duringSend = at >= startedAt - 60_000 && at <= endedAt + 60_000;
        if (duringSend) expect(`${table}.${column}`).toBe("sessions.last_seen_at");
      }
    }

    // The log names nobody and no address (it says nothing at all about the send).
    for (const value of [...identifying, clientIp, sent!.code, formToken]) expect(logged).not.toContain(value);
  });
});
