// Shown once, right after anonymous feedback is sent: the private code that follows it. The page
// carrying it is never cached and its address never contains it.
import { Link } from "@remix-run/react";
import { formatFollowUpCode } from "~/validation/feedback";
import { textLinkClass } from "./ui/page-header";

export function FeedbackFollowUpCode({ code, to }: { code: string; to: string }) {
  return (
    <section aria-labelledby="follow-up-code-heading" className="space-y-4 rounded-lg bg-white p-6 shadow">
      <h2 id="follow-up-code-heading" className="text-lg font-semibold">
        Your anonymous feedback was sent to {to}
      </h2>
      <p>Keep this code somewhere private. It's the only way to see the answers, and we can't show it to you again.</p>
      <p
        className="rounded-md border-2 border-dashed border-brand-600 bg-brand-50 p-4 text-center font-mono text-2xl tracking-widest"
        aria-label="Your follow-up code"
      >
        {formatFollowUpCode(code)}
      </p>
      <p className="text-sm text-slate-700">
        Anyone with the code can read the feedback and its answers, but not who wrote it: nobody can, not even an administrator. The
        managers are told about it tomorrow morning, together with the day's other anonymous feedback.
      </p>
      <p>
        <Link to="/feedback" className={textLinkClass}>
          Follow your feedback
        </Link>
      </p>
    </section>
  );
}
