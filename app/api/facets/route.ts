import { invalidParameter, notReady } from "@/lib/api/responses";
import { searchFacetValues } from "@/lib/search/facet-values";
import { serviceState } from "@/lib/search/service";
import { parseFacetParams } from "@/lib/url/facet-params";

export const dynamic = "force-dynamic";

/** Facet value search: `GET /api/facets?facet=person&facetQuery=put&q=…&outlet=…`. */
export async function GET(request: Request) {
  const parsed = parseFacetParams(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParameter(parsed.error);
  const { facet, facetQuery, limit, query } = parsed.request;
  const state = serviceState();
  if (state.status !== "ok") return notReady(state);
  return Response.json({ facet, facetQuery, values: searchFacetValues(state.service.engine, query, facet, facetQuery, limit) });
}
