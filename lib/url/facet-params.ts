// `GET /api/facets`: which facet, the text typed in its "Lọc…" box, how many values; every
// other parameter is the search's own (see search-params.ts), so counts match the page.
import * as z from "zod/mini";
import { FACET_VALUES_DEFAULT, FACET_VALUES_MAX } from "@/lib/search/facet-values";
import type { SearchQuery } from "@/lib/api/contract";
import { FACET_PARAMS, type FacetParam, type ParamError, parseSearchParams, SEARCH_PARAMS } from "@/lib/url/search-params";

const schema = z.object({
  facet: z.enum(FACET_PARAMS, { error: `must be one of ${FACET_PARAMS.join(", ")}` }),
  facetQuery: z._default(z.string().check(z.trim(), z.maxLength(100, "must be at most 100 characters")), ""),
  limit: z._default(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^\d+$/, `must be a whole number from 1 to ${FACET_VALUES_MAX}`)), z.transform(Number)),
      z.number().check(z.minimum(1, "must be at least 1"), z.maximum(FACET_VALUES_MAX, `must be at most ${FACET_VALUES_MAX}`)),
    ),
    FACET_VALUES_DEFAULT,
  ),
});

const OWN_PARAMS = ["facet", "facetQuery", "limit"];
/** Every parameter `/api/facets` reads: its own and the search's. */
export const FACET_REQUEST_PARAMS: ReadonlySet<string> = new Set([...OWN_PARAMS, ...SEARCH_PARAMS]);

export type FacetValuesRequest = { facet: FacetParam; facetQuery: string; limit: number; query: SearchQuery };

export function parseFacetParams(params: URLSearchParams): { ok: true; request: FacetValuesRequest } | { ok: false; error: ParamError } {
  const own: Record<string, string> = {};
  for (const key of OWN_PARAMS) {
    const v = params.get(key);
    if (v !== null && (v.trim() !== "" || key === "facetQuery")) own[key] = v;
  }
  const parsed = schema.safeParse(own);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue.path[0] ?? "facet");
    return { ok: false, error: { param, message: `${param} ${issue.message}` } };
  }
  const search = parseSearchParams(params);
  if (!search.ok) return search;
  return { ok: true, request: { ...parsed.data, query: search.query } };
}
