// Which values of a facet to show: the top ones, "Xem thêm" for the rest, a box that
// filters them with or without marks, and selected values never hidden.
import { fold } from "@/lib/text/analyzer";
import type { FacetCount } from "@/lib/api/contract";
import { compareVi, mostFrequentFirst } from "@/lib/text/vi-order";

export const FACET_TOP = 6;

const byCountThenName = mostFrequentFirst<FacetCount>(
  (v) => v.count,
  (a, b) => compareVi(a.name, b.name),
);

export interface FacetView {
  shown: FacetCount[];
  /** Values left out by "Xem thêm" (0 once expanded or while filtering). */
  more: number;
}

/** Whether `name` contains `text`, ignoring case and marks: `dong` finds `Đồng`. */
export function matchesFilter(name: string, text: string): boolean {
  const needle = fold(text.trim());
  return needle === "" || fold(name).includes(needle);
}

/**
 * The values to list. Order: most frequent first, then Vietnamese alphabetical order;
 * a filter lists every match; otherwise the top `limit` plus any selected value. `size`:
 * how many values the whole list has when `values` are only the ones shown unexpanded
 * (a results page's first answer, lib/ui/page-answer.ts), so "Xem thêm" counts the rest.
 */
export function facetView(
  values: readonly FacetCount[],
  opts: { selected: readonly string[]; filter?: string; expanded?: boolean; limit?: number; size?: number },
): FacetView {
  const limit = opts.limit ?? FACET_TOP;
  const sorted = [...values].sort(byCountThenName);
  if (opts.filter?.trim()) return { shown: sorted.filter((v) => matchesFilter(v.name, opts.filter ?? "")), more: 0 };
  const size = Math.max(opts.size ?? 0, sorted.length);
  if (opts.expanded || size <= limit) return { shown: sorted, more: 0 };
  const shown = sorted.filter((v, i) => i < limit || opts.selected.includes(v.id));
  return { shown, more: size - shown.length };
}

/** The page's values with more found by a facet value search (new ids added, counts as the server says). */
export function withValues(values: readonly FacetCount[], found: readonly FacetCount[]): FacetCount[] {
  const byId = new Map(values.map((v) => [v.id, v]));
  for (const v of found) byId.set(v.id, v);
  return [...byId.values()];
}
