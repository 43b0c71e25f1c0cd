// Ranking and latency measures for the eval.

import os from "node:os";
import type { MatchResult } from "@/lib/search/matcher";

/** Reciprocal rank of `target` within the first 10 ids (0 when absent). */
export function reciprocalRank(top: string[], target: string): number {
  const at = top.slice(0, 10).indexOf(target);
  return at < 0 ? 0 : 1 / (at + 1);
}

/** The 10 best ids of a score map (ties: insertion order), in one pass. */
export function topTen(scores: Map<string, number>): string[] {
  const best: [string, number][] = [];
  for (const entry of scores) {
    if (best.length === 10 && entry[1] <= best[9][1]) continue;
    let i = best.length;
    while (i > 0 && best[i - 1][1] < entry[1]) i--;
    best.splice(i, 0, entry);
    if (best.length > 10) best.pop();
  }
  return best.map(([id]) => id);
}

/** The first ten results as the page lists them: near misses ranked with the full matches (`mixed`), or after them. */
export function shownTen(r: MatchResult | null): string[] {
  if (!r) return [];
  const ids = (hits: { seg: { rank: { ids: string[] } }; d: number }[]) => hits.map((h) => h.seg.rank.ids[h.d]);
  if (r.mixed && r.nearMisses.length) return ids(r.top(10, "relevance", [...r.hits, ...r.nearMisses]));
  const full = ids(r.top(10));
  if (full.length === 10 || !r.nearMisses.length) return full;
  return [...full, ...ids(r.top(10 - full.length, "relevance", r.nearMisses))];
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The middle value; of an even count, the mean of the two middle values (not the larger). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Quality {
  mrr: number;
  recall: number;
}

export function quality(ranks: number[]): Quality {
  const n = ranks.length || 1;
  return { mrr: ranks.reduce((s, r) => s + r, 0) / n, recall: ranks.filter((r) => r > 0).length / n };
}

/** The machine's load averages over 1, 5 and 15 minutes, as benchmark lines print them ("7.2, 6.1, 5.0"). */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
}
