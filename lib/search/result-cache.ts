// The query-result cache of a search engine: whole answers kept for the current archive
// generation (every index commit, live update or merge starts a new one, so nothing stale is
// ever answered), least recently used out first, bounded by an estimate of the memory the
// kept answers hold. The engine keeps two: one for searches with words (a shared link, the
// page after its API call, a reload: a copy, not a match) and one for searches without
// words (the home page, a facet link, browsing by date: each visits every live article to
// count the facets, and the same few are asked again and again).
import { LRUCache } from "lru-cache";
import type { SearchQuery, SearchResponse } from "@/lib/api/contract";

/** Default bound of the kept answers (`SEARCH_CACHE_MB`): about 2,000 answers of ten hits. */
export const DEFAULT_CACHE_MB = 32;

/** Bound of the word-less answers' cache: always on, whatever `SEARCH_CACHE_MB` says. */
export const BROWSE_CACHE_BYTES = 16 * 1024 * 1024;

/** Answers past this many hits are not kept (a person's page asks for all of them). */
const MAX_HITS = 200;

/** An answer as the JSON text an API response sends, with what a route reads without parsing it. */
export interface AnswerText {
  json: string;
  total: number;
  tookMs: number;
}

/** What a caller sends instead of the whole answer (a results page's cut, lib/ui/page-answer.ts). */
export type AnswerView = (answer: SearchResponse) => SearchResponse;

/** A JSON text cut around the value of its `tookMs` (absent: `took` and `tail` empty). */
interface Split {
  head: string;
  took: string;
  tail: string;
}

/**
 * A kept answer: its JSON text cut around the value of `tookMs`, the one field that differs
 * from one request to the next, so the text is sent again without parsing and writing it.
 * `views`: the texts of the views asked of it, cut the same way (null: the view is the answer
 * itself), so a repeated page is not a parse, a cut and a stringify of the whole answer again.
 */
interface Kept extends Split {
  /** `tookMs` of the answer as computed. */
  took: string;
  total: number;
  views?: Map<AnswerView, Split | null>;
}

/** Views kept per answer: views are module-level functions (one per kind of page), so a few. */
const MAX_VIEWS = 4;

/** `tookMs` as JSON.stringify writes it: a key, so never inside a string (quotes there are escaped). */
const TOOK = ',"tookMs":';

export class ResultCache {
  // lru-cache keeps the recency order and the byte bound; this class adds what is ours:
  // which searches are kept, the archive generation, and copies on the way in and out.
  // Answers are kept as their JSON text: parsing it gives each caller its own copy, faster
  // than structuredClone of the objects (a 17 KB answer: about 3× faster), an API response
  // sends it as is, and its length is the size estimate.
  private readonly answers: LRUCache<string, Kept> | null;
  private generation = -1;
  /** Lookups answered and not, since the process started (for /api/health and benchmarks). */
  readonly stats = { hits: 0, misses: 0 };
  /** Answers adopted from other server processes (see `adopt`). */
  adopted = 0;
  /**
   * Told of every answer this process computes and keeps (not of adopted ones), with its
   * JSON text: lib/http/shared-answers.ts hands it to the other server processes.
   */
  onKeep: ((key: string, generation: number, json: string, total: number) => void) | null = null;

  /** `maxBytes` 0 turns the cache off; `kind`: which searches it keeps (with words or without). */
  constructor(
    readonly maxBytes: number,
    private readonly kind: "words" | "browse" = "words",
  ) {
    this.answers = maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: keptBytes }) : null;
  }

  /** The key of a search to keep, or null (cache off, the other kind of search, a page too deep). */
  key(query: SearchQuery, facetLimit: number | undefined, today: string): string | null {
    const hasWords = query.q.trim() !== "";
    if (!this.answers || hasWords !== (this.kind === "words") || query.page * query.size > MAX_HITS) return null;
    return JSON.stringify([query, facetLimit ?? null, today]);
  }

  /** A copy of the kept answer (callers may change what they get), or undefined. */
  get(key: string, generation: number): SearchResponse | undefined {
    const kept = this.lookup(key, generation);
    return kept && (JSON.parse(kept.head + kept.took + kept.tail) as SearchResponse);
  }

  /**
   * The kept answer's JSON text with `tookMs` set (byte for byte what JSON.stringify gives), or
   * undefined. With `view`: the text of `view(answer)`, byte for byte, written once per kept
   * answer and view (a view must not read `tookMs`, and must be the same function each time).
   */
  text(key: string, generation: number, tookMs: () => number, view?: AnswerView): AnswerText | undefined {
    const kept = this.lookup(key, generation);
    if (!kept) return undefined;
    const took = tookMs();
    const text = (split: Split) => ({ json: joined(split, took), total: kept.total, tookMs: took });
    if (!view) return text(kept);
    const shown = kept.views?.get(view);
    if (shown !== undefined) return text(shown ?? kept);
    const answer = JSON.parse(kept.head + kept.took + kept.tail) as SearchResponse;
    const viewed = view(answer);
    const split = viewed === answer ? null : splitAtTook(JSON.stringify(viewed));
    this.keepView(key, kept, view, split);
    return text(split ?? kept);
  }

  /**
   * Keep an answer; `json` is its JSON text when the caller has it already, `viewed` a view's
   * text the caller wrote from it (`json` null: the view is the answer itself).
   */
  set(key: string, generation: number, answer: SearchResponse, json = JSON.stringify(answer), viewed?: { view: AnswerView; json: string | null }) {
    if (!this.keep(key, generation, json, answer.total)) return;
    if (viewed) this.keepView(key, this.answers!.peek(key)!, viewed.view, viewed.json === null ? null : splitAtTook(viewed.json));
    this.onKeep?.(key, generation, json, answer.total);
  }

  /**
   * Keep an answer another process computed over the same commit (its JSON text as `set`
   * keeps it); the caller vouches that `generation` is this process's archive at that commit.
   */
  adopt(key: string, generation: number, json: string, total: number) {
    if (this.keep(key, generation, json, total)) this.adopted++;
  }

  /** Whether an answer is kept under `key` for `generation` (no lookup counted, recency unchanged). */
  has(key: string, generation: number): boolean {
    return generation === this.generation && (this.answers?.has(key) ?? false);
  }

  /** Which kind of searches this cache keeps (a shared answer names its cache by it). */
  get keeps(): "words" | "browse" {
    return this.kind;
  }

  private keep(key: string, generation: number, json: string, total: number): boolean {
    if (!this.answers) return false;
    this.sync(generation);
    const split = splitAtTook(json);
    if (!split.tail) return false;
    // An answer larger than the whole bound is refused by lru-cache, not kept.
    this.answers.set(key, { ...split, total });
    return this.answers.has(key);
  }

  /** Keep a view's text beside its answer, counted in the bound (set again, so its size is). */
  private keepView(key: string, kept: Kept, view: AnswerView, split: Split | null) {
    const views = new Map(kept.views);
    if (views.size >= MAX_VIEWS) views.delete(views.keys().next().value!);
    views.set(view, split);
    this.answers!.set(key, { ...kept, views });
  }

  private lookup(key: string, generation: number): Kept | undefined {
    this.sync(generation);
    const kept = this.answers?.get(key);
    if (kept) this.stats.hits++;
    else this.stats.misses++;
    return kept;
  }

  /** Answers kept and the memory they are estimated to hold. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.answers?.size ?? 0, bytes: this.answers?.calculatedSize ?? 0 };
  }

  private sync(generation: number) {
    if (generation === this.generation) return;
    this.answers?.clear();
    this.generation = generation;
  }
}

/**
 * An estimate of the memory an answer holds: two bytes per character of its JSON (V8 keeps
 * strings with Vietnamese letters in two bytes a character), plus 1 KiB for the key and the entry.
 */
export function estimateBytes(answer: SearchResponse): number {
  return textBytes(JSON.stringify(answer));
}

function textBytes(text: string): number {
  return 2 * text.length + 1024;
}

/** A kept answer's estimate: its text's, and each view's text (two bytes a character). */
function keptBytes(kept: Kept): number {
  let bytes = textBytes(kept.head) + 2 * kept.tail.length;
  for (const split of kept.views?.values() ?? []) if (split) bytes += 2 * (split.head.length + split.tail.length);
  return bytes;
}

/** `json` cut around its `tookMs`'s value; all of it in `head` when it has none. */
function splitAtTook(json: string): Split {
  const at = json.indexOf(TOOK);
  if (at < 0) return { head: json, took: "", tail: "" };
  const from = at + TOOK.length;
  let end = from;
  while (end < json.length && json[end] !== "," && json[end] !== "}") end++;
  return { head: json.slice(0, from), took: json.slice(from, end), tail: json.slice(end) };
}

/** A split text with `took` as its `tookMs` (as JSON.stringify writes a number). */
function joined(split: Split, took: number): string {
  return split.tail ? split.head + JSON.stringify(took) + split.tail : split.head;
}
