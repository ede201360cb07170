// "Similar open complaints" while a rep types a summary (DESIGN.md, "Heard it too"): open
// complaints from the last 90 days whose summary is close to what was typed, by trigram
// similarity (pg_trgm: catches typos and word order) or by full-text match (catches the same
// words in a longer summary), best first, at most 5. Any signed-in rep may see these few facts of
// any team's complaint so they can say "heard it too" — never the customer's contact details,
// which this query does not even select.
//
// pg_trgm is created by the migrations and loaded by PGlite; should a server lack it, the query
// falls back to full text plus ILIKE rather than failing the form (remembered per process).
import { queryRows } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { SIMILAR_LIMIT, SIMILAR_WITHIN_DAYS, type Severity } from "~/utils/complaint-rules";
import { escapeLikePattern } from "~/utils/text-match";

export const SIMILAR_MIN_CHARS = 3;
const QUERY_MAX_CHARS = 200;

export interface SimilarComplaint {
  number: number;
  summary: string;
  category: string;
  severity: Severity;
  sightings: number;
  createdAt: string;
}

interface Row {
  number: number;
  summary: string;
  category: string;
  severity: Severity;
  sightings: number;
  created_at: Date;
}

let trigramsAvailable = true;

// $1 the typed text, $2 the oldest creation time, $3 the limit.
const SELECT = `SELECT c.number, c.summary, cat.name AS category, c.severity::text AS severity, c.created_at,
         (SELECT count(*)::int FROM complaint_sightings s WHERE s.complaint_id = c.id) AS sightings`;
const FROM = `FROM complaints c JOIN complaint_categories cat ON cat.id = c.category_id
   WHERE c.status <> 'CLOSED' AND c.created_at >= $2`;
const FULL_TEXT = `to_tsvector('english', c.summary) @@ plainto_tsquery('english', $1)`;

const TRIGRAM_QUERY = `${SELECT},
         greatest(similarity(c.summary, $1), word_similarity($1, c.summary))
           + CASE WHEN ${FULL_TEXT} THEN 0.3 ELSE 0 END AS score
   ${FROM} AND (c.summary % $1 OR $1 <% c.summary OR ${FULL_TEXT})
   ORDER BY score DESC, c.created_at DESC LIMIT $3`;

const FALLBACK_QUERY = `${SELECT}
   ${FROM} AND (${FULL_TEXT} OR c.summary ILIKE '%' || $4 || '%')
   ORDER BY ts_rank(to_tsvector('english', c.summary), plainto_tsquery('english', $1)) DESC, c.created_at DESC LIMIT $3`;

/** Up to 5 open complaints like `text`; none for fewer than 3 characters. */
export async function findSimilarComplaints(text: string, now = new Date()): Promise<SimilarComplaint[]> {
  const q = text.trim().replace(/\s+/g, " ").slice(0, QUERY_MAX_CHARS);
  if (q.length < SIMILAR_MIN_CHARS) return [];
  const since = new Date(now.getTime() - SIMILAR_WITHIN_DAYS * 86_400_000);
  let rows: Row[];
  if (trigramsAvailable) {
    try {
      rows = await queryRows<Row>({ text: TRIGRAM_QUERY, values: [q, since, SIMILAR_LIMIT] });
    } catch (error) {
      // 42883: undefined function/operator — the extension is missing on this server.
      if ((error as { code?: string }).code !== "42883") throw error;
      trigramsAvailable = false;
      log.warn("pg_trgm is not available: similar complaints use full-text search only");
      rows = await queryRows<Row>({ text: FALLBACK_QUERY, values: [q, since, SIMILAR_LIMIT, escapeLikePattern(q)] });
    }
  } else {
    rows = await queryRows<Row>({ text: FALLBACK_QUERY, values: [q, since, SIMILAR_LIMIT, escapeLikePattern(q)] });
  }
  return rows.map((r) => ({
    number: r.number,
    summary: r.summary,
    category: r.category,
    severity: r.severity,
    sightings: r.sightings,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** For tests: run the fallback path as if pg_trgm were missing. */
export function setTrigramsAvailableForTesting(available: boolean) {
  trigramsAvailable = available;
}
