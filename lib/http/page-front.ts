// What proxy.ts decides about a request, on plain request parts, so that the same decisions
// are made by the middleware (`next start`, `next dev`) and, under `npm start`, by the server
// before Next.js sees the request (lib/http/node-page-front.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { todayInVietnam } from "@/lib/corpus/dates";
import { REVALIDATE, tagHash } from "@/lib/http/etag";
import { indexVersion, readyService } from "@/lib/search/service";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { parseSearchParams, toQueryString } from "@/lib/url/search-params";

/** The parts of a request the decisions read. */
export interface FrontRequest {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  /** Whether the request carries this header (lower case). */
  has(name: string): boolean;
}

export const policy = (nonce: string) => contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });

/** Browsers may keep a results page, and ask again (If-None-Match) each time it is opened. */
export const PAGE_CACHE = `private, ${REVALIDATE}`;

/** The HTML document of `/` (not the RSC payloads of client navigation: another representation). */
function isSearchDocument(r: FrontRequest): boolean {
  if (r.method !== "GET" || r.pathname !== "/") return false;
  return !(r.has("rsc") || r.has("next-router-prefetch") || r.searchParams.has("_rsc"));
}

/** The tag of a results page request: the HTML document of `/` with a valid query on a searchable index. */
export function searchPageHash(r: FrontRequest): string | null {
  if (!isSearchDocument(r)) return null;
  const service = readyService();
  if (!service) return null;
  const parsed = parseSearchParams(r.searchParams);
  if (!parsed.ok) return null;
  return tagHash(indexVersion(service), ["page", buildId(), todayInVietnam(), toQueryString(parsed.query)]);
}

/** The HTML document of `/` with parameters that do not parse. */
export function isBadSearchPage(r: FrontRequest): boolean {
  return isSearchDocument(r) && !parseSearchParams(r.searchParams).ok;
}

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
