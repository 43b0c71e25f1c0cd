// Links between the results page and the article page. The article page carries the
// results' query string in `back`; it is parsed and rewritten, never echoed, so it can
// only ever lead to our own search page (no open redirect).
import type { SearchQuery } from "@/lib/api/contract";
import { parseSearchParams, searchHref, toQueryString } from "@/lib/url/search-params";

/**
 * `/articles/{id}?q=…&back=…`: the query marks the text, `back` returns to these results.
 * `marked` is the query that matched when it differs from the typed one (a correction).
 */
export function articleHref(id: string, query: SearchQuery, marked: string = query.q): string {
  const params = new URLSearchParams();
  if (marked) params.set("q", marked);
  const back = toQueryString(query);
  if (back) params.set("back", back);
  const qs = params.toString();
  return `/articles/${encodeURIComponent(id)}${qs ? `?${qs}` : ""}`;
}

/** The results page to go back to: the validated `back` search, else a search for `q`. */
export function backHref(back: string | undefined, q: string): string {
  if (back) {
    const parsed = parseSearchParams(new URLSearchParams(back.replace(/^\?/, "")));
    if (parsed.ok) return searchHref(parsed.query);
  }
  return q ? searchHref({ q, sort: "relevance" }) : "/";
}

/** A string param from Next's searchParams (the first when repeated). */
export function firstParam(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** The Atom feed that follows a search: its words and filters; always newest first, page 1. */
export function feedHref(query: Partial<SearchQuery>): string {
  const qs = toQueryString({ ...query, sort: undefined, page: 1 });
  return qs ? `/feed?${qs}` : "/feed";
}
