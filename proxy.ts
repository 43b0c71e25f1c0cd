import { NextResponse, type NextRequest } from "next/server";
import { heldNonce, pageTag } from "@/lib/http/etag";
import { isBadSearchPage, PAGE_CACHE, policy, searchPageHash, type FrontRequest } from "@/lib/http/page-front";
import { badPathResponse, hasMalformedEncoding } from "@/lib/security/bad-path";
import { newNonce, requestIdFrom } from "@/lib/security/headers";

/**
 * Every page and API request but /api/search (its route sets the same two headers itself, see
 * `config`): a fresh CSP nonce and a request id. Next reads the nonce
 * from the request's CSP header and puts it on its inline scripts; the request id reaches
 * the pages (x-request-id) so an error page can show the id the server logged.
 * Under `npm start` the server does this itself before Next sees the request
 * (lib/http/node-page-front.ts) and marks it, and this middleware does not run (`config`).
 */
export function proxy(request: NextRequest) {
  const front: FrontRequest = {
    method: request.method,
    pathname: request.nextUrl.pathname,
    searchParams: request.nextUrl.searchParams,
    has: (name) => request.headers.has(name),
  };
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  // A results page the client already holds, on an unchanged index: 304, with the CSP of its copy.
  const hash = searchPageHash(front);
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
  const response = isBadSearchPage(front)
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

export const config = {
  // Not the hashed build assets: they carry no inline script (next.config.ts still gives
  // them the static security headers). Not the search API either: its route adds the same
  // headers itself (proxyHeaders), without the cost of running middleware per request. Not a
  // request the npm start server already gave its nonce and request id (it sets this header:
  // lib/http/node-page-front.ts, FRONT_HEADER; a client's own is removed there).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/search$).*)", missing: [{ type: "header", key: "x-tim-tin-front" }] }],
};
