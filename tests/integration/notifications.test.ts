// The notifications page and the notification settings on /account, called as the browser would
// (form posts without JavaScript): a person sees only their own notifications, newest first and
// page by page; opening one marks it read and goes where it points; "mark read" and "mark all
// read" bring the unread count down; someone else's notification answers 404 and stays as it was.
// The email preference is saved, and a value the form doesn't offer is refused with a message.
import crypto from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import * as notificationsPage from "~/routes/notifications";
import * as account from "~/routes/account";
import * as root from "~/root";
import { prisma } from "~/utils/db.server";
import { unreadCount } from "~/models/notification.server";
import { NOTIFICATIONS_PAGE_SIZE } from "~/models/notification-list.server";
import type { NotificationKind, User } from "~/generated/prisma/client";
import { createUser, DEFAULT_PASSWORD } from "../support/factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf } from "../support/replies";

interface ListedNotification {
  id: string;
  title: string;
  link: string;
  readAt: string | null;
}

interface Page {
  notifications: ListedNotification[];
  nextCursor: string | null;
  unread: number;
}

let seq = 0;
/** A notification for `user`, created `minutesAgo` minutes ago. */
async function notification(user: User, options: { minutesAgo?: number; read?: boolean; kind?: NotificationKind; at?: Date } = {}) {
  seq += 1;
  const createdAt = options.at ?? new Date(Date.now() - (options.minutesAgo ?? 0) * 60_000);
  return prisma.notification.create({
    data: {
      id: crypto.randomUUID(),
      userId: user.id,
      kind: options.kind ?? "REQUEST_RECEIVED",
      title: `Notification ${seq}`,
      body: `About item ${seq}`,
      link: `/requests/REQ-${1000 + seq}`,
      createdAt,
      readAt: options.read ? createdAt : null,
      digestedAt: createdAt,
    },
  });
}

async function listPage(cookie: string, query = "") {
  const response = await callLoader(notificationsPage, getRequest(`/notifications${query}`, { cookie }));
  expect(response.status).toBe(200);
  return readJson<Page>(response);
}

function post(cookie: string, fields: Record<string, string>, url = "/notifications") {
  return callAction(notificationsPage, formRequest(url, fields, { cookie }));
}

async function readAt(id: string) {
  return (await prisma.notification.findUniqueOrThrow({ where: { id } })).readAt;
}

let me: User;
let someoneElse: User;
let cookie: string;

beforeEach(async () => {
  [me, someoneElse] = await Promise.all([createUser(), createUser()]);
  cookie = await signInAs(me.id);
});

describe("the notifications page", () => {
  test("asks a signed-out visitor to sign in", async () => {
    const response = await callLoader(notificationsPage, getRequest("/notifications"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fnotifications");
  });

  test("lists only the person's own notifications, newest first, with the unread count", async () => {
    const old = await notification(me, { minutesAgo: 60, read: true });
    const newer = await notification(me, { minutesAgo: 5 });
    const newest = await notification(me, { minutesAgo: 1 });
    const theirs = await notification(someoneElse, { minutesAgo: 2 });

    const page = await listPage(cookie);

    expect(page.notifications.map((n) => n.id)).toEqual([newest.id, newer.id, old.id]);
    expect(page.notifications.map((n) => n.id)).not.toContain(theirs.id);
    expect(page.unread).toBe(2);
    expect(page.notifications[2]!.readAt).not.toBeNull();
    expect(page.nextCursor).toBeNull();
  });

  test("pages through a long list with a cursor: every notification once, none repeated, even with equal times", async () => {
    const sameMoment = new Date(Date.now() - 30 * 60_000);
    const created = [];
    for (let i = 0; i < NOTIFICATIONS_PAGE_SIZE + 7; i++) {
      // Every third one shares a timestamp, so the id has to break the tie.
      created.push(await notification(me, i % 3 === 0 ? { at: sameMoment } : { minutesAgo: i }));
    }

    const first = await listPage(cookie);
    expect(first.notifications).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(first.nextCursor).toBeTruthy();
    const second = await listPage(cookie, `?before=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.nextCursor).toBeNull();

    const seen = [...first.notifications, ...second.notifications].map((n) => n.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(created.map((n) => n.id)));
    // Newest first across the page boundary.
    const times = await prisma.notification.findMany({ where: { id: { in: seen } }, select: { id: true, createdAt: true } });
    const timeOf = new Map(times.map((t) => [t.id, t.createdAt.getTime()]));
    const ordered = seen.map((id) => timeOf.get(id)!);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });

  test("a malformed cursor shows the first page", async () => {
    const mine = await notification(me);
    const page = await listPage(cookie, "?before=not-a-cursor'--");
    expect(page.notifications.map((n) => n.id)).toEqual([mine.id]);
  });

  test("opening a notification marks it read and goes to what it is about", async () => {
    const n = await notification(me);
    expect(await unreadCount(me.id)).toBe(1);

    const response = await post(cookie, { intent: "open", id: n.id });

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(n.link);
    expect(await readAt(n.id)).not.toBeNull();
    expect(await unreadCount(me.id)).toBe(0);
  });

  test("opening one already read keeps the time it was first read", async () => {
    const n = await notification(me, { minutesAgo: 10, read: true });
    const before = await readAt(n.id);

    const response = await post(cookie, { intent: "open", id: n.id });

    expect(response.headers.get("Location")).toBe(n.link);
    expect(await readAt(n.id)).toEqual(before);
  });

  test("a link that isn't a path inside the app is not followed", async () => {
    const n = await notification(me);
    await prisma.notification.update({ where: { id: n.id }, data: { link: "//evil.example/phish" } });

    const response = await post(cookie, { intent: "open", id: n.id });

    expect(response.headers.get("Location")).toBe("/notifications");
  });

  test("“mark read” marks one, back on the list, and the header's count drops", async () => {
    const [a, b] = [await notification(me), await notification(me)];
    const rootBefore = await readJson<{ unread: number }>(await callLoader(root, getRequest("/notifications", { cookie })));
    expect(rootBefore.unread).toBe(2);

    const response = await post(cookie, { intent: "read", id: a.id });

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/notifications");
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: "Marked as read." });
    expect(await readAt(a.id)).not.toBeNull();
    expect(await readAt(b.id)).toBeNull();
    const rootAfter = await readJson<{ unread: number }>(await callLoader(root, getRequest("/notifications", { cookie })));
    expect(rootAfter.unread).toBe(1);
  });

  test("marking read from an older page returns to that page", async () => {
    const n = await notification(me);
    const cursor = `${new Date().toISOString()}_zzz`;
    const response = await post(cookie, { intent: "read", id: n.id }, `/notifications?before=${encodeURIComponent(cursor)}`);
    expect(response.headers.get("Location")).toBe(`/notifications?before=${encodeURIComponent(cursor)}`);
  });

  test("“mark all read” marks every one of the person's unread notifications, and nobody else's", async () => {
    const mine = [await notification(me), await notification(me), await notification(me, { read: true })];
    const theirs = await notification(someoneElse);

    const response = await post(cookie, { intent: "read-all" });

    expect(response.status).toBe(302);
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: "2 notifications marked as read." });
    for (const n of mine) expect(await readAt(n.id)).not.toBeNull();
    expect(await unreadCount(me.id)).toBe(0);
    expect(await readAt(theirs.id)).toBeNull();
    expect(await unreadCount(someoneElse.id)).toBe(1);
    expect((await listPage(cookie)).unread).toBe(0);
  });

  test.each(["open", "read"])("“%s” on someone else's notification answers 404 and changes nothing", async (intent) => {
    const theirs = await notification(someoneElse);

    const response = await post(cookie, { intent, id: theirs.id });

    expect(response.status).toBe(404);
    expect(await readAt(theirs.id)).toBeNull();
  });

  test("an unknown id or a missing one answers 404; an unknown intent 400", async () => {
    expect((await post(cookie, { intent: "open", id: crypto.randomUUID() })).status).toBe(404);
    expect((await post(cookie, { intent: "read" })).status).toBe(404);
    expect((await post(cookie, { intent: "delete-everything" })).status).toBe(400);
  });

  test("a signed-out post changes nothing", async () => {
    const n = await notification(me);
    const response = await callAction(notificationsPage, formRequest("/notifications", { intent: "read-all" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
    expect(await readAt(n.id)).toBeNull();
  });
});

describe("notification settings on /account", () => {
  function savePreference(value: string, extra: Record<string, string> = {}) {
    return callAction(account, formRequest("/account", { intent: "email-preference", emailPreference: value, ...extra }, { cookie }));
  }

  async function preferenceOf(user: User) {
    return (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailPreference;
  }

  test("the page shows the current choice (email at once, by default)", async () => {
    const data = await readJson<{ person: { emailPreference: string }; digestHour: number }>(
      await callLoader(account, getRequest("/account", { cookie })),
    );
    expect(data.person.emailPreference).toBe("IMMEDIATE");
    expect(data.digestHour).toBe(7);
  });

  test.each(["IN_APP_ONLY", "DAILY_DIGEST", "IMMEDIATE"])("saves %s and says so", async (value) => {
    const response = await savePreference(value);

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account");
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: "Notification settings saved." });
    expect(await preferenceOf(me)).toBe(value);
    const data = await readJson<{ person: { emailPreference: string } }>(await callLoader(account, getRequest("/account", { cookie })));
    expect(data.person.emailPreference).toBe(value);
  });

  test.each([
    ["a value the form doesn't offer", { emailPreference: "SMS" }],
    ["no choice at all", {}],
  ])("refuses %s with a message beside the choices", async (_what, fields) => {
    const response = await callAction(account, formRequest("/account", { intent: "email-preference", ...fields }, { cookie }));

    expect(response.status).toBe(400);
    expect(await fieldErrors(response, "emailPreference")).toEqual(["Choose how you want to hear about notifications."]);
    expect(await preferenceOf(me)).toBe("IMMEDIATE");
  });

  test("changes only the signed-in person's own setting, whatever extra fields are sent", async () => {
    await savePreference("IN_APP_ONLY", { userId: someoneElse.id, id: someoneElse.id });
    expect(await preferenceOf(me)).toBe("IN_APP_ONLY");
    expect(await preferenceOf(someoneElse)).toBe("IMMEDIATE");
  });

  test("leaving the daily digest settles what was waiting for it", async () => {
    await savePreference("DAILY_DIGEST");
    const waiting = await notification(me);
    await prisma.notification.update({ where: { id: waiting.id }, data: { digestedAt: null } });

    await savePreference("IN_APP_ONLY");

    expect((await prisma.notification.findUniqueOrThrow({ where: { id: waiting.id } })).digestedAt).not.toBeNull();
  });

  test("the password form on the same page still works, with or without its intent", async () => {
    const change = (fields: Record<string, string>, currentPassword: string) =>
      callAction(
        account,
        formRequest(
          "/account",
          { ...fields, currentPassword, password: "a brand new passphrase", confirmPassword: "a brand new passphrase" },
          { cookie },
        ),
      );
    const variants: Record<string, string>[] = [{}, { intent: "change-password" }];
    for (const fields of variants) {
      const response = await change(fields, "not my password");
      expect(response.status).toBe(400);
      expect(await fieldErrors(response, "currentPassword")).toEqual(["That isn't your current password."]);
    }
    const changed = await change({ intent: "change-password" }, DEFAULT_PASSWORD);
    expect(changed.status).toBe(302);
    expect(await flashOf(changed)).toMatchObject({ kind: "success", message: expect.stringContaining("Password changed") });
    expect(await preferenceOf(me)).toBe("IMMEDIATE");
  });
});
