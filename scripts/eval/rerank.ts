// Would a feature help? A screen for candidate ranking features before one is built into
// rank-score.ts (with its upper bound) and measured with ablate.ts: our first 20 results of
// every judged query on every tuning set are re-ranked by score + w × feature (a feature
// computed from the article's text: title, lead, body, date), and each set's nDCG@5 change is
// printed, with a leave-one-set-out figure (the weight chosen on the other sets, the left-out
// set scored with it). Only the order inside our first 20 moves: a screen, not a result; a
// feature that passes it still has to win in ablate.ts.
//
//   npx tsx scripts/eval/rerank.ts --index=DIR [--corpus=DIR] [--features=titleFit,future] [--weights=2,5,10,20]
//     [--within=5]  (reorder our first 5 only: the order within the page)
//     [--judged]    (drop unjudged articles first: condensed nDCG@5, an unjudged article lifted is not charged as a 0)
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { createMatcher, localize, type Hit } from "@/lib/search/matcher";
import { createScratch, explainQuery, idf, type RankFeatures } from "@/lib/search/rank-score";
import { expandQuery } from "@/lib/search/query-expand";
import { parseQuery } from "@/lib/search/query-parse";
import { splitRunTogether, withWhole } from "@/lib/search/run-together";
import { PLACES } from "@/lib/corpus/names";
import { fold, tokenize } from "@/lib/text/analyzer";
import { loadAdditions, loadJudged, ndcgAt, withAdditions, type Grade } from "./judged";
import { tuningSets } from "./tuning-sets";

/** One result of ours, as the features read it: folded syllables of each field. */
export interface Page {
  id: string;
  score: number;
  /** 0: a full match (or any result when near misses are mixed in); 1: a near miss listed after the full matches. */
  tier: number;
  title: string[];
  /** The title's normalised terms (marks kept), for words whose marks matter (`sẽ`). */
  titleTerms: string[];
  lead: string[];
  body: string[];
  /** Folded syllables of each paragraph after the lead. */
  paras: string[][];
  /** Day number (days since 1970-01-01), or null. */
  day: number | null;
  /** A near miss (lacks a query word), whether listed with the full matches or after them. */
  near?: boolean;
  /** The named features of its score (rank-score.ts explainQuery), when the screen read them. */
  named?: RankFeatures;
  /** The lead's and body's words as written (case kept), for features reading names. */
  written?: string[];
  /** The title as written. */
  rawTitle?: string;
}

export interface ScreenQuery {
  set: string;
  id: string;
  q: string;
  /** The query's distinct folded words. */
  words: string[];
  /** Folded word → idf in the archive. */
  idf: Map<string, number>;
  grades: Record<string, Grade>;
  pages: Page[];
  /** Any folded word's idf in the archive (features reading words beyond the query's). */
  termIdf?: (w: string) => number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const share = (held: (w: string) => boolean, q: ScreenQuery) => {
  const total = sum(q.words.map((w) => q.idf.get(w) ?? 0)) || 1;
  return sum(q.words.filter(held).map((w) => q.idf.get(w) ?? 0)) / total;
};
const holdsRun = (tokens: string[], run: string[]) => tokens.some((_, i) => run.every((r, j) => tokens[i + j] === r));
const FOLDED_PLACES = PLACES.map((p) => fold(p).split(" "));

const rarest = (q: ScreenQuery) => [...q.words].sort((a, b) => (q.idf.get(b) ?? 0) - (q.idf.get(a) ?? 0))[0];

/** Our first this many results are the consensus the `consensus` features read. */
const CONSENSUS_TOP = 10;

/** The idf-weighted share of a page's own words (the query's left out) that the other pages of the first CONSENSUS_TOP use too, each by the share of them that does. */
export function consensus(q: ScreenQuery, p: Page, field: (p: Page) => string[]): number {
  const others = q.pages
    .slice(0, CONSENSUS_TOP)
    .filter((x) => x !== p)
    .map((x) => new Set(field(x)));
  if (!others.length) return 0;
  const own = [...new Set(field(p))].filter((w) => !q.words.includes(w));
  let total = 0;
  let shared = 0;
  for (const w of own) {
    const weight = q.termIdf?.(w) ?? 1;
    total += weight;
    shared += (weight * others.filter((o) => o.has(w)).length) / others.length;
  }
  return total ? shared / total : 0;
}

/** The archive's mean article length in syllables (the 35k corpus: 645), for textLen. */
const MEAN_LENGTH = 645;

/** BM25F of the query's words over title, lead and body (5 / 2 / 1, k1 1.2, as RANK_WEIGHTS), each count's saturation normalised by the article's length with `b`. */
function textLengthNormed(q: ScreenQuery, p: Page, b: number): number {
  const k1 = 1.2;
  const length = p.title.length + p.lead.length + p.body.length;
  const k = k1 * (1 - b + (b * length) / MEAN_LENGTH);
  const count = (xs: string[], w: string) => xs.reduce((n, x) => n + (x === w ? 1 : 0), 0);
  return sum(
    q.words.map((w) => {
      const x = 5 * count(p.title, w) + 2 * count(p.lead, w) + count(p.body, w);
      return x > 0 ? ((q.idf.get(w) ?? 0) * x * (k1 + 1)) / (x + k) : 0;
    }),
  );
}

const DAY = 86_400_000;

/** Jaccard similarity of two lists' distinct syllables. */
function jaccard(a: string[], b: string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  const all = x.size + y.size - both;
  return all ? both / all : 0;
}

/** Titles at least this alike (syllables, Jaccard) tell the same story: copyBelow. */
const SAME_STORY = 0.7;

/**
 * The days a query names, as a span [from, to] of day numbers in `year`: a month typed after
 * `tháng` (`tháng 6`, `tháng 5/2017`) from its first day to 15 days after its last (reports on a
 * month come at its end or after); a day and month typed `d/m` or `d.m` from 7 days before to
 * 3 after (previews, then the reports). Null when the query names no day or month.
 */
export function typedDays(q: string, year: number): [number, number] | null {
  const words = tokenize(q).map((t) => t.folded);
  const day = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY);
  for (let i = 0; i < words.length; i++) {
    const month = /^(\d{1,2})(?:\/(\d{4}))?$/u.exec(words[i]);
    if (i > 0 && words[i - 1] === "thang" && month && +month[1] >= 1 && +month[1] <= 12) {
      const y = month[2] ? +month[2] : year;
      return [day(y, +month[1], 1), day(y, +month[1] + 1, 0) + 15];
    }
    const date = /^(\d{1,2})[/.](\d{1,2})$/u.exec(words[i]);
    if (date && +date[1] >= 1 && +date[1] <= 31 && +date[2] >= 1 && +date[2] <= 12) {
      const at = day(year, +date[2], +date[1]);
      return [at - 7, at + 3];
    }
  }
  return null;
}

/** The query's adjacent pairs of folded words, in the order typed. */
const queryPairs = (q: ScreenQuery) => {
  const words = tokenize(q.q).map((t) => t.folded);
  return words.slice(1).map((w, i) => [words[i], w]);
};

/** A candidate feature: a number per page of a query (larger = better), about 0–1. */
export type Feature = (q: ScreenQuery, p: Page) => number;

/** The candidates screened (docs/history/relevance-log.md, rank16's section). */
export const FEATURES: Record<string, { about: string; f: Feature }> = {
  titleFit: {
    about: "share of the title's syllables that are query words (the headline is about the query, not about more)",
    f: (q, p) => p.title.filter((t) => q.words.includes(t)).length / Math.max(1, p.title.length),
  },
  titleFitIdf: {
    about: "the same by idf: the share of the title's information (its syllables' idf) that the query's words carry",
    f: (q, p) => {
      const weight = (t: string) => q.idf.get(t) ?? q.termIdf?.(t) ?? 1;
      const all = sum(p.title.map(weight));
      return all ? sum(p.title.filter((t) => q.words.includes(t)).map(weight)) / all : 0;
    },
  },
  headWords: {
    about: "share of the query's words (each alike, not by idf) in the title or lead",
    f: (q, p) => q.words.filter((w) => p.title.includes(w) || p.lead.includes(w)).length / Math.max(1, q.words.length),
  },
  firstSentence: {
    about: "idf share of the query in the lead's first 30 syllables",
    f: (q, p) => share((w) => p.lead.slice(0, 30).includes(w), q),
  },
  bodyRepeats: {
    about: "the query's words repeated in the body: BM25 (k1 1.2, b 0.75 against 500 syllables) of the body alone, idf-weighted share",
    f: (q, p) => {
      const norm = 0.25 + (0.75 * p.body.length) / 500;
      const tf = (w: string) => p.body.filter((t) => t === w).length;
      const total = sum(q.words.map((w) => q.idf.get(w) ?? 0)) || 1;
      return sum(q.words.map((w) => ((q.idf.get(w) ?? 0) * tf(w) * 2.2) / (tf(w) + 1.2 * norm))) / total / 2.2;
    },
  },
  rarestInBody: {
    about: "how often the body repeats the query's rarest word (capped at 10)",
    f: (q, p) => {
      const rare = [...q.words].sort((a, b) => (q.idf.get(b) ?? 0) - (q.idf.get(a) ?? 0))[0];
      return Math.min(10, p.body.filter((t) => t === rare).length) / 10;
    },
  },
  notPreview: {
    about: "−1 when the title says the event is still to come (`sẽ`, `sắp`) and the query does not",
    f: (q, p) => (["sẽ", "sắp"].some((m) => p.titleTerms.includes(m) && !q.q.toLowerCase().split(/\s+/u).includes(m)) ? -1 : 0),
  },
  placeInHead: {
    about: "−(share of the query's places, as names.ts PLACES lists them, absent from the title and lead)",
    f: (q, p) => {
      const words = q.q.split(/\s+/u).map((w) => fold(w));
      const places = FOLDED_PLACES.filter((run) => (run.length > 1 || run[0].length >= 4) && holdsRun(words, run));
      if (!places.length) return 0;
      return -places.filter((run) => !holdsRun(p.title, run) && !holdsRun(p.lead, run)).length / places.length;
    },
  },
  titleShare: {
    about: "idf share of the query's words in the title alone (not the lead)",
    f: (q, p) => share((w) => p.title.includes(w), q),
  },
  titleAll: {
    about: "1 when the title holds every content word of the query (idf ≥ 2), else 0",
    f: (q, p) => (q.words.filter((w) => (q.idf.get(w) ?? 0) >= 2).every((w) => p.title.includes(w)) ? 1 : 0),
  },
  titleRarest: {
    about: "1 when the title holds the query's rarest word",
    f: (q, p) => (p.title.includes(rarest(q)) ? 1 : 0),
  },
  noTitleWord: {
    about: "−1 when the title holds none of the query's content words (idf ≥ 2)",
    f: (q, p) => (q.words.some((w) => (q.idf.get(w) ?? 0) >= 2 && p.title.includes(w)) ? 0 : -1),
  },
  leadDensity: {
    about: "how many of the first 60 syllables after the title are the query's content words (idf ≥ 2), over 10, at most 1",
    f: (q, p) => Math.min(1, [...p.lead, ...p.body].slice(0, 60).filter((t) => (q.idf.get(t) ?? 0) >= 2 && q.words.includes(t)).length / 10),
  },
  paraShare: {
    about: "share of the lead and body paragraphs naming the query's rarest word",
    f: (q, p) => {
      const paras = [p.lead, ...p.paras].filter((x) => x.length);
      return paras.length ? paras.filter((x) => x.includes(rarest(q))).length / paras.length : 0;
    },
  },
  rarestInLead: {
    about: "1 when the lead (first paragraph) names the query's rarest word",
    f: (q, p) => (p.lead.includes(rarest(q)) ? 1 : 0),
  },
  namesInTitle: {
    about: "−(share of the query's words typed with a capital or a digit, its names and codes, that the title lacks); 0 when none is typed so",
    f: (q, p) => {
      const names = [
        ...new Set(
          tokenize(q.q)
            .filter((t) => /^[\p{Lu}\d]/u.test(t.text))
            .map((t) => t.folded),
        ),
      ];
      return names.length ? -names.filter((w) => !p.title.includes(w)).length / names.length : 0;
    },
  },
  titleHead: {
    about: "idf share of the query's words among the title's first (query words + 2) syllables: the headline opens with the query",
    f: (q, p) => share((w) => p.title.slice(0, q.words.length + 2).includes(w), q),
  },
  titlePhrase: {
    about: "the longest run of the query's words, in the query's order, that the title writes adjacent, over the query's word count",
    f: (q, p) => {
      const words = tokenize(q.q).map((t) => t.folded);
      let best = 0;
      for (let i = 0; i < words.length; i++) for (let j = words.length; j > i + best; j--) if (holdsRun(p.title, words.slice(i, j))) best = j - i;
      return best / Math.max(1, words.length);
    },
  },
  shortArticle: {
    about: "−log2(the article's syllables / 400), within ±1: a short article is more likely about one thing",
    f: (_q, p) => Math.max(-1, Math.min(1, -Math.log2((p.title.length + p.lead.length + p.body.length) / 400))),
  },
  density: {
    about: "share of the article's syllables (title, lead, body) that are the query's words, × 10, at most 1",
    f: (q, p) => {
      const all = [...p.title, ...p.lead, ...p.body];
      return Math.min(1, (10 * all.filter((t) => q.words.includes(t)).length) / Math.max(1, all.length));
    },
  },
  firstMention: {
    about: "−(where the lead and body first name the query's rarest word, in syllables, over 300, at most 1): a passing mention comes late",
    f: (q, p) => {
      const at = [...p.lead, ...p.body].indexOf(rarest(q));
      return at < 0 ? -1 : -Math.min(1, at / 300);
    },
  },
  mainSubject: {
    about: "how often the lead and body name the query's rarest word against the name they name most (a capitalised word), at most 1",
    f: (q, p) => {
      const counts = new Map<string, number>();
      for (const w of p.written ?? []) if (/^\p{Lu}/u.test(w)) counts.set(fold(w.toLowerCase()), (counts.get(fold(w.toLowerCase())) ?? 0) + 1);
      const most = Math.max(1, ...counts.values());
      const rare = rarest(q);
      const mine = [...p.lead, ...p.body].filter((t) => t === rare).length;
      return Math.min(1, mine / most);
    },
  },
  titleList: {
    about: "−(separators in the title: `,` `;` `|` `:` and ` - `, over 2, at most 1): a round-up lists several topics",
    f: (_q, p) => -Math.min(1, ((p.rawTitle ?? "").match(/[,;|:]| - /gu) ?? []).length / 2),
  },
  consensusTitle: {
    about:
      "how much of the title's other words (not the query's; by idf) the other titles of our first 10 also use: the reports of an event share their words, a side story stands apart",
    f: (q, p) => consensus(q, p, (x) => x.title),
  },
  consensusHead: {
    about: "the same over the title and the lead",
    f: (q, p) => consensus(q, p, (x) => [...x.title, ...x.lead]),
  },
  titleQuestion: {
    about: "−1 when the title asks a question (ends with `?`): a preview, a guess or a debate rather than the report (rank31)",
    f: (_q, p) => (/\?\s*["'”’»]?\s*$/u.test(p.rawTitle ?? "") ? -1 : 0),
  },
  textLen: {
    about:
      "the text part with BM25's length normalisation (b 0.75 over the archive's mean of 645 syllables: a long article's counts weigh less) minus the score's text part (weight 1: the text part replaced; rank31)",
    f: (q, p) => textLengthNormed(q, p, 0.75) - (p.named?.text ?? 0),
  },
  textLenHalf: {
    about: "the same with b 0.4",
    f: (q, p) => textLengthNormed(q, p, 0.4) - (p.named?.text ?? 0),
  },
  copyBelow: {
    about: `−1 when a page above it in our first 20 tells the same story (titles' syllables ≥ ${SAME_STORY} alike, Jaccard): a near-duplicate's copies pushed down (rank32)`,
    f: (q, p) => (q.pages.slice(0, q.pages.indexOf(p)).some((x) => jaccard(x.title, p.title) >= SAME_STORY) ? -1 : 0),
  },
  dateNear: {
    about:
      "−(days from the span the query names, a month typed after `tháng` or a day typed `d/m`, over 30, at most 1); 0 when it names none or the article has no date (rank32)",
    f: (q, p) => {
      if (p.day === null) return 0;
      const span = typedDays(q.q, new Date(p.day * DAY).getUTCFullYear());
      if (!span) return 0;
      const off = p.day < span[0] ? span[0] - p.day : Math.max(0, p.day - span[1]);
      return -Math.min(1, off / 30);
    },
  },
  leadPairs: {
    about:
      "the share of the query's adjacent pairs that the lead (first paragraph) writes adjacent: the query said where the story opens, not deep in the body (rank32)",
    f: (q, p) => {
      const pairs = queryPairs(q);
      return pairs.length ? pairs.filter((pair) => holdsRun(p.lead, pair)).length / pairs.length : 0;
    },
  },
  rarestSubject: {
    about:
      "1 when the title holds the query's rarest word, else how often the lead and body name it, over 5, at most 1: a title holding only the query's common words, over a report naming its subject (a person) only in the text (held-out25's o07; rank32)",
    f: (q, p) => {
      const rare = rarest(q);
      if (p.title.includes(rare)) return 1;
      return Math.min(1, [...p.lead, ...p.body].filter((t) => t === rare).length / 5);
    },
  },
  nearInTime: {
    about: "−(days from the median date of our first 10, over 14, at most 1): a preview or a look back is far from the event's reports",
    f: (q, p) => {
      const days = q.pages
        .slice(0, 10)
        .map((x) => x.day)
        .filter((d): d is number => d !== null)
        .sort((a, b) => a - b);
      if (days.length < 3 || p.day === null) return 0;
      return -Math.min(1, Math.abs(p.day - days[days.length >> 1]) / 14);
    },
  },
};

/** Our order after adding w × f to each page's score (near misses listed after the full matches stay after). */
export function rerank(q: ScreenQuery, f: Feature, w: number): string[] {
  const keyed = q.pages.map((p, i) => ({ p, i, s: p.score + (w ? w * f(q, p) : 0) }));
  keyed.sort((a, b) => a.p.tier - b.p.tier || b.s - a.s || a.i - b.i);
  return keyed.map((k) => k.p.id);
}

/** Mean nDCG@5 per set of the queries re-ranked with w × f. */
export function perSet(queries: ScreenQuery[], f: Feature, w: number): Map<string, number> {
  const by = new Map<string, number[]>();
  for (const q of queries) {
    const list = by.get(q.set) ?? [];
    list.push(ndcgAt(rerank(q, f, w), q.grades, 5));
    by.set(q.set, list);
  }
  return new Map([...by].map(([s, xs]) => [s, sum(xs) / xs.length]));
}

/**
 * Leave one set out: for each set, the weight (0 included) with the best query-weighted mean on
 * the other sets, the left-out set scored with it; returns the query-weighted mean of those.
 */
export function leaveOneSetOut(queries: ScreenQuery[], f: Feature, weights: number[]): { mean: number; chosen: Record<string, number> } {
  const sets = [...new Set(queries.map((q) => q.set))];
  const count = new Map(sets.map((s) => [s, queries.filter((q) => q.set === s).length]));
  const tables = new Map([0, ...weights].map((w) => [w, perSet(queries, f, w)]));
  const chosen: Record<string, number> = {};
  let total = 0;
  for (const out of sets) {
    let best = 0;
    let bestScore = -Infinity;
    for (const [w, t] of tables) {
      const s = sum(sets.filter((x) => x !== out).map((x) => t.get(x)! * count.get(x)!));
      if (s > bestScore + 1e-12) [best, bestScore] = [w, s];
    }
    chosen[out] = best;
    total += tables.get(best)!.get(out)! * count.get(out)!;
  }
  return { mean: total / queries.length, chosen };
}

/**
 * What a screen re-ranks: `within` N keeps our first N only (a feature can only reorder them: the
 * order within a page, nothing pulled up from below); `judged` drops unjudged articles first
 * (condensed, as condensedNdcgAt: an article no grade covers is not charged as a 0 when a feature
 * lifts it).
 */
export function screenView(queries: ScreenQuery[], opts: { within?: number; judged?: boolean }): ScreenQuery[] {
  return queries.map((q) => {
    let pages = opts.judged ? q.pages.filter((p) => p.id in q.grades) : q.pages;
    if (opts.within) pages = pages.slice(0, opts.within);
    return { ...q, pages };
  });
}

/** The tuning sets' files (data/eval/…, without .json), with each set's name in the tables. */
export const TUNING_FILES = tuningSets().map((s) => path.basename(s.file, ".json"));

/**
 * Our first `depth` results of every query of the tuning sets (grades with the additions), with
 * what the screens read: each field's folded syllables, the named features of the score
 * (rank-score.ts explainQuery), whether it is a near miss.
 */
export async function loadScreen(index: string, corpus: string, depth: number): Promise<ScreenQuery[]> {
  const live = await LiveIndex.open({ corpusDir: path.resolve(corpus), indexDir: path.resolve(index), reader: true, waitForWriter: false });
  const archive = live.archive;
  const matcher = createMatcher(archive);
  const seg0 = archive.segments[0].rank;
  const idfOf = (w: string) => {
    const f = seg0.foldedId.get(w);
    return f === undefined || !seg0.shared ? 0 : idf(seg0, seg0.shared.df[f]);
  };
  const additions = loadAdditions();
  const queries: ScreenQuery[] = [];
  const folded = (text: string) => tokenize(text).map((t) => t.folded);
  for (const file of TUNING_FILES) {
    const set = withAdditions(loadJudged(path.resolve(__dirname, `../../data/eval/${file}.json`)), additions);
    for (const jq of set.queries) {
      const r = matcher.match(jq.q);
      const hits: [Hit, number][] = [];
      if (r?.mixed && r.nearMisses.length) hits.push(...r.top(depth, "relevance", [...r.hits, ...r.nearMisses]).map((h): [Hit, number] => [h, 0]));
      else if (r) {
        hits.push(...r.top(depth).map((h): [Hit, number] => [h, 0]));
        if (hits.length < depth && r.nearMisses.length) hits.push(...r.top(depth - hits.length, "relevance", r.nearMisses).map((h): [Hit, number] => [h, 1]));
      }
      const nearIds = new Set(r?.nearMisses.map((h) => h.seg.rank.ids[h.d]) ?? []);
      // The named features, as explain.ts reads them (the matcher's reading of the query).
      const parsed = splitRunTogether(archive.lexicon, parseQuery(jq.q));
      const groups = withWhole(expandQuery(archive.lexicon, parsed.words), parsed.whole, parsed.also);
      const named = new Map<string, RankFeatures>();
      for (const seg of new Set(hits.map(([h]) => h.seg))) {
        const local = localize(archive, seg, groups, []).groups;
        const ex = explainQuery(seg.rank, createScratch(seg.rank), { groups: local, phrases: parsed.phrases, excluded: [], mode: "all", nearMiss: true });
        for (const [h] of hits) if (h.seg === seg && ex.has(h.d)) named.set(h.seg.rank.ids[h.d], ex.get(h.d)!.features);
      }
      const words = [...new Set(folded(jq.q))];
      queries.push({
        set: file.replace("judged-", "").replace("queries", "frozen"),
        id: jq.id,
        q: jq.q,
        words,
        idf: new Map(words.map((w) => [w, idfOf(w)])),
        grades: jq.grades,
        termIdf: idfOf,
        pages: hits.map(([h, tier]) => {
          const a = h.seg.store.get(h.d);
          const time = a.date ? Date.parse(a.date) : NaN;
          const id = h.seg.rank.ids[h.d];
          return {
            id,
            score: h.score,
            tier,
            near: nearIds.has(id),
            named: named.get(id),
            title: folded(a.title),
            titleTerms: tokenize(a.title).map((t) => t.term),
            rawTitle: a.title,
            lead: folded(a.paragraphs[0] ?? ""),
            body: a.paragraphs.slice(1).flatMap(folded),
            paras: a.paragraphs.slice(1).map(folded),
            written: tokenize(a.paragraphs.join("\n")).map((t) => t.text),
            day: Number.isNaN(time) ? null : Math.floor(time / DAY),
          };
        }),
      });
    }
  }
  return queries;
}

async function main() {
  const { values } = cliArgs(__filename, {
    options: {
      index: { type: "string" },
      corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus") },
      features: { type: "string" },
      weights: { type: "string", default: "2,5,10,20" },
      depth: { type: "string", default: "20" },
      within: { type: "string" },
      judged: { type: "boolean", default: false },
    },
  });
  if (!values.index) throw new Error("--index=DIR is required (a saved index: npm run index)");
  const depth = Number(values.depth);
  const queries = screenView(await loadScreen(values.index, values.corpus!, depth), {
    within: values.within ? Number(values.within) : undefined,
    judged: values.judged,
  });
  const sets = [...new Set(queries.map((q) => q.set))];
  const weights = values.weights!.split(",").map(Number);
  const names = values.features ? values.features.split(",") : Object.keys(FEATURES);
  const none: Feature = () => 0;
  const base = perSet(queries, none, 0);
  const mean = (t: Map<string, number>) => sum(sets.map((s) => t.get(s)! * queries.filter((q) => q.set === s).length)) / queries.length;
  console.log(`Our first ${depth} re-ranked by score + w × feature; nDCG@5 change per set (${queries.length} queries)\n`);
  console.log(`| feature | w | all | sets up / down | ${sets.join(" | ")} |`);
  console.log(`|---|---|---|---|${sets.map(() => "---|").join("")}`);
  console.log(`| (as landed) | 0 | ${mean(base).toFixed(3)} | | ${sets.map((s) => base.get(s)!.toFixed(3)).join(" | ")} |`);
  const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;
  const loso: string[] = [];
  for (const name of names) {
    const { f } = FEATURES[name];
    for (const w of weights) {
      const t = perSet(queries, f, w);
      const d = sets.map((s) => t.get(s)! - base.get(s)!);
      console.log(
        `| ${name} | ${w} | ${signed(mean(t) - mean(base))} | ${d.filter((x) => x > 0.0005).length} / ${d.filter((x) => x < -0.0005).length} | ${d.map(signed).join(" | ")} |`,
      );
    }
    const cv = leaveOneSetOut(queries, f, weights);
    loso.push(`| ${name} | ${mean(base).toFixed(3)} → ${cv.mean.toFixed(3)} (${signed(cv.mean - mean(base))}) | ${sets.map((s) => cv.chosen[s]).join(" ")} |`);
  }
  console.log(`\nLeave one set out (each set scored with the weight, 0 included, best on the others)\n`);
  console.log(`| feature | all sets: as landed → left-out | weight chosen per left-out set (${sets.join(", ")}) |`);
  console.log(`|---|---|---|`);
  for (const line of loso) console.log(line);
  for (const name of names) console.log(`\n${name}: ${FEATURES[name].about}`);
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
