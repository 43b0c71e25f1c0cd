// Corrections the engine applies on its own, and says so: only when no article has
// every word as typed, only to words the corpus never uses, and only when confident —
// a Telex/VNI-typed word that decodes to a syllable in use (hoaf → hoà), or a common
// close spelling that forms a known pair with a correctly typed neighbour (Vladimir
// Putn → Vladimir Putin). A word the corpus uses is never changed.
import { exactDf, typoCandidates, wordKnown, type Candidate } from "@/lib/search/query-expand";
import type { ParsedQuery, QueryWord } from "@/lib/search/query-parse";
import { archiveSize, pairDf, type Lexicon } from "@/lib/search/rank-index";
import { normalize } from "@/lib/text/analyzer";
import { decodeTyped } from "@/lib/text/telex";

/** How many close spellings are tried against the context. */
const CANDIDATES_TRIED = 40;

export interface Correction {
  /** The corrected query text. */
  query: string;
  /** Pairs [i-1, i] of word indices a typo fix was chosen for: they must occur adjacent. */
  pairs: [number, number][];
}

/** A word common enough to be offered in place of a misspelt one. */
export function commonDf(index: Lexicon): number {
  return Math.max(2, Math.ceil(archiveSize(index) / 10_000));
}

/** Keep the typed capital (Putn → Putin). */
export function matchCase(typed: string, text: string): string {
  return typed[0] !== typed[0].toLowerCase() ? text[0].toUpperCase() + text.slice(1) : text;
}

/** The word as Telex or VNI decodes it, when that spelling is in the corpus. */
export function decodedWord(index: Lexicon, word: QueryWord): string | null {
  const decoded = decodeTyped(word.text);
  const e = decoded ? index.exactId.get(normalize(decoded)) : undefined;
  return e !== undefined && exactDf(index, e) > 0 ? decoded : null;
}

/**
 * The best close spelling of `words[i]` by the pairs it forms with its correctly typed
 * neighbours (left and right, when joined), or null when no candidate forms a known pair.
 */
export function contextCandidate(index: Lexicon, words: QueryWord[], i: number, anchor: (j: number) => boolean): (Candidate & { left: boolean; right: boolean }) | null {
  const w = words[i];
  const leftOk = i > 0 && w.joinsPrev && anchor(i - 1);
  const rightOk = i + 1 < words.length && words[i + 1].joinsPrev && anchor(i + 1);
  if (!leftOk && !rightOk) return null;
  const left = leftOk ? index.foldedId.get(words[i - 1].folded) : undefined;
  const right = rightOk ? index.foldedId.get(words[i + 1].folded) : undefined;
  const minDf = commonDf(index);
  let best: (Candidate & { left: boolean; right: boolean; score: number }) | null = null;
  for (const c of typoCandidates(index, w).slice(0, CANDIDATES_TRIED)) {
    if (c.df < minDf) continue;
    const l = left === undefined ? 0 : pairDf(index, left, c.f);
    const r = right === undefined ? 0 : pairDf(index, c.f, right);
    const score = l + r;
    if (score <= 0) continue;
    if (!best || c.distance < best.distance || (c.distance === best.distance && score > best.score)) {
      best = { ...c, left: l > 0, right: r > 0, score };
    }
  }
  return best;
}

/**
 * A confident correction of a query that matched nothing as typed, or null. Every word
 * the corpus lacks must be fixed (else the corrected query still matches nothing), and a
 * typo fix needs a neighbour typed right to vouch for it.
 */
export function correctQuery(index: Lexicon, q: string, parsed: ParsedQuery): Correction | null {
  const { words } = parsed;
  const known = words.map((w) => wordKnown(index, w));
  if (known.every(Boolean)) return null;
  // Words in quotes were typed on purpose: a quoted phrase is matched as typed or not at all.
  const quoted = /["“”„]/.test(q);
  if (quoted && words.some((w, i) => !known[i] && w.phrase >= 0)) return null;
  const edits: { start: number; end: number; text: string }[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    if (known[i]) continue;
    const w = words[i];
    const decoded = decodedWord(index, w);
    if (decoded) {
      edits.push({ start: w.start, end: w.end, text: decoded });
      continue;
    }
    const c = contextCandidate(index, words, i, (j) => known[j]);
    if (!c) return null;
    edits.push({ start: w.start, end: w.end, text: matchCase(w.text, c.text) });
    if (c.left) pairs.push([i - 1, i]);
    if (c.right) pairs.push([i, i + 1]);
  }
  return { query: applyEdits(q, edits), pairs };
}

/** `q` with the given [start, end) spans replaced, trimmed. */
export function applyEdits(q: string, edits: { start: number; end: number; text: string }[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += q.slice(at, e.start) + e.text;
    at = e.end;
  }
  return (out + q.slice(at)).trim();
}
