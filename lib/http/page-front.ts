// What proxy.ts decides about a request, on plain request parts, so that the same decisions
// are made by the middleware (`next start`, `next dev`) and, under `npm start`, by the server
// before Next.js sees the request (lib/http/node-page-front.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { todayInVietnam } from "@/lib/corpus/dates";
import { REVALIDATE, tagHash } from "@/lib/http/etag";
import type { SearchQuery } from "@/lib/api/contract";
import { indexVersion, readyService, type SearchService } from "@/lib/search/service";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { decodePathParam } from "@/lib/url/path-param";
import { FACET_REQUEST_PARAMS } from "@/lib/url/facet-params";
import { badlyEncodedParam, parseSearchQuery, SEARCH_PARAM_NAMES } from "@/lib/url/query-encoding";
import { toQueryString, type ParamError } from "@/lib/url/search-params";

/** The parts of a request the decisions read. */
export interface FrontRequest {
  method: string;
  pathname: string;
  /** The query string as the request wrote it (with its `?`, or empty), before any decoding. */
  search: string;
  searchParams: URLSearchParams;
  /** Whether the request carries this header (lower case). */
  has(name: string): boolean;
}

export const policy = (nonce: string) => contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });

/** Browsers may keep a results page, and ask again (If-None-Match) each time it is opened. */
export const PAGE_CACHE = `private, ${REVALIDATE}`;

/** An HTML document (not the RSC payload of a client navigation: another representation). */
function isDocument(r: FrontRequest, methods: readonly string[]): boolean {
  if (!methods.includes(r.method)) return false;
  return !(r.has("rsc") || r.has("next-router-prefetch") || r.searchParams.has("_rsc"));
}

/** The HTML document of `/`. */
function isSearchDocument(r: FrontRequest): boolean {
  return r.pathname === "/" && isDocument(r, ["GET"]);
}

/** The query parameters each path reads, where a badly encoded one is a 400 (lib/url/query-encoding.ts). */
const PARAMS_READ: Record<string, ReadonlySet<string>> = {
  "/": SEARCH_PARAM_NAMES,
  "/feed": SEARCH_PARAM_NAMES,
  "/api/search": SEARCH_PARAM_NAMES,
  "/api/facets": FACET_REQUEST_PARAMS,
  "/api/suggest": new Set(["q"]),
};

/**
 * The first parameter the request's path reads whose value, as the request wrote it, is not
 * valid percent-encoded UTF-8. Judged here, on the raw URL (next.config.ts's
 * `skipProxyUrlNormalize`): the routes get Next's normalised URL, where `%ff` is already U+FFFD
 * and `%zz` has become `%25zz`.
 */
export function badlyEncodedParamOf(r: FrontRequest): ParamError | null {
  const names = PARAMS_READ[r.pathname];
  return names ? badlyEncodedParam(r.search, names) : null;
}

/** The article page's parameters: display hints only (the highlighted words, the back link). */
const ARTICLE_HINTS = ["q", "back"] as const;

/**
 * The article page's parameters that are not valid percent-encoded UTF-8, which it drops rather
 * than answer a 400: they only highlight words and aim the back link, and /api/articles/{id}
 * ignores them too (docs/contract.md). Judged on the raw URL, as `badlyEncodedParamOf`; the
 * page reads them from BAD_ENCODING_HEADER (`droppedHints`).
 */
export function badArticleHintsOf(r: FrontRequest): string[] {
  if (!ITEM_PAGE.test(r.pathname) || !r.pathname.startsWith("/articles/")) return [];
  return ARTICLE_HINTS.filter((name) => badlyEncodedParam(r.search, new Set([name])) !== null);
}

/** A results page request: its tag, its search and the service that answers it. */
export interface SearchPage {
  hash: string;
  query: SearchQuery;
  service: SearchService;
}

/** A results page request: the HTML document of `/` with a valid query on a searchable index. */
export function searchPageOf(r: FrontRequest): SearchPage | null {
  if (!isSearchDocument(r)) return null;
  const service = readyService();
  if (!service) return null;
  const parsed = parseSearchQuery(r.search);
  if (!parsed.ok) return null;
  return { hash: tagHash(indexVersion(service), ["page", buildId(), todayInVietnam(), toQueryString(parsed.query)]), query: parsed.query, service };
}

/** The tag of a results page request (see `searchPageOf`). */
export function searchPageHash(r: FrontRequest): string | null {
  return searchPageOf(r)?.hash ?? null;
}

/** The HTML document of `/` with parameters that do not parse: HEAD too, so it gets GET's 400. */
export function isBadSearchPage(r: FrontRequest): boolean {
  return r.pathname === "/" && isDocument(r, ["GET", "HEAD"]) && !parseSearchQuery(r.search).ok;
}

/**
 * The HTML document of an article or a person page whose id the searchable index does not
 * hold: proxy.ts gives it its 404, and the page renders its own Vietnamese "not found" in the
 * root layout. Not `notFound()`: on a dynamic page Next.js then sends an empty
 * `<html id="__next_error__">` shell whose not-found UI is only in the RSC payload, so a
 * reader without JavaScript, a link preview or a crawler sees a blank page
 * (https://github.com/vercel/next.js/issues/62228). While the index is still being built
 * nothing is missing yet: the page says so (200).
 */
export function isMissingItemPage(r: FrontRequest): boolean {
  const m = ITEM_PAGE.exec(r.pathname);
  if (!m || !isDocument(r, ["GET", "HEAD"])) return false;
  const engine = readyService()?.engine;
  if (!engine) return false;
  const id = decodePathParam(m[2]);
  return m[1] === "articles" ? !engine.hasArticle(id) : !engine.hasPerson(id);
}

/** `/articles/{id}` and `/people/{id}`: one segment, as the routes match it. */
const ITEM_PAGE = /^\/(articles|people)\/([^/]+)$/;

let build: string | null = null;
/** The app's build: a new build renders other HTML (other script names) for the same query. */
function buildId(): string {
  if (build === null) {
    try {
      build = readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      build = `start-${performance.timeOrigin}`;
    }
  }
  return build;
}
