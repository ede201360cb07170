// Keeps the dashboards' daily figures (service_days, complaint_days, theme_days) up to date
// (decision 013). Every minute it recounts the (team, day) pairs that changed:
//   - those the triggers noted in rollup_dirty (any write to requests, ratings, recovery cases,
//     complaints, sightings or themes), and
//   - those that changed by time passing since the last run: a first-response or resolution
//     target that ran out, and promises for days that have now ended.
// The first run — or the first after UPSTREAM_TIME_ZONE changes — counts everything.
//
// One instance at a time (a transaction-scoped advisory lock; the others skip the tick), in one
// REPEATABLE READ transaction: the notes it consumes and the rows it counts are the same
// snapshot, so a change committed meanwhile keeps its note for the next run and is never lost.
import { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { orgDateIso } from "~/utils/org-time";
import { OPEN_STATUSES } from "~/utils/request-lifecycle";
import { insertCategoryDays, insertComplaintDays, insertThemeDays } from "~/models/complaint-days-sql.server";
import {
  deleteDays,
  insertServiceDays,
  insertServiceTeamDays,
  type RecountClock,
  type RecountScope,
} from "~/models/service-days-sql.server";

const STATE_ID = "dashboards";
/** Any constant shared by all instances; "dash" in ASCII. */
const LOCK_KEY = 0x64617368;
/** Pairs recounted per statement, so one busy minute never makes one huge query. */
const PAIRS_PER_STATEMENT = 500;

export interface RefreshResult {
  rebuilt: boolean;
  servicePairs: number;
  complaintPairs: number;
}

interface Pair {
  team_id: string;
  day: string;
}

const SERVICE_TABLES = ["service_days", "service_team_days"];
const COMPLAINT_TABLES = ["complaint_days", "theme_days", "complaint_category_days", "theme_category_days"];

async function recountService(tx: Tx, scope: RecountScope, clock: RecountClock) {
  for (const table of SERVICE_TABLES) await tx.$executeRaw(deleteDays(table, scope));
  await tx.$executeRaw(insertServiceDays(scope, clock));
  await tx.$executeRaw(insertServiceTeamDays(scope));
}

async function recountComplaints(tx: Tx, scope: RecountScope, timeZone: string) {
  for (const table of COMPLAINT_TABLES) await tx.$executeRaw(deleteDays(table, scope));
  await tx.$executeRaw(insertComplaintDays(scope, timeZone));
  await tx.$executeRaw(insertThemeDays(scope, timeZone));
  await tx.$executeRaw(insertCategoryDays("complaint", scope));
  await tx.$executeRaw(insertCategoryDays("theme", scope));
}

async function inChunks(pairs: Pair[], recount: (scope: RecountScope) => Promise<void>) {
  for (let i = 0; i < pairs.length; i += PAIRS_PER_STATEMENT) {
    const chunk = pairs.slice(i, i + PAIRS_PER_STATEMENT);
    await recount({ kind: "pairs", teamIds: chunk.map((p) => p.team_id), days: chunk.map((p) => p.day) });
  }
}

/** The (team, day) pairs whose service figures changed because time passed from `since` to `clock.now`. */
function pairsChangedByTime(tx: Tx, since: Date, clock: RecountClock, sinceDay: string) {
  const tz = clock.timeZone;
  const open = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}`));
  return tx.$queryRaw<Pair[]>`
    SELECT provider_team_id AS team_id, to_char((created_at AT TIME ZONE ${tz})::date, 'YYYY-MM-DD') AS day
      FROM requests WHERE first_response_due_at >= ${since} AND first_response_due_at < ${clock.now} AND first_response_at IS NULL
    UNION
    SELECT provider_team_id, to_char((resolution_due_at AT TIME ZONE ${tz})::date, 'YYYY-MM-DD')
      FROM requests WHERE status IN (${open}) AND resolution_due_at >= ${since} AND resolution_due_at < ${clock.now} AND resolved_at IS NULL
    UNION
    SELECT provider_team_id, to_char(promised_at, 'YYYY-MM-DD')
      FROM requests WHERE promised_at >= ${sinceDay}::date AND promised_at < ${clock.today}::date`;
}

async function rebuild(tx: Tx, clock: RecountClock) {
  await tx.$executeRaw`DELETE FROM rollup_dirty`;
  await recountService(tx, { kind: "all" }, clock);
  await recountComplaints(tx, { kind: "all" }, clock.timeZone);
  await tx.rollupState.upsert({
    where: { id: STATE_ID },
    create: { id: STATE_ID, timeZone: clock.timeZone, refreshedAt: clock.now, rebuiltAt: clock.now },
    update: { timeZone: clock.timeZone, refreshedAt: clock.now, rebuiltAt: clock.now },
  });
}

async function refreshIn(tx: Tx, clock: RecountClock): Promise<RefreshResult | null> {
  const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`;
  if (!lock?.locked) return null;

  const state = await tx.rollupState.findUnique({ where: { id: STATE_ID } });
  if (!state || state.timeZone !== clock.timeZone) {
    await rebuild(tx, clock);
    return { rebuilt: true, servicePairs: 0, complaintPairs: 0 };
  }

  const noted = await tx.$queryRaw<Array<Pair & { scope: string }>>`
    WITH consumed AS (DELETE FROM rollup_dirty RETURNING scope, team_id, COALESCE(day, (at AT TIME ZONE ${clock.timeZone})::date) AS day)
    SELECT DISTINCT scope, team_id, to_char(day, 'YYYY-MM-DD') AS day FROM consumed`;
  const sinceDay = orgDateIso(state.refreshedAt, clock.timeZone);
  const byTime = await pairsChangedByTime(tx, state.refreshedAt, clock, sinceDay);

  const key = (p: Pair) => `${p.team_id} ${p.day}`;
  const service = new Map<string, Pair>();
  const complaints: Pair[] = [];
  for (const p of noted) {
    if (p.scope === "complaints") complaints.push(p);
    else service.set(key(p), p);
  }
  for (const p of byTime) service.set(key(p), p);

  await inChunks([...service.values()], (scope) => recountService(tx, scope, clock));
  await inChunks(complaints, (scope) => recountComplaints(tx, scope, clock.timeZone));
  await tx.rollupState.update({ where: { id: STATE_ID }, data: { refreshedAt: clock.now } });
  return { rebuilt: false, servicePairs: service.size, complaintPairs: complaints.length };
}

function isSerializationFailure(error: unknown) {
  return error instanceof Error && /could not serialize|40001/.test(error.message);
}

/**
 * Brings the figures up to date as of `now`; null when another instance is doing it. `rebuild`
 * counts everything again (after a bulk import with triggers off, say).
 */
export async function refreshDashboardFigures(now = new Date(), options: { rebuild?: boolean } = {}): Promise<RefreshResult | null> {
  const timeZone = env().UPSTREAM_TIME_ZONE;
  const clock: RecountClock = { now, today: orgDateIso(now, timeZone), timeZone };
  try {
    const result = await prisma.$transaction(
      async (tx) => {
        if (!options.rebuild) return refreshIn(tx, clock);
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
        await rebuild(tx, clock);
        return { rebuilt: true, servicePairs: 0, complaintPairs: 0 };
      },
      { isolationLevel: "RepeatableRead", maxWait: 30_000, timeout: 30 * 60_000 },
    );
    if (result?.rebuilt) log.info("dashboard figures counted afresh", { timeZone });
    return result;
  } catch (error) {
    // Another instance finished a refresh between this one's snapshot and its lock: next tick.
    if (isSerializationFailure(error)) return null;
    throw error;
  }
}

/** When the figures were last brought up to date (null before the first count). */
export async function figuresRefreshedAt(): Promise<Date | null> {
  const state = await prisma.rollupState.findUnique({ where: { id: STATE_ID }, select: { refreshedAt: true } });
  return state?.refreshedAt ?? null;
}
