import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { createMatcher } from "@/lib/search/matcher";
import { parseQuery } from "@/lib/search/query-parse";
import { GLUED_MIN_DF, joinGlued, RUN_TOGETHER_MIN_DF, runTogetherCut, splitRunTogether } from "@/lib/search/run-together";

// The archive writes `TP HCM` apart in RUN_TOGETHER_MIN_DF articles and `TPHCM` in one; `London` is never written apart.
const apart = Array.from({ length: RUN_TOGETHER_MIN_DF }, (_, i) =>
  testArticle({ id: `apart${i}`, title: `Tin số ${i} ở TP HCM`, paragraphs: [`Chợ số ${i} ở TP HCM mở cửa.`] }),
);
const articles = [
  ...apart,
  testArticle({ id: "fees-apart", title: "TP HCM không tăng học phí", paragraphs: ["Học phí năm học mới ở TP HCM giữ nguyên."] }),
  testArticle({ id: "fees-together", title: "TPHCM giữ học phí", paragraphs: ["Học phí ở TPHCM không đổi."] }),
  testArticle({ id: "london", title: "Học phí ở London tăng", paragraphs: ["Các trường ở London tăng học phí, Lon và Don là tên khác."] }),
];

describe("words typed run together", () => {
  const lex = memoryArchive(articles).lexicon;

  it("cuts a word where the archive writes its two parts apart more often than together", () => {
    expect(runTogetherCut(lex, parseQuery("tphcm").words[0])).toBe(2);
    // Not a word the archive writes whole, not a word typed with marks, not a quoted one.
    expect(runTogetherCut(lex, parseQuery("london").words[0])).toBe(-1);
    expect(runTogetherCut(lex, parseQuery("tphcmá").words[0])).toBe(-1);
    expect(runTogetherCut(lex, parseQuery('"tphcm"').words[0])).toBe(-1);
    // Typed capitalised, a word is a name as typed; in upper case it may be an abbreviation.
    expect(runTogetherCut(lex, parseQuery("Tphcm").words[0])).toBe(-1);
    expect(runTogetherCut(lex, parseQuery("TPHCM").words[0])).toBe(2);
  });

  it("replaces the word by its parts, side by side, and keeps the other words and phrases in place", () => {
    const split = splitRunTogether(lex, parseQuery('hoc phi o TPHCM "tăng học"'));
    expect(split.words.map((w) => w.text)).toEqual(["hoc", "phi", "o", "TP", "HCM", "tăng", "học"]);
    expect(split.words[4]).toMatchObject({ start: 12, end: 15, folded: "hcm", joinsPrev: true });
    expect(split.phrases).toEqual([[5, 6]]);
    expect(split.whole.filter((f) => f >= 0)).toHaveLength(2);
  });

  it("finds the articles that write the parts apart and the one that writes the word whole", () => {
    const found = (on: boolean) =>
      createMatcher(articles, { runTogether: on })
        .match("hoc phi o tphcm")!
        .top(10)
        .map((h) => h.seg.rank.ids[h.d])
        .sort();
    expect(found(true)).toEqual(["fees-apart", "fees-together"]);
    expect(found(false)).toEqual(["fees-together"]);
  });
});

describe("a name in lower case holding a word typed run together", () => {
  // The archive writes `M-TP` apart in RUN_TOGETHER_MIN_DF articles, and knows the person `Sơn Tùng M-TP`.
  const singer = [{ id: "son-tung-m-tp", name: "Sơn Tùng M-TP" }];
  const docs = [
    ...Array.from({ length: RUN_TOGETHER_MIN_DF }, (_, i) => ({
      ...testArticle({ id: `apart${i}`, title: `Sơn Tùng M-TP hát bài số ${i}`, paragraphs: [`Ca sĩ Sơn Tùng M-TP biểu diễn lần ${i}.`] }),
      persons: singer,
    })),
    { ...testArticle({ id: "whole", title: "Sơn Tùng MTP ra mắt Lạc trôi", paragraphs: ["Bài Lạc trôi của Sơn Tùng MTP gây sốt."] }), persons: singer },
  ];

  it("is not read as a name whose words stand together: the article writing the word whole is found", () => {
    const found = createMatcher(docs)
      .match("son tung mtp lac troi")!
      .top(10)
      .map((h) => h.seg.rank.ids[h.d]);
    expect(found).toEqual(["whole"]);
  });
});

describe("syllables typed apart that the archive writes glued", () => {
  // `Pleikrông` written glued in GLUED_MIN_DF articles and never apart; `con gà` written apart far more often than `Congà`.
  const glued = Array.from({ length: GLUED_MIN_DF }, (_, i) =>
    testArticle({ id: `glued${i}`, title: `Cá chết ở sông Pleikrông lần ${i}`, paragraphs: [`Hồ Pleikrông có cá chết, đợt ${i}.`] }),
  );
  const hens = Array.from({ length: GLUED_MIN_DF + 1 }, (_, i) =>
    testArticle({ id: `hen${i}`, title: `Nuôi con gà số ${i}`, paragraphs: [`Con gà số ${i} đẻ trứng.`] }),
  );
  const docs = [
    ...glued,
    ...hens,
    testArticle({ id: "apart", title: "Cá chết ở Plei Krông", paragraphs: ["Dân thấy cá chết ở hồ Plei Krông."] }),
    ...Array.from({ length: GLUED_MIN_DF }, (_, i) =>
      testArticle({ id: `conga${i}`, title: `Đội Congà thắng trận ${i}`, paragraphs: ["Đội Congà thắng đậm."] }),
    ),
  ];
  const lex = memoryArchive(docs).lexicon;
  const reading = (q: string) => joinGlued(lex, splitRunTogether(lex, parseQuery(q))).whole;

  it("lets both syllables match the glued word when the archive writes it glued more often than apart", () => {
    const whole = reading("ca chet plei krong");
    expect(whole.slice(0, 2)).toEqual([-1, -1]);
    expect(whole[2]).toBeGreaterThanOrEqual(0);
    expect(whole[3]).toBe(whole[2]);
    // Written apart more often than glued, the pair is read as typed; a quoted pair too.
    expect(reading("con ga").every((f) => f < 0)).toBe(true);
    expect(reading('"plei krong"').every((f) => f < 0)).toBe(true);
  });

  it("finds the articles writing the name glued beside the one writing it apart", () => {
    const found = (on: boolean) =>
      createMatcher(docs, { glued: on })
        .match("ca chet plei krong")!
        .top(10)
        .map((h) => h.seg.rank.ids[h.d])
        .sort();
    expect(found(true)).toEqual(["apart", "glued0", "glued1", "glued2"]);
    expect(found(false)).toEqual(["apart"]);
  });
});
