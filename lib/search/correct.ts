// Corrections the engine applies on its own, and says so: only when no article has
// every word as typed, only to words the corpus never uses, and only when confident —
// a Telex/VNI-typed word that decodes to a syllable in use (hoaf → hoà), or a common
// close spelling that forms a known pair with a correctly typed neighbour (Vladimir
// Putn → Vladimir Putin). A word the corpus uses is never changed.
import { exactDf, typoCandidates, wordDf, wordKnown, type Candidate, type TypoCandidates } from "@/lib/search/query-expand";
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
 * Runs of words typed together without a space, mixing letters and digits (`hoa2`, `bi2nh`), as
 * the analyzer splits a code (`U23` → U, 23): a word typed in VNI with the input method off
 * arrives in such pieces. Each run as [first, last] word index.
 */
export function typedTogether(words: QueryWord[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < words.length;) {
    let j = i;
    while (j + 1 < words.length && words[j + 1].start === words[j].end) j++;
    if (j > i) runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/**
 * A run typed together read as VNI (`hoa2` → hoà) when the corpus never writes its pieces together
 * and the reading is in use, or when the reading is far commoner than the run as written (the
 * rarest adjacent pair of its pieces: `E5`, a petrol, stays).
 */
function decodedRun(index: Lexicon, q: string, words: QueryWord[], [first, last]: [number, number]): string | null {
  const decoded = decodeTyped(q.slice(words[first].start, words[last].end));
  const e = decoded ? index.exactId.get(normalize(decoded)) : undefined;
  if (!decoded || e === undefined) return null;
  let written = Infinity;
  for (let i = first + 1; i <= last; i++) {
    const l = index.foldedId.get(words[i - 1].folded);
    const r = index.foldedId.get(words[i].folded);
    written = Math.min(written, l === undefined || r === undefined ? 0 : pairDf(index, l, r));
  }
  // Never written so: read as VNI when the reading is in use at all (as an unknown word is); else when far commoner.
  const df = exactDf(index, e);
  return (written === 0 ? df > 0 : df >= DECODE_RATIO * written) ? decoded : null;
}

/**
 * The best close spelling of `words[i]` by the pairs it forms with its correctly typed
 * neighbours (left and right, when joined), or null when no candidate forms a known pair.
 */
export function contextCandidate(
  index: Lexicon,
  words: QueryWord[],
  i: number,
  anchor: (j: number) => boolean,
  typos: TypoCandidates = (word) => typoCandidates(index, word),
): (Candidate & { left: boolean; right: boolean }) | null {
  const w = words[i];
  const leftOk = i > 0 && w.joinsPrev && anchor(i - 1);
  const rightOk = i + 1 < words.length && words[i + 1].joinsPrev && anchor(i + 1);
  if (!leftOk && !rightOk) return null;
  const left = leftOk ? index.foldedId.get(words[i - 1].folded) : undefined;
  const right = rightOk ? index.foldedId.get(words[i + 1].folded) : undefined;
  const minDf = commonDf(index);
  let best: (Candidate & { left: boolean; right: boolean; score: number }) | null = null;
  for (const c of typos(w).slice(0, CANDIDATES_TRIED)) {
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

/** A known word is read as Telex/VNI (in a query typed that way) when its reading is this much commoner. */
const DECODE_RATIO = 10;
/** A known word may be fixed only when a close spelling is this much commoner (see correctQuery). */
const KNOWN_RATIO = 20;

/**
 * A confident correction of a query that matched nothing as typed, or null.
 *
 * - Telex/VNI: a word the corpus lacks that decodes to a syllable in use; once the query
 *   shows that typing, also a known word whose reading is far commoner (`cos` → `có`).
 * - Typos: every word the corpus lacks must be fixed (else the corrected query still
 *   matches nothing), each by a common close spelling that pairs with a correctly typed
 *   neighbour.
 * - When every word is in the corpus yet no article has them all, at most one word of 4+
 *   letters may be replaced, by a close spelling at least KNOWN_RATIO times commoner that
 *   pairs with its neighbours (`hòa bính` → `hòa bình`). A query that matches something
 *   as typed is never changed (the caller only asks when nothing matched).
 *
 * The caller checks that each fix really stands next to its neighbour (`pairs`).
 */
export function correctQuery(index: Lexicon, q: string, parsed: ParsedQuery, typos: TypoCandidates = (word) => typoCandidates(index, word)): Correction | null {
  const { words } = parsed;
  const known = words.map((w) => wordKnown(index, w));
  // Words in quotes were typed on purpose: a quoted phrase is matched as typed or not at all.
  const quoted = /["“”„]/.test(q);
  const locked = (i: number) => quoted && words[i].phrase >= 0;
  if (words.some((w, i) => locked(i) && !known[i])) return null;
  const edits: { start: number; end: number; text: string }[] = [];
  const pairs: [number, number][] = [];
  const fixed = new Set<number>();
  const edit = (i: number, text: string) => {
    edits.push({ start: words[i].start, end: words[i].end, text });
    fixed.add(i);
  };

  for (const run of typedTogether(words)) {
    if (run.some((i) => locked(i))) continue;
    const decoded = decodedRun(index, q, words, run);
    if (!decoded) continue;
    edits.push({ start: words[run[0]].start, end: words[run[1]].end, text: decoded });
    for (let i = run[0]; i <= run[1]; i++) fixed.add(i);
  }
  for (let i = 0; i < words.length; i++) {
    const decoded = known[i] || fixed.has(i) ? null : decodedWord(index, words[i]);
    if (decoded) edit(i, decoded);
  }
  if (fixed.size) {
    words.forEach((w, i) => {
      if (!known[i] || locked(i) || fixed.has(i)) return;
      const decoded = decodedWord(index, w);
      const e = decoded ? index.exactId.get(normalize(decoded)) : undefined;
      if (decoded && e !== undefined && exactDf(index, e) >= DECODE_RATIO * Math.max(1, wordDf(index, w))) edit(i, decoded);
    });
  }
  const anchor = (j: number) => known[j] && !fixed.has(j);
  for (let i = 0; i < words.length; i++) {
    if (known[i] || fixed.has(i)) continue;
    const c = contextCandidate(index, words, i, anchor, typos);
    if (!c) return null;
    edit(i, matchCase(words[i].text, c.text));
    if (c.left) pairs.push([i - 1, i]);
    if (c.right) pairs.push([i, i + 1]);
  }
  if (!edits.length) {
    let best: { i: number; c: NonNullable<ReturnType<typeof contextCandidate>> } | null = null;
    for (let i = 0; i < words.length; i++) {
      if (locked(i) || words[i].folded.length < 4) continue;
      const c = contextCandidate(index, words, i, (j) => j !== i && known[j], typos);
      if (!c || c.df < KNOWN_RATIO * wordDf(index, words[i])) continue;
      if (!best || c.distance < best.c.distance) best = { i, c };
    }
    if (!best) return null;
    const { i, c } = best;
    edit(i, matchCase(words[i].text, c.text));
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

/** A capitalised word held by at most this many articles may be read as a far commoner close spelling (rareNameFix). */
const RARE_NAME_DF = 2;
/** …when that spelling is this much commoner. */
const NAME_RATIO = 5;

/**
 * A misspelt foreign name in a query that matches almost nothing (`Querry loại Murray ở
 * Wimbledon`: two articles write `Querry`, eighteen `Querrey`): the one capitalised word of
 * 4+ letters, typed without marks or digits and outside quotes, held by at most RARE_NAME_DF
 * articles, replaced by its closest spelling at least NAME_RATIO times commoner (and common:
 * commonDf). Null when no word qualifies. The caller searches it only when the typed query
 * has few full matches, and keeps it only when it finds several times more, saying so
 * (`correctedQuery`).
 */
export function rareNameFix(index: Lexicon, q: string, parsed: ParsedQuery, typos: TypoCandidates = (word) => typoCandidates(index, word)): Correction | null {
  const minDf = commonDf(index);
  let best: { i: number; c: Candidate } | null = null;
  parsed.words.forEach((w, i) => {
    if (w.quoted || w.marked || !/^\p{Lu}/u.test(w.text) || w.folded.length < 4 || /\d/.test(w.folded)) return;
    const df = wordDf(index, w);
    if (df > RARE_NAME_DF) return;
    const c = typos(w).find((x) => x.df >= minDf && x.df >= NAME_RATIO * Math.max(1, df));
    if (c && (!best || c.distance < best.c.distance || (c.distance === best.c.distance && c.df > best.c.df))) best = { i, c };
  });
  if (!best) return null;
  const { i, c } = best as { i: number; c: Candidate };
  return { query: applyEdits(q, [{ start: parsed.words[i].start, end: parsed.words[i].end, text: matchCase(parsed.words[i].text, c.text) }]), pairs: [] };
}
