// The managers' list of recovery cases: open ones first, overdue acknowledgements marked.
import { Link } from "@remix-run/react";
import type { RecoveryStatus } from "~/utils/recovery-lifecycle";
import { DataTable } from "./ui/data-table";
import { textLinkClass } from "./ui/page-header";
import { DateTimeText } from "./request-time";

export interface RecoveryListItemView {
  id: string;
  ref: string;
  title: string;
  path: string;
  team: string;
  waitingOn: string;
  status: RecoveryStatus;
  statusLabel: string;
  overall: number;
  escalationLevel: number;
  openedAt: string;
  acknowledgeDueAt: string;
  closedAt: string | null;
  overdue: boolean;
}

export function RecoveryCaseTable({ cases }: { cases: RecoveryListItemView[] }) {
  return (
    <DataTable caption="Recovery cases" columns={["Request", "Team", "Rating", "Status", "Opened"]}>
      {cases.map((c) => (
        <tr key={c.id}>
          <td className="px-4 py-2">
            <Link to={c.path} className={textLinkClass}>
              {c.ref} {c.title}
            </Link>
          </td>
          <td className="px-4 py-2">
            {c.team}
            {c.escalationLevel > 0 && c.status === "OPEN" ? <div className="text-sm text-amber-900">Waiting on {c.waitingOn}</div> : null}
          </td>
          <td className="px-4 py-2">{c.overall} of 5</td>
          <td className="px-4 py-2">
            {c.statusLabel}
            {c.overdue ? <span className="ml-1 font-semibold text-red-800">(overdue)</span> : null}
          </td>
          <td className="px-4 py-2">
            <DateTimeText value={c.openedAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
