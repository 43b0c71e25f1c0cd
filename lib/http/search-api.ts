// GET /api/search as plain data (status, headers, body text), written out by one of two
// front ends: the route (app/api/search/route.ts, a web Response, under `next start` and
// `next dev`) or, under `npm start`, the server itself (lib/http/node-search-api.ts, straight
// to Node's response without Next's router, request and response adapters and web streams,
// which cost a kept answer more than the rest of its path: docs/history/performance-log.md, scale10).
import type { SearchResponse } from "@/lib/api/contract";
import { busyAnswer, invalidParameterAnswer, notReadyAnswer, type ErrorAnswer } from "@/lib/api/responses";
import { logIfSlow } from "@/lib/log";
import { explainExclusions } from "@/lib/search/exclusions";
import { indexVersion, keptFirst, searchQueue, serviceState } from "@/lib/search/service";
import { todayInVietnam } from "@/lib/corpus/dates";
import { notModified, REVALIDATE, searchTag } from "@/lib/http/etag";
import { expectedCost } from "@/lib/http/search-cost";
import { parseSearchQuery } from "@/lib/url/query-encoding";
import { proxyHeaders } from "@/lib/security/headers";

/** One answer of the search API: `body` is JSON text, or null (304, 499). */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** The status logged for a request whose client left before its search (nobody reads it). */
export const CLIENT_GONE = 499;

/**
 * The answer to `GET /api/search<search>` (`search`: the query string as the request wrote it,
 * so that a badly encoded parameter is a 400, not a search for U+FFFD). `header` reads a request header (If-None-Match,
 * X-Request-Id); `signal` aborts when the client leaves. Every answer carries the headers
 * proxy.ts gives other routes (it does not run for this one): a CSP with a fresh nonce and
 * the request id.
 */
export async function searchApi(search: string, header: (name: string) => string | null, signal: AbortSignal): Promise<ApiAnswer> {
  const answer = await compute(search, header, signal);
  for (const [name, value] of proxyHeaders(header("x-request-id"))) answer.headers[name] = value;
  return answer;
}

const JSON_TYPE = "application/json";

function errorAnswer({ status, headers, body }: ErrorAnswer): ApiAnswer {
  return { status, headers: { ...headers, "Content-Type": JSON_TYPE }, body: JSON.stringify(body) };
}

async function compute(search: string, header: (name: string) => string | null, signal: AbortSignal): Promise<ApiAnswer> {
  const parsed = parseSearchQuery(search);
  if (!parsed.ok) return errorAnswer(invalidParameterAnswer(parsed.error));
  const state = serviceState();
  if (state.status !== "ok") return errorAnswer(notReadyAnswer(state));
  const { engine } = state.service;
  // The same request on the same index gets the same answer: a client holding it gets a 304.
  const etag = searchTag(indexVersion(state.service), todayInVietnam(), "api", parsed.query);
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": REVALIDATE };
  if (notModified(header("if-none-match"), etag)) return { status: 304, headers, body: null };
  // A kept answer (a repeated search) is sent at once, never queued behind searches that must
  // be computed; those wait for their turn in this process's queue: a client gone by then is
  // not searched for, and a full queue is refused at once (lib/http/search-queue.ts).
  const kept = keptFirst() ? engine.keptJson(parsed.query) : undefined;
  // Keyed by its answer, so that it is answered as soon as that answer is kept, not at its turn.
  const key = engine.answerKey(parsed.query) ?? undefined;
  const queue = searchQueue();
  // Its expected cost, when the queue runs the cheapest first (SEARCH_ORDER=cost).
  const cost = !kept && queue.order.by === "cost" ? expectedCost(engine.archive.lexicon, parsed.query.q) : 0;
  const turn = kept ? ({ status: "done", value: kept } as const) : await queue.run(() => engine.searchJson(parsed.query), signal, key, cost);
  if (turn.status === "aborted") return { status: CLIENT_GONE, headers: {}, body: null };
  if (turn.status === "full") return errorAnswer(busyAnswer());
  // The answer's JSON text as the engine has it (a repeated search's is sent as kept); only an
  // empty answer is read back, to say when its exclusions are why.
  const answer = turn.value;
  logIfSlow(answer.tookMs, parsed.query, "api");
  headers["Content-Type"] = JSON_TYPE;
  if (answer.total === 0) {
    const result = explainExclusions(JSON.parse(answer.json) as SearchResponse, (q) => engine.search(q));
    return { status: 200, headers, body: JSON.stringify(result) };
  }
  return { status: 200, headers, body: answer.json };
}
