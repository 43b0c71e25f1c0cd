// A response Next.js writes, gzipped once when it ends instead of as it streams. Next's
// compression middleware deflates every chunk React and Next write and flushes after each
// (so that a streamed page arrives as it renders): for a results page, some forty writes of
// one to a few KB, each a zlib call and a sync flush. A results page does not stream (its
// search is done before anything is written), so the front (node-page-front.ts) takes it
// whole and gzips it in one call, at the level the API uses (node-search-api.ts `gzipBody`).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { acceptsGzip, GZIP_THRESHOLD, gzipBody } from "@/lib/http/node-search-api";

type Callback = (error?: Error | null) => void;

function bytesOf(chunk: unknown, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), encoding);
}

/** `writeHead`'s headers as name → value (an object, or a flat list of names and values). */
function headerEntries(headers: unknown): [string, string | number | string[]][] {
  if (!headers) return [];
  if (Array.isArray(headers)) {
    const flat = headers.flat() as string[];
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
    return out;
  }
  return Object.entries(headers as OutgoingHttpHeaders).filter((e): e is [string, string | number | string[]] => e[1] !== undefined);
}

/** A Vary header's value with Accept-Encoding added (Next's own names kept: RSC, Next-Router-…). */
export function withAcceptEncoding(vary: number | string | string[] | undefined): string {
  const names = (Array.isArray(vary) ? vary.join(",") : String(vary ?? ""))
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names.some((n) => n.toLowerCase() === "accept-encoding")) names.push("Accept-Encoding");
  return names.join(", ");
}

/**
 * The response's headers for a whole body and the body to send: gzipped when the client takes
 * gzip (`gzip`) and the body is 1 KB or more, with its length and Accept-Encoding in `Vary`.
 * Headers only are changed; the caller writes the head and the body.
 */
export function wholeBody(req: IncomingMessage, res: ServerResponse, body: Buffer, gzip: boolean): Buffer {
  const bodyless = res.statusCode === 204 || res.statusCode === 304 || req.method === "HEAD";
  if (bodyless) return body;
  res.setHeader("Vary", withAcceptEncoding(res.getHeader("Vary")));
  if (gzip && body.length >= GZIP_THRESHOLD && !res.hasHeader("Content-Encoding")) {
    body = gzipBody(body);
    res.setHeader("Content-Encoding", "gzip");
  }
  res.removeHeader("Transfer-Encoding");
  res.setHeader("Content-Length", body.length);
  return body;
}

/**
 * Hold what is written to `res` and send it, gzipped when the client takes gzip and the body
 * is 1 KB or more, with its length, when it ends. The request's Accept-Encoding is removed so
 * that Next's own compression leaves the body to this. Call before handing the request to Next.
 * `onWhole`: told of the whole body (as written, before any gzip) and the response's status and
 * headers as they stand then, before they are sent (kept-pages.ts keeps a results page from it).
 */
export function gzipWhole(req: IncomingMessage, res: ServerResponse, onWhole?: (body: Buffer, res: ServerResponse) => void): void {
  const gzip = acceptsGzip(req.headers["accept-encoding"]);
  delete req.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  const end = res.end.bind(res);
  const writeHead = res.writeHead.bind(res);
  const later = (cb: unknown) => typeof cb === "function" && process.nextTick(cb as Callback);

  // Headers wait for the body: its encoding and length are known only at the end.
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    if (typeof rest[0] === "string") res.statusMessage = rest.shift() as string;
    for (const [name, value] of headerEntries(rest[0])) res.setHeader(name, value);
    return res;
  }) as ServerResponse["writeHead"];
  res.flushHeaders = () => {};
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    chunks.push(bytesOf(chunk, encoding as BufferEncoding | undefined));
    later(cb);
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    if (chunk !== undefined && chunk !== null) chunks.push(bytesOf(chunk, encoding as BufferEncoding | undefined));
    let body: Buffer = Buffer.concat(chunks);
    if (!res.headersSent) {
      onWhole?.(body, res);
      body = wholeBody(req, res, body, gzip);
      writeHead(res.statusCode);
    }
    return end(body, cb as Callback | undefined);
  }) as ServerResponse["end"];
}
