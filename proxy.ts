import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { todayInVietnam } from "@/lib/corpus/dates";
import { heldNonce, pageTag, REVALIDATE, tagHash } from "@/lib/http/etag";
import { indexVersion, readyService } from "@/lib/search/service";
import { parseSearchParams, toQueryString } from "@/lib/url/search-params";
import { badPathResponse, hasMalformedEncoding } from "@/lib/security/bad-path";
import { contentSecurityPolicy, newNonce, requestIdFrom } from "@/lib/security/headers";

/**
 * Every page and API request but /api/search (its route sets the same two headers itself, see
 * `config`): a fresh CSP nonce and a request id. Next reads the nonce
 * from the request's CSP header and puts it on its inline scripts; the request id reaches
 * the pages (x-request-id) so an error page can show the id the server logged.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  // A results page the client already holds, on an unchanged index: 304, with the CSP of its copy.
  const hash = searchPageHash(request);
  const held = hash ? heldNonce(request.headers.get("if-none-match"), hash) : null;
  if (hash && held) {
    return new NextResponse(null, {
      status: 304,
      headers: { ETag: pageTag(hash, held), "Cache-Control": PAGE_CACHE, "Content-Security-Policy": policy(held), "X-Request-Id": requestId },
    });
  }
  const nonce = newNonce();
  const csp = policy(nonce);

  if (hasMalformedEncoding(request.nextUrl.pathname)) {
    return badPathResponse(request.nextUrl.pathname, { "Content-Security-Policy": csp, "X-Request-Id": requestId });
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("x-request-id", requestId);
  forwarded.set("content-security-policy", csp);

  // A results page whose parameters do not parse still renders its Vietnamese explanation
  // (app/page.tsx), but with the status a bad request deserves.
  const response = isBadSearchPage(request)
    ? NextResponse.rewrite(request.nextUrl, { status: 400, request: { headers: forwarded } })
    : NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  if (hash) {
    response.headers.set("ETag", pageTag(hash, nonce));
    response.headers.set("Cache-Control", PAGE_CACHE);
  }
  return response;
}

const policy = (nonce: string) => contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });

/** Browsers may keep a results page, and ask again (If-None-Match) each time it is opened. */
const PAGE_CACHE = `private, ${REVALIDATE}`;

/**
 * The tag of a results page request: the HTML document of `/` with a valid query on a
 * searchable index. Not the RSC payloads of client navigation (another representation).
 */
function searchPageHash(request: NextRequest): string | null {
  if (request.method !== "GET" || request.nextUrl.pathname !== "/") return null;
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch") || request.nextUrl.searchParams.has("_rsc")) return null;
  const service = readyService();
  if (!service) return null;
  const parsed = parseSearchParams(request.nextUrl.searchParams);
  if (!parsed.ok) return null;
  return tagHash(indexVersion(service), ["page", buildId(), todayInVietnam(), toQueryString(parsed.query)]);
}

/** The HTML document of `/` with parameters that do not parse (not its RSC payloads). */
function isBadSearchPage(request: NextRequest): boolean {
  if (request.method !== "GET" || request.nextUrl.pathname !== "/") return false;
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch") || request.nextUrl.searchParams.has("_rsc")) return false;
  return !parseSearchParams(request.nextUrl.searchParams).ok;
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

export const config = {
  // Not the hashed build assets: they carry no inline script (next.config.ts still gives
  // them the static security headers). Not the search API either: its route adds the same
  // headers itself (proxyHeaders), without the cost of running middleware per request.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/search$).*)" }],
};
