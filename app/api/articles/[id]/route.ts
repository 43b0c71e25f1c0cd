import { articleBody, notFound } from "@/lib/api/responses";
import { getSearchService } from "@/lib/search/service";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/articles/[id]">) {
  const { id } = await ctx.params;
  const { engine } = await getSearchService();
  const article = engine.article(id);
  if (!article) return notFound(`No article has the id "${id}".`);
  return Response.json(articleBody(article));
}
