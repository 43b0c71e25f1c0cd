import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memoryArchive } from "@/lib/index/memory";
import { memorySegment } from "@/lib/index/segment";
import { buildRankIndex } from "@/lib/search/rank-index";
import { expandQuery } from "@/lib/search/query-expand";
import { parseQuery } from "@/lib/search/query-parse";
import {
  boundQuery,
  type BoundedScores,
  codeJoin,
  createScratch,
  explainQuery,
  FEATURE_NAMES,
  gallop,
  headlessCeilings,
  idfShares,
  lackAllowed,
  minorWords,
  NEAR_MISS,
  type NearMissRule,
  nameRuns,
  perWordScores,
  RANK_WEIGHTS,
  scoreQuery,
  type ScoreRequest,
  SUMS,
  unweighedBase,
  wideMayLack,
} from "@/lib/search/rank-score";
import { createMatcher, PLACE_NAMES } from "@/lib/search/matcher";

function article(id: string, title: string, ...paragraphs: string[]): Article {
  return testArticle({ id, title, paragraphs });
}

const filler = (k: number) => Array.from({ length: k }, () => "Người dân ở thành phố cho biết cuộc sống vẫn diễn ra bình thường sau nhiều ngày.").join(" ");

// Articles holding none of the query words give the words their rarity.
const background = Array.from({ length: 12 }, (_, i) => article(`bg${i}`, `Tin tức số ${i}`, filler(2), "Các hộ gia đình ở đây đã ổn định."));

const articles = [
  ...background,
  article("storm-title", "Bão đổ bộ", "Gió mạnh cấp 10.", filler(1)),
  article("storm-passing", "Tin thể thao cuối tuần", filler(3), filler(3), "Trận đấu bị hoãn vì bão.", filler(3)),
  article("talks-pair", "Tin thế giới", "Hai nước đàm phán lại.", filler(2)),
  article("talks-scattered", "Tin thế giới", "Cuộc đàm luận kéo dài, phán quyết chưa có.", filler(2)),
  article("press", "Báo chí và bạn đọc", "Tờ báo ra số mới.", filler(1)),
  article("press2", "Báo in", "Báo giấy còn nhiều bạn đọc.", filler(1)),
  article("press3", "Tòa soạn báo", "Báo điện tử.", filler(1)),
  article("storm2", "Bão số 2", "Cơn bão gây mưa lớn.", filler(1)),
  article("fire-no-function", "Cháy rừng Pleiku", "Cháy rừng lớn tại Pleiku, lửa lan nhanh."),
  article("fire-no-content", "Cháy rừng ở phía bắc", "Cháy rừng ở nhiều nơi.", filler(1)),
  article("elected-title", "Ông Macron nhậm chức", "Ông đắc cử hôm qua.", filler(1)),
  article("elected-body", "Tin nước Pháp", "Ông Macron đã đắc cử hôm qua.", filler(1)),
];

const archive = memoryArchive(articles);
const seg = archive.segments[0];
const index = seg.rank;
const scratch = createScratch(index);

/** A request in the segment's term ids (one segment: the archive's ids are its own). */
/** What a membership/scoring pass decided, in a form two passes can be compared by. */
function outcome(b: BoundedScores, req: ScoreRequest) {
  return {
    docs: b.docs,
    full: b.full,
    lower: Array.from(b.lower),
    upper: Array.from(b.upper),
    near: [...(req.nearMisses ?? new Map())],
    scored: req.scored,
    cutAt: req.cutAt,
  };
}

function request(q: string, mode: ScoreRequest["mode"] = "all"): ScoreRequest {
  const parsed = parseQuery(q);
  return { groups: expandQuery(archive.lexicon, parsed.words), phrases: parsed.phrases, excluded: [], mode };
}

function explain(q: string, mode: ScoreRequest["mode"] = "all") {
  const out = new Map<string, { score: number; features: Record<string, number> }>();
  for (const [d, e] of explainQuery(index, scratch, request(q, mode))) out.set(index.ids[d], { score: e.score, features: { ...e.features } });
  return out;
}

/** Every match's explanation on a small archive of a test's own, by article id. */
function explainIn(a: ReturnType<typeof memoryArchive>, q: string, weights: typeof RANK_WEIGHTS) {
  const ix = a.segments[0].rank;
  const parsed = parseQuery(q);
  const r = explainQuery(ix, createScratch(ix), {
    groups: expandQuery(a.lexicon, parsed.words),
    phrases: parsed.phrases,
    excluded: [],
    mode: "all",
    weights,
  });
  return new Map([...r].map(([d, e]) => [ix.ids[d], e]));
}

function score(q: string, id: string, mode: ScoreRequest["mode"] = "all"): number {
  const hit = explain(q, mode).get(id);
  if (!hit) throw new Error(`${id} not matched by ${q}`);
  return hit.score;
}

describe("rank score", () => {
  it("shares term ids between the archive and its only segment (what these tests rely on)", () => {
    expect(archive.lexicon.exactTerm).toEqual(index.exactTerm);
    expect(archive.lexicon.foldedTerm).toEqual(index.foldedTerm);
  });

  it("ranks a title match above a passing body mention", () => {
    expect(score("bão", "storm-title")).toBeGreaterThan(score("bão", "storm-passing"));
    expect(score("bao", "storm-title")).toBeGreaterThan(score("bao", "storm-passing"));
    expect(explain("bão").get("storm-title")!.features.title).toBeGreaterThan(0);
    expect(explain("bão").get("storm-passing")!.features.title).toBe(0);
  });

  it("ranks an adjacent pair above the same words scattered", () => {
    const r = explain("đàm phán");
    expect(r.get("talks-pair")!.score).toBeGreaterThan(r.get("talks-scattered")!.score);
    expect(r.get("talks-pair")!.features.pairs).toBeGreaterThan(0);
    expect(r.get("talks-scattered")!.features.pairs).toBe(0);
  });

  it("scores a marked query word by its marked form's statistics and prefers that word's articles", () => {
    // bão (storm, 4 articles) and báo (newspaper, 3 articles) share the folded form bao (7).
    const marked = explain("bão");
    expect([...marked.keys()].sort()).toEqual(["storm-passing", "storm-title", "storm2"]);
    // Marked: rarer than its folded form, so a higher idf, so a higher score in the same article.
    expect(score("bão", "storm2")).toBeGreaterThan(score("bao", "storm2"));
    // Unmarked: every spelling, scored alike by the folded form's statistics.
    const unmarked = explain("bao");
    expect(unmarked.has("press")).toBe(true);
    // In "any" mode too, the marked word draws only its own spelling's articles.
    expect([...explain("bão bạn", "any").keys()].sort()).toEqual(["press", "press2", "storm-passing", "storm-title", "storm2"]);
  });

  it("counts a marked query word's own spelling, not every spelling of its syllable (marks in the term frequency)", () => {
    // cô (teacher, miss) and có (has) fold to co; `có` is in nearly every Vietnamese article.
    const fixture = memoryArchive([
      ...background,
      article("teacher", "Tin giáo dục", "Cô dạy lớp một. Cô về sớm. Cô chấm bài.", filler(1)),
      article("has", "Tin giáo dục", "Cô nói trường có sân, có vườn, có thư viện, có phòng máy, có bếp, có xe đưa đón.", filler(1)),
    ]);
    const ix = fixture.segments[0].rank;
    const sc = createScratch(ix);
    const req = (q: string, weights = RANK_WEIGHTS): ScoreRequest => {
      const parsed = parseQuery(q);
      return { groups: expandQuery(fixture.lexicon, parsed.words), phrases: parsed.phrases, excluded: [], mode: "all", weights };
    };
    const text = (r: ReturnType<typeof explainQuery>, id: string) => r.get(ix.ids.indexOf(id))!.features.text;
    const own = explainQuery(ix, sc, req("cô", { ...RANK_WEIGHTS, marks: 1 }));
    // Three `cô` beat one `cô` and six `có`.
    expect(text(own, "teacher")).toBeGreaterThan(text(own, "has"));
    // With the folded count (marks 0, as before), the six `có` counted for `cô`.
    const folded = explainQuery(ix, sc, req("cô", { ...RANK_WEIGHTS, marks: 0 }));
    expect(text(folded, "has")).toBeGreaterThan(text(folded, "teacher"));
    // The folded count bounds the own one, and an unmarked query keeps counting every spelling.
    expect(text(own, "has")).toBeLessThan(text(folded, "has"));
    const unmarked = explainQuery(ix, sc, req("co"));
    expect(text(unmarked, "has")).toBeGreaterThan(text(unmarked, "teacher"));
    // The pruned top 1 is the exhaustive one.
    const top = createMatcher(fixture, { weights: { ...RANK_WEIGHTS, marks: 1 } })
      .match("cô")!
      .top(1);
    expect(ix.ids[top[0].d]).toBe("teacher");
  });

  it("charges less for a missing function word than for a missing content word", () => {
    const r = explain("cháy rừng ở Pleiku", "any");
    const noFunction = r.get("fire-no-function")!;
    const noContent = r.get("fire-no-content")!;
    expect(noFunction.score).toBeGreaterThan(noContent.score);
    expect(noFunction.features.coverage).toBeGreaterThan(noContent.features.coverage);
    // Missing `ở` costs little coverage; missing `Pleiku` costs much more.
    const full = RANK_WEIGHTS.coverage;
    expect(full - noFunction.features.coverage).toBeLessThan(0.25 * full);
    expect(full - noContent.features.coverage).toBeGreaterThan(2 * (full - noFunction.features.coverage));
  });

  it("gives a word standing apart from its neighbour a title part of its own; a compound's syllables only as a pair", () => {
    // The archive never writes `Macron đắc` together: Macron is a word of its own.
    const r = explain("Macron đắc cử");
    expect(r.get("elected-title")!.features.title).toBeGreaterThan(0);
    // The title part alone (flow, below, rightly favours elected-body's lead `Macron đã đắc cử`, which reads like the query).
    const noFlow = explainQuery(index, scratch, { ...request("Macron đắc cử"), weights: { ...RANK_WEIGHTS, flow: 0 } });
    expect(noFlow.get(index.ids.indexOf("elected-title"))!.score).toBeGreaterThan(noFlow.get(index.ids.indexOf("elected-body"))!.score);
    // With every joined pair read as one word (compound 0), Macron in the title counted nothing.
    const asPairs = explainQuery(index, scratch, { ...request("Macron đắc cử"), weights: { ...RANK_WEIGHTS, compound: 0 } });
    expect(asPairs.get(index.ids.indexOf("elected-title"))!.features.title).toBe(0);
    // đàm phán is a compound: its syllables apart in a title earn no title part.
    expect(explain("đàm phán").get("talks-scattered")!.features.title).toBe(0);
  });

  it("can weigh the query's rarest word in the head most, and a word in the lead less than one in the title (head settings, off as landed)", () => {
    // `người` is in every article (the filler), `Pleiku` in two: which of them the title holds decides the head.
    const fixture = memoryArchive([
      ...background,
      // Leads without either word: only the titles count in the head.
      article("rare-head", "Mưa lớn ở Pleiku", "Trời mưa cả tuần.", filler(1)),
      article("common-head", "Người dân vui mừng", "Trời nắng đẹp.", filler(1), "Mưa lớn ở Pleiku."),
      article("lead-only", "Tin thời tiết", "Pleiku mưa lớn.", filler(1)),
      article("title-only", "Pleiku mưa lớn", filler(1), filler(1)),
    ]);
    const ix = fixture.segments[0].rank;
    const sc = createScratch(ix);
    const head = (q: string, id: string, over: Partial<typeof RANK_WEIGHTS> = {}) => {
      const parsed = parseQuery(q);
      const r = explainQuery(ix, sc, {
        groups: expandQuery(fixture.lexicon, parsed.words),
        phrases: [],
        excluded: [],
        mode: "all",
        weights: { ...RANK_WEIGHTS, ...over },
      });
      return r.get(ix.ids.indexOf(id))!.features.head;
    };
    // A title-first head (measured, not landed): rare words weigh idf squared, a word in the lead half.
    const w = { ...RANK_WEIGHTS, headPower: 2, headLead: 0.5 };
    const tf = { headPower: 2, headLead: 0.5 };
    // By idf squared, the rare word in the title takes more of the head than by idf.
    expect(head("người Pleiku", "rare-head", tf)).toBeGreaterThan(head("người Pleiku", "rare-head"));
    expect(head("người Pleiku", "common-head", tf)).toBeLessThan(head("người Pleiku", "common-head"));
    // The shares still sum to the whole: one article holds one word in its head, the other the other.
    expect(head("người Pleiku", "rare-head", tf) + head("người Pleiku", "common-head", tf)).toBeCloseTo(w.head, 9);
    // A word in the lead only counts headLead of one in the title; as landed, as much.
    expect(head("Pleiku", "title-only", tf)).toBeCloseTo(w.head, 9);
    expect(head("Pleiku", "lead-only", tf)).toBeCloseTo(w.head * w.headLead, 9);
    expect(head("Pleiku", "lead-only")).toBeCloseTo(head("Pleiku", "title-only"), 9);
    // headCompound: `đàm` `phán` scattered in a title count as in the lead, as the pair in a lead does;
    // the compound written whole in the title counts as in the title (the positional pass).
    const talks = memoryArchive([
      ...background,
      article("pair-lead", "Tin thế giới", "Hai nước đàm phán lại.", filler(1)),
      article("apart-title", "Đàm luận về phán quyết", "Cuộc họp kéo dài.", filler(1)),
      article("pair-title", "Hai nước đàm phán", "Cuộc họp kéo dài.", filler(1)),
    ]);
    const tx = talks.segments[0].rank;
    const tsc = createScratch(tx);
    const talkHead = (id: string, over: Partial<typeof RANK_WEIGHTS>) => {
      const parsed = parseQuery("đàm phán");
      const r = explainQuery(tx, tsc, {
        groups: expandQuery(talks.lexicon, parsed.words),
        phrases: [],
        excluded: [],
        mode: "all",
        weights: { ...RANK_WEIGHTS, ...over },
      });
      return r.get(tx.ids.indexOf(id))!.features.head;
    };
    expect(talkHead("apart-title", tf)).toBeGreaterThan(talkHead("pair-lead", tf));
    expect(talkHead("apart-title", { ...tf, headCompound: 1 })).toBeCloseTo(talkHead("pair-lead", { ...tf, headCompound: 1 }), 9);
    expect(talkHead("pair-title", { ...tf, headCompound: 1 })).toBeCloseTo(w.head, 9);
    expect(talkHead("pair-lead", { ...tf, headCompound: 1 })).toBeCloseTo(w.head * w.headLead, 9);
    // The pruned path's score agrees: the compound whole in the title ranks first, the scattered title last.
    const m = createMatcher(talks, { weights: { ...w, headCompound: 1 }, exhaustive: false });
    const ranking = [...m.match("đàm phán")!.scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(ranking.indexOf("pair-title")).toBeLessThan(ranking.indexOf("apart-title"));
    expect(ranking.indexOf("pair-lead")).toBeLessThan(ranking.indexOf("apart-title"));
  });

  it("scores a word of one term as the best-of-its-terms pass does (accumulate's one-term path)", () => {
    // The same term twice makes the word's group take the general pass (the best of several terms, here equal).
    const twice = (req: ScoreRequest): ScoreRequest => ({
      ...req,
      groups: req.groups.map((g) => ({ ...g, terms: g.terms.length === 1 ? [g.terms[0], { ...g.terms[0] }] : g.terms })),
    });
    let compared = 0;
    for (const q of ["bão", "đàm phán", "cháy rừng ở Pleiku", "bao", "tin thế giới", "cháy rừng", "cơn bão gây mưa", "ông Macron đắc cử", "báo in"]) {
      for (const mode of ["all", "any"] as const) {
        for (const weights of [RANK_WEIGHTS, { ...RANK_WEIGHTS, span: 10 }, { ...RANK_WEIGHTS, fit: 0 }]) {
          const req = { ...request(q, mode), weights, nearMiss: mode === "all" };
          const one = scoreQuery(index, scratch, req);
          const general = scoreQuery(index, scratch, twice(req));
          expect([...one]).toEqual([...general]);
          compared += one.size;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("makes every score the sum of its named features", () => {
    for (const [q, mode] of [
      ["bão", "all"],
      ["đàm phán", "all"],
      ["cháy rừng ở Pleiku", "any"],
      ["bao", "all"],
      ["tin thế giới", "all"],
      ["cháy rừng", "all"],
      ["cơn bão gây mưa", "all"],
    ] as const) {
      // As the ranking is, with the marked-spelling term frequency on (RankWeights.marks), and with span on.
      for (const weights of [RANK_WEIGHTS, { ...RANK_WEIGHTS, marks: 1 }, { ...RANK_WEIGHTS, span: 10 }, { ...RANK_WEIGHTS, fit: 0 }]) {
        const plain = scoreQuery(index, scratch, { ...request(q, mode), weights });
        const r = explainQuery(index, scratch, { ...request(q, mode), weights });
        expect(r.size).toBeGreaterThan(0);
        expect(plain.size).toBe(r.size);
        for (const [d, e] of r) {
          const sum = FEATURE_NAMES.reduce((a, k) => a + e.features[k], 0);
          expect(e.score).toBeCloseTo(sum, 9);
          for (const k of FEATURE_NAMES) expect(e.features[k]).toBeGreaterThanOrEqual(0);
          expect(plain.get(d)).toBeCloseTo(e.score, 9);
        }
      }
    }
  });

  describe("flow", () => {
    // A long query: one article's lead reads like it; the other holds every word, and the
    // query's common compounds many times, scattered over a long body.
    const query = "Mỹ phóng tên lửa vào căn cứ không quân của Syria";
    const long = [
      ...background,
      article("phrase", "Tin thế giới", "Mỹ phóng tên lửa vào căn cứ không quân của Syria.", filler(3)),
      article(
        "scattered",
        "Tin thế giới",
        "Triều Tiên gia cố căn cứ không quân.",
        "Tên lửa mới được thử. Căn cứ không quân mở rộng. Tên lửa tầm xa, tên lửa tầm gần. Không quân diễn tập.",
        "Mỹ lên tiếng. Phóng viên có mặt. Xe vào cổng. Quan chức của Syria im lặng. Căn cứ không quân thứ hai.",
      ),
    ];
    const a = memoryArchive(long);
    const ix = a.segments[0].rank;
    const sc = createScratch(ix);
    const req = (weights = RANK_WEIGHTS): ScoreRequest => {
      const parsed = parseQuery(query);
      return { groups: expandQuery(a.lexicon, parsed.words), phrases: parsed.phrases, excluded: [], mode: "all", weights };
    };
    const get = (r: ReturnType<typeof explainQuery>, id: string) => r.get(ix.ids.indexOf(id))!;

    it("ranks the article whose lead reads like a long query above one holding its words scattered", () => {
      const r = explainQuery(ix, sc, req());
      expect(get(r, "phrase").features.flow).toBeGreaterThan(get(r, "scattered").features.flow);
      expect(get(r, "phrase").score).toBeGreaterThan(get(r, "scattered").score);
      // The scattered lead writes some of the query's pairs (căn cứ, không quân): a share, not all.
      expect(get(r, "scattered").features.flow).toBeGreaterThan(0);
      // Flow is what widens the gap: without it the two are closer.
      const without = explainQuery(ix, sc, req({ ...RANK_WEIGHTS, flow: 0 }));
      expect(get(r, "phrase").score - get(r, "scattered").score).toBeGreaterThan(get(without, "phrase").score - get(without, "scattered").score);
    });

    it("is bounded by its weight × the query's pairs, whatever the article", () => {
      const r = explainQuery(ix, sc, req());
      const pairs = parseQuery(query).words.length - 1;
      for (const e of r.values()) expect(e.features.flow).toBeLessThanOrEqual(RANK_WEIGHTS.flow * pairs + 1e-9);
      expect(get(r, "phrase").features.flow).toBeCloseTo(RANK_WEIGHTS.flow * pairs, 9);
    });

    it("keeps the pruned top k equal to the exhaustive one", () => {
      const pruned = createMatcher(a).match(query)!;
      const exact = createMatcher(a, { exhaustive: true }).match(query)!;
      const view = (hs: { seg: { rank: { ids: string[] } }; d: number; score: number }[]) => hs.map((h) => [h.seg.rank.ids[h.d], h.score]);
      expect(view(pruned.top(2))).toEqual(view([...exact.hits].sort((x, y) => y.score - x.score).slice(0, 2)));
      expect(view(pruned.top(1))[0][0]).toBe("phrase");
    });
  });

  describe("near misses", () => {
    /** Full matches and near misses (id → the query words' indices it lacks) of a query. */
    function nearMisses(q: string) {
      const req: ScoreRequest = { ...request(q), nearMiss: true };
      const scores = scoreQuery(index, scratch, req);
      const near = new Map([...(req.nearMisses ?? new Map<number, number>())].map(([d, mask]) => [index.ids[d], mask]));
      const full = [...scores.keys()].map((d) => index.ids[d]).filter((id) => !near.has(id));
      return { full, near, scored: new Set([...scores.keys()].map((d) => index.ids[d])) };
    }

    it("lists an article lacking only a common short word as a near miss, apart from the full matches", () => {
      const r = nearMisses("cháy rừng ở Pleiku");
      // `ở` is word 2: the Pleiku article lacks it; no article has every word.
      expect(r.near.get("fire-no-function")).toBe(1 << 2);
      expect(r.full).toEqual([]);
      // A near miss is scored (to rank it among near misses), never reported as a full match.
      expect(r.scored.has("fire-no-function")).toBe(true);
    });

    it("never lets an article lack a rare content word", () => {
      // fire-no-content has cháy, rừng and ở but not Pleiku.
      expect(nearMisses("cháy rừng ở Pleiku").near.has("fire-no-content")).toBe(false);
      const minor = minorWords(index, request("cháy rừng ở Pleiku").groups);
      expect(minor).toBe(1 << 2);
    });

    it("never in queries of one or two words, nor for a word inside quotes", () => {
      expect(minorWords(index, request("rừng ở").groups)).toBe(0);
      expect(nearMisses("rừng ở").near.size).toBe(0);
      expect(minorWords(index, request('cháy rừng "ở Pleiku"').groups)).toBe(0);
    });

    describe("mixed with the full matches by score", () => {
      // A near miss lacking the minor `ở` but saying the rest in its title; a weak full
      // match holding every word scattered in a long body; an article with a strong title
      // lacking the rare `Pleiku` (a content word: never a near miss).
      const mixed = [
        ...background,
        article("near-title", "Cháy rừng Pleiku", "Cháy rừng lớn tại Pleiku, lửa lan nhanh."),
        article("weak-full", "Tin tổng hợp", filler(3), "Ông Ba, từng sống ở Pleiku, kể chuyện làm rừng.", filler(3), "Nhà kho bị cháy hôm qua.", filler(3)),
        article("lacks-content", "Cháy rừng ở phía bắc", "Cháy rừng ở nhiều nơi, cháy rừng lan rộng."),
      ];
      const ids = (hs: { seg: { rank: { ids: string[] } }; d: number }[]) => hs.map((h) => h.seg.rank.ids[h.d]);
      const ranked = (m: ReturnType<typeof createMatcher>, q: string) => {
        const r = m.match(q)!;
        return ids(r.mixed ? r.top(10, "relevance", [...r.hits, ...r.nearMisses]) : [...r.top(10), ...r.top(10, "relevance", r.nearMisses)]);
      };

      it("ranks a near miss with a strong title above a weak full match when the missing word is minor", () => {
        const m = createMatcher(mixed);
        const r = m.match("cháy rừng ở Pleiku")!;
        expect(r.mixed).toBe(true);
        expect(ids(r.hits)).toEqual(["weak-full"]);
        expect(r.nearMisses.map((h) => h.missing)).toEqual([["ở"]]);
        expect(ranked(m, "cháy rừng ở Pleiku")).toEqual(["near-title", "weak-full"]);
        // As before (near misses after every full match), the weak full match came first.
        expect(ranked(createMatcher(mixed, { mix: false }), "cháy rừng ở Pleiku")).toEqual(["weak-full", "near-title"]);
      });

      it("never lets an article lacking a content word outrank or join the full matches", () => {
        // lacks-content's title holds three of the four words, and more than weak-full's does: it is still not listed.
        expect(ranked(createMatcher(mixed), "cháy rừng ở Pleiku")).not.toContain("lacks-content");
      });

      it("charges a near miss what its missing word is worth: its coverage falls by that word's idf share", () => {
        const a = memoryArchive(mixed);
        const ix = a.segments[0].rank;
        const parsed = parseQuery("cháy rừng ở Pleiku");
        const req: ScoreRequest = { groups: expandQuery(a.lexicon, parsed.words), phrases: [], excluded: [], mode: "all", nearMiss: true };
        const r = explainQuery(ix, createScratch(ix), req);
        const near = r.get(ix.ids.indexOf("near-title"))!;
        const full = r.get(ix.ids.indexOf("weak-full"))!;
        expect(full.features.coverage).toBeCloseTo(RANK_WEIGHTS.coverage, 9);
        const lost = RANK_WEIGHTS.coverage - near.features.coverage;
        expect(lost).toBeGreaterThan(0);
        expect(lost).toBeLessThan(NEAR_MISS.share * RANK_WEIGHTS.coverage + 1e-9);
        // Every score, a near miss's too, is the sum of its named features.
        for (const e of r.values())
          expect(e.score).toBeCloseTo(
            FEATURE_NAMES.reduce((x, k) => x + e.features[k], 0),
            9,
          );
      });
    });

    describe("what lacking a word costs, by how informative it is (coveragePower, sharePower, lackForgive: measured, off)", () => {
      const docs = [
        ...background,
        article("near-title", "Cháy rừng Pleiku", "Cháy rừng lớn tại Pleiku, lửa lan nhanh."),
        article("weak-full", "Tin tổng hợp", filler(3), "Ông Ba, từng sống ở Pleiku, kể chuyện làm rừng.", filler(3), "Nhà kho bị cháy hôm qua.", filler(3)),
      ];
      const a = memoryArchive(docs);
      const ix = a.segments[0].rank;
      const req = (q: string, rule = NEAR_MISS): ScoreRequest => {
        const parsed = parseQuery(q);
        return { groups: expandQuery(a.lexicon, parsed.words), phrases: [], excluded: [], mode: "all", nearMiss: true, nearMissRule: rule };
      };
      const features = (weights: typeof RANK_WEIGHTS) => {
        const r = explainQuery(ix, createScratch(ix), { ...req("cháy rừng ở Pleiku"), weights });
        for (const e of r.values())
          expect(e.score).toBeCloseTo(
            FEATURE_NAMES.reduce((x, k) => x + e.features[k], 0),
            9,
          );
        return { near: r.get(ix.ids.indexOf("near-title"))!.features, full: r.get(ix.ids.indexOf("weak-full"))!.features };
      };

      it("shares out the query's idf^power: above 1, the commonest word's share falls and the rarest's rises", () => {
        const idf = [1, 2, 5];
        const one = idfShares(idf, 1);
        const two = idfShares(idf, 2);
        expect(one.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
        expect(two.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
        expect(one[0]).toBeCloseTo(1 / 8, 12);
        expect(two[0]).toBeLessThan(one[0]);
        expect(two[2]).toBeGreaterThan(one[2]);
      });

      it("charges a near miss lacking a common word less with coveragePower above 1, a full match the same", () => {
        const flat = features(RANK_WEIGHTS);
        const steep = features({ ...RANK_WEIGHTS, coveragePower: 3 });
        expect(steep.full.coverage).toBeCloseTo(flat.full.coverage, 9);
        expect(flat.near.coverage).toBeLessThan(RANK_WEIGHTS.coverage);
        expect(steep.near.coverage).toBeGreaterThan(flat.near.coverage);
      });

      it("gives back part of what a near miss lacks when its head says the rest (lackForgive), never to a full match", () => {
        const flat = features(RANK_WEIGHTS);
        const forgiven = features({ ...RANK_WEIGHTS, lackForgive: 1 });
        expect(forgiven.full.coverage).toBeCloseTo(flat.full.coverage, 9);
        expect(forgiven.near.coverage).toBeGreaterThan(flat.near.coverage);
        // Every word it holds is in its title: the whole of what it lacks comes back.
        expect(forgiven.near.coverage).toBeCloseTo(RANK_WEIGHTS.coverage, 9);
      });

      it("counts a common word as minor sooner with sharePower above 1", () => {
        // `rừng` in six articles, `cháy` and `Pleiku` in two: a fifth of the idf, a fifteenth of its cube.
        const b = memoryArchive([...docs, ...Array.from({ length: 4 }, (_, i) => article(`plant${i}`, `Trồng rừng số ${i}`, "Người dân trồng rừng."))]);
        const groups = expandQuery(b.lexicon, parseQuery("cháy rừng ở Pleiku").words);
        const flat = minorWords(b.segments[0].rank, groups);
        const steep = minorWords(b.segments[0].rank, groups, undefined, { ...NEAR_MISS, sharePower: 3 });
        expect(flat).toBe(1 << 2);
        expect(steep).toBe((1 << 1) | (1 << 2));
      });
    });

    it("lets a long query's near miss lack up to lackAllowed minor words, never more", () => {
      expect(lackAllowed(2)).toBe(0);
      expect(lackAllowed(3)).toBe(NEAR_MISS.lack);
      expect(lackAllowed(NEAR_MISS.longWords)).toBe(Math.max(NEAR_MISS.lack, NEAR_MISS.longLack));
      // The wide rule off: this checks the count of minor words alone.
      const rule = { ...NEAR_MISS, longWords: 5, longLack: 2, wideWords: 0, wideShort: 0 };
      // Seven words; `ở`, `các` and `hộ` are minor (every background article has them).
      const docs = [
        ...background,
        article("full", "Cháy rừng thông ở Pleiku", "Các hộ dân sơ tán."),
        article("lacks-two", "Cháy rừng thông ở Pleiku", "Lửa lan nhanh trên đồi."),
        article("lacks-three", "Cháy rừng thông tại Pleiku", "Lửa lan nhanh trên đồi."),
      ];
      const q = "cháy rừng thông ở Pleiku các hộ";
      const missing = (m: ReturnType<typeof createMatcher>) => m.match(q)!.nearMisses.map((h) => [h.seg.rank.ids[h.d], [...h.missing].sort()]);
      expect(missing(createMatcher(docs, { nearMissRule: rule }))).toEqual([["lacks-two", ["các", "hộ"]]]);
      expect(missing(createMatcher(docs, { nearMissRule: { ...rule, longLack: 3 } })).sort()).toEqual([
        ["lacks-three", ["các", "hộ", "ở"]],
        ["lacks-two", ["các", "hộ"]],
      ]);
      expect(missing(createMatcher(docs, { nearMissRule: { ...rule, longLack: 1 } }))).toEqual([]);
    });

    it("leaves the full matches unchanged", () => {
      for (const q of ["cháy rừng ở phía bắc", "tin thế giới số", "cháy rừng ở Pleiku"]) {
        const plain = scoreQuery(index, scratch, request(q));
        const r = nearMisses(q);
        expect(r.full.sort()).toEqual([...plain.keys()].map((d) => index.ids[d]).sort());
      }
    });

    describe("wide near misses of long queries (NearMissRule.wideWords)", () => {
      const wide = { ...NEAR_MISS, wideWords: 6, wideShare: 0.5 };
      const off = { ...NEAR_MISS, wideWords: 0, wideShort: 0 };
      const docs = [
        ...background,
        article("full", "Chelsea vô địch Ngoại hạng Anh mùa giải 2016-2017", "Chelsea giành chức vô địch sớm hai vòng."),
        // On topic, but writes no season: lacks the hyphenated unit 2016-2017 whole (content words).
        article("no-season", "Chelsea chính thức vô địch Ngoại hạng Anh", "Chelsea giành chức vô địch giải Ngoại hạng Anh mùa này."),
        // Holds 2016 but not 2017: a hyphenated unit is left out whole or not at all.
        article("half-unit", "Chelsea vô địch Ngoại hạng Anh mùa giải 2016", "Chelsea giành chức vô địch."),
        // Lacks Chelsea, vô, địch and the season: far more than half the query's idf.
        article("too-little", "Giải Ngoại hạng Anh mùa mới", "Các đội bóng Anh chuẩn bị cho mùa giải."),
      ];
      const q = "Chelsea vô địch Ngoại hạng Anh mùa giải 2016-2017";
      const misses = (m: ReturnType<typeof createMatcher>, query = q) =>
        Object.fromEntries(m.match(query)!.nearMisses.map((h) => [h.seg.rank.ids[h.d], [...h.missing].sort()]));

      it("lets an article lack content words worth up to wideShare of a long query's idf, saying which", () => {
        const r = createMatcher(docs, { nearMissRule: wide }).match(q)!;
        expect(r.hits.map((h) => h.seg.rank.ids[h.d])).toEqual(["full"]);
        expect(misses(createMatcher(docs, { nearMissRule: wide }))).toEqual({ "no-season": ["2016", "2017"] });
        // Without the rule, an article lacking content words is never listed.
        expect(misses(createMatcher(docs, { nearMissRule: off }))).toEqual({});
      });

      it("is looked for only when the full matches are fewer than wideBelow", () => {
        const many = [
          ...docs,
          ...Array.from({ length: 3 }, (_, i) => article(`full${i}`, `Chelsea vô địch Ngoại hạng Anh mùa giải 2016-2017, bài ${i}`, "Tin bóng đá.")),
        ];
        expect(createMatcher(many, { nearMissRule: wide }).match(q)!.hits).toHaveLength(4);
        expect(misses(createMatcher(many, { nearMissRule: { ...wide, wideBelow: 4 } }))).toEqual({});
        expect(misses(createMatcher(many, { nearMissRule: { ...wide, wideBelow: 5 } }))).toEqual({ "no-season": ["2016", "2017"] });
        expect(misses(createMatcher(many, { nearMissRule: { ...wide, wideBelow: Infinity } }))).toEqual({ "no-season": ["2016", "2017"] });
      });

      describe("in shorter queries (NearMissRule.wideShort)", () => {
        const bell = [
          ...background,
          article("stole", "Trụ trì trộm chuông chùa đi bán", "Vị trụ trì bị bắt."),
          // The reports of the same case that say he sold the bell: no `trộm`, a content word (not minor).
          article("sold", "Trụ trì bán chuông cổ của chùa", "Vị trụ trì bị bắt khi mang chuông đi bán."),
          // `trì`, `trộm` and `chuông` elsewhere, never side by side: `trì trộm` and `trộm chuông` are not compounds (`trụ trì` is).
          ...Array.from({ length: 8 }, (_, i) => article(`theft${i}`, `Tin an ninh số ${i}`, "Kẻ trộm đến khi tiếng chuông ngừng, cần duy trì cảnh giác.")),
        ];
        const before = { ...NEAR_MISS, wideShort: 0 };

        it("lets an on-topic article lack a lower-case content word, beside few full matches", () => {
          expect(Object.entries(misses(createMatcher(bell), "trụ trì trộm chuông"))).toEqual([["sold", ["trộm"]]]);
          // Before: only narrow near misses, lacking minor words (none here).
          expect(misses(createMatcher(bell, { nearMissRule: before }), "trụ trì trộm chuông")).toEqual({});
          // Never a quoted word.
          expect(misses(createMatcher(bell), 'trụ trì "trộm chuông"')).toEqual({});
        });

        it("counts toward the few full matches only those that write a pair of the query's words side by side (wideJoined)", () => {
          // Ten more articles hold every word of the query, each apart from the others (`trụ sở`, `duy trì`, `kẻ trộm`, `tiếng chuông`).
          const scattered = Array.from({ length: 10 }, (_, i) =>
            article(`scattered${i}`, `Tin địa phương số ${i}`, "Trụ sở xã cho biết kẻ trộm đến khi tiếng chuông ngừng, cần duy trì cảnh giác."),
          );
          const m = createMatcher([...bell, ...scattered]);
          expect(m.match("trụ trì trộm chuông")!.hits.length).toBe(11);
          expect(misses(m, "trụ trì trộm chuông")).toHaveProperty("sold", ["trộm"]);
          // Counting every full match, eleven are no longer few: the report lacking `trộm` is not looked for.
          expect(misses(createMatcher([...bell, ...scattered], { nearMissRule: { ...NEAR_MISS, wideJoined: false } }), "trụ trì trộm chuông")).toEqual({});
        });

        it("counts only the full matches that write half the query's pairs side by side, rounded down (wideJoinedShare)", () => {
          // Ten more articles hold every word, writing one of the query's four pairs (`trụ trì`, a common compound) and no other.
          const onePair = Array.from({ length: 10 }, (_, i) =>
            article(`one-pair${i}`, `Tin địa phương số ${i}`, "Trụ trì chùa cho biết kẻ trộm đến khi tiếng chuông ngừng, các vị khách đã về."),
          );
          const q = "vị trụ trì trộm chuông";
          const m = createMatcher([...bell, ...onePair]);
          expect(m.match(q)!.hits.length).toBe(11);
          // Two of four pairs needed: only `stole` says the query, so the report lacking `trộm` is looked for.
          expect(misses(m, q)).toHaveProperty("sold", ["trộm"]);
          // One pair enough (before rank29): eleven full matches say the query, the report is not looked for.
          expect(misses(createMatcher([...bell, ...onePair], { nearMissRule: { ...NEAR_MISS, wideJoinedShare: 0 } }), q)).toEqual({});
          // Four words (three pairs): half rounds down to one pair, as before (the wide pass is not run for most queries of four words).
          expect(misses(createMatcher([...bell, ...onePair]), "trụ trì trộm chuông")).toEqual({});
        });

        it("weighs each pair by its idf when half the query's pairs is two or more (wideJoinedIdf, off by default)", () => {
          const q = "cần cẩu đổ ở công trường";
          const site = [
            ...background,
            // `ở công` and `công trường` are common pairs: any report from a building site writes them.
            ...Array.from({ length: 20 }, (_, i) => article(`site${i}`, `Tin xây dựng số ${i}`, "Công nhân làm việc ở công trường từ sáng sớm.")),
            article("fell", "Cần cẩu đổ ở công trường", "Một cần cẩu đổ sập sáng nay."),
            // The report of the same accident that says `sập`, never `đổ`.
            article("collapsed", "Cần cẩu sập ở công trường", "Một cần cẩu sập khiến hai người bị thương."),
            // Every word, writing only the two common pairs of the query's five: `cần`, `cẩu`, `đổ` of other stories.
            ...Array.from({ length: 10 }, (_, i) =>
              article(`common${i}`, `Tin địa phương số ${i}`, "Công nhân ở công trường cần nghỉ ngơi, không được làm cẩu thả, không đổ rác bừa bãi."),
            ),
          ];
          const m = createMatcher(site, { nearMissRule: { ...NEAR_MISS, wideJoinedIdf: true } });
          expect(m.match(q)!.hits.length).toBe(11);
          // Two common pairs are less than half the pairs' idf: the ten do not count, and the report lacking `đổ` is looked for.
          expect(misses(m, q)).toHaveProperty("collapsed", ["đổ"]);
          // Every pair counting one (the default): the ten write two of five pairs, so eleven full matches say the query.
          expect(misses(createMatcher(site), q)).toEqual({});
        });

        it("reaches a query of three words (wideShort 3): a report saying the verb in other words, beside full matches holding the words apart", () => {
          const coach = [
            ...background,
            // The report says `sa thải`, never `rời`.
            article("sacked", "Dortmund sa thải HLV Tuchel", "Câu lạc bộ Dortmund chia tay Tuchel sau mùa giải."),
            // Every word of the query, each in another sentence: `rời` of another story.
            ...Array.from({ length: 3 }, (_, i) =>
              article(`apart${i}`, `Tin bóng đá số ${i}`, "Tuchel được nhắc đến.", filler(1), "Một cầu thủ rời sân sớm.", filler(1), "Dortmund thắng trận."),
            ),
            // Another club: lacks the name typed with a capital (and `rời`).
            article("other-club", "Tuchel chia tay Mainz", "HLV Tuchel nói lời chia tay Mainz."),
            // `rời` is a common verb in the archive.
            ...Array.from({ length: 6 }, (_, i) => article(`leave${i}`, `Tin số ${i}`, "Nhiều người rời quê lên phố.")),
          ];
          const q = "Tuchel rời Dortmund";
          expect(createMatcher(coach).match(q)!.hits).toHaveLength(3);
          expect(misses(createMatcher(coach), q)).toEqual({ sacked: ["rời"] });
          // From 4 words, as before: a query of three had no wide near misses, and `rời` is no minor word.
          expect(misses(createMatcher(coach, { nearMissRule: { ...NEAR_MISS, wideShort: 4 } }), q)).toEqual({});
          // Never a quoted word, and no wide near miss of a query of two words.
          expect(misses(createMatcher(coach), 'Tuchel "rời" Dortmund')).toEqual({});
          expect(misses(createMatcher(coach), "rời Dortmund")).toEqual({});
        });

        it("scores a query once when the wide rule may lack none of its words (every word quoted, or typed with a capital)", () => {
          const coach = [
            ...background,
            article("sacked", "Dortmund sa thải HLV Tuchel", "Câu lạc bộ Dortmund chia tay Tuchel."),
            article("apart", "Tin bóng đá", "Tuchel được nhắc đến.", filler(1), "Một cầu thủ rời sân sớm.", filler(1), "Dortmund thắng trận."),
            article("left", "Tuchel rời Dortmund", "HLV Tuchel chính thức rời Dortmund."),
          ];
          const groups = (q: string) => expandQuery(memoryArchive(coach).lexicon, parseQuery(q).words);
          expect(wideMayLack(groups("Tuchel rời Dortmund"), NEAR_MISS)).toBe(true);
          expect(wideMayLack(groups('"Tuchel rời Dortmund"'), NEAR_MISS)).toBe(false);
          expect(wideMayLack(groups("Tuchel Aubameyang Dortmund"), NEAR_MISS)).toBe(false);
          expect(wideMayLack(groups("rời Dortmund"), NEAR_MISS)).toBe(false);
          // Postings scored: one pass, as with no wide rule at all; the query that may lack `rời` is scored twice.
          const scored = (q: string, rule = NEAR_MISS) => createMatcher(coach, { nearMissRule: rule }).match(q)!.scored;
          const once = { ...NEAR_MISS, wideShort: 0, wideWords: 0 };
          expect(scored('"Tuchel rời Dortmund"')).toBe(scored('"Tuchel rời Dortmund"', once));
          expect(scored("Tuchel rời Dortmund")).toBeGreaterThan(scored("Tuchel rời Dortmund", once));
        });

        it("never lets it lack a word typed with a capital or a digit, nor half of a compound", () => {
          const jail = [
            ...background,
            article("congo", "Tù nhân vượt ngục ở Congo", "Hàng trăm tù nhân trốn thoát."),
            // Another country: lacks the place typed with a capital.
            article("elsewhere", "Tù nhân đào hầm vượt ngục ở Indonesia", "Tù nhân trốn thoát."),
            // Another story: lacks `ngục` of `vượt ngục` (half of a compound), with `vượt` standing for another word.
            article("half", "Cá sấu vượt sông ở Congo", "Tin lạ."),
            // `vượt ngục` written whole elsewhere, so the archive calls it a compound.
            ...["Phim vượt ngục", "Kẻ vượt ngục bị bắt", "Vượt ngục bất thành"].map((t, i) => article(`film${i}`, t, "Tin giải trí.")),
          ];
          expect(misses(createMatcher(jail), "vượt ngục ở Congo")).toEqual({});
          // Under the long queries' rule (any word within the share) the other country would be listed.
          expect(misses(createMatcher(jail, { nearMissRule: { ...NEAR_MISS, wideWords: 4 } }), "vượt ngục ở Congo")).toHaveProperty("elsewhere", ["Congo"]);
          // A compound lacked whole is another wording: `chia tay` may go, with nothing else.
          const farewell = [
            ...background,
            article("left", "Cầu thủ Terry chia tay đội bóng", "Terry rời đội."),
            article("joined", "Cầu thủ Terry gia nhập đội bóng mới", "Terry ký hợp đồng."),
            ...["Chia tay mùa hè", "Buổi chia tay", "Lời chia tay"].map((t, i) => article(`bye${i}`, t, "Tin.")),
            // `Terry` and `chia` elsewhere, never side by side: `Terry chia` is not a compound.
            ...Array.from({ length: 8 }, (_, i) => article(`sorry${i}`, `Tin bóng đá số ${i}`, "Terry gửi lời chia buồn.")),
          ];
          expect(misses(createMatcher(farewell), "cầu thủ Terry chia tay")).toEqual({ joined: ["chia", "tay"] });
        });
      });

      it("lets an article lack a run of capitalised words only whole (`Tây Nguyên`, not `Nguyên` alone)", () => {
        const pepper = [
          ...background,
          article("full", "Giá tiêu giảm mạnh ở Tây Nguyên", "Nông dân lo lắng."),
          // Another region: `Tây` of `miền Tây`, without `Nguyên`.
          article("west", "Giá tiêu giảm mạnh ở miền Tây", "Nông dân lo lắng."),
          // Names no region: lacks `Tây Nguyên` whole.
          article("no-region", "Giá tiêu giảm mạnh ở Đắk Lắk", "Nông dân lo lắng."),
        ];
        const query = "giá tiêu giảm mạnh ở Tây Nguyên";
        expect(misses(createMatcher(pepper), query)).toEqual({ "no-region": ["Nguyên", "Tây"] });
        // Before (capitalRuns false): half of the run could be lacked.
        expect(misses(createMatcher(pepper, { nearMissRule: { ...NEAR_MISS, capitalRuns: false } }), query)).toEqual({
          "no-region": ["Nguyên", "Tây"],
          west: ["Nguyên"],
        });
      });

      it("applies only from wideWords words on, within the share, never to a quoted word", () => {
        expect(misses(createMatcher(docs, { nearMissRule: { ...wide, wideWords: 11 } }))).toEqual({});
        expect(misses(createMatcher(docs, { nearMissRule: { ...wide, wideShare: 0.05 } }))).toEqual({});
        expect(misses(createMatcher(docs, { nearMissRule: wide }), 'Chelsea vô địch Ngoại hạng Anh "mùa giải 2016-2017"')).toEqual({});
      });

      it("lists them alone, with no full match, only with `alone` and only lacking lower-case words", () => {
        const mansion = [
          ...background,
          // `đèo` elsewhere, never after `trên`: `trên đèo` is two words, not a compound.
          ...["Đèo Cả", "đèo Ngang", "đèo Pha Đin", "đèo Khau Phạ", "đèo Mã Pí Lèng"].map((name, i) =>
            article(`pass${i}`, `Xe trên đường qua ${name} an toàn`, "Tin giao thông."),
          ),
          // Says the mountain, not the pass: lacks `đèo` (lower case).
          article("mountain", "Biệt phủ trái phép trên núi Hải Vân", "Chủ biệt phủ xin làm khu du lịch."),
          // Lacks the name `Hải Vân` (capitals): never listed without a full match.
          article("no-name", "Biệt phủ trái phép trên đèo", "Chủ biệt phủ xin làm khu du lịch."),
        ];
        const query = "biệt phủ trái phép trên đèo Hải Vân";
        const alone = createMatcher(mansion, { nearMissRule: { ...wide, alone: true } }).match(query)!;
        expect(alone.hits).toHaveLength(0);
        expect(misses(createMatcher(mansion, { nearMissRule: { ...wide, alone: true } }), query)).toEqual({ mountain: ["đèo"] });
        // A syllable of a compound is never lacked alone (`vô địch` without `địch` is another story).
        const title = [
          ...background,
          article("title-race", "Chelsea vô đối ở Ngoại hạng Anh mùa giải này", "Tin bóng đá."),
          article("real", "Real vô địch Tây Ban Nha", "Tin bóng đá."),
          article("bayern", "Bayern vô địch Đức", "Tin bóng đá."),
        ];
        expect(createMatcher(title, { nearMissRule: { ...wide, alone: true } }).match("Chelsea vô địch Ngoại hạng Anh mùa giải")!.nearMisses).toHaveLength(0);
        // A loanword binds nothing (aloneSyllables): `bị hack`, written together in most articles
        // writing `hack`, is a passive and its verb; the report saying `tin tặc` lacks `hack` alone.
        const phone = [
          ...background,
          ...[1, 2, 3].map((i) => article(`hacked${i}`, `Tài khoản số ${i} bị hack`, "Tin công nghệ.")),
          article("iris", "Máy quét mống mắt của điện thoại mới bị tin tặc qua mặt", "Tin công nghệ."),
        ];
        const iris = "máy quét mống mắt bị hack";
        expect(misses(createMatcher(phone), iris)).toEqual({ iris: ["hack"] });
        expect(misses(createMatcher(phone, { nearMissRule: { ...NEAR_MISS, aloneSyllables: false } }), iris)).toEqual({});
        // Off (listAlone false, #11 before 2026-11-26 22:50): no full match, no near miss.
        expect(misses(createMatcher(mansion, { nearMissRule: { ...wide, listAlone: 0 } }), query)).toEqual({});
        // Beside a full match the wide rule is unchanged: the name may be lacked there.
        const withFull = [...mansion, article("full", "Biệt phủ trái phép trên đèo Hải Vân", "Tin.")];
        expect(misses(createMatcher(withFull, { nearMissRule: { ...wide, alone: true } }), query)).toEqual({ mountain: ["đèo"], "no-name": ["Hải", "Vân"] });
      });

      it("lets near misses listed alone lack an abbreviation no article writes, never a name or one some article writes (aloneUnwritten)", () => {
        const prize = [
          ...background,
          // Writes the institute out, never `RIBA`: lacks only the abbreviation.
          article("prize", "Kiến trúc sư Nghĩa nhận giải của Viện Kiến trúc Hoàng gia Anh", "Công trình tre được vinh danh."),
          // Holds `FIFA`, but beside none of the other words.
          article("fifa", "FIFA công bố bảng xếp hạng", "Tin bóng đá."),
        ];
        const on = createMatcher(prize);
        const r = on.match("Nghĩa nhận giải RIBA")!;
        expect(r.hits).toHaveLength(0);
        expect(r.alone).toBe(true);
        expect(misses(on, "Nghĩa nhận giải RIBA")).toEqual({ prize: ["RIBA"] });
        // Beside it, a lower-case word within the share of the rest's idf, as before.
        expect(misses(on, "Nghĩa nhận giải thưởng RIBA")).toEqual({ prize: ["RIBA", "thưởng"] });
        // Its idf (no article: as rare as a word can be) is no part of the share the others may lack:
        // beside common words it would be more than half the query's.
        const common = [...prize, ...Array.from({ length: 12 }, (_, i) => article(`arch${i}`, `Kiến trúc sư số ${i} nhận giải`, "Tin văn hóa."))];
        const lacking = misses(createMatcher(common), "kiến trúc sư nhận giải RIBA");
        expect(Object.keys(lacking)).toHaveLength(13);
        expect(new Set(Object.values(lacking).flat())).toEqual(new Set(["RIBA"]));
        // An abbreviation some article writes, a capitalised word that is no abbreviation, a code: never lacked alone.
        expect(misses(on, "Nghĩa nhận giải FIFA")).toEqual({});
        expect(misses(on, "Nghĩa nhận giải Pritzker")).toEqual({});
        expect(misses(on, "Nghĩa nhận giải RIBA2016")).toEqual({});
        // Off (before 2026-11-28 rank27): an empty page.
        expect(misses(createMatcher(prize, { nearMissRule: { ...NEAR_MISS, aloneUnwritten: false } }), "Nghĩa nhận giải RIBA")).toEqual({});
        // A typo of an abbreviation some article writes: corrected first, as before, not listed alone.
        const police = [...prize, ...[1, 2, 3].map((i) => article(`csgt${i}`, `Công an khởi tố CSGT nhận hối lộ ${i}`, "Tin pháp luật."))];
        const typo = createMatcher(police).match("công an khởi tố CSGTT")!;
        expect(typo.alone).toBe(false);
        expect(typo.correctedQuery?.toLowerCase()).toBe("công an khởi tố csgt");
        expect(typo.hits).toHaveLength(3);
      });

      it("reads whether an abbreviation is written from the whole archive, not one segment's words (aloneUnwritten)", () => {
        const segments = [
          [...background, article("prize", "Kiến trúc sư Nghĩa nhận giải của Viện Kiến trúc Hoàng gia Anh", "Công trình tre.")],
          [article("written", "RIBA công bố danh sách công trình", "Tin kiến trúc.")],
        ];
        const archive = new Archive(10);
        let line = 0;
        segments.forEach((articles, i) =>
          archive.add(
            memorySegment(
              `s${i}`,
              articles.map((a) => ({ article: a, line: line++ })),
              buildRankIndex(articles),
            ),
          ),
        );
        archive.refresh();
        // The first segment has no `RIBA`, but the archive writes it: never lacked alone.
        expect(misses(createMatcher(archive), "Nghĩa nhận giải RIBA")).toEqual({});
        // The first segment alone: lacked.
        expect(misses(createMatcher(segments[0]), "Nghĩa nhận giải RIBA")).toEqual({ prize: ["RIBA"] });
      });

      it("charges what the article lacks through coverage, and its score is the sum of its features", () => {
        const a = memoryArchive(docs);
        const ix = a.segments[0].rank;
        const parsed = parseQuery(q);
        const req: ScoreRequest = {
          groups: expandQuery(a.lexicon, parsed.words),
          phrases: parsed.phrases,
          excluded: [],
          mode: "all",
          nearMiss: true,
          nearMissRule: wide,
        };
        const r = explainQuery(ix, createScratch(ix), req);
        const near = r.get(ix.ids.indexOf("no-season"))!;
        expect(r.get(ix.ids.indexOf("full"))!.features.coverage).toBeCloseTo(RANK_WEIGHTS.coverage, 9);
        const lost = RANK_WEIGHTS.coverage - near.features.coverage;
        expect(lost).toBeGreaterThan(NEAR_MISS.share * RANK_WEIGHTS.coverage);
        expect(lost).toBeLessThanOrEqual(wide.wideShare * RANK_WEIGHTS.coverage + 1e-9);
        expect(near.score).toBeCloseTo(
          FEATURE_NAMES.reduce((x, k) => x + near.features[k], 0),
          9,
        );
      });

      it("lists nothing when no article holds every word (an honest nothing, issue #11)", () => {
        const r = createMatcher(
          docs.filter((d) => d.id !== "full"),
          { nearMissRule: wide },
        ).match(q);
        expect(r?.hits.length ?? 0).toBe(0);
        expect(r?.nearMisses.length ?? 0).toBe(0);
      });
    });
  });

  describe("names", () => {
    const people = new Set(["trinh-xuan-thanh", "pham-minh-chinh", "donald-trump", "kim-jong-un"]);
    const runs = (q: string) => nameRuns(parseQuery(q).words, (slug) => people.has(slug));

    it("reads a run of capitalised words as the people the archive knows in it, outside quotes and across no punctuation", () => {
      expect(runs("Trịnh Xuân Thanh ra đầu thú")).toEqual([[0, 1, 2]]);
      expect(runs("Thủ tướng Phạm Minh Chính")).toEqual([[2, 3, 4]]);
      expect(runs("Tổng thống Mỹ Donald Trump")).toEqual([[3, 4]]);
      // Two people side by side are two names, not one.
      expect(runs("Kim Jong Un Donald Trump")).toEqual([
        [0, 1, 2],
        [3, 4],
      ]);
      // Capitals that are no known person: places, clubs, two countries side by side.
      expect(runs("Mỹ Trung Quốc")).toEqual([]);
      expect(runs("Real Madrid Barcelona")).toEqual([]);
      expect(runs("Hà Nội, Đà Nẵng")).toEqual([]);
      expect(runs("Phạm Minh, Chính")).toEqual([]);
      expect(runs('"Trịnh Xuân Thanh" ra đầu thú')).toEqual([]);
      expect(runs("trinh xuan thanh")).toEqual([]);
    });

    it("lists only articles where a known person's name stands together", () => {
      const m = createMatcher([
        {
          ...article("name", "Trịnh Xuân Thanh bị truy nã", "Cơ quan điều tra phát lệnh truy nã."),
          persons: [{ id: "trinh-xuan-thanh", name: "Trịnh Xuân Thanh" }],
        },
        article("scattered", "Mùa xuân ở Thanh Hóa", "Ông Trịnh, một người dân, bị truy nã vì trộm cắp."),
        ...background,
      ]);
      expect([...m.match("Trịnh Xuân Thanh bị truy nã")!.scores.keys()]).toEqual(["name"]);
      // Typed without capitals (or marks), a name of three words is still his name (lowerNames).
      expect([...m.match("trịnh xuân thanh bị truy nã")!.scores.keys()]).toEqual(["name"]);
      expect([...m.match("trinh xuan thanh bi truy na")!.scores.keys()]).toEqual(["name"]);
      // No article names him: capitals alone do not make the words a name.
      expect([
        ...createMatcher([article("scattered", "Mùa xuân ở Thanh Hóa", "Ông Trịnh bị truy nã.")])
          .match("Trịnh Xuân Thanh bị truy nã")!
          .scores.keys(),
      ]).toEqual(["scattered"]);
    });

    it("reads a known person's name of three or more words typed in lower case as a name (lowerWords), never two", () => {
      const lower = (q: string) => nameRuns(parseQuery(q).words, (slug) => people.has(slug) || slug === "le-hoi", 3);
      expect(lower("trinh xuan thanh ra dau thu")).toEqual([[0, 1, 2]]);
      expect(lower("thủ tướng phạm minh chính")).toEqual([[2, 3, 4]]);
      // Capitals are read as before, lower case beside them on its own.
      expect(lower("Kim Jong Un gặp trinh xuan thanh")).toEqual([
        [0, 1, 2],
        [4, 5, 6],
      ]);
      // Two words in lower case stay words even when a person has that slug (`Lê Hội`, `lễ hội`).
      expect(lower("treo cổ trâu ở lễ hội")).toEqual([]);
      expect(lower('"trinh xuan thanh" ra dau thu')).toEqual([]);
      expect(lower("trinh xuan, thanh")).toEqual([]);
      // At most five words: a whole lower-case query is one run, and every stretch of it a lookup.
      const long = (q: string) => nameRuns(parseQuery(q).words, (slug) => slug === "a-b-c-d-e-f" || slug === "a-b-c-d-e", 3);
      expect(long("a b c d e f")).toEqual([[0, 1, 2, 3, 4]]);
    });

    it("lists only articles where a known person's name typed in lower case stands together, unless lowerNames is false", () => {
      const docs = [
        { ...article("name", "Phan Đinh Tùng bị tố cướp mic", "Ca sĩ Phan Đinh Tùng lên tiếng."), persons: [{ id: "phan-dinh-tung", name: "Phan Đinh Tùng" }] },
        article("scattered", "Những sự cố của sao Việt", "Lam Trường bị cướp mic; Đinh Phan từng hát ở tỉnh."),
        ...background,
      ];
      const keys = (m: ReturnType<typeof createMatcher>, q: string) => [...m.match(q)!.scores.keys()].sort();
      expect(keys(createMatcher(docs), "phan dinh tung cuop mic")).toEqual(["name"]);
      expect(keys(createMatcher(docs, { lowerNames: false }), "phan dinh tung cuop mic")).toEqual(["name", "scattered"]);
    });

    it("reads a place of two or more words typed with capitals as a name (PLACE_NAMES), alone or inside a run", () => {
      const places = (q: string) => nameRuns(parseQuery(q).words, (slug) => PLACE_NAMES.has(slug));
      expect(places("Mỹ Trung Quốc")).toEqual([[1, 2]]);
      expect(places("khủng bố ở Hà Nội")).toEqual([[3, 4]]);
      expect(places("khủng bố ở London")).toEqual([]);
      expect(places("khủng bố ở hà nội")).toEqual([]);
    });

    it("lists only articles where a place typed with capitals stands together", () => {
      const docs = [
        article("china", "Chủ tịch nước thăm Trung Quốc", "Chuyến thăm Trung Quốc kéo dài ba ngày."),
        article("scattered", "Chủ tịch nước thăm trung tâm văn hóa", "Quan hệ quốc tế được mở rộng."),
        ...background,
      ];
      const keys = (m: ReturnType<typeof createMatcher>, q: string) => [...m.match(q)!.scores.keys()].sort();
      expect(keys(createMatcher(docs), "Chủ tịch nước thăm Trung Quốc")).toEqual(["china"]);
      expect(keys(createMatcher(docs, { placeNames: false }), "Chủ tịch nước thăm Trung Quốc")).toEqual(["china", "scattered"]);
      // Typed without capitals, the words are words.
      expect(keys(createMatcher(docs), "chủ tịch nước thăm trung quốc")).toEqual(["china", "scattered"]);
    });

    it("drops the edge words of a name the facet holds from one article while the rest is a person it names (articles)", () => {
      const named = new Map([
        ["y-pham-ngoc-thach", 1],
        ["pham-ngoc-thach", 4],
        ["tran-thanh-man", 18],
        ["tran-thanh", 300],
        ["a-b", 1],
      ]);
      const articles = (slug: string) => named.get(slug) ?? 0;
      const core = (q: string) => nameRuns(parseQuery(q).words, (slug) => named.has(slug), 0, articles);
      expect(core("ĐH Y Phạm Ngọc Thạch bị kiểm điểm")).toEqual([[2, 3, 4]]);
      // Without the counts, the longest known stretch, as before.
      expect(nameRuns(parseQuery("ĐH Y Phạm Ngọc Thạch").words, (slug) => named.has(slug))).toEqual([[1, 2, 3, 4]]);
      // A name seen in two articles or more keeps its words, however common a shorter slug is.
      expect(core("Trần Thanh Mẫn làm Chủ tịch")).toEqual([[0, 1, 2]]);
      // Never below two words.
      expect(core("A B thăm")).toEqual([[0, 1]]);
    });

    it("lists the articles writing a longer form around the name's core (nameCore), not with nameCore false", () => {
      const docs = [
        {
          ...article("report", "Trường ĐH Y khoa Phạm Ngọc Thạch bị kiểm điểm", "Bộ yêu cầu kiểm điểm trường."),
          persons: [{ id: "pham-ngoc-thach", name: "Phạm Ngọc Thạch" }],
        },
        {
          ...article("tagged", "ĐH Y Phạm Ngọc Thạch tuyển sinh", "Trường tuyển sinh cả nước."),
          persons: [{ id: "y-pham-ngoc-thach", name: "Y Phạm Ngọc Thạch" }],
        },
        ...background,
      ];
      const keys = (m: ReturnType<typeof createMatcher>, q: string) => [...m.match(q)!.scores.keys()].sort();
      expect(keys(createMatcher(docs), "ĐH Y Phạm Ngọc Thạch bị kiểm điểm")).toEqual(["report"]);
      expect(keys(createMatcher(docs, { nameCore: false }), "ĐH Y Phạm Ngọc Thạch bị kiểm điểm")).toEqual([]);
    });
  });
});

describe("a typo fix's vouching pairs, checked while scoring once", () => {
  const VOCAB = ["hòa", "bình", "hoà", "kinh", "tế", "bão", "báo", "lũ", "lụt", "miền", "trung"];
  const text = fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 24 }).map((w) => w.join(" "));
  const corpus = fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 12 });
  const query = fc.array(fc.constantFrom(...VOCAB), { minLength: 2, maxLength: 4 });

  it("says some match holds the pairs exactly when scoring with them as phrases finds one", () => {
    fc.assert(
      fc.property(corpus, query, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.boolean(), (docs, words, pick, quoted) => {
        const a = memoryArchive(docs.map(([title, body], i) => article(`d${i}`, title, body)));
        const rank = a.segments[0].rank;
        const s = createScratch(rank);
        const parsed = parseQuery(quoted ? `"${words[0]} ${words[1]}" ${words.slice(2).join(" ")}` : words.join(" "));
        const groups = () => expandQuery(a.lexicon, parsed.words);
        const vouch = parsed.words.slice(1).flatMap((_, i) => (pick[i] ? [[i, i + 1]] : []));
        const req: ScoreRequest = { groups: groups(), phrases: parsed.phrases, excluded: [], mode: "all", vouch };
        const bounded = boundQuery(rank, s, req);
        const reference = scoreQuery(rank, s, { groups: groups(), phrases: [...parsed.phrases, ...vouch], excluded: [], mode: "all" });
        expect(req.vouched).toBe(reference.size > 0);
        // The matches themselves are those of the request without the pairs.
        const plain = scoreQuery(rank, s, { groups: groups(), phrases: parsed.phrases, excluded: [], mode: "all" });
        expect([...bounded.docs].sort((x, y) => x - y)).toEqual([...plain.keys()].sort((x, y) => x - y));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the membership pass (every word required: members decided before any posting is scored)", () => {
  const COMMON = ["của", "và", "có"];
  // Another spelling of each common word: an article holding it instead shares the folded term's postings, not the marked one's.
  const ALIKE: Record<string, string> = { của: "cua", và: "vả", có: "cỏ" };
  const MID = ["bão", "báo", "bảo", "giá", "gia", "vàng", "người", "dân", "Hà", "Nội", "tăng"];
  // A query of a common word and 2–4 others; each article holds each query word or not (the
  // common word mostly), in its title or its text, among other words: many full matches, many
  // articles lacking the common (minor) word only (near misses), many lacking more.
  const sample = fc.record({
    words: fc.uniqueArray(fc.constantFrom(...MID), { minLength: 2, maxLength: 4 }),
    common: fc.constantFrom(...COMMON),
    at: fc.nat(4),
    docs: fc.array(
      fc.record({
        holds: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        common: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
        alike: fc.boolean(),
        inTitle: fc.nat(5),
        other: fc.subarray([...MID, ...COMMON], { maxLength: 4 }),
      }),
      { minLength: 3, maxLength: 50 },
    ),
    // How the query is typed: as is, unmarked (every spelling), its last word a prefix, or its first two quoted.
    // Articles holding the common words only: a query's common word then has many postings beside
    // its few candidates (most of its postings are tested and left unscored).
    padding: fc.oneof(fc.constant(0), fc.integer({ min: 50, max: 400 })),
    typing: fc.constantFrom("as is", "unmarked", "prefix", "quoted"),
    nearMiss: fc.boolean(),
    scoreBudget: fc.option(fc.integer({ min: 1, max: 150 }), { freq: 2 }),
  });
  const unmark = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");

  it("gives every request what testing and scoring in one pass gives: the same matches, near misses, bounds, charge and cut", () => {
    let nearMisses = 0;
    let cuts = 0;
    fc.assert(
      fc.property(fc.array(sample, { minLength: 2, maxLength: 2 }), (samples) => {
        // Two queries over one archive and one scratch, as the matcher reuses it: each pass must leave it clean.
        const { docs } = samples[0];
        const arts = docs.map((d, i) => {
          const common = d.common ? [samples[0].common] : d.alike ? [ALIKE[samples[0].common]] : [];
          const held = [...samples[0].words.filter((_, k) => d.holds[k]), ...common, ...d.other];
          const title = held.slice(0, d.inTitle % (held.length + 1)).join(" ") || "tin";
          return article(`a${i}`, title, held.slice(d.inTitle % (held.length + 1)).join(" ") || "tức");
        });
        for (let i = 0; i < samples[0].padding; i++) arts.push(article(`p${i}`, "tin", COMMON.slice(i % 3).join(" ")));
        const archive = memoryArchive(arts);
        const ix = archive.segments[0].rank;
        const sc = createScratch(ix);
        const requests = samples.map((x) => {
          const ws = [...x.words.slice(0, x.at), x.common, ...x.words.slice(x.at)];
          const typed =
            x.typing === "unmarked"
              ? ws.map(unmark).join(" ")
              : x.typing === "prefix"
                ? [...ws.slice(0, -1), ws[ws.length - 1].slice(0, 2)].join(" ")
                : x.typing === "quoted"
                  ? `"${ws.slice(0, 2).join(" ")}" ${ws.slice(2).join(" ")}`
                  : ws.join(" ");
          const { words, phrases } = parseQuery(typed);
          const req: ScoreRequest = { groups: expandQuery(archive.lexicon, words), phrases, excluded: [], mode: "all", nearMiss: x.nearMiss };
          if (x.scoreBudget !== null) req.scoreBudget = x.scoreBudget;
          return req;
        });
        const run = (base: ScoreRequest, onePass: boolean, scratch = sc, skipRatio?: number) => {
          const req: ScoreRequest = { ...base, onePass, skipRatio };
          return { ...outcome(boundQuery(ix, scratch, req), req), capped: req.capped };
        };
        const reference = requests.map((r) => run(r, true, createScratch(ix)));
        for (const r of reference) {
          if (r.near.length) nearMisses++;
          if (r.cutAt !== undefined) cuts++;
        }
        for (let i = 0; i < requests.length; i++) expect(run(requests[i], false)).toEqual(reference[i]);
        // Again, in the other order, on the same scratch.
        for (let i = requests.length - 1; i >= 0; i--) expect(run(requests[i], false)).toEqual(reference[i]);
        // Searching every term's postings for the articles in the running wherever it may (skipRatio 0).
        for (let i = 0; i < requests.length; i++) expect(run(requests[i], false, sc, 0)).toEqual(reference[i]);
      }),
      // Enough runs to reach a near miss holding only a lookalike of a prefix's marked completions (`vả` for `và…`).
      { numRuns: 500 },
    );
    // The property reached what it is about.
    expect(nearMisses).toBeGreaterThan(20);
    expect(cuts).toBeGreaterThan(20);
  });

  it("answers `exists` with the full matches the whole scoring finds (unscored), the same charge and cut, and leaves the scratch clean", () => {
    let shortcuts = 0;
    let cuts = 0;
    fc.assert(
      fc.property(sample, fc.boolean(), (x, excluding) => {
        const arts = x.docs.map((d, i) => {
          const held = [...x.words.filter((_, k) => d.holds[k]), ...(d.common ? [x.common] : d.alike ? [ALIKE[x.common]] : []), ...d.other];
          return article(
            `a${i}`,
            held.slice(0, d.inTitle % (held.length + 1)).join(" ") || "tin",
            held.slice(d.inTitle % (held.length + 1)).join(" ") || "tức",
          );
        });
        for (let i = 0; i < x.padding; i++) arts.push(article(`p${i}`, "tin", COMMON.slice(i % 3).join(" ")));
        const archive = memoryArchive(arts);
        const ix = archive.segments[0].rank;
        const ws = [...x.words.slice(0, x.at), x.common, ...x.words.slice(x.at)];
        const typed =
          x.typing === "unmarked" ? ws.map(unmark).join(" ") : x.typing === "quoted" ? `"${ws.slice(0, 2).join(" ")}" ${ws.slice(2).join(" ")}` : ws.join(" ");
        const { words, phrases } = parseQuery(typed);
        // An excluded word (one of the others' words): exclusions still apply to the members.
        const excluded = excluding ? [{ folded: [archive.lexicon.foldedId.get(unmark(x.words[0]).toLowerCase()) ?? -1], exact: [] }] : [];
        const base: ScoreRequest = { groups: expandQuery(archive.lexicon, words), phrases, excluded, mode: "all", nearMiss: x.nearMiss };
        if (x.scoreBudget !== null) base.scoreBudget = x.scoreBudget;
        const whole = { ...base };
        const reference = outcome(boundQuery(ix, createScratch(ix), whole), whole);
        const sc = createScratch(ix);
        const asked: ScoreRequest = { ...base, exists: true };
        const got = outcome(boundQuery(ix, sc, asked), asked);
        const shortcut = !x.nearMiss && !phrases.length;
        if (shortcut) {
          shortcuts++;
          if (reference.cutAt !== undefined) cuts++;
          const full = reference.docs.slice(0, reference.full);
          expect([...got.docs].sort((a, b) => a - b)).toEqual([...full].sort((a, b) => a - b));
          expect({ full: got.full, scored: got.scored, cutAt: got.cutAt }).toEqual({ full: reference.full, scored: reference.scored, cutAt: reference.cutAt });
        } else expect(got).toEqual(reference);
        // The same scratch then serves a whole request as a fresh one does.
        const after = { ...base };
        expect(outcome(boundQuery(ix, sc, after), after)).toEqual(reference);
      }),
      { numRuns: 300 },
    );
    expect(shortcuts).toBeGreaterThan(50);
    expect(cuts).toBeGreaterThan(5);
  });

  // The wide rule (NearMissRule.wideWords, wideShort): an article stays in the running while the
  // idf it lacks, less what its completions cover, is within the rule's share, so the membership
  // pass must test coverage as the scoring pass does (a completion counts its expansion weight).
  const WIDE = ["bão", "giá", "vàng", "người", "dân", "tăng", "lũ", "lụt", "Hà", "Nội", "2016-2017"];
  const wideSample = fc.record({
    words: fc.uniqueArray(fc.constantFrom(...WIDE), { minLength: 4, maxLength: 7 }),
    docs: fc.array(
      fc.record({
        // Each query word held (mostly), held through another word of its prefix, or not at all.
        holds: fc.array(fc.constantFrom("word", "word", "word", "alike", "none"), { minLength: 7, maxLength: 7 }),
        inTitle: fc.nat(5),
      }),
      { minLength: 3, maxLength: 60 },
    ),
    padding: fc.oneof(fc.constant(0), fc.integer({ min: 20, max: 200 })),
    typing: fc.constantFrom("as is", "unmarked", "prefix", "quoted"),
    // `alone`: the matcher's pass listing near misses alone (NearMissRule.alone).
    rule: fc.record({
      wideShort: fc.constantFrom(0, 4),
      wideWords: fc.constantFrom(0, 4, 6),
      wideShare: fc.constantFrom(0.3, 0.5, 0.7),
      alone: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    }),
    scoreBudget: fc.option(fc.integer({ min: 1, max: 200 }), { freq: 3 }),
  });
  // Another word sharing each word's first letters: held instead, it is only a completion of the typed prefix.
  const ALIKE_PREFIX: Record<string, string> = {
    bão: "bánh",
    giá: "giày",
    vàng: "vành",
    người: "ngược",
    dân: "dâng",
    tăng: "tầng",
    lũ: "lúa",
    lụt: "lục",
    Hà: "Hàn",
    Nội: "Nộp",
    "2016-2017": "2016",
  };

  it("under the wide rule too: the same matches, wide near misses, bounds, charge and cut as testing and scoring in one pass", () => {
    let wideOnly = 0;
    let cuts = 0;
    fc.assert(
      fc.property(wideSample, (x) => {
        const arts = x.docs.map((d, i) => {
          const held = x.words.flatMap((w, k) => (d.holds[k] === "word" ? [w] : d.holds[k] === "alike" ? [ALIKE_PREFIX[w]] : []));
          const cut = d.inTitle % (held.length + 1);
          return article(`a${i}`, held.slice(0, cut).join(" ") || "tin", held.slice(cut).join(" ") || "tức");
        });
        for (let i = 0; i < x.padding; i++) arts.push(article(`p${i}`, "tin", x.words.filter((_, k) => (i + k) % 3 === 0).join(" ") || "tức"));
        const archive = memoryArchive(arts);
        const ix = archive.segments[0].rank;
        const typed =
          x.typing === "unmarked"
            ? x.words.map(unmark).join(" ")
            : x.typing === "prefix"
              ? x.words.map((w) => w.slice(0, 2)).join(" ")
              : x.typing === "quoted"
                ? `"${x.words.slice(0, 2).join(" ")}" ${x.words.slice(2).join(" ")}`
                : x.words.join(" ");
        const { words, phrases } = parseQuery(typed);
        const rule = { ...NEAR_MISS, ...x.rule };
        const base: ScoreRequest = { groups: expandQuery(archive.lexicon, words), phrases, excluded: [], mode: "all", nearMiss: true, nearMissRule: rule };
        if (x.scoreBudget !== null) base.scoreBudget = x.scoreBudget;
        const run = (nearMissRule: NearMissRule, onePass: boolean, scratch = createScratch(ix), skipRatio?: number) => {
          const req: ScoreRequest = { ...base, nearMissRule, onePass, skipRatio };
          return outcome(boundQuery(ix, scratch, req), req);
        };
        const reference = run(rule, true);
        const narrow = run({ ...rule, wideShort: 0, wideWords: 0 }, true);
        if (reference.near.length > narrow.near.length) wideOnly++;
        if (reference.cutAt !== undefined) cuts++;
        // Twice on one scratch: the pass must leave it clean (Scratch.cover, bestCover). First a pass
        // keeping every article in the running at every word (the whole idf may be lacked), which
        // leaves a position for each posting: one the request's pass does not read must not count.
        const sc = createScratch(ix);
        run({ ...rule, wideShort: 1, wideShare: 1 }, false, sc);
        expect(run(rule, false, sc)).toEqual(reference);
        expect(run(rule, false, sc)).toEqual(reference);
        // Searching the postings for the articles in the running wherever it may, after a pass that left a position everywhere.
        run({ ...rule, wideShort: 1, wideShare: 1 }, false, sc);
        expect(run(rule, false, sc, 0)).toEqual(reference);
      }),
      { numRuns: 400 },
    );
    // The property reached what it is about: near misses only the wide rule lists, and budget cuts.
    expect(wideOnly).toBeGreaterThan(30);
    expect(cuts).toBeGreaterThan(20);
  });
});

describe("the wide rule's membership pass, an article leaving the running at a word it holds", () => {
  // `bão lũ dâng` lacks the rare `lụt`, and holds `dân` only through a completion (`dâng`, at its
  // weight): by the time `bão` is read (last, the commonest), the idf it lacks less its coverage
  // is past the rule's share, so it leaves the running there, though it holds `bão`. What it then
  // lacks by the words it was seen holding (`lụt`, `bão`) is within the share: a wide near miss.
  const arts = [
    article("a0", "tin", "bão lũ"),
    article("a1", "tin", "lụt bão lũ dân"),
    article("a2", "tin", "bão lũ dâng"),
    article("a3", "tin", "lụt bão lúa dân"),
  ];
  const archive = memoryArchive(arts);
  const ix = archive.segments[0].rank;
  const parsed = parseQuery("lụt bão lũ dân");
  const rule = { ...NEAR_MISS, wideShort: 0, wideWords: 4, wideShare: 0.5 };
  const request = (onePass: boolean, wideShare = rule.wideShare): ScoreRequest => ({
    groups: expandQuery(archive.lexicon, parsed.words),
    phrases: parsed.phrases,
    excluded: [],
    mode: "all",
    nearMiss: true,
    nearMissRule: { ...rule, wideShare },
    onePass,
  });
  const bounds = (req: ScoreRequest, s = createScratch(ix)) => {
    const b = boundQuery(ix, s, req);
    return { docs: b.docs, lower: Array.from(b.lower), upper: Array.from(b.upper), near: [...(req.nearMisses ?? new Map())] };
  };

  it("does not count that word's posting in its bound, even where an earlier query on the scratch left its position", () => {
    const reference = bounds(request(true));
    const a2 = ix.ids.indexOf("a2");
    // The case itself: a near miss said to lack `bão` (word 1), which it holds.
    expect(new Map(reference.near).get(a2)).toBe((1 << 0) | (1 << 1));
    const s = createScratch(ix);
    // Every article in the running at every word: each posting's position is left on the scratch.
    bounds(request(false, 1), s);
    expect(bounds(request(false), s)).toEqual(reference);
    // So too when the pass searches `bão`'s postings for the articles in the running (skipRatio 0).
    bounds(request(false, 1), s);
    expect(bounds({ ...request(false), skipRatio: 0 }, s)).toEqual(reference);
  });
});

describe("tightening a bound (ProximityScorer.tighten: the pair filters a bound left unread)", () => {
  // Many alike matches holding the words apart: each bound above MaxScore's cut leaves its pair
  // filters unread (a loose row per article, n parts each), and reading them takes the pairs away.
  const apart = Array.from({ length: 600 }, (_, i) => article(`a${i}`, "tin", `bão ở đây ${i}. lũ ở kia. miền núi. nay trung bình.`));
  const archive = memoryArchive([...apart, ...background]);
  const ix = archive.segments[0].rank;
  const bounded = (q: string, s: ReturnType<typeof createScratch>) => {
    const parsed = parseQuery(q);
    return boundQuery(ix, s, { groups: expandQuery(archive.lexicon, parsed.words), phrases: parsed.phrases, excluded: [], mode: "all" });
  };
  const tightened = (b: ReturnType<typeof boundQuery>) => b.docs.map((d) => b.proximity!.tighten(d));

  it("takes as much off after a query of fewer words grew the scratch's loose rows as on a fresh scratch", () => {
    const reference = tightened(bounded("bão lũ miền trung", createScratch(ix)));
    // The case: more loose rows than a query of two words' rows hold at four parts each.
    expect(reference.filter((x) => x > 0).length).toBeGreaterThan(512);
    const s = createScratch(ix);
    bounded("bão lũ", s);
    expect(tightened(bounded("bão lũ miền trung", s))).toEqual(reference);
  });

  it("keeps every pair a bound left unread: tightened, each bound is the one read with every filter", () => {
    const parsed = parseQuery("bão lũ miền trung");
    const req = (topHint?: number) => ({
      groups: expandQuery(archive.lexicon, parsed.words),
      phrases: parsed.phrases,
      excluded: [],
      mode: "all" as const,
      topHint,
    });
    // topHint 0: no MaxScore cut, every filter read as the bound is made (the reference).
    const tight = boundQuery(ix, createScratch(ix), req(0));
    const loose = boundQuery(ix, createScratch(ix), req());
    const off = tightened(loose);
    expect(loose.docs).toEqual(tight.docs);
    // Three pairs, each written apart: a row keeps several parts, and tightening takes each away.
    expect(off.filter((x) => x > 0).length).toBeGreaterThan(512);
    // Equal but for the bound's inflation (a billionth of the score, applied before or after the filters).
    loose.docs.forEach((_, i) => expect(loose.upper[i] - off[i]).toBeCloseTo(tight.upper[i], 6));
  });
});

describe("headlessCeilings (what scripts/scale/query-profile.ts --skip-profile measures with)", () => {
  const WORDS = ["bão", "báo", "giá", "vàng", "người", "dân", "đàm", "phán", "của", "Hà", "Nội"];
  const words = (min: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: 6 });
  const unmark = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");

  it("bounds the exact score of every member with no term of a query word in its title or lead", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: words(0), lead: words(0), body: fc.array(words(1), { minLength: 1, maxLength: 4 }) }), { minLength: 2, maxLength: 30 }),
        fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("as is", "unmarked", "prefix"),
        fc.constantFrom(RANK_WEIGHTS, { ...RANK_WEIGHTS, span: 10 }),
        (docs, query, typing, w) => {
          const arts = docs.map((d, i) => article(`a${i}`, d.title.join(" ") || "tin", d.lead.join(" ") || "tức", ...d.body.map((b) => b.join(" ") + ".")));
          const archive = memoryArchive([...arts, ...background]);
          const ix = archive.segments[0].rank;
          const q = typing === "unmarked" ? query.map(unmark).join(" ") : typing === "prefix" ? query.join(" ").slice(0, -1) : query.join(" ");
          const parsed = parseQuery(q);
          const groups = expandQuery(archive.lexicon, parsed.words);
          const scores = explainQuery(ix, createScratch(ix), { groups, phrases: parsed.phrases, excluded: [], mode: "all", nearMiss: true, weights: w });
          const ceilings = headlessCeilings(ix, createScratch(ix), groups, w);
          for (const [d, { score }] of scores) {
            let headed = false;
            let ceiling = ceilings.positional;
            groups.forEach((g, i) => {
              let holds = false;
              for (const t of g.terms) {
                for (let p = ix.foldedStart[t.f]; p < ix.foldedStart[t.f + 1]; p++) {
                  if (ix.foldedDocs[p] !== d) continue;
                  holds = true;
                  if (ix.foldedTf[p] >> 8 !== 0) headed = true;
                }
              }
              if (holds) ceiling += ceilings.word[i];
            });
            if (headed) continue;
            checked++;
            expect(score).toBeLessThanOrEqual(ceiling);
          }
        },
      ),
      { numRuns: 300 },
    );
    // Enough members with the query in the body only for the bound to be tried.
    expect(checked).toBeGreaterThan(100);
  });
});

describe("the share of the title the query's words take (RankWeights.fit)", () => {
  // Both titles hold the query; the side story says more besides it, and its body says the query's words more often.
  const docs = [
    ...background,
    article("report", "Hoàng Oanh chia tay bạn trai sau ba năm", "Á hậu xác nhận đã chia tay.", filler(1)),
    article(
      "aftermath",
      "Đã chia tay, Hoàng Oanh vẫn đăng ảnh tình tứ với bạn trai cũ ở sự kiện",
      "Hoàng Oanh chia tay bạn trai cũ. Hoàng Oanh chia tay từ đầu năm. Hoàng Oanh chia tay rồi vẫn đăng ảnh.",
      "Hoàng Oanh chia tay nhưng vẫn là bạn. Hoàng Oanh chia tay êm đẹp.",
      filler(1),
    ),
    article("other", "Tin giải trí", "Hoàng Oanh nói về chuyện chia tay.", filler(1)),
  ];
  const a = memoryArchive(docs);
  const explainAll = (q: string, weights: typeof RANK_WEIGHTS) => explainIn(a, q, weights);

  it("is the weight × the title's words that are query words over the title's length, 0 for a title without them", () => {
    const r = explainAll("Hoàng Oanh chia tay", { ...RANK_WEIGHTS, fit: 30 });
    // Four of the report's nine title words; four of the side story's seventeen.
    expect(r.get("report")!.features.fit).toBeCloseTo((30 * 4) / 9, 9);
    expect(r.get("aftermath")!.features.fit).toBeCloseTo((30 * 4) / 17, 9);
    expect(r.get("other")!.features.fit).toBe(0);
    for (const e of r.values())
      expect(e.score).toBeCloseTo(
        FEATURE_NAMES.reduce((x, k) => x + e.features[k], 0),
        9,
      );
  });

  it("ranks the title that says little besides the query above one saying it among more, only when on", () => {
    const off = explainAll("Hoàng Oanh chia tay", { ...RANK_WEIGHTS, fit: 0 });
    const on = explainAll("Hoàng Oanh chia tay", { ...RANK_WEIGHTS, fit: 30 });
    expect(off.get("report")!.features.fit).toBe(0);
    expect(off.get("aftermath")!.score).toBeGreaterThan(off.get("report")!.score);
    expect(on.get("report")!.score).toBeGreaterThan(on.get("aftermath")!.score);
  });

  it("counts a syllable a completion (the last word typed in part) joins to its compound half, as a completion's pair counts elsewhere", () => {
    const r = explainAll("Hoàng Oanh chia ta", { ...RANK_WEIGHTS, fit: 30 });
    expect(r.get("report")!.features.fit).toBeCloseTo((30 * 3.5) / 9, 9);
  });

  it("counts a compound's syllables only where the title writes the compound whole", () => {
    const talks = [
      ...background,
      article("apart", "Đàm luận về phán quyết", "Hai bên đàm phán.", filler(1)),
      article("whole", "Đàm phán lại từ đầu", "Hai bên đàm phán.", filler(1)),
    ];
    const r = explainIn(memoryArchive(talks), "đàm phán", { ...RANK_WEIGHTS, fit: 30 });
    const fit = (id: string) => r.get(id)!.features.fit;
    expect(fit("apart")).toBe(0);
    expect(fit("whole")).toBeCloseTo((30 * 2) / 5, 9);
  });
});

describe("a code's inner pairs (RankWeights.codePairs)", () => {
  const docs = [
    article("summit", "Hội nghị G7 khai mạc", "Các nước G7 họp. G7 ra tuyên bố. Lãnh đạo G7 gặp nhau.", filler(1)),
    article("other", "Tin thế giới", "Nhóm G7 ra tuyên bố chung.", filler(1)),
  ];
  const a = memoryArchive(docs);
  const features = (q: string, weights: typeof RANK_WEIGHTS) => explainIn(a, q, weights).get("summit")!.features;

  it("knows a code's letters and digits typed together or with a hyphen from words typed apart", () => {
    const groups = (q: string) => expandQuery(a.lexicon, parseQuery(q).words);
    expect([1, 2].map((g) => codeJoin(groups("G7 họp"), g))).toEqual([true, false]);
    expect(codeJoin(groups("G-7"), 1)).toBe(true);
    expect(codeJoin(groups("G 7"), 1)).toBe(false);
  });

  it("counts a code's mentions once: its inner pair adds to pairs and flow only when codePairs is on", () => {
    const off = features("G7", { ...RANK_WEIGHTS, codePairs: 0 });
    const on = features("G7", { ...RANK_WEIGHTS, codePairs: 1 });
    expect(off.pairs).toBe(0);
    expect(off.flow).toBe(0);
    expect(on.pairs).toBeGreaterThan(0);
    // The pair of two words typed apart still counts.
    expect(features("nước G7", { ...RANK_WEIGHTS, codePairs: 0 }).pairs).toBeGreaterThan(0);
  });
});

describe("phrases checked alone", () => {
  // Codes written together, with a hyphen or apart (the analyzer joins their pieces), among a few
  // syllables, so that articles hold a code's pieces both as the phrase and scattered.
  const UNITS = ["U23", "U-23", "U 23", "u", "23", "G20", "G 20", "g", "20", "Việt Nam", "việt", "nam", "đội", "tuyển", "hội nghị"];
  const unit = fc.constantFrom(...UNITS);
  const sentence = fc.array(unit, { minLength: 1, maxLength: 8 }).map((w) => w.join(" ") + ".");
  const corpus = fc.array(
    fc.record({ title: fc.array(unit, { minLength: 1, maxLength: 4 }), paragraphs: fc.array(sentence, { minLength: 1, maxLength: 4 }) }),
    { minLength: 1, maxLength: 25 },
  );
  // Codes typed together or with a hyphen (phrases of their pieces), quoted words, and words to lack (near misses).
  const QUERIES = [
    "U23",
    "U23 Việt Nam",
    "đội tuyển U-23",
    "G20 hội nghị",
    '"việt nam" u23',
    '"đội tuyển" nam',
    "U23 G20",
    "tuyển U23 nam việt",
    "hội nghị G20 đội tuyển U23 Việt Nam",
    "đội tuyển nam G-20 hội nghị việt",
  ];

  it("keeps the matches and exact scores of every candidate scanned whole (explain's path)", () => {
    fc.assert(
      fc.property(corpus, fc.constantFrom(...QUERIES), fc.boolean(), (docs, q, nearMiss) => {
        const arch = memoryArchive(docs.map((a, i) => article(`c${i}`, a.title.join(" "), ...a.paragraphs)));
        const ix = arch.segments[0];
        const sc = createScratch(ix.rank);
        const req = (): ScoreRequest => {
          const parsed = parseQuery(q);
          return { groups: expandQuery(arch.lexicon, parsed.words), phrases: parsed.phrases, excluded: [], mode: "all", nearMiss };
        };
        expect(req().phrases.length).toBeGreaterThan(0);
        const scanned = new Map([...explainQuery(ix.rank, sc, req())].map(([d, e]) => [d, e.score]));
        const checked = scoreQuery(ix.rank, sc, req());
        expect([...checked].sort((a, b) => a[0] - b[0])).toEqual([...scanned].sort((a, b) => a[0] - b[0]));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the per-word sum written out (perWordScores) and run's `base` (unweighedBase)", () => {
  /** Doubles of every magnitude up to `max` with full mantissas (fc.double's are mostly tiny), so a sum's order shows in its last bits. */
  const share = (max: number) => fc.nat(1_000_003).map((x) => (max * x) / 1_000_003);
  it("agree to the bit on random sums, weights, title lengths and fit counts, with `fit` on and off", () => {
    let fitted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(share(40), { minLength: SUMS, maxLength: SUMS }), fc.nat(30), fc.nat(30)), { minLength: 1, maxLength: 40 }),
        share(5),
        share(5),
        fc.oneof(
          fc.constant(0),
          share(3).filter((x) => x > 0),
        ),
        (docs, coverage, head, fitWeight) => {
          const n = docs.length;
          const sums = new Float64Array(SUMS * n);
          const fitCount = new Uint8Array(n);
          const titleLen = new Int32Array(n);
          docs.forEach(([parts, count, len], d) => {
            sums.set(parts, SUMS * d);
            fitCount[d] = count;
            titleLen[d] = len;
          });
          // Every article, last first (the candidates' order is the membership pass's, not the ids').
          const order = Array.from({ length: n }, (_, i) => n - 1 - i);
          const lower = new Float64Array(order.length);
          perWordScores(order, lower, sums, coverage, head, fitWeight, fitCount, titleLen);
          const base = unweighedBase(sums, coverage, head, fitWeight, fitCount, titleLen);
          order.forEach((d, i) => expect(Object.is(lower[i], base(d)), `article ${d}: ${lower[i]} against ${base(d)}`).toBe(true));
          if (fitWeight > 0 && order.some((d) => titleLen[d] > 0 && fitCount[d] > 0)) fitted++;
        },
      ),
      { numRuns: 300 },
    );
    // Not vacuous: the fit part was on with a title holding query words.
    expect(fitted).toBeGreaterThan(0);
  });
});

describe("the membership pass searching a common term's postings (gallop, skipRatio)", () => {
  it("gallop finds the first position holding at least x, from any start, past any gap", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(3000), { maxLength: 300 }), fc.nat(3100), fc.nat(310), (values, x, start) => {
        const a = Uint16Array.from(values.sort((u, v) => u - v));
        const lo = Math.min(start, a.length);
        let want = lo;
        while (want < a.length && a[want] < x) want++;
        expect(gallop(a, lo, a.length, x)).toBe(want);
        // Within a shorter range too (the postings below a limit).
        const hi = Math.max(lo, a.length - 3);
        expect(gallop(a, lo, hi, x)).toBe(Math.min(want, hi));
      }),
      { numRuns: 500 },
    );
  });

  // A rare word in a few articles and a common one in hundreds, some articles holding the rare word
  // alone (near misses or not), with the common word's postings searched for the few.
  const rare = Array.from({ length: 12 }, (_, i) =>
    article(`r${i}`, i % 3 === 0 ? "lụt" : "tin", `lụt ${i % 2 === 0 ? "miền núi" : "đồng bằng"} ${i % 4 === 1 ? "" : "bão"}`),
  );
  const common = Array.from({ length: 900 }, (_, i) => article(`c${i}`, "tin", `bão ${i % 5 === 0 ? "miền" : "núi"} đồng`));
  const archive = memoryArchive([...common.slice(0, 400), ...rare.slice(0, 6), ...common.slice(400), ...rare.slice(6)]);
  const ix = archive.segments[0].rank;
  it.each(["lụt bão", "lụt bão miền", "lụt bão miền núi", "lut bao", "lụt mi", "bão lụt đồng bằng"])("gives %s what reading every posting gives", (q) => {
    const { words, phrases } = parseQuery(q);
    const base: ScoreRequest = { groups: expandQuery(archive.lexicon, words), phrases, excluded: [], mode: "all", nearMiss: true };
    const run = (extra: Partial<ScoreRequest>) => {
      const req: ScoreRequest = { ...base, ...extra };
      return outcome(boundQuery(ix, createScratch(ix), req), req);
    };
    const reference = run({ onePass: true });
    expect(reference.docs.length).toBeGreaterThan(0);
    expect(run({ skipRatio: 0 })).toEqual(reference);
    expect(run({ skipRatio: Infinity })).toEqual(reference);
  });
});

describe("deleted articles", () => {
  it("are no match, whether the membership pass ran or not (onePass)", () => {
    const a = memoryArchive([...background, article("old", "Bão đổ bộ", "Gió mạnh, bão lớn."), article("new", "Bão đổ bộ", "Gió mạnh, bão lớn.")]);
    const ix = a.segments[0].rank;
    const old = ix.ids.indexOf("old");
    ix.deleted = new Uint8Array(ix.n);
    ix.deleted[old] = 1;
    const parsed = parseQuery("bão gió");
    for (const onePass of [false, true]) {
      const req: ScoreRequest = { groups: expandQuery(a.lexicon, parsed.words), phrases: [], excluded: [], mode: "all", onePass };
      const b = boundQuery(ix, createScratch(ix), req);
      expect(b.docs.map((d) => ix.ids[d])).toEqual(["new"]);
      expect(b.full).toBe(1);
    }
  });
});
