// Abbreviations and what they stand for, learned from the archive (issue #9): news writes
// `TQ` and `Trung Quốc`, `HLV` and `huấn luyện viên`, `ĐBQH` and `đại biểu Quốc hội`, often the
// short form in a title and the long one in the body. No hand list: a word of 2–6 letters is read
// as the initials of a phrase that the articles writing it also write (the evidence that the two
// stand for the same thing, read from a sample of those articles): in at least
// ABBREVIATION_MIN_ARTICLES of them, a share ABBREVIATION_SHARE, ABBREVIATION_LIFT times more
// often than the phrase's own share of the archive (pair statistics) would give, and
// more often than any other phrase. A name whose long form the archive does not write (`FBI` here)
// and one whose articles write other phrases as often (`VN`, `TP`) read as nothing.
import type { Archive } from "@/lib/index/archive";
import { MAX_WORDS, type QueryWord } from "@/lib/search/query-parse";
import type { SplitQuery } from "@/lib/search/run-together";
import { NAME_SHARE, writtenAsName } from "@/lib/search/word-case";
import { archiveSize, BREAK, foldedDf, pairDf, tokenAt, type Lexicon } from "@/lib/search/rank-index";

/** Articles the long form and the short form must be written together in. */
export const ABBREVIATION_MIN_ARTICLES = 3;
/** The share of the short form's articles that also write the long one. */
export const ABBREVIATION_SHARE = 0.03;
/** How much more often than chance (the phrase's own share of the archive) the short form's articles write the long one. */
export const ABBREVIATION_LIFT = 3;
/** The long form must be the phrase written with the short form most, by more than this factor over the next (a tie says nothing). */
export const ABBREVIATION_LEAD = 1;
/** A phrase written after (or before) one same word more than this share of the time is a piece of a longer phrase (`chức nhà nước` of `công chức nhà nước`), unless the short form is written beside that word too (`các`: see besideShort). */
export const PIECE_SHARE = 0.5;
/** Words read from the start of each sampled article (title, lead and the first paragraphs: where a long form is spelt out). */
export const SAMPLE_TOKENS = 400;
/** The short form's articles read for phrases (spread over its postings): the evidence is a share, so a sample reads it. */
export const ABBREVIATION_SAMPLE = 200;
/**
 * The fewest syllables of a long form read by the phrase rule (pickByPhrase) when the share
 * rule does not hold. News writes the commonest short forms (`TP.HCM`, `THPT`, `HLV`) in place of
 * their long form, so their articles write the long form less often than the archive does and the
 * share rule never reads them; a phrase of three syllables or more whose initials spell the short
 * form is rarely written with it by chance.
 */
export const PHRASE_SYLLABLES = 3;
/** Under the phrase rule, the long form must be written with the short form at least this many times as often as the next phrase. */
export const PHRASE_LEAD = 2;
/**
 * The phrase rule as landed: off (Infinity). At PHRASE_SYLLABLES it reads `HCM`, `THPT`, `HLV` and
 * finds `TPHCM`'s reports writing `TP Hồ Chí Minh`, but a short form read as k syllables weighs k
 * words in the title and head parts of the articles writing it, and on twenty-six tuning sets
 * leave-one-set-out keeps it off (docs/history/relevance-log.md, rank33).
 */
export const ABBREVIATION_PHRASE = Infinity;

/** A phrase a short form stands for: its syllables' folded ids, and the evidence. */
export interface LongForm {
  syllables: number[];
  /** Articles of the sample writing the short form and the long one. */
  together: number;
  /** Articles sampled. */
  sampled: number;
  /** The phrase's estimated document frequency (its rarest adjacent pair, from the pair statistics). */
  df: number;
  /** The phrase's most common spelling in the sample (exact term ids). */
  spelling: number[];
}

/** What the reading needs from the archive: its lexicon, and some of the articles writing a term. */
export interface AbbreviationSource {
  lex: Lexicon;
  /** Up to `limit` articles holding folded term `f`, spread over its postings (see SampledArticle). */
  articlesWith(f: number, limit: number): Iterable<SampledArticle>;
}

/** One article's words in order, in its segment's own folded and exact ids (-1 at breaks), and how to read them in the lexicon's. */
export interface SampledArticle {
  folded: ArrayLike<number>;
  exact: ArrayLike<number>;
  foldedTerm: readonly string[];
  lexFolded(g: number): number;
  lexExact(e: number): number;
}

/** A word that may be an abbreviation: 2–6 letters a–z once folded (`đ` → `d`). */
export function abbreviationShape(folded: string): boolean {
  return /^[a-z]{2,6}$/.test(folded);
}

/** A folded term that may be one syllable of a long form: letters only. */
const SYLLABLE = /^[a-z]{1,7}$/;

/**
 * Reads short forms against one state of the archive. Answers are kept until the archive grows or
 * shrinks by a sixteenth (see `fresh`): the evidence is a share and moves slowly, and a live update
 * must not make every query read again.
 */
export class AbbreviationReader {
  private readonly answers = new Map<number, LongForm | null>();
  private builtAt = -1;

  /** `phraseSyllables`: the fewest syllables of a long form read by the phrase rule (default ABBREVIATION_PHRASE; Infinity: the share rule alone). */
  constructor(
    private readonly source: AbbreviationSource,
    private readonly phraseSyllables = ABBREVIATION_PHRASE,
  ) {}

  get lex(): Lexicon {
    return this.source.lex;
  }

  /** Forget what was read when the archive changed size by more than a sixteenth. */
  private fresh() {
    const n = archiveSize(this.source.lex);
    if (this.builtAt >= 0 && Math.abs(n - this.builtAt) * 16 <= this.builtAt) return;
    this.builtAt = n;
    this.answers.clear();
  }

  /** The phrase folded term `f` (a short form) stands for, or null (see the module's comment). */
  longForm(f: number): LongForm | null {
    this.fresh();
    const known = this.answers.get(f);
    if (known !== undefined) return known;
    const candidates = this.candidates(f);
    const found = pickLongForm(this.source.lex, candidates) ?? pickByPhrase(this.source.lex, f, candidates, this.phraseSyllables);
    this.answers.set(f, found);
    return found;
  }

  /**
   * Every phrase of the sampled articles whose syllables' initials are the short form's letters,
   * with how many of those articles write it (the co-occurrence evidence), most first.
   */
  candidates(f: number): LongForm[] {
    const { lex } = this.source;
    const short = lex.foldedTerm[f];
    if (!abbreviationShape(short) || foldedDf(lex, f) < ABBREVIATION_MIN_ARTICLES) return [];
    const k = short.length;
    const found = new Map<string, { syllables: number[]; together: number; spellings: Map<string, number>; around: Map<string, number> }>();
    let sampled = 0;
    const seen = new Set<string>();
    // The words written beside the short form itself (`các KCN`, `tại KCN`), and how often it is written.
    const shortAround = new Map<string, number>();
    let shortWritten = 0;
    for (const art of this.source.articlesWith(f, ABBREVIATION_SAMPLE)) {
      sampled++;
      seen.clear();
      const { folded, exact, foldedTerm } = art;
      for (let i = 0; i < folded.length; i++) {
        if (folded[i] < 0 || foldedTerm[folded[i]] !== short) continue;
        shortWritten++;
        if (i > 0 && folded[i - 1] >= 0) bump(shortAround, `<${foldedTerm[folded[i - 1]]}`);
        if (i + 1 < folded.length && folded[i + 1] >= 0) bump(shortAround, `>${foldedTerm[folded[i + 1]]}`);
      }
      outer: for (let i = 0; i + k <= folded.length; i++) {
        for (let j = 0; j < k; j++) {
          const g = folded[i + j];
          if (g < 0 || foldedTerm[g].charCodeAt(0) !== short.charCodeAt(j)) continue outer;
        }
        const syllables: number[] = [];
        for (let j = 0; j < k; j++) {
          const t = foldedTerm[folded[i + j]];
          if (!SYLLABLE.test(t) || t === short) continue outer;
          syllables.push(art.lexFolded(folded[i + j]));
        }
        const key = syllables.join(" ");
        let c = found.get(key);
        if (!c) found.set(key, (c = { syllables, together: 0, spellings: new Map(), around: new Map() }));
        // The words either side: a phrase nearly always written after or before the same word is a piece of a longer one.
        // (The short form itself beside it is the best evidence, not a longer phrase: `doanh nghiệp nhỏ và vừa (DNNVV)`.)
        if (i > 0 && folded[i - 1] >= 0 && foldedTerm[folded[i - 1]] !== short) bump(c.around, `<${foldedTerm[folded[i - 1]]}`);
        if (i + k < folded.length && folded[i + k] >= 0 && foldedTerm[folded[i + k]] !== short) bump(c.around, `>${foldedTerm[folded[i + k]]}`);
        const spelling = Array.from({ length: k }, (_, j) => art.lexExact(exact[i + j])).join(" ");
        c.spellings.set(spelling, (c.spellings.get(spelling) ?? 0) + 1);
        if (!seen.has(key)) {
          seen.add(key);
          c.together++;
        }
      }
    }
    return [...found.values()]
      .filter((c) => {
        const written = [...c.spellings.values()].reduce((a, b) => a + b, 0);
        return ![...c.around].some(([word, m]) => m > PIECE_SHARE * written && !besideShort(shortAround.get(word) ?? 0, shortWritten));
      })
      .map((c) => ({
        syllables: c.syllables,
        together: c.together,
        sampled,
        df: phraseDf(lex, c.syllables),
        spelling: [...c.spellings]
          .sort((a, b) => b[1] - a[1])[0][0]
          .split(" ")
          .map(Number),
      }))
      .sort((a, b) => b.together - a.together);
  }
}

function bump(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Whether a word written beside a phrase is written beside the short form itself as often as a long
 * form must be written with it (ABBREVIATION_MIN_ARTICLES times, a share ABBREVIATION_SHARE of the
 * short form's occurrences): then it belongs to the sentence, not to a longer phrase (`các khu công
 * nghiệp` and `các KCN`), and does not make the phrase a piece. A piece's neighbour (`công` of
 * `công chức nhà nước`) is not written before the short form of the piece.
 */
export function besideShort(times: number, shortWritten: number): boolean {
  return times >= ABBREVIATION_MIN_ARTICLES && times >= ABBREVIATION_SHARE * shortWritten;
}

/** A phrase's document frequency, estimated as its rarest adjacent pair's. */
function phraseDf(lex: Lexicon, syllables: number[]): number {
  let df = Infinity;
  for (let j = 1; j < syllables.length; j++) df = Math.min(df, pairDf(lex, syllables[j - 1], syllables[j]));
  return df;
}

/** Whether a phrase is written with the short form often enough, and far more often than chance. */
export function qualifies(c: LongForm, archive: number): boolean {
  const share = c.together / Math.max(1, c.sampled);
  const chance = Math.min(1, c.df / Math.max(1, archive));
  return c.together >= ABBREVIATION_MIN_ARTICLES && share >= ABBREVIATION_SHARE && share >= ABBREVIATION_LIFT * chance;
}

/**
 * The long form among the candidates (most written first): the phrase written with the short form
 * most, if it qualifies and leads the next by ABBREVIATION_LEAD. A rare phrase that qualifies by its
 * rarity alone never outranks a common one that chance explains (`VN`: `Việt Nam` is everywhere).
 */
export function pickLongForm(lex: Lexicon, candidates: LongForm[]): LongForm | null {
  const [best, next] = candidates;
  if (!best || !qualifies(best, archiveSize(lex))) return null;
  return !next || best.together > ABBREVIATION_LEAD * next.together ? best : null;
}

/**
 * The phrase rule, when pickLongForm reads nothing: for a short form `f` of consonants (one holding
 * a vowel may be a syllable of its own: `Đắk`) that the archive writes in more articles than its
 * long form (the short form has replaced it; `TTg` is not the usual spelling of the common `trong
 * thời gian`), a long form of `syllables` or more written with it in ABBREVIATION_MIN_ARTICLES
 * sampled articles, PHRASE_LEAD times as often as the next phrase (`HCM`, in 3,698 articles:
 * `Hồ Chí Minh` in 5 of 200 sampled, no other phrase more than once).
 */
export function pickByPhrase(lex: Lexicon, f: number, candidates: LongForm[], syllables = PHRASE_SYLLABLES): LongForm | null {
  const [best, next] = candidates;
  if (!best || best.syllables.length < syllables || best.together < ABBREVIATION_MIN_ARTICLES) return null;
  if (/[aeiouy]/.test(lex.foldedTerm[f]) || !(foldedDf(lex, f) > best.df)) return null;
  return !next || best.together >= PHRASE_LEAD * next.together ? best : null;
}

const readers = new WeakMap<Archive, Map<number, AbbreviationReader>>();

/** One reader per archive (and phrase rule), shared by its matchers: a reading is paid once per archive state, not once per matcher. */
export function abbreviationReaderOf(archive: Archive, phraseSyllables = ABBREVIATION_PHRASE): AbbreviationReader {
  let byRule = readers.get(archive);
  if (!byRule) readers.set(archive, (byRule = new Map()));
  let r = byRule.get(phraseSyllables);
  if (!r) byRule.set(phraseSyllables, (r = new AbbreviationReader(archiveAbbreviations(archive), phraseSyllables)));
  return r;
}

/** The reading's source over a live archive: a spread of the term's postings, each article's stream. */
export function archiveAbbreviations(archive: Archive): AbbreviationSource {
  const lex = archive.lexicon;
  return {
    lex,
    *articlesWith(f, limit) {
      const term = lex.foldedTerm[f];
      const spans = archive.segments.map((seg) => {
        const g = seg.rank.foldedId.get(term);
        return g === undefined ? 0 : seg.rank.foldedStart[g + 1] - seg.rank.foldedStart[g];
      });
      const total = spans.reduce((a, b) => a + b, 0);
      const step = Math.max(1, total / limit);
      let next = 0;
      let base = 0;
      for (let s = 0; s < archive.segments.length; s++) {
        const seg = archive.segments[s];
        const rank = seg.rank;
        const g = rank.foldedId.get(term);
        for (; g !== undefined && next < base + spans[s]; next += step) {
          const d = rank.foldedDocs[rank.foldedStart[g] + Math.floor(next - base)];
          if (rank.deleted?.[d] || seg.gone[d]) continue;
          const from = rank.docStart[d];
          const exact = new Int32Array(Math.min(SAMPLE_TOKENS, rank.docStart[d + 1] - from));
          const folded = new Int32Array(exact.length);
          for (let i = 0; i < exact.length; i++) {
            const e = tokenAt(rank.stream, from + i);
            exact[i] = e === BREAK ? -1 : e;
            folded[i] = e === BREAK ? -1 : rank.foldedOf[e];
          }
          yield {
            folded,
            exact,
            foldedTerm: rank.foldedTerm,
            lexFolded: (g) => lex.foldedId.get(rank.foldedTerm[g]) ?? -1,
            lexExact: (e) => lex.exactId.get(rank.exactTerm[e]) ?? -1,
          };
        }
        base += spans[s];
      }
    },
  };
}

/** Whether a query word may be read as a short form: typed in capitals (`TQ`, `ĐBQH`), or in lower case (`hlv`) where the archive writes it capitalised. */
function typedShort(lex: Lexicon, w: QueryWord, f: number | undefined): boolean {
  if (f === undefined || w.quoted || w.tight || !abbreviationShape(w.folded)) return false;
  // Typed in capitals, the last word is a whole abbreviation (`phụ nữ lăng mạ CSGT`), not one being typed.
  if (/^\p{Lu}+$/u.test(w.text)) return true;
  // In lower case, only consonants (`hlv`, `csgt`, `dbqh`): a name typed in lower case (`moon`, `grab`, `lee`) is not read.
  return !w.prefix && /^\p{Ll}+$/u.test(w.text) && !/[aeiouy]/.test(w.folded) && writtenAsName(lex.shared?.cases, f, NAME_SHARE);
}

/** How the long form's syllable is written most with the short form, capitalised where the archive writes it so. */
function spelled(lex: Lexicon, e: number, f: number): { text: string; term: string } {
  const term = e >= 0 ? lex.exactTerm[e] : lex.foldedTerm[f];
  const text = writtenAsName(lex.shared?.cases, f, 0.5) ? term[0].toUpperCase() + term.slice(1) : term;
  return { text, term };
}

/** The fewest words of a long form typed in the query that is read as its short form too (two-word ones — `đại học`, `du lịch` — added more unwanted articles than they found: rank23). */
export const LONG_FORM_WORDS = 3;

/**
 * The query read with its abbreviations: a short form (`TQ`) is replaced by its long form's
 * syllables (`Trung Quốc`), a run of words that is a long form (`huấn luyện viên`) is kept; in
 * both, each of the long form's words also matches the short form (`whole`, as for words typed
 * run together), so the reading only adds articles. A part of a word typed run together
 * (`TPHCM`: `TP` `HCM`) is read as a short form too, its syllables still matching the word as typed
 * (`also`: an article writing `TPHCM` holds every word). Words already read as a long form's
 * (`whole[i] >= 0`, not a part), quoted or in a phrase are left as they are, and so is a last word
 * being typed unless typed in capitals.
 */
export function readAbbreviations(reader: AbbreviationReader, query: SplitQuery, longWords = LONG_FORM_WORDS): SplitQuery {
  const lex = reader.lex;
  const words: QueryWord[] = [];
  const whole: number[] = [];
  const also: number[] = [];
  const moved: number[] = [];
  const free = (i: number) => !(query.whole[i] >= 0) && query.words[i].phrase < 0 && !query.words[i].quoted;
  // A part of a word typed run together (splitRunTogether: its `whole` shared with a neighbour) may be a short form.
  const part = (i: number) => query.whole[i] >= 0 && (query.whole[i - 1] === query.whole[i] || query.whole[i + 1] === query.whole[i]);
  let changed = false;
  for (let i = 0; i < query.words.length; i++) {
    const w = query.words[i];
    moved.push(words.length);
    const f = lex.foldedId.get(w.folded);
    // A short form typed: its long form's syllables, joined, each also matching the short form.
    const short = (free(i) || (part(i) && !w.quoted && w.phrase < 0)) && typedShort(lex, w, f);
    const long = short && words.length + query.words.length - i < MAX_WORDS ? reader.longForm(f!) : null;
    if (long && words.length + long.syllables.length + query.words.length - i - 1 <= MAX_WORDS) {
      long.syllables.forEach((s, k) => {
        const { text, term } = spelled(lex, long.spelling[k], s);
        const folded = lex.foldedTerm[s];
        words.push({ ...w, text, term, folded, marked: term !== folded, prefix: false, joinsPrev: k === 0 ? w.joinsPrev : true, phrase: -1 });
        whole.push(f!);
        also.push(query.whole[i] ?? -1);
      });
      changed = true;
      continue;
    }
    // A long form typed: the longest run from here whose initials are a short form standing for it.
    let taken = 0;
    for (let k = Math.min(6, query.words.length - i); k >= Math.max(2, longWords) && !taken; k--) {
      const run = query.words.slice(i, i + k);
      if (!run.every((r, j) => free(i + j) && !r.prefix && (j === 0 || r.joinsPrev) && /^[a-z]+$/.test(r.folded))) continue;
      const g = lex.foldedId.get(run.map((r) => r.folded[0]).join(""));
      if (g === undefined || !writtenAsName(lex.shared?.cases, g, NAME_SHARE)) continue;
      const back = reader.longForm(g);
      if (back && back.syllables.length === k && back.syllables.every((s, j) => lex.foldedTerm[s] === run[j].folded)) taken = k;
      if (taken) {
        for (let j = 0; j < k; j++) {
          if (j > 0) moved.push(words.length);
          words.push(query.words[i + j]);
          whole.push(g);
          also.push(query.also?.[i + j] ?? -1);
        }
      }
    }
    if (taken) {
      changed = true;
      i += taken - 1;
      continue;
    }
    words.push(w);
    whole.push(query.whole[i] ?? -1);
    also.push(query.also?.[i] ?? -1);
  }
  if (!changed) return query;
  return { ...query, words, whole, also, phrases: query.phrases.map((p) => p.map((i) => moved[i])) };
}
