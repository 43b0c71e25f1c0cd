// Facet value search (as Algolia's searchForFacetValues): the "Lọc…" box of a facet finds
// any of its values, not only the top ones a results page lists. Counts are the facet's
// disjunctive counts: they honour the words and every other filter, not the facet's own.
import type { SearchQuery, SearchResponse, FacetCount } from "@/lib/api/contract";
import { matchesFilter } from "@/lib/ui/facet-list";
import type { FacetParam } from "@/lib/url/search-params";

export const FACET_VALUES_DEFAULT = 20;
export const FACET_VALUES_MAX = 100;

const FACET_KEY = { person: "persons", outlet: "outlets", sources: "sources" } as const;

type Searcher = { search(query: SearchQuery, opts: { facetLimit?: number }): SearchResponse };

/**
 * The values of `facet` whose names contain `text` (case and marks ignored), most frequent
 * first, at most `limit`. Values the query's other filters leave with no article are not listed.
 */
export function searchFacetValues(engine: Searcher, query: SearchQuery, facet: FacetParam, text: string, limit = FACET_VALUES_DEFAULT): FacetCount[] {
  const { facets } = engine.search({ ...query, page: 1, size: 1 }, { facetLimit: Number.MAX_SAFE_INTEGER });
  return facets[FACET_KEY[facet]].filter((v) => v.count > 0 && matchesFilter(v.name, text)).slice(0, limit);
}
