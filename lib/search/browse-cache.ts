// Answers to searches without words (the home page, a facet link, browsing by date), kept
// per archive generation: such a search visits every live article to count the facets, and
// the same few are asked again and again. A search with words is not kept (its answer is
// cheap next to the count over the whole archive, and its URLs rarely repeat).
import type { SearchResponse } from "@/lib/api/contract";

/** Answers kept at most (least recently used first out). */
const ENTRIES = 64;
/** Pages deeper than this many hits are not kept (a person's page asks for all of them). */
const MAX_HITS = 200;

export class BrowseCache {
  private readonly answers = new Map<string, SearchResponse>();
  private generation = -1;

  /** The cache key of a search, or null when it is not one to keep. */
  static key(query: SearchResponse["query"], facetLimit: number | undefined, today: string): string | null {
    if (query.q.trim() || query.page * query.size > MAX_HITS) return null;
    return JSON.stringify([query, facetLimit ?? null, today]);
  }

  /** A copy of the kept answer (callers may change what they get), or undefined. */
  get(key: string, generation: number): SearchResponse | undefined {
    if (generation !== this.generation) {
      this.answers.clear();
      this.generation = generation;
    }
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    this.answers.delete(key);
    this.answers.set(key, answer);
    return structuredClone(answer);
  }

  set(key: string, generation: number, answer: SearchResponse) {
    if (generation !== this.generation) return;
    if (this.answers.size >= ENTRIES) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, structuredClone(answer));
  }
}
