// /complaints/similar?q=… — the log form's suggestions as the summary is typed (JSON, signed-in
// only). Nothing is searched below 3 characters. Summaries, categories and counts only: never a
// customer's contact details.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server";
import { findSimilarComplaints, SIMILAR_MIN_CHARS } from "~/models/complaint-similar.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().replace(/\s+/g, " ");
  const similar = query.length >= SIMILAR_MIN_CHARS ? await findSimilarComplaints(query) : [];
  return json({ query, similar }, { headers: { "Cache-Control": "private, no-store" } });
}
