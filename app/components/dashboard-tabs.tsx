// Moves between the dashboards, keeping the period and team the person chose.
import { NavLink } from "@remix-run/react";

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-t-md border-b-2 px-4 py-2 font-medium ${isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-700"}`;

export function DashboardTabs({ query }: { query: string }) {
  const suffix = query ? `?${query}` : "";
  return (
    <nav aria-label="Dashboards" className="mb-6 flex gap-2 border-b border-slate-200">
      <NavLink to={`/dashboards/escalations${suffix}`} className={tabClass} end>
        Escalation trends
      </NavLink>
      <NavLink to={`/dashboards/service${suffix}`} className={tabClass} end>
        Service overview
      </NavLink>
    </nav>
  );
}
