import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vnDistance, vnDistanceFrom } from "@/lib/text/vn-distance";

/** The distance as first written (regular expressions over the NFD form): the faster one must give the same numbers. */
function reference(a: string, b: string): number {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const spell = (word: string) => {
    const nfd = word.normalize("NFC").toLowerCase().normalize("NFD");
    const tone = (nfd.match(TONES) ?? []).join("");
    const letters: string[] = [];
    const bases: string[] = [];
    for (const ch of nfd.replace(TONES, "")) {
      if (/\p{M}/u.test(ch) && letters.length) letters[letters.length - 1] += ch;
      else {
        letters.push(ch === "đ" ? "d\u0335" : ch);
        bases.push(ch === "đ" ? "d" : ch);
      }
    }
    return { letters, bases, tone };
  };
  const x = spell(a);
  const y = spell(b);
  let prev = Array.from({ length: y.letters.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.letters.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.letters.length; j++) {
      const sub = x.letters[i - 1] === y.letters[j - 1] ? 0 : x.bases[i - 1] === y.bases[j - 1] ? 0.5 : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + sub));
    }
    prev = row;
  }
  return prev[y.letters.length] + (x.tone === y.tone ? 0 : 0.5);
}

describe("vnDistance", () => {
  it("charges half a letter for a tone or a vowel mark", () => {
    expect(vnDistance("hòa", "hóa")).toBe(0.5);
    expect(vnDistance("hòa", "hoa")).toBe(0.5);
    expect(vnDistance("đàm", "dàm")).toBe(0.5);
    expect(vnDistance("cơn", "con")).toBe(0.5);
    expect(vnDistance("cơn", "còn")).toBe(1);
  });

  it("ranks a mark error nearer than a letter error", () => {
    expect(vnDistance("hòa", "hóa")).toBeLessThan(vnDistance("hòa", "khoa"));
    expect(vnDistance("hòa", "khoa")).toBe(1.5);
    expect(vnDistance("bình", "bính")).toBeLessThan(vnDistance("bình", "bìn"));
  });

  it("ignores case and tone placement", () => {
    expect(vnDistance("Hòa", "hoà")).toBe(0);
    expect(vnDistance("thủy", "THUỶ")).toBe(0);
  });

  it("is a symmetric distance, at most the folded letter count apart", () => {
    const word = fc.constantFrom("hòa", "hoa", "bình", "đường", "dương", "khỏe", "Putin", "nguyễn", "ngày", "");
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(vnDistance(a, b)).toBe(vnDistance(b, a));
        expect(vnDistance(a, b) === 0).toBe(a.toLowerCase().normalize("NFC") === b.toLowerCase().normalize("NFC"));
        expect(vnDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length) + 0.5);
      }),
    );
  });

  it("gives what the first writing gave, from one word to many too", () => {
    // Vietnamese letters precomposed and decomposed, capitals, đ, marks of other blocks (a Thai
    // vowel sign, a combining mark past U+036F), a mark with no letter before it, a Cyrillic letter, a digit.
    const letters = [..."aăâbcdđeêghikmnoôơpqrstuưvxyAĐƯ0àảậễờựỶж-"];
    const marks = [..."\u0300\u0301\u0302\u0306\u031b\u0323\u0335\u0e34\u1ab0\u20d0"];
    const unit = fc.constantFrom(...letters, ...marks);
    const word = fc.array(unit, { maxLength: 9 }).map((u) => u.join(""));
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 5 }), (a, others) => {
        const from = vnDistanceFrom(a);
        for (const b of others) {
          expect(vnDistance(a, b)).toBe(reference(a, b));
          expect(from(b)).toBe(reference(a, b));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
