import { invalidParameter } from "@/lib/api/responses";
import { searchFeed } from "@/lib/feed/search-feed";
import { getSearchService } from "@/lib/search/service";
import { parseSearchParams } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

/** `/feed?…`: the Atom feed of a search, same parameters as `/`. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) return invalidParameter(parsed.error);
  const { engine } = await getSearchService();
  return new Response(searchFeed(engine, parsed.query, url.origin), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
}
