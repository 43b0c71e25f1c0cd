import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allCapitals, CAPITAL_RUN, capitalRuns, hasCapitalPair, lowerWordAfter, wordAfter, wordsBefore } from "@/lib/corpus/char-class";

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
    expect(hasCapitalPair("A𝐀 BC")).toBe(true);
    expect(hasCapitalPair("𝐀 BC")).toBe(false);
  });

  it("allCapitals answers as /^\\p{Lu}{2,}$/u and /^\\p{Lu}+$/u", () => {
    const word = fc.array(fc.constantFrom(..."AĐỄÉBZađễ ǅǆ.\u0301019𝐀😀ΣσǄ"), { maxLength: 6 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(word, (w) => allCapitals(w, 2) === /^\p{Lu}{2,}$/u.test(w) && allCapitals(w, 1) === /^\p{Lu}+$/u.test(w)),
      { numRuns: 20000 },
    );
    expect(allCapitals("UBND", 2)).toBe(true);
    expect(allCapitals("𝐀", 2)).toBe(false);
    expect(allCapitals("𝐀", 1)).toBe(true);
    expect(allCapitals("A", 2)).toBe(false);
    expect(allCapitals("Hà", 1)).toBe(false);
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

  it("wordAfter and lowerWordAfter capture what their regexes capture after a name", () => {
    // Each scan, its regex, how many characters after the name it reads, and whether it lowercases.
    const scans: [(s: string, end: number) => string, RegExp, number, boolean][] = [
      [wordAfter, /^ ([\p{L}\p{M}]+)/u, 20, true],
      [lowerWordAfter, /^ (\p{Ll}+)/u, 12, false],
    ];
    // A name's end anywhere in a text, and (most cases) right before a space: texts long enough
    // to reach the limits.
    const long = fc.array(char, { maxLength: 30 }).map((cs) => cs.join(""));
    for (const [scan, re, span, lower] of scans) {
      const viaRegex = (s: string, end: number) => {
        const w = re.exec(s.slice(end, end + span))?.[1] ?? "";
        return lower ? w.toLowerCase() : w;
      };
      fc.assert(
        fc.property(long, long, fc.nat(60), (a, b, end) => {
          const s = `${a} ${b}`;
          return scan(s, a.length) === viaRegex(s, a.length) && scan(s, end) === viaRegex(s, end);
        }),
        { numRuns: 20000 },
      );
    }
    expect(wordAfter("Ông Trump cho biết", 9)).toBe("cho");
    expect(wordAfter("Ông Trump, 70 tuổi", 9)).toBe("");
    expect(wordAfter("Ông Trump Đến", 9)).toBe("đến");
    expect(wordAfter("Ronaldo abcdefghijklmnopqrstuvwxyz", 7)).toBe("abcdefghijklmnopqrs");
    expect(lowerWordAfter("Phó Giáo sư Nguyễn", 8)).toBe("sư");
    expect(lowerWordAfter("Ông Trump Đến", 9)).toBe("");
    expect(lowerWordAfter("Ronaldo abcdefghijklmnop", 7)).toBe("abcdefghijk");
  });

  it("capitalRuns finds what matchAll(CAPITAL_RUN) finds", () => {
    const viaRegex = (s: string) => [...s.matchAll(CAPITAL_RUN)].flatMap((m) => [m.index, m.index + m[0].length]);
    // Pieces of names and of what may break them: particles, "al-", joiners, numbers, combining
    // marks, full stops, capitals of several scripts (astral ones send the scan to the regex).
    const piece = fc.constantFrom(
      ..."AĐỄÉBZađễbzΣσǅ.,-'’ 019\u0301\u0300()".split(""),
      " ",
      "  ",
      "Nguyễn",
      "Văn",
      "Jean",
      "-Pierre",
      "al-",
      "el-",
      "bin ",
      "van ",
      "der ",
      "de ",
      "del ",
      "dos",
      "dosage ",
      "Hoa\u0300",
      "A1",
      "𝐀",
    );
    const pieces = fc.array(piece, { maxLength: 16 }).map((ps) => ps.join(""));
    fc.assert(
      fc.property(pieces, (s) => JSON.stringify(capitalRuns(s)) === JSON.stringify(viaRegex(s))),
      { numRuns: 20000 },
    );
    const runs = (s: string) => {
      const r = capitalRuns(s);
      return r.flatMap((_, i) => (i % 2 ? [] : [s.slice(r[i], r[i + 1])]));
    };
    expect(runs("Chủ tịch Ursula von der Leyen gặp Bashar al-Assad.")).toEqual(["Chủ", "Ursula von der Leyen", "Bashar al-Assad"]);
    expect(runs("Jean-Pierre2 và Hoa\u03009, TP.Hồ Chí Minh")).toEqual(["Jean", "Hoa", "TP", "Chí Minh"]);
  });
});
