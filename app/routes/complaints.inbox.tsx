// The manager inbox (/complaints/inbox): complaints routed to the teams the person manages and
// the teams below them (all of them for admins), open and most severe first, with filters in the
// URL (a GET form: works without JavaScript, can be bookmarked) and bulk acknowledge / bulk tag
// (one POST form around the table). People who manage no team and aren't admins get 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/policies/authorize.server";
import { isManagerOrAdmin } from "~/policies/complaint.server";
import { getTeamScope } from "~/models/team-scope.server";
import { loadInbox, loadInboxOptions, reconcileInboxFilters } from "~/models/complaint-inbox.server";
import { bulkAcknowledge, bulkTag, ComplaintActionError, describeBulkOutcome } from "~/models/complaint-actions.server";
import { inboxSearchParams, parseInboxQuery } from "~/validation/complaint-inbox";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ListNotices } from "~/components/list-notices";
import { ListPagination } from "~/components/request-list-table";
import { ComplaintInboxFilterForm } from "~/components/complaint-inbox-filter-form";
import { ComplaintInboxTable, type BulkErrors } from "~/components/complaint-inbox-table";

export const meta: MetaFunction = () => [{ title: "Complaints inbox · Upstream" }];

async function requireManager(request: Request) {
  const user = await requireUser(request);
  const scope = await getTeamScope(user.id, request);
  if (!isManagerOrAdmin(user, scope)) throw notFound();
  return { user, scope };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireManager(request);
  const parsed = parseInboxQuery(new URL(request.url).searchParams);
  const notices = [...parsed.notices];
  const options = await loadInboxOptions(user, scope);
  const filters = reconcileInboxFilters(parsed.filters, options, notices);
  const inbox = await loadInbox({ actor: user, scope, filters, cursor: parsed.cursor, now: new Date() });
  const query = inboxSearchParams(filters).toString();
  return json({
    filters,
    options,
    notices,
    rows: inbox.rows,
    currentQuery: query,
    nextHref: inbox.next ? `/complaints/inbox?${inboxSearchParams(filters, inbox.next).toString()}` : null,
    firstHref: parsed.cursor ? `/complaints/inbox${query ? `?${query}` : ""}` : null,
  });
}

function refused(errors: BulkErrors) {
  return json({ errors }, { status: 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireManager(request);
  const form = await request.formData();
  const intent = form.get("intent");
  // NUL is in no id, and PostgreSQL fails on it rather than finding nothing: such values are dropped.
  const ids = form
    .getAll("complaint")
    .filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 100 && !v.includes("\u0000"));
  const themeId = String(form.get("themeId") ?? "")
    .replaceAll("\u0000", "")
    .trim();
  if (intent !== "acknowledge" && intent !== "tag") throw new Response("That action isn't available here.", { status: 400 });
  if (!ids.length) return refused({ complaint: ["Tick the complaints to act on first."] });
  // Back to the same filtered list (the form posts to the current URL, query included).
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  if (intent === "acknowledge") {
    const outcome = await bulkAcknowledge(user, scope, ids);
    return redirectWithFlash(request, back, {
      kind: outcome.done ? "success" : "info",
      message: describeBulkOutcome(outcome, "acknowledge"),
    });
  }
  if (!themeId) return refused({ themeId: ["Choose the theme to tag them with."] });
  try {
    const { theme, outcome } = await bulkTag(user, scope, ids, themeId);
    return redirectWithFlash(request, back, {
      kind: outcome.done ? "success" : "info",
      message: describeBulkOutcome(outcome, "tag", theme.name),
    });
  } catch (error) {
    if (error instanceof ComplaintActionError) return refused({ themeId: [error.message] });
    throw error;
  }
}

export default function ComplaintInbox() {
  const { filters, options, notices, rows, currentQuery, nextHref, firstHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <PageHeader
        title="Complaints inbox"
        description="Complaints routed to your teams and the teams below them: open ones first, the most severe and newest at the top."
        actions={
          <Link to="/complaints/themes" className={textLinkClass}>
            Themes
          </Link>
        }
      />
      <ListNotices notices={notices} />
      <ComplaintInboxFilterForm filters={filters} options={options} formKey={currentQuery} />
      <div className="mt-6 space-y-4">
        <ComplaintInboxTable rows={rows} themes={options.themes} errors={actionData?.errors} caption="Complaints matching the filters" />
        <ListPagination prevHref={null} nextHref={nextHref} firstHref={firstHref} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
