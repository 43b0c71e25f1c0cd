import { invalidParameter, notReady } from "@/lib/api/responses";
import { logIfSlow } from "@/lib/log";
import { explainExclusions } from "@/lib/search/exclusions";
import { serviceState } from "@/lib/search/service";
import { parseSearchParams } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParameter(parsed.error);
  const state = serviceState();
  if (state.status !== "ok") return notReady(state);
  const { engine } = state.service;
  const result = explainExclusions(engine.search(parsed.query), (q) => engine.search(q));
  logIfSlow(result.tookMs, parsed.query, "api");
  return Response.json(result);
}
