// From parsed words to the index terms they match. A word typed with marks matches its
// own spelling (either tone placement) and nothing else; a word typed without marks
// matches every marked form; the last word also matches its completions. Typo
// neighbours are never matched silently: they feed corrections that say so (correct.ts).
import type { QueryWord } from "@/lib/search/query-parse";
import { MAX_WORD_LENGTH } from "@/lib/search/query-parse";
import { foldedDf, type Lexicon } from "@/lib/search/rank-index";
import { topK } from "@/lib/search/facets";
import { exactVariants } from "@/lib/search/variants";
import { vnDistanceFrom } from "@/lib/text/vn-distance";

/** One folded term a query word matches, and how much a match counts. */
export interface Expansion {
  f: number;
  weight: number;
  /** The word itself, not a completion. */
  base: boolean;
  /** Counts only where this exact spelling of `f` occurs (a word typed with marks). */
  e?: number;
}

export interface Group {
  word: QueryWord;
  terms: Expansion[];
  /** Exact term id when the word was typed with marks and occurs; -1 otherwise. */
  exact: number;
}

const PREFIX_WEIGHT = 0.5;
const PREFIX_SCAN = 3000;
const PREFIX_KEEP = 20;
const PREFIX_KEEP_KNOWN = 5;
const PREFIX_POSTINGS = 60_000;
const PREFIX_POSTINGS_KNOWN = 15_000;

/**
 * How many letter edits a word of this length may carry: none up to 2 letters, 1 up
 * to 7, 2 beyond. Lengths are of the folded form; marks cost half a letter on top
 * (see vnDistance).
 */
export function typoBudget(length: number): number {
  if (length < 3 || length > MAX_WORD_LENGTH) return 0;
  return length < 8 ? 1 : 2;
}

/** The folded terms of the vocabulary within the typo budget of `folded`, best first. */
export function typoNeighbours(index: Lexicon, folded: string): { f: number; distance: number; df: number }[] {
  const budget = typoBudget(folded.length);
  if (!budget) return [];
  const found: { f: number; distance: number; df: number }[] = [];
  for (const [key, [f, distance]] of index.vocab.fuzzyGet(folded, budget)) {
    if (key !== folded && !/^\d/.test(key)) found.push({ f, distance, df: foldedDf(index, f) });
  }
  return found.sort((a, b) => a.distance - b.distance || b.df - a.df);
}

/** A spelling a misspelt word may have meant. */
export interface Candidate {
  /** The spelling, as the index writes it (marked when the word was typed marked). */
  text: string;
  f: number;
  /** Vietnamese edit distance from the typed word (marks count half a letter). */
  distance: number;
  df: number;
}

/**
 * Spellings near a word: for an unmarked word, the folded neighbours; for a marked one,
 * exact spellings within its budget by Vietnamese distance (a wrong tone costs half a
 * letter, so `bính` finds `bình` before `binh`-look-alikes), best first.
 */
export function typoCandidates(index: Lexicon, word: QueryWord): Candidate[] {
  const budget = typoBudget(word.folded.length);
  if (!budget || /\d/.test(word.folded)) return [];
  const out: Candidate[] = [];
  if (!word.marked) {
    for (const nb of typoNeighbours(index, word.folded)) {
      out.push({ text: index.foldedTerm[nb.f], f: nb.f, distance: nb.distance, df: nb.df });
    }
    return out;
  }
  const folded = new Set<number>(typoNeighbours(index, word.folded).map((nb) => nb.f));
  const self = index.foldedId.get(word.folded);
  if (self !== undefined) folded.add(self);
  const distanceTo = vnDistanceFrom(word.term);
  for (const f of folded) {
    for (const e of exactVariants(index, f)) {
      const term = index.exactTerm[e];
      if (term === word.term) continue;
      const distance = distanceTo(term);
      if (distance <= budget) out.push({ text: term, f, distance, df: exactDf(index, e) });
    }
  }
  return out.sort((a, b) => a.distance - b.distance || b.df - a.df);
}

/** Where a query's corrections and suggestions get a word's typo candidates (typoCandidates, or typoMemo). */
export type TypoCandidates = (word: QueryWord) => readonly Candidate[];

/**
 * typoCandidates kept per word for one query: the correction tried and the suggestion offered
 * ask for the same words' candidates (a fuzzy search of the vocabulary and a distance per
 * spelling each). They depend on the word and the vocabulary only.
 */
export function typoMemo(index: Lexicon): TypoCandidates {
  const kept = new Map<string, Candidate[]>();
  return (word) => {
    const key = word.marked ? `m${word.folded} ${word.term}` : `f${word.folded}`;
    let found = kept.get(key);
    if (!found) kept.set(key, (found = typoCandidates(index, word)));
    return found;
  };
}

/** Archive-wide document frequency of an exact term (how often the spelling is used). */
export function exactDf(index: Lexicon, e: number): number {
  return index.shared?.exactDf?.[e] ?? 0;
}

/** Whether the corpus holds the word as typed (its exact spelling when marked). */
export function wordKnown(index: Lexicon, word: QueryWord): boolean {
  return wordDf(index, word) > 0;
}

/** How many articles hold the word as typed. */
export function wordDf(index: Lexicon, word: QueryWord): number {
  if (word.marked) {
    const e = index.exactId.get(word.term);
    return e === undefined ? 0 : exactDf(index, e);
  }
  const f = index.foldedId.get(word.folded);
  return f === undefined ? 0 : foldedDf(index, f);
}

/**
 * The other ways of writing a whole number of 4+ digits: `8.000` (Vietnamese thousands), `8,000`
 * (English) and `8000` each give the two others. Not a year (1900–2099 written plain: `2017`
 * is never `2.017`), a decimal (`7,5`) or a date (`20/11`).
 */
export function numberSpellings(folded: string): string[] {
  if (!/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$|^\d{4,}$/.test(folded)) return [];
  const digits = folded.replace(/[.,]/g, "");
  if (digits.length < 4 || digits.startsWith("0") || (digits.length === 4 && Number(digits) >= 1900 && Number(digits) <= 2099)) return [];
  const grouped = (sep: string) => digits.replace(/\B(?=(\d{3})+$)/g, sep);
  return [digits, grouped("."), grouped(",")].filter((s) => s !== folded);
}

/**
 * The other writing of a decimal: Vietnamese writes `2,5` where English writes `2.5`, and names
 * mix both (`2,4-D` and `2.4 D`, one herbicide). One separator and a fraction of other than
 * three digits (three is a thousands group: `numberSpellings`). A point reading that could be a
 * day and month (`2.5` is also 2 May, far the commoner use in news) is given only when the number
 * is part of a code, a phrase written with a hyphen or no space (`2,4-D`), whose other words keep
 * the match precise; a quantity standing alone (`tăng 2,5%`) keeps its own writing then.
 */
export function decimalSpellings(folded: string, inCode: boolean): string[] {
  const m = /^(\d+)([.,])(\d+)$/.exec(folded);
  if (!m || m[3].length === 3) return [];
  const [, whole, sep, fraction] = m;
  const pointed = `${whole}.${fraction}`;
  if (!inCode && dateSpellings(pointed).length > 0) return [];
  return [sep === "," ? pointed : `${whole},${fraction}`];
}

/**
 * The other writing of a day and month (with or without a year): news writes `2/9` and `2.9`
 * alike (`Lễ 2.9 được nghỉ 3 ngày`), and a query types either. A day 1–31 and a month 1–12,
 * separated the same way throughout; each gives the other (`30/4` ↔ `30.4`, `25/4/2017` ↔
 * `25.4.2017`). Not a decimal with a comma (`7,5`) or anything whose parts cannot be a date (`1.45`, `13/13`).
 */
export function dateSpellings(folded: string): string[] {
  const m = /^(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}))?$/.exec(folded);
  if (!m) return [];
  const [, day, sep, month, year] = m;
  if (Number(day) < 1 || Number(day) > 31 || Number(month) < 1 || Number(month) > 12) return [];
  const other = sep === "/" ? "." : "/";
  return [[day, month, ...(year ? [year] : [])].join(other)];
}

/** A day 1–31 and a month 1–12 written together (`1/10`, `01.10.2017`), or a month and a year (`10/2017`); its month, or 0. */
function monthOf(term: string): number {
  const dated = /^(\d{1,2})([./])(\d{1,2})(?:\2\d{4})?$/.exec(term);
  if (dated) return Number(dated[1]) >= 1 && Number(dated[1]) <= 31 && Number(dated[3]) <= 12 ? Number(dated[3]) : 0;
  const monthYear = /^(\d{1,2})[./]\d{4}$/.exec(term);
  return monthYear && Number(monthYear[1]) <= 12 ? Number(monthYear[1]) : 0;
}

/**
 * The written dates of a month typed after `tháng` (issue #9, rank31): `tháng 10` is a report's
 * `từ 1/10/2017`, `ngày 1.10` or `tháng 10/2017`, each one word to the analyzer, so the month
 * typed alone never matched them (`tang gia dich vu hang khong thang 10`, `fed tang lai suat
 * thang 6`: the reports write `1/10/2017`, `14/6`). The vocabulary's terms with that month:
 * a day (with or without a leading zero), `/` or `.`, the month, an optional year; or the month
 * and a year. Empty unless `month` is a month 1–12 written plainly.
 */
export function monthDates(index: Lexicon, month: string): number[] {
  if (!/^(?:0?[1-9]|1[0-2])$/.test(month)) return [];
  const m = Number(month);
  // A few hundred prefix walks per month: kept per lexicon until it grows (a live archive adds terms in place).
  let kept = monthsKept.get(index);
  if (!kept || kept.size !== index.foldedTerm.length) monthsKept.set(index, (kept = { size: index.foldedTerm.length, months: new Map() }));
  let dates = kept.months.get(m);
  if (!dates) kept.months.set(m, (dates = datesOfMonth(index, m)));
  return dates;
}

const monthsKept = new WeakMap<Lexicon, { size: number; months: Map<number, number[]> }>();

/** The vocabulary's dates of month `m` (monthDates), read from the radix tree. */
function datesOfMonth(index: Lexicon, m: number): number[] {
  const found = new Set<number>();
  const keep = (prefix: string) => {
    for (const f of index.vocab.atPrefix(prefix).values()) if (monthOf(index.foldedTerm[f]) === m) found.add(f);
  };
  const months = m < 10 ? [`${m}`, `0${m}`] : [`${m}`];
  for (const sep of ["/", "."]) {
    for (const mm of months) keep(`${mm}${sep}`);
    for (let d = 1; d <= 31; d++) for (const dd of d < 10 ? [`${d}`, `0${d}`] : [`${d}`]) for (const mm of months) keep(`${dd}${sep}${mm}`);
  }
  return [...found];
}

/** The terms one word matches: itself (marks as typed), another spelling of a number or a date, and, for the last word, completions. */
export function expandWord(index: Lexicon, word: QueryWord, dates = true, decimals = true, inCode = false, month = false): Group {
  const terms: Expansion[] = [];
  const exact = word.marked ? (index.exactId.get(word.term) ?? -1) : -1;
  const self = word.marked ? (exact >= 0 ? index.foldedOf[exact] : undefined) : index.foldedId.get(word.folded);
  if (self !== undefined) terms.push(word.marked ? { f: self, weight: 1, base: true, e: exact } : { f: self, weight: 1, base: true });
  const spellings = [...numberSpellings(word.folded), ...(dates ? dateSpellings(word.folded) : []), ...(decimals ? decimalSpellings(word.folded, inCode) : [])];
  for (const spelling of spellings) {
    const f = index.foldedId.get(spelling);
    if (f !== undefined) terms.push({ f, weight: 1, base: true });
  }
  if (month) for (const f of monthDates(index, word.folded)) terms.push({ f, weight: 1, base: true });
  if (word.prefix) {
    const completions: { f: number; e?: number; df: number; at: number }[] = [];
    let seen = 0;
    // Values only, in the tree's order: the keys (built string by string) are not read.
    for (const f of index.vocab.atPrefix(word.folded).values()) {
      if (++seen > PREFIX_SCAN) break;
      if (!word.marked) {
        if (f !== self) completions.push({ f, df: foldedDf(index, f), at: completions.length });
        continue;
      }
      // Marked: completions of the spelling as typed (hòa b… → hòa bình, not hóa).
      for (const e of exactVariants(index, f)) {
        if (e !== exact && index.exactTerm[e].startsWith(word.term)) completions.push({ f, e, df: exactDf(index, e), at: completions.length });
      }
    }
    // A known word is most likely complete: fewer completions, and a cap on the
    // postings they add (each posting is scored on every keystroke). The commonest first, ties
    // in the tree's order (a stable sort's order, without sorting thousands of completions).
    const known = self !== undefined;
    let budget = known ? PREFIX_POSTINGS_KNOWN : PREFIX_POSTINGS;
    for (const c of topK(completions, known ? PREFIX_KEEP_KNOWN : PREFIX_KEEP, (a, b) => b.df - a.df || a.at - b.at)) {
      if (c.df > budget) continue;
      budget -= c.df;
      terms.push(c.e === undefined ? { f: c.f, weight: PREFIX_WEIGHT, base: false } : { f: c.f, e: c.e, weight: PREFIX_WEIGHT, base: false });
    }
  }
  return { word, terms, exact };
}

/** Whether each word is part of a code: written against a neighbour with a hyphen or no space (`2,4-D`, `2,4D`, `Su-30`), not merely beside it. */
export function inCodes(words: QueryWord[]): boolean[] {
  return words.map((w, i) => !!w.tight || !!words[i + 1]?.tight);
}

/** Expand every word of a query as typed; with `months`, a month typed after `tháng` matches its written dates too (monthDates). */
export function expandQuery(index: Lexicon, words: QueryWord[], dates = true, decimals = true, months = false): Group[] {
  const codes = inCodes(words);
  return words.map((w, i) => expandWord(index, w, dates, decimals, codes[i], months && i > 0 && words[i - 1].folded === "thang" && !w.tight));
}
