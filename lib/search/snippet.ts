// Marking and snippets: the text is re-tokenised with the same analyzer, so a match
// (old or new tone placement; marks optional only where the query left them out) is
// marked exactly as written, and only what matched is marked.
import { popcount } from "@/lib/search/bits";
import type { Group } from "@/lib/search/query-expand";
import type { Segment } from "@/lib/api/contract";
import { joins, tokenize, type Token } from "@/lib/text/analyzer";

/** Snippet length bounds, in characters (ellipses excluded). */
export const SNIPPET_MIN = 160;
export const SNIPPET_MAX = 240;
const SNIPPET_TARGET = 200;
/** Context kept before the first match of a passage. */
const LEAD_IN = 40;

/** Which query words a token matches, and which consecutive words form pairs. */
export interface MarkRules {
  /** folded term → bit mask of query words typed without marks that it matches */
  terms: Map<string, number>;
  /** normalised exact term → bit mask of query words typed with marks that it matches */
  exact: Map<string, number>;
  /** Last words being typed: a token starting with `text` (folded, or exact when marked) matches. */
  prefixes: { text: string; marked: boolean; bit: number }[];
  /** Bit g set when query word g directly follows word g-1. */
  joinMask: number;
}

/** Marking rules for the words of a query and their completions. */
export function markRules(groups: Group[], foldedTerm: (f: number) => string, exactTerm: (e: number) => string): MarkRules {
  const terms = new Map<string, number>();
  const exact = new Map<string, number>();
  const prefixes: MarkRules["prefixes"] = [];
  const add = (map: Map<string, number>, key: string, bit: number) => map.set(key, (map.get(key) ?? 0) | bit);
  let joinMask = 0;
  groups.forEach((g, i) => {
    const bit = 1 << i;
    if (g.word.marked) add(exact, g.word.term, bit);
    else add(terms, g.word.folded, bit);
    for (const t of g.terms) {
      if (t.e === undefined) add(terms, foldedTerm(t.f), bit);
      else add(exact, exactTerm(t.e), bit);
    }
    if (g.word.prefix) prefixes.push({ text: g.word.marked ? g.word.term : g.word.folded, marked: g.word.marked, bit });
    if (i > 0 && g.word.joinsPrev) joinMask |= bit;
  });
  return { terms, exact, prefixes, joinMask };
}

interface Marked {
  token: Token;
  mask: number;
}

function markTokens(text: string, rules: MarkRules): Marked[] {
  const out: Marked[] = [];
  for (const token of tokenize(text)) {
    let mask = (rules.terms.get(token.folded) ?? 0) | (rules.exact.get(token.term) ?? 0);
    for (const p of rules.prefixes) if ((p.marked ? token.term : token.folded).startsWith(p.text)) mask |= p.bit;
    out.push({ token, mask });
  }
  return out;
}

/**
 * `text[from, to)` as segments. Consecutive matched words that are consecutive query
 * words (a phrase, a name) become one marked segment: "hòa bình", not two.
 */
function segmentsOf(text: string, marked: Marked[], rules: MarkRules, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  const push = (s: string, mark: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.mark === mark && !mark) last.text += s;
    else segments.push({ text: s, mark });
  };
  let at = from;
  for (let i = 0; i < marked.length; i++) {
    const { token, mask } = marked[i];
    if (!mask || token.start < from || token.end > to) continue;
    let end = token.end;
    let j = i;
    while (j + 1 < marked.length) {
      const next = marked[j + 1];
      if (!next.mask || next.token.end > to || !joins(text, marked[j].token, next.token)) break;
      if (!((marked[j].mask << 1) & next.mask & rules.joinMask)) break;
      j++;
      end = next.token.end;
    }
    push(text.slice(at, token.start), false);
    push(text.slice(token.start, end), true);
    at = end;
    i = j;
  }
  push(text.slice(at, to), false);
  return segments;
}

/** The whole text as segments with the query marked; the segments join back to `text`. */
export function highlightText(text: string, rules: MarkRules): Segment[] {
  if (!text) return [];
  return segmentsOf(text, markTokens(text, rules), rules, 0, text.length);
}

/** The opening of `text`, for when nothing is marked: cut at a word boundary, "…" where cut. */
export function leadPassage(text: string): Segment[] {
  if (!text) return [];
  if (text.length <= SNIPPET_MAX) return [{ text, mark: false }];
  const cut = text.slice(0, SNIPPET_TARGET);
  const space = cut.lastIndexOf(" ");
  return [{ text: `${space > 0 ? cut.slice(0, space) : cut}…`, mark: false }];
}

/**
 * The passage of `text` with the most distinct query words (then the most matches,
 * then the earliest), 160–240 characters cut at word boundaries, "…" where cut.
 */
export function bestPassage(text: string, rules: MarkRules): Segment[] {
  const marked = markTokens(text, rules);
  if (!marked.length) {
    return leadPassage(text);
  }
  const hits = marked.map((m, i) => ({ ...m, i })).filter((m) => m.mask);
  let bestStart = 0;
  let bestScore = -1;
  for (let a = 0; a < hits.length; a++) {
    let mask = 0;
    let count = 0;
    for (let b = a; b < hits.length && hits[b].token.end - hits[a].token.start <= SNIPPET_MAX - LEAD_IN; b++) {
      mask |= hits[b].mask;
      count++;
    }
    const score = popcount(mask) * 1000 + Math.min(count, 999);
    if (score > bestScore) {
      bestScore = score;
      bestStart = hits[a].i;
    }
  }

  // Start a little before the first match, at a word, and stop at a word near the target length.
  const anchor = marked[bestStart].token.start;
  let first = bestStart;
  while (first > 0 && anchor - marked[first - 1].token.start <= LEAD_IN && !text.slice(marked[first - 1].token.end, marked[first].token.start).includes("\n"))
    first--;
  let start = marked[first].token.start;
  let last = first;
  while (last + 1 < marked.length && marked[last + 1].token.end - start <= SNIPPET_TARGET) last++;
  // A short tail: extend backwards so the passage reaches the minimum length.
  while (marked[last].token.end - start < SNIPPET_MIN && first > 0 && marked[last].token.end - marked[first - 1].token.start <= SNIPPET_MAX) {
    first--;
    start = marked[first].token.start;
  }
  let end = marked[last].token.end;
  // Keep closing punctuation (a full stop, a closing quote) that ends the passage.
  const tail = /^[^\s\p{L}\p{N}]{1,2}/u.exec(text.slice(end));
  if (tail && end + tail[0].length - start <= SNIPPET_MAX) end += tail[0].length;
  if (first === 0) start = 0;

  const segments = segmentsOf(text, marked, rules, start, end);
  if (start > 0) prepend(segments, "…");
  if (end < text.length) append(segments, "…");
  return segments;
}

function prepend(segments: Segment[], s: string) {
  if (segments[0] && !segments[0].mark) segments[0].text = s + segments[0].text;
  else segments.unshift({ text: s, mark: false });
}

function append(segments: Segment[], s: string) {
  const last = segments[segments.length - 1];
  if (last && !last.mark) last.text += s;
  else segments.push({ text: s, mark: false });
}
