// Sending and following feedback through the real routes, and anonymous entries written straight
// to the database for the lists, the report and the batch job.
import crypto from "node:crypto";
import * as feedbackNew from "~/routes/feedback.new";
import * as myFeedback from "~/routes/feedback._index";
import { prisma } from "~/utils/db.server";
import type { FeedbackKind } from "~/generated/prisma/client";
import { callLoader, formRequest, getRequest, readJson, testContext } from "./http";

export interface FeedbackFields {
  kind?: FeedbackKind;
  /** A team id, or "management". */
  to: string;
  subject?: string;
  body?: string;
  anonymous?: boolean;
  formToken?: string;
}

/** A fresh form token from the form's loader, as a browser would have it. */
export async function openFeedbackForm(cookie: string): Promise<string> {
  const response = await callLoader(feedbackNew, getRequest("/feedback/new", { cookie }));
  return (await readJson<{ formToken: string }>(response)).formToken;
}

export async function sendFeedback(cookie: string, fields: FeedbackFields, options: { ip?: string } = {}): Promise<Response> {
  const formToken = fields.formToken ?? (await openFeedbackForm(cookie));
  const form: Record<string, string> = {
    formToken,
    kind: fields.kind ?? "SUGGESTION",
    to: fields.to,
    subject: fields.subject ?? `Subject ${crypto.randomBytes(3).toString("hex")}`,
    body: fields.body ?? "Could we have more plants in the office?",
  };
  if (fields.anonymous) form.anonymous = "on";
  const request = formRequest("/feedback/new", form, { cookie });
  const context = { ...testContext, clientIp: options.ip ?? testContext.clientIp };
  try {
    return (await feedbackNew.action({ request, params: {}, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export interface SentAnonymously {
  result: unknown;
  sent: { code: string; to: string } | null;
}

export async function followByCode(cookie: string, code: string, ip = testContext.clientIp): Promise<Response> {
  const request = formRequest("/feedback?index", { code }, { cookie });
  try {
    return (await myFeedback.action({ request, params: {}, context: { ...testContext, clientIp: ip } })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** An anonymous entry written directly: `on` is its day (YYYY-MM-DD). */
export function insertFeedback(fields: {
  teamId: string | null;
  on: string;
  kind?: FeedbackKind;
  anonymous?: boolean;
  authorId?: string | null;
  announced?: boolean;
}) {
  const anonymous = fields.anonymous ?? true;
  return prisma.feedback.create({
    data: {
      id: crypto.randomBytes(16).toString("base64url"),
      kind: fields.kind ?? "SUGGESTION",
      teamId: fields.teamId,
      authorId: anonymous ? null : (fields.authorId ?? null),
      anonymous,
      subject: "Inserted",
      body: "Inserted for a test",
      submittedOn: new Date(`${fields.on}T00:00:00Z`),
      announcedOn: fields.announced ? new Date(`${fields.on}T00:00:00Z`) : null,
    },
  });
}
