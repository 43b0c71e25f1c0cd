// The feed of one search: the page's parameters, newest first, first page only.
import { renderAtom } from "@/lib/feed/atom";
import type { SearchEngine } from "@/lib/search/engine";
import type { SearchQuery } from "@/lib/api/contract";
import { activeFilters } from "@/lib/ui/active-filters";
import { feedHref } from "@/lib/url/links";
import { searchHref } from "@/lib/url/search-params";

/** Entries per feed: enough for a reader polling now and then. */
export const FEED_SIZE = 30;

/** What a feed asks the engine: the same search, newest first, one page. */
export function feedQuery(query: SearchQuery): SearchQuery {
  // A feed lists every new article, copies and further reports of a story included.
  return { ...query, sort: "newest", page: 1, size: FEED_SIZE, group: false };
}

/** `Tìm tin: “hòa bình” · Vladimir Putin · Từ 1 tháng 8, 2025` */
export function feedTitle(query: SearchQuery, nameOf: (id: string) => string | undefined): string {
  const parts = [query.q ? `“${query.q}”` : "", ...activeFilters(query, nameOf).map((f) => f.label)].filter(Boolean);
  return parts.length ? `Tìm tin: ${parts.join(" · ")}` : "Tìm tin: tin mới nhất";
}

/** The Atom document for `query`; `origin` makes links absolute (`https://host`). */
export function searchFeed(engine: Pick<SearchEngine, "search">, query: SearchQuery, origin: string): string {
  const response = engine.search(feedQuery(query));
  // Selected facet values always come back in the facets, with their names.
  const { persons, outlets, sources } = response.facets;
  const names = new Map([...persons, ...outlets, ...sources].map((v) => [v.id, v.name]));
  return renderAtom({
    selfUrl: origin + feedHref(query),
    pageUrl: origin + searchHref(query),
    title: feedTitle(query, (id) => names.get(id)),
    articleUrl: (id) => `${origin}/articles/${encodeURIComponent(id)}`,
    hits: response.hits,
    fallbackUpdated: response.newestDate,
  });
}
