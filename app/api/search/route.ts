import type { SearchResponse } from "@/lib/api/contract";
import { busy, invalidParameter, notReady } from "@/lib/api/responses";
import { logIfSlow } from "@/lib/log";
import { explainExclusions } from "@/lib/search/exclusions";
import { indexVersion, keptFirst, searchQueue, serviceState } from "@/lib/search/service";
import { todayInVietnam } from "@/lib/corpus/dates";
import { notModified, REVALIDATE, searchTag } from "@/lib/http/etag";
import { expectedCost } from "@/lib/http/search-cost";
import { parseSearchParams } from "@/lib/url/search-params";
import { proxyHeaders } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

/** The status logged for a request whose client left before its search (nobody reads it). */
const CLIENT_GONE = 499;

export async function GET(request: Request): Promise<Response> {
  // proxy.ts does not run for this route (its matcher): the route adds its headers.
  const response = await answer(request);
  for (const [name, value] of proxyHeaders(request.headers.get("x-request-id"))) response.headers.set(name, value);
  return response;
}

async function answer(request: Request): Promise<Response> {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParameter(parsed.error);
  const state = serviceState();
  if (state.status !== "ok") return notReady(state);
  const { engine } = state.service;
  // The same request on the same index gets the same answer: a client holding it gets a 304.
  const etag = searchTag(indexVersion(state.service), todayInVietnam(), "api", parsed.query);
  const headers = { ETag: etag, "Cache-Control": REVALIDATE };
  if (notModified(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  // A kept answer (a repeated search) is sent at once, never queued behind searches that must
  // be computed; those wait for their turn in this process's queue: a client gone by then is
  // not searched for, and a full queue is refused at once (lib/http/search-queue.ts).
  const kept = keptFirst() ? engine.keptJson(parsed.query) : undefined;
  // Keyed by its answer, so that it is answered as soon as that answer is kept, not at its turn.
  const key = engine.answerKey(parsed.query) ?? undefined;
  const queue = searchQueue();
  // Its expected cost, when the queue runs the cheapest first (SEARCH_ORDER=cost).
  const cost = !kept && queue.order.by === "cost" ? expectedCost(engine.archive.lexicon, parsed.query.q) : 0;
  const turn = kept ? ({ status: "done", value: kept } as const) : await queue.run(() => engine.searchJson(parsed.query), request.signal, key, cost);
  if (turn.status === "aborted") return new Response(null, { status: CLIENT_GONE });
  if (turn.status === "full") return busy();
  // The answer's JSON text as the engine has it (a repeated search's is sent as kept); only an
  // empty answer is read back, to say when its exclusions are why.
  const answer = turn.value;
  logIfSlow(answer.tookMs, parsed.query, "api");
  if (answer.total === 0) {
    const result = explainExclusions(JSON.parse(answer.json) as SearchResponse, (q) => engine.search(q));
    return Response.json(result, { headers });
  }
  return new Response(answer.json, { headers: { ...headers, "Content-Type": "application/json" } });
}
