// Complaint themes (/complaints/themes): managers and admins list them with how many complaints
// carry each, create, rename, and merge one into another (which moves all its tags). Everyone
// else gets 404. Every change is audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseWithZod } from "~/utils/forms";
import { notFound } from "~/policies/authorize.server";
import { isManagerOrAdmin } from "~/policies/complaint.server";
import { getTeamScope } from "~/models/team-scope.server";
import { createTheme, listThemes, mergeTheme, renameTheme, ThemeError } from "~/models/theme.server";
import { createThemeSchema, isThemeIntent, mergeThemeSchema, renameThemeSchema } from "~/validation/themes";
import { PageHeader, textLinkClass } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ThemeCreateForm, ThemeList, type ThemeReply } from "~/components/theme-list";

export const meta: MetaFunction = () => [{ title: "Complaint themes · Upstream" }];

async function requireManager(request: Request) {
  const user = await requireUser(request);
  if (!isManagerOrAdmin(user, await getTeamScope(user.id, request))) throw notFound();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireManager(request);
  return json({ themes: await listThemes() });
}

function reply(body: ThemeReply, status = 400) {
  return json(body, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireManager(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isThemeIntent(intent))
    return reply({
      intent: null,
      result: { status: "error", error: { "": ["That form isn't one this page knows. Reload the page and try again."] } },
    });
  const themeId = String(formData.get("themeId") ?? "");
  const done = (message: string) => redirectWithFlash(request, "/complaints/themes", { kind: "success", message });
  const schema = intent === "create" ? createThemeSchema : intent === "rename" ? renameThemeSchema : mergeThemeSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return reply({ intent, themeId, result: submission.reply() });
  try {
    const value = submission.value as { name?: string; themeId?: string; intoId?: string };
    if (intent === "create") {
      const theme = await createTheme(user, value.name!);
      return done(`Theme "${theme.name}" created.`);
    }
    if (intent === "rename") {
      const { from, to } = await renameTheme(user, value.themeId!, value.name!);
      return done(`Theme "${from}" is now called "${to}".`);
    }
    const { source, target, moved, alreadyTagged } = await mergeTheme(user, value.themeId!, value.intoId!);
    const extra = alreadyTagged ? ` (${alreadyTagged} already had "${target.name}")` : "";
    return done(`"${source.name}" is merged into "${target.name}": ${moved} ${moved === 1 ? "complaint" : "complaints"} moved${extra}.`);
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    const result = error.field
      ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
      : submission.reply({ formErrors: [error.message] });
    return reply({ intent, themeId, result }, error.field ? 400 : 409);
  }
}

export default function ComplaintThemes() {
  const { themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ThemeReply | undefined;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Complaint themes"
        description="Tags managers put on complaints to see what keeps coming up. Merging a theme moves all its complaints to the other one."
        actions={
          <Link to="/complaints/inbox" className={textLinkClass}>
            Complaints inbox
          </Link>
        }
      />
      <ThemeCreateForm reply={actionData} />
      <ThemeList themes={themes} reply={actionData} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
