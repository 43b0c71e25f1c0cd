// Why a first page is short (scripts/eval/short-pages.ts): one kind per query, the first that applies.

export type ShortKind =
  | "a word the archive never uses"
  | "corrected (a typo)"
  | "a quote the archive writes otherwise"
  | "no article holds every word"
  | "few articles hold every word";

export interface ShortPage {
  /** Results on the first page (full matches and near misses). */
  shown: number;
  /** Full matches. */
  full: number;
  /** The engine searched a corrected query. */
  corrected: boolean;
  /** The query holds a quote. */
  quoted: boolean;
  /** Results on the first page of the same query without its quotes. */
  unquoted: number;
  /** Typed words no article holds in any spelling. */
  unknown: string[];
}

export function whyShort(p: ShortPage): ShortKind {
  if (p.unknown.length) return "a word the archive never uses";
  if (p.corrected) return "corrected (a typo)";
  if (p.quoted && p.unquoted > p.shown) return "a quote the archive writes otherwise";
  return p.full === 0 ? "no article holds every word" : "few articles hold every word";
}
