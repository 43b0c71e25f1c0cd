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
