// Marking and snippets: words are found with the analyzer's own pattern, so a match
// (old or new tone placement; marks optional only where the query left them out) is
// marked exactly as written, and only what matched is marked. A snippet of an indexed
// article reads each word's term from the index's token stream instead of analysing it
// again (see StreamWords).
import { popcount } from "@/lib/search/bits";
import type { Group } from "@/lib/search/query-expand";
import { ESCAPE, tokenAt, type TokenStream } from "@/lib/search/rank-index";
import type { Segment } from "@/lib/api/contract";
import { fold, joins, termAt, type Token } from "@/lib/text/analyzer";
import { nextWord, type Span } from "@/lib/text/word-scan";

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
  /**
   * The first UTF-16 unit of every folded key (`terms`, unmarked prefixes) and of every exact key
   * (`exact`, marked prefixes): a word whose forms start with none of them matches no query word,
   * which spares most of a shown article's words the maps (`maskOfTerm`). Null: no such gate
   * (an empty prefix starts every word).
   */
  firsts: { folded: number[]; exact: number[] } | null;
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
  return rulesOf(terms, exact, prefixes, joinMask);
}

/** Marking rules of these keys, with their first-unit gate (MarkRules.firsts). */
export function rulesOf(terms: Map<string, number>, exact: Map<string, number>, prefixes: MarkRules["prefixes"], joinMask = 0): MarkRules {
  return { terms, exact, prefixes, joinMask, firsts: firstUnits(terms, exact, prefixes) };
}

/** MarkRules.firsts of these keys (an empty key's unit is NaN, as `"".charCodeAt(0)` is, and `includes` finds NaN). */
function firstUnits(terms: Map<string, number>, exact: Map<string, number>, prefixes: MarkRules["prefixes"]): MarkRules["firsts"] {
  if (prefixes.some((p) => p.text === "")) return null;
  const add = (units: number[], text: string) => {
    const unit = text.charCodeAt(0);
    if (!units.includes(unit)) units.push(unit);
  };
  const folded: number[] = [];
  const marked: number[] = [];
  for (const key of terms.keys()) add(folded, key);
  for (const key of exact.keys()) add(marked, key);
  for (const p of prefixes) add(p.marked ? marked : folded, p.text);
  return { folded, exact: marked };
}

/**
 * Where a text's words stand in an index's token stream (lib/search/rank-index.ts), so
 * their marks come from term ids rather than from analysing the text again: the text's
 * words from character `fromChar` on are the stream's tokens from position `from` on,
 * in order (break markers skipped), up to `to`.
 */
export interface StreamWords {
  stream: TokenStream;
  from: number;
  to: number;
  fromChar: number;
  /** Query-word mask of an exact term id (the caller caches it per query). */
  maskOf(e: number): number;
  /** The normalised term of an exact term id: checks that text and stream agree. */
  term(e: number): string;
}

/**
 * The words of a text: offsets and query-word masks, in parallel typed arrays (no object per
 * word), the first `length` entries valid. The arrays are one scratch shared by every call
 * (markTokens never runs inside itself, and each caller is done with its words before the next
 * call), so a shown article's thousand words allocate nothing.
 */
interface Marked {
  start: Int32Array;
  end: Int32Array;
  mask: Int32Array;
  length: number;
}

const MARKED: Marked = { start: new Int32Array(4096), end: new Int32Array(4096), mask: new Int32Array(4096), length: 0 };

/** MARKED with room for at least `n` words, its first `length` kept. */
function growMarked(n: number) {
  const room = Math.max(n, 2 * MARKED.start.length);
  for (const key of ["start", "end", "mask"] as const) {
    const bigger = new Int32Array(room);
    bigger.set(MARKED[key].subarray(0, MARKED.length));
    MARKED[key] = bigger;
  }
}

/** The scanner's span, reused (markTokens never runs inside itself). */
const SPAN: Span = { start: 0, end: 0 };

/** A word's query-word mask from its normalised and folded forms. */
export function maskOfTerm(rules: MarkRules, term: string, folded: string): number {
  // A map key or a prefix equal to the start of a form shares its first unit.
  const firsts = rules.firsts;
  if (firsts && !firsts.folded.includes(folded.charCodeAt(0)) && !firsts.exact.includes(term.charCodeAt(0))) return 0;
  let mask = (rules.terms.get(folded) ?? 0) | (rules.exact.get(term) ?? 0);
  for (const p of rules.prefixes) if ((p.marked ? term : folded).startsWith(p.text)) mask |= p.bit;
  return mask;
}

/**
 * A term's first UTF-16 units for MarkRules.firsts' gate, as one number (the folded form's unit
 * high, the exact form's low, plus one), so a term met again by a later query is gated from a
 * number instead of its two strings. 0 when it cannot be gated this way: an empty form (whose
 * unit is NaN to maskOfTerm) or, wrapping past 32 bits, both units U+FFFF.
 */
export function packFirstUnits(term: string, folded: string): number {
  if (!term || !folded) return 0;
  return (((folded.charCodeAt(0) << 16) | term.charCodeAt(0)) + 1) >>> 0;
}

/** Whether maskOfTerm's first-unit gate gives a term 0 at once, from its packFirstUnits (not 0). */
export function gatedOut(firsts: NonNullable<MarkRules["firsts"]>, packed: number): boolean {
  const units = packed - 1;
  return !firsts.folded.includes(units >>> 16) && !firsts.exact.includes(units & 0xffff);
}

/** tokenAt, with the common case (an id below ESCAPE) read directly. */
const escapeFrom = ESCAPE;
function tokenOf(stream: TokenStream, i: number): number {
  const v = stream.low[i];
  return v < escapeFrom ? v : tokenAt(stream, i);
}

function markTokens(text: string, rules: MarkRules, words?: StreamWords): Marked {
  const out = MARKED;
  out.length = 0;
  let at = words ? words.from : -1;
  let checked = false;
  // Offsets from the scanner (the analyzer's WORD without a match object per word); a
  // word's mask from the stream's term id when the stream covers it, else from its text.
  const span = SPAN;
  for (let from = 0; nextWord(text, from, span); from = span.end) {
    const { start, end } = span;
    let mask = -1;
    if (words && at >= 0 && start >= words.fromChar) {
      while (at < words.to && tokenOf(words.stream, at) < 0) at++;
      if (at < words.to) {
        const e = tokenOf(words.stream, at++);
        // The first word read from the stream must be the text's: else analyse the text.
        if (checked || (checked = words.term(e) === termAt(text, start, end))) mask = words.maskOf(e);
        else at = -1;
      } else at = -1;
    }
    if (mask < 0) {
      const term = termAt(text, start, end);
      mask = maskOfTerm(rules, term, fold(term));
    }
    const i = out.length++;
    if (i === out.start.length) growMarked(i + 1);
    out.start[i] = start;
    out.end[i] = end;
    out.mask[i] = mask;
  }
  return out;
}

/**
 * `text[from, to)` as segments. Consecutive matched words that are consecutive query
 * words (a phrase, a name) become one marked segment: "hòa bình", not two.
 */
function segmentsOf(text: string, marked: Marked, rules: MarkRules, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  const push = (s: string, mark: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.mark === mark && !mark) last.text += s;
    else segments.push({ text: s, mark });
  };
  const { start, end, mask } = marked;
  let at = from;
  // Only the words inside [from, to) can be marked: start at the first of them.
  let i = lowerBound(start, marked.length, from);
  for (; i < marked.length && end[i] <= to; i++) {
    if (!mask[i]) continue;
    let last = end[i];
    let j = i;
    while (j + 1 < marked.length) {
      const next = j + 1;
      if (!mask[next] || end[next] > to || !joinsAt(text, end[j], start[next])) break;
      if (!((mask[j] << 1) & mask[next] & rules.joinMask)) break;
      j++;
      last = end[next];
    }
    push(text.slice(at, start[i]), false);
    push(text.slice(start[i], last), true);
    at = last;
    i = j;
  }
  push(text.slice(at, to), false);
  return segments;
}

/** The first index below `n` whose value is at least `x` in an ascending array. */
function lowerBound(xs: Int32Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `joins` for two words given by offsets. */
function joinsAt(text: string, leftEnd: number, rightStart: number): boolean {
  return joins(text, { end: leftEnd } as Token, { start: rightStart } as Token);
}

/**
 * The whole text as segments with the query marked; the segments join back to `text`. With
 * `words`, the marks come from the index's token stream (see StreamWords).
 */
export function highlightText(text: string, rules: MarkRules, words?: StreamWords): Segment[] {
  if (!text) return [];
  return segmentsOf(text, markTokens(text, rules, words), rules, 0, text.length);
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
 * then the earliest), 160–240 characters cut at word boundaries, "…" where cut. With
 * `words`, the marks come from the index's token stream (see StreamWords).
 */
export function bestPassage(text: string, rules: MarkRules, words?: StreamWords): Segment[] {
  const marked = markTokens(text, rules, words);
  if (!marked.length) {
    return leadPassage(text);
  }
  const { start: ws, end: we, mask: wm } = marked;
  const hits: number[] = [];
  for (let i = 0; i < marked.length; i++) if (wm[i]) hits.push(i);
  let bestStart = 0;
  let bestScore = -1;
  for (let a = 0; a < hits.length; a++) {
    let mask = 0;
    let count = 0;
    for (let b = a; b < hits.length && we[hits[b]] - ws[hits[a]] <= SNIPPET_MAX - LEAD_IN; b++) {
      mask |= wm[hits[b]];
      count++;
    }
    const score = popcount(mask) * 1000 + Math.min(count, 999);
    if (score > bestScore) {
      bestScore = score;
      bestStart = hits[a];
    }
  }

  // Start a little before the first match, at a word, and stop at a word near the target length.
  const anchor = ws[bestStart];
  let first = bestStart;
  while (first > 0 && anchor - ws[first - 1] <= LEAD_IN && !text.slice(we[first - 1], ws[first]).includes("\n")) first--;
  let start = ws[first];
  let last = first;
  while (last + 1 < marked.length && we[last + 1] - start <= SNIPPET_TARGET) last++;
  // A short tail: extend backwards so the passage reaches the minimum length.
  while (we[last] - start < SNIPPET_MIN && first > 0 && we[last] - ws[first - 1] <= SNIPPET_MAX) {
    first--;
    start = ws[first];
  }
  let end = we[last];
  // Keep closing punctuation (a full stop, a closing quote) that ends the passage.
  const tail = /^[^\s\p{L}\p{N}]{1,2}/u.exec(text.slice(end, end + 4));
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
