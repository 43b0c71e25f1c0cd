import { NextResponse, type NextRequest } from "next/server";
import { heldNonce, pageTag } from "@/lib/http/etag";
import { pageMethod, pageMethodAnswer } from "@/lib/http/page-method";
import { invalidParameter } from "@/lib/api/responses";
import {
  badArticleHintsOf,
  badlyEncodedParamOf,
  isBadSearchPage,
  isMissingItemPage,
  PAGE_CACHE,
  policy,
  searchPageHash,
  type FrontRequest,
} from "@/lib/http/page-front";
import { badPathResponse, hasMalformedEncoding } from "@/lib/security/bad-path";
import { BAD_ENCODING_HEADER } from "@/lib/url/query-encoding";
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
    search: request.nextUrl.search,
    searchParams: request.nextUrl.searchParams,
    has: (name) => request.headers.has(name),
  };
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  // A results page the client already holds, on an unchanged index: 304, with the CSP of its copy.
  const hash = searchPageHash(front);
  const held = hash ? heldNonce(request.headers.get("if-none-match"), hash, newNonce) : null;
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
  const method = pageMethod(request.method, request.nextUrl.pathname);
  if (method !== "pass") {
    const { status, headers, body } = pageMethodAnswer(method);
    return new Response(body, { status, headers: { ...headers, "Content-Security-Policy": csp, "X-Request-Id": requestId } });
  }
  // A parameter that is not valid percent-encoded UTF-8: an endpoint's 400 is answered here, as
  // the route itself would answer a bad parameter (the route only sees the normalised URL);
  // the results page is named it below and explains it itself.
  const badlyEncoded = badlyEncodedParamOf(front);
  if (badlyEncoded && front.pathname !== "/") {
    const refused = invalidParameter(badlyEncoded);
    refused.headers.set("Content-Security-Policy", csp);
    refused.headers.set("X-Request-Id", requestId);
    return refused;
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("x-request-id", requestId);
  forwarded.set("content-security-policy", csp);
  // Only this middleware says which parameter is badly encoded (the page cannot tell); an
  // article page drops its badly encoded hints (lib/http/page-front.ts, badArticleHintsOf).
  forwarded.delete(BAD_ENCODING_HEADER);
  const badHints = badArticleHintsOf(front);
  if (badlyEncoded) forwarded.set(BAD_ENCODING_HEADER, badlyEncoded.param);
  else if (badHints.length > 0) forwarded.set(BAD_ENCODING_HEADER, badHints.join(","));

  // A results page whose parameters do not parse still renders its Vietnamese explanation
  // (app/page.tsx), and an unknown article or person its Vietnamese "not found", but with the
  // status they deserve: a rewrite to the same page carries it (see isMissingItemPage).
  const status = isBadSearchPage(front) ? 400 : isMissingItemPage(front) ? 404 : null;
  const response = status
    ? NextResponse.rewrite(request.nextUrl, { status, request: { headers: forwarded } })
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
