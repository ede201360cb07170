// The notifications list. Opening one is a POST (it marks it read, then the server redirects to
// what it is about), so it works without JavaScript and no GET changes anything. Unread items
// stand out by more than colour: a bar, bold text and an "Unread" word for screen readers.
import { Form } from "@remix-run/react";
import type { NotificationKind } from "~/generated/prisma/enums";
import { NOTIFICATION_KIND_LABELS } from "~/utils/notifications";
import { Button } from "./ui/form-controls";

export interface NotificationListItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

function NotificationItem({ notification: n }: { notification: NotificationListItem }) {
  const unread = n.readAt === null;
  const titleId = `notification-${n.id}`;
  return (
    <li
      className={`flex flex-wrap items-start gap-3 border-l-4 px-4 py-3 ${unread ? "border-brand-600 bg-brand-50" : "border-transparent"}`}
    >
      <div className="min-w-0 flex-1">
        <p className="text-xs text-slate-700">
          {unread ? <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 font-semibold text-white">Unread</span> : null}
          <span>{NOTIFICATION_KIND_LABELS[n.kind]}</span> ·{" "}
          <time dateTime={n.createdAt}>{timeFormat.format(new Date(n.createdAt))} UTC</time>
        </p>
        <Form method="post" className="mt-1">
          <input type="hidden" name="intent" value="open" />
          <input type="hidden" name="id" value={n.id} />
          <button
            type="submit"
            id={titleId}
            className={`text-left text-brand-700 underline hover:text-brand-800 ${unread ? "font-semibold" : "font-normal"}`}
          >
            {n.title}
          </button>
        </Form>
        {n.body ? <p className="mt-1 text-sm text-slate-700">{n.body}</p> : null}
      </div>
      {unread ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read" />
          <input type="hidden" name="id" value={n.id} />
          <Button type="submit" variant="secondary" aria-describedby={titleId}>
            Mark read
          </Button>
        </Form>
      ) : null}
    </li>
  );
}

export function NotificationList({ notifications }: { notifications: NotificationListItem[] }) {
  return (
    <ul aria-label="Notifications, newest first" className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow">
      {notifications.map((n) => (
        <NotificationItem key={n.id} notification={n} />
      ))}
    </ul>
  );
}
