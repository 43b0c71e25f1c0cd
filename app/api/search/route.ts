import { invalidParameter } from "@/lib/api/responses";
import { getSearchService } from "@/lib/search/service";
import { parseSearchParams } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParameter(parsed.error);
  const { engine } = await getSearchService();
  return Response.json(engine.search(parsed.query));
}
