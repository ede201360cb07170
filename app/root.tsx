import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, LiveReload, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import stylesheet from "~/tailwind.css";
import { getSessionUser } from "~/utils/auth.server";
import { readFlash } from "~/utils/flash.server";
import { navigationFacts } from "~/models/notification.server";
import { useNonce } from "~/components/nonce";
import { AppShell } from "~/components/app-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const { flash, headers } = await readFlash(request);
  const { unread, manages } = user ? await navigationFacts(user.id) : { unread: 0, manages: false };
  return json(
    {
      user: user ? { id: user.id, name: user.name, email: user.email, role: user.role, manages: manages || user.role === "ADMIN" } : null,
      flash,
      unread,
    },
    { headers },
  );
}

export type RootLoaderData = typeof loader;

export function useOptionalUser() {
  return useRouteLoaderData<RootLoaderData>("root")?.user ?? null;
}

function Document({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {/* Renders nothing in production; in `npm run dev` it reloads the page after each rebuild. */}
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, flash, unread } = useLoaderData<typeof loader>();
  return (
    <Document>
      <AppShell user={user} flash={flash} unread={unread}>
        <Outlet />
      </AppShell>
    </Document>
  );
}

export function ErrorBoundary() {
  // The root loader may have succeeded (the error came from a child): keep the navigation then.
  const user = useOptionalUser();
  return (
    <Document>
      <AppShell user={user} flash={null} unread={0}>
        <GeneralErrorBoundary />
      </AppShell>
    </Document>
  );
}
