// The page frame: skip link, header with navigation and the user's menu, flash message, main.
import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { FlashMessage } from "./ui/flash-message";

interface ShellUser {
  name: string;
  role: "EMPLOYEE" | "ADMIN";
  /** Manages a team (or is an admin): has the complaint inbox and the dashboards. */
  manages?: boolean;
}

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-700 text-white" : "text-slate-100 hover:bg-brand-800"}`;

export function AppShell({
  user,
  flash,
  unread,
  children,
}: {
  user: ShellUser | null;
  flash: { kind: "success" | "error" | "info"; message: string } | null;
  unread: number;
  children: ReactNode;
}) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-700"
      >
        Skip to main content
      </a>
      <header className="bg-brand-600">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-2">
          <Link to="/" className="mr-4 flex items-center gap-2 text-lg font-semibold text-white">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            Upstream
          </Link>
          {user ? (
            <>
              <nav aria-label="Main" className="flex flex-wrap gap-1">
                <NavLink to="/" end className={navClass}>
                  Home
                </NavLink>
                <NavLink to="/requests" end className={navClass}>
                  My requests
                </NavLink>
                <NavLink to="/requests/new" className={navClass}>
                  New request
                </NavLink>
                <NavLink to="/complaints" end className={navClass}>
                  Complaints
                </NavLink>
                {user.manages ? (
                  <>
                    <NavLink to="/complaints/inbox" className={navClass}>
                      Inbox
                    </NavLink>
                    <NavLink to="/dashboards" className={navClass}>
                      Dashboards
                    </NavLink>
                  </>
                ) : null}
                <NavLink to="/teams" className={navClass}>
                  Teams
                </NavLink>
                <NavLink to="/kudos" className={navClass}>
                  Kudos
                </NavLink>
                <NavLink to="/feedback" className={navClass}>
                  Feedback
                </NavLink>
                {user.role === "ADMIN" ? (
                  <NavLink to="/admin" className={navClass}>
                    Admin
                  </NavLink>
                ) : null}
              </nav>
              <div className="ml-auto flex items-center gap-2">
                <NavLink to="/notifications" className={navClass} aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}>
                  <svg aria-hidden="true" viewBox="0 0 24 24" className="inline h-5 w-5 fill-none stroke-current stroke-2">
                    <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
                    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                  {unread ? (
                    <span className="ml-1 rounded-full bg-white px-2 text-xs font-bold text-brand-800">{unread > 99 ? "99+" : unread}</span>
                  ) : null}
                </NavLink>
                <NavLink to="/account" className={navClass}>
                  {user.name}
                </NavLink>
                <Form method="post" action="/logout">
                  <button type="submit" className="rounded-md px-3 py-2 text-sm font-medium text-slate-100 hover:bg-brand-800">
                    Sign out
                  </button>
                </Form>
              </div>
            </>
          ) : null}
        </div>
      </header>
      {flash ? <FlashMessage kind={flash.kind} message={flash.message} /> : null}
      <main id="main" className="mx-auto max-w-6xl px-4 py-6" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
