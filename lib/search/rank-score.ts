// Scoring: one additive score of named features per article (RankFeatures, weights in
// RANK_WEIGHTS). Term-at-a-time BM25F over typed posting lists (cheap even for syllables
// in every article) gives every candidate its per-word features; the positional features
// (pairs of query words, adjacent or near each other, and the title part of joined words)
// need a pass over the article's token stream, so they are computed lazily: each
// candidate gets a lower bound (its per-word features) and an upper bound (the positional
// parts bounded by the per-field counts of each query word in that article, from the
// postings), and a top-k selection (lib/search/topk.ts) scans only the candidates whose
// upper bound can still beat the k-th exact score. Quoted phrases decide which articles
// match, so their candidates are scanned at once.
//
// Which articles are results is decided apart from the score: in "all" mode every word
// (issue #11: never an article missing a word as if it matched), plus, when asked, near
// misses: articles lacking one minor word (see minorWords, lackAllowed), reported apart
// with the words they lack so they are never shown as full matches (the matcher ranks them
// with the full matches by score: coverage is what a missing word costs); in "any" mode
// some words, ranked by coverage first because coverage carries the largest weight.
import { popcount } from "@/lib/search/bits";
import { IntList } from "@/lib/search/int-list";
import type { Expansion, Group } from "@/lib/search/query-expand";
import { mayHoldAny, pairFilter, pairProbes, type PairFilter } from "@/lib/search/pair-filter";
import { archiveSize, ESCAPE, foldedDf, pairDf, postingsBelow, postingsUpTo, tokenAt, type RankIndex } from "@/lib/search/rank-index";
import { kthLargest, mapped } from "@/lib/search/topk";
import { isSyllable } from "@/lib/text/telex";
import { exactVariants } from "@/lib/search/variants";

/** Weights of the three fields inside one BM25F saturation. */
export interface FieldWeights {
  title: number;
  lead: number;
  body: number;
}

/** Every weight of the ranking, in one place (measured in docs/history/relevance-log.md). */
export interface RankWeights {
  /** BM25 saturation, shared by every part. */
  k1: number;
  /** Text part: BM25F of each word, its title, lead and body (and caption) occurrences weighted by field and saturated together. */
  fields: FieldWeights;
  /**
   * Title part: title occurrences saturate on their own and count this × the idf on top
   * of the text part, so a title match keeps counting however many body mentions another
   * article has. Counted per query word for a word standing alone, and per adjacent pair
   * in the title for words joined to a neighbour (a syllable of a compound found apart
   * from its partner is usually another word: `Đàm luận về phán quyết` is not `đàm phán`).
   */
  title: number;
  /**
   * Which joined neighbours are one word for the title part: those the archive writes
   * adjacent in at least this share of the articles holding the rarer of the two (`đàm
   * phán`, `tên lửa`); other neighbours (`Macron đắc`) keep a title part per word. 0: every
   * joined pair is one word.
   */
  compound: number;
  /**
   * Coverage: this × the share of the query's idf the article holds (a word matched only
   * through a completion counts its expansion weight). A missing function word costs its
   * small share, a missing rare word a large one. It is what a near miss pays for the
   * minor word it lacks when near misses are ranked with the full matches (matcher.ts
   * MIX_NEAR_MISSES): 120 × its share (at most NEAR_MISS.share, so ≤ 18 points), so an
   * article lacking `ở` can outrank a full match only by saying the rest much better
   * (title, pairs, flow). Tuned on the judged sets: 20, 40, 80, 120, 200 measured
   * (docs/history/relevance-log.md, 2026-11-26 05:30–06:00).
   */
  coverage: number;
  /**
   * How informative a word is, for what lacking it costs (issue #9: "a missing function word
   * costs less than a missing content word"): a near miss pays `coverage` × the lacked words'
   * share of the query's idf^this, not of its idf. Above 1, a common word (a verb, `rời`,
   * `thăm`, in thousands of articles) costs less and a rare name more than its idf share; a
   * full match is unchanged (it lacks nothing). 1 = the idf share (before 2026-11-27 rank20).
   */
  coveragePower: number;
  /**
   * A near miss saying the rest of the query in its head gets back this share of what it lacks:
   * coverage × the lacked words' idf share × this × the share of the words it holds (by idf) that
   * its title or lead holds. An article with every other word in its title lacking a verb the
   * report says in other words (`Tuchel rời Dortmund`: `sa thải`) pays less than one holding the
   * same words in its body. 0 = off.
   */
  lackForgive: number;
  /**
   * Head: this × the share of the query's words found in the title or the lead (about it,
   * not a passing mention), each word weighted by its idf to the power `headPower`, a word
   * found in the lead but not the title counting `headLead` of one in the title. With
   * `headCompound` 1, a compound's syllable (see `compound`) in the title counts as one in
   * the lead unless the positional pass finds the compound written whole in the title (as
   * the title part does): found apart from its partner it is another word (`Đàm luận về
   * phán quyết` does not hold `đàm phán` in its title). The shares sum to 1, so the feature
   * stays ≤ this. See docs/history/relevance-log.md for what each setting measured.
   */
  head: number;
  headLead: number;
  headPower: number;
  headCompound: number;
  /**
   * Adjacent pairs of query words: BM25F over pair occurrences (weighted by field like
   * `pairFields`) with the pair's own idf, × this. A Vietnamese word is often two
   * syllables: the pair is the word.
   */
  pairs: number;
  pairFields: FieldWeights;
  /**
   * Query neighbours within `window` positions of each other in one field, not adjacent:
   * BM25F over such occurrences (weighted by `pairFields`) with the commoner word's idf,
   * × this × (1 − how often the archive writes the two adjacent: a compound's syllables
   * found apart are not near each other, they are other words).
   */
  near: number;
  window: number;
  /**
   * Flow: this × the number of the query's joined pairs × the share of them (weighted by
   * each pair's idf) that the title or the lead writes adjacent (a pair found there only
   * within `window` counts `flowNear`). `pairs` saturates per pair and counts body
   * occurrences, so a long article that writes many of a long query's common compounds
   * (`tên lửa`, `không quân`) somewhere can outscore one whose head reads like the query;
   * flow rewards the article whose title or lead says what the query says, in its order,
   * and grows with the query's pairs, as `pairs` does. Per pair ≤ this × idf share: bounded.
   */
  flow: number;
  flowNear: number;
  /**
   * Fit (issue #9, rank22): this × the share of the title's words that are the query's words
   * (each query word's title occurrences, from the postings' title counts, over the title's
   * length; at most 1). Of two titles that both hold the query, the one that says little else is
   * about it (`Hoàng Oanh chia tay bạn trai sau 3 năm yêu`); the one that says the query among
   * more (an aftermath, a list, a side story: `9 tính năng … mà Apple không giới thiệu ở WWDC
   * 2017`) is less often. Read in the per-word pass: exact in the lower bound, ≤ this. 0 = off
   * (before 2026-11-28). 40: chosen by every fold of leave-one-set-out on fifteen sets (10–60
   * measured; docs/history/relevance-log.md, rank22).
   */
  fit: number;
  /**
   * Span (issue #9, item 3): this × the square of the largest share of the query's idf
   * whose words (as typed) all occur within one window of max(`window`, 2 × the query's
   * words) positions, a window ending in the title or lead at full weight, one ending in
   * the body × `spanBody`: the query said in one place, not scattered over a long article.
   * Bounded by this × the square of the share the article holds (coverage). 0 = off.
   */
  span: number;
  spanBody: number;
  /**
   * Accent (issue #11, item 5): added by the matcher to every article that writes an
   * unmarked query's likely marked reading (`hoa binh` → `hòa bình`, accents.ts). Not part
   * of scoreQuery's sum: the reading is decided from the best hits, so it comes after
   * scoring. A constant per article, so it bounds itself: a block's bound grows by at most this.
   */
  accent: number;
  /**
   * Names in the title (issue #9, rank18 2026-11-27): added by the matcher to every article, this ×
   * the share of the query's names and codes (words typed with a capital or a digit: `Iran`,
   * `THAAD`, `U23`) that its title holds (lib/search/title-names.ts). Like `accent`, not part of
   * scoreQuery's sum: read from the postings' title counts after scoring, added to the score and
   * the bound alike, so a block's bound grows by at most this. 0 = off.
   */
  titleNames: number;
  /**
   * The query's subject (issue #9, rank32): added by the matcher to every article, this × 1 when
   * its title holds the query's rarest word, else × its mentions of that word in the lead and body
   * over `subjectMentions` (at most 1) (lib/search/subject.ts). A title holding only the query's
   * common words (`điều trần`) no longer outscores the reports naming its subject (`Sessions`) all
   * through their text. Like `titleNames`, read from the postings' counts after scoring, on the
   * score and the bound alike, so a block's bound grows by at most this. 0 = off.
   */
  subject: number;
  subjectMentions: number;
  /**
   * What a code's inner pairs count in `pairs`, `near` and `flow` (× their weight): the letters
   * and digits of a code typed together or with a hyphen (`G7`, `U-23`, `2,4-D`) are one word as
   * typed, which the analyzer splits (analyzer.ts WORD) and the query must match as a phrase; as
   * pairs they would count the code's every mention a second time. 1: as any joined pair.
   */
  codePairs: number;
  /**
   * Marks in the term frequency (issue #9, item 2): 1 = a word typed with marks counts the
   * occurrences of its own spelling (read from the article's token stream in the positional
   * pass; the folded count bounds it), so `bão` is not scored by an article's many `báo`;
   * 0 = the folded count (every spelling of the syllable). Its df is the marked spelling's
   * either way. Off: on the judged sets it changed three queries' fifth result for the worse
   * and cost about a fifth of match()'s median time (docs/history/relevance-log.md, 2026-11-26).
   */
  marks: number;
}

export const RANK_WEIGHTS: RankWeights = {
  k1: 1.2,
  fields: { title: 5, lead: 2, body: 1 },
  title: 1,
  compound: 0.2,
  coverage: 120,
  coveragePower: 1,
  lackForgive: 0,
  head: 5,
  headLead: 1,
  headPower: 1,
  headCompound: 0,
  pairs: 1,
  pairFields: { title: 5, lead: 2, body: 0.5 },
  near: 0.5,
  window: 6,
  flow: 4,
  flowNear: 0.5,
  fit: 40,
  span: 0,
  spanBody: 0.5,
  accent: 2,
  titleNames: 10,
  subject: 0,
  subjectMentions: 5,
  codePairs: 0,
  marks: 0,
};

/** The named parts of an article's score; the score is their sum. */
export interface RankFeatures {
  title: number;
  text: number;
  coverage: number;
  head: number;
  pairs: number;
  near: number;
  flow: number;
  span: number;
  fit: number;
}

export const FEATURE_NAMES: readonly (keyof RankFeatures)[] = ["title", "text", "coverage", "head", "pairs", "near", "flow", "span", "fit"];

/** Stream break marker, as a local constant: imported bindings are slow in hot loops. */
const BREAK = -1;
/** Candidates checked for quoted phrases (the best by their per-word features). */
const PHRASE_SCAN = 4000;
/**
 * Pages by relevance up to this many hits get the tight positional bound for every match
 * that can reach them (see run: MaxScore's cut); deeper pages stay exact, with looser bounds.
 */
const TOP_HINT = 200;
/** A syllable in more than this share of articles is "common". */
const COMMON_SHARE = 0.05;

/**
 * Near misses (issue #9): an article may lack a query word when the query has at least
 * `words` words and that word is minor: at most `share` of the query's idf, in at least
 * `df` of the archive's articles (a common syllable, never a rare content word), and not
 * inside a quoted phrase. It may lack `lack` such words, or `longLack` in a query of
 * `longWords` words or more. Measured in docs/history/relevance-log.md.
 */
export interface NearMissRule {
  words: number;
  share: number;
  /**
   * A word is minor when its share of the query's idf^this is at most `share` (1: of its idf,
   * before 2026-11-27 rank20): above 1, a common word beside rare names is minor sooner, as
   * RankWeights.coveragePower charges it less.
   */
  sharePower: number;
  df: number;
  lack: number;
  longWords: number;
  longLack: number;
  /**
   * Long queries (`wideWords` words or more; 0 = off): an article may also lack any words,
   * content words too, worth together at most `wideShare` of the query's idf. A long query
   * is a description, and an article on its topic rarely writes all of it (`tháo gỡ bom`
   * where the report says `vô hiệu hóa`, a season `2016-2017` it writes `2016/17` or not at
   * all). Never a quoted word or a word of a known name, and a hyphenated unit only whole.
   * Coverage charges the article what it lacks; near misses still need a full match beside them.
   */
  wideWords: number;
  wideShare: number;
  /**
   * Shorter queries (`wideShort` words up to `wideWords`; 0 = off) get the wide rule too,
   * held to what a reader would call another wording of the same story: only words typed in
   * lower case without a digit (never a name, a place or a number: `vượt ngục ở Congo` is
   * not answered by a jailbreak in Indonesia), and a compound's syllables only together
   * (`chia tay` may be lacked, `đình` of `gia đình` may not). `sư trụ trì trộm chuông`: the
   * other reports say the monk sold the bell (docs/history/relevance-log.md, session of 2026-11-26 19:26).
   * From 3 words since 2026-11-27 (rank20; 4 before): `Tuchel rời Dortmund`, whose reports say
   * `sa thải`, had only full matches holding the three words apart.
   */
  wideShort: number;
  /**
   * A run of joined words each typed with a capital (`Tây Nguyên`, `Hải Vân`) is lacked only
   * whole, as a hyphenated unit is: half of it is another place (`miền Tây`). A run the archive
   * knows as a person is never lacked at all (see nameRuns).
   */
  capitalRuns: boolean;
  /**
   * The matcher looks for wide near misses only when fewer full matches than this exist
   * (a first page they do not fill): a second scoring pass for those queries alone, so a
   * long query with many full matches costs what it did (Infinity: always).
   */
  wideBelow: number;
  /**
   * Count toward `wideBelow` only the full matches that may write one of the query's joined
   * pairs adjacent (their pair filters say so), not those holding every word scattered over
   * the article: a query of common syllables (typed without marks, most often) has many
   * such articles and few that answer it (`luu duc hoa nga ngua`: `Lưu`, `Đức`, `hòa`,
   * `Nga`, `ngừa` far apart in an article on malware). A query with no joined pair counts
   * every full match.
   */
  wideJoined: boolean;
  /**
   * With `wideJoined`: the share of the query's joined pairs a full match must possibly write
   * adjacent to count toward `wideBelow`, rounded down (at least one; 0: one pair, as before
   * rank29). Rounded down, a query of four words or fewer still needs one pair, so its wide pass
   * runs as often as before (rounded up it ran for 13 of the 250 latency queries, a sum +7–10%). A long
   * query of common syllables typed without marks has many full matches writing one common pair
   * (`điều tra`, `lĩnh án`) and few writing the rest of it: held-out22's g29 `dieu tra vien
   * chuyen an nam cam linh an`, whose reports saying `bị 5 năm tù` were never looked for.
   */
  wideJoinedShare: number;
  /**
   * With `wideJoinedShare` asking two pairs or more: each joined pair counts by its idf (the
   * archive's pair statistics) over the mean idf of the query's joined pairs, not as one pair, so
   * a full match writing only common pairs does not count as saying the query: held-out23's i09
   * `thang may roi o quang ninh`, where any article from the province writes `ở Quảng Ninh` (two of
   * five pairs, a third of the pairs' idf) and the reports lacking `rơi` were never looked for.
   * A query asking one pair (four words or fewer) counts any pair, as before: the wide pass
   * runs as often for it. Off by default: it moved held-out23 only (+0.005, the set it was written
   * for, with held-out3 −0.004), and leave-one-set-out keeps it off in held-out23's fold
   * (docs/history/relevance-log.md, rank30); kept as an option for `ablate.ts` to re-measure.
   */
  wideJoinedIdf: boolean;
  /**
   * Set by the matcher in the pass that lists near misses alone (see listAlone): when no article
   * holds every word of a query, its wide near misses are listed alone, those lacking only
   * words typed in lower case without a digit (never a name, a number or a year: `Võ Văn
   * Thưởng`, `… 2023` stay absent). Held-out3's k16 `biệt phủ trái phép trên đèo Hải Vân`:
   * every report says `núi Hải Vân`, none `đèo`. See docs/history/relevance-log.md. The matcher scores
   * with it set only in that pass; rank-score then lets a near miss drop lower-case words only.
   */
  alone?: boolean;
  /**
   * When no article holds every word of a query of `listAlone` words or more (0: never), the
   * matcher scores it once more with `alone` set and lists those near misses on their own, the
   * page saying that no article has every word (issue #11 as amended 2026-11-26 22:50). From 4
   * words since 2026-11-28 (rank26; 5 before): `tiêm vắc xin HPV` was an empty page while two
   * reports on HPV shots lack only `vắc xin`, and known items typed with a letter missing find
   * their article more often (docs/history/relevance-log.md). The cost: `Elon Musk mua Twitter`,
   * absent from 2017, lists Musk's articles on Twitter lacking `mua`, struck through. Not from 3:
   * that lists pages where a correction answered better.
   */
  listAlone: number;
  /**
   * Near misses listed alone may also lack an abbreviation the archive never writes (a word of
   * two letters or more typed in capitals only, no digit: ScoreRequest.unwritten): no article
   * can hold it, and an article on the subject writes it out (`Võ Trọng Nghĩa giải RIBA`: the
   * report says `Viện Kiến trúc Hoàng gia Anh`). A name, a number or an abbreviation some
   * article writes is never lacked alone, and a typo of one some article writes (`NHNNN`) is
   * corrected first (the matcher tries its correction before this list). Since 2026-11-28
   * (rank27); false: before.
   */
  aloneUnwritten: boolean;
  /**
   * Near misses listed alone never lack a syllable of a compound (read from the pair statistics,
   * RankWeights.compound: `vô địch` lacking `địch` is another story). With this set, only two
   * Vietnamese syllables make one: a word that is not a syllable (a loanword: `hack`, `selfie`)
   * binds nothing to its neighbour. Held-out26's l01 `galaxy s8 bi hack mong mat`: 18 of the 37
   * articles writing `hack` write `bị hack`, a passive and its verb, so the reports saying `tin
   * tặc`, `qua mặt` were never listed. Since rank33 (docs/history/relevance-log.md); false: before.
   */
  aloneSyllables: boolean;
}

export const NEAR_MISS: NearMissRule = {
  words: 3,
  share: 0.15,
  sharePower: 1,
  df: 0.02,
  lack: 1,
  longWords: 5,
  longLack: 1,
  wideWords: 6,
  wideShare: 0.5,
  wideShort: 3,
  capitalRuns: true,
  wideBelow: 10,
  wideJoined: true,
  wideJoinedShare: 0.5,
  wideJoinedIdf: false,
  listAlone: 4,
  aloneUnwritten: true,
  aloneSyllables: true,
};

/** The fewest words of a query the wide rule applies to (0: never). */
export function wideFrom(rule: NearMissRule): number {
  const from = [rule.wideShort, rule.wideWords].filter((n) => n > 0);
  return from.length ? Math.min(...from) : 0;
}

/**
 * Whether the wide rule could let an article lack some word of this query (wideRule's droppable
 * words, names aside: a superset). When it cannot (every word quoted, or a short query typed
 * with capitals and digits only), a second scoring pass would find no near miss the first did not.
 */
export function wideMayLack(groups: Group[], rule: NearMissRule): boolean {
  const from = wideFrom(rule);
  if (!from || groups.length < from || rule.wideShare <= 0) return false;
  const short = !(rule.wideWords > 0 && groups.length >= rule.wideWords);
  return groups.some((g) => !g.word.quoted && ((!short && !rule.alone) || /^[\p{Ll}\p{M}]+$/u.test(g.word.text)));
}

/** How many minor words a near miss of a query of `n` words may lack. */
export function lackAllowed(n: number, rule: NearMissRule = NEAR_MISS): number {
  return n < rule.words ? 0 : n >= rule.longWords ? Math.max(rule.lack, rule.longLack) : rule.lack;
}

/** The fewest capitalised words in a row that can name a person (`Donald Trump`). */
export const NAME_WORDS = 2;

/** An excluded word: articles holding every term are dropped (exact ids when marked). */
export interface ExcludedTerms {
  folded: number[];
  exact: number[];
}

/** Per-process scratch arrays, reused by every query (JS runs one query at a time). */
export interface Scratch {
  /**
   * Per article, side by side (article d at SUMS × d: one cache line holds them, where four
   * arrays took four): the title and text parts of the words scored so far, the idf of the
   * words held (coverage) and of those in the title or lead (head). See TITLE, TEXT, COVER, HEAD.
   */
  sums: Float64Array;
  /**
   * Per article: the text and title parts of its words typed with marks, computed from the
   * folded counts, which bound them (see RankWeights.marks): the exact parts come from the
   * positional pass, so this is only in the upper bound.
   */
  markUp: Float64Array;
  /** Best values of the current word over its expansions. */
  bestTitle: Float64Array;
  bestText: Float64Array;
  bestCover: Float64Array;
  bestHead: Float64Array;
  /**
   * Per article: the title occurrences of the query words scored so far (RankWeights.fit), and
   * the current word's best over its expansions. Saturated at 255; zero at rest.
   */
  fitCount: Uint8Array;
  bestFit: Uint8Array;
  mask: Int32Array;
  /** Words matched as typed, not through a completion. */
  litMask: Int32Array;
  count: Int32Array;
  /** Per exact term id: query words it matches as typed / through a completion. */
  baseMask: Int32Array;
  expMask: Int32Array;
  /** Per article: the stamp of the marked spelling last seen in it (see accumulate). */
  allow: Int32Array;
  /** Per article: the query words it holds, by the membership pass (see memberPass); with MEMBER set once it is one. */
  held: Int32Array;
  /**
   * Per article: the coverage of the words the membership pass has seen it hold, summed as the
   * scoring pass sums Scratch.sums' COVER, for the wide rule's test (see memberPass). Zero at rest.
   */
  cover: Float64Array;
  /**
   * Per query word g and article d, at g × n + d: the position of the article's posting of the
   * word's term, written by the membership pass (see memberPass) and never cleared: a position is
   * trusted only when it lies in the term's postings and names the article (-1 where the wide rule's
   * pass saw the article leave the running at that word). Grown as needed.
   */
  posAt: Int32Array;
  /**
   * For a word of several terms (a prefix's completions), the postings the membership pass read of
   * articles still in the running, term after term, in order (see memberPass): the scoring pass
   * reads these rather than every posting again. Grown as needed.
   */
  listed: Int32Array;
  /** Per article: its row in `counts` (-1: none yet); `slotted` lists the articles with a row (reused: see IntList). */
  slot: Int32Array;
  slotted: IntList;
  /** Per row: title, lead and body occurrences of each query word (for the positional bounds); grown as needed. */
  counts: Int32Array;
  /**
   * What a bound left to the pair filters, for `tighten` (see createScanner's keepLoose): per
   * article its row (`looseAt`, trusted only when `looseDocs` of that row names the article and
   * the row is below `looseRows`), per row the article and the query's parts. Owned by the last
   * scanner that bounded on this scratch (`looseOwner`): an older scanner's rows are gone, and it
   * tightens nothing (its bounds stay as they were, looser). Reused by every query: nothing the
   * size of the segment is allocated per query.
   */
  looseAt: Int32Array;
  looseDocs: Int32Array;
  looseParts: Float64Array;
  looseRows: number;
  looseOwner: number;
  /**
   * The per-query lists of article numbers, reused (cleared, never shrunk): the articles a query
   * scored (`touched`), the membership pass's articles met and members, the articles met by the
   * word being scored (`hit`) and, under the wide rule, by the word being tested (`met`).
   */
  touched: IntList;
  seen: IntList;
  members: IntList;
  hit: IntList;
  met: IntList;
  /** The membership pass's articles still in the running, in article order, when it skips a common term's postings (see memberPass). */
  running: IntList;
}

/** Scratch.sums: how many values per article, and where each is. */
export const SUMS = 4;
const TITLE = 0;
const TEXT = 1;
const COVER = 2;
const HEAD = 3;

/** Stamps for `Scratch.allow`: a fresh one per marked expansion, so nothing is cleared. */
let stampGen = 0;
/** Scanners, numbered: which one owns a scratch's loose rows (Scratch.looseOwner). */
let scannerGen = 0;

export function createScratch(index: RankIndex): Scratch {
  const f = () => new Float64Array(index.n);
  return {
    sums: new Float64Array(SUMS * index.n),
    markUp: f(),
    bestTitle: f(),
    bestText: f(),
    bestCover: f(),
    bestHead: f(),
    fitCount: new Uint8Array(index.n),
    bestFit: new Uint8Array(index.n),
    mask: new Int32Array(index.n),
    litMask: new Int32Array(index.n),
    count: new Int32Array(index.n),
    baseMask: new Int32Array(index.exactTerm.length),
    expMask: new Int32Array(index.exactTerm.length),
    allow: new Int32Array(index.n),
    held: new Int32Array(index.n),
    cover: f(),
    posAt: new Int32Array(0),
    listed: new Int32Array(0),
    slot: new Int32Array(index.n).fill(-1),
    slotted: new IntList(),
    counts: new Int32Array(0),
    looseAt: new Int32Array(index.n),
    looseDocs: new Int32Array(0),
    looseParts: new Float64Array(0),
    looseRows: 0,
    looseOwner: 0,
    touched: new IntList(),
    seen: new IntList(),
    members: new IntList(),
    hit: new IntList(),
    met: new IntList(),
    running: new IntList(),
  };
}

export function idf(index: RankIndex, df: number): number {
  const n = archiveSize(index);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Archive-wide document frequency of a segment's exact term (its own count when stand-alone). */
function exactDfOf(index: RankIndex, e: number): number {
  return index.shared?.exactDf?.[e] ?? index.exactStart[e + 1] - index.exactStart[e];
}

/**
 * Idf of one expansion: a spelling typed with marks by its own archive-wide statistics
 * (bão is not as common as bão + báo + bảo), an unmarked word by its folded form's.
 */
function termIdf(index: RankIndex, t: Group["terms"][number]): number {
  return idf(index, t.e === undefined ? foldedDf(index, t.f) : exactDfOf(index, t.e));
}

export interface ScoreRequest {
  groups: Group[];
  phrases: number[][];
  /**
   * Names (see nameRuns): word runs that must stand together like a quoted phrase, checked
   * only when every candidate can be checked (at most PHRASE_SCAN of them); past that they
   * are left to the `pairs` feature, so a name never caps `total`.
   */
  names?: number[][];
  excluded: ExcludedTerms[];
  /** "all": every word must match; "any": at least one. */
  mode: "all" | "any";
  /**
   * With "all": articles may miss words worth up to this share of the query's idf (an
   * experiment measured by scripts/eval/ablate.ts; the matcher keeps 0, see issue #11).
   */
  missShare?: number;
  /**
   * With "all": also score near misses, articles lacking minor words only (see
   * NEAR_MISS); scoreQuery puts them in `nearMisses` (article → bit mask of the missing
   * query words), never among the full matches.
   */
  nearMiss?: boolean;
  /** Which words a near miss may lack (default NEAR_MISS; experiments change it). */
  nearMissRule?: NearMissRule;
  /** Set by scoreQuery with `nearMiss`: the near misses, article → mask of the words each lacks. */
  nearMisses?: Map<number, number>;
  weights?: RankWeights;
  /** Set by scoreQuery: true when only part of the candidates could be checked for phrases. */
  capped?: boolean;
  /**
   * With "all": phrases that need not hold in every match, only in one (a typo fix's pairs
   * with the neighbours that vouched for it): `vouched` is set when some candidate holds
   * them with the request's own phrases, checked as a request with all of them as phrases
   * would check its candidates (the best PHRASE_SCAN by their per-word features).
   */
  vouch?: number[][];
  /** Set by scoreQuery with `vouch`. */
  vouched?: boolean;
  /**
   * With "all": set `joined` to how many full matches (counted up to this many) may write one of
   * the query's joined pairs adjacent, by their pair filters (NearMissRule.wideJoined).
   */
  countJoined?: number;
  /** Set by scoreQuery with `countJoined`. */
  joined?: number;
  /**
   * Bit mask of the query words the whole archive never writes (set by the matcher from its
   * lexicon: a segment's own cannot tell). Read in the alone pass (NearMissRule.aloneUnwritten).
   */
  unwritten?: number;
  /** How deep a relevance page gets tight bounds for every match that can reach it (default TOP_HINT; 0: every match). */
  topHint?: number;
  /**
   * Only articles numbered below this are read (default: every article): the work budget's
   * cut inside a segment (matcher.ts withinBudget), the postings of the articles after it
   * never visited.
   */
  docLimit?: number;
  /**
   * Postings the request may score (the work budget's second measure, matcher.ts
   * SCORE_BUDGET: a posting of an article still in the running, as opposed to one skipped).
   * Past it, only the segment's first articles are read (see accumulate). Default: no limit.
   */
  scoreBudget?: number;
  /** Set by scoreQuery: postings scored. */
  scored?: number;
  /**
   * Test and score each posting in one pass, without the membership pass first (see
   * memberPass): the reference the membership pass is tested against. Same answers, slower.
   */
  onePass?: boolean;
  /**
   * The membership pass searches a term's postings for the articles still in the running, rather
   * than reading them all, when they outnumber those articles this many times (default
   * SKIP_RATIO; 0: whenever it may, as the tests ask). Same answers either way.
   */
  skipRatio?: number;
  /** Set by scoreQuery when the score budget cut the segment: the articles read (its first ones). */
  cutAt?: number;
  /**
   * Only which articles are full matches is asked (the matcher's check that a suggestion finds
   * something): with "all" and no phrase, name, near miss, vouch or count to check, the full
   * matches come from the membership pass alone, none scored (every lower and upper bound 0);
   * `scored` and `cutAt` are what the whole scoring sets. Otherwise the request is answered whole.
   */
  exists?: boolean;
}

/** Candidates of a request with their scores bounded: what a top-k selection refines. */
export interface BoundedScores {
  /** Matching articles (segment document numbers); with `nearMiss`, the near misses too (see `req.nearMisses`). */
  docs: number[];
  /** How many of `docs` come first as full matches (the near misses, if any, follow them). */
  full: number;
  /** Per candidate: the per-word features (the exact score when `proximity` is null). */
  lower: Float64Array;
  /** Per candidate: an upper bound of the exact score (equal to `lower` when nothing positional can add to it). */
  upper: Float64Array;
  /** The positional part of a candidate's score (exact score = lower + proximity); null when every score is exact. */
  proximity: ProximityScorer | null;
}

/** The lazily computed positional part of the score; `arm` before scanning, `release` after (scratch is shared by queries). */
export interface ProximityScorer {
  arm(): void;
  /** pairs + near + the title part of joined words, from the article's whole stream. */
  score(d: number): number;
  release(): void;
  /**
   * How much lower article d's upper bound may be once the pair filters its bound left
   * unread are read (MaxScore's cut: only for articles a page reaches); 0 when none were left.
   */
  tighten(d: number): number;
}

/**
 * Article index → exact score for every article the request matches, every candidate scanned (the
 * exhaustive scorer); with `nearMiss`, the near misses' scores too (which they are is in `req.nearMisses`).
 */
export function scoreQuery(index: RankIndex, s: Scratch, req: ScoreRequest): Map<number, number> {
  const out = new Map<number, number>();
  const b = boundQuery(index, s, req);
  const p = b.proximity;
  if (p) p.arm();
  try {
    b.docs.forEach((d, i) => out.set(d, p && b.upper[i] > b.lower[i] ? b.lower[i] + p.score(d) : b.lower[i]));
  } finally {
    p?.release();
  }
  return out;
}

/** Article index → its score and the named features it is the sum of. */
export function explainQuery(index: RankIndex, s: Scratch, req: ScoreRequest): Map<number, { score: number; features: RankFeatures }> {
  const out = new Map<number, { score: number; features: RankFeatures }>();
  run(index, s, req, (d, score, features) => out.set(d, { score, features }));
  return out;
}

/**
 * Every candidate with a lower and an upper bound of its score; nothing positional is
 * scanned unless the query has phrases (which decide the matches).
 */
export function boundQuery(index: RankIndex, s: Scratch, req: ScoreRequest): BoundedScores {
  return run(index, s, req, null);
}

type Explain = (d: number, score: number, features: RankFeatures) => void;
/** What the positional pass adds: pairs, near pairs, the title part of joined words; and the phrase check. */
type Proximity = {
  pairs: number;
  /** RankWeights.fit's part for a compound's syllables: counted only where the title writes the compound whole. */
  fit: number;
  near: number;
  title: number;
  flow: number;
  text: number;
  span: number;
  head: number;
  phrasesOk: boolean;
  phrasesFound: number;
};

/**
 * What an article with no term of any query word in its title or lead (see the scanner's
 * `headless`) can score at most without its postings being read: per query word, its text part
 * at saturation (k1 + 1, the best expansion's idf × weight) plus its coverage part (the title part
 * and head need the title or lead); and the positional ceiling of such an article (pairs, near
 * pairs, span: `ceiling(true)`). Not used by the scorer: scripts/scale/query-profile.ts
 * `--skip-profile` measures how many members a title-first top k could leave unscored.
 */
export function headlessCeilings(index: RankIndex, s: Scratch, groups: Group[], w: RankWeights = RANK_WEIGHTS): { word: Float64Array; positional: number } {
  const stats = queryStats(index, groups);
  const coverage = w.coverage / stats.totalIdf;
  const word = Float64Array.from(groups, (g, i) => {
    let text = 0;
    let cover = 0;
    for (const t of g.terms) {
      text = Math.max(text, t.weight * termIdf(index, t) * (w.k1 + 1));
      cover = Math.max(cover, t.weight);
    }
    return text + coverage * stats.wordIdf[i] * cover;
  });
  return { word, positional: createScanner(index, s, groups, [], w, stats).ceiling(true) };
}

/** Idf of each word as typed, and of the whole query (for coverage and head shares). */
export interface QueryStats {
  wordIdf: Float64Array;
  totalIdf: number;
}

function queryStats(index: RankIndex, groups: Group[]): QueryStats {
  const wordIdf = Float64Array.from(groups, (g) => {
    const base = g.terms.find((t) => t.base) ?? g.terms[0];
    // A word this segment lacks: as rare as a word can be.
    return base ? termIdf(index, base) : idf(index, 0);
  });
  return { wordIdf, totalIdf: wordIdf.reduce((a, b) => a + b, 0) || 1 };
}

/**
 * Bit mask of the query words an article may lack and still be listed as a near miss:
 * only in queries of `rule.words` words or more, a word outside quoted phrases, common
 * in the archive and worth a small share of the query's idf. How many of them one article
 * may lack: lackAllowed.
 */
export function minorWords(index: RankIndex, groups: Group[], stats: QueryStats = queryStats(index, groups), rule: NearMissRule = NEAR_MISS): number {
  if (groups.length < rule.words) return 0;
  const n = archiveSize(index);
  const shares = idfShares(stats.wordIdf, rule.sharePower ?? 1);
  let minor = 0;
  groups.forEach((g, i) => {
    const base = g.terms.find((t) => t.base);
    if (!base || g.word.phrase >= 0) return;
    if (foldedDf(index, base.f) < rule.df * n) return;
    if (shares[i] <= rule.share + 1e-12) minor |= 1 << i;
  });
  return minor;
}

/** Each word's share of the query's idf^power (they sum to 1): how informative it is among the query's words. */
export function idfShares(wordIdf: ArrayLike<number>, power: number): Float64Array {
  const powered = Float64Array.from(wordIdf, (x) => x ** power);
  const sum = powered.reduce((a, b) => a + b, 0) || 1;
  return powered.map((x) => x / sum);
}

/**
 * Per query word, what the coverage feature gives back when an article lacks it (RankWeights.coveragePower):
 * `coverage` × (its idf share − its idf^power share), so a near miss pays the latter; null at power 1.
 */
export function lackCredits(stats: QueryStats, w: RankWeights): Float64Array | null {
  if ((w.coveragePower ?? 1) === 1) return null;
  const powered = idfShares(stats.wordIdf, w.coveragePower);
  return Float64Array.from(stats.wordIdf, (x, i) => w.coverage * (x / stats.totalIdf - powered[i]));
}

/** The coverage given back to an article lacking the words of `missing` (a bit mask): see lackCredits. */
function creditOf(credits: Float64Array, missing: number): number {
  let c = 0;
  for (let i = 0; missing !== 0; i++, missing >>>= 1) if (missing & 1) c += credits[i];
  return c;
}

/**
 * What an article may lack under the wide rule (NearMissRule.wideWords, wideShort): the
 * words it may drop (not quoted, not in a name), the hyphenated units that go only whole,
 * each word's idf and the idf it may lack in all. Null when the rule does not apply.
 */
interface Wide {
  droppable: number;
  units: number[];
  wordIdf: Float64Array;
  budget: number;
}

function wideRule(
  index: RankIndex,
  groups: Group[],
  phrases: number[][],
  names: number[][] | undefined,
  stats: QueryStats,
  rule: NearMissRule,
  w: RankWeights,
  unwritten = 0,
): Wide | null {
  const from = wideFrom(rule);
  if (!from || groups.length < from || rule.wideShare <= 0) return null;
  const short = !(rule.wideWords > 0 && groups.length >= rule.wideWords);
  let droppable = (1 << groups.length) - 1;
  groups.forEach((g, i) => {
    if (g.word.quoted) droppable &= ~(1 << i);
  });
  for (const run of names ?? []) for (const i of run) droppable &= ~(1 << i);
  // Listed alone (no full match beside them): only a word typed in lower case, without a digit,
  // standing on its own (not a syllable of a compound: `vô địch` lacking `địch` is another story).
  // Or an abbreviation no article writes (NearMissRule.aloneUnwritten).
  const lackable = rule.alone && rule.aloneUnwritten ? unwrittenAbbreviations(groups, unwritten) : 0;
  const unwrittenAbbreviation = (i: number) => (lackable & (1 << i)) !== 0;
  if (rule.alone) {
    // Word g and the one before it as one compound; with aloneSyllables, of two Vietnamese syllables only.
    const syllable = (g: number) => !rule.aloneSyllables || isSyllable(groups[g].word.folded);
    const bound = (g: number) => compound(index, groups, g, w) && syllable(g - 1) && syllable(g);
    groups.forEach((g, i) => {
      if (unwrittenAbbreviation(i)) return;
      if (!/^[\p{Ll}\p{M}]+$/u.test(g.word.text) || bound(i) || bound(i + 1)) droppable &= ~(1 << i);
    });
  }
  const units = phrases.map((p) => p.reduce((m, i) => m | (1 << i), 0));
  if (rule.capitalRuns) {
    const capital = (i: number) => /^\p{Lu}/u.test(groups[i].word.text);
    for (let i = 1; i < groups.length; i++) if (capital(i - 1) && capital(i) && groups[i].word.joinsPrev) units.push((1 << (i - 1)) | (1 << i));
  }
  if (short) {
    // A shorter query (NearMissRule.wideShort): words in lower case without a digit, a compound only whole.
    groups.forEach((g, i) => {
      if (!/^[\p{Ll}\p{M}]+$/u.test(g.word.text) && !unwrittenAbbreviation(i)) droppable &= ~(1 << i);
    });
    for (let i = 1; i < groups.length; i++) if (compound(index, groups, i, w)) units.push((1 << (i - 1)) | (1 << i));
  }
  // An abbreviation no article writes is lacked by every article: its idf is added to the budget,
  // which stays the share of what the rest of the query says (the passes sum idf as typed).
  let free = 0;
  groups.forEach((_, i) => {
    if (unwrittenAbbreviation(i)) free += stats.wordIdf[i];
  });
  return { droppable, units, wordIdf: stats.wordIdf, budget: rule.wideShare * (stats.totalIdf - free) + free };
}

/** A word typed in capitals only, two letters or more, no digit (`RIBA`, `TPP`): an abbreviation. */
const ABBREVIATION = /^\p{Lu}{2,}$/u;

/** Mask of the query's abbreviations among its `unwritten` words (ScoreRequest.unwritten): those near misses listed alone may lack. */
export function unwrittenAbbreviations(groups: Group[], unwritten: number): number {
  let mask = 0;
  groups.forEach((g, i) => {
    if (unwritten & (1 << i) && ABBREVIATION.test(g.word.text)) mask |= 1 << i;
  });
  return mask;
}

/** The words an article lacks under the wide rule, when it may lack them; else 0. */
function wideMissMask(mask: number, full: number, wide: Wide): number {
  const missing = full & ~mask;
  if (missing === 0 || missing & ~wide.droppable) return 0;
  for (const u of wide.units) if (missing & u && (missing & u) !== u) return 0;
  let lacked = 0;
  for (let i = 0; i < wide.wordIdf.length; i++) if (missing & (1 << i)) lacked += wide.wordIdf[i];
  return lacked <= wide.budget + 1e-9 ? missing : 0;
}

/** The words an article lacks, when they are minor words and at most `most` of them; else 0. */
function nearMissMask(mask: number, full: number, minor: number, most: number): number {
  const missing = full & ~mask;
  return missing !== 0 && (missing & ~minor) === 0 && popcount(missing) <= most ? missing : 0;
}

/** A bound a little above the exact sum, so float rounding never puts an exact score above it. */
const inflate = (x: number) => x + 1e-9 * (1 + Math.abs(x));

/**
 * An expansion as the scoring passes read it: every field set in the constructor, `e` too (undefined
 * when unmarked), so every term they meet has one shape. Callers build terms as literals with and
 * without `e` and as spreads in another key order; on those, `accumulate` and `memberPass` were
 * deoptimised ("wrong map" at a term's `weight`, a group's `terms`) as each new shape came.
 */
class Term implements Expansion {
  f: number;
  weight: number;
  base: boolean;
  e: number | undefined;

  constructor(t: Expansion) {
    this.f = t.f;
    this.weight = t.weight;
    this.base = t.base;
    this.e = t.e;
  }
}

/** The query words with their terms of one shape (Term) and the groups of one shape: what `run` reads. */
function uniformGroups(groups: Group[]): Group[] {
  return groups.map((g) => ({ word: g.word, terms: g.terms.map((t) => new Term(t)), exact: g.exact }));
}

function run(index: RankIndex, s: Scratch, req: ScoreRequest, explain: Explain | null): BoundedScores {
  const groups = uniformGroups(req.groups);
  const w = req.weights ?? RANK_WEIGHTS;
  const stats = queryStats(index, groups);
  // The articles scored, listed by accumulate in the scratch (reused: see IntList).
  const { touched } = s;
  touched.clear();
  try {
    const rule = req.nearMissRule ?? NEAR_MISS;
    const wide = req.mode === "all" && req.nearMiss ? wideRule(index, groups, req.phrases, req.names, stats, rule, w, req.unwritten ?? 0) : null;
    // Near misses listed alone may lack only what the wide rule lets them (NearMissRule.alone).
    const minor = req.mode === "all" && req.nearMiss ? minorWords(index, groups, stats, rule) & (rule.alone ? (wide?.droppable ?? 0) : -1) : 0;
    const most = minor ? lackAllowed(groups.length, rule) : 0;
    const budget = req.mode === "all" ? (req.missShare ?? 0) * stats.totalIdf : Infinity;
    const docLimit = req.docLimit ?? index.n;
    // Membership alone decides the full matches when nothing positional may drop one (ScoreRequest.exists).
    const membersOnly =
      req.exists === true &&
      req.mode === "all" &&
      budget === 0 &&
      !req.onePass &&
      !minor &&
      !wide &&
      !req.phrases.length &&
      !req.names?.length &&
      !req.vouch &&
      !req.countJoined;
    const work = accumulate(
      index,
      s,
      groups,
      touched,
      budget,
      minor,
      most,
      stats,
      w,
      wide,
      docLimit,
      req.scoreBudget ?? Infinity,
      !req.onePass,
      req.skipRatio,
      membersOnly,
    );
    req.scored = work.scored;
    req.cutAt = work.limit < docLimit ? work.limit : undefined;
    if (membersOnly) {
      req.capped = false;
      // The membership pass's list: live full matches below the cut (see memberPass).
      const docs = dropExcluded(index, s, s.members.toArray(), req.excluded);
      const bounds = new Float64Array(docs.length);
      return { docs, full: docs.length, lower: bounds, upper: bounds, proximity: null };
    }
    // Cut by the score budget: the articles after the cut are out (their sums are partial); the rest keep their order.
    const cutAt = work.limit < docLimit ? work.limit : Infinity;
    // As a plain array, for the rarer paths (any word, a miss share) that filter and keep it.
    const readArray = () => (cutAt < Infinity ? touched.toArray().filter((d) => d < cutAt) : touched.toArray());
    const full = (1 << groups.length) - 1;
    const lackOf = (d: number) => nearMissMask(s.mask[d], full, minor, most) || (wide ? wideMissMask(s.mask[d], full, wide) : 0);
    let candidates: number[] = [];
    let near: number[] = [];
    if (req.mode !== "all") candidates = live(index, s, anyWord(index, s, groups, readArray()), req.excluded);
    else if (req.missShare) {
      const read = readArray();
      const within = read.filter((d) => stats.totalIdf - s.sums[SUMS * d + COVER] <= budget + 1e-9);
      const lacking = minor || wide ? read.filter((d) => lackOf(d) !== 0) : [];
      candidates = live(index, s, within, req.excluded);
      near = live(index, s, lacking, req.excluded);
    } else {
      // Live full matches and near misses in one pass (a full match lacks nothing: never a near miss).
      listMembers(touched, s.mask, index.deleted ?? null, cutAt, full, minor !== 0 || wide !== null ? lackOf : null, candidates, near);
      candidates = dropExcluded(index, s, candidates, req.excluded);
      near = dropExcluded(index, s, near, req.excluded);
    }
    if (minor || wide) {
      // A plain loop: no [article, mask] pair per near miss for the Map's constructor to read.
      const nearMisses = new Map<number, number>();
      for (let i = 0; i < near.length; i++) nearMisses.set(near[i], lackOf(near[i]));
      req.nearMisses = nearMisses;
    }

    const coverage = w.coverage / stats.totalIdf;
    const head = w.head / stats.totalIdf;
    const { sums } = s;
    // What lacking a word costs, weighed by how informative it is (RankWeights.coveragePower): only an article lacking a word reads it.
    const credits = lackCredits(stats, w);
    const forgive = w.lackForgive ?? 0;
    const { mask: held } = s;
    const lackedIdf = (m: number) => {
      let x = 0;
      for (let i = 0; m !== 0; i++, m >>>= 1) if (m & 1) x += stats.wordIdf[i];
      return x;
    };
    const weighed = credits !== null || forgive > 0;
    const cover = weighed
      ? (d: number) => {
          const c = sums[SUMS * d + COVER];
          if (held[d] === full) return coverage * c;
          const lacked = full & ~held[d];
          const inHead = c > 0 ? Math.min(1, sums[SUMS * d + HEAD] / c) : 0;
          return coverage * c + (credits ? creditOf(credits, lacked) : 0) + forgive * coverage * lackedIdf(lacked) * inHead;
        }
      : (d: number) => coverage * sums[SUMS * d + COVER];
    // The share of the title the query's words take (RankWeights.fit): the title occurrences the per-word pass counted over its length.
    const { fitCount } = s;
    const { titleLen } = index;
    const fitWeight = w.fit ?? 0;
    const fitOf = (d: number) => (fitWeight > 0 && titleLen[d] > 0 ? fitWeight * Math.min(1, fitCount[d] / titleLen[d]) : 0);
    // Weighed coverage reads the lacked words; without it, the per-word sum perWordScores also writes.
    const base = weighed
      ? (d: number) => sums[SUMS * d + TITLE] + sums[SUMS * d + TEXT] + cover(d) + head * sums[SUMS * d + HEAD] + fitOf(d)
      : unweighedBase(sums, coverage, head, fitWeight, fitCount, titleLen);
    // Names are checked when every full match can be (near misses beyond PHRASE_SCAN: the best by their per-word features).
    const names = req.names?.length && candidates.length + (wide ? 0 : near.length) <= PHRASE_SCAN ? req.names : [];
    const phrases = req.mode === "all" ? [...req.phrases, ...names] : [];
    const scanner = createScanner(index, s, groups, phrases, w, stats);
    req.capped = req.mode === "all" && req.phrases.length > 0 && candidates.length > PHRASE_SCAN;
    if (req.mode === "all" && req.vouch) {
      // Its own scanner, armed and released before the request's own is armed (shared scratch).
      req.vouched = anyHolds(index, createScanner(index, s, groups, [...phrases, ...req.vouch], w, stats), candidates, base);
    }
    if (phrases.length && !explain) {
      // The phrases decide the matches, checked alone; the holders are then bounded like any match.
      scanner.arm();
      try {
        candidates = phraseHolders(scanner, candidates, base);
        if (near.length) near = phraseHolders(scanner, near, base, (d) => req.nearMisses?.get(d) ?? 0);
      } finally {
        scanner.release();
      }
    } else if (explain) {
      // Every candidate scanned now: explaining needs every feature.
      scanner.arm();
      try {
        const featuresOf = (d: number, p: Proximity): RankFeatures => ({
          title: sums[SUMS * d + TITLE] + p.title,
          text: sums[SUMS * d + TEXT] + p.text,
          coverage: cover(d),
          head: head * sums[SUMS * d + HEAD] + p.head,
          pairs: p.pairs,
          near: p.near,
          flow: p.flow,
          span: p.span,
          fit: fitOf(d) + p.fit,
        });
        const each = explain && ((d: number, score: number, p: Proximity) => explain(d, score, featuresOf(d, p)));
        // Full matches and near misses are checked apart: near misses never take a full match's place in the phrase scans.
        const a = scanned(index, scanner, candidates, base, phrases.length > 0, each);
        // The full matches are those holding the phrases.
        if (req.mode === "all" && req.countJoined)
          req.joined = scanner.countJoined(a.docs, req.countJoined, req.nearMissRule?.wideJoinedShare ?? 0, req.nearMissRule?.wideJoinedIdf ?? false);
        if (!near.length) return a;
        // A near miss lacking a whole hyphenated unit (wide rule) is not asked to hold it as a phrase.
        const b = scanned(index, scanner, near, base, phrases.length > 0, each, (d) => req.nearMisses?.get(d) ?? 0);
        const lower = new Float64Array(a.lower.length + b.lower.length);
        lower.set(a.lower);
        lower.set(b.lower, a.lower.length);
        return { docs: [...a.docs, ...b.docs], full: a.docs.length, lower, upper: lower, proximity: null };
      } finally {
        scanner.release();
      }
    }
    if (req.mode === "all" && req.countJoined)
      req.joined = scanner.countJoined(candidates, req.countJoined, req.nearMissRule?.wideJoinedShare ?? 0, req.nearMissRule?.wideJoinedIdf ?? false);
    const docs = near.length ? candidates.concat(near) : candidates;
    const lower = new Float64Array(docs.length);
    if (weighed) for (let i = 0; i < docs.length; i++) lower[i] = base(docs[i]);
    else perWordScores(docs, lower, sums, coverage, head, fitWeight, fitCount, titleLen);
    const upper = new Float64Array(docs.length);
    // MaxScore's cut: a full match whose bound stays below the TOP_HINT-th best lower bound
    // (less the accent the matcher may add) cannot reach the first TOP_HINT by relevance, so
    // a looser bound serves it: every positional feature at its ceiling (no work per
    // article). The others get their count row's bound with every pair deemed possible: the
    // pair filters (a cache miss per article, most of the bounds' cost) are read later, by
    // the top-k selection, only for the matches a page reaches (ProximityScorer.tighten).
    const ceiling = scanner.ceiling();
    // A match with no query word in its title or lead (its count row says so) can earn no title
    // part, flow or head compound from the positional pass: a lower ceiling, for most matches of a
    // common query. Near misses below the cut take a ceiling too: 200 full matches score above them.
    const ceilingBody = scanner.ceiling(true);
    const hint = req.topHint ?? TOP_HINT;
    const cut = ceiling > 0 && hint > 0 && candidates.length > 2 * hint ? kthLargest(lower.slice(0, candidates.length), hint) - w.accent : -Infinity;
    // markUp is only written with marks in the term frequency (deferMarked): else 0, not read.
    const bounded = boundMembers(scanner, docs, candidates.length, lower, upper, w.marks > 0 ? s.markUp : null, cut, ceiling, ceilingBody);
    const proximity: ProximityScorer | null = bounded
      ? {
          arm: scanner.arm,
          release: scanner.release,
          tighten: scanner.tighten,
          score: (d) => proximityScore(scanner.scan(d, index.docStart[d], index.docStart[d + 1])),
        }
      : null;
    return { docs, full: candidates.length, lower, upper, proximity };
  } finally {
    resetScratch(s, touched, groups.length);
  }
}

// run's loops over every member are functions of their own: run reads requests whose arrays
// and objects come in several maps (an empty list is another elements kind than a full one),
// and when its optimised code meets one it was not built for, V8 deoptimises that call and
// keeps the code, so each later query of that kind finished run in the interpreter; these
// loops, thousands of members for a common query, stay optimised whatever run's state.

/** The live full matches (`candidates`) and near misses (`near`, when `lackOf` is given) of the articles scored, below `cutAt`. */
function listMembers(
  touched: IntList,
  mask: Int32Array,
  deleted: Uint8Array | null,
  cutAt: number,
  full: number,
  lackOf: ((d: number) => number) | null,
  candidates: number[],
  near: number[],
): void {
  const read = touched.items;
  for (let i = 0; i < touched.length; i++) {
    const d = read[i];
    if (d >= cutAt) continue;
    if (deleted !== null && deleted[d] !== 0) continue;
    if (mask[d] === full) candidates.push(d);
    else if (lackOf !== null && lackOf(d) !== 0) near.push(d);
  }
}

/**
 * Each member's upper bound (see run: MaxScore's cut `cut`, the ceilings, the count rows);
 * `full` members first, then near misses, whose pair filters are read now. True when some
 * bound exceeds its lower bound.
 */
function boundMembers(
  scanner: Scanner,
  docs: readonly number[],
  full: number,
  lower: Float64Array,
  upper: Float64Array,
  markUp: Float64Array | null,
  cut: number,
  ceiling: number,
  ceilingBody: number,
): boolean {
  let bounded = false;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const up = markUp !== null ? markUp[d] : 0;
    let extra: number;
    if (cut === -Infinity) extra = scanner.bound(d, -Infinity) + up;
    else if (lower[i] + ceiling + up < cut) extra = ceiling + up;
    else if (lower[i] + ceilingBody + up < cut && scanner.headless(d)) extra = ceilingBody + up;
    else extra = scanner.bound(d, i >= full ? -Infinity : Infinity) + up;
    upper[i] = extra > 0 ? inflate(lower[i] + extra) : lower[i];
    if (extra > 0) bounded = true;
  }
  return bounded;
}

/** The scratch as run found it: every article's sums, marks and masks, the count rows and their slots. */
function resetScratch(s: Scratch, touched: IntList, words: number): void {
  const read = touched.items;
  for (let i = 0; i < touched.length; i++) {
    const d = read[i];
    const at = SUMS * d;
    s.sums[at + TITLE] = s.sums[at + TEXT] = s.sums[at + COVER] = s.sums[at + HEAD] = s.markUp[d] = 0;
    s.fitCount[d] = 0;
    s.mask[d] = 0;
    s.litMask[d] = 0;
  }
  const { slot, slotted, counts } = s;
  counts.fill(0, 0, Math.min(counts.length, slotted.length * 3 * words));
  const rows = slotted.items;
  for (let i = 0; i < slotted.length; i++) slot[rows[i]] = -1;
  slotted.clear();
  touched.clear();
}

/**
 * `base` of run without weighed coverage (RankWeights.coveragePower, lackForgive off): an
 * article's per-word features summed. perWordScores writes the same sum out for every candidate;
 * a test checks that the two agree to the bit (rank-score.test.ts).
 */
export function unweighedBase(
  sums: Float64Array,
  coverage: number,
  head: number,
  fitWeight: number,
  fitCount: Uint8Array,
  titleLen: Int32Array,
): (d: number) => number {
  // Off (as landed): the sum written out, as before `fit` existed (the hottest function of a query).
  if (fitWeight <= 0) return (d) => sums[SUMS * d + TITLE] + sums[SUMS * d + TEXT] + coverage * sums[SUMS * d + COVER] + head * sums[SUMS * d + HEAD];
  return (d) =>
    sums[SUMS * d + TITLE] +
    sums[SUMS * d + TEXT] +
    coverage * sums[SUMS * d + COVER] +
    head * sums[SUMS * d + HEAD] +
    (titleLen[d] > 0 ? fitWeight * Math.min(1, fitCount[d] / titleLen[d]) : 0);
}

/**
 * `base` of run (without weighed coverage: unweighedBase) for every candidate, written out in one
 * loop: through the closures each call returned its double boxed (about an eighth of what a query
 * allocated, query-alloc.ts). The same operations in the same order, so the same bits.
 */
export function perWordScores(
  docs: readonly number[],
  lower: Float64Array,
  sums: Float64Array,
  coverage: number,
  head: number,
  fitWeight: number,
  fitCount: Uint8Array,
  titleLen: Int32Array,
): void {
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const at = SUMS * d;
    const fit = fitWeight > 0 && titleLen[d] > 0 ? fitWeight * Math.min(1, fitCount[d] / titleLen[d]) : 0;
    lower[i] =
      fitWeight > 0
        ? sums[at + TITLE] + sums[at + TEXT] + coverage * sums[at + COVER] + head * sums[at + HEAD] + fit
        : sums[at + TITLE] + sums[at + TEXT] + coverage * sums[at + COVER] + head * sums[at + HEAD];
  }
}

/** The positional part of the score, summed in one fixed order (the pruned and the exhaustive path agree to the bit). */
function proximityScore(p: Proximity): number {
  return p.pairs + p.near + p.title + p.flow + p.text + p.span + p.head + p.fit;
}

type Scanner = ReturnType<typeof createScanner>;

/** Whether some candidate holds every phrase of `scanner`: the candidates `scanned` would check, up to the first that does. */
function anyHolds(index: RankIndex, scanner: Scanner, candidates: number[], base: (d: number) => number): boolean {
  const prelim = mapped(candidates, base);
  const threshold = PHRASE_SCAN < candidates.length ? kthLargest(Float64Array.from(prelim), PHRASE_SCAN) : -Infinity;
  let count = 0;
  scanner.arm();
  try {
    for (let i = 0; i < candidates.length; i++) {
      if (prelim[i] < threshold || count >= PHRASE_SCAN) continue;
      count++;
      const d = candidates[i];
      if (scanner.mayHoldPhrases(d) && scanner.scan(d, index.docStart[d], index.docStart[d + 1]).phrasesOk) return true;
    }
    return false;
  } finally {
    scanner.release();
  }
}

/**
 * The candidates holding every phrase (but those whose last word `lackOf` says they lack), in
 * their order: the best PHRASE_SCAN by their per-word features are checked, as `scanned` checks them.
 */
function phraseHolders(scanner: Scanner, candidates: number[], base: (d: number) => number, lackOf: (d: number) => number = () => 0): number[] {
  const prelim = mapped(candidates, base);
  const threshold = PHRASE_SCAN < candidates.length ? kthLargest(Float64Array.from(prelim), PHRASE_SCAN) : -Infinity;
  let count = 0;
  const held: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    if (prelim[i] < threshold || count >= PHRASE_SCAN) continue;
    count++;
    const d = candidates[i];
    const lack = lackOf(d);
    if (scanner.mayHoldPhrases(d, lack) && scanner.holdsPhrases(d, lack)) held.push(d);
  }
  return held;
}

/**
 * Candidates scanned whole now, exact scores. With phrases, only articles holding every
 * phrase match (the best PHRASE_SCAN by their per-word features are checked).
 */
function scanned(
  index: RankIndex,
  scanner: Scanner,
  candidates: number[],
  base: (d: number) => number,
  phrases: boolean,
  explain: ((d: number, score: number, p: Proximity) => void) | null,
  lackOf: (d: number) => number = () => 0,
): BoundedScores {
  const prelim = mapped(candidates, base);
  const threshold = phrases && PHRASE_SCAN < candidates.length ? kthLargest(Float64Array.from(prelim), PHRASE_SCAN) : -Infinity;
  let count = 0;
  const docs: number[] = [];
  const scores: number[] = [];
  candidates.forEach((d, i) => {
    if (phrases && (prelim[i] < threshold || count >= PHRASE_SCAN)) return;
    count++;
    const lack = lackOf(d);
    if (phrases && !scanner.mayHoldPhrases(d, lack)) return;
    const p = scanner.scan(d, index.docStart[d], index.docStart[d + 1]);
    if (phrases && !scanner.phrasesHeld(p, lack)) return;
    const score = prelim[i] + proximityScore(p);
    docs.push(d);
    scores.push(score);
    explain?.(d, score, p);
  });
  const lower = Float64Array.from(scores);
  return { docs, full: docs.length, lower, upper: lower, proximity: null };
}

/**
 * Title, text, coverage and head parts of every word (the best of its expansions).
 * Rarest word first; when every word must match, only articles that hold every word, or
 * all but a few words of `minor` (near misses, see lackAllowed), are scored: with
 * `membersFirst` a membership pass decides which they are before any posting is scored
 * (memberPass; under the wide rule too, testing coverage as this pass does); otherwise later
 * words only score articles that matched all earlier ones, or may still be near misses. Only
 * the postings of articles below `limit` are read.
 */
function accumulate(
  index: RankIndex,
  s: Scratch,
  groups: Group[],
  touched: IntList,
  budget: number,
  minor: number,
  most: number,
  stats: QueryStats,
  w: RankWeights,
  widened: Wide | null = null,
  limit = index.n,
  scoreBudget = Infinity,
  membersFirst = true,
  skipRatio = SKIP_RATIO,
  membersOnly = false,
): { scored: number; limit: number } {
  const wide = widened?.budget ?? 0;
  const { foldedStart, foldedDocs, foldedTf, titleNorm, leadNorm, bodyNorm, exactStart, exactDocs } = index;
  const { mask, litMask, allow, sums, markUp, bestTitle, bestText, bestCover, bestHead, fitCount, bestFit, slot, slotted } = s;
  // Rows of per-field word counts: 3 per query word (what bounds the positional features).
  const stride = 3 * groups.length;
  let counts = s.counts;
  const k1 = w.k1;
  const fT = w.fields.title;
  const fL = w.fields.lead;
  const fB = w.fields.body;
  const headLead = w.headLead;
  // Head shares: idf^headPower, scaled so that they still sum to the query's idf.
  const headIdf = headShares(stats, w);
  const order = groups.map((_, g) => g);
  const size = groups.map((grp) => grp.terms.reduce((n, t) => n + foldedDf(index, t.f), 0));
  const requireAll = budget === 0;
  if (budget < Infinity) order.sort((a, b) => size[a] - size[b]);
  // The score budget (ScoreRequest.scoreBudget): postings scored so far, against a first
  // check at half the budget. There, when the work so far (scored per posting read) projects
  // past the budget, the articles read are cut to the share of the segment whose work left
  // fits in the other half; past the whole budget (a projection too low), to those before the
  // article being read. A request scoring at most half
  // its budget is never cut; the cut depends on the postings alone, so it repeats.
  let scored = 0;
  let check = scoreBudget / 2;
  let read = 0;
  const total = postingsUpTo(index, groups, limit);
  // Every word required: which articles end up a full match or a near miss
  // is decided first from the postings alone (members); only those are scored below, so an
  // article that holds the rarest word but lacks the others costs a test, not a score and a row.
  const { held } = s;
  const members =
    membersFirst && requireAll ? memberPass(index, s, groups, order, minor, most, limit, scoreBudget, total, widened, stats.wordIdf, skipRatio) : null;
  if (members) {
    // The budget was charged and any cut made by the membership pass (its count is returned).
    limit = members.limit;
    check = Infinity;
    if (membersOnly) {
      // Only the members asked (ScoreRequest.exists): they stay listed in Scratch.members, unscored.
      const memberDocs = members.docs.items;
      for (let i = 0; i < members.docs.length; i++) held[memberDocs[i]] = 0;
      return { scored: members.scored, limit };
    }
  }
  // Read after the membership pass, which grows it.
  const { posAt } = s;
  let needed = 0;
  /** Idf of the words scored so far: an article that already missed more than `budget` is out. */
  let processed = 0;
  for (const g of order) {
    const group = groups[g];
    const bit = 1 << g;
    // The articles this word's terms met (their best expansion kept in best*): reused, see IntList.
    const { hit } = s;
    hit.clear();
    const wordIdf = stats.wordIdf[g];
    // A word joined to a neighbour gets its title part from the pair (see RankWeights.title).
    const titleWeight = titleWeightOf(index, groups, g, w);
    // headCompound: a compound's syllable in the title counts here as one in the lead; the
    // positional pass adds the rest when the compound is written whole in the title (RankWeights.head).
    const titleHead = w.headCompound > 0 && inCompound(index, groups, g, w) ? headLead : 1;
    // Fit: a compound's syllable counts from the positional pass, where the title writes the compound whole.
    const fitsHere = (w.fit ?? 0) > 0 && !inCompound(index, groups, g, w);
    // Typed with marks: its text and title parts wait for the count of its own spelling (positional pass).
    let deferred = 0;
    // One term (most words of a common query): its parts are the word's, added at once (no best of several).
    const single = group.terms.length === 1 && !deferMarked(group.terms[0], w);
    // A single term after the membership pass: its members' postings are found where that pass
    // saw them (Scratch.posAt), not by reading every posting again; members in the order the
    // scoring pass would first touch them (memberPass), so every sum is the same to the bit.
    const byMember = single && members !== null;
    const atWord = g * index.n;
    // A word of several terms after the membership pass: the postings that pass read of articles
    // still in the running (Scratch.listed, term by term, in order), a subsequence of the term's
    // postings holding every member's: the same visits as reading them all, but for non-members.
    const spans = members !== null && !byMember ? members.spans[g] : undefined;
    const { listed } = s;
    // The word as typed comes first; completions count only in articles where it does not occur.
    for (let k = 0; k < group.terms.length; k++) {
      const t = group.terms[k];
      const defer = deferMarked(t, w);
      const ti = t.weight * termIdf(index, t);
      const from = foldedStart[t.f];
      let end = postingsBelow(index, t.f, limit);
      // A single term's coverage and head parts, as the pass over `hit` would add them (bit for bit).
      const coverPart = wordIdf * (t.weight > 0 ? t.weight : 0);
      const headTitlePart = headIdf[g] * (t.weight * titleHead > 0 ? t.weight * titleHead : 0);
      const headLeadPart = headIdf[g] * (t.weight * headLead > 0 ? t.weight * headLead : 0);
      // A marked spelling: only articles that hold it (its folded tf stands for its own).
      // By member: the membership pass's marks say whether the article holds it (held's word bit).
      // From the list: a posting listed negated (~p) is of an article lacking the marked spelling.
      const stamp = t.e === undefined || byMember || spans ? 0 : ++stampGen;
      if (stamp) for (let p = exactStart[t.e!]; p < exactStart[t.e! + 1]; p++) allow[exactDocs[p]] = stamp;
      const first = spans ? spans[k] : 0;
      const visits = byMember ? members.docs.length : spans ? spans[k + 1] - first : end - from;
      const memberDocs = byMember ? members.docs.items : null;
      for (let i = 0; i < visits; i++) {
        let p = from + i;
        let d: number;
        let lacksMark = false;
        if (byMember) {
          d = memberDocs![i];
          p = posAt[atWord + d];
          // A member lacking the term (a near miss), or a position left by another query. A member
          // holding the word (held's bit) had this position written by this query's membership pass.
          if ((held[d] & bit) === 0 && (p < from || p >= end || foldedDocs[p] !== d)) continue;
        } else if (spans) {
          p = listed[first + i];
          if (p < 0) [p, lacksMark] = [~p, true];
          d = foldedDocs[p];
        } else d = foldedDocs[p];
        const at = SUMS * d;
        if (
          !byMember &&
          (members !== null
            ? (held[d] & MEMBER) === 0
            : requireAll
              ? !open(mask[d] & needed, needed, minor, most) && !(wide && processed - sums[at + COVER] <= wide + 1e-9)
              : processed - sums[at + COVER] > budget + 1e-9)
        )
          continue;
        if (++scored > check) {
          const cut = budgetCut(scored, total, read + p - from + 1, check, scoreBudget, limit, d);
          check = scoreBudget;
          if (cut >= 0) {
            limit = cut;
            scored--;
            // This term's postings from here on are of articles at or past the cut (documents in order).
            end = p;
            break;
          }
        }
        const packed = foldedTf[p];
        const inTitle = packed >> 12;
        const inLead = (packed >> 8) & 15;
        // Every occurrence of any of the word's terms counts towards the bound (a saturated count as unbounded).
        let row = slot[d];
        if (row < 0) {
          row = slot[d] = slotted.length;
          slotted.push(d);
          if ((row + 1) * stride > counts.length) counts = s.counts = grow(counts, (row + 1) * stride);
        }
        const c = row * stride + 3 * g;
        counts[c] += inTitle === 15 ? UNBOUNDED : inTitle;
        counts[c + 1] += inLead === 15 ? UNBOUNDED : inLead;
        counts[c + 2] += (packed & 255) === 255 ? UNBOUNDED : packed & 255;
        if (byMember ? (held[d] & bit) === 0 : spans ? lacksMark : stamp && allow[d] !== stamp) continue;
        // A field the word is not in adds 0 whatever its norm: its norm is not read (most postings are body only).
        const y = inTitle > 0 ? inTitle * titleNorm[d] : 0;
        const x = fT * y + (inLead > 0 ? fL * inLead * leadNorm[d] : 0) + fB * (packed & 255) * bodyNorm[d];
        const vText = x > 0 ? (ti * x * (k1 + 1)) / (x + k1) : 0;
        const vTitle = y > 0 ? (ti * titleWeight * y * (k1 + 1)) / (y + k1) : 0;
        if (single) {
          // What the pass over `hit` below adds, with this term as the best (each article once
          // per term; no completion follows, so litMask is not needed).
          if (mask[d] === 0) touched.push(d);
          mask[d] |= bit;
          sums[at + TITLE] += vTitle;
          sums[at + TEXT] += vText;
          sums[at + COVER] += coverPart;
          sums[at + HEAD] += inTitle > 0 ? headTitlePart : inLead > 0 ? headLeadPart : 0;
          if (inTitle > 0 && fitsHere) fitCount[d] = Math.min(255, fitCount[d] + inTitle);
          continue;
        }
        // Matched as typed: its completions, scored after it, skip this article.
        if (t.base) litMask[d] |= bit;
        else if (litMask[d] & bit) continue;
        const inHead = inTitle > 0 ? t.weight * titleHead : inLead > 0 ? t.weight * headLead : 0;
        if (bestCover[d] === 0) hit.push(d);
        if (defer) {
          // The first term: nothing better was seen; later completions skip this article (litMask).
          bestText[d] = vTitle + vText;
          deferred = 1;
        } else if (vTitle + vText > bestTitle[d] + bestText[d]) {
          bestTitle[d] = vTitle;
          bestText[d] = vText;
        }
        if (t.weight > bestCover[d]) bestCover[d] = t.weight;
        if (inHead > bestHead[d]) bestHead[d] = inHead;
        if (fitsHere && inTitle > bestFit[d]) bestFit[d] = inTitle;
      }
      read += end - from;
    }
    const hits = hit.items;
    for (let i = 0; i < hit.length; i++) {
      const d = hits[i];
      if (mask[d] === 0) touched.push(d);
      mask[d] |= bit;
      // An article holding the marked spelling: its parts are bounded here, exact after the positional pass.
      const at = SUMS * d;
      if (deferred && litMask[d] & bit) markUp[d] += bestText[d];
      else {
        sums[at + TITLE] += bestTitle[d];
        sums[at + TEXT] += bestText[d];
      }
      sums[at + COVER] += wordIdf * bestCover[d];
      sums[at + HEAD] += headIdf[g] * bestHead[d];
      if (bestFit[d] > 0) fitCount[d] = Math.min(255, fitCount[d] + bestFit[d]);
      bestTitle[d] = bestText[d] = bestCover[d] = bestHead[d] = 0;
      bestFit[d] = 0;
    }
    if (requireAll) needed |= bit;
    processed += wordIdf;
  }
  if (!members) return { scored, limit };
  const memberDocs = members.docs.items;
  for (let i = 0; i < members.docs.length; i++) held[memberDocs[i]] = 0;
  return { scored: members.scored, limit };
}

/**
 * The score budget's check (see accumulate), at `scored` postings scored of `read` read, at
 * article d: -1 when the whole query's estimate (scored per posting read so far, over all
 * `total` postings) fits the budget, else where to cut: at the first check (half the budget),
 * the first articles whose work left is estimated to fit in the budget left (the work spent on
 * the articles after them is lost); past the whole budget, those before article d.
 */
function budgetCut(scored: number, total: number, read: number, check: number, scoreBudget: number, limit: number, d: number): number {
  const estimate = (scored * total) / read;
  if (check < scoreBudget && estimate <= scoreBudget) return -1;
  return check < scoreBudget ? Math.min(d, Math.floor((limit * (scoreBudget - scored)) / (estimate - scored))) : d;
}

/** Scratch.held: an article the membership pass kept (a full match or a near miss); its word mask stays below it. */
const MEMBER = 1 << 30;

/**
 * The membership pass of accumulate: the words in its order (rarest first), each posting
 * below `limit` only tested and marked in Scratch.held (no score, no row), an article dropped
 * as soon as it lacks more than a near miss may (`open`). Charges the score budget exactly as
 * the scoring pass did when it tested and scored in one (a posting of an article still in the
 * running), and cuts the same way (see accumulate), so `scored` and the cut are unchanged.
 * Returns the articles that hold every word or lack only what a near miss may (nearMissMask),
 * in the order the scoring pass first touches them, each marked MEMBER in `held` beside the words
 * it holds; every other article's `held` is back to 0. For a word of one term, each posting of an
 * article still in the running leaves its position in Scratch.posAt; for a word of several terms,
 * such postings are listed in Scratch.listed, term after term (`spans[g]`: where each term's start,
 * and the last's end), negated (~p) when the article lacks the term's marked spelling.
 * Under the wide rule (`wide`), an article not open by the near-miss test stays in the running
 * while the idf of the words read less its coverage is within the rule's budget, as the scoring
 * pass tests it: its coverage is summed in Scratch.cover in the same order and the same steps
 * (each word's idf × its best expansion weight), so the test decides alike to the bit; a member
 * then may also lack what wideMissMask allows.
 */
function memberPass(
  index: RankIndex,
  s: Scratch,
  groups: Group[],
  order: number[],
  minor: number,
  most: number,
  limit: number,
  scoreBudget: number,
  total: number,
  wide: Wide | null = null,
  wordIdf: Float64Array | null = null,
  skipRatio = SKIP_RATIO,
): { docs: IntList; scored: number; limit: number; spans: (number[] | undefined)[] } {
  const { foldedStart, foldedDocs, exactStart, exactDocs } = index;
  const { held, cover, bestCover, running } = s;
  const lax = wide === null ? -1 : wide.budget + 1e-9;
  /** Idf of the words read so far (accumulate's `processed`, summed alike). */
  let processed = 0;
  if (s.posAt.length < groups.length * index.n) s.posAt = new Int32Array(groups.length * index.n);
  const { posAt } = s;
  const spans: (number[] | undefined)[] = groups.map(() => undefined);
  let listed = s.listed;
  let length = 0;
  // Reused lists (see IntList): every article met, and under the wide rule those met by one word.
  const { seen, met } = s;
  seen.clear();
  let scored = 0;
  let check = scoreBudget / 2;
  let read = 0;
  let needed = 0;
  /** How many articles Scratch.running lists (-1: none yet): a superset of those in the running at the words after. */
  let inRunning = -1;
  for (const g of order) {
    const bit = 1 << g;
    const atWord = groups[g].terms.length === 1 ? g * index.n : -1;
    const span = atWord < 0 ? (spans[g] = [length]) : null;
    // Wide rule: the articles met in this word, whose best expansion weight (bestCover) joins
    // their coverage once the word is read.
    const metWide: IntList | null = wide === null ? null : met;
    metWide?.clear();
    // Once an article holding none of the words read is out, only the articles seen so far can
    // be in the running: a term with many more postings than them is searched for them (`skip`)
    // rather than read whole. The postings visited, and so everything below, are the same.
    // The articles in the running are listed (from the last list, or from every article seen) when
    // the term has several times more postings than that pool: then it is searched if it has
    // `skipRatio` times more than them. An article once out of the running stays out.
    const closed = !open(0, needed, minor, most) && !(lax >= 0 && processed <= lax);
    let runs = -1;
    for (const t of groups[g].terms) {
      const from = foldedStart[t.f];
      let end = postingsBelow(index, t.f, limit);
      if (span && listed.length < length + end - from) listed = s.listed = grow(listed, length + end - from);
      if (closed && runs < 0 && end - from > Math.min(LIST_RATIO, skipRatio) * (inRunning < 0 ? seen.length : inRunning)) {
        // Under the wide rule every article seen is listed again: each one out of the running gets its -1 position.
        runs = inRunning = listRunning(s, needed, minor, most, lax, processed, atWord, inRunning < 0 || lax >= 0);
      }
      const skip = runs >= 0 && end - from > skipRatio * runs;
      const runDocs = running.items;
      let next = 0;
      // A marked spelling: only articles that hold it, found by walking its postings beside the
      // folded term's (both in article order) rather than stamping them first.
      const marked = t.e !== undefined;
      let q = marked ? exactStart[t.e!] : 0;
      const qEnd = marked ? exactStart[t.e! + 1] : 0;
      for (let p = from; p < end; p++) {
        if (skip) {
          // The next posting of an article in the running (both lists in article order).
          for (;;) {
            if (next === runs) p = end;
            if (p === end) break;
            const want = runDocs[next];
            if (foldedDocs[p] < want) p = gallop(foldedDocs, p, end, want);
            if (p === end || foldedDocs[p] === want) break;
            // The article wanted lacks the term: on to the next one at or past this posting's.
            const at = foldedDocs[p];
            while (next < runs && runDocs[next] < at) next++;
          }
          if (p === end) break;
          next++;
        }
        const d = foldedDocs[p];
        const h = held[d];
        if (!open(h & needed, needed, minor, most) && !(lax >= 0 && processed - cover[d] <= lax)) {
          // Under the wide rule an article may leave the running at a word it holds and still end a
          // member (its completions count at their weight, so the idf it lacks less its coverage can
          // pass the share before what it lacks by its words does): this posting is not the scoring
          // pass's to read, so no position an earlier query left here may stand for it.
          if (lax >= 0 && atWord >= 0) posAt[atWord + d] = -1;
          continue;
        }
        // Charged as accumulate charges it: past the check, the same estimate and the same cut (this posting not charged).
        if (scored + 1 > check) {
          const cut = budgetCut(scored + 1, total, read + p - from + 1, check, scoreBudget, limit, d);
          check = scoreBudget;
          if (cut >= 0) {
            [limit, end] = [cut, p];
            break;
          }
        }
        scored++;
        if (atWord >= 0) posAt[atWord + d] = p;
        if (marked) {
          if (skip) q = gallop(exactDocs, q, qEnd, d);
          else while (q < qEnd && exactDocs[q] < d) q++;
          if (q === qEnd || exactDocs[q] !== d) {
            if (span) listed[length++] = ~p;
            continue;
          }
        }
        if (span) listed[length++] = p;
        if (h === 0) seen.push(d);
        held[d] = h | bit;
        if (metWide !== null) {
          // The word's best weight, as accumulate keeps it (it skips completions where the word is
          // met as typed, which changes no maximum: a term as typed weighs 1, a completion less).
          if ((h & bit) === 0) metWide.push(d);
          if (t.weight > bestCover[d]) bestCover[d] = t.weight;
        }
      }
      span?.push(length);
      read += end - from;
    }
    if (metWide !== null) {
      const idfOf = wordIdf![g];
      const metDocs = metWide.items;
      for (let i = 0; i < metWide.length; i++) {
        const d = metDocs[i];
        cover[d] += idfOf * bestCover[d];
        bestCover[d] = 0;
      }
      processed += idfOf;
    }
    needed |= bit;
  }
  const full = (1 << groups.length) - 1;
  const deleted = index.deleted;
  const docs = s.members;
  docs.clear();
  const seenDocs = seen.items;
  for (let i = 0; i < seen.length; i++) {
    const d = seenDocs[i];
    const h = held[d];
    held[d] = 0;
    cover[d] = 0;
    if (d >= limit || (deleted !== null && deleted[d] !== 0)) continue;
    if (h === full || (minor !== 0 && nearMissMask(h, full, minor, most) !== 0) || (wide !== null && wideMissMask(h, full, wide) !== 0)) {
      docs.push(d);
      held[d] = h | MEMBER;
    }
  }
  return { docs, scored, limit, spans };
}

/**
 * How many times more postings than articles in the running a term needs before the membership
 * pass searches it for them (memberPass's `skip`): galloping costs a few probes per article where
 * reading costs one test per posting.
 */
export const SKIP_RATIO = 16;

/** How many times more postings than the articles that may be in the running a term needs before they are listed (memberPass). */
const LIST_RATIO = 4;

/**
 * The membership pass's articles still in the running (by the pass's test), of Scratch.seen
 * (`fromSeen`) or of those Scratch.running lists (a superset: an article out stays out), listed
 * in article order in Scratch.running; returns how many. Under the wide rule, an article out of
 * the running at word `atWord` (of one term) gets no position there (see memberPass).
 */
function listRunning(s: Scratch, needed: number, minor: number, most: number, lax: number, processed: number, atWord: number, fromSeen: boolean): number {
  const { held, cover, seen, running, posAt } = s;
  const pool = fromSeen ? seen : running;
  const count = pool.length;
  if (fromSeen) {
    running.clear();
    running.grow(count);
  }
  const seenDocs = pool.items;
  const runDocs = running.items;
  let n = 0;
  let sorted = true;
  for (let i = 0; i < count; i++) {
    const d = seenDocs[i];
    if (open(held[d] & needed, needed, minor, most) || (lax >= 0 && processed - cover[d] <= lax)) {
      if (n > 0 && runDocs[n - 1] > d) sorted = false;
      runDocs[n++] = d;
    } else if (lax >= 0 && atWord >= 0) posAt[atWord + d] = -1;
  }
  running.length = n;
  // Seen in the order first met: sorted unless a word of several terms came first.
  if (!sorted) runDocs.subarray(0, n).sort();
  return n;
}

/** The first position in `a` from `lo` (below `hi`) holding at least `x`, `a` ascending: doubling steps, then halving. */
export function gallop(a: Uint16Array, lo: number, hi: number, x: number): number {
  let step = 1;
  let top = lo;
  while (top < hi && a[top] < x) {
    lo = top + 1;
    top += step;
    step *= 2;
  }
  if (top > hi) top = hi;
  while (lo < top) {
    const mid = (lo + top) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else top = mid;
  }
  return lo;
}

/** Each query word's weight in the head: idf^headPower, scaled so that they still sum to the query's idf. */
function headShares(stats: QueryStats, w: RankWeights): Float64Array {
  // Doubles in a typed array: accumulate was deoptimised ("wrong map") reading the plain array this was.
  const powered = Float64Array.from(stats.wordIdf, (x) => x ** w.headPower);
  const poweredSum = powered.reduce((a, b) => a + b, 0) || 1;
  return powered.map((x) => (x * stats.totalIdf) / poweredSum);
}

/** Whether query word g is a syllable of a compound of the query (with the word before or after it). */
function inCompound(index: RankIndex, groups: Group[], g: number, w: RankWeights): boolean {
  return compound(index, groups, g, w) || compound(index, groups, g + 1, w);
}

/** A word joined to a neighbour gets its title part from the pair (see RankWeights.title). */
function titleWeightOf(index: RankIndex, groups: Group[], g: number, w: RankWeights): number {
  return inCompound(index, groups, g, w) ? 0 : w.title;
}

/** Whether an expansion's text and title parts are counted on its own spelling (the word as typed, with marks). */
function deferMarked(t: Group["terms"][number], w: RankWeights): boolean {
  return w.marks > 0 && t.base && t.e !== undefined;
}

/** A query word as nameRuns reads it (query-parse.ts QueryWord). */
type NameWord = { text: string; folded: string; joinsPrev: boolean; phrase: number };

/**
 * Names typed as such: inside each run of words written with a capital, each joined to the
 * one before and outside quotes, the longest stretches (NAME_WORDS or more words) that are
 * a person the archive knows (`isPerson` of the stretch's slug, `trinh-xuan-thanh`). An
 * article holding those syllables scattered over a page is not about him. Capitals alone
 * are not enough: a run is often several names side by side (`Mỹ Trung Quốc`, `Real Madrid
 * Barcelona`, `Kim Jong Un Donald Trump`), whose words need not stand together.
 *
 * With `lowerWords` (0: off), a stretch of at least that many words typed in lower case
 * (`phan dinh tung`, `vu quang hai`) is a name too when the archive knows it as a person:
 * people type names without marks or capitals, and three syllables that slug to a person
 * are that person far more often than three words that happen to (two are not: `le hoi`,
 * `gia han`, `cong ty` are people's names in the facet and common words in a query).
 *
 * With `articles` (how many articles the facet names a person in; 0 for anyone else), a stretch
 * the facet names in one article only drops a word at its edge while the rest is still a person
 * it names (issue #9, rank31): the facet is read from articles by a tagger, which now and then
 * sticks a neighbour's word onto a name (`Y Phạm Ngọc Thạch`, from one article's `ĐH Y Phạm Ngọc
 * Thạch`), and the name must not make that word stand beside it (the reports write `ĐH Y khoa
 * Phạm Ngọc Thạch`). A name seen in two articles or more keeps its words (`Trần Thanh Mẫn`, 18,
 * though `tran-thanh` is a commoner slug); a place is no person and keeps its words.
 */
export function nameRuns(words: readonly NameWord[], isPerson: (slug: string) => boolean, lowerWords = 0, articles?: (slug: string) => number): number[][] {
  const capital = (t: string) => /^\p{Lu}/u.test(t);
  const runs = stretches(words, (w) => capital(w.text) && w.phrase < 0, NAME_WORDS, isPerson, Infinity, articles);
  if (lowerWords > 0) runs.push(...stretches(words, (w) => !capital(w.text) && w.phrase < 0, lowerWords, isPerson, LOWER_NAME_MOST, articles));
  return runs;
}

/**
 * The most words a name typed in lower case is looked for in: a whole query typed in lower case
 * is one run, and every stretch of it is a lookup; a person's name is rarely longer.
 */
const LOWER_NAME_MOST = 5;

/**
 * The longest stretches (`least` to `most` words) of the runs of joined words `inRun` keeps whose slug `isPerson` knows;
 * with `articles`, each without the edge words its person does not need (see nameRuns).
 */
function stretches(
  words: readonly NameWord[],
  inRun: (w: { text: string; phrase: number }) => boolean,
  least: number,
  isPerson: (slug: string) => boolean,
  most = Infinity,
  articles?: (slug: string) => number,
): number[][] {
  const runs: number[][] = [];
  // Each word slugged once, from its folded form (what slugify gives its text, without normalising it again):
  // a stretch's slug is its words' slugs joined (slugify of the words joined by spaces).
  const slugs = words.map((w) => w.folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""));
  let run: number[] = [];
  const close = () => {
    for (let i = 0; i + least <= run.length;) {
      // The slugs of the stretches from word i, shortest first (prefix[k]: words i … i + k).
      const last = Math.min(run.length, i + most);
      const prefix: string[] = [];
      for (let j = i, slug = ""; j < last; j++) {
        const word = slugs[run[j]];
        if (word) slug = slug ? `${slug}-${word}` : word;
        prefix.push(slug);
      }
      let end = last;
      while (end - i >= least && !isPerson(prefix[end - i - 1])) end--;
      if (end - i >= least) {
        runs.push(articles ? nameCore(run.slice(i, end), slugs, least, articles) : run.slice(i, end));
        i = end;
      } else i++;
    }
    run = [];
  };
  words.forEach((w, i) => {
    const named = inRun(w);
    if (!(named && run.length && w.joinsPrev)) close();
    if (named) run.push(i);
  });
  close();
  return runs;
}

/** A stretch the facet names in one article only, without the edge words another person it names does without (see nameRuns). */
function nameCore(stretch: number[], slugs: readonly string[], least: number, articles: (slug: string) => number): number[] {
  const named = (s: number[]) =>
    articles(
      s
        .map((k) => slugs[k])
        .filter(Boolean)
        .join("-"),
    );
  let core = stretch;
  while (core.length > least && named(core) === 1) {
    const shorter = [core.slice(1), core.slice(0, -1)].find((s) => named(s) > 0);
    if (!shorter) break;
    core = shorter;
  }
  return core;
}

/** Whether an article holding `held` of the words scored so far (`needed`) is still a match or a near miss (lacking at most `most` minor words). */
function open(held: number, needed: number, minor: number, most: number): boolean {
  const lack = needed & ~held;
  return lack === 0 || ((lack & ~minor) === 0 && (most > 1 ? popcount(lack) <= most : (lack & (lack - 1)) === 0));
}

/** Folded spellings of a joined query pair checked against an article's pair filter, at most. */
const MAX_PAIR_CHECKS = 16;

/** A saturated field count in a posting: as many occurrences as a bound may need. */
const UNBOUNDED = 1 << 22;

/** A larger copy (doubling), for the count rows. */
function grow(a: Int32Array, need: number): Int32Array {
  const next = new Int32Array(Math.max(need, 2 * a.length, 1024));
  next.set(a);
  return next;
}

/** Whether query word g and the word before it form one word for the title part (see RankWeights.compound). */
function compound(index: RankIndex, groups: Group[], g: number, w: RankWeights): boolean {
  if (!joined(groups, g)) return false;
  if (w.compound <= 0) return true;
  const a = groups[g - 1].terms[0].f;
  const b = groups[g].terms[0].f;
  return pairDf(index, a, b) >= w.compound * Math.max(1, Math.min(foldedDf(index, a), foldedDf(index, b)));
}

/** Whether query word g and the one before are one code's letters and digits, typed together or with a hyphen (U23, T-90, 2,4-D). */
export function codeJoin(groups: Group[], g: number): boolean {
  if (g <= 0 || !groups[g].word.tight) return false;
  return /\p{N}$/u.test(groups[g - 1].word.text) !== /^\p{N}/u.test(groups[g].word.text);
}

/** Whether query word g is joined to the word before it (both present): the two may form one word. */
function joined(groups: Group[], g: number): boolean {
  return g > 0 && g < groups.length && groups[g].word.joinsPrev && groups[g - 1].terms.length > 0 && groups[g].terms.length > 0;
}

/**
 * "Any word" without the noise: an article matching only syllables found in most of
 * the corpus (của, và, người) is dropped unless it covers half the query (Lucene's
 * common-terms idea); this also keeps relaxed answers fast.
 */
function anyWord(index: RankIndex, s: Scratch, groups: Group[], touched: number[]): number[] {
  let rare = 0;
  groups.forEach((g, i) => {
    if (g.terms.some((t) => foldedDf(index, t.f) <= archiveSize(index) * COMMON_SHARE)) rare |= 1 << i;
  });
  if (!rare) return touched;
  const half = Math.ceil(groups.length / 2);
  return touched.filter((d) => s.mask[d] & rare || popcount(s.mask[d]) >= half);
}

/** Candidates that are neither deleted nor excluded. */
function live(index: RankIndex, s: Scratch, candidates: number[], excluded: ExcludedTerms[]): number[] {
  const kept = dropExcluded(index, s, candidates, excluded);
  const deleted = index.deleted;
  return deleted ? kept.filter((d) => deleted[d] === 0) : kept;
}

function dropExcluded(index: RankIndex, s: Scratch, candidates: number[], excluded: ExcludedTerms[]): number[] {
  if (!excluded.length) return candidates;
  const drop = excludedDocs(index, s, excluded);
  return drop.size ? candidates.filter((d) => !drop.has(d)) : candidates;
}

/** Articles holding every term of at least one excluded word. */
export function excludedDocs(index: RankIndex, s: Scratch, excluded: ExcludedTerms[]): Set<number> {
  const drop = new Set<number>();
  for (const ex of excluded) {
    const lists: [Int32Array, Uint16Array, number][] = [
      ...ex.folded.map((f): [Int32Array, Uint16Array, number] => [index.foldedStart, index.foldedDocs, f]),
      ...ex.exact.map((e): [Int32Array, Uint16Array, number] => [index.exactStart, index.exactDocs, e]),
    ];
    if (!lists.length) continue;
    const seen: number[] = [];
    for (const [start, docs, t] of lists) {
      for (let p = start[t]; p < start[t + 1]; p++) {
        const d = docs[p];
        if (s.count[d]++ === 0) seen.push(d);
        if (s.count[d] === lists.length) drop.add(d);
      }
    }
    for (const d of seen) s.count[d] = 0;
  }
  return drop;
}

/** Positional pass over one article's stream: adjacent pairs, near pairs, phrase checks. */
function createScanner(index: RankIndex, s: Scratch, groups: Group[], phrases: number[][], w: RankWeights, stats: QueryStats) {
  const { stream, docStart, titleEnd, leadEnd, titleNorm, leadNorm, bodyNorm, titleLen } = index;
  const low = stream.low;
  const escape = ESCAPE;
  const { baseMask, expMask } = s;
  const n = groups.length;
  const k1 = w.k1;
  const window = w.window;
  let joinMask = 0;
  let phraseStart = 0;
  let phraseCont = 0;
  let phraseEnd = 0;
  // Each adjacent pair of query words (i-1, i) scores like one more term, with its own rarity.
  const pairIdf = new Float64Array(n);
  const nearIdf = new Float64Array(n);
  const titleIdf = new Float64Array(n);
  // Masks by exact spelling: a marked word pairs and phrases with its own spelling only.
  const masked: number[] = [];
  const bits: number[] = [];
  groups.forEach((g, i) => {
    for (const t of g.terms) {
      for (const e of t.e === undefined ? exactVariants(index, t.f) : [t.e]) {
        masked.push(e);
        bits.push(t.base ? 1 << i : -(1 << i));
      }
    }
    if (i > 0 && g.word.joinsPrev) joinMask |= 1 << i;
    const prev = groups[i - 1];
    if (i > 0 && prev.terms.length && g.terms.length) {
      const df = pairDf(index, prev.terms[0].f, g.terms[0].f);
      const pi = idf(index, df);
      const code = codeJoin(groups, i) ? (w.codePairs ?? 1) : 1;
      pairIdf[i] = code * w.pairs * pi;
      if (compound(index, groups, i, w)) titleIdf[i] = w.title * pi;
      // Near counts for separate words, not for a compound's syllables found apart: it fades
      // with how often the archive writes the two syllables together (đàm phán: nearly always).
      const cohesion = Math.min(1, df / Math.max(1, Math.min(foldedDf(index, prev.terms[0].f), foldedDf(index, g.terms[0].f))));
      nearIdf[i] = code * w.near * (1 - cohesion) * Math.min(stats.wordIdf[i - 1], stats.wordIdf[i]);
    }
  });
  // Head (headCompound): what a compound's syllables in the title earn beyond a lead's share
  // when the positional pass finds the compound whole there (see RankWeights.head).
  const headRest = new Float64Array(n);
  let headPairs = 0;
  if (w.headCompound > 0 && w.head > 0 && w.headLead < 1) {
    const shares = headShares(stats, w);
    for (let i = 0; i < n; i++) {
      if (inCompound(index, groups, i, w)) headRest[i] = ((w.head * shares[i]) / stats.totalIdf) * (1 - w.headLead);
      if (compound(index, groups, i, w)) headPairs |= 1 << i;
    }
  }
  const headBest = new Float64Array(n);
  // Fit (RankWeights.fit): a compound's syllables count toward the title's share only where the
  // title writes the compound whole (the per-word pass leaves them out: `Đàm luận về phán quyết`
  // does not say `đàm phán`), two syllables per adjacent pair found there.
  const fitW = w.fit ?? 0;
  let fitPairs = 0;
  if (fitW > 0) for (let i = 1; i < n; i++) if (compound(index, groups, i, w)) fitPairs |= 1 << i;
  // Flow: each joined pair's share of the query's pair idf, × the weight (see RankWeights.flow).
  const flowW = new Float64Array(n);
  let flowTotal = 0;
  let flowPairs = 0;
  for (let i = 1; i < n; i++) {
    if (joinMask & (1 << i) && groups[i - 1].terms.length && groups[i].terms.length) {
      const code = codeJoin(groups, i) ? (w.codePairs ?? 1) : 1;
      flowW[i] = code * idf(index, pairDf(index, groups[i - 1].terms[0].f, groups[i].terms[0].f));
      flowTotal += flowW[i];
      flowPairs += code;
    }
  }
  for (let i = 1; i < n; i++) flowW[i] = flowTotal > 0 ? (w.flow * flowPairs * flowW[i]) / flowTotal : 0;
  const flowNear = w.flowNear;
  // Words typed with marks: their text and title parts from the count of their own spelling.
  const markIdf = new Float64Array(n);
  const markTitle = new Float64Array(n);
  let markMask = 0;
  groups.forEach((g, i) => {
    const t = g.terms.find((x) => x.base);
    if (!t || !deferMarked(t, w)) return;
    markMask |= 1 << i;
    markIdf[i] = t.weight * termIdf(index, t);
    markTitle[i] = titleWeightOf(index, groups, i, w);
  });
  const markCounts = new Float64Array(3 * n);
  const fT = w.fields.title;
  const fL = w.fields.lead;
  const fB = w.fields.body;
  for (const p of phrases) {
    phraseStart |= 1 << p[0];
    for (const i of p.slice(1)) phraseCont |= 1 << i;
    phraseEnd |= 1 << p[p.length - 1];
  }
  /** Occurrences per query pair (i-1, i) and field: [title, lead, body] × n. */
  const pairCounts = new Float64Array(3 * n);
  const nearCounts = new Float64Array(3 * n);
  /** Stream position where each query word was last seen. */
  const last = new Float64Array(n);
  // Span: where each word as typed was last seen, and each word's share of the query's idf.
  const spanW = w.span;
  const spanWidth = Math.max(w.window, 2 * n);
  const spanShare = Float64Array.from(stats.wordIdf, (x) => x / stats.totalIdf);
  const lastBase = new Float64Array(n);
  const sat = (x: number) => (x > 0 ? (x * (k1 + 1)) / (x + k1) : 0);
  const fw = w.pairFields;
  const fieldScore = (counts: Float64Array, d: number, g: number) =>
    sat(fw.title * counts[3 * g] * titleNorm[d] + fw.lead * counts[3 * g + 1] * leadNorm[d] + fw.body * counts[3 * g + 2] * bodyNorm[d]);

  const stride = 3 * n;
  const { slot } = s;
  // Folded pairs each joined query pair (g-1, g) may be written as: the articles' pair filters
  // rule a pair out (a query word with many completions is not checked).
  const combos = (g: number) => {
    const lefts = [...new Set(groups[g - 1].terms.map((t) => t.f))];
    const rights = [...new Set(groups[g].terms.map((t) => t.f))];
    if (lefts.length * rights.length > MAX_PAIR_CHECKS) return null;
    return pairProbes(lefts.flatMap((a) => rights.map((b) => [index.foldedHash[a], index.foldedHash[b]] as const)));
  };
  const pairHashes = groups.map((_, g) => (joinMask & (1 << g) ? combos(g) : null));
  // A phrase (or name) needs each of its adjacent pairs: an article whose filter rules one out needs no scan.
  const phrasePairs = phrases.map((p) => p.slice(1).map((g) => combos(g)));
  let filter: PairFilter | null = null;
  const mayAny = mayHoldAny; // an imported binding is a getter: a local in the loop over candidates
  const holds = (d: number, hs: Uint32Array | null) => {
    if (!hs) return true;
    filter ??= pairFilter(index);
    return mayAny(filter, d, hs);
  };
  const mayPair = (d: number, g: number) => holds(d, pairHashes[g]);
  // Flow of a joined pair in the title or lead: written adjacent (up) or, the filter ruling that out, near at most (down).
  const flowUp = Math.max(flowNear, 1);
  const flowDown = Math.max(flowNear, 0);
  /** Per joined pair: the part of the article's bound its pair filter may take away (see bound). */
  const filterable = new Float64Array(n);
  // Articles whose bound left pair filters unread (see tighten): a row of n parts each, in the
  // scratch (Scratch.looseAt), which this scanner owns from its first such article on.
  const mine = ++scannerGen;
  /** Article d's row of loose parts, -1 when it has none (or they were read, or belong to another scanner). */
  const looseRowOf = (d: number) => {
    const r = s.looseAt[d];
    return s.looseOwner === mine && r < s.looseRows && s.looseDocs[r] === d ? r : -1;
  };
  /**
   * Keep article d's unread pairs from `from` on (`filterable`'s nonzero parts) in its row: the row
   * found or made once per article, not per pair (a common query bounds thousands of members, each
   * with every pair unread).
   */
  const keepLoose = (d: number, from: number) => {
    if (s.looseOwner !== mine) {
      s.looseOwner = mine;
      s.looseRows = 0;
    }
    let r = looseRowOf(d);
    let parts = s.looseParts;
    if (r < 0) {
      r = s.looseAt[d] = s.looseRows++;
      if (s.looseRows > s.looseDocs.length) s.looseDocs = grow(s.looseDocs, s.looseRows);
      // Parts are n per row, and the rows may have been grown by a query of fewer words: a row past
      // the end of a typed array would keep nothing, its article never tightened (scanned instead).
      if (s.looseRows * n > parts.length) {
        const grown = new Float64Array(s.looseDocs.length * n);
        grown.set(parts.subarray(0, Math.min(parts.length, grown.length)));
        parts = s.looseParts = grown;
      }
      s.looseDocs[r] = d;
      for (let g = r * n, end = g + from; g < end; g++) parts[g] = 0;
      for (let g = from; g < n; g++) parts[r * n + g] = filterable[g] > 0 ? filterable[g] : 0;
      return;
    }
    for (let g = from; g < n; g++) if (filterable[g] > 0) parts[r * n + g] = filterable[g];
  };

  return {
    /**
     * How many of `docs` (counted up to `most`) may write adjacent at least `share` of the query's
     * joined pairs (rounded down, one at least; with `byIdf`, pairs weighed by their idf); all of them when it has none.
     */
    countJoined(docs: readonly number[], most: number, share = 0, byIdf = false): number {
      if (!joinMask) return Math.min(docs.length, most);
      let pairs = 0;
      for (let g = 1; g < n; g++) if (joinMask & (1 << g)) pairs++;
      const need = Math.max(1, Math.floor(share * pairs + 1e-9));
      // What each joined pair counts: one (null), or, asking two pairs or more, its idf over the
      // joined pairs' mean (NearMissRule.wideJoinedIdf, an option left off: no array by default).
      let worth: Float64Array | null = null;
      if (byIdf && need > 1) {
        worth = new Float64Array(n).fill(1);
        let total = 0;
        for (let g = 1; g < n; g++) {
          const [a, b] = [groups[g - 1].terms[0], groups[g].terms[0]];
          if (joinMask & (1 << g)) total += worth[g] = a && b ? idf(index, pairDf(index, a.f, b.f)) : 0;
        }
        for (let g = 1; g < n; g++) worth[g] = total > 0 ? (worth[g] * pairs) / total : 1;
      }
      let count = 0;
      for (let i = 0; i < docs.length && count < most; i++) {
        let held = 0;
        for (let g = 1; g < n && held < need - 1e-9; g++) if (joinMask & (1 << g) && mayPair(docs[i], g)) held += worth ? worth[g] : 1;
        if (held >= need - 1e-9) count++;
      }
      return count;
    },
    /**
     * False when article d certainly lacks one of the phrases (a pair of it is not in its
     * filter); phrases whose last word is in `lack` (a near miss lacking the whole unit) are not asked for.
     */
    mayHoldPhrases(d: number, lack = 0): boolean {
      for (let k = 0; k < phrasePairs.length; k++) {
        if (lack & (1 << phrases[k][phrases[k].length - 1])) continue;
        for (const hs of phrasePairs[k]) if (!holds(d, hs)) return false;
      }
      return true;
    },
    /**
     * Whether article d's stream holds every phrase but those whose last word it lacks (`lack`):
     * the phrase part of `scan` alone, stopping at the last phrase found. A code typed together
     * (`U21`: `u` `21`) is a phrase of two common pieces; this check lets the holders be bounded
     * and scanned only when a page may reach them, as queries without phrases are (run).
     */
    holdsPhrases(d: number, lack = 0): boolean {
      const want = phraseEnd & ~lack;
      if (want === 0) return true;
      let chain = 0;
      let found = 0;
      for (let i = docStart[d], to = docStart[d + 1]; i < to; i++) {
        const v = low[i];
        const e = v < escape ? v : tokenAt(stream, i);
        if (e === BREAK) {
          chain = 0;
          continue;
        }
        const all = baseMask[e] | expMask[e];
        chain = ((chain << 1) & all & phraseCont) | (all & phraseStart);
        found |= chain & want;
        if (found === want) return true;
      }
      return false;
    },
    /** Whether a scanned article holds every phrase but those whose words it lacks (`lack`). */
    phrasesHeld(p: Proximity, lack = 0): boolean {
      return ((p.phrasesFound | lack) & phraseEnd) === phraseEnd;
    },
    /** Set the query's masks on the segment's exact terms (shared scratch: arm before scanning, release after). */
    arm() {
      for (let j = 0; j < masked.length; j++) {
        if (bits[j] > 0) baseMask[masked[j]] |= bits[j];
        else expMask[masked[j]] |= -bits[j];
      }
    },
    release() {
      for (const e of masked) baseMask[e] = expMask[e] = 0;
    },
    /**
     * An upper bound of pairs + near + title of article d, from the per-field counts of each
     * query word that accumulate left in its row: a pair occurs in a field at most as often as
     * its rarer word, a near occurrence needs both words in the field and counts at most one
     * per occurrence of either. 0 when no positional feature can score. A joined pair's parts
     * that need it written adjacent (pairs, the title compound, flow beyond `flowNear`) count
     * until the article's pair filter rules the pair out; the filter is read only while the
     * bound is at least `need` (-Infinity: every pair, the tight bound): a bound found below
     * `need` is returned as it stands, looser (MaxScore's cut, see run).
     */
    bound(d: number, need: number): number {
      const counts = s.counts;
      const row = slot[d];
      if (row < 0) return 0;
      const at = row * stride;
      const tn = titleNorm[d];
      const ln = leadNorm[d];
      const bn = bodyNorm[d];
      let out = 0;
      for (let g = 1; g < n; g++) {
        const a = at + 3 * (g - 1);
        const b = at + 3 * g;
        const mt = Math.min(counts[a], counts[b]);
        const ml = Math.min(counts[a + 1], counts[b + 1]);
        const mb = Math.min(counts[a + 2], counts[b + 2]);
        // What the pair filter may take away (it serves pairs, the title compound and flow).
        let adjacent = 0;
        if ((joinMask & (1 << g)) !== 0 && mt + ml + mb > 0) {
          if (pairIdf[g] > 0) adjacent += pairIdf[g] * sat(fw.title * mt * tn + fw.lead * ml * ln + fw.body * mb * bn);
          if (titleIdf[g] > 0) adjacent += titleIdf[g] * sat(mt * tn);
          if (flowW[g] > 0 && mt + ml > 0) adjacent += flowW[g] * (flowUp - flowDown);
          if (headPairs & (1 << g) && mt > 0) adjacent += headRest[g - 1] + headRest[g];
          if (fitPairs & (1 << g) && mt > 0 && titleLen[d] > 0) adjacent += fitW * Math.min(1, (2 * mt) / titleLen[d]);
        }
        filterable[g] = adjacent;
        out += adjacent;
        // Flow: adjacent in the title or lead only if the filter allows the pair, else near at most.
        if (flowW[g] > 0 && mt + ml > 0) out += flowW[g] * flowDown;
        if (nearIdf[g] > 0) {
          const nt = mt > 0 ? counts[a] + counts[b] : 0;
          const nl = ml > 0 ? counts[a + 1] + counts[b + 1] : 0;
          const nb = mb > 0 ? counts[a + 2] + counts[b + 2] : 0;
          out += nearIdf[g] * sat(fw.title * nt * tn + fw.lead * nl * ln + fw.body * nb * bn);
        }
      }
      // Span: no window holds more of the query than the article does.
      if (spanW > 0) {
        const held = Math.min(1, s.sums[SUMS * d + COVER] / stats.totalIdf);
        out += spanW * held * held;
      }
      // The pair filter read once per pair, and only while the bound can still reach `need`.
      let g = 1;
      for (; g < n && out >= need; g++) if (filterable[g] > 0 && !mayPair(d, g)) out -= filterable[g];
      // Pairs left unread: what their filters may still take away, kept for `tighten`.
      let left = g;
      while (left < n && !(filterable[left] > 0)) left++;
      if (left < n) keepLoose(d, left);
      return out;
    },
    /**
     * What reading the pair filters `bound` left unread takes away from article d's bound
     * (0 when nothing was left, or once tightened: each article's filters are read once).
     */
    tighten(d: number): number {
      const r = looseRowOf(d);
      if (r < 0) return 0;
      const parts = s.looseParts;
      const at = r * n;
      s.looseDocs[r] = -1;
      let out = 0;
      for (let g = 1; g < n; g++) if (parts[at + g] > 0 && !mayPair(d, g)) out += parts[at + g];
      return out;
    },
    /**
     * At least `bound` of any article: each positional feature at its ceiling (a saturation stays
     * below k1 + 1). `headless`: of an article with no query word in its title or lead (see
     * `headless`), whose title part, flow and head compound are 0 (they count title or lead
     * occurrences only); pairs, near pairs and span count the body too.
     */
    ceiling(headless = false): number {
      const top = k1 + 1;
      let out = 0;
      for (let g = 1; g < n; g++) {
        if (joinMask & (1 << g)) out += (pairIdf[g] > 0 ? pairIdf[g] * top : 0) + (titleIdf[g] > 0 && !headless ? titleIdf[g] * top : 0);
        if (flowW[g] > 0 && !headless) out += flowW[g] * Math.max(flowNear, 1);
        if (headPairs & (1 << g) && !headless) out += headRest[g - 1] + headRest[g];
        if (nearIdf[g] > 0) out += nearIdf[g] * top;
      }
      if (fitPairs && !headless) out += fitW;
      if (spanW > 0) out += spanW;
      return out > 0 ? inflate(out) : 0;
    },
    /**
     * Whether no term of any query word occurs in article d's title or lead, by the count row
     * accumulate left (it counts every posting of every term of the word, before any is skipped):
     * the positional pass then finds no query token there.
     */
    headless(d: number): boolean {
      const row = slot[d];
      if (row < 0) return false;
      const counts = s.counts;
      const at = row * stride;
      for (let g = 0; g < n; g++) if (counts[at + 3 * g] !== 0 || counts[at + 3 * g + 1] !== 0) return false;
      return true;
    },
    /** Pair and near scores and the phrase check over stream positions [from, to). */
    scan(d: number, from: number, to: number): Proximity {
      pairCounts.fill(0);
      nearCounts.fill(0);
      if (markMask) markCounts.fill(0);
      last.fill(-Infinity);
      if (spanW > 0) lastBase.fill(-Infinity);
      let spanHead = 0;
      let spanBodyBest = 0;
      let fitSyllables = 0;
      let fitLast = -Infinity;
      let prevAll = 0;
      let prevBase = 0;
      let chain = 0;
      let found = 0;
      const tEnd = titleEnd[d];
      const lEnd = leadEnd[d];
      for (let i = from; i < to; i++) {
        // tokenAt inlined for the common case: an id below ESCAPE is the id itself.
        const v = low[i];
        const e = v < escape ? v : tokenAt(stream, i);
        if (e === BREAK) {
          // A sentence, clause or paragraph break: neither a pair nor a phrase crosses it.
          prevAll = prevBase = chain = 0;
          continue;
        }
        const base = baseMask[e];
        const all = base | expMask[e];
        if (all === 0) {
          prevAll = prevBase = chain = 0;
          continue;
        }
        const field = i < tEnd ? 0 : i < lEnd ? 1 : 2;
        const fieldStart = field === 0 ? docStart[d] : field === 1 ? tEnd : lEnd;
        const marked = base & markMask;
        if (marked) for (let g = 0; g < n; g++) if (marked & (1 << g)) markCounts[3 * g + field]++;
        if (spanW > 0 && base) {
          let share = 0;
          for (let g = 0; g < n; g++) {
            if (base & (1 << g)) lastBase[g] = i;
            if (i - lastBase[g] < spanWidth) share += spanShare[g];
          }
          if (field < 2) {
            if (share > spanHead) spanHead = share;
          } else if (share > spanBodyBest) spanBodyBest = share;
        }
        const pairs = (prevAll << 1) & all & joinMask;
        if (pairs) {
          const strong = (prevBase << 1) & base;
          for (let g = 1; g < n; g++) {
            if (pairs & (1 << g)) pairCounts[3 * g + field] += strong & (1 << g) ? 1 : 0.5;
          }
          // Fit: the title's positions a compound written whole covers, each once (a chain of compounds shares its middle syllable).
          if (field === 0 && pairs & fitPairs) {
            fitSyllables += (i - 1 > fitLast ? 2 : 1) * (strong & pairs & fitPairs ? 1 : 0.5);
            fitLast = i;
          }
        }
        // Near: a query neighbour seen 2..window positions back in the same field.
        for (let g = 0; g < n; g++) {
          if (!(all & (1 << g))) continue;
          if (g > 0 && last[g - 1] >= fieldStart && i - last[g - 1] >= 2 && i - last[g - 1] <= window) nearCounts[3 * g + field]++;
          if (g + 1 < n && last[g + 1] >= fieldStart && i - last[g + 1] >= 2 && i - last[g + 1] <= window) nearCounts[3 * (g + 1) + field]++;
          last[g] = i;
        }
        chain = ((chain << 1) & all & phraseCont) | (all & phraseStart);
        found |= chain & phraseEnd;
        prevAll = all;
        prevBase = base;
      }
      let pairs = 0;
      let near = 0;
      let title = 0;
      let flow = 0;
      let text = 0;
      if (markMask) {
        for (let g = 0; g < n; g++) {
          if (!(markMask & (1 << g))) continue;
          // Capped as the postings cap the folded counts, so the folded parts bound these.
          const y = Math.min(15, markCounts[3 * g]) * titleNorm[d];
          const x = fT * y + fL * Math.min(15, markCounts[3 * g + 1]) * leadNorm[d] + fB * Math.min(255, markCounts[3 * g + 2]) * bodyNorm[d];
          if (x > 0) text += (markIdf[g] * x * (k1 + 1)) / (x + k1);
          if (y > 0) title += (markIdf[g] * markTitle[g] * y * (k1 + 1)) / (y + k1);
        }
      }
      for (let g = 1; g < n; g++) {
        if (pairIdf[g] > 0) pairs += pairIdf[g] * fieldScore(pairCounts, d, g);
        if (nearIdf[g] > 0) near += nearIdf[g] * fieldScore(nearCounts, d, g);
        if (titleIdf[g] > 0) title += titleIdf[g] * sat(pairCounts[3 * g] * titleNorm[d]);
        if (flowW[g] > 0) {
          // Adjacent in the title or lead: 1 (a completion's pair counts half); only near there: flowNear.
          const adjacent = Math.min(1, pairCounts[3 * g] + pairCounts[3 * g + 1]);
          flow += flowW[g] * Math.max(adjacent, nearCounts[3 * g] + nearCounts[3 * g + 1] > 0 ? flowNear : 0);
        }
      }
      let head = 0;
      if (headPairs) {
        // Each syllable once, at the best of its compounds written whole in the title (a completion's pair counts half).
        headBest.fill(0);
        for (let g = 1; g < n; g++) {
          const c = headPairs & (1 << g) ? Math.min(1, pairCounts[3 * g]) : 0;
          if (c > headBest[g - 1]) headBest[g - 1] = c;
          if (c > headBest[g]) headBest[g] = c;
        }
        for (let g = 0; g < n; g++) head += headRest[g] * headBest[g];
      }
      const fit = fitPairs && titleLen[d] > 0 ? fitW * Math.min(1, fitSyllables / titleLen[d]) : 0;
      const headShare = Math.min(1, spanHead);
      const bodyShare = Math.min(1, spanBodyBest);
      const span = spanW > 0 ? spanW * Math.max(headShare * headShare, w.spanBody * bodyShare * bodyShare) : 0;
      return { pairs, near, title, flow, text, span, head, fit, phrasesOk: (found & phraseEnd) === phraseEnd, phrasesFound: found & phraseEnd };
    },
  };
}
