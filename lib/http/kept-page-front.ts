// The front's side of kept results pages (kept-pages.ts): a results page is sent from its kept
// template when one is kept for the same request, else rendered by Next.js and, when it can be
// cut safely, kept as it is sent (through whole-gzip.ts's `onWhole`).
//
// What a kept page must match, and how:
// - the same request: the page's tag (index version, build, day, normalised query), the URL as
//   written (the RSC payload holds it) and the kind of client Next.js renders for (an HTML-limited
//   bot gets its metadata in the head): `keptPageKey`;
// - the archive as it is: a page is sent only while its answer is kept for the current archive
//   generation (so it follows the result cache: off when it is off, dropped on a commit, never
//   kept while stories are provisional), and kept only if the generation did not move during
//   its render;
// - a fresh nonce and the request's id: the template's cuts, filled per response; a page is kept
//   only from a render whose id was made here (random, so its every occurrence is a cut), and
//   sent only to a request whose id has the same length (the payload's rows are not re-measured).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot";
import { keptHeaders, type KeptPages } from "@/lib/http/kept-pages";
import { acceptsGzip } from "@/lib/http/node-search-api";
import { fillTemplate, pageTemplate } from "@/lib/http/page-template";
import { wholeBody } from "@/lib/http/whole-gzip";

/** What a kept page asks of the search behind it. */
export interface PageAnswer {
  /** Whether the page's answer is kept now, for the archive as it is (`SearchEngine.hasAnswer`). */
  kept(): boolean;
  /** The archive's generation now. */
  generation(): number;
}

/** The values this response carries. */
export interface PageTokens {
  nonce: string;
  requestId: string;
  /** Whether `requestId` was made here (not a client's, which could occur in the page by chance). */
  madeHere: boolean;
}

/** The key of a results page: its tag, the client kind Next.js renders for, the URL as written. */
export function keptPageKey(hash: string, req: IncomingMessage): string {
  const ua = req.headers["user-agent"];
  return `${hash} ${getBotType(Array.isArray(ua) ? ua.join(" ") : (ua ?? "")) ?? "browser"} ${req.url ?? ""}`;
}

/**
 * Send the page kept under `key`, filled for this response, with the status and headers Next.js
 * gave the rendered page. False when none is kept (or it cannot be sent): render it.
 */
export function sendKeptPage(req: IncomingMessage, res: ServerResponse, pages: KeptPages, key: string, answer: PageAnswer, tokens: PageTokens): boolean {
  const started = performance.now();
  if (!pages.on || !answer.kept()) return false;
  const page = pages.get(key, answer.generation());
  if (!page || page.requestIdLength !== tokens.requestId.length) return false;
  const tookMs = Math.round((performance.now() - started) * 100) / 100;
  const html = fillTemplate(page.template, { nonce: tokens.nonce, requestId: tokens.requestId, tookMs });
  if (!html) return false;
  res.statusCode = page.status;
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.end(wholeBody(req, res, html, acceptsGzip(req.headers["accept-encoding"])));
  return true;
}

/** What whole-gzip.ts tells of a rendered page, to keep it; undefined when it cannot be kept. */
export function pageKeeper(pages: KeptPages, key: string, answer: PageAnswer, tokens: PageTokens): ((body: Buffer, res: ServerResponse) => void) | undefined {
  if (!pages.on || !tokens.madeHere) return undefined;
  const generation = answer.generation();
  return (body, res) => {
    if (res.statusCode !== 200 || answer.generation() !== generation || !answer.kept()) return;
    const template = pageTemplate(body.toString("utf8"), tokens);
    if (!template) return;
    pages.set(key, generation, { template, status: res.statusCode, headers: keptHeaders(res.getHeaders()), requestIdLength: tokens.requestId.length });
  };
}
