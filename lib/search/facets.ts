import type { Article, Entity } from "@/lib/corpus/types";
import type { FacetCount, SearchFacets } from "@/lib/search/types";

const collator = new Intl.Collator("vi", { sensitivity: "base" });

/** Facet values shown per facet; selected values are always included. */
export const FACET_LIMIT = 100;

/** Tallies entity facets; most frequent first, ties in Vietnamese alphabetical order. */
export class EntityTally {
  private readonly counts = new Map<string, FacetCount>();

  add(entities: readonly Entity[]) {
    for (const e of entities) {
      const c = this.counts.get(e.id);
      if (c) c.count++;
      else this.counts.set(e.id, { id: e.id, name: e.name, count: 1 });
    }
  }

  /** The top values, plus every selected value (with count 0 when nothing matches it). */
  top(selected: readonly string[], names: ReadonlyMap<string, string>): FacetCount[] {
    const all = [...this.counts.values()].sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
    const shown = all.slice(0, FACET_LIMIT);
    for (const id of selected) {
      if (shown.some((v) => v.id === id)) continue;
      shown.push(this.counts.get(id) ?? { id, name: names.get(id) ?? id, count: 0 });
    }
    return shown;
  }
}

/** Articles per month (`YYYY-MM`), oldest first; undated articles are not counted. */
export function monthCounts(articles: Iterable<Article>): SearchFacets["dates"] {
  const months = new Map<string, number>();
  for (const a of articles) {
    if (!a.date) continue;
    const m = a.date.slice(0, 7);
    months.set(m, (months.get(m) ?? 0) + 1);
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
}
