// When `-word` exclusions remove every article the rest of the query found, the page says
// so (rather than a bare "nothing found") and offers the search without them.
import type { SearchQuery, SearchResponse } from "@/lib/api/contract";

/** `-word` or `-"a phrase"`, at the start or after a space (a hyphen inside Jong-un is not one). */
const EXCLUSION = /(^|\s)-(?:"[^"]*"?|“[^”]*”?|[^\s"“]+)/gu;

/** The query's exclusions as typed, and the query without them. */
export function splitExclusions(q: string): { kept: string; excluded: string[] } {
  const excluded = [...q.matchAll(EXCLUSION)].map((m) => m[0].trim()).filter((x) => x.length > 1);
  const kept = q.replace(EXCLUSION, " ").replace(/\s+/g, " ").trim();
  return { kept, excluded };
}

/**
 * The response, with `excludedAll` added when the exclusions are why nothing was found:
 * `{q, total, excluded}`, the query without them and how many articles it finds.
 */
export function explainExclusions(response: SearchResponse, search: (query: SearchQuery) => SearchResponse): SearchResponse {
  if (response.total > 0) return response;
  const { kept, excluded } = splitExclusions(response.query.q);
  if (excluded.length === 0) return response;
  const without = search({ ...response.query, q: kept, page: 1, size: 1 });
  if (without.total === 0) return response;
  return { ...response, excludedAll: { q: kept, total: without.total, excluded } };
}
