// A fresh process answers its first searches several times slower than later ones (code not
// yet compiled by the JIT, index pages and document blocks not yet touched). Under load that
// is what timed out: 25 connections per process queued behind a burst of cold searches
// (docs/history/performance-log.md, 2026-11-26 02:00 session). So the server runs a few searches of the
// archive's own words before it says it is ready.
import type { SearchEngine } from "@/lib/search/engine";
import { fold } from "@/lib/text/analyzer";
import { EMPTY_QUERY } from "@/lib/url/search-params";

/**
 * Up to `count` queries from live articles spread over the archive: the first two or three
 * words of a title as written, and every other one without marks (the unmarked path reads
 * the stream for accents). Deterministic: the same archive gives the same queries.
 */
export function warmUpQueries(engine: SearchEngine, count: number): string[] {
  const out: string[] = [];
  const { segments } = engine.archive;
  const docs = segments.reduce((n, s) => n + s.rank.n, 0);
  if (!docs || count <= 0) return out;
  const step = Math.max(1, Math.floor(docs / count));
  let g = 0;
  for (const seg of segments) {
    for (let d = 0; d < seg.rank.n && out.length < count; d++, g++) {
      if (g % step !== 0 || seg.rank.deleted?.[d]) continue;
      const words = seg.store.get(d).title.split(/\s+/).filter(Boolean);
      if (words.length < 2) continue;
      const q = words.slice(0, 2 + (out.length % 2)).join(" ");
      out.push(out.length % 2 ? q.split(" ").map(fold).join(" ") : q);
    }
  }
  return out;
}

/**
 * Run the warm-up searches until `count` are done or `budgetMs` has passed (by `now`), each
 * through the whole search (facets, page, snippets).
 * Returns how many ran and how long they took.
 */
export function warmUp(engine: SearchEngine, { count = 30, budgetMs = 2000, now = () => performance.now() } = {}): { queries: number; ms: number } {
  const started = now();
  let queries = 0;
  for (const q of warmUpQueries(engine, count)) {
    if (now() - started >= budgetMs) break;
    engine.search({ ...EMPTY_QUERY, q });
    queries++;
  }
  return { queries, ms: Math.round(now() - started) };
}
