import { describe, expect, it } from "vitest";
import { expectedCost } from "@/lib/http/search-cost";
import { SearchEngine } from "@/lib/search/engine";
import { testArticle } from "@/lib/corpus/test-article";

const article = (id: string, title: string, body: string) => testArticle({ id, title, paragraphs: [body] });

describe("a search's expected cost", () => {
  // "giá" is in every article, "vàng" in two, "Putin" in one.
  const engine = new SearchEngine([
    article("1", "Giá vàng tăng", "Giá vàng hôm nay tăng mạnh."),
    article("2", "Giá xăng giảm", "Giá xăng dầu giảm nhẹ."),
    article("3", "Giá vàng và Putin", "Ông Putin nói về giá cả."),
  ]);
  const lexicon = engine.archive.lexicon;

  it("is the sum of the words' document frequencies, so common words cost more than rare ones", () => {
    expect(expectedCost(lexicon, "Putin")).toBe(1);
    expect(expectedCost(lexicon, "vàng")).toBe(2);
    expect(expectedCost(lexicon, "giá")).toBe(3);
    expect(expectedCost(lexicon, "giá vàng")).toBe(5);
    expect(expectedCost(lexicon, "gia vang")).toBe(5);
  });

  it("counts nothing for a word the archive does not have, or no words", () => {
    expect(expectedCost(lexicon, "xyzzy")).toBe(0);
    expect(expectedCost(lexicon, "")).toBe(0);
  });
});
