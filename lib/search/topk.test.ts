// The pruned top k (bounds, lazy positional scans, lib/search/topk.ts) against the
// exhaustive scorer (every match scanned whole): same ids, same order, same scores.
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "@/lib/corpus/load";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { memoryArchive } from "@/lib/index/memory";
import { SearchEngine } from "@/lib/search/engine";
import { createMatcher, type Matcher, type MatchMode } from "@/lib/search/matcher";
import { RANK_WEIGHTS, type RankWeights } from "@/lib/search/rank-score";
import type { Segment as IndexSegment } from "@/lib/index/segment";
import type { Hit } from "@/lib/search/matcher";
import { bestFirst, comparator, mapped, selectTop, type Sort } from "@/lib/search/topk";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const SEEDS = path.resolve(__dirname, "../../seeds");

// Few syllables, marked and not, so that pairs, near words, marks and phrases all occur.
const SYLLABLES = ["hòa", "hoa", "bình", "binh", "giá", "gia", "vàng", "vang", "đàm", "phán", "của", "các", "bão", "báo", "miền", "trung", "ở", "nhà"];
const DAYS = ["2025-01-02", "2025-01-03", "2025-02-10", null];

// Words of two syllables too, so that some articles hold a query's pairs as often as its
// syllables (where the bounds are tight and a wrong bound shows).
const PAIRS = ["hòa bình", "giá vàng", "đàm phán", "miền trung", "của các", "hoa binh"];
const unit = fc.oneof(fc.constantFrom(...SYLLABLES), fc.constantFrom(...PAIRS));
const sentence = fc.array(unit, { minLength: 1, maxLength: 10 }).map((w) => w.join(" ") + ".");
const article = fc.record({
  title: fc.array(unit, { minLength: 1, maxLength: 4 }),
  paragraphs: fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
  date: fc.constantFrom(...DAYS),
});
const corpus = fc
  .array(article, { minLength: 1, maxLength: 30 })
  .map((docs) =>
    docs.map((a, i): Article =>
      testArticle({ id: `a${String(i).padStart(2, "0")}`, title: a.title.join(" "), paragraphs: a.paragraphs.map((p) => p.join(" ")), date: a.date }),
    ),
  );
/** Queries of the corpus' syllables: several words (up to a long query's dozen), sometimes a quoted pair, sometimes a prefix. */
const query = fc
  .tuple(
    fc.oneof(fc.array(unit, { minLength: 1, maxLength: 3 }), fc.array(unit, { minLength: 4, maxLength: 7 })).map((w) => w.join(" ").split(" ")),
    fc.constantFrom("plain", "quoted", "prefix"),
  )
  .map(([words, kind]) =>
    kind === "quoted" && words.length > 1
      ? `"${words[0]} ${words[1]}" ${words.slice(2).join(" ")}`
      : kind === "prefix"
        ? `${words.join(" ")}`.slice(0, -1)
        : words.join(" "),
  );
const sort = fc.constantFrom<Sort>("relevance", "newest", "oldest");
const mode = fc.constantFrom<MatchMode>("all", "any");

/** The first k of every match, each scored whole, in the engine's order. */
function exhaustiveTop(exact: Matcher, q: string, m: MatchMode, k: number, s: Sort) {
  const r = exact.match(q, m);
  return r ? [...r.hits].sort(comparator(s)).slice(0, k) : [];
}

/**
 * The ranking as it is, with the optional marked-spelling term frequency on (RankWeights.marks), with span on, or with
 * a title-first head whose compounds are read in the positional pass (headCompound): all must prune exactly.
 */
const weights = fc.constantFrom(
  RANK_WEIGHTS,
  { ...RANK_WEIGHTS, marks: 1 },
  { ...RANK_WEIGHTS, span: 10 },
  { ...RANK_WEIGHTS, fit: 0 },
  { ...RANK_WEIGHTS, headLead: 0.5, headPower: 2, headCompound: 1, compound: 0 },
);

/** MaxScore's cut (rank-score.ts TOP_HINT) at depths a small corpus reaches: 0 (off), shallower than k, deeper. */
const hints = fc.constantFrom(0, 1, 2, 4, 200);

function expectSameTop(articles: Article[], q: string, m: MatchMode, k: number, s: Sort, w: RankWeights = RANK_WEIGHTS, topHint?: number) {
  const archive = memoryArchive(articles);
  const pruned = createMatcher(archive, { weights: w, topHint }).match(q, m);
  const exact = exhaustiveTop(createMatcher(archive, { exhaustive: true, weights: w }), q, m, k, s);
  const top = pruned ? pruned.top(k, s) : [];
  const view = (hs: typeof top) => hs.map((h) => [h.seg.rank.ids[h.d], h.score]);
  expect(view(top)).toEqual(view(exact));
  // Near misses ranked with the full matches (`mixed`): the same top k as every one scored whole.
  const whole = createMatcher(archive, { exhaustive: true, weights: w }).match(q, m);
  if (pruned && whole && s === "relevance") {
    expect(view(pruned.top(k, s, [...pruned.hits, ...pruned.nearMisses]))).toEqual(view([...whole.hits, ...whole.nearMisses].sort(comparator(s)).slice(0, k)));
  }
  // Every match is still there (totals and facets count them), pruned or not.
  expect(pruned?.hits.length ?? 0).toBe(createMatcher(archive, { exhaustive: true, weights: w }).match(q, m)?.hits.length ?? 0);
}

describe("pruned top k", () => {
  it("equals the exhaustive scorer's top k on random corpora and queries (ids, order, scores)", () => {
    fc.assert(
      fc.property(
        corpus,
        query,
        mode,
        fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 12 })),
        sort,
        weights,
        hints,
        (articles, q, m, k, s, w, h) => expectSameTop(articles, q, m, k, s, w, h),
      ),
      { numRuns: 300 },
    );
  });

  it("bounds every match's exact score from below and above before any scan", () => {
    fc.assert(
      fc.property(corpus, query, mode, weights, hints, (articles, q, m, w, topHint) => {
        const archive = memoryArchive(articles);
        const pruned = createMatcher(archive, { weights: w, topHint }).match(q, m);
        const exact = createMatcher(archive, { exhaustive: true, weights: w }).match(q, m);
        const before = new Map(pruned?.hits.map((h) => [h.seg.rank.ids[h.d], [h.score, h.bound ?? h.score]]));
        // Tightened (the pair filters each bound left unread, read), the bounds still hold.
        const tightened = createMatcher(archive, { weights: w, topHint }).match(q, m);
        for (const h of tightened?.hits ?? []) tightened!.tighten(h);
        const after = new Map(tightened?.hits.map((h) => [h.seg.rank.ids[h.d], [h.score, h.bound ?? h.score]]));
        for (const h of exact?.hits ?? []) {
          for (const bounds of [before, after]) {
            const [lower, upper] = bounds.get(h.seg.rank.ids[h.d])!;
            expect(lower).toBeLessThanOrEqual(h.score);
            expect(upper).toBeGreaterThanOrEqual(h.score);
          }
        }
        // Refined, the pruned scores are the exhaustive ones to the bit.
        if (pruned) expect([...pruned.scores]).toEqual([...exact!.scores]);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps an earlier query's bounds once a later query on the same matcher has bounded its own (shared loose rows)", () => {
    fc.assert(
      fc.property(corpus, query, query, weights, hints, (articles, q1, q2, w, topHint) => {
        const archive = memoryArchive(articles);
        const matcher = createMatcher(archive, { weights: w, topHint });
        const first = matcher.match(q1, "all");
        // The second query bounds on the same scratch (Scratch.looseAt): the first's rows are no longer its own.
        matcher.match(q2, "all");
        const exact = createMatcher(archive, { exhaustive: true, weights: w }).match(q1, "all");
        const scores = new Map(exact?.hits.map((h) => [h.seg.rank.ids[h.d], h.score]));
        for (const h of first?.hits ?? []) {
          first!.tighten(h);
          expect(h.bound ?? h.score).toBeGreaterThanOrEqual(scores.get(h.seg.rank.ids[h.d])!);
        }
        if (first) expect([...first.scores]).toEqual([...exact!.scores]);
      }),
      { numRuns: 200 },
    );
  });

  it("equals it on the seeds, for queries of their own words", async () => {
    const { articles } = await loadCorpus(SEEDS);
    expect(articles.length).toBeGreaterThan(0);
    // Padding articles repeat the seeds' words in other orders: more matches to prune.
    const words = articles.flatMap((a) => `${a.title} ${a.paragraphs.join(" ")}`.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    const padding = fc.array(fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 40 }), { maxLength: 20 });
    const seedQuery = fc
      .array(fc.integer({ min: 0, max: words.length - 1 }), { minLength: 1, maxLength: 4 })
      .chain((starts) => fc.constantFrom(starts.map((i) => words[i]).join(" "), words.slice(starts[0], starts[0] + starts.length + 1).join(" ")));
    fc.assert(
      fc.property(padding, seedQuery, mode, fc.integer({ min: 1, max: 10 }), sort, hints, (pad, q, m, k, s, h) => {
        const extra = pad.map((w, i) => testArticle({ id: `pad${i}`, title: w.slice(0, 5).join(" "), paragraphs: [w.join(" ")] }));
        expectSameTop([...articles, ...extra], q, m, k, s, RANK_WEIGHTS, h);
      }),
      { numRuns: 60 },
    );
  });

  it("equals it when a query's abbreviation or long form is read as the other (abbreviations.ts)", () => {
    // A base the reading learns from (`TQ` in four articles that also write `Trung Quốc`), and random articles using either form.
    const base = [
      ...Array.from({ length: 4 }, (_, i) =>
        testArticle({
          id: `b${i}`,
          title: `Cảng mới của TQ số ${i}`,
          paragraphs: [`${["Phía", "Nay", "Hôm qua", "Sau đó"][i]} Trung Quốc ${["mở", "xây", "thuê", "bán"][i]} cảng số ${i}.`],
        }),
      ),
      ...Array.from({ length: 20 }, (_, i) => testArticle({ id: `f${i}`, title: `Giá lúa tuần ${i}`, paragraphs: [`Giá lúa tuần ${i} tăng.`] })),
      testArticle({ id: "long", title: "Trung Quốc mở cảng lớn", paragraphs: ["Cảng lớn nhất."] }),
    ];
    const forms = fc.oneof(unit, fc.constantFrom("TQ", "Trung Quốc", "trung quốc"));
    const extra = fc.array(fc.array(forms, { minLength: 2, maxLength: 12 }), { maxLength: 12 });
    const abbreviated = fc.array(forms, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
    const archive = memoryArchive(base);
    // The reading is on in this base: `TQ` finds the article writing only the long form.
    const found = (on: boolean) =>
      createMatcher(archive, { abbreviations: on })
        .match("TQ mở cảng")!
        .hits.map((x) => x.seg.rank.ids[x.d]);
    expect(found(true)).toContain("long");
    expect(found(false)).not.toContain("long");
    fc.assert(
      fc.property(extra, abbreviated, mode, fc.integer({ min: 1, max: 8 }), sort, hints, (pad, q, m, k, s, h) => {
        const more = pad.map((w, i) => testArticle({ id: `x${i}`, title: w.slice(0, 4).join(" "), paragraphs: [w.join(" ") + "."] }));
        expectSameTop([...base, ...more], q, m, k, s, RANK_WEIGHTS, h);
      }),
      { numRuns: 80 },
    );
  });

  it("gives the engine the same page as the exhaustive scorer, grouped by story or not", () => {
    fc.assert(
      fc.property(
        corpus,
        query,
        sort,
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        hints,
        (articles, q, s, group, page, size, topHint) => {
          const archive = memoryArchive(articles);
          const request = { ...EMPTY_QUERY, q, sort: s, group, page, size };
          const pruned = new SearchEngine(archive, { topHint }).search(request);
          const exact = new SearchEngine(archive, { exhaustive: true }).search(request);
          expect(pruned.hits.map((h) => [h.id, h.score])).toEqual(exact.hits.map((h) => [h.id, h.score]));
          expect(pruned.total).toBe(exact.total);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("selectTop", () => {
  // Many hits with bounded scores (the matcher's small corpora rarely give more than a page):
  // the heap, its typed first keys and the hits put back after `tighten` all take part.
  it("gives a full sort's first k of the exact scores, from many bounded hits with ties in every key", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        sort,
        fc.boolean(),
        fc.array(fc.nat({ max: 99 }), { minLength: 400 * 4, maxLength: 400 * 4 }),
        (n, k, by, withTighten, r) => {
          // Scores in halves (ties), a fifth of the articles undated, five days, ids by number.
          const { exact, hits, refine, tighten } = boundedHits(n, r, (d) => (r[4 * d] < 20 ? 0 : 20250101 + (r[4 * d] % 5)), 3, 3);
          const got = selectTop(hits(), k, by, refine, undefined, withTighten ? tighten : undefined);
          const want = hits()
            .map((h) => ({ ...h, score: exact[h.d], bound: exact[h.d] }))
            .sort(comparator(by))
            .slice(0, k);
          expect(got.map((h) => [h.d, h.score])).toEqual(want.map((h) => [h.d, h.score]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * n synthetic hits from random numbers `r` (4 per hit): exact scores in halves (ties), lower
 * bounds up to (lows - 1) / 2 below them, upper bounds up to (highs - 1) / 2 above, ids by
 * number; `refine` makes scores exact, `tighten` lowers a bound by half a point, never below
 * the exact score.
 */
function boundedHits(n: number, r: number[], dayOf: (d: number) => number, lows: number, highs: number) {
  const day = Int32Array.from({ length: n }, (_, d) => dayOf(d));
  const ids = Array.from({ length: n }, (_, d) => `a${String(d).padStart(3, "0")}`);
  const seg = { cols: { day }, rank: { ids } } as unknown as IndexSegment;
  const exact = Float64Array.from({ length: n }, (_, d) => (r[4 * d + 1] % 20) / 2);
  const hits = (): Hit[] =>
    Array.from({ length: n }, (_, d) => ({ seg, d, score: exact[d] - (r[4 * d + 2] % lows) / 2, bound: exact[d] + (r[4 * d + 3] % highs) / 2 }));
  const refine = (some: Hit[]) => {
    for (const h of some) h.score = h.bound = exact[h.d];
  };
  const tighten = (h: Hit) => {
    const next = Math.max(exact[h.d], h.bound! - 0.5);
    const moved = next < h.bound!;
    h.bound = next;
    return moved;
  };
  return { exact, hits, refine, tighten };
}

describe("selectTop by story", () => {
  it("makes exact the best hit of each of the first k stories, from many bounded hits in few stories", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        fc.array(fc.nat({ max: 99 }), { minLength: 400 * 4, maxLength: 400 * 4 }),
        (n, k, stories, withTighten, r) => {
          // Lower bounds up to 2 points below the exact score, upper bounds up to 6 above (a common query's spread).
          const { exact, hits, refine, tighten } = boundedHits(n, r, (d) => 20250101 + (r[4 * d] % 5), 5, 13);
          const storyOf = (h: Hit) => (r[4 * h.d] * 7 + h.d) % stories;
          // The page as the engine groups it: each story's best hit by its current score, the first k stories.
          const page = (some: Hit[]) => {
            const best = new Map<number, Hit>();
            for (const h of some) {
              const b = best.get(storyOf(h));
              if (!b || bestFirst(h, b) < 0) best.set(storyOf(h), h);
            }
            return [...best.values()].sort(bestFirst).slice(0, k);
          };
          const got = hits();
          selectTop(got, k, "relevance", refine, storyOf, withTighten ? tighten : undefined);
          const want = page(hits().map((h) => ({ ...h, score: exact[h.d], bound: exact[h.d] })));
          expect(page(got).map((h) => [h.d, h.score])).toEqual(want.map((h) => [h.d, h.score]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("mapped", () => {
  it("equals Float64Array.from with the same function, empty or not", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true })), (xs) => {
        const f = (x: number) => x * 2 - 1;
        expect(Array.from(mapped(xs, f))).toEqual(Array.from(Float64Array.from(xs, f)));
      }),
    );
  });
});
