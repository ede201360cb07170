// The daily digest, for people who chose one email a day: when it is due, and what it says.
// Pure, so the schedule and the wording are tested without a database or a clock.

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The most recent digest time at or before `now`: today at `hour`:00 UTC, or yesterday's if that
 * is still to come. A digest covers what arrived before this moment, so every run during the
 * same day agrees on one boundary and a second run finds nothing new to send.
 */
export function lastDigestTime(now: Date, hour: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour);
  return new Date(today <= now.getTime() ? today : today - DAY_MS);
}

export interface DigestItem {
  title: string;
  /** Path inside the app, e.g. /requests/REQ-1042. */
  link: string;
  createdAt: Date;
}

/** The longest list one email carries; the rest are a click away. */
export const DIGEST_MAX_ITEMS = 50;

export function digestEmail(args: { name: string; items: DigestItem[]; baseUrl: string }) {
  const { name, items, baseUrl } = args;
  const count = items.length;
  const shown = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(0, DIGEST_MAX_ITEMS);
  const lines = shown.map((item) => `- ${item.title}\n  ${baseUrl}${item.link}`);
  const more = count > shown.length ? `\n…and ${count - shown.length} more: ${baseUrl}/notifications\n` : "";
  return {
    subject: count === 1 ? "Upstream: 1 new notification" : `Upstream: ${count} new notifications`,
    text:
      `Hello ${name},\n\nHere is what happened in Upstream since your last digest:\n\n${lines.join("\n\n")}\n${more}\n` +
      `All your notifications: ${baseUrl}/notifications\n` +
      `You get one email a day because of your notification settings: ${baseUrl}/account\n`,
  };
}
