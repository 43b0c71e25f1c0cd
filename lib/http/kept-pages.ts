// Results pages kept whole, per URL, for the archive generation they were rendered in: a
// repeated results page (a shared link, a reload, the back button) is sent from its template
// (page-template.ts) with the new request's nonce, request id and `tookMs`, with the status and
// the headers Next.js gave the rendered page. Least recently used out first, bounded by the
// templates' bytes; a new archive generation (a commit, a live update) drops them all, as the
// result cache drops its answers (lib/search/result-cache.ts).
import { LRUCache } from "lru-cache";
import type { PageTemplate } from "@/lib/http/page-template";

/** Default bound of the kept pages (`PAGE_CACHE_MB`): about 400 results pages of 80 KB. */
export const DEFAULT_PAGE_CACHE_MB = 32;

/**
 * The kept pages' bound in bytes: `PAGE_CACHE_MB` (0 = off); unset, DEFAULT_PAGE_CACHE_MB, or 0
 * when `SEARCH_CACHE_MB` is 0 (no answers kept: every page is computed, as benchmarks ask with it).
 */
export function pageCacheBytes(env: Record<string, string | undefined>): number {
  const fallback = Number(env.SEARCH_CACHE_MB) === 0 && env.SEARCH_CACHE_MB?.trim() ? 0 : DEFAULT_PAGE_CACHE_MB;
  const v = Number(env.PAGE_CACHE_MB ?? fallback);
  return Math.round((Number.isFinite(v) && v >= 0 ? v : fallback) * 1024 * 1024);
}

/** A header as `getHeaders()` gives it. */
export type HeaderValue = string | number | string[];

/** A rendered page kept: its template and what Next.js set on its response. */
export interface KeptPage {
  template: PageTemplate;
  status: number;
  /** The response's headers but those each response sets for itself (`PER_RESPONSE`). */
  headers: [string, HeaderValue][];
  /** Length of the request id the page was rendered with (kept-page-front.ts). */
  requestIdLength: number;
}

/**
 * Headers each response sets for itself (the front: CSP, request id, tag; the whole gzip:
 * encoding, length, Vary with Accept-Encoding; Node: date, connection), never replayed.
 */
const PER_RESPONSE = new Set([
  "content-security-policy",
  "x-request-id",
  "etag",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "date",
  "connection",
  "keep-alive",
]);

/** A response's headers as a kept page keeps them. */
export function keptHeaders(headers: Record<string, HeaderValue | undefined>): [string, HeaderValue][] {
  return Object.entries(headers).filter((e): e is [string, HeaderValue] => e[1] !== undefined && !PER_RESPONSE.has(e[0].toLowerCase()));
}

/** Estimated bytes a kept page holds: its template and headers, and the entry around them. */
function keptBytes(page: KeptPage): number {
  return page.template.bytes + 64 * (page.template.parts.length + page.headers.length) + 256;
}

export class KeptPages {
  private readonly pages: LRUCache<string, KeptPage> | null;
  private generation = -1;
  /** Pages sent from a template, and pages rendered while the cache was on, since the process started. */
  readonly stats = { hits: 0, misses: 0 };

  /** `maxBytes` 0 turns the cache off. */
  constructor(readonly maxBytes: number) {
    this.pages = maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: keptBytes }) : null;
  }

  get on(): boolean {
    return this.pages !== null;
  }

  /** The page kept under `key` for `generation`, or undefined (counted as a miss). */
  get(key: string, generation: number): KeptPage | undefined {
    const page = generation === this.generation ? this.pages?.get(key) : undefined;
    if (page) this.stats.hits++;
    else if (this.pages) this.stats.misses++;
    return page;
  }

  /** Keep a page rendered in `generation`; an older generation's pages are dropped. */
  set(key: string, generation: number, page: KeptPage): void {
    if (!this.pages || generation < this.generation) return;
    if (generation !== this.generation) {
      this.pages.clear();
      this.generation = generation;
    }
    // A page larger than the whole bound is refused by lru-cache, not kept.
    this.pages.set(key, page);
  }

  /** Pages kept and the bytes they hold. */
  get size(): { pages: number; bytes: number } {
    return { pages: this.pages?.size ?? 0, bytes: this.pages?.calculatedSize ?? 0 };
  }
}
