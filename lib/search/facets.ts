import type { Entity } from "@/lib/corpus/types";
import type { FacetCount } from "@/lib/api/contract";
import { compareVi, mostFrequentFirst } from "@/lib/text/vi-order";

/** Facet values shown per facet; selected values are always included. */
export const FACET_LIMIT = 100;

/**
 * The values of one facet numbered 0..size-1, so counting them per query is array
 * arithmetic rather than string-keyed maps (the 35k corpus has tens of thousands of people).
 */
export class FacetDictionary {
  readonly ids: string[] = [];
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  intern(e: Entity): number {
    let i = this.index.get(e.id);
    if (i === undefined) {
      this.sealed = false;
      i = this.ids.length;
      this.index.set(e.id, i);
      this.ids.push(e.id);
      this.names.push(e.name);
    }
    return i;
  }

  /** Each value's place in Vietnamese alphabetical order; see `seal`. */
  collation = new Int32Array(0);
  private sealed = false;

  /**
   * Rank every name once after values were added (the archive grows), so queries compare
   * numbers, not strings.
   */
  seal() {
    if (this.sealed) return;
    this.sealed = true;
    const order = this.names.map((_, i) => i).sort((a, b) => compareVi(this.names[a], this.names[b]) || a - b);
    this.collation = new Int32Array(order.length);
    order.forEach((value, rank) => (this.collation[value] = rank));
  }

  lookup(id: string): number | undefined {
    return this.index.get(id);
  }

  get size(): number {
    return this.ids.length;
  }
}

/** Counts of one facet's values over a result set. */
export class FacetCounter {
  readonly counts: Int32Array;
  /** Values counted at least once, in first-seen order. */
  private readonly touched: number[] = [];

  constructor(readonly dict: FacetDictionary) {
    this.counts = new Int32Array(dict.size);
  }

  add(values: Int32Array) {
    for (const v of values) if (this.counts[v]++ === 0) this.touched.push(v);
  }

  addOne(v: number) {
    if (this.counts[v]++ === 0) this.touched.push(v);
  }

  /**
   * The most frequent values (ties in Vietnamese alphabetical order), plus every selected
   * value, with count 0 when nothing matches it.
   */
  top(selected: readonly string[], limit = FACET_LIMIT): FacetCount[] {
    const { counts, dict } = this;
    dict.seal();
    const rank = dict.collation;
    this.touched.sort(
      mostFrequentFirst(
        (i) => counts[i],
        (a, b) => rank[a] - rank[b],
      ),
    );
    const shown = this.touched.slice(0, limit).map((i) => ({ id: dict.ids[i], name: dict.names[i], count: counts[i] }));
    for (const id of selected) {
      if (shown.some((v) => v.id === id)) continue;
      const i = dict.lookup(id);
      shown.push({ id, name: i === undefined ? id : dict.names[i], count: i === undefined ? 0 : counts[i] });
    }
    return shown;
  }
}
