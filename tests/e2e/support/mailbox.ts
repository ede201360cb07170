// Without SMTP_HOST the app writes each email as an .eml file into <data dir>/mailbox (the
// background sender runs every few seconds). These helpers wait for a message and read it.
import fs from "node:fs/promises";
import path from "node:path";
import { appDataDir } from "./app";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

function decodeBody(body: string, encoding: string) {
  switch (encoding.toLowerCase()) {
    case "quoted-printable":
      return Buffer.from(
        body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        "latin1",
      ).toString("utf8");
    case "base64":
      return Buffer.from(body, "base64").toString("utf8");
    default:
      return body;
  }
}

/** Reads a single-part plain-text message, which is what the app sends. */
export function parseEmail(raw: string): Email {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  return { to: header("To"), subject: header("Subject"), text: decodeBody(body, header("Content-Transfer-Encoding")) };
}

async function readMailbox(): Promise<Email[]> {
  const dir = path.join(appDataDir(), "mailbox");
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return Promise.all(names.filter((n) => n.endsWith(".eml")).map(async (n) => parseEmail(await fs.readFile(path.join(dir, n), "utf8"))));
}

export async function waitForEmail(
  to: string,
  { subject, timeoutMs = 20_000 }: { subject?: string; timeoutMs?: number } = {},
): Promise<Email> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox()).find(
      (m) => m.to.toLowerCase().includes(to.toLowerCase()) && (!subject || m.subject.includes(subject)),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No email to ${to} arrived in the mailbox within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The path (and query) of the first link in the email whose path starts with `prefix`. */
export function linkPath(email: Email, prefix: string) {
  for (const match of email.text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(prefix)) return url.pathname + url.search;
  }
  throw new Error(`The email "${email.subject}" has no ${prefix} link:\n${email.text}`);
}
