// A hit's title and snippet read their words' terms from the index's token stream; the
// text alone (analysed word by word) must mark the same words, whatever the text holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { SearchEngine } from "@/lib/search/engine";
import { createMatcher } from "@/lib/search/matcher";
import { textAfterTitle } from "@/lib/search/derived-title";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const WORDS = ["hòa", "hoà", "hoa", "bình", "binh", "Kim", "Jong-un", "6.300", "25/4", "đồng", "kg", "giá", "vàng", "Giá"];
const GAPS = [" ", " ", ", ", ". ", " - ", "\n", " (", ") ", ' "'];
const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { minLength: 1, maxLength: 30 }).map((parts) =>
  parts
    .map(([w, g]) => w + g)
    .join("")
    .trim(),
);

describe("marks read from the token stream", () => {
  it("equal the marks of the text analysed alone, in titles and snippets", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...WORDS, "gi", "bin"), { minLength: 1, maxLength: 3 }),
        (docs, words) => {
          const articles = docs.map(([title, paragraphs], i) => testArticle({ id: `a${i}`, title, paragraphs }));
          const engine = new SearchEngine(articles);
          const plain = createMatcher(articles);
          const q = words.join(" ");
          for (const hit of engine.search({ ...EMPTY_QUERY, q, match: "any", size: 10 }).hits) {
            const article = articles.find((a) => a.id === hit.id)!;
            expect(hit.titleSegments).toEqual(plain.highlight(article.title, q));
            expect(hit.snippet).toEqual(plain.snippet({ ...article, paragraphs: textAfterTitle(article) }, q));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
