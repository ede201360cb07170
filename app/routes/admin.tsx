import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireAdmin } from "~/utils/admin.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-slate-800 text-white" : "text-slate-800 hover:bg-slate-200"}`;

export default function AdminLayout() {
  return (
    <div>
      <nav aria-label="Administration" className="mb-6 flex flex-wrap gap-1 border-b border-slate-300 pb-2">
        <NavLink to="/admin/people" className={tabClass}>
          People
        </NavLink>
        <NavLink to="/admin/teams" className={tabClass}>
          Teams
        </NavLink>
        <NavLink to="/admin/complaint-categories" className={tabClass}>
          Complaint categories
        </NavLink>
        <NavLink to="/admin/settings" className={tabClass}>
          Settings
        </NavLink>
        <NavLink to="/admin/audit" className={tabClass}>
          Audit log
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
