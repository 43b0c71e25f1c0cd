// nextWord replaces `tokenize` (`text.matchAll(WORD)`, slashed year ranges cut in two) where
// only offsets are needed: it must find the same words, at the same offsets, in any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "@/lib/text/analyzer";
import { nextLetterRun, nextWord } from "@/lib/text/word-scan";

function byRegex(text: string): [number, number][] {
  return tokenize(text).map((t) => [t.start, t.end]);
}

function byScan(text: string): [number, number][] {
  const out: [number, number][] = [];
  const span = { start: 0, end: 0 };
  for (let at = 0; nextWord(text, at, span); at = span.end) out.push([span.start, span.end]);
  return out;
}

// Pieces that exercise every branch: Vietnamese letters (composed and with combining
// marks), digits of several scripts, the number separators, other numbers (², ½), astral
// letters and digits, emoji, lone surrogates, spaces, hyphens, punctuation.
const PIECES = [
  "2016",
  "17",
  "2017",
  "‐",
  "a",
  "Đ",
  "ư",
  "ờ",
  "o\u0300",
  "\u0301",
  "0",
  "7",
  "٣",
  "０",
  "²",
  "½",
  ".",
  ",",
  "/",
  "-",
  " ",
  "\n",
  "'",
  "“",
  "𝐀",
  "𝟎",
  "😀",
  "\ud800",
  "\udc00",
  "中",
  "_",
];

describe("nextWord", () => {
  it("finds the words of tokenize at the same offsets in any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(byScan(text)).toEqual(byRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with tokenize on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        expect(byScan(text)).toEqual(byRegex(text));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps grouped numbers whole and splits words at hyphens", () => {
    const text = "Giá 6.300 đồng/kg ngày 25/4/2025, Jong-un 1.a";
    expect(byScan(text).map(([s, e]) => text.slice(s, e))).toEqual(["Giá", "6.300", "đồng", "kg", "ngày", "25/4/2025", "Jong", "un", "1", "a"]);
  });

  it("splits a code's letters from its digits, as tokenize does", () => {
    const text = "U23 và H7N9, Su-30 và 2,4D";
    expect(byScan(text).map(([s, e]) => text.slice(s, e))).toEqual(["U", "23", "và", "H", "7", "N", "9", "Su", "30", "và", "2,4", "D"]);
  });

  it("cuts a slashed year range in two, as tokenize does", () => {
    const text = "mùa 2016/17, 2016/2017 và 17/5/2017";
    expect(byScan(text).map(([s, e]) => text.slice(s, e))).toEqual(["mùa", "2016", "17", "2016", "2017", "và", "17/5/2017"]);
  });
});

describe("nextLetterRun", () => {
  const runs = (text: string) => {
    const out: [number, number][] = [];
    const span = { start: 0, end: 0 };
    for (let at = 0; nextLetterRun(text, at, span); at = span.end) out.push([span.start, span.end]);
    return out;
  };
  const byRegex = (text: string) => [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m): [number, number] => [m.index, m.index + m[0].length]);

  it("finds the runs of /[\\p{L}\\p{M}\\p{N}]+/gu at the same offsets in any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.string({ unit: "binary", maxLength: 30 }), (pieces, noise) => {
        const text = pieces.join("") + noise;
        expect(runs(text)).toEqual(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});
