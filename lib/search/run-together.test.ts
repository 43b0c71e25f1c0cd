import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { createMatcher } from "@/lib/search/matcher";
import { parseQuery } from "@/lib/search/query-parse";
import { GLUED_MAX_APART, joinGlued, RUN_TOGETHER_MIN_DF, runTogetherCut, splitRunTogether } from "@/lib/search/run-together";

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

/** The ids of a query's first ten hits, sorted. */
function foundIds(matcher: ReturnType<typeof createMatcher>, q: string): string[] {
  return matcher
    .match(q)!
    .top(10)
    .map((h) => h.seg.rank.ids[h.d])
    .sort();
}

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
    const found = (on: boolean) => foundIds(createMatcher(articles, { runTogether: on }), "hoc phi o tphcm");
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
  // `Plei Krông` written apart in 2 articles and glued (`Pleikrông`) in 1; `Congà` written glued in 3, `con gà` apart in 2.
  const docs = [
    testArticle({ id: "apart1", title: "Cá chết ở Plei Krông", paragraphs: ["Dân thấy cá chết ở hồ Plei Krông."] }),
    testArticle({ id: "apart2", title: "Nước hồ Plei Krông dâng", paragraphs: ["Hồ Plei Krông xả lũ."] }),
    testArticle({ id: "glued", title: "Cá bè chết ở lòng hồ", paragraphs: ["Cá nuôi trên hồ Pleikrông chết hàng loạt."] }),
    testArticle({ id: "hen1", title: "Nuôi con gà", paragraphs: ["Con gà đẻ trứng."] }),
    testArticle({ id: "hen2", title: "Bán con gà", paragraphs: ["Con gà trống gáy."] }),
    ...Array.from({ length: 3 }, (_, i) => testArticle({ id: `conga${i}`, title: `Đội Congà thắng trận ${i}`, paragraphs: ["Đội Congà thắng đậm."] })),
  ];
  const lex = memoryArchive(docs).lexicon;
  const reading = (q: string) => joinGlued(lex, splitRunTogether(lex, parseQuery(q))).whole;

  it("lets both syllables match the glued word when the archive writes it at most as often as apart", () => {
    const whole = reading("ca chet plei krong");
    expect(whole.slice(0, 2)).toEqual([-1, -1]);
    expect(whole[2]).toBeGreaterThanOrEqual(0);
    expect(whole[3]).toBe(whole[2]);
    // Written glued more often than apart, the glued word is a word of its own; a quoted pair is read as typed.
    expect(reading("con ga").every((f) => f < 0)).toBe(true);
    expect(reading('"plei krong"').every((f) => f < 0)).toBe(true);
  });

  it("reads a pair of common words as typed, however rarely its glued spelling is written", () => {
    // `cà phê` apart in GLUED_MAX_APART + 1 articles, `Caphe` glued in one (a shop's name).
    const common = [
      ...Array.from({ length: GLUED_MAX_APART + 1 }, (_, i) => testArticle({ id: `cafe${i}`, title: `Uống cà phê số ${i}`, paragraphs: ["Cà phê sữa đá."] })),
      testArticle({ id: "shop", title: "Quán Caphe mở cửa", paragraphs: ["Quán Caphe bán trà."] }),
    ];
    const lex2 = memoryArchive(common).lexicon;
    expect(joinGlued(lex2, splitRunTogether(lex2, parseQuery("ca phe"))).whole.every((f) => f < 0)).toBe(true);
  });

  it("finds the article writing the name glued beside the ones writing it apart", () => {
    const found = (on: boolean) => foundIds(createMatcher(docs, { glued: on }), "ca chet plei krong");
    expect(found(true)).toEqual(["apart1", "glued"]);
    expect(found(false)).toEqual(["apart1"]);
  });
});
