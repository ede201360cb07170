// Notes about filters that were ignored or adjusted (an unknown status, a stale page link).
export function ListNotices({ notices }: { notices: string[] }) {
  if (!notices.length) return null;
  return (
    <div role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <ul className="list-inside list-disc">
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </div>
  );
}
