import { invalidParameter } from "@/lib/api/responses";
import { getSearchService } from "@/lib/search/service";
import { suggestionsFor } from "@/lib/suggest/service";
import { MAX_QUERY_LENGTH, queryText } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

/**
 * `GET /api/suggest?q=…`: completions of the typed prefix (people, outlets, phrases), from the
 * suggest index built last (none while the first is built in the background: an empty list).
 */
export async function GET(request: Request) {
  const q = queryText(new URL(request.url).searchParams.get("q") ?? "");
  if (q.length > MAX_QUERY_LENGTH) {
    return invalidParameter({ param: "q", message: `q must be at most ${MAX_QUERY_LENGTH} characters` });
  }
  const { engine } = await getSearchService();
  return Response.json({ suggestions: suggestionsFor(engine, q) });
}
