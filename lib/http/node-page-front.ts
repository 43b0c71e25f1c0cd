// What proxy.ts does for a request, done by the npm start server (scripts/start.mjs) on Node's
// request before Next.js sees it, so that Next does not run the middleware at all: its
// adapters (a NextRequest over a web Request, the response's headers merged back) were most
// of what the middleware cost a page (docs/history/performance-log.md, scale9 and scale10). The request
// gets its nonce, CSP and request id as request headers (Next reads the nonce from the CSP
// header, the pages read x-request-id) and FRONT_HEADER, which proxy.ts's matcher skips; the
// response gets the CSP, the request id and a results page's tag. A results page the client
// holds is answered 304 here. The rare requests proxy.ts rewrites or answers itself (a results
// page with bad parameters: its 400; an unknown article or person: its 404; a parameter or a
// path that is not valid percent-encoded UTF-8) are left to the middleware; a method no page
// takes is answered here.
import type { IncomingMessage, ServerResponse } from "node:http";
import { heldNonce, pageTag } from "@/lib/http/etag";
import { keptPageKey, pageKeeper, sendKeptPage, type PageAnswer, type PageTokens } from "@/lib/http/kept-page-front";
import { KeptPages, pageCacheBytes } from "@/lib/http/kept-pages";
import {
  badArticleHintsOf,
  badlyEncodedParamOf,
  isBadSearchPage,
  isMissingItemPage,
  PAGE_CACHE,
  policy,
  searchPageOf,
  type FrontRequest,
  type SearchPage,
} from "@/lib/http/page-front";
import { pageMethod, pageMethodAnswer } from "@/lib/http/page-method";
import { gzipWhole } from "@/lib/http/whole-gzip";
import { hasMalformedEncoding } from "@/lib/security/bad-path";
import { BAD_ENCODING_HEADER } from "@/lib/url/query-encoding";
import { newNonce, requestIdFrom, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

/** Set on a request this front gave its headers; proxy.ts's matcher (`missing`) skips such requests. */
export const FRONT_HEADER = "x-tim-tin-front";

/** The paths proxy.ts runs for (its matcher's source), but for /api/search, which is answered before this. */
const SKIPPED = /^\/(?:_next\/static|_next\/image|favicon\.ico)/;

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
}

/**
 * Give a request what proxy.ts would, before Next.js handles it. True when the request was
 * answered here (a 304); false: hand it to Next (with the middleware skipped unless left to it).
 */
export function frontRequest(req: IncomingMessage, res: ServerResponse): boolean {
  // Only this server marks requests: a client's own marker would skip the middleware.
  delete req.headers[FRONT_HEADER];
  delete req.headers[BAD_ENCODING_HEADER];
  const url = new URL(req.url ?? "/", "http://localhost");
  if (SKIPPED.test(url.pathname)) return false;
  const r: FrontRequest = {
    method: req.method ?? "GET",
    pathname: url.pathname,
    search: url.search,
    searchParams: url.searchParams,
    has: (name) => name in req.headers,
  };
  const givenId = header(req, "x-request-id");
  const requestId = requestIdFrom(givenId);
  // A method no page takes is answered here, as proxy.ts would: Next would hand it to the
  // middleware as a web Request, which cannot carry TRACE (a 500).
  const method = pageMethod(r.method, r.pathname);
  if (method !== "pass") {
    const { status, headers, body } = pageMethodAnswer(method);
    for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
    res.writeHead(status, { ...headers, "Content-Security-Policy": policy(newNonce()), "X-Request-Id": requestId }).end(body ?? undefined);
    return true;
  }
  if (hasMalformedEncoding(url.pathname) || badlyEncodedParamOf(r) || isBadSearchPage(r) || isMissingItemPage(r)) {
    dropRewriteTarget(res);
    return false;
  }
  const page = searchPageOf(r);
  const hash = page?.hash ?? null;
  const held = hash ? heldNonce(header(req, "if-none-match"), hash, newNonce) : null;
  if (hash && held) {
    for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
    res.writeHead(304, { ETag: pageTag(hash, held), "Cache-Control": PAGE_CACHE, "Content-Security-Policy": policy(held), "X-Request-Id": requestId }).end();
    return true;
  }
  const nonce = newNonce();
  const csp = policy(nonce);
  req.headers["x-nonce"] = nonce;
  req.headers["x-request-id"] = requestId;
  req.headers["content-security-policy"] = csp;
  req.headers[FRONT_HEADER] = "1";
  // An article page drops the hints it cannot read (page-front.ts, badArticleHintsOf).
  const badHints = badArticleHintsOf(r);
  if (badHints.length > 0) req.headers[BAD_ENCODING_HEADER] = badHints.join(",");
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Request-Id", requestId);
  if (page) {
    res.setHeader("ETag", pageTag(page.hash, nonce));
    res.setHeader("Cache-Control", PAGE_CACHE);
    // A repeated results page is sent as kept (kept-page-front.ts); another is taken whole and
    // gzipped once, not chunk by chunk by Next (whole-gzip.ts), and kept as it is sent.
    const pages = keptPages();
    const key = keptPageKey(page.hash, req);
    const answer = pageAnswer(page);
    const tokens: PageTokens = { nonce, requestId, madeHere: requestId !== givenId };
    if (sendKeptPage(req, res, pages, key, answer, tokens)) return true;
    gzipWhole(req, res, pageKeeper(pages, key, answer, tokens));
  }
  return false;
}

const KEPT = Symbol.for("tim-tin.kept-pages");
/** This process's kept results pages (PAGE_CACHE_MB): one per process, whichever bundle asks (/api/health). */
export function keptPages(): KeptPages {
  const holder = globalThis as { [KEPT]?: KeptPages };
  return (holder[KEPT] ??= new KeptPages(pageCacheBytes(process.env)));
}

/** Whether a results page's answer is kept, for the archive as it is now. */
function pageAnswer({ query, service }: SearchPage): PageAnswer {
  const { engine } = service;
  return {
    kept: () => {
      const key = engine.answerKey(query);
      return key !== null && engine.hasAnswer(key);
    },
    generation: () => engine.archive.generation,
  };
}

/**
 * Next.js copies a middleware rewrite's target into the response as `x-middleware-rewrite`: the
 * whole link again, which nothing outside needs and which pushed a long link's 400 over clients'
 * 16 KB header limit (found by e2e/hostile.spec.ts). The requests left to the middleware for a
 * rewrite (proxy.ts: 400 and 404 pages) get it dropped here.
 */
export function dropRewriteTarget(res: ServerResponse) {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) =>
    name.toLowerCase() === REWRITE_HEADER ? res : setHeader(name, value)) as ServerResponse["setHeader"];
}

const REWRITE_HEADER = "x-middleware-rewrite";
