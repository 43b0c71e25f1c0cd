// A search's expected cost before it runs, for a queue ordered by cost (lib/http/search-queue.ts):
// the articles its words are found in (their document frequencies as typed, archive-wide). A
// search reads its words' postings, so a query of common words costs more than one of rare
// words; a word the archive does not have costs nothing here, though its correction does work
// (measured: rank correlation about 0.2 with the run time over eval's queries at 35k, so an
// ordering hint, not a prediction; docs/history/performance-log.md, scale9). Microseconds per query.
import { parseQuery } from "@/lib/search/query-parse";
import { wordDf } from "@/lib/search/query-expand";
import type { Lexicon } from "@/lib/search/rank-index";

/** The sum of the archive-wide document frequencies of the words of `q` as typed. */
export function expectedCost(lexicon: Lexicon, q: string): number {
  let cost = 0;
  for (const word of parseQuery(q).words) cost += wordDf(lexicon, word);
  return cost;
}
