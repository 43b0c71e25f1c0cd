import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasCapitalPair, wordsBefore } from "@/lib/corpus/char-class";

// The regexes the scans replace: their answers must be the same on any text.
const CAPITAL_PAIR = /\p{Lu}{2,} \p{Lu}{2,}/u;
const WORDS_BEFORE = /(?:^|[\s(“"'‘])((?:[\p{L}\p{M}.]+ )?[\p{L}\p{M}.]+) $/u;

// Characters of every class the scans tell apart, astral ones included ("𝐀" is \p{Lu}, "😀" none).
const char = fc.constantFrom(..."AĐỄÉBZađễbz Ǆǅǆ.,;:()“”\"'‘’-–\t\u00a0\u0301\u0300019𝐀😀ΣσΟ");
const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(""));

describe("char-class scans", () => {
  it("hasCapitalPair answers as /\\p{Lu}{2,} \\p{Lu}{2,}/u", () => {
    fc.assert(
      fc.property(text, (s) => hasCapitalPair(s) === CAPITAL_PAIR.test(s)),
      { numRuns: 20000 },
    );
    expect(hasCapitalPair("đội hình: MANUEL NEUER, Bayern")).toBe(true);
    expect(hasCapitalPair("UBND tỉnh Quảng Nam")).toBe(false);
    expect(hasCapitalPair("Ông ĐẶNG VĂN")).toBe(true);
  });

  it("wordsBefore captures what the regex captures, lowercased", () => {
    const viaRegex = (s: string) => WORDS_BEFORE.exec(s)?.[1].toLowerCase() ?? "";
    // Text before a name mostly ends with a space: half the cases do.
    const before = fc.oneof(
      text,
      text.map((s) => `${s} `),
    );
    fc.assert(
      fc.property(before, (s) => wordsBefore(s) === viaRegex(s)),
      { numRuns: 20000 },
    );
    expect(wordsBefore("phát biểu của Tổng thống ")).toBe("tổng thống");
    expect(wordsBefore("(HLV ")).toBe("hlv");
    expect(wordsBefore("đội, HLV ")).toBe("hlv");
    expect(wordsBefore("đội,HLV ")).toBe("");
    expect(wordsBefore("HLV")).toBe("");
  });
});
