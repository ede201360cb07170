import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/policies/authorize.server";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "~/models/notification-list.server";
import { unreadCount } from "~/models/notification.server";
import { safeRedirect } from "~/validation/auth";
import { NotificationList } from "~/components/notification-list";
import { Button } from "~/components/ui/form-controls";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Notifications · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const before = new URL(request.url).searchParams.get("before");
  const [page, unread] = await Promise.all([listNotifications(user.id, { before }), unreadCount(user.id)]);
  return json({ ...page, unread });
}

/** Back to the page of the list the form was on. */
function listUrl(request: Request) {
  const before = new URL(request.url).searchParams.get("before");
  return before ? `/notifications?${new URLSearchParams({ before })}` : "/notifications";
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "read-all") {
    const count = await markAllNotificationsRead(user.id);
    return redirectWithFlash(request, listUrl(request), {
      kind: "success",
      message: count === 1 ? "1 notification marked as read." : `${count} notifications marked as read.`,
    });
  }
  if (intent === "open" || intent === "read") {
    const id = form.get("id");
    // A NUL character is no notification's id, and PostgreSQL would fail on it rather than find nothing.
    const marked = typeof id === "string" && id && !id.includes("\u0000") ? await markNotificationRead(user.id, id) : null;
    // Someone else's notification (or none at all): the same answer, and nothing changes.
    if (!marked) throw notFound();
    // Links are paths the app wrote; safeRedirect keeps it that way whatever is in the row.
    if (intent === "open") return redirect(safeRedirect(marked.link, "/notifications"));
    return redirectWithFlash(request, listUrl(request), { kind: "success", message: "Marked as read." });
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function Notifications() {
  const { notifications, nextCursor, isFirstPage, unread } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Notifications"
        description={unread ? `${unread} unread` : "You're all caught up."}
        actions={
          unread ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <Button type="submit" variant="secondary">
                Mark all read
              </Button>
            </Form>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-700 shadow">
          {isFirstPage ? "Nothing yet. You'll hear here about requests to your teams and changes to yours." : "No older notifications."}
        </p>
      ) : (
        <NotificationList notifications={notifications} />
      )}
      <nav aria-label="More notifications" className="mt-4 flex gap-4">
        {isFirstPage ? null : (
          <Link to="/notifications" className={textLinkClass}>
            Newest
          </Link>
        )}
        {nextCursor ? (
          <Link to={`?${new URLSearchParams({ before: nextCursor })}`} className={textLinkClass}>
            Older notifications
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
