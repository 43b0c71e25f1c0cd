// The API's response types, shared by the server (route handlers, engine) and the client
// components: the one place the JSON both sides agree on is written down (docs/contract.md).
import type { Entity } from "@/lib/corpus/types";
import type { DateBucket, RangeEnd } from "@/lib/search/date-buckets";

export type SortOrder = "relevance" | "newest" | "oldest";

/**
 * How the words must match: "all" (default: every word as typed, or a correction that
 * says so), "any" (articles with some of the words), "exact" (every word as typed, never
 * corrected).
 */
export type MatchMode = "all" | "any" | "exact";

/** A validated search request: the contract's `query` object. */
export interface SearchQuery {
  q: string;
  from: string | null;
  to: string | null;
  person: string[];
  outlet: string[];
  sources: string[];
  /**
   * `only`: just the articles without a date; `exclude`: just the dated ones. The parser
   * always sets it; optional so queries built in code without it mean "both".
   */
  undated?: "only" | "exclude" | null;
  sort: SortOrder;
  page: number;
  size: number;
  /** Absent = "all". */
  match?: MatchMode;
  /**
   * Show each story once (the URL's default; `group=0` turns it off). Absent in a query
   * built in code = every article on its own, as the feed and people pages list them.
   */
  group?: boolean;
}

/** Plain text cut into segments; `mark` segments are matched passages. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  id: string;
  title: string;
  /** The title as segments with the query marked. */
  titleSegments: Segment[];
  date: string | null;
  dateEstimated: boolean;
  outlet: Entity | null;
  persons: Entity[];
  sources: Entity[];
  snippet: Segment[];
  score: number;
  /**
   * The query words this article lacks, as typed: empty for a full match; one minor word
   * for a near miss (listed after every full match, see `totalNearMisses`).
   */
  missing: string[];
  /**
   * Grouped results only: the story this article stands for (other reports of the same
   * event), null when it stands alone.
   */
  story?: StoryInfo | null;
  /** Grouped results only: copies of this article's text folded under it (other publishers). */
  republishedBy?: number;
}

/** Another article of a story, as a grouped result lists it. */
export interface StoryRef {
  id: string;
  title: string;
  outlet: Entity | null;
  date: string | null;
  dateEstimated: boolean;
  /** The original page, when the corpus gives it. */
  url: string | null;
  /** Copies of this article's text folded under it. */
  republishedBy: number;
}

/** The articles that report one event (copies of one text included). */
export interface StoryInfo {
  /** The id of the story's first report. */
  id: string;
  /** Articles in the story, this one and every copy included. */
  size: number;
  /** Distinct texts among them (the size without copies). */
  reports: number;
  /** Distinct known outlets among them. */
  outlets: number;
  /** The story's other reports, earliest first (copies folded; at most 20 listed). */
  others: StoryRef[];
}

export interface FacetCount extends Entity {
  count: number;
}

export interface SearchFacets {
  persons: FacetCount[];
  outlets: FacetCount[];
  sources: FacetCount[];
  dates: { month: string; count: number }[];
  /** Bars fitted to the results' span (days, weeks, months or years); they follow from/to. */
  dateBuckets: DateBucket[];
  /** Matching articles without a date (ignores from/to and undated). */
  undated: number;
}

export interface SearchResponse {
  query: SearchQuery;
  /** Results listed: stories when grouped, articles otherwise. */
  total: number;
  /** Matching articles (copies and every report of a story counted); equals total when not grouped. */
  totalArticles?: number;
  /**
   * Near misses: results lacking one minor query word (stories when grouped), listed after
   * the `total` full matches and counted in neither `total` nor the facets.
   */
  totalNearMisses: number;
  tookMs: number;
  hits: SearchHit[];
  facets: SearchFacets;
  suggestion: string | null;
  /** The query searched instead of the typed one, which matched nothing; null when none. */
  correctedQuery: string | null;
  /** False when `total` is a lower bound or an estimate (phrase checks capped, pruned scoring, a cut query). */
  totalExact: boolean;
  /**
   * True when the query's work budget cut it short (a pathological query): the hits may
   * miss matching articles and `total` is a lower bound.
   */
  partial: boolean;
  /** True when the results match some of the words, not all (`match=any`). */
  relaxed: boolean;
  /** Newest article date in the corpus, for quick date ranges. */
  newestDate: string | null;
  /** The day quick ranges (7 ngày, 30 ngày, …) count back from, and why. */
  rangeEnd: RangeEnd | null;
  /** Selected facet values this corpus does not know (a stale or mistyped link). */
  unknownFilters: { param: "person" | "outlet" | "sources"; id: string }[];
  /** Present when `-word` exclusions removed every article: the query without them finds `total`. */
  excludedAll?: { q: string; total: number; excluded: string[] };
}
