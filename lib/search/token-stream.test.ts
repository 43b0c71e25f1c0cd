import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { BREAK, buildRankIndex, ESCAPE, packStream, streamLength, tokenAt } from "@/lib/search/rank-index";
import { joins, tokenize } from "@/lib/text/analyzer";

/** A distinct made-up word per number: letters only, so the analyzer keeps it as one token. */
const word = (n: number) => {
  let s = "";
  do {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return `q${s}`;
};

describe("the packed token stream", () => {
  it("gives back every id and break it was packed from", () => {
    const token = fc.oneof(fc.constant(BREAK), fc.integer({ min: 0, max: 200 }), fc.integer({ min: ESCAPE - 3, max: ESCAPE + 5000 }));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 300 }), (tokens) => {
        const s = packStream(Int32Array.from(tokens));
        expect(streamLength(s)).toBe(tokens.length);
        expect(Array.from(tokens, (_, i) => tokenAt(s, i))).toEqual(tokens);
      }),
    );
  });

  it("numbers the terms of a segment with more terms than 16 bits hold by frequency, and reads the rare ones back", () => {
    const distinct = ESCAPE + 2000;
    // Each paragraph: 500 distinct words, then the common word "tin" three times.
    const paragraphs: string[] = [];
    for (let at = 0; at < distinct; at += 500) {
      const words = Array.from({ length: Math.min(500, distinct - at) }, (_, k) => word(at + k));
      paragraphs.push(`${words.join(" ")} tin tin tin`);
    }
    const index = buildRankIndex([testArticle({ id: "a", title: "Một bài rất dài", paragraphs })]);
    expect(index.exactTerm.length).toBeGreaterThan(ESCAPE);
    expect(index.stream.excId.length).toBeGreaterThan(0);
    // The most frequent term takes id 0, so it is never escaped.
    expect(index.exactTerm[0]).toBe("tin");
    const expected = ["Một bài rất dài", ...paragraphs].flatMap((text) => tokenize(text).map((t) => t.term));
    const read: string[] = [];
    for (let i = index.docStart[0]; i < index.docStart[1]; i++) {
      const e = tokenAt(index.stream, i);
      if (e !== BREAK) read.push(index.exactTerm[e]);
    }
    expect(read).toEqual(expected);
    // Postings agree with the renumbered ids.
    const rare = index.exactId.get(word(distinct - 1))!;
    expect(rare).toBeGreaterThanOrEqual(ESCAPE);
    expect(index.exactStart[rare + 1] - index.exactStart[rare]).toBe(1);
  });
});

describe("the writer's tokens", () => {
  /** A text's tokens as the stream holds them: terms, with a break before each that does not join. */
  const analysed = (text: string) => {
    const tokens = tokenize(text);
    return tokens.flatMap((t, i) => (i > 0 && joins(text, tokens[i - 1], t) ? [t.term] : ["|", t.term]));
  };
  const streamed = (text: string) => {
    const index = buildRankIndex([testArticle({ id: "a", title: text, paragraphs: [] })]);
    const out: string[] = [];
    for (let i = index.docStart[0]; i < index.titleEnd[0]; i++) {
      const e = tokenAt(index.stream, i);
      out.push(e === BREAK ? "|" : index.exactTerm[e]);
    }
    return out;
  };

  it("are tokenize's, with its joins, year ranges included", () => {
    const piece = fc.constantFrom("mùa", "Giải", "2016", "17", "2017", "5", "-", "/", ".", " ", "\n", "(");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");
        expect(streamed(text)).toEqual(analysed(text));
      }),
      { numRuns: 300 },
    );
  });

  it("index every form of a season as the same joined years", () => {
    for (const form of ["2016-2017", "2016/2017", "2016/17", "2016-17"]) expect(streamed(`mùa giải ${form}`)).toEqual(["|", "mùa", "giải", "2016", "2017"]);
    // The spelling `17` elsewhere stays 17.
    expect(streamed("2016/17 và 17")).toEqual(["|", "2016", "2017", "và", "17"]);
  });
});
