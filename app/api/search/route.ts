import { invalidParameter, notReady } from "@/lib/api/responses";
import { logIfSlow } from "@/lib/log";
import { explainExclusions } from "@/lib/search/exclusions";
import { indexVersion, serviceState } from "@/lib/search/service";
import { todayInVietnam } from "@/lib/corpus/dates";
import { notModified, REVALIDATE, searchTag } from "@/lib/http/etag";
import { parseSearchParams } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParameter(parsed.error);
  const state = serviceState();
  if (state.status !== "ok") return notReady(state);
  const { engine } = state.service;
  // The same request on the same index gets the same answer: a client holding it gets a 304.
  const etag = searchTag(indexVersion(state.service), todayInVietnam(), "api", parsed.query);
  const headers = { ETag: etag, "Cache-Control": REVALIDATE };
  if (notModified(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const result = explainExclusions(engine.search(parsed.query), (q) => engine.search(q));
  logIfSlow(result.tookMs, parsed.query, "api");
  return Response.json(result, { headers });
}
