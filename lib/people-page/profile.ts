// Everything a person's page shows, from one search for the articles naming them.
import type { Entity } from "@/lib/corpus/types";
import type { SearchEngine } from "@/lib/search/engine";
import type { FacetCount, SearchHit } from "@/lib/api/contract";
import { fillMonths } from "@/lib/ui/dates";
import { EMPTY_QUERY } from "@/lib/url/search-params";

export const LATEST_SHOWN = 10;
export const OUTLETS_SHOWN = 10;
export const TOGETHER_SHOWN = 12;

export interface PersonProfile {
  person: Entity;
  /** Articles naming the person. */
  total: number;
  /** Mentions per month, first to last month with no gaps (undated articles left out). */
  months: { month: string; count: number }[];
  outlets: FacetCount[];
  /** The people most often named in the same articles. */
  together: FacetCount[];
  /** The newest articles naming the person. */
  latest: SearchHit[];
}

/**
 * The profile of the person with facet id `id`, or `null` when no article names them. One
 * search of the person's articles, newest first, gives the total, the months, the outlets and
 * the latest articles (only those are read from the document store); the people named with
 * them are counted from the index's columns (`coMentioned`), not from every article.
 */
export function personProfile(engine: Pick<SearchEngine, "search" | "coMentioned">, id: string): PersonProfile | null {
  // The date and outlet facets honour the person filter; the person facet does not (it is
  // disjunctive), so the people named together are counted apart.
  const res = engine.search({ ...EMPTY_QUERY, person: [id], sort: "newest", size: LATEST_SHOWN });
  if (res.total === 0) return null;
  const person = res.hits[0].persons.find((p) => p.id === id);
  if (!person) return null;
  return {
    person,
    total: res.total,
    months: fillMonths(res.facets.dates),
    outlets: res.facets.outlets.slice(0, OUTLETS_SHOWN),
    together: engine.coMentioned(id, TOGETHER_SHOWN),
    latest: res.hits,
  };
}
