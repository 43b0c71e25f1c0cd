// A hit's title and snippet read their words' terms from the index's token stream; the
// text alone (analysed word by word) must mark the same words, whatever the text holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { SearchEngine } from "@/lib/search/engine";
import { createMatcher } from "@/lib/search/matcher";
import { textAfterTitle } from "@/lib/search/derived-title";
import { gatedOut, maskOfTerm, packFirstUnits, rulesOf, SNIPPET_MIN } from "@/lib/search/snippet";
import { fold } from "@/lib/text/analyzer";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const WORDS = ["hòa", "hoà", "hoa", "bình", "binh", "Kim", "Jong-un", "6.300", "25/4", "đồng", "kg", "giá", "vàng", "Giá"];
const GAPS = [" ", " ", ", ", ". ", " - ", "\n", " (", ") ", ' "'];
const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { minLength: 1, maxLength: 30 }).map((parts) =>
  parts
    .map(([w, g]) => w + g)
    .join("")
    .trim(),
);

/** Long paragraphs where query words are rare: the passage's words end long before the text does (markTokens stops early). */
const FILLER = ["xe", "máy", "người", "năm", "thành", "phố", "được", "cho", "biết", "trong"];
const longText = fc
  .array(
    fc.tuple(fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...WORDS) }, { weight: 12, arbitrary: fc.constantFrom(...FILLER) }), fc.constantFrom(...GAPS)),
    {
      minLength: 1,
      maxLength: 160,
    },
  )
  .map((parts) =>
    parts
      .map(([w, g]) => w + g)
      .join("")
      .trim(),
  );

/** Each hit's title and snippet, marked from the stream, equal those of its text analysed alone. */
function sameMarks(articles: Article[], q: string, engine = new SearchEngine(articles)) {
  const plain = createMatcher(articles);
  for (const hit of engine.search({ ...EMPTY_QUERY, q, match: "any", size: 10 }).hits) {
    const article = articles.find((a) => a.id === hit.id)!;
    expect(hit.titleSegments).toEqual(plain.highlight(article.title, q));
    expect(hit.snippet).toEqual(plain.snippet({ ...article, paragraphs: textAfterTitle(article) }, q));
  }
}

describe("marks read from the token stream", () => {
  it("give the whole passage when the only query word opens a paragraph far from the text's end", () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => FILLER[i % FILLER.length]).join(" ");
    // The passage starts at the word (no lead-in across a paragraph break) and runs SNIPPET_TARGET characters on.
    const article = testArticle({ id: "a", title: "Tin", paragraphs: [`${filler(60)}.`, `Giá ${filler(120)}.`, filler(80)] });
    const engine = new SearchEngine([article]);
    const plain = createMatcher([article]);
    const [hit] = engine.search({ ...EMPTY_QUERY, q: "giá" }).hits;
    expect(hit.snippet).toEqual(plain.snippet({ ...article, paragraphs: textAfterTitle(article) }, "giá"));
    expect(hit.snippet.map((s) => s.text).join("").length).toBeGreaterThan(SNIPPET_MIN);
  });

  it("equal the marks of the text analysed alone in long texts with few query words (the scan stops early)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.array(longText, { minLength: 1, maxLength: 3 }), fc.array(text, { maxLength: 2 })), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...WORDS, "gi", "bin"), { minLength: 1, maxLength: 3 }),
        (docs, words) =>
          sameMarks(
            docs.map(([title, paragraphs, captions], i) => ({ ...testArticle({ id: `a${i}`, title, paragraphs }), captions })),
            words.join(" "),
          ),
      ),
      { numRuns: 80 },
    );
  });

  it("equal the marks of the text analysed alone when one engine answers queries in turn (terms' first units kept between queries)", () => {
    let marked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.constantFrom(...WORDS, "gi", "bin", "đ"), { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 5 }),
        (docs, queries) => {
          const articles = docs.map(([title, paragraphs], i) => testArticle({ id: `a${i}`, title, paragraphs }));
          const engine = new SearchEngine(articles);
          for (const words of queries) {
            sameMarks(articles, words.join(" "), engine);
            marked += engine.search({ ...EMPTY_QUERY, q: words.join(" "), match: "any", size: 10 }).hits.filter((h) => h.snippet.some((s) => s.mark)).length;
          }
        },
      ),
      { numRuns: 60 },
    );
    // Not vacuous: later queries marked words.
    expect(marked).toBeGreaterThan(0);
  });

  it("equal the marks of the text analysed alone, in titles and snippets", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...WORDS, "gi", "bin"), { minLength: 1, maxLength: 3 }),
        (docs, words) =>
          sameMarks(
            docs.map(([title, paragraphs], i) => testArticle({ id: `a${i}`, title, paragraphs })),
            words.join(" "),
          ),
      ),
      { numRuns: 60 },
    );
  });
});

describe("maskOfTerm's first-unit gate", () => {
  const FORMS = ["hòa", "hoà", "hoa", "bình", "binh", "giá", "gia", "vàng", "vang", "đồng", "dong", "25", "kg", "", "ổn", "on", "Ở"];
  const keys = fc.uniqueArray(fc.constantFrom(...FORMS), { maxLength: 4 });
  const prefixes = fc.array(fc.record({ text: fc.constantFrom(...FORMS, "h", "đ", "v"), marked: fc.boolean() }), { maxLength: 2 });
  /** Mark rules for the drawn folded keys, exact keys and typed prefixes, each its own bit. */
  const rulesFor = (folded: string[], exact: string[], typed: { text: string; marked: boolean }[]) =>
    rulesOf(
      new Map(folded.map((k, i) => [k, 1 << i])),
      new Map(exact.map((k, i) => [k, 1 << (i + 4)])),
      typed.map((p, i) => ({ ...p, bit: 1 << (i + 8) })),
    );

  it("gives every word the mask the maps and prefixes give it without the gate", () => {
    let marked = 0;
    fc.assert(
      fc.property(keys, keys, prefixes, (folded, exact, typed) => {
        const rules = rulesFor(folded, exact, typed);
        const ungated = { ...rules, firsts: null };
        for (const term of FORMS) {
          const mask = maskOfTerm(rules, term, fold(term));
          expect(mask).toBe(maskOfTerm(ungated, term, fold(term)));
          if (mask) marked++;
        }
      }),
      { numRuns: 300 },
    );
    // Not vacuous: words were marked through the gate.
    expect(marked).toBeGreaterThan(0);
  });

  it("rules out from a term's packed first units exactly the words maskOfTerm's gate rules out", () => {
    const forms = [...FORMS, "가게", "ｶﾀ", "x\uffff"].filter(Boolean);
    let out = 0;
    fc.assert(
      fc.property(keys, keys, prefixes, (folded, exact, typed) => {
        const rules = rulesFor(folded, exact, typed);
        if (!rules.firsts) return;
        for (const term of forms) {
          const packed = packFirstUnits(term, fold(term));
          expect(packed).toBeGreaterThan(0);
          const byStrings = !rules.firsts.folded.includes(fold(term).charCodeAt(0)) && !rules.firsts.exact.includes(term.charCodeAt(0));
          expect(gatedOut(rules.firsts, packed)).toBe(byStrings);
          if (byStrings) {
            out++;
            expect(maskOfTerm({ ...rules, firsts: null }, term, fold(term))).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(out).toBeGreaterThan(0);
    // Forms that cannot be packed are left to maskOfTerm.
    expect(packFirstUnits("", "")).toBe(0);
    expect(packFirstUnits("\uffff", "\uffff")).toBe(0);
  });

  it("lets a word through by a prefix alone, and an empty prefix lets every word through", () => {
    const byPrefix = rulesOf(new Map([["gia", 1]]), new Map(), [{ text: "vie", marked: false, bit: 2 }]);
    expect(maskOfTerm(byPrefix, "việt", "viet")).toBe(2);
    expect(maskOfTerm(byPrefix, "bình", "binh")).toBe(0);
    const empty = rulesOf(new Map(), new Map(), [{ text: "", marked: true, bit: 4 }]);
    expect(empty.firsts).toBeNull();
    expect(maskOfTerm(empty, "bình", "binh")).toBe(4);
  });
});
