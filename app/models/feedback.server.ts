// Employee feedback: sending it (signed or anonymous), following it, reading and answering it.
//
// Anonymity (DESIGN.md, Feedback; docs/decisions/011-anonymous-feedback.md): an anonymous entry
// is written as one row holding no author, only the organisation's date, and the SHA-256 of its
// follow-up code. Sending one writes nothing else: no audit row, no log line, no rate-limit
// event, no notification (the daily batch in jobs/announce-anonymous-feedback.server.ts tells
// the readers the next day). Its id, like every feedback id, is a hash of the random token of
// the form it came from, which is never stored and not tied to anyone: a second submit of the
// same form finds the same row, and the code (an HMAC of the token) can be shown again.
import crypto from "node:crypto";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { cookieSecrets } from "~/utils/cookie-secret.server";
import { orgDateIso } from "~/utils/org-time";
import type { SessionUser } from "~/utils/auth.server";
import type { FeedbackKind, Prisma } from "~/generated/prisma/client";
import { canAnswerFeedback, canViewFeedback, type FeedbackReader } from "~/policies/feedback.server";
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  FEEDBACK_KIND_LABELS,
  TO_MANAGEMENT,
  normalizeFollowUpCode,
  type FeedbackInput,
} from "~/validation/feedback";
import { formRateLimitReached, recordFormAttempt } from "./form-rate-limit.server";
import { notify } from "./notification.server";
import { getTeamScope } from "./team-scope.server";

/**
 * A ceiling on anonymous entries per day for the whole organisation. Anonymous sending can't be
 * limited per person or address without recording who sent what; this only stops a flood.
 */
export const ANONYMOUS_DAILY_LIMIT = 500;

export class FeedbackInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Rendered into a form; never stored, never logged. */
export function newFeedbackFormToken() {
  return crypto.randomBytes(24).toString("base64url");
}

/** A record id from a form token: the same form always names the same record. */
function idFromToken(purpose: "feedback" | "response", token: string) {
  return crypto.createHash("sha256").update(`${purpose}-id\0${token}`).digest("base64url").slice(0, 22);
}

export function hashFollowUpCode(normalizedCode: string) {
  return crypto.createHash("sha256").update(normalizedCode).digest("hex");
}

/** 16 symbols of 5 bits from an HMAC of the form token: 80 bits nobody can derive without both. */
async function followUpCodeFor(token: string) {
  const [secret] = await cookieSecrets();
  const mac = crypto.createHmac("sha256", secret!).update(`feedback-follow-up-code\0${token}`).digest();
  let bits = BigInt(`0x${mac.subarray(0, 10).toString("hex")}`);
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = CODE_ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

function orgToday(now: Date) {
  return orgDateIso(now, env().UPSTREAM_TIME_ZONE);
}

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

export type SubmitOutcome = { anonymous: false; id: string; to: string } | { anonymous: true; code: string; to: string };

async function addresseeOf(to: string): Promise<{ teamId: string | null; name: string }> {
  if (to === TO_MANAGEMENT) return { teamId: null, name: "Management" };
  const team = await prisma.team.findUnique({ where: { id: to }, select: { id: true, name: true } });
  if (!team) throw new FeedbackInputError("to", "Choose a team from the list, or Management.");
  return { teamId: team.id, name: team.name };
}

/**
 * The people told about feedback to `teamId`: its managers and those of the teams above; for
 * management (null), the managers of top-level teams. Admins read everything but are told only
 * about management's feedback, or when a team has no manager up its line.
 */
export async function feedbackRecipients(tx: Tx, teamId: string | null): Promise<string[]> {
  const managers = await tx.$queryRaw<{ user_id: string }[]>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM teams WHERE id = ${teamId}
      UNION ALL
      SELECT t.id, t.parent_id, up.depth + 1 FROM teams t JOIN up ON t.id = up.parent_id WHERE up.depth < 50
    )
    SELECT DISTINCT m.user_id FROM memberships m
     WHERE m.role = 'MANAGER'
       AND (m.team_id IN (SELECT id FROM up) OR (${teamId}::text IS NULL AND m.team_id IN (SELECT id FROM teams WHERE parent_id IS NULL)))`;
  const ids = managers.map((m) => m.user_id);
  if (teamId !== null && ids.length > 0) return ids;
  const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  return [...ids, ...admins.map((a) => a.id)];
}

/** Sends the form: a signed entry notifies its readers at once; an anonymous one writes one row only. */
export async function submitFeedback(
  user: Pick<SessionUser, "id" | "name">,
  input: FeedbackInput,
  now = new Date(),
): Promise<SubmitOutcome> {
  const to = await addresseeOf(input.to);
  const id = idFromToken("feedback", input.formToken);
  const today = orgToday(now);
  // The usual double submit finds the first entry here; the unique id catches a race.
  if (await prisma.feedback.findUnique({ where: { id }, select: { id: true } })) return resubmitted(user.id, id, input.formToken, today);
  if (input.anonymous) {
    // Nothing about `user` reaches this branch's writes: being signed in is all it asks.
    const code = await followUpCodeFor(input.formToken);
    const codeHash = hashFollowUpCode(code);
    const sentToday = await prisma.feedback.count({ where: { anonymous: true, submittedOn: dateOnly(today) } });
    if (sentToday >= ANONYMOUS_DAILY_LIMIT) {
      throw new FeedbackInputError("", "A great deal of anonymous feedback arrived today. Please send yours tomorrow.");
    }
    try {
      // In a transaction like the signed path: a raced duplicate then fails cleanly.
      await prisma.$transaction((tx) =>
        tx.feedback.create({
          data: {
            id,
            kind: input.kind,
            teamId: to.teamId,
            authorId: null,
            anonymous: true,
            subject: input.subject,
            body: input.body,
            submittedOn: dateOnly(today),
            followUpCodeHash: codeHash,
          },
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return resubmitted(user.id, id, input.formToken, today);
    }
    return { anonymous: true, code, to: to.name };
  }
  try {
    await prisma.$transaction(async (tx) => {
      await tx.feedback.create({
        data: {
          id,
          kind: input.kind,
          teamId: to.teamId,
          authorId: user.id,
          anonymous: false,
          subject: input.subject,
          body: input.body,
          submittedOn: dateOnly(today),
        },
      });
      await notify(
        tx,
        await feedbackRecipients(tx, to.teamId),
        {
          kind: "FEEDBACK_RECEIVED",
          title: `${FEEDBACK_KIND_LABELS[input.kind]} for ${to.name} from ${user.name}`,
          body: input.subject,
          link: `/feedback/${id}`,
        },
        user.id,
      );
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return resubmitted(user.id, id, input.formToken, today);
  }
  return { anonymous: false, id, to: to.name };
}

/** A second submit of one form: the first one's outcome again, whichever box was ticked. */
async function resubmitted(userId: string, id: string, formToken: string, today: string): Promise<SubmitOutcome> {
  const first = await prisma.feedback.findUnique({
    where: { id },
    select: { anonymous: true, authorId: true, followUpCodeHash: true, submittedOn: true, team: { select: { name: true } } },
  });
  const to = first?.team?.name ?? "Management";
  if (first && !first.anonymous && first.authorId === userId) return { anonymous: false, id, to };
  // The code again, only on the day it was sent (a double click, a reload of the result).
  if (first?.anonymous && isoOf(first.submittedOn) === today) {
    const code = await followUpCodeFor(formToken);
    if (first.followUpCodeHash === hashFollowUpCode(code)) return { anonymous: true, code, to };
  }
  throw new FeedbackInputError("", "This form was already sent. Open a new form to send more feedback.");
}

// ---------------------------------------------------------------------------------------------
// Reading

const viewSelect = {
  id: true,
  kind: true,
  teamId: true,
  authorId: true,
  anonymous: true,
  announcedOn: true,
  subject: true,
  body: true,
  submittedOn: true,
  status: true,
  team: { select: { name: true } },
  author: { select: { name: true } },
  responses: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, createdAt: true, responderId: true } },
} satisfies Prisma.FeedbackSelect;

type ViewRow = Prisma.FeedbackGetPayload<{ select: typeof viewSelect }>;

export interface FeedbackView {
  id: string;
  kind: FeedbackKind;
  to: string;
  subject: string;
  body: string;
  /** YYYY-MM-DD: the only time an entry has. */
  submittedOn: string;
  status: ViewRow["status"];
  /** The author's name; null when anonymous. */
  author: string | null;
  responses: Array<{ id: string; body: string; createdAt: string; responder: string }>;
}

/** Views of rows, with the responders' names in one query (responses hold only their id). */
async function toViews(rows: ViewRow[]): Promise<FeedbackView[]> {
  const responderIds = [...new Set(rows.flatMap((r) => r.responses.map((x) => x.responderId)))];
  const people = responderIds.length
    ? await prisma.user.findMany({ where: { id: { in: responderIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    to: row.team?.name ?? "Management",
    subject: row.subject,
    body: row.body,
    submittedOn: isoOf(row.submittedOn),
    status: row.status,
    author: row.anonymous ? null : (row.author?.name ?? "A former colleague"),
    responses: row.responses.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
      responder: names.get(r.responderId) ?? "A former manager",
    })),
  }));
}

export async function loadFeedbackReader(user: SessionUser, request: Request): Promise<FeedbackReader> {
  const scope = await getTeamScope(user.id, request);
  const readsManagement =
    scope.managerOf.size > 0 && (await prisma.team.count({ where: { id: { in: [...scope.managerOf] }, parentId: null } })) > 0;
  return { actor: user, scope, readsManagement };
}

/** One entry as `reader` may see it, with whether they may answer it; null (→ 404) otherwise. */
export async function findFeedbackFor(reader: FeedbackReader, id: string) {
  const row = await prisma.feedback.findUnique({ where: { id }, select: viewSelect });
  if (!row || !canViewFeedback(reader, row)) return null;
  const [view] = await toViews([row]);
  return { view: view!, mayAnswer: canAnswerFeedback(reader, row), anonymous: row.anonymous };
}

/** The person's own signed feedback, newest first, with the responses. */
export async function listMySignedFeedback(userId: string) {
  const rows = await prisma.feedback.findMany({
    where: { authorId: userId, anonymous: false },
    orderBy: [{ submittedOn: "desc" }, { id: "asc" }],
    take: 100,
    select: viewSelect,
  });
  return toViews(rows);
}

export type FollowOutcome = { status: "found"; view: FeedbackView } | { status: "wrong" } | { status: "throttled" };

/**
 * An anonymous entry by its code. Only wrong guesses are counted against the address (the form
 * rate limiter): the rightful author following their entry leaves no trace.
 */
export async function followFeedback(typedCode: string, ip: string): Promise<FollowOutcome> {
  if (await formRateLimitReached("feedback-follow", ip)) return { status: "throttled" };
  const code = normalizeFollowUpCode(typedCode);
  const row = code ? await prisma.feedback.findUnique({ where: { followUpCodeHash: hashFollowUpCode(code) }, select: viewSelect }) : null;
  if (!row) {
    await recordFormAttempt("feedback-follow", ip);
    return { status: "wrong" };
  }
  const [view] = await toViews([row]);
  return { status: "found", view: view! };
}

// ---------------------------------------------------------------------------------------------
// Answering

async function answerable(reader: FeedbackReader, id: string) {
  const row = await prisma.feedback.findUnique({
    where: { id },
    select: { teamId: true, authorId: true, anonymous: true, announcedOn: true, status: true, subject: true },
  });
  return row && canAnswerFeedback(reader, row) ? row : null;
}

/**
 * A response on the record; `close` closes the entry with it. The signed author is told; an
 * anonymous one reads it by their code. A second submit of the same form adds nothing.
 * Returns false when the reader may not answer this entry (→ 404).
 */
export async function respondToFeedback(reader: FeedbackReader, id: string, input: { formToken: string; body: string; close: boolean }) {
  const entry = await answerable(reader, id);
  if (!entry) return false;
  try {
    await prisma.$transaction(async (tx) => {
      await tx.feedbackResponse.create({
        data: { id: idFromToken("response", input.formToken), feedbackId: id, responderId: reader.actor.id, body: input.body },
      });
      const status = input.close || entry.status === "CLOSED" ? "CLOSED" : "ANSWERED";
      await tx.feedback.update({ where: { id }, data: { status } });
      if (entry.authorId) {
        await notify(
          tx,
          [entry.authorId],
          {
            kind: "FEEDBACK_ANSWERED",
            title: `Your feedback was answered: ${entry.subject}`,
            body: input.body.slice(0, 200),
            link: `/feedback/${id}`,
          },
          reader.actor.id,
        );
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return true;
}

/** Closes the entry; the signed author is told. False when the reader may not (→ 404). */
export async function closeFeedback(reader: FeedbackReader, id: string) {
  const entry = await answerable(reader, id);
  if (!entry) return false;
  if (entry.status === "CLOSED") return true;
  await prisma.$transaction(async (tx) => {
    await tx.feedback.update({ where: { id }, data: { status: "CLOSED" } });
    if (entry.authorId) {
      await notify(
        tx,
        [entry.authorId],
        { kind: "FEEDBACK_ANSWERED", title: `Your feedback was closed: ${entry.subject}`, link: `/feedback/${id}` },
        reader.actor.id,
      );
    }
  });
  return true;
}
