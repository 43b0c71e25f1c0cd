// GET /api/search answered by the server process itself (scripts/start.mjs hands it these
// requests before Next.js sees them): the route's answer (lib/http/search-api.ts) written to
// Node's response as it is, with the headers Next.js would have added (next.config.ts's static
// security headers, gzip for a client that takes it). Next's router, its request and response
// adapters and the web streams between them cost a kept answer more than the search API's own
// work (docs/history/performance-log.md, scale10). instrumentation.ts registers it; `next start` alone and
// `next dev` keep answering through app/api/search/route.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { constants, gzipSync } from "node:zlib";
import { errorFields, log } from "@/lib/log";
import { frontRequest } from "@/lib/http/node-page-front";
import { searchApi } from "@/lib/http/search-api";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

/** Where instrumentation.ts leaves `NODE_ROUTES` for scripts/start.mjs. */
export const NODE_ROUTES_KEY = Symbol.for("tim-tin.node-routes");

/**
 * What scripts/start.mjs asks of each request: the search API is served here (`handles`,
 * `serve`); any other request gets proxy.ts's headers first (`front`, lib/http/node-page-front.ts:
 * true when it answered), then goes to Next.js.
 */
export const NODE_ROUTES = {
  handles: (req: IncomingMessage) => isSearchApi(req.method, req.url),
  serve: (req: IncomingMessage, res: ServerResponse) => serveSearchApi(req, res),
  front: (req: IncomingMessage, res: ServerResponse) => frontRequest(req, res),
};

/**
 * The request's path is the search API's (any query string). HEAD too: Next's route only sees
 * the normalised URL, where `q=%ZZ` no longer shows as badly encoded (HEAD got 200, GET 400);
 * Node sends no body to a HEAD.
 */
export function isSearchApi(method: string | undefined, url: string | undefined): boolean {
  return (method === "GET" || method === "HEAD") && url !== undefined && (url === "/api/search" || url.startsWith("/api/search?"));
}

/** Bodies below this are sent as they are (as the compression middleware Next.js uses does). */
export const GZIP_THRESHOLD = 1024;

/**
 * zlib's fastest level rather than its default (6): on an answer of 18–22 KB of JSON it takes
 * about half the CPU for about 11% more bytes (4.98 KB against 4.47 KB for `giá vàng`), and
 * the gzip was the largest part of a computed answer's cost outside the search
 * (docs/history/performance-log.md, api13).
 */
export const GZIP_OPTIONS = { level: constants.Z_BEST_SPEED };

/**
 * `body` gzipped at GZIP_OPTIONS' level: the API's answers and the results pages (whole-gzip.ts).
 * A zlib handle kept and reset between bodies (api23, api24) saved about 0.04–0.06 ms per body
 * but did not give gzipSync's bytes after some histories of bodies (a fast-check seed found it:
 * valid gzip, other bytes), so its safety rested on zlib internals: not used.
 */
export function gzipBody(body: Uint8Array): Buffer {
  return gzipSync(body, GZIP_OPTIONS);
}

/** Whether an Accept-Encoding header takes gzip (a q=0 refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  for (const part of value.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Answer one `GET /api/search` request on Node's request and response. */
export async function serveSearchApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The client left before its answer: its search, if still waiting, is not run.
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  const header = (name: string) => {
    const v = req.headers[name];
    return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
  };
  try {
    const { status, headers, body } = await searchApi(new URL(req.url ?? "/", "http://localhost").search, header, gone.signal);
    for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
    res.setHeader("Vary", "Accept-Encoding");
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (body === null) {
      res.writeHead(status).end();
      return;
    }
    let bytes: Buffer = Buffer.from(body, "utf8");
    if (bytes.length >= GZIP_THRESHOLD && acceptsGzip(req.headers["accept-encoding"])) {
      bytes = gzipBody(bytes);
      res.setHeader("Content-Encoding", "gzip");
    }
    res.setHeader("Content-Length", bytes.length);
    res.writeHead(status).end(bytes);
  } catch (error) {
    log().error({ event: "error", requestId: header("x-request-id"), method: req.method, path: req.url, ...errorFields(error) }, "request failed");
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
    res.end("Internal Server Error");
  }
}
