import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { createMatcher } from "@/lib/search/matcher";
import { expandQuery } from "@/lib/search/query-expand";
import { parseQuery } from "@/lib/search/query-parse";
import { RANK_WEIGHTS } from "@/lib/search/rank-score";
import { postingCount, rarestWordTerms, subjectCounts, subjectShare } from "@/lib/search/subject";

// The hearing's round-up holds the query's common words in its title and names Sessions once in
// its body; the report names him by his office in its title and by name all through its text.
const articles = [
  testArticle({
    id: "roundup",
    title: "Thắng thua trong buổi điều trần của cựu giám đốc FBI",
    paragraphs: ["Buổi điều trần kéo dài ba giờ, ông Comey từ chối bình luận.", "Bộ trưởng Sessions cũng được nhắc tới."],
  }),
  testArticle({
    id: "report",
    title: "Bộ trưởng Tư pháp Mỹ phản đòn",
    paragraphs: [
      "Bộ trưởng Sessions nói ông không gặp quan chức Nga.",
      "Sessions gọi tin đồn là bịa đặt. Theo Sessions, ông từ chối mọi cáo buộc.",
      "Quốc hội muốn Sessions ra điều trần.",
    ],
  }),
  ...[1, 2, 3].map((i) =>
    testArticle({ id: `filler${i}`, title: `Phiên điều trần số ${i}`, paragraphs: [`Nhân chứng từ chối trả lời trong buổi điều trần ${i}.`] }),
  ),
];

describe("the query's subject", () => {
  const archive = memoryArchive(articles);
  const lex = archive.lexicon;
  const seg = archive.segments[0].rank;

  it("reads the query's rarest word, with its spellings", () => {
    // `sessions` is in 2 articles, `điều`, `trần`, `từ`, `chối` in all 5.
    expect(rarestWordTerms(lex, expandQuery(lex, parseQuery("Sessions từ chối điều trần").words))).toEqual(["sessions"]);
    expect(rarestWordTerms(lex, expandQuery(lex, parseQuery("điều trần FBI").words))).toEqual(["fbi"]);
    // A word no article writes holds nothing: the rarest word written is read.
    expect(rarestWordTerms(lex, expandQuery(lex, parseQuery("xyzw điều trần Sessions").words))).toEqual(["sessions"]);
    expect(rarestWordTerms(lex, [])).toBeNull();
  });

  it("counts a title holding the word as the whole share, else the lead's and body's mentions", () => {
    // foldedTf: title << 12 | lead << 8 | body.
    expect(postingCount((1 << 12) | 3)).toBe(255);
    expect(postingCount((2 << 8) | 3)).toBe(5);
    expect(postingCount(255)).toBe(254);
    expect(subjectShare(255, 5)).toBe(1);
    expect(subjectShare(2, 5)).toBe(0.4);
    expect(subjectShare(9, 5)).toBe(1);
  });

  it("reads each article's count from the postings, passed or searched alike", () => {
    const d = (id: string) => seg.ids.indexOf(id);
    // The round-up: once in its body; the report: once in its lead and three times in its body.
    for (const [articlesAsked, cost] of [
      [1, 1],
      [5, 4],
    ]) {
      const countOf = subjectCounts(seg, ["sessions", "nowhere"], articlesAsked, cost);
      expect([d("roundup"), d("report"), d("filler1")].map(countOf)).toEqual([1, 4, 0]);
    }
    expect(subjectCounts(seg, ["thang"], 1, 1)(d("roundup"))).toBe(255);
  });

  it("ranks the report naming the query's subject above a title holding only the query's common words", () => {
    const top = (subject: number) =>
      createMatcher(articles, { weights: { ...RANK_WEIGHTS, subject } })
        .match("Sessions từ chối điều trần")!
        .top(2)
        .map((h) => h.seg.rank.ids[h.d]);
    expect(top(0)).toEqual(["roundup", "report"]);
    expect(top(20)).toEqual(["report", "roundup"]);
  });
});
