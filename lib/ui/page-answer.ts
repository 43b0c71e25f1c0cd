// The answer a results page embeds for its client component: the API's answer with each
// people / outlet / cited-source facet cut to the values the page shows before "Xem thêm"
// (the top FACET_TOP and any selected value), and how many values the whole list has. The
// API's answer carries up to 100 values per facet; every one of them was written into each
// page's HTML (as the RSC payload's text) and parsed again to render six. The page fetches
// the whole lists from the API only when a reader opens or filters one (EntityFacet).
import type { SearchFacets, SearchResponse } from "@/lib/api/contract";
import { facetView } from "@/lib/ui/facet-list";
import type { FacetParam } from "@/lib/url/search-params";

/** The facets a page lists as checkboxes, by their key in `facets` and their URL parameter. */
export const ENTITY_FACETS = [
  ["persons", "person"],
  ["outlets", "outlet"],
  ["sources", "sources"],
] as const satisfies readonly (readonly [keyof SearchFacets, FacetParam])[];

export type EntityFacetKey = (typeof ENTITY_FACETS)[number][0];

/** A page's answer: `facetSizes` names each facet cut here and its whole list's length. */
export interface PageAnswer extends SearchResponse {
  facetSizes?: Partial<Record<EntityFacetKey, number>>;
}

/** The answer with each entity facet cut to the values the page shows unexpanded. */
export function pageAnswer(answer: SearchResponse): PageAnswer {
  const facets = { ...answer.facets };
  const facetSizes: Partial<Record<EntityFacetKey, number>> = {};
  for (const [key, param] of ENTITY_FACETS) {
    const values = answer.facets[key];
    const { shown } = facetView(values, { selected: answer.query[param] });
    if (shown.length === values.length) continue;
    facets[key] = shown;
    facetSizes[key] = values.length;
  }
  return Object.keys(facetSizes).length === 0 ? answer : { ...answer, facets, facetSizes };
}

/**
 * The view a results page asks of the engine (`searchJson`'s `view`): an answer with hits cut
 * as above, one without as it is. One function for every page, so the cache keeps one view
 * of each kept answer (lib/search/result-cache.ts).
 */
export function pageView(answer: SearchResponse): SearchResponse {
  return answer.total > 0 ? pageAnswer(answer) : answer;
}
