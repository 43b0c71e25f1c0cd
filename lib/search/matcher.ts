// Matching, ranking and snippets over the live archive. A query is parsed and expanded
// once against the archive's vocabulary, then scored segment by segment with
// archive-wide statistics, so a segment's size never changes a score.
import { PLACES } from "@/lib/corpus/names";
import { slugify } from "@/lib/corpus/text";
import type { Article } from "@/lib/corpus/types";
import type { Archive, Loc } from "@/lib/index/archive";
import { memoryArchive } from "@/lib/index/memory";
import type { Segment as IndexSegment } from "@/lib/index/segment";
import { ACCENT_SCAN, accentReading, holdersOf } from "@/lib/search/accents";
import { applyEdits, correctQuery, rareNameFix } from "@/lib/search/correct";
import { expandQuery, typoMemo, type Group } from "@/lib/search/query-expand";
import { joinGlued, splitRunTogether, withWhole } from "@/lib/search/run-together";
import { ABBREVIATION_PHRASE, abbreviationReaderOf, LONG_FORM_WORDS, readAbbreviations } from "@/lib/search/abbreviations";
import { nameIds, titleCounter, titleNameTerms } from "@/lib/search/title-names";
import { rarestWordTerms, subjectCounts, subjectShare } from "@/lib/search/subject";
import { NAME_SHARE, writtenAsName } from "@/lib/search/word-case";
import { parseQuery, unquotedQuery, type ParsedQuery } from "@/lib/search/query-parse";
import { personCountsOf, personIdsOf } from "@/lib/search/person-ids";
import { keyTerms, relatedIn } from "@/lib/search/rank-related";
import { postingsUpTo, type RankIndex } from "@/lib/search/rank-index";
import {
  boundQuery,
  createScratch,
  excludedDocs,
  NEAR_MISS,
  wideFrom,
  unwrittenAbbreviations,
  wideMayLack,
  nameRuns,
  type ExcludedTerms,
  type ProximityScorer,
  RANK_WEIGHTS,
  type RankWeights,
  type Scratch,
  type ScoreRequest,
  type NearMissRule,
} from "@/lib/search/rank-score";
import { bestPassage, gatedOut, highlightText, markRules, maskOfTerm, packFirstUnits, type MarkRules, type StreamWords } from "@/lib/search/snippet";
import { suggestQuery } from "@/lib/search/suggest";
import { isExact, selectTop, type Sort } from "@/lib/search/topk";
import type { Segment } from "@/lib/api/contract";

/** One matched article: where it lives and its relevance. */
export interface Hit extends Loc {
  /** The exact score, or a lower bound of it while `bound` is above it (see MatchResult.refine). */
  score: number;
  /** An upper bound of the exact score; absent or equal to `score` once the score is exact. */
  bound?: number;
}

/** A near miss: an article lacking minor query words only (rank-score.ts NEAR_MISS), saying which. */
export interface NearMiss extends Hit {
  /** The query words it lacks, as typed. */
  missing: string[];
}

/**
 * "all": every word as typed, or a confident correction that says so (the default);
 * "exact": every word as typed, never corrected; "any": articles with some of the words.
 */
export type MatchMode = "all" | "exact" | "any";

export interface MatchResult {
  /**
   * Articles with every word (as typed, or as corrected). A hit's positional features (pairs,
   * near words) are computed only when its score is needed (`refine`, `top`): until then
   * `score` is a lower bound and `bound` an upper one. The same holds for `nearMisses`.
   */
  hits: Hit[];
  /**
   * Articles lacking minor words only of a query of 3+ words (rank-score.ts minorWords,
   * lackAllowed), or a wide share of a query of 3+ words (NearMissRule.wideShort, wideWords),
   * listed saying what they lack. With no article holding every word, only those `alone` allows.
   */
  nearMisses: NearMiss[];
  /**
   * True when no article holds every word and `nearMisses` are listed on their own: lacking
   * only words typed in lower case, never a name, a number or a quoted word (NearMissRule.alone).
   */
  alone: boolean;
  /**
   * True when near misses are ranked with the full matches by score (by relevance; their
   * coverage feature is what missing a word costs); false when every full match comes first.
   */
  mixed: boolean;
  /** Make these hits' (or near misses') scores exact. */
  refine(hits: Hit[]): void;
  /** Lower a hit's upper bound where pair filters were left unread (no scan); true when it moved. */
  tighten(hit: Hit): boolean;
  /** The first k hits under `sort` (default: best first) among `hits` (default: every full match), scores exact. */
  top(k: number, sort?: Sort, hits?: readonly Hit[]): Hit[];
  /** Article id → exact relevance score of every full match (built on first use, for tests and tools). */
  readonly scores: Map<string, number>;
  /** True when the hits match some words, not every one (mode "any"). */
  relaxed: boolean;
  /** A query worth offering: a spelling, or the marked reading of an unmarked query. */
  suggestion: string | null;
  /** The query searched instead of the typed one (nothing matched as typed), or null. */
  correctedQuery: string | null;
  /** False when only part of the candidates could be checked (phrases): the hits are a lower bound. */
  totalExact: boolean;
  /** True when the query's work budget cut it short: the hits may miss matching articles. */
  partial: boolean;
  /** Postings charged to the query's work budget (its words, completions, corrections and suggestions checked). */
  postings: number;
  /** Postings scored, charged to the query's score budget (SCORE_BUDGET). */
  scored: number;
}

/**
 * Places of two or more words (names.ts PLACES, slugged): typed with capitals, a place is read
 * as a name whose words stand together (rank-score.ts nameRuns), as a person is. An article
 * holding `trung` (of `trung tâm`) and `quốc` apart is not about `Trung Quốc`. Issue #9,
 * rank16 (docs/history/relevance-log.md).
 */
export const PLACE_NAMES: ReadonlySet<string> = new Set(PLACES.filter((p) => p.includes(" ")).map(slugify));

/** The fewest words of a name typed in lower case read as a name (rank-score.ts nameRuns `lowerWords`). Issue #9, rank17. */
export const LOWER_NAME_WORDS = 3;

export interface MatcherOptions {
  /**
   * Postings a query may read (its words, their completions, corrections and suggestions
   * checked, over every segment, newest first). Past it, the widest completions are left out, older
   * segments are not read and no correction is tried, and the result says `partial`.
   */
  budget?: number;
  /**
   * Postings a query may score (see SCORE_BUDGET): past it, only the first articles of the
   * segment being read are kept, older segments are not read, and the result says `partial`.
   */
  scoreBudget?: number;
  /** Ranking weights (default RANK_WEIGHTS): for experiments such as scripts/eval/ablate.ts. */
  weights?: RankWeights;
  /** Let results miss words worth up to this share of the query's idf: an experiment only (issue #11 keeps 0). */
  missShare?: number;
  /** Find near misses (default true; false for experiments). */
  nearMiss?: boolean;
  /** Which words a near miss may lack (default rank-score.ts NEAR_MISS). */
  nearMissRule?: NearMissRule;
  /** Rank near misses with the full matches by score (default MIX_NEAR_MISSES); false: after every full match. */
  mix?: boolean;
  /** Read a rare capitalised word as its far commoner spelling when the query finds almost nothing (default true; correct.ts rareNameFix). */
  nameFix?: boolean;
  /** Read a word typed run together (`tphcm`) as the two words the archive writes (default true; run-together.ts). */
  runTogether?: boolean;
  /** Let two syllables typed apart (`plei krong`) match the word the archive writes glued (`Pleikrông`) too, when the glued word is written at most as often as the pair, a pair in at most GLUED_MAX_APART articles (default true; run-together.ts joinGlued). */
  glued?: boolean;
  /** Read an abbreviation (`TQ`) as the long form the archive writes with it too, and a long form as its abbreviation (default true; abbreviations.ts). */
  abbreviations?: boolean;
  /** The fewest words of a typed long form read as its abbreviation too (default LONG_FORM_WORDS 3; Infinity: never). */
  abbreviationLong?: number;
  /** The fewest syllables of a long form read by the phrase rule when the share rule fails (default ABBREVIATION_PHRASE, Infinity: off; PHRASE_SYLLABLES 3 reads `HCM`, `THPT`: abbreviations.ts, rank33). */
  abbreviationPhrase?: number;
  /** Names typed with capitals must stand together (default true; false for experiments). */
  names?: boolean;
  /**
   * Places of two or more words typed with capitals (`Trung Quốc`, `Hà Nội`, names.ts PLACES)
   * are names too (see PLACE_NAMES; default true; false: people only, as before 2026-11-27).
   */
  placeNames?: boolean;
  /**
   * A person's name typed in lower case, three words or more (`phan dinh tung`), is a name too
   * (rank-score.ts nameRuns `lowerWords`, LOWER_NAME_WORDS; default true; false: as before 2026-11-27).
   */
  lowerNames?: boolean;
  /**
   * A person's name keeps only its core (rank-score.ts nameRuns `articles`): a stretch the facet
   * names in one article only drops a word at its edge while the rest is still a person it names
   * (default true; false: the longest known stretch stands together, as before 2026-11-29 rank31).
   */
  nameCore?: boolean;
  /**
   * A month typed after `tháng` (`tháng 10`) also matches the dates written with it (`1/10/2017`,
   * `14.10`, `10/2017`: query-expand.ts monthDates; default true; false: as before 2026-11-29 rank31).
   */
  monthDates?: boolean;
  /** A day and month typed `2/9` also matches `2.9`, and the reverse (query-expand.ts dateSpellings; default true; false: as before 2026-11-27). */
  dateSpellings?: boolean;
  /**
   * A decimal typed `2,4` also matches `2.4`, and the reverse; a reading that could be a date only
   * inside a code (`2,4-D`) (query-expand.ts decimalSpellings; default true; false: as before 2026-11-27 rank21).
   */
  decimalSpellings?: boolean;
  /** Compute every match's exact score at once, no pruning (the reference the pruned top k is tested against). */
  exhaustive?: boolean;
  /** Relevance pages this deep get tight bounds (rank-score.ts ScoreRequest.topHint): tests use small ones. */
  topHint?: number;
  /**
   * A word typed in lower case is a name for RankWeights.titleNames when at least this share
   * of the articles saying it mid-sentence write it capitalised (word-case.ts; `raqqa`,
   * `sharapova`, `thaad`). Default NAME_SHARE; above 1: only words typed with a capital or a
   * digit (as before 2026-11-27 rank19).
   */
  nameShare?: number;
  /**
   * A query whose quoted phrase no article writes (nor any near miss answers) is searched as its
   * words, and the result says so (`correctedQuery`): `"sinh ba cùng trứng"` where the report writes
   * `3 bé sinh cùng trứng`. Default true; false: an honest nothing, as before 2026-11-28 rank26.
   */
  unquote?: boolean;
}

/**
 * Near misses ranked with the full matches by score (issue #9: coverage a strong feature,
 * not a tier): an article lacking a minor word can outrank a weak full match. Measured in
 * docs/history/relevance-log.md.
 */
export const MIX_NEAR_MISSES = true;

/** Default work budget: far above any ordinary query on millions of articles (a word's postings are at most the archive). */
export const WORK_BUDGET = 20_000_000;

/**
 * Default score budget: postings of articles still in the running that a query may score
 * (ScoreRequest.scoreBudget). A query of sixteen common words scores about 340,000 at 35k
 * articles; the eval and judged queries at most about 100,000 (docs/history/performance-log.md, fast14).
 * Counted in postings, not time, so a cut answer repeats.
 */
export const SCORE_BUDGET = 200_000;

/** Postings read and scored so far by one query, against its budgets. */
interface Meter {
  left: number;
  /** Postings scored so far (against the score budget). */
  scored: number;
  cut: boolean;
}

export interface Matcher {
  /** `null` when the query has no searchable words (browse everything). */
  match(q: string, mode?: MatchMode): MatchResult | null;
  /**
   * The best passage of the article for the query, matched words marked. With `at`, the
   * article is indexed there: its words' terms are read from the index (see StreamWords).
   */
  snippet(article: Article, q: string, at?: StreamPlace): Segment[];
  /**
   * The whole `text` as segments with the query marked (titles, article pages). With `at`,
   * the text's words are indexed there (an article's title: its stream start, character 0).
   */
  highlight(text: string, q: string, at?: StreamPlace): Segment[];
  /** Articles most similar to the one at `loc` (for "Bài liên quan"). */
  related(loc: Loc, n: number): Loc[];
}

/** Where a text's words start in an indexed article's token stream: see StreamWords. */
export interface StreamPlace extends Loc {
  /** Stream position of the text's first word from `fromChar` on. */
  from: number;
  fromChar: number;
}

/** A query analysed once (per archive generation) and reused by match, snippet and highlight. */
interface Prepared {
  q: string;
  parsed: ParsedQuery;
  /** Groups in archive term ids. */
  groups: Group[];
  /** Names typed with capitals (rank-score.ts nameRuns): their words must stand together. */
  names: number[][];
  /** The query's names and codes as a title may write them (title-names.ts, RankWeights.titleNames). */
  titleNames: string[][];
  /** The query's rarest word as a title or text may write it (subject.ts, RankWeights.subject). */
  subject: string[] | null;
  excluded: ExcludedTerms[];
  /** Mask of the words no article writes, completions aside (rank-score.ts ScoreRequest.unwritten). */
  unwritten: number;
  results: Map<MatchMode, MatchResult | null>;
  rules?: MarkRules;
  /** This query's stamp in the segments' mask caches (see MaskCache), 0 until a snippet needs one. */
  stamp: number;
  /** Mask of missing query words → their typed words (see wordsOf). */
  missing: Map<number, string[]>;
}

/**
 * Per segment: the query-word mask of each exact term id `e` at `[2e + 1]`, valid where `[2e]`
 * holds the asking query's stamp (one typed array sized to the segment's terms, made once and
 * shared by every query: no map lookup per word of a snippet, nothing cleared between queries).
 * A term's stamp and mask side by side: a shown article's words are scattered over a large
 * vocabulary, and one memory read finds both. `units`: each term's packFirstUnits, 0 until a
 * query first meets the term, then kept for every later query (a term's first units do not
 * depend on the query), so a term a later query's gate rules out costs no string read.
 */
interface MaskCache {
  masks: Int32Array;
  units: Uint32Array;
}

/** Stamps of prepared queries, for MaskCache (process-wide: caches are per segment). */
let lastStamp = 0;

const CACHE_SIZE = 64;
/** Names in the title: a binary search per article and spelling costs about this many postings read in one pass (addTitleNames). */
const TITLE_SEARCH_COST = 16;

/** Fewer full matches than this: a rare capitalised word is tried as its far commoner spelling (correct.ts rareNameFix)… */
const NAME_FIX_BELOW = 3;
/** …kept when the corrected query finds this many times more full matches (and at least NAME_FIX_BELOW). */
const NAME_FIX_GAIN = 3;

/** The matcher of an archive, or of articles indexed in memory (tests, tools). */
export function createMatcher(
  source: Archive | readonly Article[],
  {
    budget = WORK_BUDGET,
    scoreBudget = SCORE_BUDGET,
    weights,
    missShare,
    nearMiss = true,
    nearMissRule,
    mix = MIX_NEAR_MISSES,
    names = true,
    placeNames = true,
    lowerNames = true,
    nameCore = true,
    monthDates = true,
    dateSpellings = true,
    decimalSpellings = true,
    exhaustive = false,
    topHint,
    nameFix = true,
    runTogether = true,
    glued = true,
    abbreviations = true,
    abbreviationLong = LONG_FORM_WORDS,
    abbreviationPhrase = ABBREVIATION_PHRASE,
    nameShare = NAME_SHARE,
    unquote = true,
  }: MatcherOptions = {},
): Matcher {
  const archive = Array.isArray(source) ? memoryArchive(source as readonly Article[]) : (source as Archive);
  // Wide near misses (NearMissRule.wideWords, wideShort) are looked for only when the full matches are few (see NearMissRule.wideBelow).
  const wideRule: NearMissRule = { ...(nearMissRule ?? NEAR_MISS), alone: false };
  const narrowRule: NearMissRule = { ...wideRule, wideWords: 0, wideShort: 0 };
  // With no full match: wide near misses alone, lacking lower-case words only (NearMissRule.alone).
  const asked = nearMissRule ?? NEAR_MISS;
  const aloneRule: NearMissRule | null = asked.listAlone > 0 || asked.alone ? { ...wideRule, alone: true } : null;
  /** The fewest words of a query whose near misses may be listed alone (the `alone` experiment: from wideFrom). */
  const aloneFrom = asked.alone ? wideFrom(wideRule) : Math.max(asked.listAlone, wideFrom(wideRule));
  const lex = archive.lexicon;
  const abbreviationReader = abbreviationReaderOf(archive, abbreviationPhrase);
  const scratches = new WeakMap<IndexSegment, Scratch>();
  const maskCaches = new WeakMap<IndexSegment, MaskCache>();
  const cache = new Map<string, Prepared>();
  let cacheGeneration = -1;
  /** Whether some segment's person facet holds this id (names: a run of capitals that is a person). */
  const isPerson = (slug: string) => archive.segments.some((seg) => personIdsOf(seg).has(slug));
  /** How many articles the person facet names this id in (nameCore). */
  const personArticles = (slug: string) => archive.segments.reduce((n, seg) => n + (personCountsOf(seg).get(slug) ?? 0), 0);

  /** A word typed in lower case that the archive writes as a name (nameShare). */
  const lowerName = nameShare <= 1 ? (folded: string) => writtenAsName(lex.shared?.cases, lex.foldedId.get(folded), nameShare) : undefined;

  const scratchOf = (seg: IndexSegment) => {
    let s = scratches.get(seg);
    if (!s) scratches.set(seg, (s = createScratch(seg.rank)));
    return s;
  };

  function prepare(q: string): Prepared {
    if (cacheGeneration !== archive.generation) {
      cache.clear();
      cacheGeneration = archive.generation;
    }
    const hit = cache.get(q);
    if (hit) {
      cache.delete(q);
      cache.set(q, hit);
      return hit;
    }
    // Words typed run together (`tphcm`) read as the two the archive writes (run-together.ts).
    const typed = parseQuery(q);
    const cut = runTogether ? splitRunTogether(lex, typed) : { ...typed, whole: [] };
    // Syllables typed apart that the archive writes glued (`plei krong`: `Pleikrông`) match the glued word too.
    const split = glued ? joinGlued(lex, cut) : cut;
    // Abbreviations and their long forms, each matching the other (abbreviations.ts).
    const parsed = abbreviations ? readAbbreviations(abbreviationReader, split, abbreviationLong) : split;
    const groups = withWhole(expandQuery(lex, parsed.words, dateSpellings, decimalSpellings, monthDates), parsed.whole, parsed.also);
    const prepared: Prepared = {
      q,
      parsed,
      groups,
      titleNames: titleNameTerms(lex, groups, lowerName),
      // Looked up only when the feature is on (RANK_WEIGHTS.subject is 0: no per-query cost).
      subject: (weights ?? RANK_WEIGHTS).subject ? rarestWordTerms(lex, groups) : null,
      // A name holding a word typed run together (`son tung mtp`: `m` `tp`) is not one: the article may write the word whole (`MTP`), which no phrase of its parts finds.
      names: names
        ? nameRuns(
            parsed.words,
            (slug) => isPerson(slug) || (placeNames && PLACE_NAMES.has(slug)),
            lowerNames ? LOWER_NAME_WORDS : 0,
            nameCore ? personArticles : undefined,
          ).filter((run) => run.every((i) => !(parsed.whole[i] >= 0)))
        : [],
      excluded: parsed.excluded.map((tokens) => excludedTerms(lex, tokens)),
      unwritten: groups.reduce((m, g, i) => (g.terms.some((t) => t.base) ? m : m | (1 << i)), 0),
      results: new Map(),
      stamp: 0,
      missing: new Map(),
    };
    cache.set(q, prepared);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return prepared;
  }

  /**
   * Every segment's hits; `capped` is set when a segment's phrase check was capped. Each
   * segment's postings are charged to `meter`: past the budget, a segment's widest
   * completions are left out, and older segments are not read (`meter.cut`): segments are
   * read newest first.
   */
  /** `vouch`: phrases some hit must hold (see ScoreRequest.vouch); `hits.vouched` says whether one does. `exists`: only whether there are full matches is asked (ScoreRequest.exists). */
  function scoreAll(
    p: Prepared,
    groups: Group[],
    mode: "all" | "any",
    meter: Meter,
    phrases = p.parsed.phrases,
    near: NearMiss[] | null = null,
    vouch: number[][] | null = null,
    rule: NearMissRule | undefined = narrowRule,
    countJoined = false,
    exists = false,
  ): Scored {
    // Flags and scorers first, the hits at the end (each segment's own list, joined in segment order).
    const flags: Pick<Scored, "capped" | "vouched" | "joined" | "proximity"> = { proximity: new Map<IndexSegment, ProximityScorer>() };
    // Newest segment first: a query cut by its budget keeps the latest articles (news, and a
    // file just added), not the archive's oldest. Hits are still listed in segment order.
    const segments = archive.segments;
    const found: Hit[][] = segments.map(() => []);
    const nearFound: NearMiss[][] = segments.map(() => []);
    for (let s = segments.length - 1; s >= 0; s--) {
      const seg = segments[s];
      // Local groups are copies: leaving a completion out here changes nothing else.
      const local = localize(archive, seg, groups, p.excluded);
      const docLimit = withinBudget(seg, local.groups, meter);
      if ((docLimit === 0 && meter.cut) || meter.scored >= scoreBudget) {
        meter.cut = true;
        break;
      }
      const req: ScoreRequest = {
        groups: local.groups,
        phrases: mode === "all" ? phrases : [],
        names: p.names,
        excluded: local.excluded,
        mode,
        weights,
        missShare,
        nearMiss: !!near,
        nearMissRule: rule,
        unwritten: p.unwritten,
        vouch: vouch ?? undefined,
        topHint,
        countJoined: countJoined ? wideRule.wideBelow : undefined,
        exists,
        docLimit,
        scoreBudget: scoreBudget - meter.scored,
      };
      const b = boundQuery(seg.rank, scratchOf(seg), req);
      meter.scored += req.scored ?? 0;
      if (req.cutAt !== undefined) meter.cut = true;
      if (req.capped) flags.capped = true;
      if (req.vouched) flags.vouched = true;
      if (req.joined !== undefined) flags.joined = (flags.joined ?? 0) + req.joined;
      if (b.proximity) flags.proximity.set(seg, b.proximity);
      const misses = req.nearMisses;
      const { docs, lower, upper } = b;
      // Full matches come first and lack no word (with missShare, an experiment, one may also be a near miss).
      const first = missShare ? 0 : b.full;
      const mine = found[s];
      for (let i = 0; i < first; i++) mine.push({ seg, d: docs[i], score: lower[i], bound: upper[i] });
      for (let i = first; i < docs.length; i++) {
        const d = docs[i];
        const lack = misses?.get(d);
        if (lack === undefined) mine.push({ seg, d, score: lower[i], bound: upper[i] });
        else nearFound[s].push({ seg, d, score: lower[i], bound: upper[i], missing: wordsOf(p, lack) });
      }
    }
    // One segment (most archives): its list is the answer, not copied hit by hit (thousands for a common query).
    let all = found[0] ?? [];
    if (found.length > 1) {
      all = [];
      for (const mine of found) for (const h of mine) all.push(h);
    }
    if (near) for (const mine of nearFound) for (const m of mine) near.push(m);
    return Object.assign(all, flags);
  }

  /** The typed words of a mask of query words (one list per mask and query, shared by its near misses). */
  function wordsOf(p: Prepared, mask: number): string[] {
    let words = p.missing.get(mask);
    if (!words) p.missing.set(mask, (words = p.parsed.words.flatMap((w, i) => (mask & (1 << i) ? [w.text] : []))));
    return words;
  }

  /**
   * Charge a segment's postings to the meter, first leaving out completions (widest first)
   * that would overrun it. When even the words alone overrun it, only the segment's first
   * articles are read, as many as the budget's postings reach (cutAt). Returns how many
   * articles of the segment are read (its first ones): 0 = none.
   */
  function withinBudget(seg: IndexSegment, groups: Group[], meter: Meter): number {
    const { foldedStart } = seg.rank;
    const postings = (t: { f: number }) => foldedStart[t.f + 1] - foldedStart[t.f];
    let cost = 0;
    for (const g of groups) for (const t of g.terms) cost += postings(t);
    if (cost > meter.left) {
      const extra = groups.flatMap((g) => g.terms.filter((t) => !t.base).map((t) => ({ g, t })));
      extra.sort((a, b) => postings(b.t) - postings(a.t));
      for (const { g, t } of extra) {
        if (cost <= meter.left) break;
        g.terms = g.terms.filter((x) => x !== t);
        cost -= postings(t);
        meter.cut = true;
      }
    }
    let limit = seg.rank.n;
    if (cost > meter.left) {
      limit = cutAt(seg.rank, groups, meter.left);
      cost = postingsUpTo(seg.rank, groups, limit);
      meter.cut = true;
    }
    meter.left -= cost;
    return limit;
  }

  const finish = (hits: Scored, meter: Meter, extra: Partial<Omit<MatchResult, "hits" | "scores" | "refine" | "tighten" | "top">> = {}) =>
    result(hits, { mixed: mix, postings: budget - meter.left, scored: meter.scored, ...extra }, exhaustive);

  function run(p: Prepared, mode: MatchMode): MatchResult | null {
    const { parsed } = p;
    const meter: Meter = { left: budget, scored: 0, cut: false };
    // The query's words' typo candidates, looked up once whether a correction or a suggestion asks.
    const typos = typoMemo(lex);
    if (!parsed.words.length) {
      if (!parsed.excluded.length) return null;
      // Only exclusions: every article without them.
      const hits: Hit[] = [];
      for (const seg of archive.segments) {
        const local = localize(archive, seg, [], p.excluded);
        const drop = excludedDocs(seg.rank, scratchOf(seg), local.excluded);
        for (let d = 0; d < seg.rank.n; d++) if (!seg.rank.deleted?.[d] && !drop.has(d)) hits.push({ seg, d, score: 0 });
      }
      return finish(Object.assign(hits, { proximity: new Map() }), meter);
    }
    // Looser, when asked: articles holding some of the words, as typed (never look-alikes).
    if (mode === "any") return finish(scoreAll(p, p.groups, "any", meter), meter, { relaxed: true, partial: meter.cut });
    let near: NearMiss[] = [];
    // A query none of whose words the wide rule may lack (all quoted, say) is not scored twice.
    const widens = nearMiss && wideMayLack(p.groups, wideRule);
    let hits = scoreAll(p, p.groups, "all", meter, parsed.phrases, nearMiss && mode === "all" ? near : null, null, narrowRule, widens && wideRule.wideJoined);
    // Full matches that say the query somewhere, not only hold its words scattered (NearMissRule.wideJoined).
    const answered = hits.joined ?? hits.length;
    if (widens && hits.length > 0 && answered < wideRule.wideBelow) {
      // A query of wideFrom+ words with few full matches: scored again with its wide near misses (NearMissRule.wideBelow).
      const wideNear: NearMiss[] = [];
      const wideMeter: Meter = { left: meter.left, scored: meter.scored, cut: false };
      const wideHits = scoreAll(p, p.groups, "all", wideMeter, parsed.phrases, wideNear, null, wideRule);
      if (!wideMeter.cut) [hits, near, meter.left, meter.scored] = [wideHits, wideNear, wideMeter.left, wideMeter.scored];
    }
    if (hits.length && hits.length < NAME_FIX_BELOW && nameFix && mode === "all" && !meter.cut) {
      // Almost nothing as typed: a misspelt foreign name read as its far commoner spelling, when that finds several times more (and says so).
      // The corrected query is answered as any query is (its near misses too); each fix removes a rare word, so this ends.
      const fix = rareNameFix(lex, p.q, parsed, typos);
      const fixed = fix ? run(prepare(fix.query), mode) : null;
      if (fix && fixed && !fixed.correctedQuery && fixed.hits.length >= Math.max(NAME_FIX_BELOW, NAME_FIX_GAIN * hits.length)) {
        fixed.correctedQuery = fix.query;
        return fixed;
      }
    }
    if (hits.length) {
      addTitleNames(p, hits, near);
      addSubject(p, hits, near);
      // The best matches by their per-word features vote for a reading (no positional scan needed).
      const reading = p.parsed.words.some((w) => w.marked) ? null : accentReading(lex, parsed.words, topHits(hits, ACCENT_SCAN));
      if (reading) {
        const wanted = reading.filter(Boolean);
        const accent = (weights ?? RANK_WEIGHTS).accent;
        // Who holds the reading: one pass over its spellings' postings per segment (holdersOf).
        // Hits come segment by segment: the holders of the segment last seen are kept at hand.
        const holders = new Map<IndexSegment, Uint8Array>();
        let seg: IndexSegment | null = null;
        let held: Uint8Array = new Uint8Array(0);
        const boost = (h: Hit) => {
          if (h.seg !== seg) {
            seg = h.seg;
            let of = holders.get(seg);
            if (!of) holders.set(seg, (of = holdersOf(seg.rank, wanted)));
            held = of;
          }
          if (held[h.d] !== wanted.length) return;
          h.score += accent;
          if (h.bound !== undefined) h.bound += accent;
        };
        // Indexed loops: run is compiled once per query at best, and its for-of made an iterator result per hit.
        for (let i = 0; i < hits.length; i++) boost(hits[i]);
        for (let i = 0; i < near.length; i++) boost(near[i]);
      }
      // The reading comes from the matched articles themselves: it finds them.
      const suggestion = reading ? readingText(p, reading) : offered(suggestQuery(lex, p.q, parsed, false, typos), meter);
      return finish(hits, meter, { nearMisses: near, suggestion, totalExact: !hits.capped && !meter.cut, partial: meter.cut });
    }
    // Nothing has every word as typed: a confident correction that says so (tried once, after the
    // readings below), or an honest nothing. A correction is only tried within the budget: else the
    // honest nothing says it was cut.
    let tried = false;
    const correction = (): MatchResult | null => {
      if (tried) return null;
      tried = true;
      if (meter.left <= 0 || meter.scored >= scoreBudget) meter.cut = true;
      const fix = mode === "all" && !meter.cut ? correctQuery(lex, p.q, parsed, typos) : null;
      if (!fix) return null;
      const c = prepare(fix.query);
      // Each typo fix must really stand next to the neighbour that vouched for it in some
      // hit: checked as the fixed query is scored (once).
      const fixed = scoreAll(c, c.groups, "all", meter, c.parsed.phrases, null, fix.pairs);
      return fixed.vouched ? finish(fixed, meter, { correctedQuery: fix.query, totalExact: !fixed.capped && !meter.cut, partial: meter.cut }) : null;
    };
    if (aloneRule && nearMiss && mode === "all" && wideFrom(aloneRule) > 0 && p.groups.length >= aloneFrom) {
      // Near misses alone would lack an abbreviation no article writes: a typo of one some article
      // writes (`NHNNN`) is corrected first (NearMissRule.aloneUnwritten).
      const fixedFirst = aloneRule.aloneUnwritten && unwrittenAbbreviations(p.groups, p.unwritten) ? correction() : null;
      if (fixedFirst) return fixedFirst;
      const alone: NearMiss[] = [];
      const aloneMeter: Meter = { left: meter.left, scored: meter.scored, cut: false };
      const none = scoreAll(p, p.groups, "all", aloneMeter, parsed.phrases, alone, null, aloneRule);
      // No article holds every word (the first pass was not cut): a total of 0 is exact.
      if (alone.length && !aloneMeter.cut)
        return finish(none, aloneMeter, { nearMisses: alone, alone: true, totalExact: !hits.capped && !meter.cut, partial: meter.cut });
    }
    // A quote no article writes: its words, said as a corrected query (the page offers the quote as typed: match "exact").
    if (unquote && mode === "all" && !meter.cut) {
      const words = unquotedQuery(p.q);
      const asWords = words ? run(prepare(words), mode) : null;
      if (asWords && (asWords.hits.length || asWords.nearMisses.length)) {
        asWords.correctedQuery ??= words;
        return asWords;
      }
    }
    const fixed = correction();
    if (fixed) return fixed;
    return finish(Object.assign([], { proximity: new Map() }), meter, {
      suggestion: offered(suggestQuery(lex, p.q, parsed, true, typos), meter),
      totalExact: !hits.capped && !meter.cut,
      partial: meter.cut,
    });
  }

  /**
   * Names in the title (RankWeights.titleNames): weight × the share of the query's names each
   * article's title holds, on its score and bound. Per segment and name, whichever reads less: a
   * binary search per article in each of the name's spellings' postings, or one pass over those
   * postings (title-names.ts titlePasses).
   */
  function addTitleNames(p: Prepared, hits: Hit[], near: NearMiss[]) {
    const weight = (weights ?? RANK_WEIGHTS).titleNames;
    if (!weight || !p.titleNames.length) return;
    const each = weight / p.titleNames.length;
    for (const [seg, list] of bySegment(hits, near)) {
      const rank = seg.rank;
      const heldBy = titleCounter(rank, nameIds(rank, p.titleNames), list.length, TITLE_SEARCH_COST);
      for (const h of list) {
        const held = heldBy(h.d);
        if (!held) continue;
        h.score += each * held;
        if (h.bound !== undefined) h.bound += each * held;
      }
    }
  }

  /**
   * The query's subject (RankWeights.subject): weight × each article's share (subject.ts
   * subjectShare) on its score and bound, read per segment from the rarest word's postings.
   */
  function addSubject(p: Prepared, hits: Hit[], near: NearMiss[]) {
    const { subject: weight, subjectMentions } = weights ?? RANK_WEIGHTS;
    if (!weight || !p.subject) return;
    for (const [seg, list] of bySegment(hits, near)) {
      const countOf = subjectCounts(seg.rank, p.subject, list.length, TITLE_SEARCH_COST);
      for (const h of list) {
        const add = weight * subjectShare(countOf(h.d), subjectMentions);
        h.score += add;
        if (h.bound !== undefined) h.bound += add;
      }
    }
  }

  /** The full matches and near misses, by segment (the parts read per segment's postings). */
  function bySegment(hits: Hit[], near: NearMiss[]): Map<IndexSegment, Hit[]> {
    const bySeg = new Map<IndexSegment, Hit[]>();
    for (const list of [hits, near]) {
      for (const h of list) {
        let of = bySeg.get(h.seg);
        if (!of) bySeg.set(h.seg, (of = []));
        of.push(h);
      }
    }
    return bySeg;
  }

  /** A suggestion is offered only when it finds something as typed (checked within the budget). */
  function offered(q: string | null, meter: Meter): string | null {
    if (!q || meter.left <= 0 || meter.scored >= scoreBudget) return null;
    const p = prepare(q);
    // The check's own meter: a suggestion left out never makes the answer partial.
    const check: Meter = { left: meter.left, scored: meter.scored, cut: false };
    // Only whether it finds one: its full matches without their scores where no phrase or name decides them (ScoreRequest.exists).
    const found = p.parsed.words.length > 0 && scoreAll(p, p.groups, "all", check, p.parsed.phrases, null, null, narrowRule, false, true).length > 0;
    meter.left = check.left;
    meter.scored = check.scored;
    return found && !check.cut ? q : null;
  }

  /** The query with each decided word in its marked spelling (the typed capitals kept). */
  function readingText(p: Prepared, reading: string[]): string {
    const edits = p.parsed.words.flatMap((w, i) => {
      const term = reading[i];
      if (!term) return [];
      const text = w.text[0] !== w.text[0].toLowerCase() ? term[0].toUpperCase() + term.slice(1) : term;
      // The second part of a word typed run together (run-together.ts) is written apart.
      const apart = i > 0 && p.parsed.words[i - 1].end === w.start ? " " : "";
      return [{ start: w.start, end: w.end, text: apart + text }];
    });
    return applyEdits(p.q, edits);
  }

  function rulesOf(p: Prepared): MarkRules {
    p.rules ??= markRules(
      p.groups,
      (f) => lex.foldedTerm[f],
      (e) => lex.exactTerm[e],
    );
    return p.rules;
  }

  /** The stream of the article at `at`, with masks computed once per term and query. */
  function streamWords(p: Prepared, rules: MarkRules, at: StreamPlace): StreamWords {
    const { rank } = at.seg;
    if (!p.stamp) p.stamp = ++lastStamp;
    let cache = maskCaches.get(at.seg);
    if (!cache) maskCaches.set(at.seg, (cache = { masks: new Int32Array(2 * rank.exactTerm.length), units: new Uint32Array(rank.exactTerm.length) }));
    const { masks, units } = cache;
    const mine = p.stamp;
    const firsts = rules.firsts;
    return {
      stream: rank.stream,
      from: at.from,
      to: rank.docStart[at.d + 1],
      fromChar: at.fromChar,
      term: (e) => rank.exactTerm[e],
      maskOf(e) {
        const i = 2 * e;
        if (masks[i] === mine) return masks[i + 1];
        masks[i] = mine;
        if (firsts) {
          let packed = units[e];
          if (packed === 0) packed = units[e] = packFirstUnits(rank.exactTerm[e], rank.foldedTerm[rank.foldedOf[e]]);
          if (packed !== 0 && gatedOut(firsts, packed)) return (masks[i + 1] = 0);
        }
        return (masks[i + 1] = maskOfTerm(rules, rank.exactTerm[e], rank.foldedTerm[rank.foldedOf[e]]));
      },
    };
  }

  return {
    match(q, mode = "all") {
      const p = prepare(q);
      if (!p.results.has(mode)) p.results.set(mode, run(p, mode));
      return p.results.get(mode) ?? null;
    },
    snippet(article, q, at) {
      const p = prepare(q);
      const rules = rulesOf(p);
      const passage = bestPassage(article.paragraphs.join("\n"), rules, at && streamWords(p, rules, at));
      if (passage.some((seg) => seg.mark) || !article.captions.length) return passage;
      // The match may be in a photo caption only: show the caption rather than no mark.
      const caption = bestPassage(article.captions.join("\n"), rules);
      return caption.some((seg) => seg.mark) ? caption : passage;
    },
    highlight(text, q, at) {
      const p = prepare(q);
      const rules = rulesOf(p);
      return highlightText(text, rules, at && streamWords(p, rules, at));
    },
    related(loc, n) {
      const keys = keyTerms(loc.seg.rank, loc.d);
      const scored: Hit[] = [];
      for (const seg of archive.segments) {
        for (const [d, score] of relatedIn(seg.rank, keys, seg === loc.seg ? loc.d : -1)) scored.push({ seg, d, score });
      }
      return scored.sort((a, b) => b.score - a.score || (a.seg.rank.ids[a.d] < b.seg.rank.ids[b.d] ? -1 : 1)).slice(0, Math.max(0, n));
    },
  };
}

/** The k best hits, best first, without sorting them all (a common word matches most of the archive). */
function topHits(hits: Hit[], k: number): Hit[] {
  if (hits.length <= k) return hits;
  const best: Hit[] = [];
  for (const h of hits) {
    if (best.length === k && h.score <= best[k - 1].score) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (best[mid].score >= h.score) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, h);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Hits of one scoring, with what computes their positional features per segment. */
type Scored = Hit[] & { capped?: boolean; proximity: Map<IndexSegment, ProximityScorer>; vouched?: boolean; joined?: number };

/** Make hits' scores exact: each segment's positional scorer armed once for its hits. */
function refineHits(scored: Scored, hits: Hit[]) {
  const bySeg = new Map<IndexSegment, Hit[]>();
  for (const h of hits) {
    if (isExact(h)) continue;
    let list = bySeg.get(h.seg);
    if (!list) bySeg.set(h.seg, (list = []));
    list.push(h);
  }
  for (const [seg, list] of bySeg) {
    const prox = scored.proximity.get(seg);
    if (prox) prox.arm();
    try {
      for (const h of list) {
        if (prox) h.score += prox.score(h.d);
        h.bound = h.score;
      }
    } finally {
      prox?.release();
    }
  }
}

/**
 * The most articles of a segment (its first ones) whose postings of the groups' terms fit
 * in `left`: where a query past its work budget stops reading (a binary search over the
 * article numbers, each step a binary search in each term's postings).
 */
export function cutAt(index: RankIndex, groups: Group[], left: number): number {
  let lo = 0;
  let hi = index.n;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (postingsUpTo(index, groups, mid) <= left) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function result(hits: Scored, extra: Partial<Omit<MatchResult, "hits" | "scores" | "refine" | "tighten" | "top">> = {}, exhaustive = false): MatchResult {
  let scores: Map<string, number> | null = null;
  // Near misses come from the same scorings as the hits: the same positional scorers refine them.
  const refine = (some: Hit[]) => refineHits(hits, some);
  const tighten = (h: Hit) => {
    if (isExact(h)) return false;
    const by = hits.proximity.get(h.seg)?.tighten(h.d) ?? 0;
    if (by > 0) h.bound! -= by;
    return by > 0;
  };
  if (exhaustive) {
    refine(hits);
    refine(extra.nearMisses ?? []);
  }
  return {
    hits,
    nearMisses: [],
    alone: false,
    mixed: false,
    relaxed: false,
    suggestion: null,
    correctedQuery: null,
    totalExact: true,
    partial: false,
    postings: 0,
    scored: 0,
    ...extra,
    refine,
    tighten,
    top: (k, sort, some = hits) => selectTop(some, k, sort, refine, undefined, tighten),
    get scores() {
      if (!scores) {
        refine(hits);
        scores = new Map(hits.map((h) => [h.seg.rank.ids[h.d], h.score]));
      }
      return scores;
    },
  };
}

function excludedTerms(lex: Archive["lexicon"], tokens: { term: string; folded: string }[]): ExcludedTerms {
  const folded: number[] = [];
  const exact: number[] = [];
  for (const t of tokens) {
    if (t.term !== t.folded) exact.push(lex.exactId.get(t.term) ?? -1);
    else folded.push(lex.foldedId.get(t.folded) ?? -1);
  }
  // A word absent from the archive excludes nothing.
  if (folded.includes(-1) || exact.includes(-1)) return { folded: [], exact: [] };
  return { folded, exact };
}

/** Groups and exclusions in one segment's term ids (the matcher's, and scripts/eval/explain.ts's). */
export function localize(archive: Archive, seg: IndexSegment, groups: Group[], excluded: ExcludedTerms[]) {
  const local = groups.map((g) => ({
    ...g,
    terms: g.terms.flatMap((t) => {
      const f = archive.localFolded(seg, t.f);
      if (f < 0) return [];
      if (t.e === undefined) return [{ ...t, f }];
      // A marked spelling: in this segment's own exact ids, or not here at all.
      const e = archive.localExact(seg, t.e);
      return e < 0 ? [] : [{ ...t, f, e }];
    }),
    exact: g.exact < 0 ? -1 : archive.localExact(seg, g.exact),
  }));
  const ex = excluded.map((x) => ({ folded: x.folded.map((f) => archive.localFolded(seg, f)), exact: x.exact.map((e) => archive.localExact(seg, e)) }));
  // A word absent from this segment excludes nothing here.
  return { groups: local, excluded: ex.filter((x) => !x.folded.includes(-1) && !x.exact.includes(-1)) };
}
