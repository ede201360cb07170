// The outbox and its sender, against a real SMTP server on a loopback port: messages queued in a
// transaction are delivered once, a refusal is retried with backoff and finally given up, and
// without SMTP_HOST each message becomes an .eml file in the data directory's mailbox.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { createEmailTransport, type EmailMessage } from "~/utils/email.server";
import { MAX_EMAIL_ATTEMPTS, queueEmail, sendDueEmails } from "~/models/outbound-email.server";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

/** What the SMTP server accepted, and whether it currently refuses every recipient. */
let smtp: TestSmtpServer;

const savedEnv = { ...process.env };
let dataDir: string;

function restoreEnv() {
  for (const name of ["SMTP_HOST", "SMTP_PORT", "UPSTREAM_DATA_DIR"]) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  resetEnvCache();
}

function useSmtpServer() {
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(smtp.port);
  resetEnvCache();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstream-mail-"));
});

afterAll(async () => {
  restoreEnv();
  await smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  smtp.received.length = 0;
  smtp.refuseRecipients = false;
  await prisma.outboundEmail.deleteMany();
  useSmtpServer();
});

afterEach(restoreEnv);

let counter = 0;
function message(overrides: Partial<EmailMessage> = {}): EmailMessage {
  counter += 1;
  return {
    to: `person-${counter}@example.com`,
    subject: `Test message ${counter}`,
    text: `Hello,\n\nThis is test message number ${counter}.\n`,
    ...overrides,
  };
}

async function queue(...messages: EmailMessage[]) {
  await prisma.$transaction(async (tx) => {
    for (const m of messages) await queueEmail(tx, m);
  });
}

function subjectOf(raw: string) {
  return raw.match(/^Subject: (.*)$/m)?.[1]?.trim();
}

function sendNow() {
  return sendDueEmails(createEmailTransport());
}

/** Makes every pending message due now, as if its backoff had passed. */
async function skipBackoff() {
  await prisma.outboundEmail.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

async function theOnlyRow() {
  const rows = await prisma.outboundEmail.findMany();
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("sending through SMTP", () => {
  test("a queued message reaches the SMTP server with its subject and body", async () => {
    const m = message({
      subject: "Reset your Upstream password",
      text: "Choose a new password here:\n\nhttp://localhost/reset-password/abc\n",
    });
    await queue(m);

    expect(await sendNow()).toBe(1);

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual([m.to]);
    expect(subjectOf(mail!.raw)).toBe(m.subject);
    expect(mail!.raw).toContain("http://localhost/reset-password/abc");
    const row = await theOnlyRow();
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).not.toBeNull();

    // Nothing is sent twice.
    expect(await sendNow()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  test("a message queued in a transaction that rolls back is never sent", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, message());
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    expect(await sendNow()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  test("a refused message is retried later, and delivered once the server accepts it", async () => {
    await queue(message());
    smtp.refuseRecipients = true;

    expect(await sendNow()).toBe(0);
    const afterFailure = await theOnlyRow();
    expect(afterFailure.status).toBe("PENDING");
    expect(afterFailure.attempts).toBe(1);
    expect(afterFailure.lastError).toBeTruthy();
    expect(afterFailure.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: nothing is tried.
    smtp.refuseRecipients = false;
    expect(await sendNow()).toBe(0);
    expect(smtp.received).toHaveLength(0);

    await skipBackoff();
    expect(await sendNow()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(await theOnlyRow()).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  test(`a message refused ${MAX_EMAIL_ATTEMPTS} times is given up`, async () => {
    await queue(message());
    smtp.refuseRecipients = true;

    for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
      await skipBackoff();
      expect(await sendNow()).toBe(0);
      const row = await theOnlyRow();
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt < MAX_EMAIL_ATTEMPTS ? "PENDING" : "FAILED");
    }
    expect((await theOnlyRow()).lastError).toBeTruthy();

    // A failed message stays failed, even when the server would now take it.
    smtp.refuseRecipients = false;
    await prisma.outboundEmail.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await sendNow()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  test("two senders running at once deliver each message exactly once", async () => {
    const messages = Array.from({ length: 6 }, () => message());
    await queue(...messages);

    const [first, second] = await Promise.all([sendNow(), sendNow()]);

    expect(first + second).toBe(messages.length);
    const subjects = smtp.received.map((r) => subjectOf(r.raw)).sort();
    expect(subjects).toEqual(messages.map((m) => m.subject).sort());
    const rows = await prisma.outboundEmail.findMany();
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });
});

describe("without SMTP_HOST", () => {
  test("each message is written as an .eml file in <UPSTREAM_DATA_DIR>/mailbox", async () => {
    delete process.env.SMTP_HOST;
    process.env.UPSTREAM_DATA_DIR = dataDir;
    resetEnvCache();
    const m = message({ subject: "You're invited to Upstream", text: "Choose your password:\n\nhttp://localhost/invitation/xyz\n" });
    await queue(m);

    expect(await sendNow()).toBe(1);

    const mailbox = path.join(dataDir, "mailbox");
    const files = fs.readdirSync(mailbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const raw = fs.readFileSync(path.join(mailbox, files[0]!), "utf8");
    expect(subjectOf(raw)).toBe(m.subject);
    expect(raw).toMatch(new RegExp(`^To: ${m.to}$`, "m"));
    expect(raw).toContain("http://localhost/invitation/xyz");
    expect(smtp.received).toHaveLength(0);
    expect(await theOnlyRow()).toMatchObject({ status: "SENT" });
  });
});
