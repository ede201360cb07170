const styles = {
  success: "border-green-700 bg-green-50 text-green-900",
  error: "border-red-700 bg-red-50 text-red-900",
  info: "border-brand-600 bg-brand-50 text-brand-800",
} as const;

export function FlashMessage({ kind, message }: { kind: keyof typeof styles; message: string }) {
  return (
    <div className="mx-auto mt-4 max-w-6xl px-4">
      <p role={kind === "error" ? "alert" : "status"} className={`rounded-md border-l-4 px-4 py-3 text-sm ${styles[kind]}`}>
        {message}
      </p>
    </div>
  );
}
