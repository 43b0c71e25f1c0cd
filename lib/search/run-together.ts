// Words typed run together that the archive writes as two: `tphcm` (TP HCM, TP.HCM), `hanoi`
// (Hà Nội), `thanhhoa`, `mtp` (M-TP). A query word typed in lower or upper case (a capitalised
// word is a name as typed: `Congo` is not `con gò`) is read as its two parts, the second
// joined to the first, when the archive writes the parts side by side (a space or a hyphen
// between them: the pair statistics) in more articles, and in at least RUN_TOGETHER_MIN_DF,
// than it writes the word whole. The parts then match as any two query words do (so `TP.HCM`
// is found too, its parts being words of their own), and the word as typed still matches (an
// article writing `TPHCM` holds both parts): the reading only adds articles.
import type { Group } from "@/lib/search/query-expand";
import { MAX_WORDS, type ParsedQuery, type QueryWord } from "@/lib/search/query-parse";
import { foldedDf, pairDf, type Lexicon } from "@/lib/search/rank-index";

/** The pair must be written apart in at least this many articles (a rare pair is noise, not a spelling). */
export const RUN_TOGETHER_MIN_DF = 10;

/** A parsed query with its run-together words split; `whole[i]`: the folded id of the typed word word i is a part of, or -1. */
export interface SplitQuery extends ParsedQuery {
  whole: number[];
  /** A second word word i also matches, or -1 (absent: none): the run-together word whose part was read as a short form (abbreviations.ts). */
  also?: number[];
}

/** Where to cut a typed word into two parts the archive writes apart more often than together; -1 if nowhere. */
export function runTogetherCut(lex: Lexicon, w: QueryWord): number {
  // A word typed capitalised (`Congo`, not `con gò`) is a name as typed; in lower or upper case (`tphcm`, `TPHCM`) it may be cut.
  if (w.marked || w.quoted || w.phrase >= 0 || !/^[a-z]{3,}$/.test(w.folded) || /^[A-Z][a-z]/.test(w.text)) return -1;
  const self = lex.foldedId.get(w.folded);
  const df = self === undefined ? 0 : foldedDf(lex, self);
  let best = -1;
  let bestDf = Math.max(df, RUN_TOGETHER_MIN_DF - 1);
  for (let k = 1; k < w.folded.length; k++) {
    const a = lex.foldedId.get(w.folded.slice(0, k));
    const b = lex.foldedId.get(w.folded.slice(k));
    if (a === undefined || b === undefined) continue;
    const apart = pairDf(lex, a, b);
    if (apart > bestDf) [best, bestDf] = [k, apart];
  }
  return best;
}

/** The query with each run-together word replaced by its two parts (see runTogetherCut). */
export function splitRunTogether(lex: Lexicon, parsed: ParsedQuery): SplitQuery {
  const words: QueryWord[] = [];
  const whole: number[] = [];
  const moved: number[] = [];
  for (const w of parsed.words) {
    moved.push(words.length);
    const k = words.length + parsed.words.length - moved.length < MAX_WORDS - 1 ? runTogetherCut(lex, w) : -1;
    if (k < 0) {
      words.push(w);
      whole.push(-1);
      continue;
    }
    const part = (from: number, to: number, joinsPrev: boolean): QueryWord => {
      const text = w.text.slice(from, to);
      const folded = w.folded.slice(from, to);
      return { ...w, text, start: w.start + from, end: w.start + to, term: folded, folded, prefix: false, joinsPrev };
    };
    words.push(part(0, k, w.joinsPrev), part(k, w.text.length, true));
    const f = lex.foldedId.get(w.folded) ?? -1;
    whole.push(f, f);
  }
  if (words.length === parsed.words.length) return { ...parsed, whole };
  return { ...parsed, words, phrases: parsed.phrases.map((p) => p.map((i) => moved[i])), whole };
}

/** Each part of a split word also matches the word as typed (an article writing `TPHCM` holds both parts); and the word `also` names. */
export function withWhole(groups: Group[], whole: number[], also: number[] = []): Group[] {
  const add = (g: Group, f: number) => (f >= 0 && !g.terms.some((t) => t.f === f) ? { ...g, terms: [...g.terms, { f, weight: 1, base: true }] } : g);
  return groups.map((g, i) => add(add(g, whole[i] ?? -1), also[i] ?? -1));
}

/** A pair written apart in more articles than this is common words (`viet nam`, `ca phe`), whose glued spellings (`Vietnam`, `caphe`) mostly name something else. */
export const GLUED_MAX_APART = 10;

/**
 * The reverse: two syllables typed apart that the archive also writes glued (`plei krong` for
 * `Pleikrông`, `kon tum` for `Kontum`), common in place and ethnic-minority names. Each of the
 * two words also matches the glued word when the archive writes the glued word at most as often
 * as it writes the two apart: the glued word is then a rarer spelling of the pair, not a word of
 * its own (`con go` is not read as `Congo`, written more often than `con gò`), and the pair is
 * itself rare (at most GLUED_MAX_APART articles: a place's name, not `viet nam`). A pair never
 * written apart is read as typed. The words stay as typed: the reading only adds articles, as a
 * split does. Word i's `whole` is the glued word's folded id.
 */
export function joinGlued(lex: Lexicon, parsed: SplitQuery): SplitQuery {
  const whole = parsed.words.map((_, i) => parsed.whole[i] ?? -1);
  const free = (i: number) => {
    const w = parsed.words[i];
    return whole[i] < 0 && !w.quoted && w.phrase < 0 && /^[a-z]+$/.test(w.folded);
  };
  for (let i = 0; i + 1 < parsed.words.length; i++) {
    if (!free(i) || !free(i + 1)) continue;
    const glued = lex.foldedId.get(parsed.words[i].folded + parsed.words[i + 1].folded);
    const a = lex.foldedId.get(parsed.words[i].folded);
    const b = lex.foldedId.get(parsed.words[i + 1].folded);
    if (glued === undefined || a === undefined || b === undefined) continue;
    const df = foldedDf(lex, glued);
    const apart = pairDf(lex, a, b);
    if (df === 0 || df > apart || apart > GLUED_MAX_APART) continue;
    whole[i] = whole[i + 1] = glued;
    i++;
  }
  return { ...parsed, whole };
}
