// Email delivery. With SMTP_HOST set, mail goes to that server. Without it (development, the
// zero-setup start) each message is written as an .eml file under <data dir>/mailbox, so links in
// it can be opened without any mail server, and no token ever reaches the log.
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "./env.server";

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

export function createEmailTransport(): EmailTransport {
  const config = env();
  if (config.SMTP_HOST) {
    const transporter = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
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
    },
  };
}
