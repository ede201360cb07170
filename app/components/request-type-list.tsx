// A team's service catalogue as a table: what can be asked for and how fast the team answers.
import { Link } from "@remix-run/react";
import { PRIORITY_LABELS, type Priority } from "~/utils/request-number";

export interface RequestTypeRow {
  id: string;
  name: string;
  description: string;
  defaultPriority: Priority;
  firstResponseTarget: string;
  resolutionTarget: string;
  active: boolean;
}

export function RequestTypeList({ types, editBase }: { types: RequestTypeRow[]; editBase?: string }) {
  if (types.length === 0) {
    return <p className="rounded-lg bg-white p-6 text-slate-700 shadow">This team has no request types yet.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Request types, with the team's targets</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              Request type
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Default priority
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              First response within
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Resolved within
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Status
            </th>
            {editBase ? (
              <th scope="col" className="px-4 py-3 font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {types.map((type) => (
            <tr key={type.id} className={type.active ? undefined : "bg-slate-50 text-slate-600"}>
              <th scope="row" className="px-4 py-3 text-left align-top font-medium">
                {type.name}
                {type.description ? <p className="mt-1 font-normal text-slate-700">{type.description}</p> : null}
              </th>
              <td className="px-4 py-3 align-top">{PRIORITY_LABELS[type.defaultPriority]}</td>
              <td className="px-4 py-3 align-top">{type.firstResponseTarget}</td>
              <td className="px-4 py-3 align-top">{type.resolutionTarget}</td>
              <td className="px-4 py-3 align-top">
                {type.active ? (
                  "Active"
                ) : (
                  <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold uppercase text-slate-800">Inactive</span>
                )}
              </td>
              {editBase ? (
                <td className="px-4 py-3 align-top">
                  <Link to={`${editBase}/${type.id}`} className="font-medium text-brand-700 underline">
                    Edit<span className="sr-only"> {type.name}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
