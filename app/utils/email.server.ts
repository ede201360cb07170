// Email delivery. With SMTP_URL (or SMTP_HOST) set, mail goes to that server. Without either
// (development, the zero-setup start) each message is written as an .eml file under
// <data dir>/mailbox, so links in it can be opened without any mail server; the log gets one line
// naming the file and the subject, never the body (which may hold a sign-in link's token).
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "./env.server";
import { log } from "./logger.server";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface EmailTransport {
  describe: string;
  send(message: EmailMessage): Promise<void>;
}

export function mailboxDir() {
  return path.resolve(env().UPSTREAM_DATA_DIR, "mailbox");
}

const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * nodemailer reads a connection URL itself (smtp:// or smtps://, credentials, and options such as
 * ?tls.rejectUnauthorized=false as query parameters), but ignores every other option given with
 * one: our timeouts go in as query parameters unless the URL sets its own.
 */
function smtpUrlWithTimeouts(smtpUrl: string) {
  const url = new URL(smtpUrl);
  for (const [name, ms] of Object.entries(SMTP_TIMEOUTS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  }
  return url.toString();
}

/** Where mail goes, without the credentials (for the start-up log). */
function describeSmtpUrl(smtpUrl: string) {
  const url = new URL(smtpUrl);
  return `SMTP ${url.protocol}//${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`;
}

export function createEmailTransport(): EmailTransport {
  const config = env();
  if (config.SMTP_URL) {
    const transporter = nodemailer.createTransport(smtpUrlWithTimeouts(config.SMTP_URL));
    return {
      describe: describeSmtpUrl(config.SMTP_URL),
      async send(message) {
        await transporter.sendMail({ from: config.SMTP_FROM, ...message, html: message.html ?? undefined });
      },
    };
  }
  if (config.SMTP_HOST) {
    const transporter = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
      ...SMTP_TIMEOUTS,
    });
    return {
      describe: `SMTP ${config.SMTP_HOST}:${config.SMTP_PORT}`,
      async send(message) {
        await transporter.sendMail({ from: config.SMTP_FROM, ...message, html: message.html ?? undefined });
      },
    };
  }
  const dir = mailboxDir();
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: `files in ${dir}`,
    async send(message) {
      const info = await writer.sendMail({ from: config.SMTP_FROM, ...message, html: message.html ?? undefined });
      await fs.mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
      await fs.writeFile(path.join(dir, name), info.message as Buffer);
      log.info("email written to the mailbox", { file: path.join(dir, name), subject: message.subject });
    },
  };
}
