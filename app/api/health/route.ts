import { getSearchService } from "@/lib/search/service";

export const dynamic = "force-dynamic";

export async function GET() {
  const { engine, skipped, buildMs } = await getSearchService();
  return Response.json({ status: "ok", articles: engine.articles.length, skipped, buildMs });
}
