import { describe, expect, it } from "vitest";
import { parseQuery, unquotedQuery } from "@/lib/search/query-parse";

describe("parseQuery phrases", () => {
  it("makes a hyphenated chunk one phrase of its parts, once", () => {
    expect(parseQuery("Kim Jong-un").phrases).toEqual([[1, 2]]);
    expect(parseQuery('"hòa bình" Jong-un').phrases).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("keeps a dotted or slashed chunk's parts as words of their own, as an article's analyzer breaks them", () => {
    // Articles write `TP.HCM` and `8.000 đồng/lít` with a break between the parts: a phrase would never match them.
    expect(parseQuery("TP.HCM").phrases).toEqual([]);
    expect(parseQuery("thuế xăng 8.000 đồng/lít").phrases).toEqual([]);
    expect(parseQuery("thuế xăng 8.000 đồng/lít").words.map((w) => w.term)).toEqual(["thuế", "xăng", "8.000", "đồng", "lít"]);
    expect(parseQuery("Jong-un/TP.HCM").phrases).toEqual([[0, 1]]);
  });
});

describe("parseQuery words", () => {
  it("flags each word: marked, tight, quoted and the last word's prefix, a flag left out where unset", () => {
    const words = parseQuery('"Hòa bình" U23 hà noi');
    // Strict: `tight` and `quoted` are absent (not false) where unset; the keys in the order written.
    expect(words.words).toStrictEqual([
      { text: "Hòa", start: 1, end: 4, term: "hoà", folded: "hoa", marked: true, prefix: false, joinsPrev: false, phrase: 0, quoted: true },
      { text: "bình", start: 5, end: 9, term: "bình", folded: "binh", marked: true, prefix: false, joinsPrev: true, phrase: 0, quoted: true },
      { text: "U", start: 11, end: 12, term: "u", folded: "u", marked: false, prefix: false, joinsPrev: false, phrase: 1 },
      { text: "23", start: 12, end: 14, term: "23", folded: "23", marked: false, prefix: false, joinsPrev: true, phrase: 1, tight: true },
      { text: "hà", start: 15, end: 17, term: "hà", folded: "ha", marked: true, prefix: false, joinsPrev: true, phrase: -1 },
      { text: "noi", start: 18, end: 21, term: "noi", folded: "noi", marked: false, prefix: true, joinsPrev: true, phrase: -1 },
    ]);
    expect(Object.keys(words.words[3])).toEqual(["text", "start", "end", "term", "folded", "marked", "prefix", "joinsPrev", "phrase", "tight"]);
  });
});

describe("unquotedQuery", () => {
  it("takes the quotes away and keeps the words in order", () => {
    expect(unquotedQuery('"sinh ba cùng trứng"')).toBe("sinh ba cùng trứng");
    expect(unquotedQuery("tin đồn “gạo giả” ở Hà Nội")).toBe("tin đồn gạo giả ở Hà Nội");
  });

  it("is null when nothing is quoted (an unmatched quote quotes nothing)", () => {
    expect(unquotedQuery("sinh ba cùng trứng")).toBeNull();
    expect(unquotedQuery('sinh ba "cùng trứng')).toBeNull();
    expect(unquotedQuery('""')).toBeNull();
  });
});
