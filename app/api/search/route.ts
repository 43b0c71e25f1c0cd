import { invalidParameter } from "@/lib/api/responses";
import { logIfSlow } from "@/lib/log";
import { getSearchService } from "@/lib/search/service";
import { parseSearchParams } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParameter(parsed.error);
  const { engine } = await getSearchService();
  const result = engine.search(parsed.query);
  logIfSlow(result.tookMs, parsed.query, "api");
  return Response.json(result);
}
