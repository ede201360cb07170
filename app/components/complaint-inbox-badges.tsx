// Severity and status of a complaint as short, coloured labels, for the inbox and the manage page.
import { COMPLAINT_STATUS_LABELS, SEVERITY_LABELS, type ComplaintStatus, type Severity } from "~/utils/complaint-rules";

// Only what stands out gets colour: long lists are mostly plain text.
const SEVERITY_CLASSES: Partial<Record<Severity, string>> = {
  HIGH: "font-semibold text-amber-800",
  CRITICAL: "font-semibold text-red-800",
};

export function SeverityText({ severity }: { severity: Severity }) {
  const className = SEVERITY_CLASSES[severity];
  return className ? <span className={className}>{SEVERITY_LABELS[severity]}</span> : <>{SEVERITY_LABELS[severity]}</>;
}

const STATUS_CLASSES: Record<ComplaintStatus, string> = {
  LOGGED: "border-slate-400 bg-slate-50 text-slate-800",
  ESCALATED: "border-amber-600 bg-amber-50 text-amber-900",
  ACKNOWLEDGED: "border-sky-600 bg-sky-50 text-sky-900",
  ACTION_PLANNED: "border-indigo-600 bg-indigo-50 text-indigo-900",
  CLOSED: "border-emerald-700 bg-emerald-50 text-emerald-900",
};

export function ComplaintStatusBadge({ status }: { status: ComplaintStatus }) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${STATUS_CLASSES[status]}`}>
      {COMPLAINT_STATUS_LABELS[status]}
    </span>
  );
}
