// The query-result cache of a search engine: whole answers to searches with words, kept
// for the current archive generation (every index commit, live update or merge starts a
// new one, so nothing stale is ever answered), least recently used out first, bounded by
// an estimate of the memory the kept answers hold. A repeated search (a shared link, the
// page after its API call, a reload, the next page's facets) then costs a copy, not a
// match. Word-less searches have their own cache (browse-cache.ts).
import type { SearchQuery, SearchResponse } from "@/lib/api/contract";

/** Default bound of the kept answers (`SEARCH_CACHE_MB`): about 2,000 answers of ten hits. */
export const DEFAULT_CACHE_MB = 32;

/** Answers past this many hits are not kept (a person's page asks for all of them). */
const MAX_HITS = 200;

export class ResultCache {
  private readonly answers = new Map<string, { answer: SearchResponse; bytes: number }>();
  private generation = -1;
  private held = 0;
  /** Lookups answered and not, since the process started (for /api/health and benchmarks). */
  readonly stats = { hits: 0, misses: 0 };

  /** `maxBytes` 0 turns the cache off. */
  constructor(readonly maxBytes: number) {}

  /** The key of a search to keep, or null (cache off, no words, a page too deep). */
  key(query: SearchQuery, facetLimit: number | undefined, today: string): string | null {
    if (this.maxBytes <= 0 || !query.q.trim() || query.page * query.size > MAX_HITS) return null;
    return JSON.stringify([query, facetLimit ?? null, today]);
  }

  /** A copy of the kept answer (callers may change what they get), or undefined. */
  get(key: string, generation: number): SearchResponse | undefined {
    this.sync(generation);
    const kept = this.answers.get(key);
    if (!kept) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.answers.delete(key);
    this.answers.set(key, kept);
    return structuredClone(kept.answer);
  }

  set(key: string, generation: number, answer: SearchResponse) {
    this.sync(generation);
    const bytes = estimateBytes(answer);
    if (bytes > this.maxBytes) return;
    const old = this.answers.get(key);
    if (old) {
      this.answers.delete(key);
      this.held -= old.bytes;
    }
    while (this.held + bytes > this.maxBytes) {
      const [oldest, entry] = this.answers.entries().next().value as [string, { bytes: number }];
      this.answers.delete(oldest);
      this.held -= entry.bytes;
    }
    this.answers.set(key, { answer: structuredClone(answer), bytes });
    this.held += bytes;
  }

  /** Answers kept and the memory they are estimated to hold. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.answers.size, bytes: this.held };
  }

  private sync(generation: number) {
    if (generation === this.generation) return;
    this.answers.clear();
    this.held = 0;
    this.generation = generation;
  }
}

/**
 * An estimate of the memory an answer holds: two bytes per character of its JSON (V8 keeps
 * strings with Vietnamese letters in two bytes a character), plus 1 KiB for the key and the entry.
 */
export function estimateBytes(answer: SearchResponse): number {
  return 2 * JSON.stringify(answer).length + 1024;
}
