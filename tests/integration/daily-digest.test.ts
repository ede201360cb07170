// Notification emails by preference, delivered through a real SMTP server on a loopback port
// (configured with SMTP_URL): a person who wants email at once gets one per notification, one who
// wants the app only gets none, and one who chose the daily digest gets a single email a day
// listing everything new — once, however many runs or instances try.
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { createEmailTransport } from "~/utils/email.server";
import { sendDueEmails } from "~/models/outbound-email.server";
import { notify, type NotificationInput } from "~/models/notification.server";
import { sendDailyDigests } from "~/jobs/daily-digest.server";
import type { EmailPreference, User } from "~/generated/prisma/client";
import { createUser } from "../support/factories";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "../support/smtp-server";

let smtp: TestSmtpServer;
/** What the SMTP server accepted (emptied before each test). */
let received: ReceivedMail[];

const ENV_NAMES = ["SMTP_URL", "SMTP_HOST", "SMTP_PORT", "APP_URL", "UPSTREAM_DIGEST_HOUR"] as const;
const savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));

function restoreEnv() {
  for (const name of ENV_NAMES) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  resetEnvCache();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  received = smtp.received;
});

afterAll(async () => {
  restoreEnv();
  await smtp.close();
});

beforeEach(async () => {
  received.length = 0;
  await prisma.outboundEmail.deleteMany();
  await prisma.notification.deleteMany();
  // SMTP_URL wins over SMTP_HOST: the host setting points at a port where nothing listens.
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = "1";
  process.env.APP_URL = "https://upstream.example.com";
  delete process.env.UPSTREAM_DIGEST_HOUR;
  resetEnvCache();
});

afterEach(restoreEnv);

/** What the outbox worker delivers now, through the configured transport. */
function deliver() {
  return sendDueEmails(createEmailTransport(), 100);
}

function person(emailPreference: EmailPreference) {
  return createUser().then((u) => prisma.user.update({ where: { id: u.id }, data: { emailPreference } }));
}

let seq = 0;
function news(overrides: Partial<NotificationInput> = {}): NotificationInput {
  seq += 1;
  return {
    kind: "REQUEST_RECEIVED",
    title: `New request for IT: REQ-${500 + seq} Broken chair ${seq}`,
    link: `/requests/REQ-${500 + seq}`,
    ...overrides,
  };
}

/** Notifies `user` the way every feature does, then dates the notification `createdAt`. */
async function notifyAt(user: User, input: NotificationInput, createdAt?: Date) {
  await prisma.$transaction((tx) => notify(tx, [user.id], input));
  if (createdAt) await prisma.notification.updateMany({ where: { userId: user.id, title: input.title }, data: { createdAt } });
}

function subjectOf(raw: string) {
  return raw.match(/^Subject: (.*)$/m)?.[1]?.trim();
}

/** The message body with quoted-printable soft line breaks undone, as a mail reader shows it. */
function bodyOf(raw: string) {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("email by preference", () => {
  test("someone who wants email at once gets one for a notification, with its link", async () => {
    const ada = await person("IMMEDIATE");
    const input = news();

    await notifyAt(ada, input);
    expect(await deliver()).toBe(1);

    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([ada.email]);
    expect(subjectOf(received[0]!.raw)).toBe(input.title);
    expect(bodyOf(received[0]!.raw)).toContain(`https://upstream.example.com${input.link}`);
    // Nor is it in anybody's digest later.
    expect(await sendDailyDigests(new Date(Date.now() + 2 * 86_400_000))).toBe(0);
  });

  test("someone who wants the app only gets no email, but sees it in the app", async () => {
    const bo = await person("IN_APP_ONLY");

    await notifyAt(bo, news());

    expect(await deliver()).toBe(0);
    expect(received).toHaveLength(0);
    expect(await prisma.notification.count({ where: { userId: bo.id, readAt: null } })).toBe(1);
    expect(await sendDailyDigests(new Date(Date.now() + 2 * 86_400_000))).toBe(0);
  });
});

describe("the daily digest", () => {
  // Notifications arrive on 23 November; the digest hour is 07:00 UTC.
  const day1 = (time: string) => new Date(`2026-11-23T${time}Z`);
  const day2 = (time: string) => new Date(`2026-11-24T${time}Z`);
  const day3 = (time: string) => new Date(`2026-11-25T${time}Z`);

  test("one email listing both notifications, sent once: a second run sends nothing", async () => {
    const cy = await person("DAILY_DIGEST");
    const [first, second] = [news(), news({ kind: "SLA_BREACHED", title: "REQ-77 missed its resolution target: VPN" })];
    await notifyAt(cy, first, day1("09:00:00"));
    await notifyAt(cy, second, day1("15:30:00"));
    // Nothing goes out at once.
    expect(await deliver()).toBe(0);

    expect(await sendDailyDigests(day2("07:05:00"))).toBe(1);
    expect(await deliver()).toBe(1);

    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([cy.email]);
    expect(subjectOf(received[0]!.raw)).toBe("Upstream: 2 new notifications");
    const body = bodyOf(received[0]!.raw);
    for (const n of [first, second]) {
      expect(body).toContain(n.title);
      expect(body).toContain(`https://upstream.example.com${n.link}`);
    }
    const rows = await prisma.notification.findMany({ where: { userId: cy.id } });
    expect(rows.every((r) => r.digestedAt?.getTime() === day2("07:05:00").getTime())).toBe(true);
    // Still unread in the app: the digest only tells about them.
    expect(rows.every((r) => r.readAt === null)).toBe(true);

    // The next run, minutes later or the next day: nothing new, nothing sent.
    expect(await sendDailyDigests(day2("07:15:00"))).toBe(0);
    expect(await sendDailyDigests(day3("07:05:00"))).toBe(0);
    expect(await deliver()).toBe(0);
    expect(received).toHaveLength(1);
  });

  test("nothing goes out before the digest hour; what arrives after it waits for the next day's", async () => {
    const di = await person("DAILY_DIGEST");
    await notifyAt(di, news({ title: "Early news" }), day1("09:00:00"));

    expect(await sendDailyDigests(day1("23:59:00"))).toBe(0);
    expect(await sendDailyDigests(day2("06:59:59"))).toBe(0);
    expect(await sendDailyDigests(day2("07:00:00"))).toBe(1);

    await notifyAt(di, news({ title: "Late news" }), day2("09:00:00"));
    expect(await sendDailyDigests(day2("09:10:00"))).toBe(0);
    expect(await sendDailyDigests(day2("20:00:00"))).toBe(0);
    expect(await sendDailyDigests(day3("07:10:00"))).toBe(1);

    await deliver();
    expect(received.map((r) => bodyOf(r.raw).includes("Late news"))).toEqual([false, true]);
    expect(received.map((r) => bodyOf(r.raw).includes("Early news"))).toEqual([true, false]);
  });

  test("the hour is a setting: UPSTREAM_DIGEST_HOUR", async () => {
    process.env.UPSTREAM_DIGEST_HOUR = "18";
    resetEnvCache();
    const ed = await person("DAILY_DIGEST");
    await notifyAt(ed, news(), day1("09:00:00"));

    expect(await sendDailyDigests(day1("17:59:00"))).toBe(0);
    expect(await sendDailyDigests(day1("18:00:00"))).toBe(1);
  });

  test("someone with nothing new, or who already read it all in the app, gets no email", async () => {
    const fay = await person("DAILY_DIGEST");
    const gus = await person("DAILY_DIGEST");
    await notifyAt(gus, news(), day1("09:00:00"));
    await prisma.notification.updateMany({ where: { userId: gus.id }, data: { readAt: day1("10:00:00") } });

    expect(await sendDailyDigests(day2("07:05:00"))).toBe(0);
    await deliver();

    expect(received.filter((r) => r.to.includes(fay.email) || r.to.includes(gus.email))).toHaveLength(0);
    // Settled all the same: it will not turn up in a later digest.
    expect(await prisma.notification.count({ where: { userId: gus.id, digestedAt: null } })).toBe(0);
  });

  test("two runs racing (two app instances) send one digest per person", async () => {
    const people = await Promise.all([person("DAILY_DIGEST"), person("DAILY_DIGEST"), person("DAILY_DIGEST")]);
    for (const p of people) {
      await notifyAt(p, news(), day1("09:00:00"));
      await notifyAt(p, news(), day1("10:00:00"));
    }

    const [a, b] = await Promise.all([sendDailyDigests(day2("07:05:00")), sendDailyDigests(day2("07:05:00"))]);
    expect(a + b).toBe(people.length);
    await deliver();

    for (const p of people) {
      const mails = received.filter((r) => r.to.includes(p.email));
      expect(mails, p.email).toHaveLength(1);
      expect(subjectOf(mails[0]!.raw)).toBe("Upstream: 2 new notifications");
    }
  });

  test("no digest for a deactivated person", async () => {
    const hal = await person("DAILY_DIGEST");
    await notifyAt(hal, news(), day1("09:00:00"));
    await prisma.user.update({ where: { id: hal.id }, data: { active: false } });

    expect(await sendDailyDigests(day2("07:05:00"))).toBe(0);
  });

  test("a digest waiting for someone who switched to email at once is not sent", async () => {
    const ivy = await person("DAILY_DIGEST");
    await notifyAt(ivy, news(), day1("09:00:00"));
    // Switched behind the settings page's back (the page itself settles the waiting items).
    await prisma.user.update({ where: { id: ivy.id }, data: { emailPreference: "IMMEDIATE" } });

    expect(await sendDailyDigests(day2("07:05:00"))).toBe(0);
  });
});

test("the SMTP_URL's credentials never reach the start-up log line", () => {
  process.env.SMTP_URL = `smtp://mailer:${crypto.randomUUID()}@mail.example.com:2525`;
  resetEnvCache();
  const transport = createEmailTransport();
  expect(transport.describe).toBe("SMTP smtp://mail.example.com:2525");
});
