import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { createMatcher } from "@/lib/search/matcher";
import { expandQuery } from "@/lib/search/query-expand";
import { parseQuery } from "@/lib/search/query-parse";
import { RANK_WEIGHTS } from "@/lib/search/rank-score";
import { isNameWord, nameIds, namePostings, titleCounter, titleHeld, titleHolders, titleNameTerms, titlePasses } from "@/lib/search/title-names";

// The report names `Iran` in its title; the other story says `bắn tên lửa` more often, with `Iran` in its lead only.
const articles = [
  testArticle({ id: "report", title: "Iran phóng tên lửa vào Syria", paragraphs: ["Iran phóng tên lửa vào miền Đông Syria.", "Quân đội bắn tên lửa vào IS."] }),
  testArticle({
    id: "other",
    title: "Tàu ngầm Nga bắn tên lửa vào Syria",
    paragraphs: ["Tàu ngầm Nga bắn tên lửa vào IS ở Syria, sau Iran.", "Nga bắn tên lửa lần thứ hai. Hạm đội bắn tên lửa lần thứ ba."],
  }),
  testArticle({ id: "filler", title: "Giá xăng giảm", paragraphs: ["Giá xăng giảm từ chiều nay."] }),
];

describe("names in the title", () => {
  const archive = memoryArchive(articles);
  const lex = archive.lexicon;

  it("reads words typed with a capital or a digit as names", () => {
    expect(["Iran", "THAAD", "U23", "29", "Đà"].map(isNameWord)).toEqual([true, true, true, true, true]);
    expect(["iran", "bắn", "đà"].map(isNameWord)).toEqual([false, false, false]);
    // Each name once, folded; a word typed in lower case is not one.
    const groups = expandQuery(lex, parseQuery("Iran bắn tên lửa Syria iran Syria").words);
    expect(titleNameTerms(lex, groups)).toEqual([["iran"], ["syria"]]);
  });

  it("counts the names each title holds, from the postings", () => {
    const names = titleNameTerms(lex, expandQuery(lex, parseQuery("Iran bắn tên lửa Syria").words));
    const seg = archive.segments[0].rank;
    const ids = nameIds(seg, names);
    expect([...titleHolders(seg, ids)]).toEqual([2, 1, 0]);
    // One article at a time (a binary search in each name's postings) reads the same.
    expect([0, 1, 2].map((d) => titleHeld(seg, ids, d))).toEqual([2, 1, 0]);
    expect(namePostings(seg, ids)).toBe(4);
    // A spelling the segment lacks is left out.
    expect(nameIds(seg, [["iran", "nowhere"]])).toEqual([[seg.foldedId.get("iran")]]);
  });

  it("passes over a name with many spellings rather than searching each spelling per article, counting the same", () => {
    // A month typed after `tháng` is a name whose spellings are its written dates (query-expand.ts monthDates).
    const dated = [
      testArticle({ id: "d1", title: "Lãi suất tăng từ 14/6", paragraphs: ["Fed tăng lãi suất từ 14/6."] }),
      testArticle({ id: "d2", title: "Fed họp", paragraphs: ["Cuộc họp ngày 15/6/2017 và 1.6."] }),
      testArticle({ id: "d3", title: "Giá vàng tháng 6", paragraphs: ["Giá vàng giảm."] }),
      testArticle({ id: "d4", title: "Fed giữ lãi suất 2/6", paragraphs: ["Fed giữ nguyên lãi suất."] }),
    ];
    const archive = memoryArchive(dated);
    const lex = archive.lexicon;
    const seg = archive.segments[0].rank;
    const names = titleNameTerms(lex, expandQuery(lex, parseQuery("Fed lãi suất tháng 6").words, true, true, true));
    const ids = nameIds(seg, names);
    // `fed` (one spelling) and `6` with its four dates.
    expect(ids.map((fs) => fs.length)).toEqual([1, 5]);
    // Two articles at one posting read a search: `fed` (one spelling, three postings) is searched (2 reads < 3),
    // the month (five spellings, five postings) passed (2 × 5 searches > 5), whatever one name alone would cost.
    expect(titlePasses(seg, ids, 2, 1)).toEqual([false, true]);
    expect(titlePasses(seg, ids, 1, 1)).toEqual([false, false]);
    expect(titlePasses(seg, ids, 1, 4)).toEqual([true, true]);
    // Passed, searched or both, each title's count is the same.
    const held = [0, 1, 2, 3].map((d) => titleHeld(seg, ids, d));
    expect(held).toEqual([1, 1, 1, 2]);
    for (const [articles, cost] of [
      [2, 1],
      [1, 1],
      [1, 4],
    ])
      expect([0, 1, 2, 3].map(titleCounter(seg, ids, articles, cost))).toEqual(held);
  });

  it("ranks the article whose title names the query's names above one saying its other words more", () => {
    // One name typed (`Iran`): the report's title holds all of the query's names, the other's none.
    // `fit` off: the report's title is also the shorter fit to the query, which alone would turn the two (RankWeights.fit).
    const top = (weights = { ...RANK_WEIGHTS, fit: 0 }) =>
      createMatcher(articles, { weights })
        .match("Iran bắn tên lửa syria")!
        .top(2)
        .map((h) => h.seg.rank.ids[h.d]);
    expect(top({ ...RANK_WEIGHTS, fit: 0, titleNames: 0 })).toEqual(["other", "report"]);
    expect(top()).toEqual(["report", "other"]);
  });

  it("reads a name typed in lower case as one when the archive writes it capitalised", () => {
    // Five more articles write `Iran` mid-sentence (none holds the query's other words): evidence that it is a name.
    const more = [1, 2, 3, 4, 5].map((i) => testArticle({ id: `more${i}`, title: `Tin số ${i}`, paragraphs: [`Đoàn đại biểu thăm Iran lần ${i}.`] }));
    const top = (nameShare?: number) =>
      createMatcher([...articles, ...more], { nameShare, weights: { ...RANK_WEIGHTS, fit: 0 } })
        .match("iran bắn tên lửa syria")!
        .top(2)
        .map((h) => h.seg.rank.ids[h.d]);
    expect(top()).toEqual(["report", "other"]);
    // Lower-case words never names: the other story comes first, as with titleNames 0 above.
    expect(top(Infinity)).toEqual(["other", "report"]);
    // Without the five articles, `iran` is said mid-sentence once: too little to call it a name.
    const lex = memoryArchive(articles).lexicon;
    const groups = expandQuery(lex, parseQuery("iran bắn").words);
    expect(titleNameTerms(lex, groups, (f) => f === "iran")).toEqual([["iran"]]);
    expect(
      createMatcher(articles, { weights: { ...RANK_WEIGHTS, fit: 0 } })
        .match("iran bắn tên lửa syria")!
        .top(2)
        .map((h) => h.seg.rank.ids[h.d]),
    ).toEqual(["other", "report"]);
  });
});
