// Everything a person's page shows, from one search for the articles naming them.
import type { Entity } from "@/lib/corpus/types";
import type { SearchEngine } from "@/lib/search/engine";
import type { FacetCount, SearchHit } from "@/lib/api/contract";
import { compareVi, mostFrequentFirst } from "@/lib/text/vi-order";
import { fillMonths } from "@/lib/ui/dates";
import { EMPTY_QUERY } from "@/lib/url/search-params";

export const LATEST_SHOWN = 10;
export const OUTLETS_SHOWN = 10;
export const TOGETHER_SHOWN = 12;

export interface PersonProfile {
  person: Entity;
  /** Articles naming the person. */
  total: number;
  /** Mentions per month, first to last month with no gaps (undated articles left out). */
  months: { month: string; count: number }[];
  outlets: FacetCount[];
  /** The people most often named in the same articles. */
  together: FacetCount[];
  /** The newest articles naming the person. */
  latest: SearchHit[];
}

/** The profile of the person with facet id `id`, or `null` when no article names them. */
export function personProfile(engine: Pick<SearchEngine, "search">, id: string): PersonProfile | null {
  // Every article naming the person: the date and outlet facets honour the person filter,
  // but the person facet does not (it is disjunctive), so co-mentions are counted from the hits.
  const res = engine.search({ ...EMPTY_QUERY, person: [id], sort: "newest", size: Number.MAX_SAFE_INTEGER });
  if (res.total === 0) return null;
  const person = res.hits[0].persons.find((p) => p.id === id);
  if (!person) return null;
  return {
    person,
    total: res.total,
    months: fillMonths(res.facets.dates),
    outlets: res.facets.outlets.slice(0, OUTLETS_SHOWN),
    together: coMentions(res.hits, id).slice(0, TOGETHER_SHOWN),
    latest: res.hits.slice(0, LATEST_SHOWN),
  };
}

/** People named alongside `id`, most articles first, ties in Vietnamese alphabetical order. */
export function coMentions(hits: readonly SearchHit[], id: string): FacetCount[] {
  const counts = new Map<string, FacetCount>();
  for (const hit of hits) {
    if (!hit.persons.some((p) => p.id === id)) continue;
    for (const p of hit.persons) {
      if (p.id === id) continue;
      const c = counts.get(p.id) ?? { id: p.id, name: p.name, count: 0 };
      c.count++;
      counts.set(p.id, c);
    }
  }
  return [...counts.values()].sort(
    mostFrequentFirst(
      (v) => v.count,
      (a, b) => compareVi(a.name, b.name),
    ),
  );
}
