import { articleBody, notFound, notReady } from "@/lib/api/responses";
import { serviceState } from "@/lib/search/service";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/articles/[id]">) {
  const { id } = await ctx.params;
  const state = serviceState();
  if (state.status !== "ok") return notReady(state);
  const article = state.service.engine.article(id);
  if (!article) return notFound(`No article has the id "${id}".`);
  return Response.json(articleBody(article));
}
